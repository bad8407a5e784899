"""The one object the CLI, the web app and the evaluation use: store + index + embedder + answerer.

Built explicitly from ``Settings`` (no global state). Ingestion is idempotent (reports are keyed by the hash of their
bytes) and never breaks the running index: a file that cannot be read is reported by name and skipped, and the search
index is swapped in only once it is fully built.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import overload

import numpy as np

from .agencies import agency_aliases, match_agencies
from .answering import Answerer
from .answering.facts import FactBase
from .chunking import bm25_tokens, report_passages
from .config import Settings
from .documents import Answer, Fact, Hit, Report
from .embedding import Embedder, make_embedder
from .errors import QueryTooLong, StoreMissing, StoreUnavailable
from .index import (
    IndexMismatch,
    SearchIndex,
    build_index,
    current_fingerprint,
    indexed_reports,
    load_index,
    prefetch_vectors,
    remove_stale_builds_unless_building,
    text_hash,
)
from .language import question_language
from .lexicon import load_lexicon
from .loaders import SUPPORTED_SUFFIXES, LoadError, load_document
from .milvus_vectors import MilvusDense, uses_milvus
from .parsing import PARSER_VERSION, parse_report
from .retrieval import Filters, Retriever
from .store import ReportStore, open_store
from .wording import say_too_long

log = logging.getLogger(__name__)
RELOAD_WAIT = 1.0  # seconds a request waits for a newly published build before answering from the one it has
ProgressFn = Callable[[float, str], None]


@dataclass(frozen=True)
class Serving:
    """What answers questions: one build with its retriever and answerer, swapped in whole, never changed. The
    answerer (every fact, read from the store) is made on first use: an ingest or a search does not need it."""

    index: SearchIndex
    retriever: Retriever
    store: ReportStore
    top_k: int
    store_generation: int = 0  # the store's generation when this build was loaded (a shared store is checked)
    # the facts a build before this one read, with the report versions they were read at: taken over on first use
    carried: list[tuple[FactBase, dict[str, str]]] = field(default_factory=list)

    @cached_property
    def facts_read(self) -> tuple[FactBase, dict[str, str]]:
        """The reports' facts, each read on first use, with the report versions this build was loaded at; a report
        the build before read at the same version is taken over from it (with its indexes), so neither start-up nor
        a new report costs a read of the corpus."""
        versions = self.store.report_versions()
        reports = self.store.reports()
        previous = self.carried.pop() if self.carried else None
        if previous is None:
            return FactBase(reports, [], load_lexicon(), read=self.store.facts, stored=self.store), versions
        base, read_at = previous
        kept = {rid for rid, v in versions.items() if read_at.get(rid) == v}
        return FactBase.updated(base, reports, kept, self.store.facts, self.store), versions

    def carry_over(self) -> list[tuple[FactBase, dict[str, str]]]:
        """What the next build can take over: the facts this one read, or those it was given and never used."""
        if "facts_read" in self.__dict__:
            return [self.facts_read]
        return list(self.carried)

    @cached_property
    def answerer(self) -> Answerer:
        base, _ = self.facts_read
        return Answerer(list(base.reports.values()), [], self.retriever, top_k=self.top_k,
                        stored_vectors=self.stored_vectors, fact_base=base)

    def stored_vectors(self, texts: list[str]) -> dict[str, np.ndarray]:
        """Vectors that ingest encoded for these texts (figure texts: ``write_segment``), by text."""
        by_hash = {text_hash(t): t for t in texts}
        found = self.store.cached_vectors(self.retriever.embedder.model_id, list(by_hash))
        return {by_hash[h]: v for h, v in found.items()}


@dataclass
class IngestResult:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    reparsed: list[str] = field(default_factory=list)  # also in ``added``: stored before by an older parser
    errors: dict[str, str] = field(default_factory=dict)  # file name → reason
    warnings: dict[str, list[str]] = field(default_factory=dict)
    encoded_passages: int = 0


def expand_paths(paths: Iterable[Path | str]) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")
                            and f.name.lower() != "readme.md")
        else:
            files.append(p)
    return files


class Engine:
    def __init__(self, settings: Settings | None = None, embedder: Embedder | None = None) -> None:
        self.settings = settings or Settings.from_env()
        self.settings.index_dir.mkdir(parents=True, exist_ok=True)
        self.store = open_store(self.settings.store, self.settings.index_dir)
        self._embedder = embedder
        self._serving: Serving | None = None
        self._lock = threading.RLock()  # guards the swap of ``_serving`` and the reloader thread
        self._reload_lock = threading.Lock()  # one load at a time
        self._reloader: threading.Thread | None = None
        self._ingest_lock = threading.Lock()
        self._milvus: MilvusDense | None = None
        remove_stale_builds_unless_building(self.settings.index_dir)  # left by a build that was killed

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = make_embedder(self.settings.embedder)
        return self._embedder

    # ---------------------------------------------------------------- ingestion
    def ingest(self, paths: Iterable[Path | str], *, agency: str | None = None, year: int | None = None,
               synthetic: bool = False, progress: ProgressFn | None = None, load: bool = True,
               on_stored: Callable[[str], None] | None = None) -> IngestResult:
        """Parse, store and index the files; ``load=False`` publishes the build without loading it here (the
        ingest worker: the serving process loads it); ``on_stored`` is told each file name once its report is
        stored (or was already), so a caller knows what a crash during the build cannot lose."""
        result = IngestResult()
        files = expand_paths(paths)
        for i, path in enumerate(files):
            if progress:
                progress(i / max(1, len(files)) * 0.5, f"解析 {path.name}")
            try:
                self._ingest_file(path, agency, year, synthetic, result)
                if on_stored:
                    on_stored(path.name)
            except LoadError as exc:
                log.warning("skipped %s", exc)
                result.errors[path.name] = exc.reason
            except (sqlite3.OperationalError, OSError, StoreUnavailable) as exc:  # the disk, not the file: say so
                log.exception("could not store %s", path.name)
                result.errors[path.name] = f"cannot be stored ({type(exc).__name__}: {exc}); is the disk full?"
            except Exception as exc:  # a parser bug on one file must not lose the rest of the batch
                log.exception("skipped %s: unexpected error", path.name)
                result.errors[path.name] = f"cannot parse ({type(exc).__name__}: {exc})"
        # Encode and build outside the read lock, so questions keep being answered from the current index meanwhile;
        # only the swap to the new index takes the lock. Ingests themselves run one at a time.
        with self._ingest_lock:
            before = self.store.counts()["embeddings"]
            generation = self.store.generation()
            try:
                index = self._build((lambda f, msg: progress(0.5 + f / 2, msg)) if progress else None, load=load)
            finally:
                result.encoded_passages = self.store.counts()["embeddings"] - before
            if index is not None:
                with self._reload_lock:
                    self._install(index, generation)
        if progress:
            progress(1.0, "完成")
        return result

    def ingest_in_worker(self, paths: Iterable[Path | str], *, agency: str | None = None, year: int | None = None,
                         progress: ProgressFn | None = None) -> IngestResult:
        """``ingest`` in a child process at lower priority (see ``ingest_worker``); its build is loaded here when it
        is done, while questions go on being answered from the current one."""
        from .ingest_worker import ingest_in_worker

        result = ingest_in_worker(self.settings, expand_paths(paths), agency=agency, year=year, progress=progress)
        self.refresh()
        return result

    def _ingest_file(self, path: Path, agency: str | None, year: int | None, synthetic: bool,
                     result: IngestResult) -> None:
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            raise LoadError(path, f"unsupported file type {path.suffix or '(none)'}")
        data = path.read_bytes()
        digest = hashlib.sha256(data + f"\x00{agency or ''}\x00{year or ''}".encode()).hexdigest()[:16]
        stored_by = self.store.parsed_with(digest)
        if stored_by == PARSER_VERSION:
            result.unchanged.append(path.name)
            return
        doc = load_document(path)
        report = parse_report(doc, digest, agency=agency, year=year, synthetic=synthetic)
        if not report.sections and not report.facts:
            raise LoadError(path, "no report text or tables found")
        passages = report_passages(report)
        tokens = [bm25_tokens(p) for p in passages]  # once, here: index builds never re-tokenise
        self.store.put_report(report, passages, tokens, parser=PARSER_VERSION)
        result.added.append(path.name)
        if stored_by is not None:
            result.reparsed.append(path.name)
            log.info("%s: stored by an older parser (%s), parsed again", path.name, stored_by or "unversioned")
        if report.warnings:
            result.warnings[path.name] = report.warnings
        log.info("ingested %s: %s %s, %d facts, %d warnings", path.name, report.agency, report.year,
                 len(report.facts), len(report.warnings))

    def ensure_index(self, progress: ProgressFn | None = None) -> None:
        """On first start with an empty index, ingest the shipped corpus.

        An empty store beside a build that holds reports means the store file was lost: the build is kept (restoring
        the file brings it back) and the error says so, rather than replacing it with the shipped corpus.
        """
        if self.store.counts()["reports"]:
            if older := self.store.reports_parsed_before(PARSER_VERSION):
                log.warning("%d indexed reports were parsed by an older parser: ingest their files again "
                            "(`reportqa ingest <folders>`) to read them with this one", older)
            return
        if not self.store.shared and (indexed := indexed_reports(self.settings.index_dir)):
            raise StoreMissing(f"the store {self.store.location} holds no reports but the index in "
                               f"{self.settings.index_dir} holds {indexed}: the index is kept. Restore the store file, "
                               "or ingest the reports again.")
        if self.settings.corpus_dir.is_dir():
            log.info("empty index: ingesting %s", self.settings.corpus_dir)
            self.ingest([self.settings.corpus_dir], progress=progress)

    def delete_report(self, report_id: str) -> None:
        with self._ingest_lock:
            self.store.delete_report(report_id)
            self._install(self._build(allow_empty=True))

    @overload
    def _build(self, progress: ProgressFn | None = None, *, allow_empty: bool = False,
               stale: tuple[str, ...] = ()) -> SearchIndex: ...

    @overload
    def _build(self, progress: ProgressFn | None = None, *, allow_empty: bool = False, stale: tuple[str, ...] = (),
               load: bool) -> SearchIndex | None: ...

    def _build(self, progress: ProgressFn | None = None, *, allow_empty: bool = False, stale: tuple[str, ...] = (),
               load: bool = True) -> SearchIndex | None:
        index = build_index(self.settings.index_dir, self.store, self.embedder, progress, allow_empty=allow_empty,
                            load=load, previous=self._loaded_index(), stale=stale)
        assert index is not None or not load  # a waiting build always builds
        return index

    # ---------------------------------------------------------------- reading
    @property
    def generation(self) -> str | None:
        """The published index build (any process may publish one); None before the first build."""
        return current_fingerprint(self.settings.index_dir)

    @property
    def index(self) -> SearchIndex:
        return self._current().index

    @property
    def retriever(self) -> Retriever:
        return self._current().retriever

    @property
    def answerer(self) -> Answerer:
        return self._current().answerer

    def warm(self) -> float:
        """Prepare what questions use on first touch (every report's facts and their indexes, the passages' rows by
        report and year, each agency's names); seconds taken. The app calls it in the background after start and
        after each new build."""
        started = time.perf_counter()
        serving = self._current()
        prefetch_vectors(serving.index.segments)
        serving.answerer.facts.warm(whole=not self.store.shared)
        serving.retriever.rows_of_report()
        serving.retriever.rows_of_year()
        for agency in {r.agency for r in serving.answerer.facts.reports.values()}:
            agency_aliases(agency)
        return time.perf_counter() - started

    def refresh(self) -> None:
        """Load the published build now (a request would otherwise pick it up, or start loading it in the
        background)."""
        self._reload()

    def _current(self) -> Serving:
        """What answers this request: the loaded build while it is still the published one (one small file read).

        When another process (a CLI ingest, the ingest worker, a second app) has published a new build, it is loaded
        here; with ``background_reload`` (the web app) it is loaded in a thread, the request waits for it up to
        ``RELOAD_WAIT`` and is otherwise answered from the build it has; the new one is swapped in whole when ready.
        """
        serving = self._serving
        if serving is not None:
            published = current_fingerprint(self.settings.index_dir)
            if (published is None or published == serving.index.fingerprint) and not self._store_moved_on(serving):
                return serving
            if self.settings.background_reload:
                reloader = self._reload_in_background()
                reloader.join(timeout=RELOAD_WAIT)  # a small build is loaded within this request; a big one later
                return self._serving or serving
        return self._reload()

    def _reload_in_background(self) -> threading.Thread:
        with self._lock:
            if self._reloader is not None and self._reloader.is_alive():
                return self._reloader

            def run() -> None:
                try:
                    self._reload()
                except Exception:  # the old build keeps answering; the next request tries again
                    log.exception("loading the published index failed")

            self._reloader = threading.Thread(target=run, name="reportqa-reload", daemon=True)
            self._reloader.start()
            return self._reloader

    def _store_moved_on(self, serving: Serving) -> bool:
        """A shared store (PostgreSQL) written by another app server since this build was loaded: one small query.
        A SQLite store lives beside the index folder, whose published build already says so."""
        return self.store.shared and self.store.generation() != serving.store_generation

    def _reload(self) -> Serving:
        with self._reload_lock:
            serving = self._serving
            published = current_fingerprint(self.settings.index_dir)
            if (serving is not None and published is not None and published == serving.index.fingerprint
                    and not self._store_moved_on(serving)):
                return serving
            generation = self.store.generation()  # read before loading: a write meanwhile is seen next time
            index = self._load_or_rebuild(first=serving is None or self.store.shared)
            return self._install(index, generation)

    def _install(self, index: SearchIndex, store_generation: int | None = None) -> Serving:
        """Build what answers from ``index`` and swap it in whole (requests in flight finish on the old one)."""
        generation = self.store.generation() if store_generation is None else store_generation
        if uses_milvus(self.settings.vectors):  # Milvus searches the build's vectors, filtered by its scalar fields
            if self._milvus is None:
                self._milvus = MilvusDense(self.settings.vectors)
            self._milvus.sync(index, keep=set(self.store.report_ids()))
            index.dense_backend = self._milvus
        previous = self._serving
        serving = Serving(index, Retriever(index, self.embedder), self.store, self.settings.top_k, generation,
                          previous.carry_over() if previous is not None else [])
        if self.settings.background_reload:  # the app: a new build is warmed before it answers
            serving.answerer.facts.warm(whole=not self.store.shared)
        with self._lock:
            self._serving = serving
        return serving

    def _loaded_index(self) -> SearchIndex | None:
        """The build answering now: a new one takes over the segments and facts it shares with it."""
        return self._serving.index if self._serving is not None else None

    def _load_or_rebuild(self, first: bool) -> SearchIndex:
        """The published build; the first load (and every load over a shared store) also brings it up to the store
        (reports stored by an ingest that was killed before its build was published, or by another app server) and
        rebuilds what is missing or damaged, from the store and the vector cache."""
        try:
            index = load_index(self.settings.index_dir, self.store, self.embedder, self._loaded_index())
            if first and set(self.store.report_ids()) != {r for s in index.segments for r in s.report_ids}:
                log.log(logging.INFO if self.store.shared else logging.WARNING,
                        "the index in %s differs from the reports the store %s holds (%s): bringing it up to date",
                        self.settings.index_dir, self.store.location,
                        "another app server's ingest" if self.store.shared else "an interrupted ingest?")
                index = build_index(self.settings.index_dir, self.store, self.embedder, wait=False,
                                    previous=index) or index
            return index
        except (FileNotFoundError, IndexMismatch) as exc:
            if isinstance(exc, FileNotFoundError):
                log.info("%s; building the search index", exc)
            else:
                log.warning("%s; rebuilding the search index from the store", exc)
            return self._build(stale=exc.segments if isinstance(exc, IndexMismatch) else ())

    def ask(self, question: str, *, report: str | None = None, year: int | None = None,
            agency: str | None = None) -> Answer:
        if len(question) > self.settings.max_question_chars:
            lang = question_language(question[: self.settings.max_question_chars])
            return Answer(question=question[: self.settings.max_question_chars] + "…", found=False,
                          text=say_too_long(lang, len(question), self.settings.max_question_chars), intent="too-long")
        answer = self.answerer.answer(question, report_id=report, year=year, agency=agency)
        if self.settings.llm_url:
            from .llm import LLMRephraser

            answer = LLMRephraser(self.settings.llm_url, self.settings.llm_model,
                                  self.settings.llm_key).rephrase(answer)
        return answer

    def search(self, query: str, *, k: int = 10, year: int | None = None, agency: str | None = None,
               report: str | None = None, kind: str | None = None, section: str | None = None,
               report_format: str | None = None) -> list[Hit]:
        """Passages for a query; a query longer than ``max_query_chars`` is a ``QueryTooLong`` (a ValueError)."""
        if len(query) > self.settings.max_query_chars:
            raise QueryTooLong(f"检索词太长（{len(query)} 字），请缩短到 {self.settings.max_query_chars} 字以内。"
                               f"The query is {len(query)} characters; use at most {self.settings.max_query_chars}.")
        report_ids = None
        if report or report_format:
            report_ids = tuple(r.id for r in self.reports()
                               if (not report or report in (r.id, r.source, Path(r.source).stem))
                               and (not report_format or r.format == report_format))
        if agency:  # 瓯海区政府 → 温州市瓯海区人民政府, as ask() understands it
            agency = next(iter(match_agencies(agency, sorted({r.agency for r in self.reports()}))), agency)
        filters = Filters(report_ids=report_ids, years=(year,) if year else None, agency=agency or None,
                          kind=kind, section=section or None)
        return self.retriever.search(query, k=k, filters=filters)

    def reports(self) -> list[Report]:
        return self.store.reports()

    def report(self, report_id: str) -> Report | None:
        for r in self.store.reports():
            if report_id in (r.id, Path(r.source).stem, r.source):
                return replace(r, facts=self.store.facts([r.id]))
        return None

    def facts(self, report_ids: list[str] | None = None) -> list[Fact]:
        return self.store.facts(report_ids)

    def close(self) -> None:
        self.store.close()
        if self._milvus is not None:
            self._milvus.close()

"""FAISS (dense) and BM25 (jieba tokens) over every passage in the store, on disk as immutable segments.

Adding or removing a report touches only the segments it belongs to, as in Lucene: a segment holds the passages of
a few hundred reports (their passage and sentence vectors, and a term-frequency matrix of their stored jieba tokens),
and a build is a list of segments named in a small manifest, ``builds/<fingerprint>.json``. A new report becomes a
new segment; small segments are merged once there are many; a deleted report's segment is rebuilt without it.
Nothing is re-tokenised (tokens are stored per passage at ingest) and nothing is re-encoded (vectors are cached by
text). BM25 statistics (document count, mean length, document frequency per term) are summed over the segments when
the build is loaded, so scores are exactly those of one BM25 over the whole corpus (rank_bm25's Okapi variant, whose
scores the eval sets were measured with); bm25s would precompute the scores with the IDF inside them, which a new
report changes everywhere.

Writes are atomic: a segment is written in a temporary folder and renamed to its content hash; a build becomes
current by replacing the one-line ``CURRENT`` file. A reader therefore always sees a whole build, a failed build
leaves the previous one in use, and rebuilding unchanged content from scratch produces the same files.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import math
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import faiss
import numpy as np
from scipy import sparse

from .chunking import bm25_tokens, split_sentences
from .documents import Passage
from .embedding import Embedder
from .errors import StoreMissing
from .passage_table import ROWS_FILE, PassageColumns, PassageTable
from .store import READ_ALL_ABOVE, PassageRow, ReportStore

if TYPE_CHECKING:
    from .milvus_vectors import MilvusDense
    from .retrieval import Filters

log = logging.getLogger(__name__)
ProgressFn = Callable[[float, str], None]

SEGMENT_REPORTS = 256  # reports per segment written by one ingest; a full segment is never merged again
MAX_SMALL_SEGMENTS = 8  # more segments than this below SEGMENT_REPORTS reports are merged into one
BM25_K1, BM25_B, BM25_EPSILON = 1.5, 0.75, 0.25  # rank_bm25's BM25Okapi defaults
SEGMENT_FILES = ("faiss.index", "sentences.index", "sentence_owner.npy", "passages.json", "terms.json", "tf.npz",
                 "meta.json")


class IndexMismatch(Exception):
    """The build on disk is not this store's or this model's: it is rebuilt (``segments``: those found stale, which
    the rebuild writes again)."""

    def __init__(self, message: str, segments: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.segments = tuple(segments)


class IndexDamaged(IndexMismatch):
    """A file of the build is missing, truncated or unreadable: the segments it affects are rewritten."""


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def embed_texts(store: ReportStore, embedder: Embedder, texts: list[str], progress: ProgressFn | None = None,
                batch: int = 16) -> np.ndarray:
    """Passage vectors for the texts, encoding only texts the cache has not seen with this model."""
    hashes = [text_hash(t) for t in texts]
    cached = store.cached_vectors(embedder.model_id, hashes)
    missing = sorted({h: t for h, t in zip(hashes, texts, strict=True) if h not in cached}.items())
    for start in range(0, len(missing), batch):
        part = missing[start : start + batch]
        vectors = embedder.encode_passages([t for _, t in part])
        fresh = {h: v for (h, _), v in zip(part, vectors, strict=True)}
        store.cache_vectors(embedder.model_id, fresh)
        cached.update(fresh)
        if progress:
            progress(min(1.0, (start + len(part)) / len(missing)), f"编码段落 {start + len(part)}/{len(missing)}")
    if not texts:
        return np.zeros((0, embedder.dim), np.float32)
    return np.vstack([cached[h] for h in hashes]).astype(np.float32)


def prose_sentences(passages: list[Passage]) -> tuple[list[str], list[int]]:
    """Sentences of the prose passages and the passage each belongs to.

    A long passage mixes topics; scoring it by its best sentence as well as by its whole text finds the passage a
    narrow question is about (small-to-big retrieval: +2 of 26 prose questions in the top 5 on the seed).
    """
    sentences, owners = [], []
    for i, p in enumerate(passages):
        if p.kind != "prose":
            continue
        parts = split_sentences(p.text)
        if len(parts) > 1:
            sentences += parts
            owners += [i] * len(parts)
    return sentences, owners


# ------------------------------------------------------------------------------------------------------- segments
@dataclass
class Segment:
    """The search structures of a fixed set of reports; never changed once written."""

    id: str
    report_ids: tuple[str, ...]
    passage_ids: list[str]
    vectors: faiss.Index
    sentence_vectors: faiss.Index
    sentence_owner: np.ndarray  # sentence row → the segment's passage row (non-decreasing)
    terms: dict[str, int]  # token → column of ``tf``
    tf: sparse.csc_matrix  # passages × terms: how often each token occurs in each passage
    doc_len: np.ndarray  # tokens per passage
    folder: Path | None = None  # where its files are (the vectors are mapped from them)
    versions: dict[str, str] = field(default_factory=dict)  # report id → the parser that stored it when written

    @property
    def size(self) -> int:
        return len(self.passage_ids)


def segment_id(model_id: str, report_ids: Sequence[str], passage_ids: Sequence[str]) -> str:
    digest = hashlib.sha1(model_id.encode())
    for r in report_ids:
        digest.update(b"r" + r.encode())
    for p in passage_ids:
        digest.update(b"p" + p.encode())
    return digest.hexdigest()[:16]


def term_frequencies(tokens: list[list[str]]) -> tuple[dict[str, int], sparse.csc_matrix]:
    terms: dict[str, int] = {}
    rows, cols, counts = [], [], []
    for row, doc in enumerate(tokens):
        for term, count in Counter(doc).items():
            rows.append(row)
            cols.append(terms.setdefault(term, len(terms)))
            counts.append(count)
    tf = sparse.csc_matrix((np.asarray(counts, np.float32), (np.asarray(rows, np.int64), np.asarray(cols, np.int64))),
                           shape=(len(tokens), len(terms)))
    tf.sort_indices()
    return terms, tf


def write_segment(segments_dir: Path, store: ReportStore, embedder: Embedder, report_ids: Sequence[str],
                  progress: ProgressFn | None = None, versions: dict[str, str] | None = None) -> str:
    """Write the segment of these reports (unless it exists) and return its id; ``versions`` (the parser each report
    is stored by, as ``report_versions`` gives it) is read from the store when not given."""
    report_ids = sorted(report_ids)
    passages = store.passages(report_ids)
    sid = segment_id(embedder.model_id, report_ids, [p.id for p in passages])
    target = segments_dir / sid
    if segment_problem(target) is None:
        return sid
    tokens = _tokens_of(store, report_ids, passages)
    sentences, owners = prose_sentences(passages)
    # the figures' text forms are encoded now too, into the cache only: the answerer's ranker reads them from there
    figures = sorted({f.text_form for f in store.facts(report_ids) if f.rankable} - set(sentences))
    vectors = embed_texts(store, embedder, [p.text for p in passages] + sentences + figures, progress)
    whole, by_sentence = vectors[: len(passages)], vectors[len(passages) : len(passages) + len(sentences)]
    terms, tf = term_frequencies(tokens)
    segments_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=segments_dir))
    try:
        for name, rows in (("faiss.index", whole), ("sentences.index", by_sentence)):
            flat = faiss.IndexFlatIP(embedder.dim)
            if len(rows):
                flat.add(rows)
            faiss.write_index(flat, str(tmp / name))
        np.save(tmp / "sentence_owner.npy", np.asarray(owners, np.int64))
        (tmp / "passages.json").write_text(json.dumps([p.id for p in passages]), encoding="utf-8")
        PassageColumns.from_rows(passages).save(tmp)
        (tmp / "terms.json").write_text(json.dumps(list(terms), ensure_ascii=False), encoding="utf-8")
        sparse.save_npz(tmp / "tf.npz", tf, compressed=False)
        meta = {"id": sid, "model_id": embedder.model_id, "dim": embedder.dim, "reports": report_ids,
                # a report parsed again since is stale here
                "versions": {r: (versions.get(r) if versions is not None else store.parsed_with(r)) or ""
                             for r in report_ids},
                "passages": len(passages), "sentences": len(sentences),
                "files": {f.name: f.stat().st_size for f in sorted(tmp.iterdir())}}
        (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
        if target.exists():  # an incomplete folder left by a crash
            shutil.rmtree(target)
        os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    log.info("segment %s written: %d reports, %d passages", sid, len(report_ids), len(passages))
    return sid


def _tokens_of(store: ReportStore, report_ids: list[str], passages: list[Passage]) -> list[list[str]]:
    """Stored tokens; a store written before tokens were kept gets them now, once."""
    tokens = store.passage_tokens(report_ids)
    missing = sorted({p.report_id for p, t in zip(passages, tokens, strict=True) if t is None})
    for report_id in missing:
        store.set_passage_tokens(report_id, [bm25_tokens(p) for p in passages if p.report_id == report_id])
    return store.passage_tokens(report_ids) if missing else tokens  # type: ignore[return-value]


def segment_problem(folder: Path) -> str | None:
    """Why a segment folder cannot be used (missing, unreadable or a file of the wrong size), or None.

    Costs a stat per file: run on every load, so a truncated or deleted file is found before it is read.
    """
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        sizes = meta["files"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return f"segment {folder.name}: meta.json unreadable ({type(exc).__name__})"
    for name in SEGMENT_FILES[:-1]:
        try:
            size = (folder / name).stat().st_size
        except OSError:
            return f"segment {folder.name}: {name} missing"
        if size != sizes.get(name):
            return f"segment {folder.name}: {name} is {size} bytes, written as {sizes.get(name)}"
    return None


def read_segment(folder: Path) -> Segment:
    problem = segment_problem(folder)
    if problem:
        raise IndexDamaged(problem)
    try:
        return _read_segment(folder)
    except Exception as exc:  # faiss raises RuntimeError, numpy and scipy ValueError, json ValueError
        raise IndexDamaged(f"segment {folder.name}: {type(exc).__name__}: {exc}") from exc


def _read_segment(folder: Path) -> Segment:
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    tf = sparse.load_npz(folder / "tf.npz").tocsc()
    return Segment(id=meta["id"], report_ids=tuple(meta["reports"]),
                   passage_ids=json.loads((folder / "passages.json").read_text(encoding="utf-8")),
                   vectors=_mapped_index(folder / "faiss.index"),
                   sentence_vectors=_mapped_index(folder / "sentences.index"),
                   sentence_owner=np.load(folder / "sentence_owner.npy"),
                   terms={t: i for i, t in enumerate(json.loads((folder / "terms.json").read_text(encoding="utf-8")))},
                   tf=tf, doc_len=np.asarray(tf.sum(axis=1)).ravel().astype(np.float32), folder=folder,
                   versions=meta.get("versions") or {})


def prefetch_vectors(segments: Iterable[Segment]) -> int:
    """Read the segments' vector files through once, so their pages are in the OS's page cache (which the mapped
    indexes share) before questions need them: with a cold cache the first search of each year or agency waited on
    the disk, ~1–3 s at 10,000 reports. Bytes read; run where a wait does not matter (the engine's warm-up)."""
    done = 0
    buffer = bytearray(8 << 20)
    for segment in segments:
        for name in ("faiss.index", "sentences.index"):
            if segment.folder is None:
                continue
            try:
                with open(segment.folder / name, "rb", buffering=0) as fh:
                    while got := fh.readinto(buffer):
                        done += got
            except OSError:  # a build replaced meanwhile: its searches are the next build's
                continue
    return done


def _mapped_index(path: Path) -> faiss.Index:
    """A segment's vectors mapped from its file, not copied: a segment never changes once written, so the pages are the
    OS's to share between the app's processes and to drop under memory pressure, and opening a build costs no read of
    its vectors (at 10,000 reports, ~1 GB and several seconds of start-up)."""
    return faiss.read_index(str(path), faiss.IO_FLAG_MMAP_IFC | faiss.IO_FLAG_READ_ONLY)


# ----------------------------------------------------------------------------------------------------------- BM25
class SegmentedBM25:
    """BM25 Okapi over all segments with whole-corpus statistics, scored from each segment's postings.

    A query costs the length of its tokens' postings, not the size of the corpus.
    """

    def __init__(self, segments: list[Segment], offsets: np.ndarray) -> None:
        self.segments, self.offsets = segments, offsets
        self.size = int(sum(s.size for s in segments))
        total_len = float(sum(float(s.doc_len.sum()) for s in segments))
        self.avgdl = total_len / self.size if self.size else 0.0
        df: Counter[str] = Counter()
        for s in segments:
            counts = np.diff(s.tf.indptr)
            df.update(dict(zip(s.terms, counts.tolist(), strict=True)))
        self.idf: dict[str, float] = {}
        negative = []
        for term, freq in df.items():
            idf = math.log(self.size - freq + 0.5) - math.log(freq + 0.5)
            self.idf[term] = idf
            if idf < 0:
                negative.append(term)
        average = sum(self.idf.values()) / len(self.idf) if self.idf else 0.0
        for term in negative:
            self.idf[term] = BM25_EPSILON * average

    def scores(self, tokens: list[str], mask: np.ndarray | None = None) -> dict[int, float]:
        """Global row → score of every passage holding a query token (and admitted by the mask)."""
        rows, scores = self.score_arrays(tokens, mask)
        return dict(zip(rows.tolist(), scores.tolist(), strict=True))

    def score_arrays(self, tokens: list[str], mask: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """``scores`` as arrays, rows ascending: a year's question at 10,000 reports has ~10^5 hits, which a dict of
        Python numbers made (and ranked) in ~25 ms."""
        found_rows: list[np.ndarray] = []
        found_scores: list[np.ndarray] = []
        if not self.size:
            return np.zeros(0, np.int64), np.zeros(0, np.float64)
        for segment, offset in zip(self.segments, self.offsets.tolist(), strict=True):
            if mask is not None and not mask[offset : offset + segment.size].any():
                continue  # a question about two reports reads the postings of their segments only
            local = np.zeros(segment.size, np.float64)
            touched = False
            for token in tokens:
                col = segment.terms.get(token)
                if col is None:
                    continue
                start, end = segment.tf.indptr[col], segment.tf.indptr[col + 1]
                rows = segment.tf.indices[start:end]
                freq = segment.tf.data[start:end].astype(np.float64)
                norm = BM25_K1 * (1 - BM25_B + BM25_B * segment.doc_len[rows] / self.avgdl)
                local[rows] += self.idf[token] * (freq * (BM25_K1 + 1) / (freq + norm))
                touched = True
            if not touched:
                continue
            hit = np.flatnonzero(local > 0)
            if mask is not None:
                hit = hit[mask[offset + hit]]
            found_rows.append(hit.astype(np.int64) + offset)
            found_scores.append(local[hit])
        if not found_rows:
            return np.zeros(0, np.int64), np.zeros(0, np.float64)
        return np.concatenate(found_rows), np.concatenate(found_scores)


# ---------------------------------------------------------------------------------------------------------- index
@dataclass
class SearchIndex:
    """The current build: its segments in order, and the passages they hold as one table of global rows."""

    passages: PassageTable
    segments: list[Segment]
    model_id: str
    dim: int
    fingerprint: str
    versions: dict[str, str] = field(default_factory=dict)  # report id → the parser that stored it, when loaded
    offsets: np.ndarray = field(init=False)  # each segment's first global row
    bm25: SegmentedBM25 | None = field(init=False)
    # dense search in Milvus instead of the segments' FAISS (``milvus_vectors``; set by the engine after a sync)
    dense_backend: MilvusDense | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.offsets = np.cumsum([0] + [s.size for s in self.segments[:-1]]).astype(np.int64) if self.segments \
            else np.zeros(0, np.int64)
        self.bm25 = SegmentedBM25(self.segments, self.offsets) if self.size else None

    @cached_property
    def keys(self) -> list[str]:
        """A passage's key outside this build: its report and its order in the report ("<report id>/<n>")."""
        seen: Counter[str] = Counter()
        keys = []
        columns = self.passages.columns
        for report in columns.report.tolist():
            name = columns.reports[report]
            keys.append(f"{name}/{seen[name]}")
            seen[name] += 1
        return keys

    @cached_property
    def row_of_key(self) -> dict[str, int]:
        return {k: i for i, k in enumerate(self.keys)}

    @property
    def rows(self) -> Sequence[PassageRow]:
        return self.passages.rows

    @property
    def size(self) -> int:
        return len(self.passages)

    def dense(self, q: np.ndarray, mask: np.ndarray | None, k: int, filters: Filters | None = None) -> dict[int, float]:
        """Top-k passages by cosine among the admitted rows (a filter is applied inside each search); ``filters``
        are what made ``mask``, for a backend that filters by fields (Milvus)."""
        return self._search(q, mask, k, sentences=False, filters=filters)

    def dense_sentences(self, q: np.ndarray, mask: np.ndarray | None, k: int,
                        filters: Filters | None = None) -> dict[int, float]:
        """The best sentence score of each passage among the top-k sentences of admitted passages."""
        return self._search(q, mask, k, sentences=True, filters=filters)

    def _search(self, q: np.ndarray, mask: np.ndarray | None, k: int, *, sentences: bool,
                filters: Filters | None = None) -> dict[int, float]:
        """Candidates come from the vector index (FAISS or Milvus), a few more than ``k``; their scores are then
        computed here, in one way, from the build's own vectors. FAISS and Milvus each sum a dot product in their
        own order (their own SIMD kernels, chosen by the CPU), so the same passage scored 0.8312 in one and 0.8311
        in the other: an answer resting on that digit differed between the two configurations."""
        wanted = k + max(8, k // 2)  # a margin, so both engines' candidates hold the exact top k
        if self.dense_backend is not None and (mask is None or filters is not None):
            found = [hit for score, key in self.dense_backend.search(q, filters if mask is not None else None, wanted,
                                                                     sentences=sentences)
                     if (hit := self._vector_of_key(key, sentences)) is not None]
            return self._exact_top(q, found, k, sentences)
        scores: list[np.ndarray] = []
        ids: list[np.ndarray] = []
        segment_of: list[np.ndarray] = []
        for number, (segment, offset) in enumerate(zip(self.segments, self.offsets.tolist(), strict=True)):
            index = segment.sentence_vectors if sentences else segment.vectors
            if index.ntotal == 0:
                continue
            owner = segment.sentence_owner if sentences else None
            if mask is None:
                allowed = None
            else:
                admitted = mask[offset : offset + segment.size]
                allowed = admitted[owner] if owner is not None else admitted
                if not allowed.any():
                    continue
            got_scores, got = _search_flat(index, q, allowed, wanted)
            scores.append(got_scores)
            ids.append(got.astype(np.int64))
            segment_of.append(np.full(len(got), number, np.int64))
        if not scores:
            return {}
        all_scores, all_ids, all_segments = np.concatenate(scores), np.concatenate(ids), np.concatenate(segment_of)
        top = np.lexsort((all_ids, all_segments, -all_scores))[:wanted]
        return self._exact_top(q, list(zip(all_segments[top].tolist(), all_ids[top].tolist(), strict=True)), k,
                               sentences)

    def _vector_of_key(self, key: str, sentences: bool) -> tuple[int, int] | None:
        """(segment number, vector id in it) of a passage key, or of a sentence key ("<passage key>/<n>")."""
        passage_key, n = key.rsplit("/", 1) if sentences else (key, "0")
        if (row := self.row_of_key.get(passage_key)) is None:
            return None
        number = int(np.searchsorted(self.offsets, row, side="right")) - 1
        local = row - int(self.offsets[number])
        if not sentences:
            return number, local
        owner = self.segments[number].sentence_owner
        return number, int(np.searchsorted(owner, local, side="left")) + int(n)

    def _exact_top(self, q: np.ndarray, found: Sequence[tuple[int, int]], k: int, sentences: bool
                   ) -> dict[int, float]:
        """The k best of the candidates by their dot product with the query, in float64 from the stored float32
        vectors, then as float32 (so a score is the same number whichever engine found it); ties by row."""
        if not found:
            return {}
        query = np.asarray(q, np.float64).reshape(-1)
        by_segment: dict[int, list[int]] = {}
        for number, vector in found:
            by_segment.setdefault(number, []).append(vector)
        scored: list[tuple[float, int, int]] = []
        for number, vectors in by_segment.items():
            segment = self.segments[number]
            index = segment.sentence_vectors if sentences else segment.vectors
            ids = np.unique(np.asarray(vectors, np.int64))
            exact = (index.reconstruct_batch(ids).astype(np.float64) @ query).astype(np.float32)
            offset = int(self.offsets[number])
            rows = offset + (segment.sentence_owner[ids] if sentences else ids)
            scored.extend(zip(exact.tolist(), rows.tolist(), ids.tolist(), strict=True))
        scored.sort(key=lambda t: (-t[0], t[1], t[2]))
        return _first_per_row([s for s, _, _ in scored[:k]], [r for _, r, _ in scored[:k]])


def _first_per_row(scores: list[float], rows: list[int]) -> dict[int, float]:
    """Each row's best score among hits sorted best first (a passage's sentences share their passage's row)."""
    best: dict[int, float] = {}
    for score, row in zip(scores, rows, strict=True):
        best.setdefault(row, score)
    return best


def _search_flat(index: faiss.Index, q: np.ndarray, allowed: np.ndarray | None, k: int
                 ) -> tuple[np.ndarray, np.ndarray]:
    """The k best (scores, local ids) among the allowed ids (a boolean per id)."""
    params = None
    limit = index.ntotal
    admitted = int(allowed.sum()) if allowed is not None else limit
    if allowed is not None and admitted < index.ntotal:
        limit = admitted
        # a bitmap of the admitted ids: no hashing per id (a year's search over 10,000 reports ~20 % faster than a
        # batch of ids). faiss's __init__.pyi declares IDSelectorBitmap(n, bitmap) and SearchParameters() without
        # arguments, but its Python wrappers take the bitmap as an array and the fields as keywords (and keep the
        # selector alive as long as the parameters)
        bitmap = faiss.IDSelectorBitmap(np.packbits(allowed, bitorder="little"))  # type: ignore[call-arg,arg-type]
        params = faiss.SearchParameters(sel=bitmap)  # type: ignore[call-arg]
    scores, ids = index.search(q, min(limit, k), params=params)
    kept = ids[0] >= 0
    return scores[0][kept], ids[0][kept]


# ---------------------------------------------------------------------------------------------------------- builds
def fingerprint_of(model_id: str, segment_ids: Iterable[str]) -> str:
    digest = hashlib.sha1(model_id.encode())
    for s in segment_ids:
        digest.update(s.encode())
    return digest.hexdigest()[:16]


def _current_manifest(index_dir: Path) -> dict | None:
    try:
        name = (index_dir / "CURRENT").read_text(encoding="utf-8").strip()
        return json.loads((index_dir / "builds" / f"{name}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def plan_segments(model_id: str, current: dict | None, stored: set[str], segments_dir: Path,
                  versions: dict[str, str] | None = None, stale: Collection[str] = ()) -> list[list[str] | str]:
    """The next build's segments: kept ids (str) and report groups to write (lists).

    Kept: every current segment whose reports are all still stored, as they were when it was written (``versions``:
    the parser each report is stored by now; a report parsed again by a newer parser has other passages). Rewritten:
    a segment that lost a report (without it), one whose reports were stored again since, one named ``stale`` (its
    passages found to differ from the store's). New: stored reports in no segment, SEGMENT_REPORTS at a time. Merged:
    small segments once there are more than MAX_SMALL_SEGMENTS of them.
    """
    plan: list[list[str] | str] = []
    covered: set[str] = set()
    if current and current.get("model_id") == model_id:
        for entry in current["segments"]:
            reports = [r for r in entry["reports"] if r in stored]
            covered.update(reports)
            if len(reports) == len(entry["reports"]) and entry["id"] not in stale \
                    and segment_problem(segments_dir / entry["id"]) is None \
                    and not _stored_again(segments_dir / entry["id"], versions):
                plan.append(entry["id"])
            elif reports:
                plan.append(reports)
    fresh = sorted(stored - covered)
    plan += [fresh[i : i + SEGMENT_REPORTS] for i in range(0, len(fresh), SEGMENT_REPORTS)]
    sizes = [len(_segment_reports(p, current)) for p in plan]
    small = [i for i, n in enumerate(sizes) if n < SEGMENT_REPORTS]
    if len(small) > MAX_SMALL_SEGMENTS:
        merged = sorted(r for i in small for r in _segment_reports(plan[i], current))
        plan = [p for i, p in enumerate(plan) if i not in set(small)] + [merged]
    return plan


def _stored_again(folder: Path, versions: dict[str, str] | None) -> bool:
    """A report of the segment is stored now by another parser than when the segment was written (segments written
    before their meta kept versions are checked by their passages, when loaded)."""
    if versions is None:
        return False
    try:
        written = json.loads((folder / "meta.json").read_text(encoding="utf-8")).get("versions")
    except (OSError, ValueError):
        return True
    return written is not None and any(versions.get(r) != v for r, v in written.items())


def _segment_reports(entry: list[str] | str, current: dict | None) -> list[str]:
    if isinstance(entry, list):
        return entry
    return next(s["reports"] for s in (current or {}).get("segments", []) if s["id"] == entry)


def build_index(index_dir: Path, store: ReportStore, embedder: Embedder, progress: ProgressFn | None = None,
                *, allow_empty: bool = False, wait: bool = True, load: bool = True,
                previous: SearchIndex | None = None, stale: Collection[str] = ()) -> SearchIndex | None:
    """Bring the index up to the store's reports, writing only the segments that changed, and make it current.

    Builds by several processes on one folder take turns (a lock file); a damaged segment is rewritten. With
    ``wait=False`` nothing is done (None) while another process is building; with ``load=False`` the build is
    published but not loaded (None).
    """
    with build_lock(index_dir, wait=wait) as locked:
        if not locked:
            return None
        return _build_index(index_dir, store, embedder, progress, allow_empty=allow_empty, load=load,
                            previous=previous, stale=stale)


@contextmanager
def build_lock(index_dir: Path, wait: bool = True) -> Iterator[bool]:
    """An exclusive lock on ``index_dir/.lock`` while a build is written (released by the OS if the process dies)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "a+b") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            remove_stale_builds(index_dir)  # no other writer holds the lock: a .build-* folder is a crash's
            yield True
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def remove_stale_builds_unless_building(index_dir: Path) -> None:
    with build_lock(index_dir, wait=False):
        pass  # taking the lock removes what a killed build left; another process building keeps its folders


def indexed_reports(index_dir: Path) -> int:
    """How many reports the current build holds (0 when there is none)."""
    manifest = _current_manifest(index_dir)
    return sum(len(s["reports"]) for s in manifest["segments"]) if manifest else 0


def remove_stale_builds(index_dir: Path) -> None:
    for folder in (index_dir / "segments", index_dir / "builds"):
        for tmp in folder.glob(".build-*") if folder.is_dir() else ():
            log.warning("removing %s, left by an interrupted build", tmp)
            shutil.rmtree(tmp, ignore_errors=True)
        for tmp in folder.glob(".tmp-*") if folder.is_dir() else ():
            tmp.unlink(missing_ok=True)


def _build_index(index_dir: Path, store: ReportStore, embedder: Embedder, progress: ProgressFn | None, *,
                 allow_empty: bool, load: bool, previous: SearchIndex | None = None,
                 stale: Collection[str] = ()) -> SearchIndex | None:
    segments_dir, builds = index_dir / "segments", index_dir / "builds"
    stored = set(store.report_ids())
    current = _current_manifest(index_dir)
    # a lost SQLite file must not empty the index; a shared database emptied by another server is the truth
    if not stored and not allow_empty and not store.shared and (current or {}).get("segments"):
        raise StoreMissing(f"the store {store.location} holds no reports but the current index in {index_dir} does: "
                           "the index is kept. Restore the store file, or ingest the reports again.")
    if filled := store.fill_layout_fingerprints():
        log.info("stored the fact-layout fingerprint of %d reports stored before fingerprints were kept", filled)
    versions = store.report_versions()
    plan = plan_segments(embedder.model_id, current, stored, segments_dir, versions, stale)
    writes = [entry for entry in plan if isinstance(entry, list)]
    to_write = sum(map(len, writes))
    done = 0
    ids: list[str] = []
    for entry in plan:
        if isinstance(entry, str):
            ids.append(entry)
            continue
        part = _segment_progress(progress, done, len(entry), to_write, len(writes)) if progress else None
        ids.append(write_segment(segments_dir, store, embedder, entry, part, versions))
        done += len(entry)
    metas = [json.loads((segments_dir / s / "meta.json").read_text(encoding="utf-8")) for s in ids]
    _add_passage_columns(segments_dir, store, [m for m in metas if m["id"] in plan])
    fingerprint = fingerprint_of(embedder.model_id, ids)
    manifest = {"fingerprint": fingerprint, "model_id": embedder.model_id, "dim": embedder.dim,
                "passages": sum(m["passages"] for m in metas),
                "segments": [{"id": m["id"], "reports": m["reports"], "passages": m["passages"]} for m in metas]}
    builds.mkdir(parents=True, exist_ok=True)
    _write_atomic(builds / f"{fingerprint}.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    _write_atomic(index_dir / "CURRENT", fingerprint)
    log.info("build %s published: %d segments, %d passages", fingerprint, len(ids), manifest["passages"])
    remove_unused(index_dir, fingerprint, set(ids))
    return load_index(index_dir, store, embedder, previous) if load else None


def _add_passage_columns(segments_dir: Path, store: ReportStore, metas: list[dict]) -> None:
    """A kept segment written before segments held their passage columns gets them, checked against the store's
    passages, so that loading it reads nothing from the store."""
    for meta in metas:
        folder = segments_dir / meta["id"]
        if (folder / ROWS_FILE).exists() or not meta.get("versions"):
            continue  # without the parsers' versions a load checks the passages against the store anyway
        rows = store.passage_rows(list(meta["reports"]))
        if [r.id for r in rows] == json.loads((folder / "passages.json").read_text(encoding="utf-8")):
            PassageColumns.from_rows(rows).save(folder)
            log.info("segment %s: passage columns added", meta["id"])


def _segment_progress(progress: ProgressFn, done: int, size: int, total: int, segments: int) -> ProgressFn:
    """A segment's progress as a share of the whole build (by reports)."""
    return lambda fraction, message: progress((done + fraction * size) / max(1, total),
                                              f"{message}（{segments} 段中的一段）" if segments > 1 else message)


def remove_unused(index_dir: Path, fingerprint: str, segment_ids: set[str]) -> None:
    """Old manifests and the segments no current build uses (a reader holding one keeps its open files)."""
    builds, segments_dir = index_dir / "builds", index_dir / "segments"
    for old in builds.iterdir() if builds.is_dir() else ():
        if old.name != f"{fingerprint}.json" and not old.name.startswith(".tmp-"):
            if old.is_dir():  # a build folder of the one-folder layout before segments
                shutil.rmtree(old, ignore_errors=True)
            else:
                old.unlink(missing_ok=True)
    for old in segments_dir.iterdir() if segments_dir.is_dir() else ():
        if old.name not in segment_ids and not old.name.startswith(".build-"):
            shutil.rmtree(old, ignore_errors=True)


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)


def current_fingerprint(index_dir: Path) -> str | None:
    """The generation of the index folder: cheap enough to check on every request."""
    try:
        return (index_dir / "CURRENT").read_text(encoding="utf-8").strip()
    except OSError:
        return None


def load_index(index_dir: Path, store: ReportStore, embedder: Embedder,
               previous: SearchIndex | None = None) -> SearchIndex:
    """The published build. Given the build loaded before, a segment it already holds (same id, every report stored
    by the same parser since) is taken over with its passages instead of read again: adding a report to a big index
    reads one segment, not all of them."""
    current = index_dir / "CURRENT"
    if not current.exists():
        raise FileNotFoundError(f"no index in {index_dir}: run `reportqa ingest` first")
    manifest = _current_manifest(index_dir)
    if manifest is None:
        raise IndexMismatch(f"the current build named in {current} cannot be read: rebuild it with `reportqa ingest`")
    if manifest["model_id"] != embedder.model_id or manifest["dim"] != embedder.dim:
        raise IndexMismatch(f"index was built with {manifest['model_id']} ({manifest['dim']}d), not "
                            f"{embedder.model_id} ({embedder.dim}d): rebuild it with `reportqa ingest`")
    versions = store.report_versions()  # before the passages: a report stored again meanwhile is read again next time
    kept = _kept_segments(previous, manifest["model_id"], versions)
    segments = [kept[entry["id"]][0] if entry["id"] in kept else read_segment(index_dir / "segments" / entry["id"])
                for entry in manifest["segments"]]
    if sum(s.size for s in segments) != manifest["passages"]:
        raise IndexDamaged(f"the build {manifest['fingerprint']} holds {sum(s.size for s in segments)} passages, "
                           f"its manifest {manifest['passages']}")
    columns = {s.id: c for s in segments if s.id not in kept and (c := _segment_columns(s, versions)) is not None}
    fresh = [r for s in segments if s.id not in kept and s.id not in columns for r in s.report_ids]
    by_report: dict[str, list[PassageRow]] = {}
    if fresh:  # only segments without their own passage columns read the store (all of it, when that is most)
        for p in store.passage_rows(fresh if len(fresh) <= READ_ALL_ABOVE else None):
            by_report.setdefault(p.report_id, []).append(p)
    parts: list[PassageColumns] = []
    stale: list[str] = []  # segments whose passages are no longer the store's: the rebuild writes them again
    for s in segments:
        if s.id in kept or s.id in columns:
            parts.append(kept[s.id][1] if s.id in kept else columns[s.id])
            continue
        part = [p for r in s.report_ids for p in by_report.get(r, [])]
        if [p.id for p in part] != s.passage_ids:
            stale.append(s.id)
        parts.append(PassageColumns.from_rows(part))
    if stale:
        raise IndexMismatch("index and store disagree: rebuild it with `reportqa ingest`", segments=stale)
    return SearchIndex(passages=PassageTable(PassageColumns.concat(parts), store.passage_texts), segments=segments,
                       model_id=manifest["model_id"], dim=manifest["dim"], fingerprint=manifest["fingerprint"],
                       versions=versions)


def _segment_columns(segment: Segment, versions: dict[str, str]) -> PassageColumns | None:
    """The segment's own passage columns, when every report of it is stored by the parser that stored it when the
    segment was written (a report's id is its bytes' hash: the same parser gives the same passages). A store without
    parser versions is checked passage by passage instead."""
    if segment.folder is None or not all(versions.get(r) and segment.versions.get(r) == versions[r]
                                         for r in segment.report_ids):
        return None
    return PassageColumns.load(segment.folder, segment.passage_ids, segment.report_ids)


def _kept_segments(previous: SearchIndex | None, model_id: str,
                   versions: dict[str, str]) -> dict[str, tuple[Segment, PassageColumns]]:
    """The previous build's segments (with their passages) whose reports are all stored as they were then."""
    if previous is None or previous.model_id != model_id:
        return {}
    kept = {}
    for s, offset in zip(previous.segments, previous.offsets.tolist(), strict=True):
        if all(r in versions and previous.versions.get(r) == versions[r] for r in s.report_ids):
            kept[s.id] = (s, previous.passages.columns.slice(offset, offset + s.size))
    return kept

"""The store of reports, sections, passages, facts and cached passage embeddings: SQLite here (the zero-setup
default), PostgreSQL in ``postgres_store`` (several app servers on one database), both behind ``ReportStore`` and chosen
by URL (``open_store``).

A report's id is the hash of its file's bytes, so ingesting the same file again changes nothing; a new version of a
file with the same name replaces the old report in one transaction. Every write is one transaction: a failure leaves
the store as it was.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple, Protocol

import numpy as np

from .documents import Fact, Number, Passage, Report, Section
from .errors import StoreError
from .fact_layout import layout_fingerprint, layout_key

SCHEMA = """
CREATE TABLE IF NOT EXISTS reports (
  id TEXT PRIMARY KEY, title TEXT, agency TEXT, year INTEGER, format TEXT, source TEXT, synthetic INTEGER,
  warnings TEXT, sections TEXT, parser TEXT
);
CREATE TABLE IF NOT EXISTS passages (
  id TEXT, report_id TEXT, ord INTEGER, section TEXT, text TEXT, kind TEXT, year INTEGER, agency TEXT,
  tokens TEXT, PRIMARY KEY (report_id, ord)
);
CREATE TABLE IF NOT EXISTS facts (
  report_id TEXT, ord INTEGER, kind TEXT, table_name TEXT, path TEXT, col TEXT, value TEXT, unit TEXT, raw TEXT,
  source TEXT, year INTEGER, agency TEXT, PRIMARY KEY (report_id, ord)
);
CREATE TABLE IF NOT EXISTS embeddings (model_id TEXT, text_hash TEXT, vector BLOB, PRIMARY KEY (model_id, text_hash));
CREATE INDEX IF NOT EXISTS facts_year ON facts (year);
CREATE TABLE IF NOT EXISTS report_layouts (report_id TEXT PRIMARY KEY, fingerprint TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS store_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO store_state VALUES ('generation', 0);
"""
BUMP_GENERATION = "UPDATE store_state SET value = value + 1 WHERE key = 'generation'"


class ReportStore(Protocol):
    """What the engine, the index builder and ``reportqa migrate`` need of a store, whatever the database."""

    location: str  # for messages: the file, or the URL without its password
    url: str  # what ``open_store`` takes to open it again
    shared: bool  # other processes may write it without sharing our index folder (the engine then checks it)

    def close(self) -> None: ...
    def transaction(self) -> AbstractContextManager[Any]: ...
    def generation(self) -> int: ...
    def has_report(self, report_id: str) -> bool: ...
    def report_ids_for_source(self, source: str) -> list[str]: ...
    def parsed_with(self, report_id: str) -> str | None: ...
    def report_versions(self) -> dict[str, str]: ...
    def reports_parsed_before(self, version: str) -> int: ...
    def put_report(self, report: Report, passages: list[Passage], tokens: list[list[str]] | None = None,
                   parser: str = "") -> None: ...
    def delete_report(self, report_id: str) -> None: ...
    def reports(self) -> list[Report]: ...
    def report_ids(self) -> list[str]: ...
    def passages(self, report_ids: list[str] | None = None) -> list[Passage]: ...
    def passage_rows(self, report_ids: list[str] | None = None) -> list[PassageRow]: ...
    def passage_texts(self, keys: list[tuple[str, int]]) -> dict[tuple[str, int], tuple[str, str]]: ...
    def passage_tokens(self, report_ids: list[str]) -> list[list[str] | None]: ...
    def set_passage_tokens(self, report_id: str, tokens: list[list[str]]) -> None: ...
    def facts(self, report_ids: list[str] | None = None, interner: Interner | None = None) -> list[Fact]: ...
    def facts_at(self, keys: list[tuple[str, int]],
                 interner: Interner | None = None) -> dict[tuple[str, int], Fact]: ...
    def layout_fingerprints(self, report_ids: list[str]) -> dict[str, str]: ...
    def fill_layout_fingerprints(self) -> int: ...
    def counts(self) -> dict[str, int]: ...
    def report_counts(self) -> dict[str, tuple[int, int]]: ...
    def cached_vectors(self, model_id: str, hashes: list[str]) -> dict[str, np.ndarray]: ...
    def cache_vectors(self, model_id: str, vectors: dict[str, np.ndarray]) -> None: ...
    def all_vectors(self, batch: int = 2000) -> Iterator[tuple[str, dict[str, np.ndarray]]]: ...


class ThreadConnections:
    """One connection per thread, all closed together: questions are answered on several threads at once, and a
    connection is not shared across threads (SQLite's and psycopg's are not meant to be)."""

    def __init__(self, connect: Callable[[], Any], usable: Callable[[Any], bool] = lambda db: True) -> None:
        self._connect, self._usable = connect, usable
        self._local = threading.local()
        self._all: list[Any] = []
        self._guard = threading.Lock()

    def get(self) -> Any:
        db = getattr(self._local, "db", None)
        if db is None or not self._usable(db):
            db = self._local.db = self._connect()
            with self._guard:
                self._all.append(db)
        return db

    def close(self) -> None:
        with self._guard:
            for db in self._all:
                db.close()
            self._all.clear()
        self._local = threading.local()


class CountingQueries:
    """What both databases answer with the same SQL (``self._db``: this thread's connection)."""

    _db: Any

    def counts(self) -> dict[str, int]:
        return {t: self._db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("reports", "passages", "facts", "embeddings")}

    _reports_read: tuple[int, list[Report]] | None = None
    _counts_read: tuple[int, dict[str, tuple[int, int]]] | None = None

    def generation(self) -> int:
        """Raised by every write of reports: a reader that saw another number has a stale view."""
        return int(self._db.execute("SELECT value FROM store_state WHERE key='generation'").fetchone()[0])

    def reports(self) -> list[Report]:
        """Every report, read again only after a write (the store's generation moved on): the app lists them on
        every interaction, and reading 10,000 reports with their sections took ~0.5 s. The reports are shared: a
        caller that adds to one makes a copy (``dataclasses.replace``)."""
        generation = self.generation()
        read = self._reports_read
        if read is None or read[0] != generation:
            read = self._reports_read = (generation, self._read_reports())
        return list(read[1])

    def _read_reports(self) -> list[Report]:
        raise NotImplementedError

    # the passages at some (report id, ord) keys: a join with the keys (SQLite scans the whole table for
    # "(report_id, ord) IN (…)"); each database's way to name a VALUES list's columns
    _PAIR = "(?,?)"
    _TEXTS_AT = "AS k JOIN passages p ON p.report_id = k.column1 AND p.ord = k.column2"

    def passage_texts(self, keys: list[tuple[str, int]]) -> dict[tuple[str, int], tuple[str, str]]:
        """(report id, ord) → (passage id, text)."""
        out: dict[tuple[str, int], tuple[str, str]] = {}
        for i in range(0, len(keys), TEXTS_AT_ONCE):
            part = keys[i : i + TEXTS_AT_ONCE]
            values = ",".join([self._PAIR] * len(part))
            rows = self._db.execute(f"SELECT p.report_id, p.ord, p.id, p.text FROM (VALUES {values}) {self._TEXTS_AT}",
                                    [v for k in part for v in k])
            out.update(((r[0], r[1]), (r[2], r[3])) for r in rows)
        return out

    _FACTS_AT = "AS k JOIN facts f ON f.report_id = k.column1 AND f.ord = k.column2"
    _FACT_COLUMNS = ("f.kind, f.table_name, f.path, f.col, f.value, f.unit, f.raw, f.source, f.report_id, f.year, "
                     "f.agency")

    def facts_at(self, keys: list[tuple[str, int]], interner: Interner | None = None) -> dict[tuple[str, int], Fact]:
        """The facts at some (report id, ord) keys: the cells a question over many reports reads of each, when it
        knows their positions from another report of the same layout."""
        out: dict[tuple[str, int], Fact] = {}
        for i in range(0, len(keys), CELLS_AT_ONCE):
            part = keys[i : i + CELLS_AT_ONCE]
            values = ",".join([self._PAIR] * len(part))
            rows = self._db.execute(f"SELECT {self._FACT_COLUMNS}, f.ord FROM (VALUES {values}) {self._FACTS_AT}",
                                    [v for k in part for v in k]).fetchall()
            facts = facts_from_rows(rows, interner)
            out.update(((f.report_id, r[-1]), f) for f, r in zip(facts, rows, strict=True))
        return out

    def fill_layout_fingerprints(self) -> int:
        """Store the layout fingerprint of reports stored without one (before fingerprints were kept); how many."""
        missing = [(r[0], r[1]) for r in self._db.execute(
            "SELECT id, year FROM reports WHERE id NOT IN (SELECT report_id FROM report_layouts)").fetchall()]
        for i in range(0, len(missing), 500):
            part = dict(missing[i : i + 500])
            grouped: dict[str, list[Fact]] = {rid: [] for rid in part}
            for f in self.facts(list(part)):
                grouped[f.report_id].append(f)
            self._put_fingerprints([(rid, layout_fingerprint(layout_key(facts, part[rid])))
                                    for rid, facts in grouped.items()])
        return len(missing)

    def _put_fingerprints(self, rows: list[tuple[str, str]]) -> None:
        raise NotImplementedError

    def facts(self, report_ids: list[str] | None = None, interner: Interner | None = None) -> list[Fact]:
        raise NotImplementedError

    def report_counts(self) -> dict[str, tuple[int, int]]:
        """report id → (facts, passages), counted again only after a write (as ``reports``)."""
        generation = self.generation()
        counted = self._counts_read
        if counted is None or counted[0] != generation:
            facts = dict(self._db.execute("SELECT report_id, COUNT(*) FROM facts GROUP BY report_id").fetchall())
            passages = dict(self._db.execute("SELECT report_id, COUNT(*) FROM passages GROUP BY report_id").fetchall())
            counted = self._counts_read = (generation, {rid: (facts.get(rid, 0), passages.get(rid, 0))
                                                        for rid in set(facts) | set(passages)})
        return dict(counted[1])


def open_store(url: str, index_dir: Path) -> ReportStore:
    """The store a URL names: "" (the default: ``reportqa.sqlite`` in the index folder), ``sqlite:///relative.db``,
    ``sqlite:////absolute.db`` or ``postgresql://user@host:port/db``."""
    if not url:
        return Store(index_dir / "reportqa.sqlite")
    if url.startswith("sqlite:///"):
        return Store(Path(url.removeprefix("sqlite:///")))
    if url.startswith(("postgresql://", "postgres://")):
        from .postgres_store import PostgresStore

        return PostgresStore(url)
    raise StoreError(f"unknown store {url!r}: use sqlite:///path/to/reportqa.sqlite or postgresql://user@host/db")


def encode_value(value: Number | None) -> str | None:
    if value is None:
        return None
    return format(value, "f") if isinstance(value, Decimal) else str(value)  # never 1E-7


# Past this many reports a reload reads every row instead of naming the reports (one plain scan beats a long IN list).
READ_ALL_ABOVE = 900


class Interner:
    """One object per distinct string and per distinct row path, kept across reads: thousands of reports repeat the
    same rows, so the memory of facts read a report at a time grows with the figures, not with their labels."""

    def __init__(self) -> None:
        self.strings: dict[str, str] = {}
        self.paths: dict[str, tuple[str, ...]] = {}

    def one(self, text: str) -> str:
        return self.strings.setdefault(text, text)

    def path(self, text: str) -> tuple[str, ...]:
        found = self.paths.get(text)
        if found is None:
            found = self.paths[text] = tuple(self.one(p) for p in json.loads(text))
        return found


class PassageRow(NamedTuple):
    """A passage without its text: what filters, keys and vector fields need of every passage of a build (the text
    is read when a passage is shown: holding every text cost ~300 MB and a second of start-up at 10,000 reports)."""

    id: str
    report_id: str
    ord: int
    section: str
    kind: str
    year: int | None
    agency: str


def passage_rows_from(rows: Iterable[Sequence[Any]]) -> list[PassageRow]:
    """Passage rows from (id, report id, ord, section, kind, year, agency), their repeated strings shared."""
    one = Interner().one
    return [PassageRow(r[0], one(r[1]), r[2], one(r[3]), one(r[4]), r[5], one(r[6] or "")) for r in rows]


TEXTS_AT_ONCE = 400  # passages whose text one query reads
CELLS_AT_ONCE = 2000  # fact cells one query reads (4,000 parameters: under both databases' limits)


def facts_from_rows(rows: Iterable[Sequence[Any]], interner: Interner | None = None) -> list[Fact]:
    """Facts from rows of (kind, table, path as JSON, column, value as text, unit, raw, source, report id, year,
    agency), their strings and paths interned (about 40 % less memory at 10,000 reports)."""
    intern = interner or Interner()
    one, path_of = intern.one, intern.path
    return [Fact(kind="prose" if r[0] == "prose" else "table", table=one(r[1]), path=path_of(r[2]),
                 column=None if r[3] is None else one(r[3]), value=decode_value(r[4]), unit=one(r[5]), raw=one(r[6]),
                 source=one(r[7]), report_id=one(r[8]), year=r[9], agency=one(r[10])) for r in rows]


def decode_value(text: str | None) -> Number | None:
    if text is None:
        return None
    return Decimal(text) if "." in text else int(text)


class Store(CountingQueries):
    """One SQLite connection per thread (WAL: readers never wait for the writer), so questions can be answered on
    several threads while a report is written."""

    shared = False  # one file beside the index folder: a new build there is what other processes publish

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.location = str(path)
        self.url = f"sqlite:///{path}"
        self._connections = ThreadConnections(
            lambda: sqlite3.connect(str(path), check_same_thread=False, isolation_level=None, timeout=30))
        try:
            db = self._db
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(SCHEMA)
            columns = {r[1] for r in db.execute("PRAGMA table_info(passages)")}
            if "tokens" not in columns:  # a store written before tokens were kept: filled in on the next build
                db.execute("ALTER TABLE passages ADD COLUMN tokens TEXT")
            if "parser" not in {r[1] for r in db.execute("PRAGMA table_info(reports)")}:
                db.execute("ALTER TABLE reports ADD COLUMN parser TEXT")  # reports parsed before versions were kept
        except sqlite3.DatabaseError as exc:
            self.close()
            raise StoreError(f"{path} is not a readable reportqa store ({exc}). Move it aside (keep it: it may be "
                             f"recoverable with `sqlite3 {path.name} .recover`) and run `reportqa ingest <folders>` "
                             "to build a new one from the report files.") from exc

    @property
    def _db(self) -> sqlite3.Connection:
        return self._connections.get()

    def close(self) -> None:
        self._connections.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")

    def has_report(self, report_id: str) -> bool:
        return self._db.execute("SELECT 1 FROM reports WHERE id=?", (report_id,)).fetchone() is not None

    def report_ids_for_source(self, source: str) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT id FROM reports WHERE source=?", (source,))]

    def parsed_with(self, report_id: str) -> str | None:
        """The parser version that stored the report ("" when stored before versions were kept); None when absent."""
        row = self._db.execute("SELECT parser FROM reports WHERE id=?", (report_id,)).fetchone()
        return None if row is None else row[0] or ""

    def report_versions(self) -> dict[str, str]:
        """Each stored report's parser version ("" when unversioned): a report id with the same version has the same
        passages and facts (a file is stored again only by another parser), so a reload may keep what it read."""
        return {r[0]: r[1] or "" for r in self._db.execute("SELECT id, parser FROM reports")}

    def reports_parsed_before(self, version: str) -> int:
        """How many reports an older parser (or one that kept no version) stored."""
        row = self._db.execute("SELECT COUNT(*) FROM reports WHERE parser IS NULL OR parser != ?",
                               (version,)).fetchone()
        return int(row[0])

    def put_report(self, report: Report, passages: list[Passage], tokens: list[list[str]] | None = None,
                   parser: str = "") -> None:
        """Insert a report with its passages (and their BM25 tokens) and facts, replacing an older version of the
        same file, or an older parse of the same bytes."""
        token_texts = [None] * len(passages) if tokens is None else [json.dumps(t, ensure_ascii=False) for t in tokens]
        with self.transaction() as db:
            for old in {*self.report_ids_for_source(report.source), *([report.id] if self.has_report(report.id)
                                                                       else [])}:
                self._delete(db, old)
            db.execute(
                "INSERT INTO reports (id, title, agency, year, format, source, synthetic, warnings, sections, parser) "
                "VALUES (?,?,?,?,?,?,?,?,?,?)",
                (report.id, report.title, report.agency, report.year, report.format, report.source,
                 int(report.synthetic), json.dumps(report.warnings, ensure_ascii=False),
                 json.dumps([[list(s.path), s.text] for s in report.sections], ensure_ascii=False), parser),
            )
            db.executemany(
                "INSERT INTO passages VALUES (?,?,?,?,?,?,?,?,?)",
                [(p.id, report.id, i, p.section, p.text, p.kind, p.year, p.agency, t)
                 for i, (p, t) in enumerate(zip(passages, token_texts, strict=True))],
            )
            db.executemany(
                "INSERT INTO facts VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [(report.id, i, f.kind, f.table, json.dumps(list(f.path), ensure_ascii=False), f.column,
                  encode_value(f.value), f.unit, f.raw, f.source, f.year, f.agency)
                 for i, f in enumerate(report.facts)],
            )
            db.execute("INSERT INTO report_layouts VALUES (?,?)",
                       (report.id, layout_fingerprint(layout_key(report.facts, report.year))))
            db.execute(BUMP_GENERATION)

    def delete_report(self, report_id: str) -> None:
        with self.transaction() as db:
            self._delete(db, report_id)
            db.execute(BUMP_GENERATION)

    @staticmethod
    def _delete(db: sqlite3.Connection, report_id: str) -> None:
        for table, key in (("reports", "id"), ("passages", "report_id"), ("facts", "report_id"),
                           ("report_layouts", "report_id")):
            db.execute(f"DELETE FROM {table} WHERE {key}=?", (report_id,))

    def _read_reports(self) -> list[Report]:
        rows = self._db.execute(
            "SELECT id, title, agency, year, format, source, synthetic, warnings, sections FROM reports "
            "ORDER BY year, agency, id").fetchall()
        return [Report(id=r[0], title=r[1], agency=r[2], year=r[3], format=r[4], source=r[5], synthetic=bool(r[6]),
                       warnings=json.loads(r[7]), sections=[Section(tuple(p), t) for p, t in json.loads(r[8])])
                for r in rows]

    def report_ids(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT id FROM reports ORDER BY id")]

    def _where_report(self, report_ids: list[str] | None) -> tuple[str, tuple]:
        if report_ids is None:
            return "", ()
        return f" WHERE report_id IN ({','.join('?' * len(report_ids))})", tuple(report_ids)

    def passages(self, report_ids: list[str] | None = None) -> list[Passage]:
        where, params = self._where_report(report_ids)
        rows = self._db.execute(
            f"SELECT id, report_id, section, text, kind, year, agency FROM passages{where} ORDER BY report_id, ord",
            params)
        return [Passage(id=r[0], report_id=r[1], section=r[2], text=r[3], kind=r[4], year=r[5], agency=r[6])
                for r in rows]

    def passage_rows(self, report_ids: list[str] | None = None) -> list[PassageRow]:
        where, params = self._where_report(report_ids)
        return passage_rows_from(self._db.execute(
            f"SELECT id, report_id, ord, section, kind, year, agency FROM passages{where} ORDER BY report_id, ord",
            params))

    def passage_tokens(self, report_ids: list[str]) -> list[list[str] | None]:
        """The stored BM25 tokens of these reports' passages, in ``passages(report_ids)`` order (None: not kept)."""
        where, params = self._where_report(report_ids)
        rows = self._db.execute(f"SELECT tokens FROM passages{where} ORDER BY report_id, ord", params)
        return [None if r[0] is None else json.loads(r[0]) for r in rows]

    def set_passage_tokens(self, report_id: str, tokens: list[list[str]]) -> None:
        with self.transaction() as db:
            db.executemany("UPDATE passages SET tokens=? WHERE report_id=? AND ord=?",
                           [(json.dumps(t, ensure_ascii=False), report_id, i) for i, t in enumerate(tokens)])

    def facts(self, report_ids: list[str] | None = None, interner: Interner | None = None) -> list[Fact]:
        where, params = self._where_report(report_ids)
        rows = self._db.execute("SELECT kind, table_name, path, col, value, unit, raw, source, report_id, year, agency "
                                f"FROM facts{where} ORDER BY report_id, ord", params)
        return facts_from_rows(rows, interner)

    def layout_fingerprints(self, report_ids: list[str]) -> dict[str, str]:
        """report id → the fingerprint of its facts' layout (reports stored before fingerprints were kept: absent)."""
        out: dict[str, str] = {}
        for i in range(0, len(report_ids), 900):
            part = report_ids[i : i + 900]
            out.update(self._db.execute("SELECT report_id, fingerprint FROM report_layouts WHERE report_id IN "
                                        f"({','.join('?' * len(part))})", part).fetchall())
        return out

    def _put_fingerprints(self, rows: list[tuple[str, str]]) -> None:
        with self.transaction() as db:
            db.executemany("INSERT OR REPLACE INTO report_layouts VALUES (?,?)", rows)

    # -- embedding cache: re-ingesting never re-encodes a passage text it has seen with the same model --
    def cached_vectors(self, model_id: str, hashes: list[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        for i in range(0, len(hashes), 500):
            part = hashes[i : i + 500]
            rows = self._db.execute(
                "SELECT text_hash, vector FROM embeddings WHERE model_id=? "
                f"AND text_hash IN ({','.join('?' * len(part))})",
                (model_id, *part))
            out.update({h: np.frombuffer(v, dtype=np.float32) for h, v in rows})
        return out

    def cache_vectors(self, model_id: str, vectors: dict[str, np.ndarray]) -> None:
        with self.transaction() as db:
            db.executemany("INSERT OR REPLACE INTO embeddings VALUES (?,?,?)",
                           [(model_id, h, np.asarray(v, np.float32).tobytes()) for h, v in vectors.items()])

    def all_vectors(self, batch: int = 2000) -> Iterator[tuple[str, dict[str, np.ndarray]]]:
        """Every cached vector as (model id, {text hash: vector}) batches: ``reportqa migrate`` copies them."""
        last = ("", "")
        while True:
            rows = self._db.execute("SELECT model_id, text_hash, vector FROM embeddings WHERE (model_id, text_hash) > "
                                    "(?, ?) ORDER BY model_id, text_hash LIMIT ?", (*last, batch)).fetchall()
            if not rows:
                return
            for model_id in dict.fromkeys(r[0] for r in rows):
                yield model_id, {h: np.frombuffer(v, dtype=np.float32) for m, h, v in rows if m == model_id}
            last = (rows[-1][0], rows[-1][1])

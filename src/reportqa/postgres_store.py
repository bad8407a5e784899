"""The store on PostgreSQL: the same reports, passages, facts and vector cache as the SQLite store, for several app
servers sharing one database (``REPORTQA_STORE=postgresql://…``).

Why it looks the way it does: the schema comes from numbered migrations (``migrations/postgres``), applied once each
under an advisory lock, so app servers starting together never race; fact values are NUMERIC, so totals across reports
can be SQL aggregates (``fact_totals``); passages keep their jieba tokens with a ``tsvector`` over them (GIN), so the
database can search them itself (``full_text``) without a server plug-in; every ordering is by byte (``COLLATE "C"``),
as SQLite orders, so both stores give the engine the same lists and the same answers; every write of reports raises
``generation``, which the engine reads to see another server's ingest.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import Any

import numpy as np

from .documents import Fact, Passage, Report, Section
from .errors import StoreError, StoreUnavailable
from .fact_layout import layout_fingerprint, layout_key
from .store import (
    CountingQueries,
    Interner,
    PassageRow,
    ThreadConnections,
    decode_value,
    encode_value,
    facts_from_rows,
    passage_rows_from,
)

log = logging.getLogger(__name__)
MIGRATION_LOCK = 7_305_411  # pg_advisory_xact_lock key: one process migrates at a time
BYTES = 'COLLATE "C"'


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - the extra is part of the test install
        raise StoreError("a postgresql:// store needs psycopg: pip install 'reportqa[postgres]'") from exc
    return psycopg


def redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def migrations() -> list[tuple[int, str, str]]:
    """(number, name, SQL) of every PostgreSQL migration shipped, in order."""
    folder = resources.files("reportqa") / "migrations" / "postgres"
    found = []
    for entry in folder.iterdir():
        if m := re.fullmatch(r"(\d+)_(\w+)\.sql", entry.name):
            found.append((int(m[1]), m[2], entry.read_text(encoding="utf-8")))
    return sorted(found)


def apply_migrations(conn: Any) -> list[int]:
    """Apply the migrations the database lacks, each in its own transaction; the numbers applied."""
    applied: list[int] = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                     "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
        done = {r[0] for r in conn.execute("SELECT version FROM schema_migrations")}
        for number, name, sql in migrations():
            if number in done:
                continue
            conn.execute(sql)
            conn.execute("INSERT INTO schema_migrations (version, name) VALUES (%s, %s)", (number, name))
            applied.append(number)
            log.info("applied PostgreSQL migration %03d %s", number, name)
    return applied


class PostgresStore(CountingQueries):
    """One connection per thread (autocommit; writes in explicit transactions), like the SQLite store."""

    shared = True  # other app servers write it: the engine compares ``generation`` on every request
    _PAIR = "(%s,%s)"
    _TEXTS_AT = "AS k(report_id, ord) JOIN passages p USING (report_id, ord)"
    _FACTS_AT = "AS k(report_id, ord) JOIN facts f USING (report_id, ord)"
    _FACT_COLUMNS = ("f.kind, f.table_name, f.path::text, f.col, f.value::text, f.unit, f.raw, f.source, f.report_id, "
                     "f.year, f.agency")

    def __init__(self, url: str) -> None:
        self.url = url
        self.location = redact(url)
        self._psycopg = _psycopg()
        # a connection broken by a server restart is replaced on the thread's next use
        self._connections = ThreadConnections(lambda: self._psycopg.connect(url, autocommit=True),
                                              usable=lambda db: not (db.closed or db.broken))
        try:
            apply_migrations(self._db)
        except self._psycopg.Error as exc:
            self.close()
            raise StoreError(f"cannot open the PostgreSQL store {self.location}: {exc}".strip()) from exc

    @property
    def _db(self) -> Any:
        return self._connections.get()

    def close(self) -> None:
        self._connections.close()

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        with self._db.transaction():
            yield self._db

    def has_report(self, report_id: str) -> bool:
        return self._db.execute("SELECT 1 FROM reports WHERE id=%s", (report_id,)).fetchone() is not None

    def report_ids_for_source(self, source: str) -> list[str]:
        return [r[0] for r in self._db.execute(f"SELECT id FROM reports WHERE source=%s ORDER BY id {BYTES}",
                                               (source,))]

    def parsed_with(self, report_id: str) -> str | None:
        row = self._db.execute("SELECT parser FROM reports WHERE id=%s", (report_id,)).fetchone()
        return None if row is None else row[0] or ""

    def report_versions(self) -> dict[str, str]:
        return {r[0]: r[1] or "" for r in self._db.execute("SELECT id, parser FROM reports")}

    def reports_parsed_before(self, version: str) -> int:
        row = self._db.execute("SELECT COUNT(*) FROM reports WHERE parser IS NULL OR parser != %s",
                               (version,)).fetchone()
        return int(row[0])

    def put_report(self, report: Report, passages: list[Passage], tokens: list[list[str]] | None = None,
                   parser: str = "") -> None:
        token_lists: list[list[str] | None] = [None] * len(passages) if tokens is None else list(tokens)
        try:
            self._put_report(report, passages, token_lists, parser)
        except self._psycopg.OperationalError as exc:  # the server, not the report
            raise StoreUnavailable(f"the PostgreSQL store {self.location} refused the write: {exc}") from exc

    def _put_report(self, report: Report, passages: list[Passage], token_lists: list[list[str] | None],
                    parser: str) -> None:
        with self.transaction() as db:
            # the row lock on the state serialises writers, as SQLite's BEGIN IMMEDIATE does
            db.execute("SELECT value FROM store_state WHERE key='generation' FOR UPDATE")
            for old in {*self.report_ids_for_source(report.source), *([report.id] if self.has_report(report.id)
                                                                       else [])}:
                db.execute("DELETE FROM reports WHERE id=%s", (old,))  # passages and facts cascade
            db.execute(
                "INSERT INTO reports (id, title, agency, year, format, source, synthetic, warnings, sections, parser) "
                "VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                (report.id, report.title, report.agency, report.year, report.format, report.source,
                 report.synthetic, json.dumps(report.warnings, ensure_ascii=False),
                 json.dumps([[list(s.path), s.text] for s in report.sections], ensure_ascii=False), parser))
            with db.cursor() as cur:
                cur.executemany(
                    "INSERT INTO passages (id, report_id, ord, section, text, kind, year, agency, tokens, search) "
                    "VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s, to_tsvector('simple', %s))",
                    [(p.id, report.id, i, p.section, p.text, p.kind, p.year, p.agency,
                      None if t is None else json.dumps(t, ensure_ascii=False), " ".join(t or ()))
                     for i, (p, t) in enumerate(zip(passages, token_lists, strict=True))])
                cur.executemany(
                    "INSERT INTO facts (report_id, ord, kind, table_name, path, col, value, unit, raw, source, year, "
                    "agency) VALUES (%s,%s,%s,%s,%s,%s,%s::numeric,%s,%s,%s,%s,%s)",
                    [(report.id, i, f.kind, f.table, json.dumps(list(f.path), ensure_ascii=False), f.column,
                      encode_value(f.value), f.unit, f.raw, f.source, f.year, f.agency)
                     for i, f in enumerate(report.facts)])
            db.execute("INSERT INTO report_layouts VALUES (%s,%s)",
                       (report.id, layout_fingerprint(layout_key(report.facts, report.year))))
            db.execute("UPDATE store_state SET value = value + 1 WHERE key='generation'")

    def delete_report(self, report_id: str) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM reports WHERE id=%s", (report_id,))
            db.execute("UPDATE store_state SET value = value + 1 WHERE key='generation'")

    def _read_reports(self) -> list[Report]:
        rows = self._db.execute(
            "SELECT id, title, agency, year, format, source, synthetic, warnings, sections FROM reports "
            f"ORDER BY year, agency {BYTES}, id {BYTES}").fetchall()
        return [Report(id=r[0], title=r[1], agency=r[2], year=r[3], format=r[4], source=r[5], synthetic=bool(r[6]),
                       warnings=r[7], sections=[Section(tuple(p), t) for p, t in r[8]]) for r in rows]

    def report_ids(self) -> list[str]:
        return [r[0] for r in self._db.execute(f"SELECT id FROM reports ORDER BY id {BYTES}")]

    @staticmethod
    def _where_report(report_ids: list[str] | None) -> tuple[str, tuple]:
        if report_ids is None:
            return "", ()
        return " WHERE report_id = ANY(%s)", (list(report_ids),)

    def passages(self, report_ids: list[str] | None = None) -> list[Passage]:
        where, params = self._where_report(report_ids)
        rows = self._db.execute(f"SELECT id, report_id, section, text, kind, year, agency FROM passages{where} "
                                f"ORDER BY report_id {BYTES}, ord", params)
        return [Passage(id=r[0], report_id=r[1], section=r[2], text=r[3], kind=r[4], year=r[5], agency=r[6])
                for r in rows]

    def passage_rows(self, report_ids: list[str] | None = None) -> list[PassageRow]:
        where, params = self._where_report(report_ids)
        return passage_rows_from(self._db.execute(
            f"SELECT id, report_id, ord, section, kind, year, agency FROM passages{where} "
            f"ORDER BY report_id {BYTES}, ord", params))

    def passage_tokens(self, report_ids: list[str]) -> list[list[str] | None]:
        where, params = self._where_report(report_ids)
        return [r[0] for r in self._db.execute(f"SELECT tokens FROM passages{where} ORDER BY report_id {BYTES}, ord",
                                               params)]

    def set_passage_tokens(self, report_id: str, tokens: list[list[str]]) -> None:
        with self.transaction() as db, db.cursor() as cur:
            cur.executemany("UPDATE passages SET tokens=%s, search=to_tsvector('simple', %s) "
                            "WHERE report_id=%s AND ord=%s",
                            [(json.dumps(t, ensure_ascii=False), " ".join(t), report_id, i)
                             for i, t in enumerate(tokens)])

    def facts(self, report_ids: list[str] | None = None, interner: Interner | None = None) -> list[Fact]:
        where, params = self._where_report(report_ids)
        rows = self._db.execute("SELECT kind, table_name, path::text, col, value::text, unit, raw, source, report_id, "
                                f"year, agency FROM facts{where} ORDER BY report_id {BYTES}, ord", params)
        return facts_from_rows(rows, interner)

    def layout_fingerprints(self, report_ids: list[str]) -> dict[str, str]:
        return dict(self._db.execute("SELECT report_id, fingerprint FROM report_layouts WHERE report_id = ANY(%s)",
                                     (list(report_ids),)).fetchall())

    def _put_fingerprints(self, rows: list[tuple[str, str]]) -> None:
        with self.transaction() as db, db.cursor() as cur:
            cur.executemany("INSERT INTO report_layouts VALUES (%s,%s) ON CONFLICT (report_id) "
                            "DO UPDATE SET fingerprint = EXCLUDED.fingerprint", rows)

    # -- what only a database server gives: search and totals where the data is --
    def full_text(self, tokens: list[str], k: int = 10, *, year: int | None = None) -> list[tuple[str, int, float]]:
        """Passages matching any of these (jieba) tokens, best first by ``ts_rank``: (report id, ord, rank)."""
        words = [t for t in dict.fromkeys(tokens) if t.strip()]
        if not words:
            return []
        query = " | ".join("'" + w.replace("'", "''").replace("\\", "\\\\") + "'" for w in words)
        rows = self._db.execute(
            "SELECT report_id, ord, ts_rank(search, q) AS rank FROM passages, to_tsquery('simple', %s) AS q "
            "WHERE search @@ q AND (%s::int IS NULL OR year = %s::int) "
            f"ORDER BY rank DESC, report_id {BYTES}, ord LIMIT %s", (query, year, year, k))
        return [(r[0], r[1], float(r[2])) for r in rows]

    def fact_totals(self, row: str, *, column: str | None = None, year: int | None = None,
                    group_by: str = "agency") -> list[tuple[Any, Any, int]]:
        """The sum of one table row's figures across reports, per agency or year, computed by the database:
        (group, total, reports). ``row`` is the row label (the last part of a fact's path)."""
        if group_by not in ("agency", "year"):
            raise ValueError("group_by is 'agency' or 'year'")
        rows = self._db.execute(
            f"SELECT {group_by}, SUM(value), COUNT(DISTINCT report_id) FROM facts "
            "WHERE path ->> -1 = %s AND col IS NOT DISTINCT FROM %s AND value IS NOT NULL "
            "AND (%s::int IS NULL OR year = %s::int) "
            f"GROUP BY {group_by} ORDER BY SUM(value) DESC, {group_by}", (row, column, year, year))
        return [(r[0], decode_value(format(r[1], "f")), int(r[2])) for r in rows]

    # -- embedding cache --
    def cached_vectors(self, model_id: str, hashes: list[str]) -> dict[str, np.ndarray]:
        rows = self._db.execute("SELECT text_hash, vector FROM embeddings WHERE model_id=%s AND text_hash = ANY(%s)",
                                (model_id, list(hashes)))
        return {h: np.frombuffer(v, dtype=np.float32) for h, v in rows}

    def cache_vectors(self, model_id: str, vectors: dict[str, np.ndarray]) -> None:
        with self.transaction() as db, db.cursor() as cur:
            cur.executemany("INSERT INTO embeddings VALUES (%s,%s,%s) ON CONFLICT (model_id, text_hash) "
                            "DO UPDATE SET vector = EXCLUDED.vector",
                            [(model_id, h, np.asarray(v, np.float32).tobytes()) for h, v in vectors.items()])

    def all_vectors(self, batch: int = 2000) -> Iterator[tuple[str, dict[str, np.ndarray]]]:
        last = ("", "")
        while True:
            rows = self._db.execute(
                f"SELECT model_id, text_hash, vector FROM embeddings WHERE (model_id {BYTES}, text_hash {BYTES}) > "
                f"(%s, %s) ORDER BY model_id {BYTES}, text_hash {BYTES} LIMIT %s", (*last, batch)).fetchall()
            if not rows:
                return
            for model_id in dict.fromkeys(r[0] for r in rows):
                yield model_id, {h: np.frombuffer(v, dtype=np.float32) for m, h, v in rows if m == model_id}
            last = (rows[-1][0], rows[-1][1])

"""Dense passage and sentence search in Milvus (``REPORTQA_VECTORS=milvus-lite:///path.db`` or
``milvus://host:19530``), with report, year, agency, kind and section as scalar fields, so a filter is applied inside
the search, not after it.

Why it is built this way: the build's segments stay the one source of the vectors (they are read back from FAISS, so
Milvus holds exactly the vectors the FAISS search would use, and the answers do not change with the backend); each
report is upserted under keys made of its id and passage order, so app servers syncing the same report at once write
the same rows; a small ``<prefix>_reports`` collection says which reports (and which model) Milvus holds, so a sync
touches only reports that came or went. BM25 stays in the segments.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import StoreUnavailable

if TYPE_CHECKING:
    from .index import SearchIndex
    from .retrieval import Filters

log = logging.getLogger(__name__)
BATCH = 2000


def uses_milvus(url: str) -> bool:
    """Whether the vectors setting names Milvus; "" and ``faiss://…`` mean the index folder's own FAISS."""
    if not url or url.startswith("faiss://"):
        return False
    milvus_uri(url)  # an unknown form is an error, not a silent FAISS
    return True


def milvus_uri(url: str) -> str:
    """What ``MilvusClient`` takes: a local file for Milvus Lite, an http address for a Milvus server."""
    if url.startswith("milvus-lite://"):  # milvus-lite:///abs/path.db or milvus-lite://relative/path.db
        return url.removeprefix("milvus-lite://")
    if url.startswith("milvus://"):
        return "http://" + url.removeprefix("milvus://")
    if url.endswith(".db") and "://" not in url:  # a Milvus Lite file given as a plain path
        return url
    raise ValueError(f"unknown vector index {url!r}: use faiss://index/ (the default), milvus-lite:///path/file.db "
                     "(or path/file.db) or milvus://host:19530")


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def filter_expression(filters: Filters | None) -> str:
    """``Filters`` as a Milvus boolean expression with the same meaning as ``Filters.admits``."""
    if filters is None:
        return ""
    parts = []
    if filters.report_ids is not None:
        parts.append(f"report_id in [{', '.join(_quote(r) for r in filters.report_ids)}]")
    if filters.years is not None:
        parts.append(f"year in [{', '.join(str(int(y)) for y in filters.years if y is not None)}]")
    if filters.agency:
        parts.append(f"agency like {_quote('%' + filters.agency.replace('%', '') + '%')}")
    if filters.kind is not None:
        parts.append(f"kind == {_quote(filters.kind)}")
    if filters.section:
        parts.append(f"section like {_quote('%' + filters.section.replace('%', '') + '%')}")
    return " and ".join(parts)


class MilvusDense:
    """One client per process; ``sync`` before a build answers, ``search`` per question."""

    def __init__(self, url: str, prefix: str = "reportqa") -> None:
        from pymilvus import MilvusClient

        self.url = url
        try:
            self.client = MilvusClient(milvus_uri(url))
        except Exception as exc:  # pymilvus and milvus-lite raise their own kinds for an absent server or a lock
            raise StoreUnavailable(
                f"cannot open the Milvus vectors {url} ({type(exc).__name__}: {exc}). A Milvus Lite file serves one "
                "process; for several (the app and `reportqa ingest`), run `python -m milvus_lite server --data-dir "
                "DIR --port 19530` and use milvus://127.0.0.1:19530") from exc
        self.prefix = prefix
        self._lock = threading.Lock()  # one sync at a time in this process
        self._flushed = False

    def close(self) -> None:
        self.client.close()

    def _names(self) -> tuple[str, str, str]:
        return f"{self.prefix}_passages", f"{self.prefix}_sentences", f"{self.prefix}_reports"

    def _ensure(self, dim: int) -> None:
        from pymilvus import DataType

        passages, sentences, reports = self._names()
        for name in (passages, sentences, reports):
            if self.client.has_collection(name):
                self.client.load_collection(name)  # a collection found on opening is released until loaded
        for name in (passages, sentences):
            if self.client.has_collection(name):
                continue
            schema = self.client.create_schema(auto_id=False)
            schema.add_field("key", DataType.VARCHAR, is_primary=True, max_length=128)
            schema.add_field("vector", DataType.FLOAT_VECTOR, dim=dim)
            schema.add_field("report_id", DataType.VARCHAR, max_length=64)
            schema.add_field("year", DataType.INT64)
            schema.add_field("agency", DataType.VARCHAR, max_length=512)
            schema.add_field("kind", DataType.VARCHAR, max_length=32)
            schema.add_field("section", DataType.VARCHAR, max_length=1024)
            params = self.client.prepare_index_params()
            params.add_index("vector", index_type="FLAT", metric_type="IP")
            self.client.create_collection(name, schema=schema, index_params=params)
        if not self.client.has_collection(reports):
            schema = self.client.create_schema(auto_id=False)
            schema.add_field("report_id", DataType.VARCHAR, is_primary=True, max_length=64)
            schema.add_field("model_id", DataType.VARCHAR, max_length=256)
            schema.add_field("vector", DataType.FLOAT_VECTOR, dim=2)  # Milvus needs one; unused
            params = self.client.prepare_index_params()
            params.add_index("vector", index_type="FLAT", metric_type="L2")
            self.client.create_collection(reports, schema=schema, index_params=params)

    def held(self, model_id: str) -> set[str]:
        _, _, reports = self._names()
        rows = self.client.query(reports, filter=f"model_id == {_quote(model_id)}", output_fields=["report_id"],
                                 consistency_level="Strong")
        return {r["report_id"] for r in rows}

    def sync(self, index: SearchIndex, keep: set[str] | None = None) -> tuple[int, int]:
        """Bring Milvus to the build's reports: (reports added, reports removed). Reports in ``keep`` (those the store
        still holds) are never removed: another server's newer build may have added them after this build was read."""
        with self._lock:
            self._ensure(index.dim)
            passages_c, sentences_c, reports_c = self._names()
            wanted = {r for s in index.segments for r in s.report_ids}
            held = self.held(index.model_id)
            gone = sorted(held - wanted - (keep or set()))
            for i in range(0, len(gone), 200):
                expr = f"report_id in [{', '.join(_quote(r) for r in gone[i : i + 200])}]"
                for name in (passages_c, sentences_c, reports_c):
                    self.client.delete(name, filter=expr)
            added = 0
            for segment, offset in zip(index.segments, index.offsets.tolist(), strict=True):
                new = [r for r in segment.report_ids if r not in held]
                if not new:
                    continue
                self._upsert_segment(index, segment, offset, set(new))
                self.client.upsert(reports_c, [{"report_id": r, "model_id": index.model_id, "vector": [0.0, 0.0]}
                                               for r in new])
                added += len(new)
            if added or gone or not self._flushed:
                # sealed segments: Milvus Lite searches what is still growing row by row (~400 ms, not ~30 ms)
                for name in (passages_c, sentences_c, reports_c):
                    self.client.flush(name)
                self._flushed = True
            if added or gone:
                log.info("Milvus %s: %d reports added, %d removed", self.url, added, len(gone))
            return added, len(gone)

    def _upsert_segment(self, index: SearchIndex, segment: Any, offset: int, reports: set[str]) -> None:
        passages_c, sentences_c, _ = self._names()
        vectors = segment.vectors.reconstruct_n(0, segment.vectors.ntotal) if segment.vectors.ntotal else None
        keys = index.keys[offset : offset + segment.size]
        rows = []
        for local, key in enumerate(keys):
            p = index.rows[offset + local]
            if p.report_id in reports and vectors is not None:
                rows.append(self._row(key, vectors[local], p))
        self._upsert(passages_c, rows)
        if segment.sentence_vectors.ntotal:
            sentence_vectors = segment.sentence_vectors.reconstruct_n(0, segment.sentence_vectors.ntotal)
            rows = []
            count: dict[int, int] = {}
            for j, owner in enumerate(segment.sentence_owner.tolist()):
                n = count[owner] = count.get(owner, -1) + 1
                p = index.rows[offset + owner]
                if p.report_id in reports:
                    rows.append(self._row(f"{keys[owner]}/{n}", sentence_vectors[j], p))
            self._upsert(sentences_c, rows)

    @staticmethod
    def _row(key: str, vector: np.ndarray, p: Any) -> dict:
        return {"key": key, "vector": np.asarray(vector, np.float32).tolist(), "report_id": p.report_id,
                "year": int(p.year) if p.year is not None else -1, "agency": (p.agency or "")[:500],
                "kind": p.kind or "", "section": (p.section or "")[:1000]}

    def _upsert(self, name: str, rows: Sequence[dict]) -> None:
        for i in range(0, len(rows), BATCH):
            self.client.upsert(name, list(rows[i : i + BATCH]))

    @staticmethod
    def _dim_of(q: np.ndarray) -> int:
        return int(np.asarray(q).shape[-1])

    def search(self, q: np.ndarray, filters: Filters | None, k: int, *, sentences: bool) -> list[tuple[float, str]]:
        """(inner product, key) of the top-k passages or sentences the filters admit; a sentence's key is its
        passage's key and its number in the passage ("<report id>/<n>/<m>")."""
        passages_c, sentences_c, _ = self._names()
        query = np.asarray(q, np.float32).reshape(-1)[: self._dim_of(q)].tolist()
        # Strong: a search sees every write acknowledged before it (this server's sync, another server's ingest);
        # Milvus's default (Bounded) may search a few seconds in the past
        hits = self.client.search(sentences_c if sentences else passages_c, data=[query], limit=k,
                                  filter=filter_expression(filters), output_fields=["report_id"],  # [] = all
                                  consistency_level="Strong")
        return [(float(h["distance"]), str(h.id)) for h in hits[0]]

"""Hybrid passage retrieval: dense (FAISS) and BM25 ranks fused by reciprocal rank, with filters.

BM25 over jieba tokens is strong on Chinese wording and years but blind to English questions, so its weight depends
on the question's language. Filters (report, year, agency, format, section) are applied before ranking.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

import faiss
import numpy as np

from .chunking import tokenize
from .documents import Hit, Passage
from .embedding import Embedder
from .index import SearchIndex

RRF_K = 60
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Filters:
    report_ids: tuple[str, ...] | None = None
    years: tuple[int, ...] | None = None
    agency: str | None = None
    kind: str | None = None  # "prose" or "table"
    section: str | None = None

    @cached_property
    def report_set(self) -> frozenset[str] | None:
        return None if self.report_ids is None else frozenset(self.report_ids)

    def admits(self, p: Passage) -> bool:
        return ((self.report_set is None or p.report_id in self.report_set)
                and (self.years is None or p.year in self.years)
                and (not self.agency or self.agency in (p.agency or ""))
                and (self.kind is None or p.kind == self.kind)
                and (not self.section or self.section in p.section))


def is_chinese(text: str) -> bool:
    return bool(_CJK.search(text))


def rrf(ranks: dict[int, int]) -> dict[int, float]:
    return {i: 1.0 / (RRF_K + r) for i, r in ranks.items()}


def _ranks(scores: dict[int, float]) -> dict[int, int]:
    return {i: r for r, (i, _) in enumerate(sorted(scores.items(), key=lambda kv: -kv[1]), start=1)}


def _search(index: faiss.Index, q: np.ndarray, allowed: list[int], total: int, k: int) -> dict[int, float]:
    """Top-k rows of a flat index among the allowed rows (all of them are searched, however far down they rank)."""
    if not allowed:
        return {}
    params = None
    if len(allowed) < total:
        # faiss's __init__.pyi declares SearchParameters() without arguments, but its Python wrapper takes the fields as
        # keywords (and keeps the selector alive as long as the parameters)
        params = faiss.SearchParameters(sel=faiss.IDSelectorBatch(np.asarray(allowed, dtype=np.int64)))  # type: ignore[call-arg]
    scores, ids = index.search(q, min(len(allowed), k), params=params)
    return {int(i): float(s) for s, i in zip(scores[0], ids[0], strict=True) if i >= 0}


class Retriever:
    def __init__(self, index: SearchIndex, embedder: Embedder) -> None:
        self.index = index
        self.embedder = embedder
        self._rows_of_report: dict[str, list[int]] | None = None
        self._sentences_of_passage: dict[int, list[int]] | None = None

    def rows_of_report(self) -> dict[str, list[int]]:
        """Passage rows by report, so a filter on a few reports never walks every passage of the index."""
        if self._rows_of_report is None:
            rows: dict[str, list[int]] = defaultdict(list)
            for i, p in enumerate(self.index.passages):
                rows[p.report_id].append(i)
            self._rows_of_report = dict(rows)
        return self._rows_of_report

    def sentences_of_passage(self) -> dict[int, list[int]]:
        if self._sentences_of_passage is None:
            rows: dict[int, list[int]] = defaultdict(list)
            for s, p in enumerate(self.index.sentence_owner or []):
                rows[p].append(s)
            self._sentences_of_passage = dict(rows)
        return self._sentences_of_passage

    def admitted(self, filters: Filters) -> list[int]:
        passages = self.index.passages
        if filters.report_ids is None:
            return [i for i, p in enumerate(passages) if filters.admits(p)]
        by_report = self.rows_of_report()
        rows = sorted(i for r in set(filters.report_ids) for i in by_report.get(r, ()))
        return [i for i in rows if filters.admits(passages[i])]

    def dense_scores(self, query: str, allowed: list[int], k: int = 100) -> dict[int, float]:
        """Cosine of each admitted passage: the mean of its whole-text score and its best sentence's score."""
        if not allowed or self.index.size == 0:
            return {}
        q = self.embedder.encode_queries([query])
        whole = _search(self.index.vectors, q, allowed, self.index.size, k)
        owner = self.index.sentence_owner or []
        if not owner or self.index.sentence_vectors is None:
            return whole
        if len(allowed) == self.index.size:
            rows = list(range(len(owner)))
        else:
            by_passage = self.sentences_of_passage()
            rows = sorted(s for i in allowed for s in by_passage.get(i, ()))
        best: dict[int, float] = {}
        for s, score in _search(self.index.sentence_vectors, q, rows, len(owner), 4 * k).items():
            best[owner[s]] = max(best.get(owner[s], -1.0), score)
        return {i: (w + best.get(i, w)) / 2 for i, w in whole.items()}

    def bm25_scores(self, query: str, allowed: list[int]) -> dict[int, float]:
        if self.index.bm25 is None:
            return {}
        tokens = tokenize(query)
        if not tokens:
            return {}
        scores = self.index.bm25.get_batch_scores(tokens, allowed) if allowed else np.array([])
        return {i: float(s) for i, s in zip(allowed, scores, strict=True) if s > 0}

    def search(self, query: str, k: int = 5, filters: Filters | None = None) -> list[Hit]:
        filters = filters or Filters()
        allowed = self.admitted(filters)
        dense = self.dense_scores(query, allowed)
        bm25_weight = 1.0 if is_chinese(query) else 0.2
        fused: dict[int, float] = {}
        for i, s in rrf(_ranks(dense)).items():
            fused[i] = fused.get(i, 0.0) + s
        for i, s in rrf(_ranks(self.bm25_scores(query, allowed))).items():
            fused[i] = fused.get(i, 0.0) + bm25_weight * s
        best = sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
        # The reported score is the dense cosine similarity: it is comparable across questions (fusion scores are not).
        return [Hit(passage=self.index.passages[i], score=round(dense.get(i, 0.0), 4)) for i, _ in best]

"""Hybrid passage retrieval: dense (FAISS) and BM25 ranks fused by reciprocal rank, with filters.

BM25 over jieba tokens is strong on Chinese wording and years but blind to English questions, so its weight depends
on the question's language. Filters (report, year, agency, format, section) are applied before ranking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from itertools import islice

import numpy as np

from .chunking import tokenize
from .documents import Hit, Passage
from .embedding import Embedder, VectorMemo
from .index import SearchIndex
from .store import PassageRow

RRF_K = 60
TRANSLATED_BM25_WEIGHT = 1.0  # BM25 over an English query's Chinese words: a translation, weaker than the asker's own
_NO_ROWS = np.zeros(0, np.int64)
QUERY_MEMO = 64  # query vectors remembered
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

    def admits(self, p: Passage | PassageRow) -> bool:
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
    """1-based rank of each row by descending score, ties in the dict's order (a stable sort)."""
    if len(scores) < 256:
        return {i: r for r, (i, _) in enumerate(sorted(scores.items(), key=lambda kv: -kv[1]), start=1)}
    rows = np.fromiter(scores.keys(), np.int64, len(scores))  # a year's BM25 hits: 10^5 rows at 10,000 reports
    order = np.argsort(-np.fromiter(scores.values(), np.float64, len(scores)), kind="stable")
    return dict(zip(rows[order].tolist(), range(1, len(scores) + 1), strict=True))


class BM25Ranks:
    """BM25 hits (rows ascending, their scores) ranked by score, ties in row order, as ``_ranks`` ranks a dict: the
    rank of one row and the best rows are read without a dict of every hit."""

    def __init__(self, rows: np.ndarray, scores: np.ndarray) -> None:
        self.rows = rows
        self.order = np.argsort(-scores, kind="stable")
        self.rank_at = np.empty(len(rows), np.int64)
        self.rank_at[self.order] = np.arange(1, len(rows) + 1)

    def rank(self, row: int) -> int | None:
        at = int(np.searchsorted(self.rows, row))
        return int(self.rank_at[at]) if at < len(self.rows) and int(self.rows[at]) == row else None

    def best(self, n: int) -> list[int]:
        return self.rows[self.order[:n]].tolist()


class Retriever:
    def __init__(self, index: SearchIndex, embedder: Embedder) -> None:
        self.index = index
        self.embedder = embedder
        self._rows_of_report: dict[str, np.ndarray] | None = None
        self._rows_of_year: dict[int | None, np.ndarray] | None = None
        self.query_vectors = VectorMemo(embedder.encode_queries, QUERY_MEMO)  # the ranker asks for the same one

    def rows_of_report(self) -> dict[str, np.ndarray]:
        """Passage rows by report, so a filter on a few reports never walks every passage of the index."""
        if self._rows_of_report is None:
            self._rows_of_report = self.index.passages.columns.rows_of_report()
        return self._rows_of_report

    def rows_of_year(self) -> dict[int | None, np.ndarray]:
        if self._rows_of_year is None:
            self._rows_of_year = self.index.passages.columns.rows_of_year()
        return self._rows_of_year

    def admitted(self, filters: Filters) -> np.ndarray | None:
        """A boolean mask of the admitted passage rows, or None when the filters admit every passage."""
        n = self.index.size
        if filters == Filters():
            return None
        if filters.report_ids is not None or filters.years is not None:
            mask = np.zeros(n, bool)
            if filters.report_ids is not None:
                by_report = self.rows_of_report()
                for r in set(filters.report_ids):
                    mask[by_report.get(r, _NO_ROWS)] = True
            if filters.years is not None:
                by_year = self.rows_of_year()
                in_years = np.zeros(n, bool)
                for y in filters.years:
                    in_years[by_year.get(y, _NO_ROWS)] = True
                mask = in_years if filters.report_ids is None else mask & in_years
        else:
            mask = np.ones(n, bool)
        columns = self.index.passages.columns  # the rarer filters, over the columns' codes (no passage built)
        if filters.agency:
            agency = filters.agency
            mask &= np.isin(columns.agency, [i for i, a in enumerate(columns.agencies) if agency in a])
        if filters.kind is not None:
            mask &= columns.kind == (1 if filters.kind == "table" else 0)
        if filters.section:
            section = filters.section
            mask &= np.isin(columns.section, [i for i, s in enumerate(columns.sections) if section in s])
        return mask

    def dense_scores(self, query: str, mask: np.ndarray | None, k: int = 100,
                     filters: Filters | None = None) -> dict[int, float]:
        """Cosine of each admitted passage: the mean of its whole-text score and its best sentence's score."""
        if self.index.size == 0 or (mask is not None and not mask.any()):
            return {}
        q = self.query_vectors([query])
        whole = self.index.dense(q, mask, k, filters)
        best = self.index.dense_sentences(q, mask, 4 * k, filters)
        return {i: (w + best.get(i, w)) / 2 for i, w in whole.items()}

    def bm25_ranked(self, query: str, mask: np.ndarray | None, unique: bool = False) -> BM25Ranks:
        """``unique``: each token once (a translation's words overlap: 申请 of 收到申请数, 受理申请数 … is one word
        asked, and scoring it five times over a year's postings costs five times as much)."""
        if self.index.bm25 is None:
            return BM25Ranks(np.zeros(0, np.int64), np.zeros(0, np.float64))
        tokens = list(dict.fromkeys(tokenize(query))) if unique else tokenize(query)
        if not tokens:
            return BM25Ranks(np.zeros(0, np.int64), np.zeros(0, np.float64))
        return BM25Ranks(*self.index.bm25.score_arrays(tokens, mask))

    def search(self, query: str, k: int = 5, filters: Filters | None = None, words: str | None = None) -> list[Hit]:
        """``words``: the reports' Chinese words for an English query (its translation by the lexicon), which BM25
        matches in its place: jieba's tokens of English words match nothing in a Chinese report."""
        filters = filters or Filters()
        mask = self.admitted(filters)
        dense = self.dense_scores(query, mask, filters=filters)
        lexical = words if words and not is_chinese(query) else query
        bm25_weight = 1.0 if is_chinese(query) else TRANSLATED_BM25_WEIGHT if lexical is words else 0.2
        dense_rrf = rrf(_ranks(dense))
        bm25 = self.bm25_ranked(lexical, mask, unique=lexical is words)
        # Outside the dense passages a fused score falls with the BM25 rank alone, so the top k lie among the dense
        # passages and the k best-ranked others: only those are fused (a year's BM25 hits are 10^5 at 10^4 reports).
        others = islice((i for i in bm25.best(k + len(dense_rrf)) if i not in dense_rrf), k)
        fused: dict[int, float] = {}
        for i in [*dense_rrf, *others]:
            score = 0.0 + dense_rrf[i] if i in dense_rrf else 0.0
            if (rank := bm25.rank(i)) is not None:
                score = score + bm25_weight * (1.0 / (RRF_K + rank))
            fused[i] = score
        best = sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
        # The reported score is the dense cosine similarity: it is comparable across questions (fusion scores are not).
        shown = self.index.passages.take([i for i, _ in best])
        return [Hit(passage=p, score=round(dense.get(i, 0.0), 4)) for (i, _), p in zip(best, shown, strict=True)
                if p is not None]

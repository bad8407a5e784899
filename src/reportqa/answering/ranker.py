"""Every figure of the reports in scope is a candidate; one fitted score says which answers the question, if any.

The lexicon reaches the rows it knows; a figure that a report states in its own words ("全年举办新闻发布活动10场",
"本年新增关注用户8434人") or a question in English needs matching by meaning. Each candidate figure has a text form
(the clause that states it, or a table row's path) that is embedded like a passage, and a few features:
- the dense similarity of the question and that text (multilingual: an English question matches Chinese text), and
  its gap to the best candidate of the question;
- the content bigrams the question shares with the figure's label and with the words just before it;
- the unit the question implies (多少场 → 场, how many people → 人), a unit of another kind of quantity is never the
  answer; nor is a figure of all applicants when the question asks for one kind (企业);
- how many of the concepts the lexicon recognised in the question the figure's words do not name (a figure of all
  requests is no answer to "网上申请"; but 网上 in "在网上挂出的工程招投标信息" is not about requests): a prior, not a
  veto;
- whether the figure's sentence is among the best passages retrieved for the question.
A linear score over these features, one softmax over a question's candidates and "no answer", was fitted on the
development sets (``eval/fit_ranker.py`` writes ``ranker_weights.json``); the best figure's probability, against a
threshold fitted with it, decides between that figure and no answer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..documents import Fact, Hit, Report
from ..embedding import VectorMemo
from ..questions import Question
from .extractive import (
    MAX_REPORTS_SCANNED,
    asks_what_was_published,
    bigrams,
    concepts_not_named,
    is_remainder,
    names_columns,
    preferred_units,
    question_words,
    received_not_published,
    remainder_words,
    unit_fits,
)

WEIGHTS_FILE = Path(__file__).with_name("ranker_weights.json")
VECTOR_CACHE = 50_000  # figure texts whose vectors are kept (≈ 75 MB at 384 dimensions)

FEATURES = ("dense", "dense_gap", "dense_en", "label_hits", "label_cover", "context_hits", "unit_asked",
            "unit_other", "concepts_missed", "in_passages", "prose", "lexicon")


@dataclass(frozen=True)
class RankerWeights:
    """A linear score per candidate; the candidates of a question and "no answer" (score ``null``) share one softmax,
    so the probability of the best candidate is comparable across questions and reports."""

    weights: dict[str, float]
    null: float
    threshold: float

    def score(self, features: dict[str, float]) -> float:
        return sum(self.weights.get(name, 0.0) * value for name, value in features.items())

    def probabilities(self, scores: np.ndarray) -> np.ndarray:
        top = max(float(scores.max()), self.null)
        exp = np.exp(scores - top)
        return exp / (np.exp(self.null - top) + exp.sum())


@lru_cache(maxsize=1)
def load_weights(path: Path = WEIGHTS_FILE) -> RankerWeights:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return RankerWeights(weights={k: float(raw["weights"].get(k, 0.0)) for k in FEATURES}, null=float(raw["null"]),
                         threshold=float(raw["threshold"]))


@dataclass
class Candidate:
    fact: Fact
    text: str
    features: dict[str, float]
    probability: float = 0.0
    hit: Hit | None = None


class FigureRanker:
    """Scores the figures of the reports in scope against a question. ``encode_query`` and ``encode_passages`` are
    the embedder's; ``stored`` looks figure-text vectors up where ingest put them (the store's embedding cache), and
    those found or encoded here are kept in memory (they repeat across questions)."""

    def __init__(self, encode_query: Callable[[list[str]], np.ndarray],
                 encode_passages: Callable[[list[str]], np.ndarray], weights: RankerWeights | None = None,
                 stored: Callable[[list[str]], dict[str, np.ndarray]] | None = None) -> None:
        self._encode_query = encode_query
        self.weights = weights or load_weights()
        self._text_vectors = VectorMemo(encode_passages, VECTOR_CACHE, stored)

    def candidates(self, q: Question, topic: str, passages: Sequence[Hit], facts_by_report: Mapping[str, list[Fact]],
                   reports: dict[str, Report], scope_ids: list[str] | None = None,
                   chosen: Fact | None = None, encode: bool = True) -> list[Candidate]:
        """Every figure a question could be asking for, with its features and probability, best first. ``chosen``
        is the figure the lexicon's lookup chose, if any: a candidate like the others, with that as evidence.
        ``encode=False`` uses only figure vectors already stored or remembered (and the lexicon's own figure, which
        ingest does not encode when it is an applicant's cell), and gives no candidates when one is missing (an index
        built before figure texts were encoded at ingest): a question the lexicon answered is not slowed down to
        second-guess it."""
        units = preferred_units(q.text)
        hits = passages[:5]
        ids = list(scope_ids or []) if scope_ids and len(scope_ids) <= MAX_REPORTS_SCANNED else []
        ids += [h.passage.report_id for h in hits if h.passage.report_id not in ids]
        texts = [(rank, re.sub(r"\s+", "", h.passage.text), h) for rank, h in enumerate(hits)]
        wanted = question_words(q, topic)
        remainder = remainder_words(q.text)
        published = asks_what_was_published(q, topic)
        found: list[Candidate] = []
        seen: set[tuple] = set()
        for report_id in ids + ([chosen.report_id] if chosen and chosen.report_id not in ids else []):
            report = reports.get(report_id)
            for fact in facts_by_report.get(report_id, []):
                if fact is chosen:
                    pass
                elif not fact.rankable or (report and fact.year not in (None, report.year)):
                    continue
                elif not unit_fits(q.text, fact.unit):
                    continue
                elif is_remainder(fact.label, remainder) or published and received_not_published(fact):
                    # 其他应主动公开的政府信息: the rest of a list is no answer to its whole; "网站发布的信息":
                    # 通过网站收到依申请公开信息1条 is a request received
                    continue
                elif not names_columns(q, fact, where := fact.label + (fact.source if fact.kind == "prose"
                                                                        else fact.path_text)):
                    continue  # a kind of applicant the question asks for (企业) that this figure does not count
                key = (fact.report_id, fact.kind, fact.path, fact.column, fact.value)
                if key in seen and fact is not chosen:
                    continue
                seen.add(key)
                text = fact.text_form
                if fact.kind == "prose":
                    source = re.sub(r"\s+", "", fact.source)
                    before = source[: source.find(re.sub(r"\s+", "", fact.raw))] if fact.raw else source
                    context, needle = before[-20:], source
                else:
                    context, needle = fact.path_text, fact.label
                rank, hit = next(((r, h) for r, t, h in texts if h.passage.report_id == report_id and needle in t),
                                 (None, None))
                label_words = bigrams(fact.label + (fact.column or "" if fact.column != "总计" else ""))
                shared = label_words & wanted
                features = {
                    "label_hits": float(min(len(shared), 5)),
                    "label_cover": len(shared) / len(wanted) if wanted else 0.0,
                    "context_hits": float(min(len(bigrams(context) & wanted), 5)),
                    "unit_asked": 1.0 if units and (fact.unit in units or fact.unit.lstrip("万") in units) else 0.0,
                    "unit_other": 1.0 if units and fact.unit not in units and fact.unit.lstrip("万") not in units
                    else 0.0,
                    "concepts_missed": float(min(concepts_not_named(q, where), 2)) if fact is not chosen else 0.0,
                    "in_passages": 1.0 / (1 + rank) if rank is not None else 0.0,
                    "prose": 1.0 if fact.kind == "prose" else 0.0,
                    "lexicon": 1.0 if fact is chosen else 0.0,
                }
                found.append(Candidate(fact, text, features, hit=hit))
        if not found:
            return []
        forms = [c.text for c in found]
        if not encode and chosen is not None and not chosen.rankable:
            self._text_vectors([chosen.text_form])  # the lexicon's figure is never encoded at ingest: one short text
        vectors = self._text_vectors(forms) if encode else self._text_vectors.without_encoding(forms)
        if vectors is None:
            return []
        sims = vectors @ self._encode_query([topic])[0]
        best = float(sims.max())
        for c, sim in zip(found, sims, strict=True):
            c.features["dense"] = float(sim)
            c.features["dense_gap"] = float(sim) - best
            c.features["dense_en"] = float(sim) if q.lang == "en" else 0.0
        probabilities = self.weights.probabilities(np.array([self.weights.score(c.features) for c in found]))
        for c, p in zip(found, probabilities, strict=True):
            c.probability = float(p)
        found.sort(key=lambda c: c.probability, reverse=True)
        return found


def by_figure(found: list[Candidate]) -> list[tuple[float, Candidate]]:
    """Candidates that state the same figure about the same thing (value and unit, and a word of the likeliest one's
    label: a table row and the sentence that repeats it) are one answer, whose probability is theirs summed; the
    likeliest of them is its source. Rows that only happen to hold the same value (a dozen rows of 0) are not one
    answer. Best first."""
    groups: dict[tuple[object, str], list[Candidate]] = {}
    for c in found:
        groups.setdefault((c.fact.value, c.fact.unit), []).append(c)
    ranked = []
    for group in groups.values():
        best = max(group, key=lambda c: c.probability)
        words = bigrams(best.fact.label)
        ranked.append((best.probability + sum(c.probability for c in group
                                              if c is not best and bigrams(c.fact.label) & words), best))
    return sorted(ranked, key=lambda pc: pc[0], reverse=True)

"""The extractive fallback: a figure read from the best passages when no lexicon concept reaches the question.

The fact engine answers from rows its lexicon understands; a question in words the lexicon lacks ("人事管理方面的信息
公开了多少条") would otherwise be abstained on although a retrieved sentence states the figure. Here every figure in
the top passages — prose facts by their sentence, table rows by their label — is a candidate, scored by:
- the words it shares with the question, counted on its own label (what the figure counts) and, less, on the words
  just before it in the sentence;
- the unit the question implies (多少人次 → 人次, 几期 → 期, 多少钱 → 元/万元; data in ``lexicon/units.toml``):
  a figure in another unit is never the answer;
- the rank of its passage.
Whatever the lexicon recognises in the question must be named where the figure is (``_accounts_for``).
A candidate must share at least ``MIN_LABEL_OVERLAP`` content bigrams with the question, else there is no answer: a
figure is only given when the text says what it counts in the question's own words. The answer quotes the sentence
and says it was read from the text.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .documents import Answer, Fact, Hit, Report
from .questions import Question
from .wording import report_name

MIN_LABEL_OVERLAP = 2
_UNITS_FILE = Path(__file__).parent / "lexicon" / "units.toml"
_CJK_RUN = re.compile(r"[\u4e00-\u9fa5]+")


@dataclass(frozen=True)
class _UnitData:
    implied: tuple[tuple[str, tuple[str, ...], bool], ...]  # (question phrase, units it implies, strong)
    stop_bigrams: frozenset[str]


@lru_cache(maxsize=1)
def _data() -> _UnitData:
    raw = tomllib.loads(_UNITS_FILE.read_text(encoding="utf-8"))
    implied = tuple(sorted(((p, tuple(u["units"]), bool(u.get("strong", False))) for u in raw["implied"]
                            for p in u["phrases"]), key=lambda x: len(x[0]), reverse=True))
    return _UnitData(implied=implied, stop_bigrams=frozenset(raw["stop_bigrams"]))


def _implied(question: str) -> tuple[tuple[str, ...], bool]:
    text = question.lower()
    for phrase, units, strong in _data().implied:
        found = re.search(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])", text) if phrase.isascii() else phrase in text
        if found:
            return units, strong
    return (), False


def implied_units(question: str) -> tuple[str, ...]:
    """The units a question's wording asks for, or () when it does not say."""
    return _implied(question)[0]


def unit_fits(question: str, unit: str) -> bool:
    """Whether an answer's unit can answer the question: only units that say what kind of quantity it is (a share,
    people, money, issues) rule an answer out; counts of requests in 件 or 条 fit any count question."""
    units, strong = _implied(question)
    if not units or not strong:
        return True
    return unit in units or unit.lstrip("万") in units


def bigrams(text: str) -> set[str]:
    stop = _data().stop_bigrams
    return {run[i:i + 2] for run in _CJK_RUN.findall(text) for i in range(len(run) - 1)} - stop


def _accounts_for(q: Question, fact: Fact, text: str) -> bool:
    """Everything the lexicon recognised in the question is named where the figure is: a figure for 受理申请 is no
    answer to "网上申请" (a breakdown the text does not make), one for 主动公开 is none to "收到申请", and a total is no
    answer to a question about one kind of applicant (企业)."""
    for column in q.columns:
        words = [p for p in (column.id, *column.phrases) if not p.isascii()]
        if fact.column != column.id and not any(w in text for w in words):
            return False
    for concept in q.concepts:
        if concept.generic:
            continue
        words = [p for p in (*concept.rows, *concept.phrases) if not p.isascii()]
        if not any(w in text for w in words):
            return False
    return True


@dataclass
class _Candidate:
    fact: Fact
    score: float
    hit: Hit


def figure_from_passages(q: Question, question_words: str, passages: list[Hit], facts_by_report: dict[str, list[Fact]],
                         reports: dict[str, Report]) -> Answer | None:
    """The best-supported figure in the passages, quoted with its sentence, or None."""
    wanted = bigrams(question_words)
    if not wanted:
        return None
    units = implied_units(q.text)
    best: _Candidate | None = None
    for rank, hit in enumerate(passages[:5]):
        text = re.sub(r"\s+", "", hit.passage.text)
        report = reports.get(hit.passage.report_id)
        for fact in facts_by_report.get(hit.passage.report_id, []):
            if fact.value is None or (report and fact.year not in (None, report.year)):
                continue
            if fact.kind == "prose":
                if re.sub(r"\s+", "", fact.source) not in text:
                    continue
                before = fact.source[: fact.source.find(fact.raw)] if fact.raw in fact.source else fact.source
                context = before[-20:]
            else:
                if fact.label not in text or fact.column not in (None, "总计"):
                    continue
                context = fact.path_text
            unit_ok = not units or fact.unit in units or fact.unit.lstrip("万") in units
            if not unit_ok:
                continue
            if not _accounts_for(q, fact, fact.label + context):
                continue
            label_overlap = len(bigrams(fact.label) & wanted)
            if label_overlap < MIN_LABEL_OVERLAP:
                continue
            score = 3 * label_overlap + len(bigrams(context) & wanted) + (2 if units else 0) - 0.5 * rank
            if best is None or score > best.score:
                best = _Candidate(fact, score, hit)
    if best is None:
        return None
    fact = best.fact
    where = report_name(reports.get(fact.report_id))
    quote = fact.source if fact.kind == "prose" else f"{fact.path_text}：{fact.raw}"
    if q.lang == "en":
        text = (f"{fact.value} {fact.unit} — read from the text of {where}, not from a table row: “{quote}” "
                f"(section: {best.hit.passage.section}).")
    else:
        text = f"{where}：**{fact.value}{fact.unit}**（从正文读出，非统计表）。原文：“{quote}”（{best.hit.passage.section}）"
    return Answer(q.text, found=True, text=text, value=fact.value, unit=fact.unit, facts=[fact],
                  notes=["read from the text"], intent="lookup")

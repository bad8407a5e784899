"""A sum of several named figures of one report, written as its formula."""

from __future__ import annotations

from ..documents import Answer, Fact, Number, Report
from ..parsing.similarity import bare_label
from ..questions import Question
from ..scope import Scope, indexed_summary
from ..wording import say_missing_year, say_sum, say_sum_over_years
from .context import Ask
from .facts import sum_values
from .finder import FactFinder, Part


def part_label(part: Part, q: Question) -> str:
    label = bare_label(part.match.fact.label)
    return f"{label}（{part.match.fact.column}）" if q.columns and part.match.fact.column else label


def answer_sum(finder: FactFinder, ask: Ask) -> Answer | None:
    q = ask.q
    if len(ask.scope.years) >= 2 and q.concepts:
        return sum_over_years(finder, ask)
    parts = finder.distinct_parts(q, ask.scope)
    values = [p.value for p in parts if p.value is not None]
    if len(parts) < 2 or len(values) < len(parts) or len({p.unit for p in parts}) > 1:
        return None
    total, unit = sum_values(values), parts[0].unit
    facts = [f for p in parts for f in p.facts]
    report = finder.reports.get(facts[0].report_id)
    text = say_sum(report, q.lang, [(part_label(p, q), v) for p, v in zip(parts, values, strict=True)], total, unit,
                   facts[0])
    return Answer(q.text, found=True, text=text, value=total, unit=unit, facts=facts, intent="sum")


def sum_over_years(finder: FactFinder, ask: Ask) -> Answer | None:
    """"2023、2024、2025三年新收的申请一共多少件": the figure of each year's report, added up; a year that is not
    indexed is said, never silently left out of the total."""
    q, scope = ask.q, ask.scope
    parts: list[tuple[int, Number, Report | None, Fact]] = []
    facts: list[Fact] = []
    units = set()
    for y in scope.years:
        of_year = [r for r in scope.reports if r.year == y]
        if not of_year:
            text = say_missing_year(q.lang, y) + indexed_summary(list(finder.reports.values()), q.lang)
            return Answer(q.text, found=False, text=text, intent="sum")
        got = finder.single(q, Scope(of_year, [y]), q.concepts)
        if got is None or got.value is None:
            return None
        parts.append((y, got.value, finder.reports.get(got.match.fact.report_id), got.match.fact))
        facts += got.facts
        units.add(got.unit)
    if len(units) != 1:
        return None
    total, unit = sum_values([v for _, v, _, _ in parts]), units.pop()
    text = say_sum_over_years(q.lang, parts, total, unit)
    return Answer(q.text, found=True, text=text, value=total, unit=unit, facts=facts, intent="sum")

"""A sum of several named figures of one report, written as its formula."""

from __future__ import annotations

from typing import cast

from ..documents import Answer, Number
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


def each_years_figure(finder: FactFinder, ask: Ask, years: list[int]) -> list[tuple[int, Part]] | Answer | None:
    """The asked figure of each year's report; an Answer saying so when a year is not indexed (a sum or difference
    never leaves a year out silently); None when a year's report does not give it."""
    q, scope = ask.q, ask.scope
    found: list[tuple[int, Part]] = []
    for y in years:
        of_year = [r for r in scope.reports if r.year == y]
        if not of_year:
            text = say_missing_year(q.lang, y) + indexed_summary(list(finder.reports.values()), q.lang)
            return Answer(q.text, found=False, text=text, intent=q.intent.value)
        got = finder.single(q, Scope(of_year, [y]), q.concepts)
        if got is None or got.value is None:
            return None
        found.append((y, got))
    return found


def sum_over_years(finder: FactFinder, ask: Ask) -> Answer | None:
    """"2023、2024、2025三年新收的申请一共多少件": the figure of each year's report, added up."""
    q = ask.q
    found = each_years_figure(finder, ask, ask.scope.years)
    if not isinstance(found, list):
        return found
    if len({part.unit for _, part in found}) != 1:
        return None
    values = [cast(Number, part.value) for _, part in found]
    parts = [(y, v, finder.reports.get(part.match.fact.report_id), part.match.fact)
             for (y, part), v in zip(found, values, strict=True)]
    total, unit = sum_values(values), found[0][1].unit
    text = say_sum_over_years(q.lang, parts, total, unit)
    return Answer(q.text, found=True, text=text, value=total, unit=unit,
                  facts=[f for _, part in found for f in part.facts], intent="sum")

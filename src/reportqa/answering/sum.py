"""A sum of several named figures of one report, of one figure over several years, or of one figure over the reports
in scope ("各区县…一共"), written as its formula with every figure's source."""

from __future__ import annotations

from dataclasses import replace
from typing import cast

from ..documents import Answer, Number, Report
from ..parsing.similarity import bare_label
from ..questions import Question
from ..scope import Scope, indexed_summary
from ..wording import say_missing_year, say_sum, say_sum_across, say_sum_over_years
from .context import Ask
from .facts import CHANGE_WORDS, sum_values
from .finder import FactFinder, Part


def part_label(part: Part, q: Question) -> str:
    fact = part.match.fact
    label = bare_label(fact.label)
    if q.columns and not fact.column and fact.year:
        return f"{label}（{fact.year}年）"  # the year's own figure beside a running total (历年累计) asked
    return f"{label}（{fact.column}）" if q.columns and fact.column else label


def answer_sum(finder: FactFinder, ask: Ask, kind: str = "table") -> Answer | None:
    """``kind``: added up from the table's rows, or ("prose") from the figures of the text."""
    q = ask.q
    if q.across is not None and q.concepts:
        return sum_across_reports(finder, ask)
    if len(ask.scope.years) >= 2 and q.concepts:
        return sum_over_years(finder, ask)
    parts = finder.distinct_parts(q, ask.scope, kind)
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
        # the year's own figure, asked without the change between the years: not the change its report states
        # (全年接收申请数量同比增长30% beside 全年接收政府信息公开申请2036件)
        got = finder.single(replace(q, text=CHANGE_WORDS.sub(" ", q.text)), Scope(of_year, [y]), q.concepts)
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


def reports_across(q: Question, scope: Scope) -> list[Report]:
    """The reports in scope a question over several agencies adds up: those whose agency the words name (各区县: the
    district and county governments), every one when they name no kind."""
    if not q.across:
        return list(scope.reports)
    return [r for r in scope.reports if r.agency.endswith(q.across)]


def sum_across_reports(finder: FactFinder, ask: Ask) -> Answer | None:
    """"2017年各区县不予公开的申请一共多少件": each report's figure (found as a ranking finds it), added up; the reports
    that do not give it are named, never counted as 0."""
    # its 合计 adds the reports up: it asks for no 总计 column (a report may give the figure in its text only)
    q = replace(ask.q, columns=[c for c in ask.q.columns if c.id != "总计"])
    reports = reports_across(q, ask.scope)
    found: list[tuple[Report, Part]] = []
    missing: list[Report] = []
    figures = finder.each_report(q, reports, q.concepts)
    for r in reports:
        got = figures.get(r.id)
        if got is None or got.value is None:
            missing.append(r)
        else:
            found.append((r, got))
    # one report giving it is still an answer over all of them, saying which do not (never that one's figure alone,
    # as if it were the total)
    if not found or len(found) < 2 and not missing or len({part.unit for _, part in found}) != 1:
        return None
    values = [cast(Number, part.value) for _, part in found]
    total, unit = sum_values(values), found[0][1].unit
    rows = [(r, v, part.match.fact) for (r, part), v in zip(found, values, strict=True)]
    if len(found) == 1:  # no total over the reports asked about: the one figure is shown, not given as the answer
        return Answer(q.text, found=False, text=say_sum_across(q.lang, rows, missing, total, unit),
                      facts=list(found[0][1].facts), intent="sum")
    return Answer(q.text, found=True, text=say_sum_across(q.lang, rows, missing, total, unit), value=total, unit=unit,
                  facts=[f for _, part in found for f in part.facts], intent="sum",
                  series=[(f"{r.agency} {r.year}", v) for r, v, _ in rows])

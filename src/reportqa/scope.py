"""Which reports a question is about: the report or filters the user chose, the agency and the years it names.

Relative years resolve against the newest report in scope (去年 = that report's year, 比去年 = it and the year
before). An agency or year that no indexed report has is a "problem" the answer states, never a silent widening.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .agencies import match_agencies, place_is_known, resolve_agencies
from .documents import Report
from .questions import Question

_PLANS = re.compile(r"计划|打算|思路|下一步|明年|改进|将要|安排|plan|improve|next year|intend|going to", re.I)


@dataclass
class Scope:
    reports: list[Report]
    years: list[int] = field(default_factory=list)
    problem: str = ""  # why nothing in the index can answer (unknown year or agency)


def indexed_summary(reports: list[Report], lang: str = "zh") -> str:
    # a report whose agency or year is unknown is named by its title, never by "?"
    items = sorted({(r.agency, r.year or 0) if r.agency and r.year else (r.title, 0) for r in reports},
                   key=lambda x: (x[1], x[0]))
    if lang == "en":
        return "Indexed reports: " + "; ".join(f"{a} {y}" if y else a for a, y in items) if items \
            else "No reports are indexed."
    return "已索引的报告：" + "；".join(f"{a} {y}年" if y else f"《{a}》" for a, y in items) if items else "索引中还没有报告。"


def resolve_scope(q: Question, all_reports: list[Report], report_id: str | None = None, year: int | None = None,
                  agency: str | None = None) -> Scope:
    reports = list(all_reports)
    if report_id:
        reports = [r for r in reports if r.id == report_id or r.source.rsplit(".", 1)[0] == report_id]
    if agency:
        reports = [r for r in reports if agency in r.agency or match_agencies(agency, [r.agency])]
    named, unknown_agency = resolve_agencies(q.text, sorted({r.agency for r in all_reports if r.agency}))
    if named:
        reports = [r for r in reports if r.agency in named]
    elif unknown_agency:
        return Scope([], problem=f"unknown-agency:{unknown_agency}")
    else:
        unknown = [p for p in q.places if not place_is_known(p, [r.agency for r in all_reports])]
        if unknown:
            return Scope([], problem=f"unknown-agency:{unknown[0]}")
    if not reports:
        return Scope([], problem="no-report")
    base = max((r.year for r in reports if r.year), default=None)
    years = list(q.years) + ([year] if year else [])
    if "比去年" in q.relative_years:
        anchor = years[0] if years else base
        years = [anchor, anchor - 1] if anchor else years
    else:
        if "去年" in q.relative_years and base and not years:
            years.append(base)
        if "前年" in q.relative_years and base:
            years.append(base - 1)
        if "今年" in q.relative_years and base and not years:
            years.append(base)
    years = list(dict.fromkeys(y for y in years if y))
    if years and q.intent == "prose" and _PLANS.search(q.text):
        # a report states the next year's plans: "2018年有什么打算" is answered by the 2017 report
        years = [y if any(r.year == y for r in reports) or not any(r.year == y - 1 for r in reports) else y - 1
                 for y in years]
    if years:
        missing = [y for y in years if not any(r.year == y for r in reports)]
        if missing and (q.intent != "difference" or len(missing) == len(years)):
            return Scope([], years=years, problem=f"unknown-year:{missing[0]}")
        if q.intent != "difference" or len(years) < 2 or not missing:
            reports = [r for r in reports if r.year in years]
    return Scope(reports, years)

"""A share computed from two figures: a part over its parent row (or the results' total), or over a second concept.

A share the report states itself ("占53%") is quoted instead (the stated-figure step runs first)."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from ..documents import Answer, Fact, Number
from ..wording import common_prefix, say_growth, say_share
from .context import Ask
from .extractive import figure_named, implied_units
from .finder import FactFinder, Part
from .sum import each_years_figure

_RATIO = re.compile(r"是[^，。？?]{0,30}的(?:百分之|多少倍|几倍)"
                    r"|\bis what percent(?:age)? of\b|\bas a percent(?:age)? of\b", re.IGNORECASE)


_OF_WHOLE = re.compile(r"占(?:了)?([\u4e00-\u9fa5“”]{2,20}?)的?(?:比例|比重|百分比|百分之|多少)")


def _whole_named(finder: FactFinder, question: str, part: Part) -> Fact | None:
    """"主动公开的信息占全年制作信息的比例": the whole named by its words among the same report's figures in the part's
    unit (全年共制作政府信息236条), when no row holds it as a parent."""
    m = _OF_WHOLE.search(question)
    if m is None:
        return None
    fact = part.match.fact
    facts = [f for f in finder.facts.of(fact.report_id) if f.unit == part.unit and f.value is not None]
    whole = figure_named(m.group(1), facts, list(part.facts))
    if whole is None or whole.value is None or part.value is None or whole.value < part.value:
        return None
    return whole


def answer_share(finder: FactFinder, ask: Ask) -> Answer | None:
    q, scope = ask.q, ask.scope
    specific = [c for c in q.concepts if not c.generic] or q.concepts
    if not specific:
        return None
    got = finder.single(q, scope, specific[:1] + [c for c in q.concepts if c.generic])
    if got is None or got.value is None:
        return None
    den_label: str
    den: Number | None
    den_facts: list[Fact]
    if len(specific) >= 2:
        other = finder.single(q, scope, specific[1:2])
        if other is None or other.value is None:
            return None
        den_label, den, den_facts = other.match.fact.label, other.value, other.facts
    else:
        parent = finder.facts.parent_total(got.match.fact, got.facts)
        if parent is None:
            parent = _whole_named(finder, q.text, got)
        if parent is None:
            return None
        den_label, den, den_facts = parent.label, parent.value, [parent]
    if not den:
        return None
    if got.value is not None and got.value > den and not _RATIO.search(q.text):
        # "新收申请中，因行政查询事项不予公开的占百分之几": a share is of a part in its whole; the larger figure is the
        # whole, whichever the lexicon found first (a ratio, "是…的百分之多少", may exceed 100%)
        whole_label = got.match.fact.label if len(got.facts) == 1 else (got.match.via_parent or got.match.fact.label)
        whole = (whole_label, got.value, got.facts)
        got = Part(replace(got.match, fact=den_facts[0], via_parent=None), den, got.unit, den_facts)
        den_label, den, den_facts = whole
    if got.value is None:
        return None
    pct = (Decimal(str(got.value)) / Decimal(str(den)) * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    fact = got.match.fact
    label = fact.label if len(got.facts) == 1 else (got.match.via_parent or fact.label)
    cited = replace(fact, path=common_prefix([f.path for f in got.facts]) or fact.path)
    text = say_share(finder.reports.get(fact.report_id), q.lang, label, got.value, den_label, den, got.unit, pct,
                     cited)
    return Answer(q.text, found=True, text=text, value=pct, unit="%", facts=got.facts + den_facts, intent="share")


# "by what percentage did … grow from 2024 to 2025", "比上年增长了百分之多少": a rate of change between two years
_GROWTH = re.compile(r"增长|增幅|增加|上升|提高|下降|降幅|减少|减幅|变化|\b(?:grow|grew|grown|growth|increase[sd]?"
                     r"|rise|rose|risen|fall|fell|fallen|drop(?:ped)?|decline[sd]?|decrease[sd]?|change[sd]?)\b",
                     re.IGNORECASE)
_PERCENT_ASKED = re.compile(r"百分之(?:多少|几)|百分比|增长率|增幅|降幅|减幅|幅度|\b(?:percent(?:age)?|rate)\b",
                            re.IGNORECASE)


def answer_growth(finder: FactFinder, ask: Ask) -> Answer | None:
    """The same figure in two years' reports, its change as a percentage of the earlier year's. A change in
    percentage points (of a share the reports state) is not this; a year not indexed leaves the question to the
    steps after (the later report may state the rate itself)."""
    q, scope = ask.q, ask.scope
    if len(scope.years) != 2 or not q.concepts or not _GROWTH.search(q.text) or not _PERCENT_ASKED.search(q.text) \
            or "个百分点" in implied_units(q.text):  # a change in points (units.toml) is not a rate
        return None
    found = each_years_figure(finder, ask, sorted(scope.years))
    if not isinstance(found, list):
        return None
    (first_year, first), (last_year, last) = found
    if first.unit != last.unit or not first.value or last.value is None \
            or first.match.fact.report_id == last.match.fact.report_id:
        return None
    exact = (Decimal(str(last.value)) - Decimal(str(first.value))) * 100 / Decimal(str(first.value))
    pct = exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    value: Number = int(pct) if pct == pct.to_integral_value() else pct
    report = finder.reports.get(last.match.fact.report_id)
    text = say_growth(report, q.lang, (first_year, first.value), (last_year, last.value), first.unit, value,
                      rounded=pct != exact, cited=last.match.fact)
    return Answer(q.text, found=True, text=text, value=value, unit="%", facts=first.facts + last.facts,
                  intent="share")

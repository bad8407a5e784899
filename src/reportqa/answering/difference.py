"""A difference: the same figure in two years or two agencies' reports, or two figures of one report."""

from __future__ import annotations

import re
from typing import cast

from ..agencies import first_named_at
from ..documents import Answer, Number, Report
from ..facts_match import STRONG, Match, label_names
from ..questions import Question, find_mentions
from ..scope import Scope
from ..wording import say_change, say_difference
from .context import Ask
from .finder import FactFinder, Part, asks_items_of_information, counts_requests
from .sum import each_years_figure, part_label


def _two_text_figures(finder: FactFinder, ask: Ask) -> list[Part]:
    """The text's figures of the two things a one-report difference names, each a concept of its own."""
    if len(ask.scope.reports) != 1 or sum(not c.generic for c in ask.q.concepts) < 2:
        return []
    parts = finder.distinct_parts(ask.q, ask.scope, kind="prose")
    return parts if len(parts) == 2 and parts[0].facts != parts[1].facts else []


def answer_difference(finder: FactFinder, ask: Ask) -> Answer | None:
    q, scope = ask.q, ask.scope
    agencies = list(dict.fromkeys(r.agency for r in scope.reports))
    sides: list[tuple[str, Part]] = []
    two_bodies = len(agencies) == 2 and len(scope.reports) == 2
    if len(scope.years) >= 2 and q.concepts and not two_bodies:
        # the other year of the comparison not indexed: say so, never one side alone
        found = each_years_figure(finder, ask, scope.years[:2])
        if not isinstance(found, list):
            return found
        sides = [(f"{y}年", got) for y, got in found]
        if ASKS_SIGNED_CHANGE.search(q.text) and not THAN.search(q.text):
            return _signed_change(finder, q, sorted(found, key=lambda pair: pair[0]))
    elif two_bodies and q.concepts:
        # (each body in its own year: "A局2015年比B委2010年多几条" compares two reports, not one body's two years)
        # "A局收到的申请比B局多几件": the same thing in two agencies' reports, in the order the question names them
        if _each_side_its_own_thing(ask.topic, finder):
            return None  # "A网站公开信息比B公开信息多多少条": each side read in its own words, report by report
        for r in sorted(scope.reports, key=lambda r: first_mention(q.text, r.agency)):
            got = finder.single(q, _one(r), q.concepts)
            if got is None or got.value is None:
                return None
            sides.append((r.agency, got))
    else:
        # a report without the tables states its figures in the text ("收到申请44件…本年度办结39件")
        parts = finder.distinct_parts(q, scope) or _two_text_figures(finder, ask)
        if len(parts) == 1:
            parts = with_whole(finder, q, parts[0])
        if len(parts) == 1:
            parts = with_years_own(finder, parts[0])
        if len(parts) > 2:
            parts = one_per_side(q, parts)
        if len(parts) < 2:
            return None
        sides = [(part_label(p, q), p) for p in parts[:2]]
    (la, a), (lb, b) = sides[:2]
    if a.value is None or b.value is None or a.unit != b.unit:
        return None
    tables = [f for f in a.facts + b.facts if f.kind == "table"]
    if asks_items_of_information(q) and re.search(r"信息|\bitems\b", q.text) and tables \
            and all(counts_requests(f) for f in tables):
        return None  # "依申请公开的信息比不予公开的多多少条": items of information, not the request tables' rows
    value = cast(Number, abs(a.value - b.value))  # int − int stays int, a Decimal stays Decimal
    report = finder.reports.get(a.match.fact.report_id)
    text = say_difference(report, q.lang, (la, a.value), (lb, b.value), a.unit, a.match.fact)
    return Answer(q.text, found=True, text=text, value=value, unit=a.unit, facts=a.facts + b.facts,
                  intent="difference")


def _each_side_its_own_thing(topic: str, finder: FactFinder) -> bool:
    """Both sides of "比"/"than" name things of the lexicon, not the same ones: the question's concepts together
    are neither side's. (``topic``: the question without its agencies' names, whose words name no thing asked.)"""
    than = THAN.search(topic)
    if than is None:
        return False
    before, after = ({m.concept.id for m in find_mentions(side, finder.lexicon) if m.concept is not None}
                     for side in (topic[: than.start()], topic[than.end():]))
    return bool(before) and bool(after) and before != after


# "By how much did … change from 2023 to 2024", "2023年到2024年变化了多少": the later year's figure less the earlier's,
# its sign kept (a fall is negative); "how many more/fewer" and "比…多/少" ask a size, not a change
ASKS_SIGNED_CHANGE = re.compile(r"\bchang(?:e|ed)\b|变化了?多少|增减(?:了)?多少|变动", re.IGNORECASE)


def _signed_change(finder: FactFinder, q: Question, years: list[tuple[int, Part]]) -> Answer | None:
    (y0, a), (y1, b) = years
    if a.value is None or b.value is None or a.unit != b.unit:
        return None
    change = cast(Number, b.value - a.value)
    report = finder.reports.get(b.match.fact.report_id)
    text = say_change(report, q.lang, (y0, a.value), (y1, b.value), a.unit, b.match.fact)
    return Answer(q.text, found=True, text=text, value=change, unit=a.unit, facts=a.facts + b.facts,
                  intent="difference")


def with_whole(finder: FactFinder, q: Question, part: Part) -> list[Part]:
    """"新闻发布会总次数比其中主要负责同志参加的多几次": one row covers every concept asked, and the other side is
    the row it belongs to (its nearest parent naming one of the concepts). Whole first, then the part."""
    fact = part.match.fact
    for depth in range(len(fact.path) - 1, 0, -1):
        parent = finder.facts.cell(fact.report_id, fact.table, fact.path[:depth], fact.column)
        if parent is not None and parent.value is not None \
                and any(label_names(c, parent.label) for c in q.concepts if not c.generic):
            whole = Match(parent, frozenset(), STRONG, None)
            return [Part(whole, parent.value, parent.unit, [parent]), part]
    return [part]


THAN = re.compile(r"\bthan\b|比(?![例重率])|较(?![为好大多少])", re.IGNORECASE)


def one_per_side(q: Question, parts: list[Part]) -> list[Part]:
    """More rows than a difference has sides ("refuse because it did not hold the information than it fully
    granted": 不予公开, 不掌握 and 予以公开): each row goes to the side of the comparison where its words stand, and a
    side keeps its most strongly named row. [] when a side is left empty or a row's words stand on both sides."""
    than = THAN.search(q.text)
    if than is None:
        return []
    text = q.text.lower()
    by_side: dict[int, list[Part]] = {0: [], 1: []}
    for part in parts:
        spots = {at for c in q.concepts if c.id in part.match.covered for p in c.phrases
                 if (at := text.find(p.lower())) >= 0}
        sides = {0 if at < than.start() else 1 for at in spots}
        if len(sides) != 1:
            return []
        by_side[sides.pop()].append(part)
    if not by_side[0] or not by_side[1]:
        return []
    return [max(by_side[k], key=lambda p: (p.match.strength, p.match.via_parent is None)) for k in (0, 1)]


RUNNING_TOTALS = ("历年累计",)  # columns that add up every year's figure up to the report's


def with_years_own(finder: FactFinder, part: Part) -> list[Part]:
    """"截至2016年累计主动公开数比当年多多少" / "cumulative total minus the 2017 figure": a running total's other side
    is the same row's figure for the report's own year. Running total first."""
    fact = part.match.fact
    if fact.kind != "table" or fact.column not in RUNNING_TOTALS:
        return [part]
    own = finder.facts.cell(fact.report_id, fact.table, fact.path, None)
    if own is None or own.value is None or own.unit != fact.unit:
        return [part]
    return [part, Part(Match(own, frozenset(), STRONG, None), own.value, own.unit, [own])]


def first_mention(text: str, agency: str) -> int:
    """Where the question first names an agency (by any of its aliases, in pinyin too), for the order of a
    comparison."""
    at = first_named_at(text, agency)
    return at if at >= 0 else len(text)


def _one(report: Report) -> Scope:
    return Scope([report], [report.year] if report.year else [])

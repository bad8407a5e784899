"""Sums and differences of things the lexicon does not know, each found by its words among the reports' figures."""

from __future__ import annotations

from ..agencies import agency_aliases, department_mentions_of
from ..documents import Answer, Fact
from ..questions import Intent
from .context import Ask
from .extractive import ItemFinder, difference_of_items, sum_of_items
from .finder import FactFinder


def combine_items(finder: FactFinder, ask: Ask, by_meaning: ItemFinder | None = None) -> Answer | None:
    q, scope = ask.q, ask.scope
    facts = {r.id: finder.facts.scoped([r]) + finder.facts.scoped([r], "prose") for r in scope.reports}
    if q.intent is Intent.SUM:
        if len(scope.reports) != 1:
            return None
        return sum_of_items(q, ask.topic, facts[scope.reports[0].id], finder.reports, by_meaning)
    by_year: dict[int | None, list[Fact]] = {}
    for r in scope.reports:
        by_year.setdefault(r.year, []).extend(facts[r.id])
    if len(scope.reports) != 1 and len(by_year) != len(scope.reports):
        return None  # several reports of one year: which one is meant is unclear
    agencies = sorted({r.agency for r in scope.reports})
    names = tuple({a for agency in agencies for a in agency_aliases(agency)}
                  | {m for m in department_mentions_of(q.text, agencies) if names_the_asker(q.text, m)})
    return difference_of_items(q, by_year, finder.reports, names, by_meaning)


_OTHER_LEVEL = "省市县区乡镇"


def names_the_asker(text: str, mention: str) -> bool:
    """A department mention that scopes the question (平潭综合执法局), not a word of another body's name: 政府 alone,
    or 政府外事办 written after 省 (省政府外事办网站, the province's office) are things asked about. An item's words
    that name the asking agency count for nothing anyway (``extractive._item_fact``)."""
    if len(mention) < 4:
        return False
    at = text.find(mention)
    while at >= 0:
        if at == 0 or text[at - 1] not in _OTHER_LEVEL:
            return True
        at = text.find(mention, at + 1)
    return False

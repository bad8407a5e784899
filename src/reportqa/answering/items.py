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
    names = tuple({a for r in scope.reports for a in agency_aliases(r.agency)}
                  | set(department_mentions_of(q.text, sorted({r.agency for r in scope.reports}))))
    return difference_of_items(q, by_year, finder.reports, names, by_meaning)


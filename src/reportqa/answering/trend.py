"""A figure across the years (or agencies) in scope, as a series for the chart."""

from __future__ import annotations

from ..documents import Answer, Fact, Number
from ..scope import Scope
from ..wording import say_series
from .context import Ask
from .finder import FactFinder


def answer_trend(finder: FactFinder, ask: Ask) -> Answer | None:
    q = ask.q
    if not q.concepts:
        return None
    series: list[tuple[str, Number]] = []
    facts: list[Fact] = []
    agencies = {r.agency for r in ask.scope.reports}
    for r in sorted(ask.scope.reports, key=lambda r: (r.year or 0)):
        got = finder.single(q, Scope([r], [r.year] if r.year else []), q.concepts)
        if got is None or got.value is None:
            continue
        series.append((f"{r.year}" if len(agencies) == 1 else f"{r.agency} {r.year}", got.value))
        facts += got.facts
    if not series:
        return None
    unit = facts[0].unit
    text = say_series(finder.reports.get(facts[0].report_id), q.lang, series, unit, facts[0])
    return Answer(q.text, found=True, text=text, value=series[-1][1], unit=unit, facts=facts, intent="trend",
                  series=series)

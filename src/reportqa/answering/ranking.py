"""Which report has the most (or fewest) of a figure, with every report's value."""

from __future__ import annotations

from ..documents import Answer, Fact, Number, Report
from ..wording import say_ranking
from .context import Ask
from .finder import FactFinder


def answer_ranking(finder: FactFinder, ask: Ask) -> Answer | None:
    q = ask.q
    if not q.concepts:
        return None
    rows: list[tuple[Number, Report, list[Fact]]] = []
    figures = finder.each_report(q, ask.scope.reports, q.concepts)
    for r in ask.scope.reports:
        got = figures.get(r.id)
        if got is not None and got.value is not None:
            rows.append((got.value, r, got.facts))
    if not rows:
        return None
    lowest = any(w in q.text for w in finder.lexicon.words.lowest)
    rows.sort(key=lambda t: t[0], reverse=not lowest)
    unit = rows[0][2][0].unit
    text = say_ranking(q.lang, [(r, v) for v, r, _ in rows], unit, lowest)
    return Answer(q.text, found=True, text=text, value=rows[0][0], unit=unit,
                  facts=[f for _, _, fs in rows for f in fs], intent="ranking",
                  series=[(f"{r.agency} {r.year}", v) for v, r, _ in rows])

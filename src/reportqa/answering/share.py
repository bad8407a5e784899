"""A share computed from two figures: a part over its parent row (or the results' total), or over a second concept.

A share the report states itself ("占53%") is quoted instead (the stated-figure step runs first)."""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from ..documents import Answer, Fact, Number
from ..wording import common_prefix, say_share
from .context import Ask
from .finder import FactFinder


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
            return None
        den_label, den, den_facts = parent.label, parent.value, [parent]
    if not den:
        return None
    pct = (Decimal(str(got.value)) / Decimal(str(den)) * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    fact = got.match.fact
    label = fact.label if len(got.facts) == 1 else (got.match.via_parent or fact.label)
    cited = replace(fact, path=common_prefix([f.path for f in got.facts]) or fact.path)
    text = say_share(finder.reports.get(fact.report_id), q.lang, label, got.value, den_label, den, got.unit, pct,
                     cited)
    return Answer(q.text, found=True, text=text, value=pct, unit="%", facts=got.facts + den_facts, intent="share")

"""A share computed from two figures: a part over its parent row (or the results' total), or over a second concept.

A share the report states itself ("占53%") is quoted instead (the stated-figure step runs first)."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from ..documents import Answer, Fact, Number
from ..wording import common_prefix, say_share
from .context import Ask
from .finder import FactFinder, Part

_RATIO = re.compile(r"是[^，。？?]{0,30}的(?:百分之|多少倍|几倍)"
                    r"|\bis what percent(?:age)? of\b|\bas a percent(?:age)? of\b", re.IGNORECASE)


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

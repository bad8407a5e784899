"""A sum of several named figures of one report, written as its formula."""

from __future__ import annotations

from ..documents import Answer
from ..parsing.similarity import bare_label
from ..questions import Question
from ..wording import say_sum
from .context import Ask
from .facts import sum_values
from .finder import FactFinder, Part


def part_label(part: Part, q: Question) -> str:
    label = bare_label(part.match.fact.label)
    return f"{label}（{part.match.fact.column}）" if q.columns and part.match.fact.column else label


def answer_sum(finder: FactFinder, ask: Ask) -> Answer | None:
    q = ask.q
    parts = finder.distinct_parts(q, ask.scope)
    values = [p.value for p in parts if p.value is not None]
    if len(parts) < 2 or len(values) < len(parts) or len({p.unit for p in parts}) > 1:
        return None
    total, unit = sum_values(values), parts[0].unit
    facts = [f for p in parts for f in p.facts]
    report = finder.reports.get(facts[0].report_id)
    text = say_sum(report, q.lang, [(part_label(p, q), v) for p, v in zip(parts, values, strict=True)], total, unit,
                   facts[0])
    return Answer(q.text, found=True, text=text, value=total, unit=unit, facts=facts, intent="sum")

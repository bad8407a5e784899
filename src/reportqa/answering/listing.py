"""The rows a group is made of (不予公开 → its reasons), from one report's table."""

from __future__ import annotations

from dataclasses import replace

from ..chunking import format_value
from ..documents import Answer
from ..facts_match import STRONG
from ..wording import say_list
from .context import Ask
from .finder import FactFinder


def answer_list(finder: FactFinder, ask: Ask) -> Answer | None:
    q = ask.q
    matches = finder.find(q, ask.scope)
    if not matches or len({m.fact.report_id for m in matches}) > 1:
        return None
    m = matches[0]
    fact = m.fact
    prefix = fact.path if m.strength >= STRONG or m.via_parent is None \
        else fact.path[: list(fact.path).index(m.via_parent) + 1]
    children = [f for f in finder.facts.of(fact.report_id) if f.table == fact.table and f.kind == "table"
                and f.path[: len(prefix)] == prefix and len(f.path) == len(prefix) + 1 and f.column in (None, "总计")]
    if not children:
        return None
    group = replace(children[0], path=prefix)
    text = say_list(finder.reports.get(fact.report_id), q.lang, group, children, [format_value(f) for f in children])
    return Answer(q.text, found=True, text=text, value=None, unit=children[0].unit, facts=children, intent="list")

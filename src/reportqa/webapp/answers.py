"""An ``Answer`` as one chat message: the escaped text, then expandable evidence (the table rows a figure was read
from, the supporting passages, or the list of indexed reports when nothing was found)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..documents import Answer, Fact, Hit, Report
from .rendering import (
    esc,
    escape_markdown_text,
    fact_location,
    fact_value_text,
    highlight_terms,
    one_line,
    report_label,
)
from .tables import context_grid, grid_html

MAX_SOURCE_FACTS = 6


def answer_sources_html(answer: Answer, reports: dict[str, Report], facts_of: Callable[[str], list[Fact]]) -> str:
    """<details>: where each figure comes from, with its table row shown among its neighbours."""
    if not answer.facts:
        return ""
    blocks = []
    shown: set[tuple] = set()
    for fact in answer.facts[:MAX_SOURCE_FACTS]:
        report = reports.get(fact.report_id)
        place = f'<div class="rq-meta">{esc(fact_location(fact, report))}：<b>{esc(fact_value_text(fact))}</b></div>'
        key = (fact.report_id, fact.table, fact.path[:-1])
        if fact.kind == "prose":
            blocks.append(place + f'<div class="rq-passage">{highlight_terms(fact.source, [fact.raw])}</div>')
        elif key not in shown:
            shown.add(key)
            grid = context_grid(fact, facts_of(fact.report_id))
            used = frozenset(f.path for f in answer.facts if f.report_id == fact.report_id and f.table == fact.table)
            blocks.append(place + (grid_html(grid, highlight=used) if grid else ""))
        else:
            blocks.append(place)
    more = len(answer.facts) - MAX_SOURCE_FACTS
    if more > 0:
        blocks.append(f'<div class="rq-meta">…另有 {more} 项 ({more} more)</div>')
    return one_line(f'<details class="rq-src"><summary>来源：表格原行 · Source: the table row in context</summary>'
                    f'{"".join(blocks)}</details>')


def passages_html(hits: Sequence[Hit], reports: dict[str, Report], terms: Sequence[str] = (),
                  open_: bool = False) -> str:
    if not hits:
        return ""
    items = []
    for hit in hits:
        p = hit.passage
        report = reports.get(p.report_id)
        who = report_label(report) if report else p.report_id
        items.append(f'<div class="rq-meta">{esc(who)} › {esc(p.section)} · 相似度 score {hit.score:.3f}</div>'
                     f'<div class="rq-passage">{highlight_terms(p.text, terms)}</div>')
    return one_line(f'<details class="rq-src"{" open" if open_ else ""}><summary>支持段落 · Supporting passages '
                    f'({len(hits)})</summary>{"".join(items)}</details>')


def indexed_reports_html(reports: Sequence[Report]) -> str:
    if not reports:
        return one_line('<div class="rq-meta">索引中还没有报告。No reports are indexed.</div>')
    items = "".join(f"<li>{esc(report_label(r))}：{esc(r.title)}</li>" for r in reports)
    return one_line(f'<details class="rq-src" open><summary>已索引的报告 · Indexed reports ({len(reports)})</summary>'
                    f"<ul>{items}</ul></details>")


def render_answer(answer: Answer, reports: Sequence[Report], facts_of: Callable[[str], list[Fact]]) -> str:
    """An Answer as one chat message: the text with its figure and source, then the expandable evidence."""
    by_id = {r.id: r for r in reports}
    parts = [escape_markdown_text(answer.text)]
    sources = answer_sources_html(answer, by_id, facts_of)
    if sources:
        parts.append(sources)
    terms = [f"{answer.value}{answer.unit}"] if answer.value is not None and answer.unit else []
    if answer.passages:
        parts.append(passages_html(answer.passages, by_id, terms))
    if not answer.found and "ambiguous" not in answer.notes:
        parts.append(indexed_reports_html(reports))
    return "\n\n".join(parts)

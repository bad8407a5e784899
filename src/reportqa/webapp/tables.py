"""A report's tables rebuilt from its facts, and shown as HTML: whole (the report viewer) or the rows around one
figure (a chat answer's source)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..documents import PATH_SEP, Fact, Report
from .rendering import esc

MAX_CONTEXT_ROWS = 14


@dataclass
class TableGrid:
    """A report table rebuilt from its facts: rows are row paths, columns are ``Fact.column`` (None = 统计数)."""

    title: str
    columns: list[str | None] = field(default_factory=list)
    rows: list[tuple[tuple[str, ...], dict[str | None, Fact]]] = field(default_factory=list)


def rebuild_tables(facts: Iterable[Fact]) -> list[TableGrid]:
    """Group ``kind == "table"`` facts by table, in the order the report gave them."""
    grids: dict[str, TableGrid] = {}
    row_index: dict[tuple[str, tuple[str, ...]], int] = {}
    for fact in facts:
        if fact.kind != "table":
            continue
        grid = grids.setdefault(fact.table, TableGrid(title=fact.table))
        if fact.column not in grid.columns:
            grid.columns.append(fact.column)
        for depth in range(1, len(fact.path) + 1):  # heading rows ("——", no figure) come back as empty rows
            key = (fact.table, fact.path[:depth])
            if key not in row_index:
                row_index[key] = len(grid.rows)
                grid.rows.append((fact.path[:depth], {}))
        grid.rows[row_index[(fact.table, fact.path)]][1][fact.column] = fact
    return list(grids.values())


def context_grid(fact: Fact, report_facts: Sequence[Fact], max_rows: int = MAX_CONTEXT_ROWS) -> TableGrid | None:
    """The rows around a table fact: its ancestors, its siblings and its children, in report order."""
    if fact.kind != "table":
        return None
    parent = fact.path[:-1]

    def near(f: Fact) -> bool:
        return (f.kind == "table" and f.table == fact.table
                and (fact.path[:len(f.path)] == f.path  # an ancestor (or the row itself)
                     or f.path[:-1] == parent  # a sibling
                     or f.path[:len(fact.path)] == fact.path))  # a child

    grid = next(iter(rebuild_tables(f for f in report_facts if near(f))), None)
    if grid is None:
        return None
    hit = next((i for i, (path, _) in enumerate(grid.rows) if path == fact.path), 0)
    lo = max(0, min(hit - max_rows // 2, len(grid.rows) - max_rows))
    grid.rows = grid.rows[lo:lo + max_rows]
    return grid


def column_title(column: str | None) -> str:
    return "统计数 Value" if column is None else column


def row_units(cells: dict[str | None, Fact]) -> str:
    return "、".join(dict.fromkeys(f.unit for f in cells.values() if f.unit))


def grid_html(grid: TableGrid, *, highlight: frozenset[tuple[str, ...]] = frozenset(),
              warned: frozenset[tuple[str, ...]] = frozenset(), caption: bool = True) -> str:
    head = "".join(f"<th>{esc(column_title(c))}</th>" for c in grid.columns)
    body = []
    for path, cells in grid.rows:
        classes = " ".join(c for c, on in (("rq-hit", path in highlight), ("rq-warnrow", path in warned)) if on)
        label = esc(path[-1] if path else "")
        if not cells:
            label = f"<b>{label}</b>"
        indent = f"padding-left:{0.4 + 1.2 * max(0, len(path) - 1):.1f}em"
        tds = []
        for column in grid.columns:
            fact = cells.get(column)
            if fact is None:
                tds.append("<td></td>")
            elif fact.value is None:
                tds.append(f'<td class="rq-num rq-na" title="未填报 not reported">{esc(fact.raw or "—")}</td>')
            else:
                tds.append(f'<td class="rq-num">{esc(fact.value)}</td>')
        body.append(f'<tr class="{classes}"><td style="{indent}" title="{esc(PATH_SEP.join(path))}">{label}</td>'
                    f'{"".join(tds)}<td>{esc(row_units(cells))}</td></tr>')
    cap = f"<caption>{esc(grid.title or '统计表')}</caption>" if caption else ""
    return (f'<table class="rq-table">{cap}<thead><tr><th>统计指标 Indicator</th>{head}<th>单位 Unit</th></tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


def warned_paths(report: Report) -> frozenset[tuple[str, ...]]:
    """Rows a consistency warning names (by label in 「」 or by full path)."""
    named = set()
    for warning in report.warnings:
        named.update(re.findall(r"「([^」]+)」", warning))
    paths = set()
    for fact in report.facts:
        if fact.kind == "table" and (fact.label in named or fact.path_text in named):
            paths.add(fact.path)
    return frozenset(paths)

"""Table 二 (主动公开政府信息情况): 第二十条 section rows, 信息内容 header rows naming the columns, item rows with
figures."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .cells import FactSink, has_figure, is_value_cell, label_fragments, split_label_values, table_fact
from .labels import (
    TEMPLATE_2021,
    Table2Item,
    TemplateLabels,
    clean_label,
    column_name,
    label_core,
    label_similarity,
    normalize_text,
)

log = logging.getLogger(__name__)


SECTION20 = re.compile(r"第二十条第\(?([一二三四五六七八九十]{1,3})\)?项")
# "（单位：万元）", "采购总金额（元）": a unit the header names overrides the template's
_UNIT_IN_HEADER = re.compile(r"单位[:：]\s*([^)）\s]+)|[（(]\s*(万元|亿元|元)\s*[)）]")


def table2_item(fragments: Sequence[str], labels: TemplateLabels) -> Table2Item | None:
    """The table 二 item a row's label names (items are short and distinct, so the bar is high)."""
    best, best_score = None, 0.0
    for fragment in fragments:
        core = label_core(fragment)
        for item in labels.table2_items:
            score = max(label_similarity(c, core) for c in item.cores)
            if score > best_score:
                best, best_score = item, score
    return best if best_score >= 0.8 else None


def _canonical_section(text: str, labels: TemplateLabels) -> str | None:
    """"第二十条 第（一）项" in any spacing or bracket style → the template's spelling."""
    match = SECTION20.search(normalize_text(text))
    if not match:
        return None
    for name in labels.table2_sections:
        if SECTION20.search(normalize_text(name)).group(1) == match.group(1):  # type: ignore[union-attr]
            return name
    return f"第二十条第（{match.group(1)}）项"


@dataclass
class _Table2Header:
    width: int
    columns: list[tuple[int, str, str | None]]  # (position, column name, unit named in the header)


def _table2_header(row: Sequence[str], labels: TemplateLabels) -> _Table2Header | None:
    """A 信息内容 row naming the columns of the rows below it; merged header cells give one column."""
    if any(has_figure(c) for c in row):
        return None
    known = sorted(labels.table2_columns())
    names = [column_name(c, known, labels.table2_column_aliases) for c in row]
    header_core = label_core(labels.table2_header_label)
    if not any(names) and not any(label_core(c) == header_core for c in row):
        return None
    columns: list[tuple[int, str, str | None]] = []
    previous = None
    for position, (cell, name) in enumerate(zip(row, names, strict=True)):
        text = normalize_text(cell)
        if not text or text == previous or (name is None and label_core(text) == header_core):
            previous = text
            continue
        previous = text
        unit = _UNIT_IN_HEADER.search(text)
        columns.append((position, name or clean_label(text), (unit.group(1) or unit.group(2)) if unit else None))
    return _Table2Header(width=len(row), columns=columns) if columns else None


def parse_table2(rows: Sequence[Sequence[str]], version: str | None, labels: TemplateLabels, sink: FactSink) -> None:
    """Facts of table 二: 第二十条 section rows, 信息内容 header rows naming the columns, item rows with figures."""
    section: str | None = None
    header: _Table2Header | None = None
    for row in rows:
        row = [c or "" for c in row]
        figures = any(has_figure(c) for c in row)
        sections = [_canonical_section(c, labels) for c in row]
        if any(sections):
            section, header = next(s for s in sections if s), None  # each section brings its own header
            row = ["" if s else c for c, s in zip(row, sections, strict=True)]
        elif not figures and (joined := _canonical_section("".join(row), labels)):
            section, header = joined, None
            continue
        if not any(c.strip() for c in row):
            continue
        new_header = _table2_header(row, labels)
        if new_header is not None:
            header = new_header
            continue
        label_cells, value_cells = split_label_values(row, len(row))
        fragments = label_fragments(label_cells)
        if not fragments:
            continue
        item = table2_item(fragments, labels)
        if item is None and not figures:
            continue
        if item is None:
            path = (section or "", clean_label(fragments[-1]))
            log.info("table 二: unknown row %r kept as %s", fragments[-1], path)
        else:
            path = (item.section, item.label)
        for column, raw, header_unit in _table2_cells(row, value_cells, header, item, version):
            unit = header_unit or labels.table2_units.get(column, labels.table2_default_unit)
            sink.add(table_fact(labels.table2_title, path, column, raw, unit))


def _table2_cells(row: Sequence[str], value_cells: Sequence[str], header: _Table2Header | None,
                  item: Table2Item | None, version: str | None) -> list[tuple[str, str, str | None]]:
    """(column, raw cell, unit named in the header) for a data row of table 二."""
    if header is not None and header.width == len(row):
        return [(name, row[p], unit) for p, name, unit in header.columns if is_value_cell(row[p])]
    if header is not None:
        names = [(name, unit) for _, name, unit in header.columns]
    elif item is not None:
        names = [(c, None) for c in item.columns.get(version or TEMPLATE_2021, item.columns.get(TEMPLATE_2021, ()))]
    else:
        return []
    return [(name, raw, unit) for (name, unit), raw in zip(names, value_cells, strict=False)]

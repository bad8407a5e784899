"""Table 四 (政府信息公开行政复议、行政诉讼情况): fifteen figures placed by a three-level header, else by row label,
else left to right over the three groups."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .cells import FactSink, has_figure, is_value_cell, split_label_values, table_fact
from .labels import TemplateLabels, column_name, label_core, normalize_text


@dataclass
class _Table4Header:
    width: int
    positions: list[tuple[int, tuple[str, ...], str]]  # (grid position, group path, column)


def _is_table4_header(row: Sequence[str], labels: TemplateLabels) -> bool:
    if any(has_figure(c) for c in row):
        return False
    names = {column_name(c, labels.table4_columns, labels.table4_column_aliases) for c in row} - {None}
    groups = {label_core(c) for c in row} & {label_core(p) for g in labels.table4_groups for p in g}
    return bool(names or groups)


def _table4_group(text: str, labels: TemplateLabels) -> tuple[str, ...] | None:
    core = label_core(text)
    for group in labels.table4_groups:
        if core == label_core(group[-1]) or core == label_core("".join(group)):
            return group
    return None


def _table4_header(header_rows: Sequence[Sequence[str]], labels: TemplateLabels) -> _Table4Header | None:
    """The three-level header (行政复议 / 行政诉讼 › 未经复议直接起诉, 复议后起诉 / 结果维持 …) as (position, group,
    column) for all fifteen figures; None when it does not name them all."""
    width = max(len(r) for r in header_rows)
    positions = []
    for position in range(width):
        group, column = None, None
        for row in header_rows:
            if position < len(row):
                group = _table4_group(row[position], labels) or group
                column = column_name(row[position], labels.table4_columns, labels.table4_column_aliases) or column
        if group and column:
            positions.append((position, group, column))
    pairs = {(g, c) for _, g, c in positions}
    if len(pairs) != len(labels.table4_groups) * len(labels.table4_columns):
        return None
    first: dict[tuple, int] = {}
    for position, group, column in positions:
        first.setdefault((group, column), position)
    return _Table4Header(width=width, positions=[(p, g, c) for (g, c), p in sorted(first.items(), key=lambda x: x[1])])


def parse_table4(tables: Sequence[Sequence[Sequence[str]]], labels: TemplateLabels, sink: FactSink,
                  text_mode: bool = False, captions: Sequence[str] = ()) -> None:
    """Facts of table 四: by header position when the header names a group and a column over every figure, else by
    row label, else by the caption above the grid (a report that splits the table into one grid per group under
    its own heading, 行政诉讼（复议后起诉）), else, for a bare row of figures, left to right over the three groups."""
    title, unit = labels.table4_title, labels.table4_unit
    columns, groups = labels.table4_columns, labels.table4_groups
    all_values = len(columns) * len(groups)
    header: _Table4Header | None = None
    for k, rows in enumerate(tables):
        caption = captions[k] if k < len(captions) else ""
        start = 0
        while start < len(rows) and _is_table4_header(rows[start], labels):
            start += 1
        if start:
            header = _table4_header(rows[:start], labels) or header
        for row in rows[start:]:
            if not any(has_figure(c) for c in row) and (text_mode or not any(c.strip() for c in row)):
                continue
            if (header is not None and header.width == len(row)
                    and all(is_value_cell(row[p]) for p, _, _ in header.positions)):
                for position, group, column in header.positions:
                    sink.add(table_fact(title, group, column, row[position], unit))
                continue
            label_cells, value_cells = split_label_values(row, all_values)
            one_group = len(value_cells) <= len(columns) and not any(c.strip() for c in label_cells)
            captioned = caption_group(caption, labels) if one_group else None
            if captioned is not None:
                for column, raw in zip(columns, value_cells[-len(columns):], strict=False):
                    sink.add(table_fact(title, captioned, column, raw, unit))
                continue
            for group, column, raw in _table4_assign(label_cells, value_cells, labels):
                sink.add(table_fact(title, group, column, raw, unit))


def caption_group(caption: str, labels: TemplateLabels) -> tuple[str, ...] | None:
    """The one group a caption names: its most specific words (未经复议直接起诉, 复议后起诉) decide, and a caption
    naming only 行政诉讼 (two groups) names none."""
    text = re.sub(r"[()（）【】\[\]]", "", normalize_text(caption))
    if not text or len(text) > 30:
        return None
    named = [g for g in labels.table4_groups if label_core(g[-1]) and label_core(g[-1]) in text]
    return named[0] if len(named) == 1 else None


def _table4_assign(label_cells: Sequence[str], value_cells: Sequence[str],
                   labels: TemplateLabels) -> list[tuple[tuple[str, ...], str, str]]:
    """Values of a row without a usable header: a labelled row holds its group's five columns (or, labelled 行政诉讼,
    both lawsuit groups); an unlabelled row holds all groups left to right."""
    columns, groups = labels.table4_columns, labels.table4_groups
    label = "".join(label_core(c) for c in label_cells)
    chosen = list(groups)
    if label:
        matches = [g for g in groups if label_core(g[-1]) and label_core(g[-1]) in label]
        if not matches:
            matches = [g for g in groups if label_core(g[0]) in label]
        if matches:
            chosen = matches
    slots = [(g, c) for g in chosen for c in columns]
    if len(value_cells) > len(slots):
        value_cells = value_cells[-len(slots):]
    return [(g, c, raw) for (g, c), raw in zip(slots, value_cells, strict=False)]

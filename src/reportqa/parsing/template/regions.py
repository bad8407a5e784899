"""Which table is which: a grid is recognised by its content (header words, row labels), by the section heading
above it, or by directly continuing a recognised table; text lines under a template heading are kept for the no-grid
path."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ...documents import Block
from .cells import has_figure, is_value_cell, label_fragments, split_label_values
from .labels import (
    MATCH_THRESHOLD,
    STRONG_MATCH,
    TOP_HEADING,
    TableKind,
    TemplateLabels,
    label_core,
    label_similarity,
    load_template_labels,
    normalize_text,
)
from .table2 import SECTION20, table2_item
from .text_lines import Segment, text_rows


def _row_cores(rows: Sequence[Sequence[str]]) -> set[str]:
    return {label_core(cell) for row in rows for cell in row} - {""}


def classify_table(rows: Sequence[Sequence[str]], labels: TemplateLabels | None = None) -> TableKind | None:
    """Which template table a grid is, from its own words; None when it does not say (a headerless continuation, or
    not a template table at all, such as the pre-2019 统计指标 table)."""
    labels = labels or load_template_labels()
    text = "".join(normalize_text(cell) for row in rows for cell in row)
    cores = _row_cores(rows)
    table4_markers = {label_core(c) for c in labels.table4_columns if label_core(c) != "总计"}
    table4_markers |= {label_core(g[-1]) for g in labels.table4_groups if len(g) > 1}
    if cores & table4_markers:
        return "四"
    if {label_core(g[0]) for g in labels.table4_groups} <= cores:  # 行政复议 and 行政诉讼 as header cells
        return "四"
    table3_markers = {label_core(c) for c in (*labels.table3_super_headers, labels.table3_columns[0])}
    if cores & table3_markers or _strong_table3_rows(rows, labels) >= 2:
        return "三"
    if SECTION20.search(text) or label_core(labels.table2_header_label) in cores:
        return "二"
    return None


def _strong_table3_rows(rows: Sequence[Sequence[str]], labels: TemplateLabels) -> int:
    """Rows whose label is near-exactly a table 三 row label and which carry figures: evidence of table 三."""
    count = 0
    candidates = [r for r in labels.table3_rows if not r.is_group]
    for row in rows:
        label_cells, values = split_label_values(row, len(labels.table3_columns))
        cores = [label_core(f) for f in label_fragments(label_cells)]
        if len(values) >= 3 and cores and cores[-1]:
            if max(label_similarity(c, cores[-1]) for cand in candidates for c in cand.cores) >= STRONG_MATCH:
                count += 1
    return count


_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s*")
# by their words, whatever their number: a report that leaves out 总体情况 numbers them 一、二、三
_REGION_HEADINGS: dict[TableKind, re.Pattern[str]] = {
    "二": re.compile(r"^[一二三四五六七八九十]{1,2}[、.]?主动公开"),
    "三": re.compile(r"^[一二三四五六七八九十]{1,2}[、.]?(收到和处理|依申请)"),
    "四": re.compile(r"^[一二三四五六七八九十]{1,2}[、.]?.{0,8}行政复议"),
}


def _heading_region(text: str, labels: TemplateLabels) -> tuple[bool, TableKind | None]:
    """(is a top-level heading, the template region it opens); a Markdown heading's marks (``## 三、…``) are not
    part of its words."""
    text = _MARKDOWN_HEADING.sub("", text)
    normal = normalize_text(text)
    if len(normal) > 40 or not TOP_HEADING.match(normal):
        return False, None
    for kind, pattern in _REGION_HEADINGS.items():
        if pattern.match(normal):
            return True, kind
    tokens = text.split()
    if tokens and is_value_cell(tokens[-1]) or len(label_core(normal)) < 4:
        return False, None  # a row of a table written as text ("四、结转下年度继续办理 103 …", a vertical "三、")
    core = label_core(normal)
    if any(label_similarity(c, core) >= MATCH_THRESHOLD for row in labels.table3_rows for c in row.cores):
        return False, None
    return True, None


@dataclass
class Regions:
    """Per template table: its grids, the text lines of its region, and both in document order."""

    tables: dict[str, list[list[list[str]]]] = field(default_factory=lambda: {"二": [], "三": [], "四": []})
    lines: dict[str, list[str]] = field(default_factory=lambda: {"二": [], "三": [], "四": []})
    sequence: dict[str, list[Segment]] = field(default_factory=lambda: {"二": [], "三": [], "四": []})


def _assign_table(rows: list[list[str]], labels: TemplateLabels, region: TableKind | None,
                  previous: TableKind | None, region_started: bool) -> TableKind | None:
    """The table's kind by its own words; else the kind of the table it continues, or of its region's heading when
    its rows fit that table; else, inside a region whose table has begun, a piece of that table (a table drawn
    without rules comes out of a PDF in pieces, some without a single label)."""
    kind = classify_table(rows, labels)
    if kind is not None:
        return kind
    for fallback in (previous, region):
        if fallback is not None and _fits(rows, fallback, labels):
            return fallback
    return region if region_started else None


def _fits(rows: list[list[str]], kind: TableKind, labels: TemplateLabels) -> bool:
    """Positive evidence that a table without its own header words continues the given template table."""
    if kind == "三":
        return _strong_table3_rows(rows, labels) >= 1
    if kind == "四":
        group_size, all_values = len(labels.table4_columns), len(labels.table4_columns) * len(labels.table4_groups)
        return any(len(split_label_values(r, all_values)[1]) >= group_size and any(has_figure(c) for c in r)
                   for r in rows)
    return any(table2_item(label_fragments(split_label_values(r, len(r))[0]), labels) is not None for r in rows)


def collect_regions(blocks: Sequence[Block], labels: TemplateLabels) -> Regions:
    """Sort tables and text lines into the template regions 二、三、四 (by content, continuation or heading)."""
    regions = Regions()
    region: TableKind | None = None
    previous_table: TableKind | None = None
    for block in blocks:
        if block.kind == "table":
            started = region is not None and bool(regions.tables[region])
            kind = _assign_table(block.rows, labels, region, previous_table, started)
            if kind is not None:
                regions.tables[kind].append(block.rows)
                regions.sequence[kind].append(Segment(block.rows))
            previous_table = kind
            continue
        previous_table = None
        is_heading, opened = _heading_region(block.text, labels)
        if is_heading:
            region = opened
        elif region is not None:
            lines = [line for line in block.text.split("\n") if line.strip()]
            regions.lines[region].extend(lines)
            regions.sequence[region].append(Segment(text_rows(lines), from_text=True))
    return regions

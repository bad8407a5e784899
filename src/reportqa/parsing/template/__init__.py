"""The national template's tables (二、三、四; 2019 and 2021 versions) → table ``Fact``s.

Reports fill in the same three tables, but every file type and agency writes them differently: merged header cells,
the row group 三、本年度办理结果 written vertically one character per line, wrapped or reworded row labels, a table
cut by a page break, or no grid at all (a PDF without ruling lines, plain text). So nothing here relies on positions
alone or on exact wording:
- tables are recognised by their content (header words, row labels), by the section heading above them, or by
  directly continuing a recognised table;
- a row is identified by its most specific label, matched by similarity to the template's labels (from
  ``template_labels.toml``), helped by its group labels and the template's row order; the fact's path is always the
  template's own labels, so facts compare across reports; an unknown row is kept under its own label;
- value columns come from the header when it names them all, else from the trailing figures of the row in the
  template's column order (a row cut off mid-way keeps the figures it has);
- where a region has no table grid, its text lines are read as "label figure figure …" rows.

Cell values: int, or Decimal when written with decimals (never float); a blank, "/", "-", "—", "——" or "无" cell is
None (not reported, distinct from 0) with the raw text kept; commas are removed; a unit written in the cell
("160.5964万元") becomes the fact's unit.

The parts, one job each: ``labels`` (the template's labels and label comparison), ``cells`` (cell values and the
facts made from them), ``regions`` (which table is which), ``version`` (2019 or 2021), ``table2``, ``table3``,
``table4`` (each table's rows and columns), ``text_lines`` (the no-grid path); ``parse_template_tables`` below runs
them in that order.
"""

from __future__ import annotations

import logging

from ...documents import Block, Fact
from .cells import CellValue, FactSink, has_figure, is_value_cell, label_fragments, parse_cell_value, split_label_values
from .labels import (
    MATCH_THRESHOLD,
    TemplateLabels,
    label_core,
    label_similarity,
    load_template_labels,
    normalize_text,
    split_numbered_parts,
)
from .regions import classify_table, collect_regions
from .table2 import parse_table2, table2_item
from .table3 import parse_table3
from .table4 import parse_table4
from .text_lines import Segment, text_region_is_table2, text_region_is_table4, text_rows
from .version import detect_version, version_from_rows

log = logging.getLogger(__name__)


def _text_item(row: list[str], labels: TemplateLabels) -> str | None:
    item = table2_item(label_fragments(split_label_values(row, len(row))[0]), labels)
    return item.label if item else None


def parse_template_tables(blocks: list[Block]) -> tuple[list[Fact], str | None]:
    """Facts of the national template's tables 二、三、四 and the template version ("template-2021",
    "template-2019"), or ([], None) when the blocks hold no template table."""
    labels = load_template_labels()
    regions = collect_regions(blocks, labels)
    version = detect_version(regions, labels)
    sink = FactSink()

    if regions.tables["二"]:
        # text rows with figures repeat a grid's rows in some files; they count only for items no grid row names
        # (a report that drew 第（一）项 as a grid and wrote 第（五）项 as lines)
        in_grids = {_text_item(row, labels) for segment in regions.sequence["二"] if not segment.from_text
                    for row in segment.rows}
        rows = [row for segment in regions.sequence["二"] for row in segment.rows
                if not segment.from_text or not any(has_figure(c) for c in row)
                or (item := _text_item(row, labels)) is not None and item not in in_grids]
        parse_table2(rows, version, labels, sink)
    elif text_region_is_table2(regions.lines["二"], labels):
        parse_table2(text_rows(regions.lines["二"]), version, labels, sink)

    if regions.tables["三"]:
        parse_table3(regions.sequence["三"], version, labels, sink)
    elif regions.lines["三"]:
        text_sink = FactSink()
        matched = parse_table3([Segment(text_rows(regions.lines["三"]), from_text=True)], version, labels, text_sink)
        region_text = "".join(normalize_text(line) for line in regions.lines["三"])
        if matched >= 3 or label_core(labels.table3_columns[0]) in region_text:
            for fact in text_sink.facts:
                sink.add(fact)

    if regions.tables["四"]:
        grids, captions, caption = [], [], ""
        for segment in regions.sequence["四"]:
            if segment.from_text:
                caption = next((" ".join(r) for r in reversed(segment.rows) if any(c.strip() for c in r)), "")
                continue
            grids.append(segment.rows)
            captions.append(caption)
            caption = ""
        parse_table4(grids, labels, sink, captions=captions)
    elif text_region_is_table4(regions.lines["四"], labels):
        parse_table4([text_rows(regions.lines["四"])], labels, sink, text_mode=True)

    if not sink.facts:
        return [], None
    if version is None:
        version = version_from_rows(sink.facts, labels)
    log.debug("template tables: %d facts, %s", len(sink.facts), version)
    return sink.facts, version


__all__ = [
    "parse_template_tables", "classify_table", "parse_cell_value", "is_value_cell", "CellValue", "label_core",
    "normalize_text", "split_numbered_parts", "label_similarity", "load_template_labels", "TemplateLabels",
    "MATCH_THRESHOLD",
]

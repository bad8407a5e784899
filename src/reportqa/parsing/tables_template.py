"""The national template's tables (二、三、四; 2019 and 2021 versions) → table ``Fact``s.

The parser lives in the ``template`` package, one module per job (labels, cells, regions, version, table2, table3,
table4, text_lines); this module keeps the names callers import from here.
"""

from __future__ import annotations

from .template import (
    MATCH_THRESHOLD,
    CellValue,
    TemplateLabels,
    classify_table,
    is_value_cell,
    label_core,
    label_similarity,
    load_template_labels,
    normalize_text,
    parse_cell_value,
    parse_template_tables,
    split_numbered_parts,
)
from .template.labels import TEMPLATE_2019 as TEMPLATE_2019
from .template.labels import TEMPLATE_2021 as TEMPLATE_2021
from .template.labels import RowTemplate as RowTemplate
from .template.labels import Table2Item as Table2Item
from .template.labels import TableKind as TableKind

__all__ = [
    "parse_template_tables", "classify_table", "parse_cell_value", "is_value_cell", "CellValue", "label_core",
    "normalize_text", "split_numbered_parts", "label_similarity", "load_template_labels", "TemplateLabels",
    "MATCH_THRESHOLD",
]

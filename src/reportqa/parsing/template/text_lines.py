"""The no-grid path: where a region has no table grid (a PDF without ruling lines, plain text), its text lines are
read as "label figure figure …" rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .cells import has_figure
from .labels import TemplateLabels, normalize_text
from .table2 import SECTION20


@dataclass
class Segment:
    """Rows in a template region: a table grid, or text lines split into cells (``from_text``)."""

    rows: list[list[str]]
    from_text: bool = False


def text_rows(lines: Sequence[str]) -> list[list[str]]:
    """Text lines as rows of whitespace-separated cells ("规章 1 0 11"); wide gaps in PDF text already split labels
    from figures."""
    return [tokens for tokens in (line.split() for line in lines) if tokens]


def text_region_is_table2(lines: Sequence[str], labels: TemplateLabels) -> bool:
    """The region under the 二 heading holds the table when it has a 第二十条 line or a 信息内容 header line."""
    header = normalize_text(labels.table2_header_label)
    return any(SECTION20.search(normalize_text(line)) or normalize_text(line).startswith(header) for line in lines)


def text_region_is_table4(lines: Sequence[str], labels: TemplateLabels) -> bool:
    """The region under the 四 heading holds the table when a line carries a group's worth of figures (the header
    words are often broken over several lines, "结果 / 维持")."""
    return any(sum(1 for t in line.split() if has_figure(t)) >= len(labels.table4_columns) for line in lines)

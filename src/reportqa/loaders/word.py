"""Word files (.docx): body paragraphs and tables (gridSpan/vMerge merged cells) in order.

Named ``word`` rather than ``docx`` so the module is never mistaken for the python-docx package it imports."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..documents import Block, LoadedDocument
from .common import _grid_blocks, _text_blocks


def _docx_body_elements(parent: Any) -> Iterator[Any]:
    """Paragraphs and tables of the body in order, looking inside content controls (w:sdt)."""
    from docx.oxml.ns import qn

    for child in parent.iterchildren():
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _docx_body_elements(content)


def docx_table_grid(table: Any) -> list[list[str]]:
    """A Word table as a rectangular grid: gridSpan repeats a cell across columns, vMerge="continue" repeats the
    text of the cell above, and gridBefore/gridAfter positions are empty."""
    from docx.table import _Cell

    grid: list[list[str]] = []
    for r, tr in enumerate(table._tbl.tr_lst):
        row = [""] * int(tr.grid_before or 0)
        for tc in tr.tc_lst:
            col = len(row)
            if tc.vMerge == "continue":
                above = grid[r - 1] if r > 0 else []
                text = above[col] if col < len(above) else ""
            else:
                text = _Cell(tc, table).text
            row.extend([text] * max(1, int(tc.grid_span or 1)))
        row.extend([""] * int(tr.grid_after or 0))
        grid.append(row)
    width = max((len(row) for row in grid), default=0)
    return [row + [""] * (width - len(row)) for row in grid]


def load_docx(path: Path) -> LoadedDocument:
    """A Word file: body paragraphs and tables in order (headers, footers and text boxes are not read)."""
    import docx
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    blocks: list[Block] = []
    for element in _docx_body_elements(document.element.body):
        if element.tag == qn("w:p"):
            blocks.extend(_text_blocks(Paragraph(element, document).text))
        else:
            blocks.extend(_grid_blocks(docx_table_grid(Table(element, document))))
    return LoadedDocument(source=str(path), blocks=blocks)

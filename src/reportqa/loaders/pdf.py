"""PDFs with a text layer, read with pdfplumber.

PDF specifics: tables come from ruling lines (pdfplumber); text outside the tables becomes paragraphs rebuilt from the
visual lines (indentation, short last lines); lines with wide gaps (a table drawn without rules) keep the gaps as tabs
so the text-layout detectors can still see their columns; page numbers in the margins are dropped; a table that
continues on the next page (same columns, nothing in between) is joined, a repeated header row is dropped.
A PDF page without a text layer adds the warning "no text layer (scanned PDF?)"; a PDF with no text at all is a
``LoadError`` with that reason, because a document with nothing to read cannot be ingested.
"""

from __future__ import annotations

import logging
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..documents import Block, LoadedDocument
from ..parsing.layout import split_text_blocks
from .common import LoadError, _is_cjk, join_wrapped
from .limits import check_pdf_pages

log = logging.getLogger(__name__)

_VALUE_LIKE = re.compile(r"^\s*([-+－]?[\d,，]+(\.\d+)?\s*(万元|元|件|个|条|次|人|项|%)?|[-—–/／无]+)?\s*$")


def _value_like(text: str) -> bool:
    """A cell that holds a figure (or a "not reported" mark) rather than a label."""
    return bool(_VALUE_LIKE.match(text))


_PAGE_NUMBER = re.compile(r"^([-—–－\s]*\d{1,4}[-—–－\s]*|第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$")
_EDGE_TOLERANCE = 2.5  # points: ruling lines closer than this are one grid line
_JOIN_TOLERANCE = 6.0  # points: how far the outer edges of a continued table may move between pages


_Box = tuple[float, float, float, float]


@dataclass
class _PdfTablePart:
    """One page's piece of a table: its cells (box, text), its row edges, and how it joins the part before it
    (leading rows repeating the header, blank grid positions that carry a label cut by the page break)."""

    cells: list[tuple[_Box, str]]
    y_edges: list[float]
    skip_rows: int = 0
    carried: dict[tuple[int, int], str] = field(default_factory=dict)

    def rows(self, x_edges: list[float]) -> list[list[str]]:
        grid = _grid(self, x_edges)[0]
        for (r, c), text in self.carried.items():
            grid[r][c] = text
        return grid[self.skip_rows:]


@dataclass
class _PdfTable:
    """A ruled table, possibly continued over several pages; the grid is built on the union of the parts' column
    edges, so a page whose cells all span some column (a header, full-width labels) still lines up with the rest."""

    parts: list[_PdfTablePart]
    x_edges: list[float]
    top: float
    rows: list[list[str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.rows:
            self.rows = _grid(self.parts[0], self.x_edges)[0]


@dataclass
class _PdfLine:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    tabular: bool


@dataclass
class _PageGeometry:
    left: float
    right: float
    char_width: float


@dataclass
class _PdfAssembler:
    """Turns page items into blocks: paragraphs from lines, tables (joined across pages), tabular line runs."""

    blocks: list[Block] = field(default_factory=list)
    _paragraph: list[str] = field(default_factory=list)
    _last_line: _PdfLine | None = None
    _tabular: list[str] = field(default_factory=list)
    _last_table: _PdfTable | None = None
    _page_start: bool = True
    _geometry: _PageGeometry | None = None

    def start_page(self, geometry: _PageGeometry) -> None:
        self._geometry = geometry
        self._page_start = True

    def add_line(self, line: _PdfLine) -> None:
        self._last_table = None
        if line.tabular:
            self._flush_paragraph()
            self._tabular.append(line.text)
        else:
            self._flush_tabular()
            if not self._continues_paragraph(line):
                self._flush_paragraph()
            self._paragraph.append(line.text)
        self._last_line = line
        self._page_start = False

    def add_table(self, table: _PdfTable) -> None:
        self._flush_paragraph()
        self._flush_tabular()
        self._last_line = None
        previous = self._last_table
        if self._page_start and previous is not None and _continues_table(previous, table):
            _join_tables(previous, table)
            self.blocks[-1] = Block(kind="table", rows=previous.rows)
        else:
            self.blocks.append(Block(kind="table", rows=table.rows))
            self._last_table = table
        self._page_start = False

    def finish(self) -> list[Block]:
        self._flush_paragraph()
        self._flush_tabular()
        return self.blocks

    def _continues_paragraph(self, line: _PdfLine) -> bool:
        """A visual line continues the paragraph above when it is not indented, the line above reached the
        right margin, the font is the same and no blank line separates them (a page break does not end a paragraph)."""
        prev, geometry = self._last_line, self._geometry
        if prev is None or prev.tabular or not self._paragraph or geometry is None:
            return False
        cw = geometry.char_width
        if line.x0 > geometry.left + cw:  # indented: a new paragraph (or a centred title)
            return False
        if prev.x1 < geometry.right - 1.5 * cw:  # the previous line stopped short: it ended its paragraph
            return False
        if abs(line.size - prev.size) > 1.0:
            return False
        if not self._page_start and line.top - prev.bottom > 1.2 * max(line.bottom - line.top, 1.0):
            return False
        return True

    def _flush_paragraph(self) -> None:
        if self._paragraph:
            text = join_wrapped(self._paragraph)
            if text:
                self.blocks.append(Block(kind="text", text=text))
        self._paragraph = []

    def _flush_tabular(self) -> None:
        if self._tabular:
            self.blocks.extend(split_text_blocks("\n".join(self._tabular)))
        self._tabular = []


def _cluster_edges(values: list[float]) -> list[float]:
    edges: list[float] = []
    for value in sorted(values):
        if edges and value - edges[-1] <= _EDGE_TOLERANCE:
            continue
        edges.append(value)
    return edges


def _edge_index(edges: list[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def _grid(part: _PdfTablePart, x_edges: list[float]) -> tuple[list[list[str]], list[list[int]]]:
    """The part's cells on a grid: a merged cell fills every position it covers; also which cell covers each
    position (-1: none), so a cell cut by a page break can be followed down."""
    ys = part.y_edges
    rows = [[""] * (len(x_edges) - 1) for _ in range(len(ys) - 1)]
    span_ids = [[-1] * (len(x_edges) - 1) for _ in range(len(ys) - 1)]
    for k, ((x0, top, x1, bottom), text) in enumerate(part.cells):
        for r in range(_edge_index(ys, top), _edge_index(ys, bottom)):
            for c in range(_edge_index(x_edges, x0), _edge_index(x_edges, x1)):
                rows[r][c] = text
                span_ids[r][c] = k
    return rows, span_ids


def _pdf_table(table: Any) -> _PdfTable | None:
    """A pdfplumber table as a grid built from its cells' boxes; None for a frame around a paragraph or an empty box
    (their text is read as lines)."""
    cells: list[tuple[_Box, str]] = []
    for row, texts in zip(table.rows, table.extract(), strict=False):
        for bbox, text in zip(row.cells, texts, strict=False):
            if bbox is not None:
                cells.append((bbox, join_wrapped((text or "").split("\n"))))
    if not cells:
        return None
    xs = _cluster_edges([b[0] for b, _ in cells] + [b[2] for b, _ in cells])
    ys = _cluster_edges([b[1] for b, _ in cells] + [b[3] for b, _ in cells])
    if len(xs) < 3 or len(ys) < 2 or not any(text for _, text in cells):
        return None
    return _PdfTable(parts=[_PdfTablePart(cells, ys)], x_edges=xs, top=ys[0])


def _continues_table(previous: _PdfTable, table: _PdfTable) -> bool:
    """Same outer edges, and one table's column edges are all among the other's."""
    a, b = previous.x_edges, table.x_edges
    if abs(a[0] - b[0]) > _JOIN_TOLERANCE or abs(a[-1] - b[-1]) > _JOIN_TOLERANCE:
        return False
    fewer, more = (a, b) if len(a) <= len(b) else (b, a)
    return all(min(abs(edge - other) for other in more) <= _JOIN_TOLERANCE for edge in fewer)


def _join_tables(previous: _PdfTable, table: _PdfTable) -> None:
    """Append a continuation to the table on the previous page: rebuild the grid on the union of column edges, drop
    a repeated header, and carry a label cell that was merged across the page break into the continuation's blank
    part of it."""
    x_edges = sorted(previous.x_edges + [
        edge for edge in table.x_edges if min(abs(edge - e) for e in previous.x_edges) > _JOIN_TOLERANCE
    ])
    rows = [row for part in previous.parts for row in part.rows(x_edges)]
    part = table.parts[0]
    more, span_ids = _grid(part, x_edges)
    repeated = 0
    while repeated < min(len(more), len(rows)) and more[repeated] == rows[repeated]:
        repeated += 1
    part.skip_rows = repeated if repeated < len(more) else 0
    last = rows[-1]
    for c, text in enumerate(more[part.skip_rows]):
        carried = last[c]
        if text.strip() or not carried.strip() or _value_like(carried):
            continue
        first_id = span_ids[part.skip_rows][c]
        r = part.skip_rows
        while r < len(more) and (r == part.skip_rows or (first_id != -1 and span_ids[r][c] == first_id)):
            part.carried[(r, c)] = carried
            r += 1
    previous.parts.append(part)
    previous.x_edges = x_edges
    previous.rows = rows + part.rows(x_edges)
    log.debug("joined a table continued on the next page (%d rows)", len(more) - part.skip_rows)


def _line_from_chars(chars: list[dict]) -> _PdfLine | None:
    """Rebuild a line's text from its characters: no gap between Chinese characters, a space between words, and a
    tab for a gap wider than two characters (a column gap) unless the whole line is evenly spread out (distributed
    alignment)."""
    chars = sorted((c for c in chars if c["text"].strip()), key=lambda c: c["x0"])
    if not chars:
        return None
    size = statistics.median(c["size"] for c in chars) or 10.0
    gaps = [b["x0"] - a["x1"] for a, b in zip(chars, chars[1:], strict=False)]
    wide = [g > 2.0 * size for g in gaps]
    # distributed alignment spaces every character alike; a table row's column gaps differ
    spread = len(gaps) >= 3 and all(wide) and max(gaps) - min(gaps) < 0.5 * size
    text = chars[0]["text"]
    for gap, is_wide, prev, ch in zip(gaps, wide, chars, chars[1:], strict=False):
        if is_wide and not spread:
            text += "\t"
        elif gap > 0.25 * size and not (_is_cjk(prev["text"]) and _is_cjk(ch["text"])) and not spread:
            text += " "
        text += ch["text"]
    return _PdfLine(
        text=text, x0=chars[0]["x0"], x1=chars[-1]["x1"], top=min(c["top"] for c in chars),
        bottom=max(c["bottom"] for c in chars), size=size, tabular="\t" in text,
    )


def _is_margin_furniture(line: _PdfLine, page_height: float) -> bool:
    """A page number ("-3-", "第3页 共6页", "3/6") in the top or bottom margin."""
    in_margin = line.bottom < page_height * 0.1 or line.top > page_height * 0.88
    return in_margin and bool(_PAGE_NUMBER.match(line.text.replace("\t", " ").strip()))


def _page_geometry(lines: list[_PdfLine], tables: list[_PdfTable]) -> _PageGeometry:
    """The text frame: body lines start at its left (first lines are indented) and full lines reach its right, as
    far as the widest line or table."""
    prose = [line for line in lines if not line.tabular] or lines
    left = sorted(line.x0 for line in prose)[int(0.1 * (len(prose) - 1))]
    right = max([line.x1 for line in prose] + [t.x_edges[-1] for t in tables])
    return _PageGeometry(left=float(left), right=right, char_width=statistics.median(line.size for line in prose))


def _pdf_page_items(page: Any) -> tuple[list[_PdfTable | _PdfLine], _PageGeometry | None]:
    """A page's ruled tables and the text lines outside them, top to bottom (page numbers dropped)."""
    tables = []
    for found in page.find_tables():
        grid = _pdf_table(found)
        if grid is not None:
            tables.append((found.bbox, grid))

    def outside_tables(obj: dict) -> bool:
        if obj.get("object_type") != "char":
            return True
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 - 1 <= cx <= x1 + 1 and top - 1 <= cy <= bottom + 1 for (x0, top, x1, bottom), _ in tables)

    lines = []
    for raw in page.filter(outside_tables).extract_text_lines(return_chars=True):
        line = _line_from_chars(raw["chars"])
        if line is not None and not _is_margin_furniture(line, float(page.height)):
            lines.append(line)
    items: list[_PdfTable | _PdfLine] = [grid for _, grid in tables] + lines
    items.sort(key=lambda item: item.top)
    return items, (_page_geometry(lines, [grid for _, grid in tables]) if lines else None)


def load_pdf(path: Path) -> LoadedDocument:
    """A PDF with a text layer: per page, ruled tables as grids and the other lines as paragraphs, in reading
    order; pages without a text layer are reported in the warnings."""
    import pdfplumber

    assembler = _PdfAssembler()
    warnings: list[str] = []
    without_text: list[int] = []
    with pdfplumber.open(str(path)) as pdf:
        if not pdf.pages:
            raise LoadError(path, "PDF has no pages")
        check_pdf_pages(path, len(pdf.pages))
        for page in pdf.pages:
            try:
                page = page.dedupe_chars()
                if not page.chars:
                    without_text.append(page.page_number)
                    continue
                items, geometry = _pdf_page_items(page)
            except Exception as exc:  # one broken page should not lose the others
                warnings.append(f"page {page.page_number}: cannot read ({type(exc).__name__}: {exc})")
                log.warning("%s page %d: %s", path.name, page.page_number, exc)
                continue
            if geometry is not None:
                assembler.start_page(geometry)
            else:
                assembler.start_page(_PageGeometry(left=0.0, right=float(page.width), char_width=10.0))
            for item in items:
                if isinstance(item, _PdfTable):
                    assembler.add_table(item)
                else:
                    assembler.add_line(item)
        page_count = len(pdf.pages)
    if len(without_text) == page_count:
        raise LoadError(path, "no text layer (scanned PDF?)")
    if without_text:
        pages = ", ".join(str(n) for n in without_text)
        warnings.append(f"page{'s' if len(without_text) > 1 else ''} {pages}: no text layer (scanned PDF?)")
    return LoadedDocument(source=str(path), blocks=assembler.finish(), warnings=warnings)

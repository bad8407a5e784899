"""Web pages (.html/.htm): charset detection, paragraphs and rowspan/colspan table grids in document order."""

from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path
from typing import Any

from ..documents import Block, LoadedDocument
from .common import _CJK, LoadError, _grid_blocks, _text_blocks
from .text import _looks_like_text, decode_text

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_\-:.]+)""", re.I)
_CHINESE_ENCODINGS = {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "ms936", "gb18030", "euc-cn", "x-euc-cn"}
_HTML_DROP = {"script", "style", "noscript", "template", "head", "title", "iframe", "object", "svg", "select",
              "button", "textarea", "input", "map", "canvas"}
_HTML_BLOCK = {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
               "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
               "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "td", "th",
               "tr", "ul", "tbody", "thead", "tfoot"}
_MAX_SPAN = 1000


def declared_html_charset(data: bytes) -> str | None:
    """The encoding named by ``<meta charset>``, ``<meta http-equiv=Content-Type>`` or an XML declaration."""
    head = data[:16384]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    if name in _CHINESE_ENCODINGS:
        return "gb18030"  # decodes GB2312/GBK text, and the odd character outside them that sites still use
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(data: bytes, path: Path | str) -> str:
    """Decode by the declared charset; a wrong or missing declaration falls back to ``decode_text``.

    Bytes that are valid UTF-8 are read as UTF-8 whatever the page declares: GBK text is practically never valid
    UTF-8, while GB18030 decodes UTF-8 bytes without error into nonsense, and sites do mislabel pages.
    """
    if not data.strip():
        raise LoadError(path, "empty file")
    try:
        return decode_text(data.decode("utf-8-sig").encode("utf-8"), path)
    except UnicodeDecodeError:
        pass
    declared = declared_html_charset(data)
    if declared:
        try:
            text = data.decode(declared)
            if _looks_like_text(text):
                return text
        except UnicodeDecodeError:
            log.info("%s: declared charset %s does not decode the file; detecting", Path(path).name, declared)
    return decode_text(data, path)


class _HtmlWalker:
    """Walks a parsed page in document order, collecting paragraphs and table grids as blocks."""

    _NEWLINE_RUN = re.compile(r"[ \t\r\f]*\n[ \t\r\n\f]*")
    _SPACE_RUN = re.compile(r"[ \t\r\f]+")

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._buffer: list[str] = []

    def walk(self, node: Any) -> None:
        from bs4 import NavigableString
        from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

        for child in node.children:
            if isinstance(child, (Comment, Doctype, Declaration, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                self._buffer.append(self._source_text(str(child)))
                continue
            name = (child.name or "").lower()
            if name in _HTML_DROP:
                continue
            if name == "br":
                self._buffer.append("\n")
            elif name == "table":
                self.flush()
                self._table(child)
            elif name in _HTML_BLOCK:
                self.flush()
                self.walk(child)
                self.flush()
            else:
                self.walk(child)

    def _table(self, table: Any) -> None:
        if table.find("table") is not None:  # a layout table around the real content: read its cells as containers
            self.walk(table)
            self.flush()
            return
        self.blocks.extend(_grid_blocks(html_table_grid(table)))

    def flush(self) -> None:
        text = _tidy_html_text("".join(self._buffer))
        self._buffer = []
        self.blocks.extend(_text_blocks(text))

    def _source_text(self, text: str) -> str:
        # a newline in the HTML source is layout, not content: \x00 marks it so Chinese text is rejoined without a gap
        return self._SPACE_RUN.sub(" ", self._NEWLINE_RUN.sub("\x00", text))


def _tidy_html_text(text: str) -> str:
    text = re.sub(f"(?<=[{_CJK}])\x00+(?=[{_CJK}])", "", text)
    text = text.replace("\x00", " ").replace("\xa0", " ")
    return "\n".join(re.sub(r" {2,}", " ", line).strip() for line in text.split("\n"))


def _html_cell_text(cell: Any) -> str:
    walker = _HtmlWalker()
    walker.walk(cell)
    walker.flush()
    parts = [b.text for b in walker.blocks if b.kind == "text"]
    parts += ["\n".join(" ".join(r) for r in b.rows) for b in walker.blocks if b.kind == "table"]
    return "\n".join(parts)


def _span(value: Any, remaining: int) -> int:
    try:
        span = int(str(value).strip())
    except (TypeError, ValueError):
        return 1
    if span == 0:  # rowspan="0": to the end of the table
        return max(1, remaining)
    return max(1, min(span, _MAX_SPAN))


def html_table_grid(table: Any) -> list[list[str]]:
    """An HTML table as a rectangular grid; a cell with rowspan/colspan fills every grid position it covers."""
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    filled: dict[tuple[int, int], str] = {}
    own: list[list[tuple[int, int, int]]] = []  # per row: (column, colspan, rowspan) of the cells it wrote itself
    width = 0
    for r, tr in enumerate(rows):
        c = 0
        own.append([])
        for cell in tr.find_all(["td", "th"], recursive=False):
            while (r, c) in filled:
                c += 1
            rowspan = _span(cell.get("rowspan"), len(rows) - r)
            colspan = _span(cell.get("colspan"), 1)
            text = _html_cell_text(cell)
            own[r].append((c, colspan, rowspan))
            for dr in range(min(rowspan, len(rows) - r)):
                for dc in range(colspan):
                    filled.setdefault((r + dr, c + dc), text)
            c += colspan
            width = max(width, c)
        width = max(width, max((col + 1 for (row, col) in filled if row == r), default=0))
    for r in range(len(rows)):
        _align_short_row(filled, own[r], r, width)
    return [[filled.get((r, c), "") for c in range(width)] for r in range(len(rows))]


def _align_short_row(filled: dict[tuple[int, int], str], cells: list[tuple[int, int, int]], r: int, width: int) -> None:
    """A row with fewer cells than the table (a label that lost its colspan when pasted from Word/WPS) keeps its
    figures under the rightmost columns, where the header put them, instead of shifting them one column left.

    Only single-row, single-column figure cells at the end of the row move, and only into places no other cell
    covers."""
    from ..parsing.numbers import is_blank_cell, is_number_cell

    if not cells:
        return
    end = cells[-1][0] + cells[-1][1]
    gap = width - end
    if gap <= 0:
        return
    tail: list[int] = []
    for col, colspan, rowspan in reversed(cells):
        text = filled.get((r, col), "")
        if colspan != 1 or rowspan != 1 or not (is_number_cell(text) or is_blank_cell(text)):
            break
        tail.append(col)
    if not tail or not any(is_number_cell(filled.get((r, col), "")) for col in tail):
        return
    if len(tail) == len(cells) or any((r, c) in filled for c in range(end, width)):
        return
    for col in sorted(tail, reverse=True):
        filled[(r, col + gap)] = filled.pop((r, col))


def load_html(path: Path) -> LoadedDocument:
    """A web page: paragraphs and table grids in document order; scripts, styles and the <head> dropped."""
    from bs4 import BeautifulSoup

    text = decode_html(path.read_bytes(), path)
    soup = BeautifulSoup(text, "lxml")
    walker = _HtmlWalker()
    walker.walk(soup.body or soup)
    walker.flush()
    return LoadedDocument(source=str(path), blocks=walker.blocks)

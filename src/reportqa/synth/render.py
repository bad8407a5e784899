"""Write a synthetic report as .txt, .md, .html, .docx or .pdf, in the layouts real files come in.

Layouts (``LAYOUTS``):
- txt ``cells``: Word's text export, like the seed: one cell per line led by a tab, a blank line between rows, an
  empty cell as a lone tab, a wrapped cell continuing on a line without a tab, merged-away cells not written;
- txt ``tabs``: one row per line, cells separated by tabs, merged-away cells empty;
- txt ``pipes``: ``| a | b ||`` rows, an empty or merged-away cell as an empty ``||`` filler;
- md ``markdown``: markdown headings and pipe tables with a separator row;
- html ``utf8`` / ``gbk``: real ``<table>`` with rowspan/colspan; ``gbk`` is encoded in GBK with
  ``<meta charset="gbk">``;
- docx ``word``: python-docx tables with merged cells (``a.merge(b)``);
- pdf ``ruled``: reportlab with the CID font STSong-Light, ruled tables with SPAN for merged cells.

Flat layouts (``FLAT_LAYOUTS``), for reports with the 2008–2014 table only (``report.flat`` set), as report web pages
saved as text look: the whole table on one running line after its caption, in a .txt line or an .html ``<p>``:
- ``flat-spaced``: cells separated by single spaces (``指标名称 计量单位 2013年度 历年累计 主动公开信息数 条 356 …``);
- ``flat-glued``: no spaces at all (``指标名称计量单位2013年度历年累计主动公开信息数条3561290其中：1、…``); its truth is
  ``report.facts_for("flat-glued")``, without the rows that cannot be split uniquely.
The report's ``flat`` style says whether the caption and the prose after the title share the table's line too.
"""

from __future__ import annotations

import html
import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .mess import FULLWIDTH_SPACE
from .model import Item, Paragraph, SyntheticReport, Table

if TYPE_CHECKING:
    from reportlab.platypus import Table as PdfTable

LAYOUTS: dict[str, tuple[str, ...]] = {
    "txt": ("cells", "tabs", "pipes"),
    "md": ("markdown",),
    "html": ("utf8", "gbk"),
    "docx": ("word",),
    "pdf": ("ruled",),
}
FILE_TYPES = tuple(LAYOUTS)
COMBINATIONS: tuple[tuple[str, str], ...] = tuple((t, layout) for t, layouts in LAYOUTS.items() for layout in layouts)
FLAT_LAYOUTS: dict[str, tuple[str, ...]] = {"txt": ("flat-spaced", "flat-glued"), "html": ("flat-spaced", "flat-glued")}
FLAT_COMBINATIONS: tuple[tuple[str, str], ...] = tuple((t, name) for t, names in FLAT_LAYOUTS.items() for name in names)


def combinations_for(report: SyntheticReport) -> tuple[tuple[str, str], ...]:
    """Every (file type, layout) the report can be written in: the flat layouts too for the 2008 table."""
    return COMBINATIONS + (FLAT_COMBINATIONS if report.flat is not None else ())


class CorpusGuardError(ValueError):
    """Raised when asked to write a synthetic report into the project's real corpus folder."""


def _project_corpus() -> Path:
    from ..config import Settings

    return Settings().corpus_dir.resolve()


def _check_target(directory: Path) -> None:
    """Synthetic reports must never be mixed into the real corpus the app ingests on first start."""
    target, corpus = directory.resolve(), _project_corpus()
    if target == corpus or corpus in target.parents:
        raise CorpusGuardError(f"refusing to write a synthetic report into the project corpus {corpus}")


def write_report(report: SyntheticReport, directory: Path | str, file_type: str, layout: str | None = None,
                 *, stem: str | None = None) -> Path:
    """Write the report into ``directory`` as ``<stem>.<file_type>``; returns the file's path."""
    if file_type not in LAYOUTS:
        raise ValueError(f"unknown file type {file_type!r}; use one of {', '.join(FILE_TYPES)}")
    layout = layout or LAYOUTS[file_type][0]
    if layout in FLAT_LAYOUTS.get(file_type, ()) and report.flat is None:
        raise ValueError(f"layout {layout!r} is for reports with the 2008–2014 table (old_edition='2008') only")
    if layout not in LAYOUTS[file_type] + FLAT_LAYOUTS.get(file_type, ()):
        raise ValueError(f"layout {layout!r} is not one of {file_type}'s: "
                         f"{', '.join(LAYOUTS[file_type] + FLAT_LAYOUTS.get(file_type, ()))}")
    directory = Path(directory)
    _check_target(directory)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{stem or report.stem}.{file_type}"
    WRITERS[file_type](report, path, layout)
    return path


# --------------------------------------------------------------------------------------------------------------------
# text layouts


def _visible_rows(table: Table) -> list[list[tuple[int, str]]]:
    """Each row's cells that a text export writes: (column, text), merged-away positions left out."""
    hidden = table.hidden()
    return [[(c, text) for c, text in enumerate(row) if (r, c) not in hidden] for r, row in enumerate(table.rows)]


def _flat(text: str, joiner: str = "") -> str:
    return joiner.join(part.strip() for part in text.split("\n"))


def _cells_table(table: Table) -> list[str]:
    lines: list[str] = []
    for row in _visible_rows(table):
        for _, text in row:
            first, *rest = text.split("\n")
            lines.append("\t" + first)
            lines.extend(rest)
        lines.append("")
    return lines


def _grid_rows(table: Table, joiner: str = "") -> list[list[str]]:
    hidden = table.hidden()
    return [["" if (r, c) in hidden else _flat(text, joiner) for c, text in enumerate(row)]
            for r, row in enumerate(table.rows)]


def _tabs_table(table: Table) -> list[str]:
    return ["\t".join(row) for row in _grid_rows(table)]


def _pipes_table(table: Table) -> list[str]:
    return ["|" + "|".join(f" {cell} " if cell.strip() else "" for cell in row) + "|" for row in _grid_rows(table)]


def _markdown_table(table: Table) -> list[str]:
    rows = _grid_rows(table, " ")
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * table.width]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return lines


_TEXT_TABLES: dict[str, Callable[[Table], list[str]]] = {
    "cells": _cells_table, "tabs": _tabs_table, "pipes": _pipes_table, "markdown": _markdown_table,
}


def _flat_table(table: Table, joiner: str) -> str:
    """The table's cells one after another on one line, indentation dropped."""
    cells = (_flat(text).strip().strip(FULLWIDTH_SPACE) for row in _visible_rows(table) for _, text in row)
    return joiner.join(c for c in cells if c)


def flat_lines(report: SyntheticReport, layout: str) -> list[tuple[str, str]]:
    """(role, text) lines of a flat layout: the title, then prose lines, then the table's line, which holds the
    caption when the report's flat style says so, and all the prose after the title when it is ``one_line``."""
    if report.flat is None:
        raise ValueError(f"layout {layout!r} is for reports with the 2008–2014 table (old_edition='2008') only")
    glued = layout == "flat-glued"
    between = str(report.flat.get("prose_joiner", "")) if glued else " "
    lines: list[tuple[str, str]] = []
    on_table_line: list[str] = []
    for index, item in enumerate(report.items):
        if isinstance(item, Table):
            lines.append(("table", between.join([*on_table_line, _flat_table(item, "" if glued else " ")])))
            on_table_line = []
        elif item.role == "title" and index == 0:
            lines.append(("title", item.text))
        elif report.flat.get("one_line") or (item.role == "caption" and report.flat.get("caption_inline")):
            on_table_line.append(item.text)
        else:
            lines += [("body", t) for t in on_table_line] + [(item.role, item.text)]
            on_table_line = []
    return lines + [("body", t) for t in on_table_line]


def render_text(report: SyntheticReport, layout: str) -> str:
    """The report as plain text (txt layouts) or markdown."""
    if layout in FLAT_LAYOUTS["txt"]:
        return "\n".join(text for _, text in flat_lines(report, layout)) + "\n"
    markdown = layout == "markdown"
    lines: list[str] = []
    for item in report.items:
        if isinstance(item, Table):
            lines += ["", *_TEXT_TABLES[layout](item), ""]
        elif markdown and item.role == "title":
            lines += [f"# {item.text}", ""]
        elif markdown and item.role == "heading":
            lines += ["", f"## {item.text}", ""]
        else:
            lines += [item.text, ""] if markdown else [item.text]
    return "\n".join(lines).rstrip("\n") + "\n"


def _write_text(report: SyntheticReport, path: Path, layout: str) -> None:
    path.write_text(render_text(report, layout), encoding="utf-8")


# --------------------------------------------------------------------------------------------------------------------
# html


def _html_table(table: Table) -> str:
    hidden = table.hidden()
    out = ['<table border="1" cellspacing="0" cellpadding="2">']
    for r, row in enumerate(table.rows):
        cells = []
        for c, text in enumerate(row):
            if (r, c) in hidden:
                continue
            merge = table.merge_at(r, c)
            attrs = ""
            if merge and merge.rowspan > 1:
                attrs += f' rowspan="{merge.rowspan}"'
            if merge and merge.colspan > 1:
                attrs += f' colspan="{merge.colspan}"'
            tag = "th" if r < table.header_rows else "td"
            body = "<br/>".join(html.escape(part) for part in text.split("\n"))
            cells.append(f"<{tag}{attrs}>{body}</{tag}>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def _html_item(item: Item) -> str:
    if isinstance(item, Table):
        return _html_table(item)
    text = html.escape(item.text)
    if item.role == "title":
        return f"<h1>{text}</h1>"
    if item.role == "heading":
        return f"<p><strong>{text}</strong></p>"
    align = ' style="text-align:right"' if item.role == "signature" else ""
    return f"<p{align}>{text}</p>"


def render_html(report: SyntheticReport, charset: str = "utf-8", layout: str = "utf8") -> str:
    if layout in FLAT_LAYOUTS["html"]:
        body = "\n".join(_html_item(Paragraph(text, "body" if role == "table" else role))  # type: ignore[arg-type]
                         for role, text in flat_lines(report, layout))
    else:
        body = "\n".join(_html_item(item) for item in report.items)
    return (f'<!DOCTYPE html>\n<html><head><meta charset="{charset}"><title>{html.escape(report.title)}</title>'
            f"</head>\n<body>\n{body}\n</body></html>\n")


def _write_html(report: SyntheticReport, path: Path, layout: str) -> None:
    if layout == "gbk":
        path.write_bytes(render_html(report, "gbk").encode("gbk"))
    else:
        path.write_text(render_html(report, "utf-8", layout), encoding="utf-8")


# --------------------------------------------------------------------------------------------------------------------
# docx


def _write_docx(report: SyntheticReport, path: Path, layout: str) -> None:
    import docx

    document = docx.Document()
    for item in report.items:
        if isinstance(item, Paragraph):
            paragraph = document.add_paragraph()
            run = paragraph.add_run(item.text)
            run.bold = item.role in ("title", "heading")
            continue
        table = document.add_table(rows=len(item.rows), cols=item.width)
        table.style = "Table Grid"
        hidden = item.hidden()
        cells = [row.cells for row in table.rows]  # one pass: table.cell() is slow on big tables
        for r, row in enumerate(item.rows):
            for c, text in enumerate(row):
                if (r, c) not in hidden and text:
                    cells[r][c].text = text
        for merge in item.merges:
            cells[merge.top][merge.left].merge(cells[merge.bottom][merge.right])
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(_reproducible_zip(buffer.getvalue()))


def _reproducible_zip(data: bytes) -> bytes:
    """The same archive with fixed entry timestamps, so a rebuilt file has the same bytes (and the same report id)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2020, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------------------------------------------------
# pdf

CJK_FONT = "STSong-Light"


def _register_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    return CJK_FONT


def _pdf_markup(text: str) -> str:
    return "<br/>".join(html.escape(part, quote=False) for part in text.split("\n"))


def _pdf_table(table: Table, repeat_header: bool) -> PdfTable:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph as PdfParagraph
    from reportlab.platypus import Table as PdfTable
    from reportlab.platypus import TableStyle

    style = ParagraphStyle("cell", fontName=CJK_FONT, fontSize=7, leading=9)
    hidden = table.hidden()
    data = [["" if (r, c) in hidden or not text.strip() else PdfParagraph(_pdf_markup(text), style)
             for c, text in enumerate(row)] for r, row in enumerate(table.rows)]
    commands = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    commands += [("SPAN", (m.left, m.top), (m.right, m.bottom)) for m in table.merges]
    repeat = table.header_rows if repeat_header and not table.merges else 0
    pdf_table = PdfTable(data, colWidths=table.col_widths or None, repeatRows=repeat)
    pdf_table.setStyle(TableStyle(commands))
    return pdf_table


def _write_pdf(report: SyntheticReport, path: Path, layout: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import KeepTogether, SimpleDocTemplate
    from reportlab.platypus import Paragraph as PdfParagraph

    _register_font()
    styles = {
        "title": ParagraphStyle("title", fontName=CJK_FONT, fontSize=15, leading=22, alignment=1, spaceAfter=8),
        "heading": ParagraphStyle("heading", fontName=CJK_FONT, fontSize=11, leading=18, spaceBefore=6),
        "body": ParagraphStyle("body", fontName=CJK_FONT, fontSize=10.5, leading=17, firstLineIndent=21),
        "caption": ParagraphStyle("caption", fontName=CJK_FONT, fontSize=10.5, leading=17, alignment=1),
        "signature": ParagraphStyle("signature", fontName=CJK_FONT, fontSize=10.5, leading=17, alignment=2),
    }
    story = []
    for item in report.items:
        if isinstance(item, Table):
            table = _pdf_table(item, repeat_header=report.seed % 2 == 0)
            story.append(KeepTogether([table]) if item.merges else table)
        else:
            style = styles.get(item.role, styles["body"])
            story.append(PdfParagraph(_pdf_markup(item.text), style))
    SimpleDocTemplate(str(path), pagesize=A4, title=report.title, invariant=True).build(story)  # reproducible bytes


WRITERS: dict[str, Callable[[SyntheticReport, Path, str], None]] = {
    "txt": _write_text, "md": _write_text, "html": _write_html, "docx": _write_docx, "pdf": _write_pdf,
}

__all__ = ["LAYOUTS", "FILE_TYPES", "COMBINATIONS", "FLAT_LAYOUTS", "FLAT_COMBINATIONS", "combinations_for",
           "flat_lines", "write_report", "render_text", "render_html", "CorpusGuardError"]

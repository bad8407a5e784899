"""The seed report rendered by real libraries as .docx, .html and .md parses to exactly the facts of its .txt."""

from __future__ import annotations

import html
from pathlib import Path

import docx
import pytest

from reportqa.documents import LoadedDocument
from reportqa.loaders import load_document
from reportqa.parsing import parse_report


@pytest.fixture(scope="module")
def seed_doc(seed_path: Path) -> LoadedDocument:
    return load_document(seed_path)


def _table_facts(doc: LoadedDocument) -> list[tuple]:
    report = parse_report(doc, "seed")
    return [(f.path, f.column, f.value, f.unit) for f in report.facts if f.kind == "table"]


def write_docx(doc: LoadedDocument, path: Path) -> None:
    out = docx.Document()
    for block in doc.blocks:
        if block.kind == "text":
            out.add_paragraph(block.text)
        else:
            width = max(len(r) for r in block.rows)
            table = out.add_table(rows=len(block.rows), cols=width)
            for i, row in enumerate(block.rows):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = cell
    out.save(str(path))


def write_html(doc: LoadedDocument, path: Path) -> None:
    parts = ["<html><head><meta charset='utf-8'><title>报告</title></head><body>"]
    for block in doc.blocks:
        if block.kind == "text":
            parts.append(f"<p>{html.escape(block.text)}</p>")
        else:
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in block.rows)
            parts.append(f"<table border='1'>{rows}</table>")
    path.write_text("".join(parts) + "</body></html>", encoding="utf-8")


def write_md(doc: LoadedDocument, path: Path) -> None:
    lines = []
    for block in doc.blocks:
        if block.kind == "text":
            lines += [block.text, ""]
        else:
            width = max(len(r) for r in block.rows)
            padded = [r + [""] * (width - len(r)) for r in block.rows]
            lines.append("| " + " | ".join(padded[0]) + " |")
            lines.append("|" + "---|" * width)
            lines += ["| " + " | ".join(r) + " |" for r in padded[1:]]
            lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize("suffix,writer", [(".docx", write_docx), (".html", write_html), (".md", write_md)])
def test_rendering_parses_to_the_same_facts(seed_doc, tmp_path, suffix, writer):
    target = tmp_path / f"seed{suffix}"
    writer(seed_doc, target)
    rendered = load_document(target)
    expected = _table_facts(seed_doc)
    assert len(expected) == 58
    assert _table_facts(rendered) == expected
    report = parse_report(rendered, "seed")
    assert (report.agency, report.year, report.format) == ("温州市瓯海区人民政府", 2017, "old-table")
    original = parse_report(seed_doc, "seed")
    assert [s.path for s in report.sections] == [s.path for s in original.sections]

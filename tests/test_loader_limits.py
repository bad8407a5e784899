"""Files are read by what their bytes are, and refused before any work when parsing them would not be bounded."""

from __future__ import annotations

import zipfile

import pytest

from reportqa.loaders import LoadError, limits, load_document
from reportqa.synth import generate_report, write_report


@pytest.fixture(scope="module")
def report():
    return generate_report(77, "template-2021", "青禾市东湖区人民政府", 2022)


def test_a_pdf_named_txt_is_read_as_a_pdf(tmp_path, report):
    pdf = write_report(report, tmp_path, "pdf", stem="r")
    disguised = pdf.rename(tmp_path / "r.txt")
    doc = load_document(disguised)
    text = "\n".join(b.text for b in doc.blocks) + str([b.rows for b in doc.blocks])
    assert "%PDF" not in text and "endobj" not in text
    assert "政府信息公开" in text


def test_a_docx_named_pdf_is_read_as_word_and_a_text_named_pdf_is_refused(tmp_path, report):
    docx = write_report(report, tmp_path, "docx", stem="r")
    assert load_document(docx.rename(tmp_path / "r.pdf")).blocks
    (tmp_path / "fake.pdf").write_text("这不是PDF文件，只是文字。", encoding="utf-8")
    with pytest.raises(LoadError, match="fake.pdf: named .pdf but its content is not a PDF"):
        load_document(tmp_path / "fake.pdf")


def test_a_saved_web_page_named_txt_is_read_as_html(tmp_path, report):
    page = write_report(report, tmp_path, "html", stem="page")
    doc = load_document(page.rename(tmp_path / "page.txt"))
    assert any(b.rows for b in doc.blocks), "its table tags are read as a table"
    assert not any("<td" in b.text for b in doc.blocks)


def test_a_zip_that_is_not_word_is_refused(tmp_path):
    with zipfile.ZipFile(tmp_path / "a.docx", "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(LoadError, match="a.docx: a zip archive"):
        load_document(tmp_path / "a.docx")


def test_a_docx_that_inflates_is_refused_before_it_is_unpacked(tmp_path, report):
    docx = write_report(report, tmp_path, "docx", stem="r")
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(docx) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"</w:body>", b"<!--" + b" " * (40 * 2**20) + b"--></w:body>")
            dst.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
    assert bomb.stat().st_size < 2**20
    with pytest.raises(LoadError, match="bomb.docx: word/document.xml unpacks"):
        load_document(bomb)


def test_too_much_text_and_too_many_pages_are_refused(tmp_path, report, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_bytes(("政府信息公开。" * 100).encode() * (limits.MAX_TEXT_BYTES // 2000 + 1))
    with pytest.raises(LoadError, match="big.txt: .* MB of text"):
        load_document(big)
    pdf = write_report(report, tmp_path, "pdf", stem="long")
    monkeypatch.setattr(limits, "MAX_PDF_PAGES", 1)
    with pytest.raises(LoadError, match=r"long.pdf: \d+ pages, more than the 1"):
        load_document(pdf)

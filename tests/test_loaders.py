"""Loaders: real files written at test time by python-docx, reportlab and plain encoders → blocks and grids."""

from __future__ import annotations

import importlib.util
import re
import zipfile
from pathlib import Path

import pytest

from reportqa.loaders import LoadError, declared_html_charset, decode_html, load_document

_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "template_files.py"
_spec = importlib.util.spec_from_file_location("template_files", _FIXTURES)
tf = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tf)


def tables(doc):
    return [b.rows for b in doc.blocks if b.kind == "table"]


def texts(doc):
    return [b.text for b in doc.blocks if b.kind == "text"]


def squeeze(rows):
    """Cell text without whitespace: PDF and Word wrap header cells ("商业\\n企业") differently."""
    return [[re.sub(r"\s+", "", cell) for cell in row] for row in rows]


def kinds(doc):
    return ["T" if b.kind == "table" else b.text for b in doc.blocks]


# --------------------------------------------------------------------------------------------------------------------
# .txt / .md


def test_seed_txt_loads_as_before(seed_path):
    doc = load_document(seed_path)
    assert doc.warnings == []
    statistics = tables(doc)[0]
    assert len(statistics) == 66 and statistics[0] == ["统\u3000计\u3000指\u3000标", "单位", "统计数"]
    assert texts(doc)[0] == "2017年度政府信息公开工作年度报告"
    assert "系列 1" not in texts(doc)


def test_gbk_txt_is_decoded(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("一、总体情况\n本年度共收到申请244件。\n规章\t1\t0\t11\n行政许可\t447\t\t\n".encode("gbk"))
    doc = load_document(path)
    assert texts(doc) == ["一、总体情况", "本年度共收到申请244件。"]
    assert tables(doc) == [[["规章", "1", "0", "11"], ["行政许可", "447", "", ""]]]


def test_markdown_pipe_table_and_headings(tmp_path):
    path = tmp_path / "report.md"
    path.write_text(
        "# 某某市2024年政府信息公开工作年度报告\n\n## 一、总体情况\n\n**本年度**工作有序推进。\n\n"
        "| 信息内容 | 本年制发件数 | 本年废止件数 |\n| --- | --- | --- |\n"
        "| 规章 | 1,204 | — |\n| 行政规范性文件 | 8 | 26 |\n",
        encoding="utf-8",
    )
    doc = load_document(path)
    assert texts(doc) == ["某某市2024年政府信息公开工作年度报告", "一、总体情况", "本年度工作有序推进。"]
    assert tables(doc) == [[["信息内容", "本年制发件数", "本年废止件数"], ["规章", "1,204", "—"],
                            ["行政规范性文件", "8", "26"]]]


# --------------------------------------------------------------------------------------------------------------------
# .html


@pytest.mark.parametrize("charset, http_equiv", [("gbk", False), ("gb2312", True), ("utf-8", False)])
def test_html_tables_expand_rowspan_and_colspan(tmp_path, charset, http_equiv):
    path = tf.write_html(tmp_path / "report.html", charset=charset, http_equiv=http_equiv)
    doc = load_document(path)
    expected = [grid for _, grid, _ in tf.template_tables()]
    assert [squeeze(t) for t in tables(doc)] == [squeeze(g) for g in expected]
    assert kinds(doc) == ["某某市人民政府2024年政府信息公开工作年度报告", "一、总体情况",
                          "本年度，我市政府信息公开工作有序推进。",
                          tf.TITLE2, "T", tf.TITLE3, "T", tf.TITLE4, "T", "五、存在的主要问题及改进情况"]
    assert not any("不应出现" in t or "年度报告" == t for t in texts(doc))  # script, style and <title> dropped


def test_html_charset_detection():
    assert declared_html_charset(b'<html><head><meta charset="GB2312">') == "gb18030"
    assert declared_html_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=gbk" />') == "gb18030"
    assert declared_html_charset(b"<meta charset='utf-8'>") == "utf-8"
    assert declared_html_charset(b"<html><body>") is None
    # a page that declares GBK but is really UTF-8 still decodes
    data = '<meta charset="gbk"><p>政府信息公开</p>'.encode()
    assert "政府信息公开" in decode_html(data, "x.html")


def test_html_layout_table_around_a_data_table(tmp_path):
    path = tmp_path / "layout.htm"
    path.write_text(
        "<html><body><table><tr><td><p>一、总体情况</p><p>正文</p>"
        "<table><tr><td rowspan='2'>行政诉讼</td><td>未经复议直接起诉</td><td>3</td></tr>"
        "<tr><td>复议后起诉</td><td>1</td></tr></table><p>结束语</p></td></tr></table></body></html>",
        encoding="utf-8",
    )
    doc = load_document(path)
    assert kinds(doc) == ["一、总体情况", "正文", "T", "结束语"]
    assert tables(doc) == [[["行政诉讼", "未经复议直接起诉", "3"], ["行政诉讼", "复议后起诉", "1"]]]


def test_html_joins_source_line_breaks_inside_chinese_text(tmp_path):
    path = tmp_path / "wrap.html"
    path.write_text("<p>本年度，我市政府\n    信息公开工作<br>有序推进。Open\ndata</p>", encoding="utf-8")
    assert texts(load_document(path)) == ["本年度，我市政府信息公开工作", "有序推进。Open data"]


# --------------------------------------------------------------------------------------------------------------------
# .docx


def test_docx_paragraphs_and_merged_tables_in_body_order(tmp_path):
    path = tf.write_docx(tmp_path / "report.docx")
    doc = load_document(path)
    assert kinds(doc) == ["某某市人民政府2024年政府信息公开工作年度报告", "一、总体情况",
                          "本年度，我市政府信息公开工作有序推进。",
                          tf.TITLE2, "T", tf.TITLE3, "T", tf.TITLE4, "T", "五、存在的主要问题及改进情况",
                          "个别单位公开不及时。"]
    expected = [grid for _, grid, _ in tf.template_tables()]
    got = tables(doc)
    assert got == expected  # every position of a merged cell (gridSpan and vMerge) holds its text
    table3 = got[1]
    assert [row[0] for row in table3[5:-1]] == [tf.GROUP] * (len(table3) - 6)  # the vertical group label
    assert table3[1][4:9] == ["法人或其他组织"] * 5 and table3[2][4] == "商业\n企业"


def test_docx_grid_before_leaves_empty_positions(tmp_path):
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for c, text in enumerate(["项目", "自然人", "总计"]):
        table.cell(0, c).text = text
    row = table.rows[1]._tr
    row.remove(row.tc_lst[0])  # the second row starts one grid column late
    trPr = row.get_or_add_trPr()
    grid_before = OxmlElement("w:gridBefore")
    grid_before.set(qn("w:val"), "1")
    trPr.append(grid_before)
    row.tc_lst[0].getchildren()[-1].append(_w_run("5"))
    row.tc_lst[1].getchildren()[-1].append(_w_run("6"))
    path = tmp_path / "gridbefore.docx"
    document.save(str(path))
    assert tables(load_document(path)) == [[["项目", "自然人", "总计"], ["", "5", "6"]]]


def _w_run(text):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    assert qn("w:r") == run.tag
    return run


# --------------------------------------------------------------------------------------------------------------------
# .pdf


def test_pdf_ruled_tables_with_merged_cells(tmp_path):
    path = tf.write_pdf(tmp_path / "report.pdf")
    doc = load_document(path)
    assert doc.warnings == []
    expected = [grid for _, grid, _ in tf.template_tables()]
    assert [squeeze(t) for t in tables(doc)] == [squeeze(g) for g in expected]
    assert kinds(doc) == ["某某市人民政府2024年政府信息公开工作年度报告", "一、总体情况",
                          "本年度，我市政府信息公开工作有序推进。",
                          tf.TITLE2, "T", tf.TITLE3, "T", tf.TITLE4, "T", "五、存在的主要问题及改进情况"]


def test_pdf_table_continued_on_next_page_is_joined(tmp_path):
    """Table 三 cut by a page break (continuation without header, merged label cells cut): one grid, no row lost,
    the blank remainder of the vertical group label carries the label."""
    path = tf.write_pdf(tmp_path / "split.pdf", split_table3_at=9)
    doc = load_document(path)
    table3 = squeeze(tables(doc)[1])
    assert table3 == squeeze(tf.grid3())


def test_pdf_repeated_header_on_continuation_is_dropped(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    font = tf.register_cjk_font()
    rows = [["序号", "事项", "件数"]] + [[str(i), f"事项{i}", str(i * 3)] for i in range(1, 91)]
    table = Table(rows, repeatRows=1)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, 9), ("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    path = tmp_path / "long.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    doc = load_document(path)
    assert tables(doc) == [rows]


def test_pdf_paragraphs_rejoin_lines_and_drop_page_numbers(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = tf.register_cjk_font()
    path = tmp_path / "prose.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in (1, 2):
        pdf.setFont(font, 16)
        y = 780
        lines = ([("　　一、总体情况", 72)] if page == 1 else []) + [
            ("　　2024年，全市共受理政府信息公开申请3119件，答复3050件，", 72),
            ("均在法定期限内予以答复，并按规定公开了相关政府信息。", 72),
            ("　　二、主动公开政府信息情况", 72),
        ]
        for text, x in lines:
            pdf.drawString(x, y, text)
            y -= 24
        pdf.setFont(font, 10)
        pdf.drawCentredString(297, 30, f"- {page} -")
        pdf.showPage()
    pdf.save()
    doc = load_document(path)
    assert texts(doc) == [
        "一、总体情况",
        "2024年，全市共受理政府信息公开申请3119件，答复3050件，均在法定期限内予以答复，并按规定公开了相关政府信息。",
        "二、主动公开政府信息情况",
        "2024年，全市共受理政府信息公开申请3119件，答复3050件，均在法定期限内予以答复，并按规定公开了相关政府信息。",
        "二、主动公开政府信息情况",
    ]


def test_pdf_without_rules_keeps_column_gaps_as_cells(tmp_path):
    path = tf.write_pdf(tmp_path / "unruled.pdf", ruled=False)
    rows = [row for table in tables(load_document(path)) for row in table]
    assert ["规章", "3", "0", "41"] in rows
    assert ["行政事业性收费", "160.5964万元"] in rows
    assert tf.VALUES4 in rows


def test_pdf_without_text_layer(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    scanned = tmp_path / "scanned.pdf"
    pdf = canvas.Canvas(str(scanned), pagesize=A4)
    pdf.rect(72, 400, 300, 200, fill=1)
    pdf.showPage()
    pdf.save()
    with pytest.raises(LoadError, match=r"^scanned\.pdf: no text layer \(scanned PDF\?\)"):
        load_document(scanned)

    mixed = tmp_path / "mixed.pdf"
    pdf = canvas.Canvas(str(mixed), pagesize=A4)
    pdf.setFont(tf.register_cjk_font(), 14)
    pdf.drawString(72, 700, "一、总体情况")
    pdf.showPage()
    pdf.rect(72, 400, 300, 200, fill=1)
    pdf.showPage()
    pdf.save()
    doc = load_document(mixed)
    assert texts(doc) == ["一、总体情况"]
    assert doc.warnings == ["page 2: no text layer (scanned PDF?)"]


# --------------------------------------------------------------------------------------------------------------------
# errors name the file


def _truncated_docx(path: Path) -> Path:
    tf.write_docx(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _zip_without_document(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a word file")
    return path


def _garbage(path: Path) -> Path:
    path.write_bytes(bytes(range(256)) * 40)
    return path


def _truncated_pdf(path: Path) -> Path:
    tf.write_pdf(path)
    path.write_bytes(path.read_bytes()[:300])
    return path


def _binary_text(path: Path) -> Path:
    path.write_bytes(b"\x00\x01\x02PK\x03\x04" + bytes(range(256)) * 8)
    return path


def _empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def _blank(path: Path) -> Path:
    path.write_bytes(b"  \n\n  ")
    return path


@pytest.mark.parametrize("name, make", [
    ("bad.docx", _truncated_docx), ("notword.docx", _zip_without_document), ("garbage.docx", _garbage),
    ("garbage.pdf", _garbage), ("truncated.pdf", _truncated_pdf),
    ("binary.txt", _binary_text), ("binary.md", _binary_text), ("binary.html", _binary_text),
    ("empty.txt", _empty), ("empty.md", _empty), ("empty.html", _empty), ("empty.htm", _empty),
    ("empty.docx", _empty), ("empty.pdf", _empty), ("blank.txt", _blank), ("blank.html", _blank),
])
def test_corrupt_files_raise_load_error_naming_the_file(tmp_path, name, make):
    path = make(tmp_path / name)
    with pytest.raises(LoadError) as caught:
        load_document(path)
    assert str(caught.value).startswith(f"{name}: ")
    assert caught.value.path == str(path)


def test_unsupported_and_missing_files(tmp_path):
    with pytest.raises(LoadError, match=r"^report\.xls: unsupported file type \.xls"):
        load_document(tmp_path / "report.xls")
    with pytest.raises(LoadError, match=r"^missing\.pdf: not a file"):
        load_document(tmp_path / "missing.pdf")


def test_huaian_pdf_blocks():
    """The real WPS PDF: prose as whole paragraphs, page numbers gone, tables 二 and 三 joined across page breaks
    (二 continues with fewer columns: its part on page 4 has only 信息内容 and a merged value column)."""
    path = Path(__file__).resolve().parents[1] / "corpus" / "huaian-2024.pdf"
    doc = load_document(path)
    assert doc.warnings == []
    assert not any(re.fullmatch(r"-\s*\d+\s*-", t) for t in texts(doc))
    assert "一、总体情况" in texts(doc)
    grids = tables(doc)
    assert [(len(g), len(g[0])) for g in grids] == [(14, 4), (28, 10), (4, 15)]
    assert grids[0][8] == ["信息内容", "本年处理决定数量", "本年处理决定数量", "本年处理决定数量"]
    assert grids[0][13] == ["行政事业性收费", "96171.6", "96171.6", "96171.6"]
    assert grids[1][16][:3] == ["三、本年度办理结果", "法提供", "2.没有现成信息需要另行制作"]
    assert grids[2][3] == ["72", "64", "178", "37", "351", "13", "4", "8", "1", "26", "12", "1", "1", "6", "20"]


def test_html_row_with_fewer_cells_keeps_its_figures_under_the_right_columns(tmp_path):
    """A label that lost its colspan (pasted from Word/WPS) must not shift the row's figures one column left."""
    page = tmp_path / "ragged.html"
    page.write_text(
        "<table><tr><td colspan=2>项目</td><td>自然人</td><td>商业企业</td><td>总计</td></tr>"
        "<tr><td colspan=2>一、本年新收申请数量</td><td>5</td><td>2</td><td>7</td></tr>"
        "<tr><td>（一）予以公开</td><td>3</td><td>1</td><td>4</td></tr>"
        "<tr><td>（二）部分公开</td><td>1</td><td></td></tr></table>", encoding="utf-8")
    (block,) = [b for b in load_document(page).blocks if b.kind == "table"]
    assert block.rows[2] == ["（一）予以公开", "", "3", "1", "4"]
    assert block.rows[3] == ["（二）部分公开", "", "", "1", ""]  # figures and blanks aligned to the right

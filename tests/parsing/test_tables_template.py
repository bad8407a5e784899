"""National template tables (二、三、四) → facts, from every layout, and every figure of a real report."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from reportqa.documents import Block
from reportqa.loaders import load_document
from reportqa.parsing.tables_template import (
    classify_table,
    label_core,
    load_template_labels,
    parse_cell_value,
    parse_template_tables,
)

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("template_files", ROOT / "tests" / "fixtures" / "template_files.py")
tf = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tf)

T2, T3, T4 = tf.TITLE2, tf.TITLE3, tf.TITLE4
G = "三、本年度办理结果"
C3 = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
C4 = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def huaian_pdf() -> Path:
    for path in (ROOT / "corpus" / "huaian-2024.pdf", ROOT.parent / "shared" / "reports" / "huaian-2024.pdf"):
        if path.is_file():
            return path
    pytest.skip("huaian-2024.pdf not available")


def by_key(facts):
    return {(f.table, f.path, f.column): f for f in facts}


# --------------------------------------------------------------------------------------------------------------------
# the real report: 淮安市人民政府 2024 (WPS PDF, 2021 template), figures read off the rendered pages

HUAIAN_TABLE2 = {
    (("第二十条第（一）项", "规章"), "本年制发件数"): (1, "件"),
    (("第二十条第（一）项", "规章"), "本年废止件数"): (0, "件"),
    (("第二十条第（一）项", "规章"), "现行有效件数"): (11, "件"),
    (("第二十条第（一）项", "行政规范性文件"), "本年制发件数"): (8, "件"),
    (("第二十条第（一）项", "行政规范性文件"), "本年废止件数"): (26, "件"),
    (("第二十条第（一）项", "行政规范性文件"), "现行有效件数"): (66, "件"),
    (("第二十条第（五）项", "行政许可"), "本年处理决定数量"): (447228, "件"),
    (("第二十条第（六）项", "行政处罚"), "本年处理决定数量"): (3985758, "件"),
    (("第二十条第（六）项", "行政强制"), "本年处理决定数量"): (88283, "件"),
    (("第二十条第（八）项", "行政事业性收费"), "本年收费金额"): (Decimal("96171.6"), "万元"),
}

# row path → 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计
HUAIAN_TABLE3 = {
    ("一、本年新收政府信息公开申请数量",): [3001, 53, 0, 0, 61, 4, 3119],
    ("二、上年结转政府信息公开申请数量",): [34, 0, 0, 0, 0, 0, 34],
    (G, "（一）予以公开"): [1288, 21, 0, 0, 50, 3, 1362],
    (G, "（二）部分公开"): [447, 7, 0, 0, 0, 0, 454],
    (G, "（三）不予公开", "1.属于国家秘密"): [2, 0, 0, 0, 0, 0, 2],
    (G, "（三）不予公开", "2.其他法律行政法规禁止公开"): [30, 1, 0, 0, 0, 0, 31],
    (G, "（三）不予公开", "3.危及“三安全一稳定”"): [5, 0, 0, 0, 0, 0, 5],
    (G, "（三）不予公开", "4.保护第三方合法权益"): [6, 0, 0, 0, 0, 0, 6],
    (G, "（三）不予公开", "5.属于三类内部事务信息"): [7, 1, 0, 0, 0, 0, 8],
    (G, "（三）不予公开", "6.属于四类过程性信息"): [12, 0, 0, 0, 0, 0, 12],
    (G, "（三）不予公开", "7.属于行政执法案卷"): [9, 0, 0, 0, 0, 0, 9],
    (G, "（三）不予公开", "8.属于行政查询事项"): [105, 0, 0, 0, 0, 0, 105],
    (G, "（四）无法提供", "1.本机关不掌握相关政府信息"): [746, 12, 0, 0, 10, 1, 769],
    (G, "（四）无法提供", "2.没有现成信息需要另行制作"): [11, 0, 0, 0, 0, 0, 11],
    (G, "（四）无法提供", "3.补正后申请内容仍不明确"): [1, 0, 0, 0, 0, 0, 1],
    (G, "（五）不予处理", "1.信访举报投诉类申请"): [56, 6, 0, 0, 0, 0, 62],
    (G, "（五）不予处理", "2.重复申请"): [25, 0, 0, 0, 0, 0, 25],
    (G, "（五）不予处理", "3.要求提供公开出版物"): [0, 0, 0, 0, 0, 0, 0],
    (G, "（五）不予处理", "4.无正当理由大量反复申请"): [0, 0, 0, 0, 0, 0, 0],
    (G, "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"): [1, 0, 0, 0, 0, 0, 1],
    (G, "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"): [67, 3, 0, 0, 1, 0, 71],
    (G, "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"):
        [6, 0, 0, 0, 0, 0, 6],
    (G, "（六）其他处理", "3.其他"): [108, 2, 0, 0, 0, 0, 110],
    (G, "（七）总计"): [2932, 53, 0, 0, 61, 4, 3050],
    ("四、结转下年度继续办理",): [103, 0, 0, 0, 0, 0, 103],
}

HUAIAN_TABLE4 = {
    ("行政复议",): [72, 64, 178, 37, 351],
    ("行政诉讼", "未经复议直接起诉"): [13, 4, 8, 1, 26],
    ("行政诉讼", "复议后起诉"): [12, 1, 1, 6, 20],
}


def huaian_expected() -> dict:
    expected = {(T2, path, column): value_unit for (path, column), value_unit in HUAIAN_TABLE2.items()}
    for path, values in HUAIAN_TABLE3.items():
        expected.update({(T3, path, column): (value, "件") for column, value in zip(C3, values, strict=True)})
    for path, values in HUAIAN_TABLE4.items():
        expected.update({(T4, path, column): (value, "件") for column, value in zip(C4, values, strict=True)})
    return expected


def assert_huaian_facts(facts, fmt):
    assert fmt == "template-2021"
    got = {key: (f.value, f.unit) for key, f in by_key(facts).items()}
    expected = huaian_expected()
    assert len(expected) == 10 + 25 * 7 + 15
    assert got == expected
    assert len(facts) == len(expected)  # nothing extra, nothing twice
    for fact in facts:
        assert fact.kind == "table" and fact.report_id == "" and fact.year is None and fact.agency == ""
        assert fact.raw.replace(",", "") == str(fact.value)
        assert type(fact.value) in (int, Decimal)


def test_huaian_every_figure_of_tables_2_3_4():
    facts, fmt = parse_template_tables(load_document(huaian_pdf()).blocks)
    assert_huaian_facts(facts, fmt)


def test_huaian_consistency_rules_hold_on_the_extraction():
    """勾稽: 一 + 二 = 三（七）总计 + 四 in every column; each row's 总计 is the sum of its columns; the result rows add
    up to （七）总计; each 复议/诉讼 group's 总计 is the sum of its four results."""
    facts, _ = parse_template_tables(load_document(huaian_pdf()).blocks)
    value = {(f.table, f.path, f.column): f.value for f in facts}
    for column in C3:
        new = value[(T3, ("一、本年新收政府信息公开申请数量",), column)]
        carried = value[(T3, ("二、上年结转政府信息公开申请数量",), column)]
        total, pending = value[(T3, (G, "（七）总计"), column)], value[(T3, ("四、结转下年度继续办理",), column)]
        assert new + carried == total + pending, column
        results = [v for (t, p, c), v in value.items()
                   if t == T3 and c == column and p[0] == G and p[-1] != "（七）总计"]
        assert len(results) == 21 and sum(results) == total, column
    for path in HUAIAN_TABLE3:
        assert sum(value[(T3, path, c)] for c in C3[:-1]) == value[(T3, path, "总计")], path
    for path in HUAIAN_TABLE4:
        assert sum(value[(T4, path, c)] for c in C4[:-1]) == value[(T4, path, "总计")], path


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed")
def test_huaian_from_pdftotext_layout_text_lines(tmp_path):
    """No grid at all: the same report as pdftotext -layout writes it (vertical group, wrapped labels, figures on a
    line between label halves, page numbers in the table) still gives every figure."""
    out = tmp_path / "huaian.txt"
    subprocess.run(["pdftotext", "-layout", str(huaian_pdf()), str(out)], check=True)
    blocks = load_document(out).blocks
    assert not any(b.kind == "table" for b in blocks)
    facts, fmt = parse_template_tables(blocks)
    assert_huaian_facts(facts, fmt)


# --------------------------------------------------------------------------------------------------------------------
# one data set in every layout


def _write(tmp_path: Path, layout: str) -> Path:
    writers = {
        "docx": lambda: tf.write_docx(tmp_path / "r.docx"),
        "html-gbk-meta": lambda: tf.write_html(tmp_path / "r.html", charset="gbk"),
        "htm-gb2312-http-equiv": lambda: tf.write_html(tmp_path / "r.htm", charset="gb2312", http_equiv=True),
        "pdf-ruled": lambda: tf.write_pdf(tmp_path / "r.pdf"),
        "pdf-split-over-pages": lambda: tf.write_pdf(tmp_path / "r.pdf", split_table3_at=9),
        "pdf-without-rules": lambda: tf.write_pdf(tmp_path / "r.pdf", ruled=False),
    }
    texts = {
        "md-pipe": ("r.md", tf.pipe_markdown, "utf-8"),
        "txt-tab-gbk": ("r.txt", tf.tab_text, "gbk"),
        "txt-cell-per-line": ("r.txt", tf.cell_per_line_text, "utf-8"),
        "txt-layout-lines": ("r.txt", tf.layout_text, "utf-8"),
    }
    if layout in writers:
        return writers[layout]()
    name, make, encoding = texts[layout]
    path = tmp_path / name
    path.write_text(make(), encoding=encoding)
    return path


LAYOUTS = ["docx", "html-gbk-meta", "htm-gb2312-http-equiv", "pdf-ruled", "pdf-split-over-pages", "pdf-without-rules",
           "md-pipe", "txt-tab-gbk", "txt-cell-per-line", "txt-layout-lines"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_gives_every_fact(tmp_path, layout):
    facts, fmt = parse_template_tables(load_document(_write(tmp_path, layout)).blocks)
    assert fmt == "template-2021"
    assert tf.facts_as_dict(facts) == tf.expected_facts()
    assert len(facts) == len(tf.expected_facts())


def test_fact_conventions():
    facts, _ = parse_template_tables([Block("text", text=T2), Block("table", rows=tf.GRID2),
                                      Block("text", text=T3), Block("table", rows=tf.grid3()),
                                      Block("text", text=T4), Block("table", rows=tf.GRID4)])
    facts = by_key(facts)
    fee = facts[(T2, ("第二十条第（八）项", "行政事业性收费"), "本年收费金额")]
    assert (fee.value, fee.unit, fee.raw) == (Decimal("160.5964"), "万元", "160.5964万元")
    valid = facts[(T2, ("第二十条第（一）项", "行政规范性文件"), "现行有效件数")]
    assert (valid.value, valid.raw) == (1234, "1,234")
    forced = facts[(T2, ("第二十条第（六）项", "行政强制"), "本年处理决定数量")]
    assert (forced.value, forced.raw) == (None, "—")
    not_reported = [facts[(T3, (G, "（三）不予公开", "7.属于行政执法案卷"), c)] for c in C3]
    assert [(f.value, f.raw) for f in not_reported] == [(None, r) for r in ["—", "/", "-", "——", "无", "—", "/"]]
    zero = facts[(T3, ("二、上年结转政府信息公开申请数量",), "法律服务机构")]
    assert zero.value == 0 and zero.value is not None
    assert {f.table for f in facts.values()} == {T2, T3, T4}
    assert {f.unit for f in facts.values() if f.table != T2} == {"件"}


# --------------------------------------------------------------------------------------------------------------------
# real-world mess


def _v(*numbers):
    return [str(n) for n in numbers]


def test_messy_labels_are_matched_to_the_template():
    """Vertical group label, group missing from rows, parent on the same cell as its first child, numbering variants,
    reworded labels, 合计 for 总计, an agency's own row kept under its own label, a row cut short."""
    header = ["项目", "", "", "自然人", "商业 企业", "科研\n机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    rows = [
        header,
        ["一、本年新收政府信息公开申请数量", "", ""] + _v(1, 2, 3, 4, 5, 6, 21),
        ["二、上年结转申请数量", "", ""] + _v(1, 0, 0, 0, 0, 0, 1),
        ["三\n、\n本\n年\n度\n办\n理\n结\n果", "（一）予以公开", ""] + _v(1, 1, 1, 1, 1, 1, 6),
        ["", "(二)部分公开", ""] + _v(2, 2, 2, 2, 2, 2, 12),
        ["", "（三）不予公开 1．属于国家秘密", ""] + _v(3, 0, 0, 0, 0, 0, 3),
        ["", "", "2、其他法律、行政法规禁止公开"] + _v(4, 0, 0, 0, 0, 0, 4),
        ["", "", "3.危及国家安全、公共安全、经济安全和社会稳定"] + _v(5, 0, 0, 0, 0, 0, 5),
        ["", "", "9.其他不予公开情形"] + _v(9, 0, 0, 0, 0, 0, 9),
        ["", "（四）无法提供", "（1）本机关不掌握相关信息"] + _v(6, 0, 0, 0, 0, 0, 6),
        ["", "（七）合计", ""] + _v(7, 7, 7, 7, 7, 7, 42),
        ["四、结转下年度继续办理", "", ""] + _v(1, 0, 0),
    ]
    facts, fmt = parse_template_tables([Block("text", text=T3), Block("table", rows=rows)])
    assert fmt == "template-2021"
    got = {(f.path, f.column): f.value for f in facts}
    assert got[(("一、本年新收政府信息公开申请数量",), "总计")] == 21
    assert got[(("二、上年结转政府信息公开申请数量",), "自然人")] == 1
    assert got[((G, "（一）予以公开"), "其他")] == 1
    assert got[((G, "（二）部分公开"), "总计")] == 12
    assert got[((G, "（三）不予公开", "1.属于国家秘密"), "自然人")] == 3
    assert got[((G, "（三）不予公开", "2.其他法律行政法规禁止公开"), "自然人")] == 4
    assert got[((G, "（三）不予公开", "3.危及“三安全一稳定”"), "自然人")] == 5
    assert got[((G, "（三）不予公开", "9.其他不予公开情形"), "自然人")] == 9  # unknown row, own label
    assert got[((G, "（四）无法提供", "1.本机关不掌握相关政府信息"), "自然人")] == 6
    assert got[((G, "（七）总计"), "总计")] == 42
    cut = {c: v for (p, c), v in got.items() if p == ("四、结转下年度继续办理",)}
    assert cut == {"自然人": 1, "商业企业": 0, "科研机构": 0}  # cut off after three figures: what is there is kept
    assert len(facts) == 10 * 7 + 3


def test_text_lines_with_parent_on_the_first_child_line_and_commas():
    lines = [
        T3, "申请人情况", "项目 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计",
        "一、本年新收政府信息公开申请数量 1,204 3 0 0 1 0 1,208",
        "三、本年度办理结果 （一）予以公开 600 1 0 0 1 0 602",
        "（三）不予公开 1.属于国家秘密 2 0 0 0 0 0 2",
        "（七）总计 2932 53",
        "五、存在的主要问题及改进情况",
        "个别单位 1 2 3 4 5 6 7",
    ]
    facts, fmt = parse_template_tables([Block("text", text=line) for line in lines])
    got = {(f.path, f.column): f.value for f in facts}
    assert got[(("一、本年新收政府信息公开申请数量",), "自然人")] == 1204
    assert got[(("一、本年新收政府信息公开申请数量",), "总计")] == 1208
    assert got[((G, "（一）予以公开"), "自然人")] == 600
    assert got[((G, "（三）不予公开", "1.属于国家秘密"), "总计")] == 2
    assert {c: v for (p, c), v in got.items() if p == (G, "（七）总计")} == {"自然人": 2932, "商业企业": 53}
    assert len(facts) == 7 * 3 + 2  # nothing from the prose after the table's section
    assert fmt == "template-2021"


def test_header_with_fewer_columns_is_read_by_position():
    """An agency that reports 法人或其他组织 as one column: figures go by the header, the group keeps its name."""
    rows = [["项目", "自然人", "法人或其他组织", "总计"], ["一、本年新收政府信息公开申请数量", "5", "2", "7"],
            ["三、本年度办理结果（七）总计", "5", "—", "7"]]
    facts, _ = parse_template_tables([Block("text", text=T3), Block("table", rows=rows)])
    got = {(f.path, f.column): f.value for f in facts}
    assert got == {(("一、本年新收政府信息公开申请数量",), "自然人"): 5,
                   (("一、本年新收政府信息公开申请数量",), "法人或其他组织"): 2,
                   (("一、本年新收政府信息公开申请数量",), "总计"): 7, ((G, "（七）总计"), "自然人"): 5,
                   ((G, "（七）总计"), "法人或其他组织"): None, ((G, "（七）总计"), "总计"): 7}


def test_template_2019_columns_items_and_other_handling_row():
    table2 = [
        ["第二十条第（一）项"] * 4,
        ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
        ["规章", "1", "1", "3"],
        ["规范性文件", "117", "117", "841"],
        ["第二十条第（五）项"] * 4,
        ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
        ["行政许可", "120", "+3", "474339"],
        ["其他对外管理服务事项", "5", "-1", "20"],
        ["第二十条第（八）项"] * 4,
        ["信息内容", "上一年项目数量", "本年增/减", "本年增/减"],
        ["行政事业性收费", "240", "+4", "+4"],
        ["第二十条第（九）项"] * 4,
        ["信息内容", "采购项目数量", "采购总金额", "采购总金额"],
        ["政府集中采购", "12", "3,456.78", "3,456.78"],
    ]
    table3 = [
        ["项目", "", "", *C3],
        [G, "（六）其他处理", "（六）其他处理"] + _v(1, 2, 0, 0, 0, 0, 3),
        [G, "（七）总计", "（七）总计"] + _v(1, 2, 0, 0, 0, 0, 3),
    ]
    facts, fmt = parse_template_tables([Block("text", text=T2), Block("table", rows=table2),
                                        Block("text", text=T3), Block("table", rows=table3)])
    assert fmt == "template-2019"
    got = {(f.path, f.column): (f.value, f.unit, f.raw) for f in facts}
    assert got[(("第二十条第（一）项", "行政规范性文件"), "对外公开总数量")] == (841, "件", "841")
    assert got[(("第二十条第（五）项", "行政许可"), "本年增/减")] == (3, "项", "+3")
    assert got[(("第二十条第（五）项", "其他对外管理服务事项"), "本年增/减")] == (-1, "项", "-1")
    assert got[(("第二十条第（五）项", "行政许可"), "处理决定数量")] == (474339, "件", "474339")
    assert got[(("第二十条第（八）项", "行政事业性收费"), "上一年项目数量")] == (240, "项", "240")
    # the 2019 template prints no unit for the amount: none is supplied (a cell's or header's own unit is kept)
    assert got[(("第二十条第（九）项", "政府集中采购"), "采购总金额")] == (Decimal("3456.78"), "", "3,456.78")
    assert got[((G, "（六）其他处理"), "总计")] == (3, "件", "3")
    assert len(facts) == 6 + 6 + 2 + 2 + 14


def test_table_4_written_as_three_rows_of_five():
    rows = [["", *C4], ["行政复议", *_v(1, 2, 3, 4, 10)], ["行政诉讼 未经复议直接起诉", *_v(0, 1, 0, 0, 1)],
            ["复议后起诉", *_v(0, 0, 0, 2, 2)]]
    facts, _ = parse_template_tables([Block("text", text=T4), Block("table", rows=rows)])
    got = {(f.path, f.column): f.value for f in facts}
    assert got[(("行政复议",), "总计")] == 10
    assert got[(("行政诉讼", "未经复议直接起诉"), "结果纠正")] == 1
    assert got[(("行政诉讼", "复议后起诉"), "尚未审结")] == 2
    assert len(facts) == 15


def test_table_4_fifteen_figures_under_a_broken_header():
    rows = [["行政复议", "", "", "", "", "行政诉讼"] + [""] * 9, ["结果", "结果", "其他", "尚未", "总计"] + [""] * 10,
            _v(72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20)]
    facts, _ = parse_template_tables([Block("table", rows=rows)])
    got = {(f.path, f.column): f.value for f in facts}
    assert got == {(path, c): v for path, values in HUAIAN_TABLE4.items() for c, v in zip(C4, values, strict=True)}


def test_blank_cells_in_a_word_table_are_not_reported(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph(T4)
    table = document.add_table(rows=4, cols=15)
    for r, row in enumerate(tf.GRID4[:3]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for c, text in enumerate(["3", "", "0"] + [""] * 12):
        table.cell(3, c).text = text
    path = tmp_path / "blank.docx"
    document.save(str(path))
    facts, _ = parse_template_tables(load_document(path).blocks)
    got = {(f.path, f.column): (f.value, f.raw) for f in facts}
    assert got[(("行政复议",), "结果维持")] == (3, "3")
    assert got[(("行政复议",), "结果纠正")] == (None, "")
    assert got[(("行政复议",), "其他结果")] == (0, "0")
    assert len(facts) == 15


def test_unknown_table_2_row_is_kept_under_its_own_label():
    rows = [["第二十条第（六）项"] * 2, ["信息内容", "本年处理决定数量"], ["行政处罚", "12"], ["行政检查", "7"]]
    facts, _ = parse_template_tables([Block("text", text=T2), Block("table", rows=rows)])
    got = {(f.path, f.column): f.value for f in facts}
    assert got == {(("第二十条第（六）项", "行政处罚"), "本年处理决定数量"): 12,
                   (("第二十条第（六）项", "行政检查"), "本年处理决定数量"): 7}


def test_no_template_table():
    seed_like = [Block("text", text="三、依申请公开政府信息情况"), Block("table", rows=[
        ["统计指标", "单位", "统计数"], ["（一）收到申请数", "件", "244"], ["五、行政诉讼数量", "件", "0"],
        ["（一）维持具体行政行为或者驳回原告诉讼请求数", "件", "0"]])]
    assert parse_template_tables(seed_like) == ([], None)
    prose = [Block("text", text="二、主动公开政府信息情况"), Block("text", text="全年公开信息 5500 条。")]
    assert parse_template_tables(prose) == ([], None)
    assert parse_template_tables([]) == ([], None)


def test_seed_has_no_template_table(seed_doc):
    assert parse_template_tables(seed_doc.blocks) == ([], None)


# --------------------------------------------------------------------------------------------------------------------
# pieces


@pytest.mark.parametrize("raw, value, unit", [
    ("1,234", 1234, None), ("1，234", 1234, None), ("０", 0, None), ("96171.6", Decimal("96171.6"), None),
    ("160.5964万元", Decimal("160.5964"), "万元"), (" 12 件", 12, "件"), ("+1036", 1036, None), ("-3", -3, None),
    ("", None, None), ("/", None, None), ("-", None, None), ("—", None, None), ("——", None, None), ("无", None, None),
])
def test_parse_cell_value(raw, value, unit):
    parsed = parse_cell_value(raw)
    assert parsed is not None and parsed.value == value and parsed.unit == unit
    assert type(parsed.value) is type(value)


@pytest.mark.parametrize("raw", ["规章", "第二十条第（一）项", "3.其他", "12a"])
def test_labels_are_not_values(raw):
    assert parse_cell_value(raw) is None


def test_label_core_normalises_numbering_and_parentheticals():
    assert label_core("（二）部分公开（区分处理的，只计这一情形，不计其他情形）") == "部分公开"
    assert label_core("(二)部分公开（区分处理的，只计这一情") == "部分公开"
    assert (label_core("1．属于国家秘密") == label_core("1、属于国家秘密") == label_core("1.属于 国家秘密")
            == "属于国家秘密")
    assert label_core("商业\n企业") == label_core("商业 企业") == "商业企业"
    assert label_core("本年收费金额（单位：万元）") == "本年收费金额"


def test_classify_table():
    assert classify_table(tf.GRID2) == "二"
    assert classify_table(tf.grid3()) == "三"
    assert classify_table(tf.GRID4) == "四"
    assert classify_table([["统计指标", "单位", "统计数"], ["五、行政诉讼数量", "件", "0"]]) is None


def test_labels_match_the_template_docx():
    """template_labels.toml holds the 2021 template's own labels: every row and column of the Word template."""
    template = ROOT.parent / "shared" / "templates" / "annual-report-template-2021.docx"
    if not template.is_file():
        pytest.skip("the template docx is not available")
    blocks = [b for b in load_document(template).blocks if b.kind == "table"]
    table2, table3, table4 = (b.rows for b in blocks)
    labels = load_template_labels()

    def clean(text):
        return re.sub(r"\s+", "", re.sub(r"（区分处理的，只计这一情形，不计其他情形）|（单位：万元）", "", text))

    items_2021 = [(i.section, i.label) for i in labels.table2_items if "template-2021" in i.versions]
    docx_items = []
    section = None
    for row in table2:
        if row[0].startswith("第二十条"):
            section = row[0]
        elif row[0] != "信息内容":
            docx_items.append((section, row[0]))
    assert items_2021 == docx_items
    docx_columns = {clean(c) for row in table2 if row[0] == "信息内容" for c in row[1:]}
    assert docx_columns == {c for i in labels.table2_items for v, cols in i.columns.items() if v == "template-2021"
                            for c in cols}

    rows_2021 = [r.path for r in labels.table3_rows if not r.is_group and "template-2021" in r.versions]
    docx_rows = []
    for row in table3[3:]:
        cells = []
        for cell in row[:3]:
            if clean(cell) not in cells:
                cells.append(clean(cell))
        docx_rows.append(tuple(cells))
    assert [tuple(clean(p) for p in path) for path in rows_2021] == docx_rows
    assert [clean(c) for c in table3[2][3:]] == list(labels.table3_columns)
    assert [clean(c) for c in table4[2][:5]] == list(labels.table4_columns)
    groups = {(clean(a), clean(b)) for a, b in zip(table4[0], table4[1], strict=False)}
    assert groups >= {("行政诉讼", g[-1]) for g in labels.table4_groups[1:]}


def _markdown_report(text: str) -> list[Block]:
    from reportqa.parsing.layout import split_text_blocks

    return split_text_blocks(text)


def test_markdown_headings_open_regions_and_one_grid_per_row_group():
    """A Markdown rendering (## headings) that splits table 三 into one grid per row group under its own heading,
    with placeholder column names (数据1…数据6), and table 四 into one grid per group captioned by its heading."""
    placeholder = "| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |\n|---|---|---|---|---|---|---|---|\n"
    table4_header = "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|\n"
    text = (
        "## 三、收到和处理政府信息公开申请情况\n\n"
        "### 一、本年新收政府信息公开申请数量\n" + placeholder
        + "| 本年新收政府信息公开申请数量 | 70 | 3 | 0 | 0 | 5 | 0 | 78 |\n\n"
        "### 三、本年度办理结果\n\n### (一) 予以公开\n" + placeholder + "| 予以公开 | 29 | 1 | 0 | 0 | 3 | 0 | 33 |\n\n"
        "### (三) 不予公开\n" + placeholder + "| 1. 属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        "| 3. 危及“三安全一稳定” | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n\n"
        "## 四、政府信息公开行政复议、行政诉讼情况\n\n"
        "### 行政复议\n" + table4_header + "| 6 | 1 | 0 | 2 | 9 |\n\n"
        "### 行政诉讼（未经复议直接起诉）\n" + table4_header + "| 3 | 0 | 0 | 0 | 3 |\n\n"
        "### 行政诉讼（复议后起诉）\n" + table4_header + "| 4 | 0 | 1 | 1 | 6 |\n"
    )
    facts, _ = parse_template_tables(_markdown_report(text))
    got = {(f.path, f.column): f.value for f in facts}
    assert got[(("一、本年新收政府信息公开申请数量",), "总计")] == 78
    assert got[(("一、本年新收政府信息公开申请数量",), "自然人")] == 70
    assert got[((G, "（一）予以公开"), "总计")] == 33
    assert got[((G, "（一）予以公开"), "法律服务机构")] == 3
    assert got[((G, "（三）不予公开", "3.危及“三安全一稳定”"), "总计")] == 2
    assert got[(("行政复议",), "总计")] == 9
    assert got[(("行政诉讼", "未经复议直接起诉"), "总计")] == 3
    assert got[(("行政诉讼", "复议后起诉"), "总计")] == 6
    assert got[(("行政诉讼", "复议后起诉"), "其他结果")] == 1
    assert not any(f.value in ("数据1", 1) and f.path == ("类别",) for f in facts)


def test_a_caption_naming_one_group_does_not_claim_a_row_of_all_fifteen_figures():
    text = ("四、政府信息公开行政复议、行政诉讼情况\n\n注：行政复议、行政诉讼数量含上年度结转数量。\n\n"
            "| 维持 | 纠正 | 结果 | 审结 | 总计 | 总计 |\n|---|---|---|---|---|---|\n"
            "| 40 | 0 | 10 | 5 | 55 | 2 | 0 | 4 | 6 | 12 | 6 | 0 | 9 | 7 | 22 |\n")
    facts, _ = parse_template_tables(_markdown_report(text))
    got = {(f.path, f.column): f.value for f in facts}
    assert got[(("行政复议",), "总计")] == 55
    assert got[(("行政诉讼", "复议后起诉"), "总计")] == 22


def test_a_row_label_wrapped_inside_its_parenthesis_is_one_label():
    from reportqa.parsing.template.table3 import join_open_parentheses

    wrapped = ["（二）部分公开（区分处理的，只计这一情", "形，不计其他情形）", "1.属于国家秘密"]
    assert join_open_parentheses(wrapped) == [
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1.属于国家秘密"]


def test_a_flattened_table_two_keeps_units_written_in_its_cells():
    from reportqa.parsing.template.flat import flat_template_lines

    text = ("第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 0 "
            "第二十条第（九）项 信息内容 采购项目数量 采购总金额 政府集中采购 2笔 984361元 "
            "三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量640020470")
    flat = flat_template_lines(text)
    assert flat is not None and "政府集中采购 2笔 984361元" in flat.lines and not flat.warnings


def test_regions_are_known_by_their_words_whatever_their_number_and_text_rows_fill_what_grids_lack():
    """A report without 总体情况 numbers its parts 一、主动公开… 二、收到和处理…; its 第（一）项 is a grid and its
    第（五）项 lines of text."""
    text = (
        "一、主动公开政府信息情况\n第二十条第（一）项\n第二十条第（五）项\n信息内容本年处理决定数量\n行政许可 97\n"
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n"
        "| 规章 | 0 | 0 | 0 |\n| 规范性文件 | 13 | 0 | 55 |\n\n"
        "二、收到和处理政府信息公开申请情况\n"
        "| 一、本年新收政府信息公开申请数量 | 32 | 2 | 0 | 0 | 0 | 0 | 34 |\n"
        "| 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n"
    )
    facts, _ = parse_template_tables(_markdown_report(text))
    got = {(f.path, f.column): f.value for f in facts}
    assert got[(("第二十条第（五）项", "行政许可"), "本年处理决定数量")] == 97
    assert got[(("第二十条第（一）项", "行政规范性文件"), "现行有效件数")] == 55
    assert got[(("一、本年新收政府信息公开申请数量",), "总计")] == 34


def test_a_flattened_report_with_an_extra_part_and_spaced_header_words():
    """Parts numbered 三、主动公开 / 四、收到和处理 (an extra part before them) and header words written with spaces
    inside (本年新 制作数量, 上一年 项目数量, 本年增/减量)."""
    from reportqa.documents import LoadedDocument
    from reportqa.parsing.report import parse_report

    work = "围绕中心工作，依法依规做好政府信息公开各项工作，主动回应社会关切，推动工作取得实效。" * 4
    tasks = "不断提升政务公开的质量和实效，取得了较好的社会效果。" * 3
    text = ("某某局2020年度政府信息公开工作年度报告 一、总体情况 2020年，我局认真贯彻落实政府信息公开条例，" + work
            + "二、落实政务公开工作主要任务 我局围绕优化营商环境、加强政策解读，持续深化政务公开工作，" + tasks
            + "三、主动公开政府信息情况 "
            "第二十条第（一）项 信息内容 本年新 制作数量 本年新 公开数量 对外公开 总数量 规章 0 0 0 规范性文件 5 5 5 "
            "第二十条第（五）项 信息内容 上一年 项目数量 本年增/减量 处理决定数量 行政许可 15 11 0 "
            "四、收到和处理政府信息公开申请情况 （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） "
            "申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他 "
            "一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3 二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0 "
            "三、本年度办理结果 （一）予以公开 3 0 0 0 0 0 3 （六）其他处理 0 0 0 0 0 0 0 （七）总计 3 0 0 0 0 0 3 "
            "四、结转下年度继续办理 0 0 0 0 0 0 0 五、存在的主要问题 无。")
    doc = LoadedDocument(source="x.txt", blocks=[Block(kind="text", text=text)])
    report = parse_report(doc, "x")
    got = {(f.path, f.column): f.value for f in report.facts if f.kind == "table"}
    assert report.format == "template-2019"
    assert got[(("第二十条第（一）项", "行政规范性文件"), "本年新制作数量")] == 5
    assert got[(("第二十条第（五）项", "行政许可"), "上一年项目数量")] == 15
    assert got[(("第二十条第（五）项", "行政许可"), "本年增/减")] == 11
    assert got[(("一、本年新收政府信息公开申请数量",), "总计")] == 3
    assert not any("第二十条" in f.path[0] and "申请" in f.path[-1] for f in report.facts if f.kind == "table")


def test_one_cell_per_line_with_wrapped_header_cells_gives_each_figure_its_column():
    """A page that writes the 2019 template one cell per line, a header cell wrapped over two lines ("本年新" /
    "制作数量"), a figure with its unit in the cell ("70487元")."""
    lines = ["二、主动公开政府信息情况", "第二十条第(一)项", "信息内容", "本年新", "制作数量", "本年新", "公开数量",
             "对外公开总数量", "规章", "0", "0", "0", "规范性文件", "64", "24", "24", "第二十条第(九)项", "信息内容",
             "采购项目数量", "采购总金额", "政府集中采购", "2", "70487元"]
    facts, fmt = parse_template_tables([Block("text", text=line) for line in lines])
    got = {(f.path[-1], f.column): f.value for f in facts}
    assert got[("行政规范性文件", "本年新制作数量")] == 64
    assert got[("行政规范性文件", "本年新公开数量")] == 24
    assert got[("行政规范性文件", "对外公开总数量")] == 24
    assert got[("政府集中采购", "采购总金额")] == 70487 and fmt == "template-2019"


def test_a_header_cell_cut_short_by_the_page_is_the_template_column_it_begins():
    lines = ["二、主动公开政府信息情况", "第二十条第(一)项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件",
             "规章", "1", "2", "3", "第二十条第(六)项", "信息内容", "本年处理决定数量", "行政处罚", "5", "行政强"]
    facts, _ = parse_template_tables([Block("text", text=line) for line in lines])
    got = {(f.path[-1], f.column): f.value for f in facts}
    assert got == {("规章", "本年制发件数"): 1, ("规章", "本年废止件数"): 2, ("规章", "现行有效件数"): 3,
                   ("行政处罚", "本年处理决定数量"): 5}


def test_a_flattened_row_with_a_figure_of_leading_zeros_is_glued_and_gives_no_figure():
    """"100 0 0 00" can be read only as 1 0 0 | 0 | 0 | 0 0, whose total 0 is not 1: the row is left without
    figures and warned about, never read as written (100)."""
    from reportqa.parsing.template.flat import flat_template_lines

    text = ("三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量100 0 0 00"
            "二、上年结转政府信息公开申请数量0 0 0 0 0 00")
    flat = flat_template_lines(text)
    assert flat is not None
    assert not any("100" in line for line in flat.lines)
    assert any("本年新收" in w for w in flat.warnings)
    assert "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0" in flat.lines  # zeros only: every cell is 0


def test_a_unit_in_brackets_after_a_table_two_header_is_the_columns_unit():
    """"采购总金额（元）" counts yuan, though the template's column is in 万元."""
    rows = [["第二十条第（九）项", "", ""], ["信息内容", "采购项目数量", "采购总金额（元）"],
            ["政府集中采购", "17", "8810055"]]
    facts, _ = parse_template_tables([Block("text", text=T2), Block("table", rows=rows)])
    amount = [f for f in facts if f.column == "采购总金额"]
    assert [(f.value, f.unit) for f in amount] == [(8810055, "元")]

"""Flattened statistics tables (a saved web page's table as one running line) → grids and facts."""

from reportqa.documents import Block, LoadedDocument
from reportqa.parsing.flat_table import find_flat_table, split_figures
from reportqa.parsing.report import parse_report

SPACED = ("指标名称 计量单位 2013年度 历年累计 主动公开信息数 条 356 1290 其中：1.网站公开 条 350 1280 "
          "2.政府公报公开 条 6 10 受理依申请公开信息总数 条 30 45 其中：1.当面申请数 条 12 20 2.网上申请数 条 18 25")
GLUED = ("七、统计表 指标名称计量单位2016年度历年累计主动公开文件数条346085376其中：1、政府网站公开数条3460853762、"
         "政府公报公开数条00受理依申请公开信息总数条3030其中：1、当面申请数条10102、网上申请数条2020")


def _rows(table):
    return {row[0]: row[2:] for row in table.grid()[1:]}


def test_spaced_cells_are_read_as_written():
    table = find_flat_table(SPACED)
    assert table.columns == ["2013年度", "历年累计"]
    rows = _rows(table)
    assert rows["主动公开信息数"] == ["356", "1290"]
    assert rows["其中：1.网站公开"] == ["350", "1280"]
    assert rows["2.政府公报公开"] == ["6", "10"]
    assert rows["2.网上申请数"] == ["18", "25"]
    assert table.warnings == []


def test_glued_digits_are_split_by_the_tables_arithmetic_and_the_prose():
    prose = "2016年全区主动公开政府信息3460条。"
    table = find_flat_table(GLUED, prose)
    rows = _rows(table)
    assert rows["主动公开文件数"] == ["3460", "85376"]  # 3/46085376 and 34/6085376 ruled out by the prose
    assert rows["其中：1、政府网站公开数"] == ["3460", "85376"]  # the parts add up to the whole
    assert rows["2、政府公报公开数"] == ["0", "0"]
    assert rows["受理依申请公开信息总数"] == ["30", "30"]  # 303/0 breaks 历年累计 ≥ 本年度; 3/030 has a leading zero
    assert rows["其中：1、当面申请数"] == ["10", "10"]
    assert rows["2、网上申请数"] == ["20", "20"]


def test_a_cumulative_column_the_prose_contradicts_decides_no_split():
    """The prose says 107 were published; the only split of `10774` with 历年累计 ≥ the year's figure is 10 / 774. The
    report's cumulative column does not hold (107 / 74), so the prose and the table's own sums decide instead, and
    `10` reads 1 / 0 (1 request this year) where the cumulative rule would have dropped the row."""
    flat = ("指标名称单位2017年历年累计主动公开文件数条10774其中：1.政府网站公开数条107742.政府公报公开数条00"
            "受理政府信息公开申请总数条10其中：1.当面申请数条002.网上申请数条003.信函、传真申请数条10")
    table = find_flat_table(flat, "我局2017年主动公开政府信息107条。")
    rows = _rows(table)
    assert rows["主动公开文件数"] == ["107", "74"]
    assert rows["其中：1.政府网站公开数"] == ["107", "74"]  # the parts add up to the whole
    assert rows["受理政府信息公开申请总数"] == ["1", "0"]
    assert rows["3.信函、传真申请数"] == ["1", "0"]
    assert any("累计列不可靠" in w for w in table.warnings)
    assert _rows(find_flat_table(flat))["主动公开文件数"] == ["10", "774"]  # no prose: the cumulative rule stands


def test_a_row_that_stays_ambiguous_is_warned_and_left_out():
    table = find_flat_table("指标名称计量单位2016年度历年累计主动公开文件数条346085376行政复议数件00")
    assert any("主动公开文件数" in w and "346085376" in w for w in table.warnings)
    report = parse_report(LoadedDocument("p.txt", [Block("text", "主动公开工作年度报告"),
                                                   Block("text", "统计表 指标名称计量单位2016年度历年累计"
                                                                 "主动公开文件数条346085376行政复议数件00")]), "r")
    assert not any(f.label == "主动公开文件数" for f in report.facts if f.kind == "table")
    assert any("无法唯一拆分" in w for w in report.warnings)
    assert [(f.label, f.column, f.value) for f in report.facts if f.kind == "table"] == [
        ("行政复议数", None, 0), ("行政复议数", "历年累计", 0)]


def test_split_figures_never_gives_leading_zeros():
    assert set(split_figures("3030", 2)) == {("30", "30"), ("303", "0")}  # 3/030 has a leading zero
    assert split_figures("00", 2) == [("0", "0")]
    assert split_figures("12 — 5", 2) == []  # more figures than columns: no reading


def test_the_recovered_table_gives_facts_with_parents_and_the_cumulative_column():
    doc = LoadedDocument("page.txt", [Block("text", "平潭综合实验区2016年度政府信息公开工作年度报告"),
                                      Block("text", "2016年全区主动公开政府信息3460条。" + GLUED)])
    report = parse_report(doc, "r")
    facts = {(f.path, f.column): f.value for f in report.facts if f.kind == "table"}
    assert report.format == "old-table"
    assert facts[(("主动公开文件数",), None)] == 3460
    assert facts[(("主动公开文件数",), "历年累计")] == 85376
    assert facts[(("主动公开文件数", "1、政府网站公开数"), None)] == 3460
    assert facts[(("主动公开文件数", "2、政府公报公开数"), None)] == 0
    assert facts[(("受理依申请公开信息总数", "2、网上申请数"), None)] == 20


def test_a_single_year_end_column_is_a_value_column():
    from reportqa.parsing.flat_table import find_flat_table

    text = ("附表： 指标名称 计量单位 年末统计 主动公开信息数 条 6 其中：1．网站公开 条 6 2．政府公报公开 条 0 "
            "受理依申请公开信息总数 条 0 行政复议数 件 0")
    table = find_flat_table(text)
    assert table is not None and table.columns == ["年末统计"]
    assert [(r.unit, r.readings) for r in table.rows][:2] == [("条", [("6",)]), ("条", [("6",)])]

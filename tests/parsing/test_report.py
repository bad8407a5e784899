"""parse_report: a loaded document → Report (metadata, sections, facts of every kind, warnings)."""

from collections import Counter

from reportqa.documents import Block, LoadedDocument
from reportqa.parsing import parse_report, report_id_for

STATS = [
    ["统计指标", "单位", "统计数"],
    ["一、依申请公开情况", "——", ""],
    ["（一）收到申请数", "件", "12"],
    ["1.当面申请数", "件", "5"],
    ["2.网络申请数", "件", "5"],
]


def doc(*blocks, source="某区2019年报.txt", warnings=None):
    return LoadedDocument(source=source, blocks=list(blocks), warnings=list(warnings or []))


def text(t):
    return Block(kind="text", text=t)


def test_seed_report(seed_report, seed_path):
    r = seed_report
    assert r.id == report_id_for(seed_path.read_bytes())
    assert r.format == "old-table"
    assert r.source == "000_f6584d2c7913d8cd.txt"
    assert (r.title, r.agency, r.year) == ("2017年度政府信息公开工作年度报告", "温州市瓯海区人民政府", 2017)
    kinds = Counter(f.kind for f in r.facts)
    assert kinds["table"] == 58
    assert kinds["prose"] >= 20
    assert r.warnings == []
    assert not r.synthetic


def test_every_fact_carries_the_report_metadata(seed_report):
    for f in seed_report.facts:
        assert (f.report_id, f.year, f.agency) == (seed_report.id, 2017, "温州市瓯海区人民政府")


def test_report_id_is_a_stable_content_hash():
    assert report_id_for(b"abc") == report_id_for(b"abc")
    assert report_id_for(b"abc") != report_id_for(b"abd")
    assert len(report_id_for(b"abc")) == 16


def test_overrides_win_over_detected_metadata(seed_doc):
    r = parse_report(seed_doc, "rid", agency="瓯海区政务公开办", year=2016, synthetic=True)
    assert (r.agency, r.year, r.synthetic) == ("瓯海区政务公开办", 2016, True)
    assert {(f.agency, f.year, f.report_id) for f in r.facts} == {("瓯海区政务公开办", 2016, "rid")}


def test_prose_only_report_warns_about_missing_agency_and_year():
    r = parse_report(doc(text("政府信息公开工作年度报告"), text("一、总体情况"), text("本机关认真贯彻落实《条例》。"),
                         source="notes.txt"), "rid")
    assert r.format == "prose-only"
    assert [f for f in r.facts if f.kind == "table"] == []
    assert r.sections and r.sections[0].path == ("一、总体情况",)
    assert any("发布机关" in w for w in r.warnings)
    assert any("年度" in w for w in r.warnings)


def test_year_from_file_name_and_table_check_warning():
    r = parse_report(doc(text("政府信息公开工作年度报告"), text("一、总体情况"), text("本年收到申请12件。"),
                         text("统计表"), Block(kind="table", rows=STATS)), "rid", agency="某局")
    assert r.format == "old-table"
    assert r.year == 2019  # from the file name 某区2019年报.txt
    table_warnings = [w for w in r.warnings if "（一）收到申请数" in w]
    assert len(table_warnings) == 1 and "12" in table_warnings[0] and "10" in table_warnings[0]


def test_loader_warnings_are_kept():
    r = parse_report(doc(text("2019年政府信息公开工作年度报告"), text("一、总体情况"), text("正文。"),
                         warnings=["page 3: no text layer (scanned PDF?)"]), "rid", agency="某局")
    assert r.warnings[0] == "page 3: no text layer (scanned PDF?)"


def test_table_caption_is_not_prose():
    r = parse_report(doc(text("2019年政府信息公开工作年度报告"), text("一、总体情况"), text("本年度正文。"),
                         text("政府信息公开情况统计表"), Block(kind="table", rows=STATS)), "rid", agency="某局")
    assert "统计表" not in "".join(s.text for s in r.sections)


def test_the_sites_name_above_the_pages_field_table_is_no_report_text():
    blocks = [Block("text", text="淄博高新技术产业开发区管理委员会"),
              Block("table", rows=[["标题:", "淄博高新技术产业开发区发展改革局2025年度政府信息公开工作年度报告",
                                    "", ""],
                                   ["索引号:", "/2026-5564390", "文号:", "无文号"],
                                   ["发文日期:", "2026-01-20", "发布机构:", "高新区发展改革局"]]),
              Block("text", text="一、总体情况"),
              Block("text", text="全年累计主动公开政府信息50条。")]
    report = parse_report(LoadedDocument(blocks=blocks, source="zibo.txt"), "zibo")
    assert report.title == "淄博高新技术产业开发区发展改革局2025年度政府信息公开工作年度报告"
    assert report.agency == "淄博高新技术产业开发区发展改革局" and report.year == 2025


def test_a_template_table_flattened_onto_one_line_with_pipes_is_read():
    line = ("二、主动公开政府信息情况 第二十条第(一)项 | 信息内容 | 本年新 制发数量 | 本年新 废止数量 | 现行有效数量 | "
            "规章 | 0 | 0 | 0 | 规范性文件 | 0 | 0 | 0 | 第二十条第(五)项 | 信息内容 | 本年处理决定数量 | "
            "行政许可 | 650 | 第二十条第(六)项 | 信息内容 | 本年处理决定数量 | 行政处罚 | 100 | 行政强制 | 0 |")
    report = parse_report(doc(text("某区交通运输局2021年政府信息公开工作年度报告"), text("一、总体情况"),
                              text("全年主动公开政府信息9条。"), text(line)), "r1")
    cells = {(f.path[-1], f.value) for f in report.facts if f.kind == "table"}
    assert {("行政许可", 650), ("行政处罚", 100), ("行政强制", 0)} <= cells
    assert report.format == "template-2021"


def test_a_page_field_table_with_unknown_rows_is_still_the_pages_header():
    """索引号 / 发布机构 / 标题 / 主题词 / 内容概述 rows flattened into a table above the report: its 标题 is the title,
    and its rows are no part of the report."""
    header = Block(kind="table", rows=[["索 引 号", "675490773/2024-00062", "分 类", "综合政务"],
                                       ["发布机构", "党政办公室", "发文日期", "2024-01-29"],
                                       ["标 题", "海港经济技术开发区管理委员会2023年政府信息公开工作年度报告", "", ""],
                                       ["文 号", "无号", "主 题 词", ""], ["内容概述", "", "", ""], ["时 效", "有效"]])
    report = parse_report(doc(header, text("本年度报告由开发区政务公开工作领导小组办公室编制。"), text("一、总体情况"),
                              text("2023年政府信息公开栏目共计发布信息415条。"), source="hg-2023.txt"), "r")
    assert (report.agency, report.year) == ("海港经济技术开发区管理委员会", 2023)
    assert report.title == "海港经济技术开发区管理委员会2023年政府信息公开工作年度报告"

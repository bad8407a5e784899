"""Saved web pages: the page saver's header block is metadata, the site's chrome is not report text."""

from reportqa.documents import Block, LoadedDocument
from reportqa.parsing.metadata import report_start
from reportqa.parsing.page_chrome import is_chrome_line, strip_page_chrome
from reportqa.parsing.report import parse_report

HEADER = ["标题: 青禾市东湖区2016年度政府信息公开工作年度报告", "发布时间: 2017-01-18 15:57", "文号: ",
          "发布机构: ", "栏目: 政府信息公开年报", "原文链接: https://example.gov.cn/t20170118_1.htm",
          "页面链接与图片详见 links.tsv(同目录)", "==================== 正文 ====================",
          "一、概述", "本年度，办公室人员兼职经办政府信息公开工作。"]


def test_header_block_becomes_metadata_and_leaves_the_text():
    lines, header = strip_page_chrome(HEADER)
    assert header.title == "青禾市东湖区2016年度政府信息公开工作年度报告"
    assert header.date.startswith("2017-01-18")
    assert lines == ["一、概述", "本年度，办公室人员兼职经办政府信息公开工作。"]


def test_text_without_a_header_block_is_unchanged():
    lines = ["标题很长的一句话：不是字段", "一、概述"]
    assert strip_page_chrome(lines)[0] == lines


def test_chrome_lines():
    for line in ["当前位置：首页 > 政府信息公开 > 政府信息公开年报", "分享到： 微信 微博 QQ空间", "【打印】【关闭】",
                 "字号：大 中 小", "文字版 全真版", "附件下载："]:
        assert is_chrome_line(line), line
    for line in ["一、概述", "2016年全区主动公开政府信息3460条。", "二、主动公开政府信息情况"]:
        assert not is_chrome_line(line), line


def test_site_menus_above_the_title_are_dropped():
    lines = ["首页 政务公开 办事服务 互动交流", "政府信息公开领导之窗政府机构要闻政府工作报告",
             "青禾市东湖区2016年度政府信息公开工作年度报告", "一、概述", "正文。", "二、其他", "正文。", "无。"]
    assert report_start(lines) == 2


def test_a_saved_page_report_gets_title_agency_and_year_from_its_header():
    report = parse_report(LoadedDocument("page.txt", [Block("text", line) for line in HEADER]), "r")
    assert report.title == "青禾市东湖区2016年度政府信息公开工作年度报告"
    assert report.agency == "青禾市东湖区"  # the title's jurisdiction, never "办公室人员兼职经办"
    assert report.year == 2016
    assert not any("标题" in s.text or "原文链接" in s.text for s in report.sections)


def test_a_title_set_in_two_lines_keeps_its_first_line():
    lines = ["首页 政务公开 办事服务", "淮北市人民政府", "2024 年政府信息公开工作年度报告", "一、总体情况", "正文。",
             "二、其他"]
    assert report_start(lines) == 1


def test_a_page_field_table_above_the_report_is_metadata_not_report_text():
    names_over_values = [Block(kind="table", rows=[["索引号", "公开方式", "发布机构"],
                                                   ["11/2010-00023", "主动公开", "甲乙区丙丁镇人民政府"]]),
                         Block("text", "根据条例,特向社会公布2009年度本机关信息公开年度报告。"),
                         Block("text", "一、概述"),
                         Block("text", "2009年,丙丁镇主动公开政府信息12条。")]
    report = parse_report(LoadedDocument("page.txt", names_over_values), "r")
    assert report.agency == "甲乙区丙丁镇人民政府" and report.year == 2009
    assert not any("索引号" in s.text for s in report.sections)
    # pairs on a row; the publisher is the district's office, the report's own body is in its contact sentence
    pairs = [Block(kind="table", rows=[["索引号", "11/2023-00063", "主题分类", "其他"],
                                       ["发布机构", "甲乙区政府办", "发文日期", "2023-01-18"]]),
             Block("text", "- 信息来源:戊己街道"), Block("text", "- 发布日期:2023-01-18 21:45"),
             Block("text", "本年报按照2022年甲乙区戊己街道政务信息公开工作实际编制而成。"
                           "如对本年度报告有疑问,请与甲乙区戊己街道党政办联系。"), Block("text", "一、总体情况"),
             Block("text", "2022年,戊己街道主动公开政府信息32条。")]
    report = parse_report(LoadedDocument("page.txt", pairs), "r")
    assert (report.agency, report.year) == ("甲乙区戊己街道", 2022)
    assert not any("信息来源" in s.text or "索引号" in s.text for s in report.sections)


def test_a_field_table_whose_names_end_in_colons_is_a_header():
    """"索 引 号: | … | 发布时间: | … |", "来 源: | X | 发布机构: | X |": names spaced out and written with colons."""
    from reportqa.parsing.page_chrome import split_page_header

    lines = ["索 引 号: | 610700003-/2020000781 | 发布时间: | 2012年02月17日 10:50 |",
             "来 源: | 青禾市统计局 | 发布机构: | 青禾市统计局 |", "本年度报告根据《条例》要求编制。"]
    body, header = split_page_header(lines)
    assert header.publisher == "青禾市统计局" and header.date.startswith("2012")
    assert body == ["本年度报告根据《条例》要求编制。"]


def test_a_field_block_under_the_sites_chrome_and_two_fields_a_line_give_the_publisher():
    lines = ["首页", ">政府信息公开>政府信息公开年报>2022>部门年度报告汇总",
             "索引号: 11622300K42424317F/2023-00349 公开方式: 主动公开",
             "发布机构: 市审计局 组配分类: 政府信息公开年报", "发文日期: 2023-01-17",
             "一、总体情况", "今年以来,市审计局政务公开工作…"]
    body, header = strip_page_chrome(lines)
    assert header.publisher == "市审计局"  # not "市审计局 组配分类: …"
    assert body[0] == "一、总体情况"
    assert is_chrome_line(">政府信息公开>政府信息公开年报>2022>部门年度报告汇总")

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

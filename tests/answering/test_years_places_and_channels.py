"""A figure read from the text must be of the year, the thing and the channel asked: a running total is not a year's
figure (截至…, 以来累计, the year before a named report), an ordinal asked is no count, a thing named only in where a
figure was published is not what it counts, a channel asked is not another channel's figure, a part taken out of a
whole is counted in the whole's unit, a count over a threshold is the figure named by it (a real engine over made-up
reports)."""

import pytest

CITY_2018 = """本报告根据《条例》以及2018年度河湾市政府各部门和各区政府的信息公开工作年度报告编制。\
如对本报告有疑问,请与河湾市政府信息公开办公室联系。本报告由概述、主动公开政府信息情况、附表共3个部分组成。
一、概述
在全国政府网站绩效评估中,河湾政务网在300多个城市中第6次位列第一。
二、主动公开政府信息情况
2018年,全市新增主动公开政府信息52000条。其中,市级机关30000条;各区政府22000条。《条例》颁布实施以来,累计主动公开政府信息410000条。
"""

BUREAU_2019 = """东湖区公安分局2019年政府信息公开工作年度报告
一、总体情况
2019年,我局在区政府网站主动公开信息35条,历年累计400条;主动公开政府信息的主要类别有:队伍建设、行政服务、人事信息等信息。
在行政许可和行政处罚双公示中公示了15件行政许可、9件行政处罚情况。
全年共受理政府信息公开申请50件,涉及具体事项120项(其中结转下一年度4件,涉及具体事项10项)。
全年推送政策解读文章60篇,其中阅读量超1万次的文章7篇。
通过区政府门户网站主动公开规划信息、政府采购、公益事业建设事项等共计94条。
2019年,政府网站发布信息120余条;通过微信公众号等新媒体发
"""


@pytest.fixture(scope="module")
def reports(engine_over):
    return engine_over({"hewan-2018.txt": CITY_2018, "donghu-gafj-2019.txt": BUREAU_2019})


@pytest.mark.parametrize("question,value,unit", [
    ("How many items of government information were newly disclosed proactively across Hewan in 2018?", 52000, "条"),
    ("2019年东湖区公安分局受理的申请中,不含结转下一年度的有多少件?", 46, "件"),
    ("2019年东湖区公安分局结转下一年度的申请涉及多少项具体事项?", 10, "项"),
    ("How many administrative licences did the Donghu public security branch publicise under the double publicity "
     "scheme in 2019?", 15, "件"),
    ("东湖区公安分局2019年阅读量过万的文章有多少篇?", 7, "篇"),
    # a report's own parts, as printed (never the 300多个 cities of its sentence on rankings)
    ("河湾市2018年报告共有几个部分?", 3, "个部分"),
    ("How many parts does Hewan's 2018 report have?", 3, "个部分"),
    # the channel opening a list is where its kinds went, no kind counted with the others
    ("东湖区公安分局2019年通过区政府门户网站主动公开信息共计多少条?", 94, "条"),
])
def test_the_figure_of_the_thing_year_and_channel_asked(reports, question, value, unit):
    answer = reports.ask(question)
    assert (answer.found, answer.value, answer.unit) == (True, value, unit), answer.text


@pytest.mark.parametrize("question", [
    "河湾市截至2017年底累计主动公开的政府信息有多少条?",  # the running total is at the end of 2018
    "By the end of 2018, how many items had the Donghu public security branch disclosed cumulatively, judging from "
    "its 2019 report?",
    "For the how-many-th time did the Hewan government portal rank first in 2018?",  # 第6次: an ordinal
    "东湖区公安分局2019年主动公开的信息中,人事信息有多少条?",  # 人事信息 is only listed as a kind
    "东湖区公安分局2019年通过政府网站以外渠道发布信息多少条?",  # the website's 120 is the one left out
    "How many articles of the Donghu public security branch were read over 100,000 times in 2019?",
    "How many items did the Donghu public security branch publish through new media such as its WeChat account "
    "in 2019?",  # the window ends before the new media's figure; the website's 120 is not it
])
def test_no_figure_of_another_year_kind_or_channel(reports, question):
    answer = reports.ask(question)
    assert answer.value is None, answer.text


def test_a_thing_named_only_where_a_figure_was_published_is_not_what_it_counts(reports):
    """"在行政许可和行政处罚双公示中公示了15件行政许可": 15 counts licences, never penalties."""
    assert reports.ask("2019年东湖区公安分局在双公示中公示的行政处罚有多少件?").value in (None, 9)


def test_the_citys_report_is_the_governments_not_its_disclosure_offices(reports):
    assert "河湾市人民政府" in reports.ask("河湾市2018年新增主动公开政府信息多少条?").text

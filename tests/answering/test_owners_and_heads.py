"""Figures of one sentence told apart by whose they are, English things by their head noun, concepts said by one of
their words, a part never taken for the whole (nor a figure beside it for its whole), lists said after the question
(a real engine over made-up reports)."""

import pytest

COMMERCE_2012 = """南湖省商务厅2012年政府信息公开工作年度报告
一、基本情况概述
南湖省商务厅成立了政府信息公开工作领导小组。厅机关信息公开专职工作人员2人,兼职人员6人,厅属企事业单位专职人员1人,\
兼职人员5人,分工负责组织协调、督促检查。
2012年,我厅共编发各类信息800条,发布各类解读信息60条。全年共办理各类在线留言900条,公开答复数量500条。
编印《南湖商务》12期,共印发3600册。
"""

TRANSPORT_2016 = """北川县交通运输局2016年政府信息公开工作报告
一、概述
2016年,我局认真贯彻落实《中华人民共和国政府信息公开条例》。
二、主动公开政府信息情况
2016年,我局共发布主动公开政府信息400条,其中主动公开文件50件,公开信息200条,微信10条,网络问政回应40条。
三、依申请公开情况
全年收到依申请公开3件。该3件政府信息公开申请答复书中,予以公开1件,无法提供2件。
"""

DISTRICT_2022 = """东江区人民政府2022年政府信息公开工作年度报告
一、总体情况
(一)主动公开
2022年全区各部门累计主动公开信息9000条,其中政府网站2000条,政务新媒体公开3000条,线下方式公开4000条。
(二)依申请公开
2022年东江区人民政府共收到依申请公开政府信息50件,其中依申请公开平台20件、邮寄10件、当面申请20件。
"""


WATER_2024 = """西湖市供水集团有限公司2024年政府信息公开工作年度报告
一、总体情况
(一)主动公开情况。供水集团在西湖市政府信息公开平台主动公开政府信息40条,其中工作动态20条,公示公告12条,人事信息8条。
(二)平台建设情况。运用好“西湖供水”订阅号,向广大用户推送集团工作进展、通知等,全年发布信息230条。
"""

TAX_2017 = """南江区地税局2017年度政府信息公开年度报告
一、概述
区地税局成立了政府信息公开领导小组。
二、政府信息主动公开情况
区地税局2017年度共主动公开信息150条,其中全文电子化达100%。在主动公开的信息中部门信息120条,占总体比例的80%。
"""


@pytest.fixture(scope="module")
def reports(engine_over):
    return engine_over({"nanhu-swt-2012.txt": COMMERCE_2012, "beichuan-jtj-2016.txt": TRANSPORT_2016,
                        "dongjiang-2022.txt": DISTRICT_2022, "xihu-water-2024.txt": WATER_2024,
                        "nanjiang-tax-2017.txt": TAX_2017})


@pytest.mark.parametrize("question,value,unit", [
    # whose the figure is: the owner the question names (厅属企事业单位; "its own offices": 机关)
    ("南湖省商务厅所属企事业单位2012年有几名信息公开兼职人员?", 5, "人"),
    ("How many full-time disclosure staff did the Nanhu provincial department of commerce have in its own offices "
     "in 2012?", 2, "人"),
    # a concept said by one of its words whole (在线 of "online"), though most of them share 网
    ("In 2012, how many online messages in total did the Nanhu provincial department of commerce handle?", 900, "条"),
    ("How many copies of Nanhu Commerce did the Nanhu provincial department of commerce print in 2012?", 3600, "册"),
    # the whole, never a part of it counted in another unit (主动公开文件50件)
    ("How many items of government information did the Beichuan county transport bureau proactively publish in "
     "2016?", 400, "条"),
    # a figure listed beside the part is no whole of it
    ("2016年北川县交通运输局网络问政回应占主动公开信息总数的比例是多少?", 10, "%"),
    # a list said after the question; the requests' own count is no item of "by post or in person"
    ("In 2022, how many items did Dongjiang district disclose online, counting government websites and government "
     "new media together?", 5000, "条"),
    ("How many of the Dongjiang district government's 2022 requests were submitted by post or in person combined?",
     30, "件"),
    # a WeChat subscription account (订阅号) is a channel of its own; the platform's figure is not its
    ("2024年西湖市供水集团订阅号发布了多少条信息?", 230, "条"),
    # "在主动公开的信息中部门信息120条" counts the departments' items, not all it disclosed
    ("2017年南江区地税局主动公开的信息有多少条?", 150, "条"),
    ("2017年南江区地税局主动公开的信息中部门信息有多少条?", 120, "条"),
])
def test_the_figure_asked(reports, question, value, unit):
    answer = reports.ask(question)
    assert (answer.found, answer.value, answer.unit) == (True, value, unit), answer.text


@pytest.mark.parametrize("question", [
    # two owners' part-time staff and the question names neither: which one is asked
    "南湖省商务厅2012年有几名兼职人员?",
    # requests, the head noun, are not the government information published
    "How many requests for government information did the Beichuan county transport bureau receive in 2016 through "
    "its website?",
    # 答复书 holds 复, not a reconsideration
    "How many administrative reconsiderations over information disclosure did the Beichuan county transport bureau "
    "face in 2016?",
])
def test_no_figure(reports, question):
    answer = reports.ask(question)
    assert answer.value is None, answer.text


def test_two_owners_figures_are_offered_to_choose_from(reports):
    answer = reports.ask("南湖省商务厅2012年有几名兼职人员?")
    assert not answer.found and "6人" in answer.text and "5人" in answer.text and "请指明是哪一项" in answer.text

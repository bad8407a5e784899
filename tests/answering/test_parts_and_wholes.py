"""A whole and the parts its sentence gives: a whole that says it holds a part (含…结转), one asked without it (不含,
未…), rates given 'respectively' for the figures before them, a bracket that closes a whole's own parts, a share over
a list of channels (each counted once), a part counted in another measure word of items (则 of 条), kinds counted in
大类, sub-items (小项), a month of the year, full-time staff, another item of the same list (a real engine over
made-up reports)."""

import pytest

TOWN_2023 = """青禾镇2023年政府信息公开工作年度报告
一、总体情况
（一）主动公开情况
2023年,我镇共公开政府信息180条,具体为:政策文件3条、业务信息共90条(其中社会救助20条、乡村振兴30条、其他事项40条)、青禾发布87条。
截至12月,我镇主动公开政府信息共20条,其中主要发布内容包括:公示公告12则,政务报告8则。
截至2023年底,我镇共公布政府信息、工作动态信息150余条。其中:政府网站公开政府信息数60条,政务微信公开政府信息数70条,其他方式20条。
主要分为概况信息、政策文件、规划计划、工作动态、人事信息、财经信息6大类。
共主动公开相关信息12大领域内容,共计300小项,完成社会保险领域80小项录入;安全生产领域60小项录入;就业领域25小项录入;救灾领域20小项录入;食品药品
本年度共制发公文30件,其中主动公开公文12件。
为此,专门配备了2名兼职工作人员。
（二）依申请公开情况
2023年镇政府收到政府信息公开申请40件(含2022年结转3件)。
因依申请公开产生行政复议案件4件和行政诉讼案件8件,同比分别下降20%和50%。
"""


@pytest.fixture(scope="module")
def town(engine_over):
    return engine_over({"qinghe-town-2023.txt": TOWN_2023})


@pytest.mark.parametrize("question,value,unit", [
    # a whole that says it holds the part: the whole, not the part; without the part: the whole less it
    ("How many information requests did Qinghe town receive in 2023 (including those carried over)?", 40, "件"),
    ("2023年青禾镇收到(不含上年结转)的政府信息公开申请有多少件?", 37, "件"),
    # what was not done to some of a whole
    ("2023年青禾镇制发的公文中,未主动公开的有多少件?", 18, "件"),
    # rates given respectively for the figures before them
    ("2023年青禾镇因依申请公开产生的行政诉讼案件同比下降了百分之多少?", 50, "%"),
    # a part after the bracket that closes another part's own parts is the whole's
    ("What share of Qinghe town's 180 disclosed items in 2023 were Qinghe Fabu releases? (percent)", 48.33, "%"),
    # a share over the channels a whole lists, the part one of them
    ("What share of Qinghe town's 2023 disclosures through website, WeChat and other channels went through WeChat?",
     46.67, "%"),
    ("How many items did Qinghe town publish in 2023 through its website, WeChat and other channels combined?", 150,
     "条"),
    # a part counted in 则 under a whole counted in 条
    ("2023年青禾镇主动公开的政府信息中,公示公告占比多少?", 60, "%"),
    # sub-items, and the item of a list asked by its own name
    ("2023年青禾镇安全生产领域录入了多少小项?", 60, "小项"),
    ("How many disaster-relief sub-items did Qinghe town enter in 2023?", 20, "小项"),
])
def test_a_whole_and_its_parts(town, question, value, unit):
    answer = town.ask(question)
    assert answer.found and float(answer.value) == value and answer.unit == unit, answer.text


@pytest.mark.parametrize("question", [
    # the list is cut before this item's figure: another item's figure is no answer
    "2023年青禾镇食品药品领域录入了多少小项?",
    # part-time staff are not full-time staff
    "2023年青禾镇配备了几名全职信息公开工作人员?",
    # a month of the year: the report gives the year's figures only
    "2023年12月青禾镇收到了多少件政府信息公开申请?",
    # kinds are counted in 大类, never in items
    "2023年青禾镇主动公开的信息分为几大类?",
])
def test_no_figure_for_what_the_report_does_not_give(town, question):
    answer = town.ask(question)
    assert not answer.found or answer.value is None or (question.endswith("几大类?") and answer.value == 6), answer.text


def test_kinds_are_counted_in_their_own_measure_word(town):
    answer = town.ask("2023年青禾镇主动公开的信息分为几大类?")
    assert answer.value is None or (answer.value == 6 and answer.unit == "大类"), answer.text

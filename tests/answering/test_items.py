"""Sums and differences of things the lexicon does not know, each found by its words (a real engine over made-up
reports that list categories, channels and requests in running text)."""

import pytest

from reportqa.answering.items import english_sum_items

BUREAU = """甲市应急管理局2022年政府信息公开工作年度报告
一、总体情况
（一）主动公开
全年公开信息40条，其中行政法规、规章和规范性文件2条，国民经济和社会发展规划、专项规划、区域规划及相关政策3条，突发公共事件的应急预案、预警信息及应对情况4条，行政处罚12项，行政强制5项。
（二）依申请公开
本年度共收到信息公开申请13件，其中通过甲市政府信息依申请公开系统收到11件，局长信箱收到2件。
（三）平台建设
全年设立信息申请受理点1个。
"""
OFFICE = """乙县审计局2022年政府信息公开工作年度报告
一、总体情况
全年主动公开政府信息60条，其中政务公开45条、信息公开9条、专题专栏6条。其他应主动公开的政府信息4条。
"""


@pytest.fixture(scope="module")
def bureaus(engine_over):
    return engine_over({"jia-yjj-2022.txt": BUREAU, "yi-sjj-2022.txt": OFFICE})


def test_a_category_is_named_without_its_closing_lei(bureaus):
    # 规划类 names 国民经济和社会发展规划、专项规划…, 应急预案类 names 突发公共事件的应急预案、…
    answer = bureaus.ask("甲市应急管理局2022年公开的规划类信息和应急预案类信息合计多少条？")
    assert (answer.found, answer.value, answer.unit) == (True, 7, "条")


def test_an_item_made_only_of_words_every_label_has_is_the_figure_named_exactly(bureaus):
    # 信息公开类: 信息 and 公开 are stop words, the label 信息公开 names it whole
    answer = bureaus.ask("乙县审计局2022年政务公开类比信息公开类多多少条？")
    assert (answer.found, answer.value, answer.unit) == (True, 36, "条")


def test_an_english_sum_adds_each_thing_it_lists(bureaus):
    answer = bureaus.ask("Together, how many penalty and compulsory-measure items did the Jia City emergency "
                         "management bureau publish in 2022?")
    assert (answer.found, answer.value, answer.unit) == (True, 17, "项")


def test_the_body_asked_about_names_no_part_of_what_it_received(bureaus):
    # 甲市 is in the part's label (通过甲市政府信息依申请公开系统收到11件): it scopes the question, it is no channel;
    # the places that take requests (受理点1个) are no count of them, and the text's part is not its whole
    answer = bureaus.ask("How many information requests reached the Jia City emergency management bureau in 2022?")
    assert (answer.found, answer.value) == (True, 13)


def test_requests_are_never_counted_in_places():
    from reportqa.answering.extractive import unit_fits

    assert not unit_fits("How many information requests did the town receive in 2012?", "个")
    assert unit_fits("How many information requests did the town receive in 2012?", "件")
    assert not unit_fits("How many original documents did the bureau hand over to the archive?", "次")
    assert not unit_fits("About how many registered members did the portal have?", "人次")


def test_the_rest_of_a_list_is_never_the_better_worded_figure(bureaus):
    answer = bureaus.ask("乙县审计局2022年主动公开的政府信息多少条？")
    assert (answer.found, answer.value) == (True, 60)


@pytest.mark.parametrize(("text", "items"), [
    ("Together, how many penalty and compulsory-measure items did the bureau publish?",
     ["penalty", "compulsory-measure"]),
    ("Adding website updates and items posted in the city disclosure column, how many items did it publish?",
     ["website updates", "items posted in the city disclosure column"]),
    ("Counting both Party-group discussions and training sessions, how many times did it meet?",
     ["Party-group discussions", "training sessions"]),
    ("How many items did the bureau publish in 2022?", []),
])
def test_english_sum_items(text, items):
    assert english_sum_items(text) == items


YEARS = {
    "fy-2024.txt": "丰阳区应急管理局2024年政府信息公开工作年度报告\n一、总体情况\n"
                   "2024年主动公开信息300条。其中政策文件19条,监督检查信息19条,应急管理信息152条,部门动态73条。\n",
    "fy-2025.txt": "丰阳区应急管理局2025年政府信息公开工作年度报告\n一、总体情况\n"
                   "2025年主动公开信息289条。其中政策文件9条,监督检查信息19条,应急管理信息157条,部门动态49条。\n",
}


@pytest.fixture(scope="module")
def two_years(engine_over):
    return engine_over(YEARS)


def test_an_english_difference_of_one_thing_between_two_years(two_years):
    # "emergency management" is 紧急应变 to the dictionary, 应急 in the reports (glossary words of each word)
    answer = two_years.ask("How many more emergency-management items did Fengyang district's emergency bureau "
                           "publish in 2025 than in 2024?")
    assert (answer.found, answer.value, answer.unit) == (True, 5, "条")


def test_jiqi_joins_the_words_of_one_item():
    from reportqa.answering.extractive import sum_items

    assert sum_items("公开的机构设置和机构领导及其分工信息一共几条") == ["公开的机构设置", "机构领导及其分工信息"]


PORTAL = """丰阳省交通运输厅2010年政府信息公开工作年度报告
一、概述
2010年，丰阳省交通运输厅在推进政府信息公开方面做了以下工作。同时,我厅开发完成了23项交通行政许可事项的在线办理,目前已经正式挂网。目前,网站的日平均访问量实现8000人次,注册会员800余人。
"""


@pytest.fixture(scope="module")
def portal(engine_over):
    return engine_over({"fengyang-jtt-2010.txt": PORTAL})


def test_registered_members_are_people_not_visits(portal):
    answer = portal.ask("About how many registered members did the Fengyang provincial transport department's portal "
                        "have in 2010?")
    assert (answer.found, answer.value, answer.unit) == (True, 800, "人")


def test_a_question_naming_only_proactive_disclosure_is_no_figure_of_another_thing(portal):
    # the text gives no count of disclosed items: 23项 are licensing procedures put online
    answer = portal.ask("How many items did the Fengyang provincial transport department proactively disclose in 2010?")
    assert answer.value is None

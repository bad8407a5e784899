"""A question naming nothing narrower than "information published" is answered by the report's one bare figure of
all it published (a real engine over made-up reports)."""

import pytest

from reportqa.answering.bare_words import is_bare
from reportqa.answering.overall import everything_published

TOWN = """2022年庚岭镇政府信息公开工作年度报告
一、总体情况
2022年，全镇政府信息公开566条，一是利用县政府门户网站公开政务信息38条；二是通过微信等发布信息168条。
"""
TWO_BARE = """2022年辛河镇政府信息公开工作年度报告
一、总体情况
2022年，全镇政府信息公开300条。全年主动公开政府信息280条，通过网站公开信息120条。
"""


@pytest.fixture(scope="module")
def towns(engine_over):
    return engine_over({"gengling-2022.txt": TOWN, "xinhe-2022.txt": TWO_BARE})


def test_a_bare_question_is_answered_by_the_bare_figure(towns):
    answer = towns.ask("庚岭镇2022年公开政府信息多少条?")
    assert (answer.found, answer.value, answer.unit) == (True, 566, "条")
    assert "全镇政府信息公开" in answer.text


def test_a_channel_named_is_no_bare_question(towns):
    assert towns.ask("庚岭镇2022年通过微信发布信息多少条?").value == 168


def test_two_different_bare_figures_give_no_figure(towns):
    # 300 (全镇政府信息公开) or 280 (全年主动公开政府信息): which one a bare question means is unknown
    answerer = towns.answerer
    ask = answerer.prepare("辛河镇2022年公开政府信息多少条?")
    ids = [r.id for r in ask.scope.reports]
    assert everything_published(ask.q, ask.topic, answerer.facts.by_report, answerer.reports, ids) is None
    ask = answerer.prepare("庚岭镇2022年公开政府信息多少条?")
    ids = [r.id for r in ask.scope.reports]
    assert everything_published(ask.q, ask.topic, answerer.facts.by_report, answerer.reports, ids).value == 566


@pytest.mark.parametrize("text, bare", [
    ("全镇政府信息公开", True), ("全年主动公开政府信息", True), ("我局共公开政务信息", True),
    ("我馆主动公开信息", True), ("通过网站公开信息", False), ("收到政府信息公开申请", False),
    ("公开政府信息多少条?", True),
])
def test_bare_words(text, bare):
    assert is_bare(text) is bare


STREET = """2020年壬城街道办事处政府信息公开工作年度报告
一、总体情况
（二）信息公开及平台建设情况
1.固定宣传栏信息公开
做好日常公开信息报道工作,街道宣传栏公开信息每季度更新1次,包括党务公开栏、文化宣传栏、政务公开栏等,全年共公开信息200条。
2.政府网站信息公开
及时更新维护政府信息公开网上管理系统,从2020年1月至12月全年公开信息18条,分别包括政府领导信息3条、卫生类3条。
"""
BUREAU = """癸州市文化旅游广电局2021年政府信息公开年度报告
一、总体情况
2021年,我局共发布各类政务信息1634条,其中局官方网站发布922条。政策解读发布信息29条。本单位到目前累计主动公开政府信息3000条。
"""


@pytest.fixture(scope="module")
def bare_labels(engine_over):
    return engine_over({"rencheng-2020.txt": STREET, "guizhou-2021.txt": BUREAU})


def test_a_bare_label_is_about_its_clause_before_and_its_heading(bare_labels):
    # 全年共公开信息200条 is the bulletin boards' (宣传栏), 全年公开信息18条 the website's (its heading)
    answer = bare_labels.ask("How many items did the Rencheng subdistrict office publish on its bulletin boards "
                             "in 2020?")
    assert (answer.found, answer.value, answer.unit) == (True, 200, "条")
    assert bare_labels.ask("壬城街道办事处2020年在政府网站公开信息多少条？").value == 18
    # 每季度更新1次 is how often, never how many items
    assert bare_labels.ask("壬城街道2020年宣传栏公开信息与政府网站公开信息合计多少条？").value == 218


def test_all_a_body_published_is_its_bare_figure_not_a_kind_of_it(bare_labels):
    answer = bare_labels.ask("How many government-affairs items in total did the Guizhou culture, tourism, radio and "
                             "TV bureau publish in 2021?")
    assert (answer.found, answer.value, answer.unit) == (True, 1634, "条")  # not 政策解读发布信息29条


def test_a_running_total_up_to_now_is_no_years_figure(bare_labels):
    answer = bare_labels.ask("癸州市文化旅游广电局2021年主动公开政府信息多少条？")
    assert answer.value != 3000  # 到目前累计: up to now, not the year's


PARK_TOWN = """2024年柏溪镇人民政府政府信息公开工作年度报告
一、总体情况
（一）主动公开情况
2024年以来,通过县政府政务网站、新媒体平台、宣传栏等方式主动公开柏溪镇政府信息共412条。门户网站主动公开政府信息9条。
"""


def test_a_bare_figure_may_name_every_way_it_was_published_by_and_the_body_itself(engine_over):
    """"通过…等方式主动公开柏溪镇政府信息412条": every channel at once, and the body's own place, say nothing of what
    was published; "in total" after the verb names nothing either."""
    town = engine_over({"baixi-2024.txt": PARK_TOWN})
    answer = town.ask("How many items of government information did Baixi town disclose in 2024 in total?")
    assert (answer.found, answer.value) == (True, 412)


LISTS = {
    "qingtong-2022.txt": "青桐区商务委员会2022年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开\n"
                         "2022年,坚持“以公开为常态”的原则,在区政府网本委小首页主动公开2022年印发的规范性文件及解读材料、"
                         "项目资金使用情况、生活必需品价格运行情况分析、信件办理等政府信息共104条。其中,政府信息公开指南1条。\n",
    "shiba-2025.txt": "青桐区十八里镇2025年政府信息公开工作年度报告\n一、总体情况\n2025年,全年通过政府信息公开平台"
                      "主动公开政府信息 612条,公开内容涵盖政策文件、社会救助等重点领域。其中,政策文件类信息 86条,"
                      "民生保障、社会救助、就业创业等信息 214条。\n",
}


@pytest.fixture(scope="module")
def lists(engine_over):
    return engine_over(LISTS)


def test_a_label_cut_to_the_kinds_its_clause_published_is_everything_published(lists):
    answer = lists.ask("How many government information items did the Qingtong district commerce commission "
                       "proactively disclose in 2022?")
    assert (answer.found, answer.value) == (True, 104), answer.text


def test_kinds_counted_out_after_qizhong_are_a_part_not_everything(lists):
    answer = lists.ask("青桐区十八里镇2025年主动公开政府信息多少条？")
    assert (answer.found, answer.value) == (True, 612), answer.text

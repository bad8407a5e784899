"""A question naming nothing narrower than "information published" is answered by the report's one bare figure of
all it published (a real engine over made-up reports)."""

import pytest

from reportqa.answering.overall import everything_published, is_bare

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
    ("通过网站公开信息", False), ("收到政府信息公开申请", False), ("公开政府信息多少条?", True),
])
def test_bare_words(text, bare):
    assert is_bare(text) is bare

"""A figure that counts more than the question asks is no answer: the thing glossed in the reports' words, a subject
the counted ones concern (涉及…), what they were (original), a table's measure, or one of things counted together
(a real engine over made-up reports)."""

import pytest

TOWN = """2023年青禾镇政府信息公开工作年度报告
一、总体情况
（一）主动公开情况
全年通过镇政府网站公开信息120条，公示栏公开信息15条，其中涉及民生保障8条。
全年通过官方政务新媒体矩阵，包括“青禾发布”微博和微信公众号，累计发布各类信息900余条。
“青禾发布”微信公众号发布转载信息210条。
全年主动公开行政处罚类信息33条。
全年通过政府门户网站、政务新媒体等平台,累计发布各类信息158条(其中政府门户网站公开信息92条,政务新媒体发布信息66条)。
（二）依申请公开情况
全年受理政府信息公开申请4件，均在法定时限内予以答复。
（三）监督保障
据统计，全年在门户网站主页要闻、便民公告等栏目发布各类信息300条。
"""


@pytest.fixture(scope="module")
def town(engine_over):
    return engine_over({"qinghe-2023.txt": TOWN})


@pytest.mark.parametrize("question", [
    "How many of Qinghe town's 2023 information requests were fully granted (予以公开)?",  # only 予以答复 is written
    "青禾镇2023年公示栏公开信息中有多少条涉及安全生产？",  # 涉及民生保障 is written, not 安全生产
    "How many of Qinghe town's 2023 WeChat posts were original rather than reposted?",  # 转载 210, no 原创
    "How many items did Qinghe town post on Weibo alone in 2023?",  # 微博和微信 together: 900
    "青禾镇2023年行政处罚的本年处理决定数量是多少？",  # 行政处罚类信息 counts items published
])
def test_a_figure_of_more_than_is_asked_gives_no_figure(town, question):
    answer = town.ask(question)
    assert not answer.found or answer.value is None, answer.text


def test_what_the_figure_does_say_is_still_answered(town):
    assert town.ask("青禾镇2023年公示栏公开信息中有多少条涉及民生保障？").value == 8
    assert town.ask("How many reposted items did Qinghe town's WeChat account publish in 2023?").value == 210
    # a part listed under the whole, named by the glossary's words for the English ("government new media": 政务新媒体)
    assert town.ask("How many items did Qinghe town publish on government new media in 2023?").value == 66


def test_a_lawsuit_question_is_not_answered_by_a_website_figure(town):
    answer = town.ask("How many lawsuits over information disclosure did Qinghe town face in 2023?")
    assert answer.value != 300

"""An English thing read by its words: a hyphenated compound kept whole, the glossary's adjective and base verb,
document items counted as documents; a figure read by meaning that names nothing of the requests asked is no answer;
a rough figure in 万 keeps its mark (a real engine over made-up reports)."""

import pytest

ECOLOGY_2020 = """南湖市生态环境局2020年政府信息公开工作年度报告
依据《中华人民共和国政府信息公开条例》第五十条之规定,由南湖市生态环境局制作本报告。
一、总体情况
(一)主动公开。2020年1至12月主动公开部门文件类信息150份,依申请公开300条。政务动态类信息900份。行政执法类信息1200条,\
财政预决算信息5份。依申请公开办理80件申请,76件办结,4件正在办理。
"""

SCHOOL_2017 = """本报告根据《南湖海洋大学信息公开实施细则》和2016-2017学年学校各部门的信息公开工作情况编制。
一、概述
2016-2017学年,南湖海洋大学充分利用官方网站公开信息。
二、主动公开情况
学校官方网站共公开信息800条。目前,学校官方微博拥有粉丝6万余人,官方微信拥有粉丝5万余人。
"""

PREFECTURE_2015 = """北湖州人民政府2015年政府信息公开工作年度报告
一、概述
2015年,北湖州人民政府围绕主动公开、重点领域信息公开、依申请公开等方面扎实开展政府信息公开工作,积极组织全州500个\
各级政府信息公开主体单位,累计通过各种渠道、形式公开政府信息40000条,信息公开覆盖面进一步扩大。
"""

# the other platform's figure written with the school's name, the asked one's without it
COLLEGE_2018 = """本报告根据《西岭理工大学信息公开实施细则》和2017-2018学年学校各部门的信息公开工作情况编制。
一、概述
2017-2018学年,西岭理工大学充分利用官方网站公开信息。
二、主动公开情况
学校官方网站共公开信息600条。目前,学校官方微博拥有粉丝31000余人,官方微信拥有粉丝24000余人。
"""


@pytest.fixture(scope="module")
def reports(engine_over):
    return engine_over({"nanhu-sthjj-2020.txt": ECOLOGY_2020, "nanhu-hydx-2017.txt": SCHOOL_2017,
                        "beihu-zhou-2015.txt": PREFECTURE_2015, "xiling-lgdx-2018.txt": COLLEGE_2018})


@pytest.mark.parametrize("question,value,unit", [
    # "law-enforcement" stays one term (执法), not "administrative law" (行政法) and "enforcement"
    ("How many administrative law-enforcement items did the Nanhu ecology and environment bureau publish in 2020?",
     1200, "条"),
    # "departmental" is 部门 (the dictionary gives only 本位主义); the months (1至12月) are no word of the label
    ("How many departmental document items did the Nanhu ecology and environment bureau disclose proactively in "
     "2020?", 150, "份"),
    # "handle" is 办理: the requests handled, not the items disclosed on request
    ("How many information requests did the Nanhu ecology and environment bureau handle in 2020?", 80, "件"),
])
def test_the_figure_asked(reports, question, value, unit):
    answer = reports.ask(question)
    assert (answer.found, answer.value, answer.unit) == (True, value, unit), answer.text


def test_the_accounts_own_followers_roughly_as_printed(reports):
    answer = reports.ask("南湖海洋大学2016-2017学年学校官方微信大约有多少粉丝?")
    assert (answer.value, answer.unit) == (5, "万人") and "5万余人" in answer.text, answer.text


def test_a_figure_of_another_platform_is_passed_over_for_the_one_asked(reports):
    # 学校官方微博拥有粉丝 shares 学校 with the question; 官方微信拥有粉丝 names the platform asked
    answer = reports.ask("西岭理工大学2017-2018学年学校官方微信大约有多少粉丝?")
    assert (answer.value, answer.unit) == (24000, "人") and "24000余人" in answer.text, answer.text


@pytest.mark.parametrize("question", [
    # nothing of requests is said where 40000 items are counted (依申请公开 named earlier in the sentence)
    "How many government information requests did the Beihu prefecture government receive in 2015?",
])
def test_no_figure_of_another_thing(reports, question):
    answer = reports.ask(question)
    assert answer.value is None, answer.text

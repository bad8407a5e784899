""""How many of its consultations were made online": the part the predicate sets apart, and the whole that holds it
when the question takes it out; 非 before the words of a figure; the roughness of an input carried to a result (a
real engine over made-up reports)."""

from decimal import Decimal

import pytest

STATISTICS_2013 = """北川县统计局2013年度政务信息公开工作报告
一、主动公开政府信息的情况
全年共公开各类信息300余条。
二、依申请公开和咨询情况
2013年,县统计局十分重视公众查询的受理和答复,全年共受理和答复政府信息公开查询50余人次。其中电话查询12人次。
全年共受理政府信息依申请公开40件,其中3件结转下一年度办理,其余全部按时办结。
"""

# made-up: a whole with its parts listed by who set them up, and two things a city handled, neither over the other
PREFECTURE_2016 = """阿坝州人民政府2016年政府信息公开工作年度报告
一、概述
2016年,全州各级政府部门利用档案馆、图书馆等资源,共建立开放58个政府信息公开查阅点(其中县市19个、州直各部门39个)。
二、主动公开情况
全年主动公开政府信息4210条。本年度办理行政许可3150件,行政处罚250件。
"""


@pytest.fixture(scope="module")
def reports(engine_over):
    return engine_over({"beichuan-tjj-2013.txt": STATISTICS_2013, "aba-zf-2016.txt": PREFECTURE_2016})


@pytest.mark.parametrize("question,value,unit", [
    # the part the predicate names ("made by telephone": 电话查询), the head noun the whole's ("inquiries")
    ("How many of the Beichuan county statistics bureau's 2013 disclosure inquiries were made by telephone?", 12,
     "人次"),
    # a whole named by a bare noun is the figure its sentence lists the other under (查询50余人次, 其中电话查询)
    ("Roughly how many of the Beichuan county statistics bureau's 2013 inquiries were not made by telephone?", 38,
     "人次"),
    # 结转下一年度 is 结转下年度 written out
    ("How many of the Beichuan county statistics bureau's 2013 requests were carried over to the next year?", 3, "件"),
    # the whole written first ("Of the reading points …, how many were …"): the one part listed under it that the
    # predicate's words name (部门 of "departments"), not the whole
    ("Of the reading points in Aba prefecture (Sichuan) in 2016, how many were set up by prefecture-level "
     "departments?", 39, "个"),
    ("How many of Aba prefecture's 2016 reading points were set up by prefecture-level departments?", 39, "个"),
    # "Of A and B, what share were B": the whole is both added up (250 / (3150 + 250)), "handled" no third thing
    ("Of the licences and penalties Aba prefecture (Sichuan) handled in 2016, what share were administrative "
     "penalties?", Decimal("7.35"), "%"),
])
def test_the_figure_asked(reports, question, value, unit):
    answer = reports.ask(question)
    assert (answer.found, answer.value, answer.unit) == (True, value, unit), answer.text


def test_a_result_worked_out_from_a_rough_figure_says_so(reports):
    answer = reports.ask("Roughly how many of the Beichuan county statistics bureau's 2013 inquiries were not made "
                         "by telephone?")
    assert "50余人次" in answer.text and "rough" in answer.text


def test_the_figure_of_what_the_question_sets_apart_by_fei_is_no_answer(reports):
    answer = reports.ask("2013年北川县统计局非电话查询大约多少人次?")
    assert answer.value != 12, answer.text


def test_a_light_verb_of_the_predicate_is_no_word_of_the_part_and_that_opens_what_modifies_it():
    from reportqa.answering.meaning import asked_phrase
    from reportqa.answering.translation import english_terms, head_term
    from reportqa.questions import parse_question

    q = parse_question("How many of the bureau's 2013 disclosure inquiries were made by telephone?")
    phrase = asked_phrase(q, where=True)
    assert phrase == "disclosure inquiries that were by telephone"
    terms, missing = english_terms(phrase)
    assert not missing and terms[head_term(phrase, terms)].english in ("inquiries", "inquiry")

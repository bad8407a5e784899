"""A sum or difference over reports the question names one by one, each answered alone (a real engine over two
made-up town reports that state their totals in their own words)."""

from decimal import Decimal

import pytest

TOWN_A = """2016年甲溪镇政府信息公开工作年度报告
一、概述
2016年，甲溪镇认真贯彻落实《中华人民共和国政府信息公开条例》。
二、主动公开情况
2016年度共主动公开政府信息25条，在主动公开的信息中，工作动态信息5条，财政预决算信息19条。
"""
TOWN_B = """2016年乙山乡政府信息公开工作年度报告
一、概述
2016年，乙山乡坚持以公开为原则、不公开为例外。
二、主动公开信息情况
2016年我乡通过政府门户网站主动公开信息138条。其中：概况3条，政策文件信息31条，工作动态信息80条。
"""


@pytest.fixture(scope="module")
def towns(engine_over):
    return engine_over({"town-a.txt": TOWN_A, "town-b.txt": TOWN_B})


def test_a_sum_over_two_named_reports_adds_what_each_states_in_its_own_words(towns):
    answer = towns.ask("2016年甲溪镇和乙山乡合计主动公开了多少条信息？")
    assert (answer.found, answer.value, answer.unit) == (True, 163, "条")
    assert "25" in answer.text and "138" in answer.text


def test_a_difference_between_two_named_reports_is_the_first_less_the_second(towns):
    answer = towns.ask("2016年乙山乡主动公开的信息比甲溪镇多多少条？")
    assert (answer.found, answer.value, answer.unit) == (True, 113, "条")


def test_no_sum_when_one_named_report_does_not_give_the_figure(towns):
    answer = towns.ask("2016年甲溪镇和乙山乡的概况信息一共多少条？")  # only 乙山乡 gives 概况
    assert not answer.found and answer.value is None


TOWN_C = """2016年丙河镇政府信息公开工作年度报告
一、概述
2016年，丙河镇坚持以公开为原则。
二、主动公开情况
2016年我镇通过网站公开信息90条，内容包括工作动态60条、法定主动公开内容20条。
"""


@pytest.fixture(scope="module")
def three_towns(engine_over):
    return engine_over({"town-a.txt": TOWN_A, "town-b.txt": TOWN_B, "town-c.txt": TOWN_C})


def test_each_side_of_a_comparison_is_asked_with_its_own_words(three_towns):
    # 甲溪镇's side asks its proactive total, 乙山乡's side what it put on the portal
    answer = three_towns.ask("2016年乙山乡通过政府门户网站公开的信息比甲溪镇主动公开的多多少条？")
    assert (answer.found, answer.value, answer.unit) == (True, 113, "条")


def test_a_part_listed_under_a_whole_is_no_answer_for_the_whole(three_towns):
    answer = three_towns.ask("2016年丙河镇主动公开了多少条信息？")
    assert (answer.found, answer.value) == (True, 90)  # not 法定主动公开内容 20
    assert three_towns.ask("2016年丙河镇法定主动公开内容有多少条？").value == 20


def test_bare_items_published_in_english_are_the_proactive_total(three_towns):
    answer = three_towns.ask("How many more items did Bingshan Township publish than Jiaxi Town in 2016?")
    assert answer.found is False or answer.value is None  # no such township: nothing made up
    answer = three_towns.ask("How many more items did Yishan Township publish than Jiaxi Town in 2016?")
    assert (answer.found, answer.value, answer.unit) == (True, 113, "条")


JILIN = """甲市应急管理局2020年政府信息公开工作年度报告
一、总体情况
坚持公开为常态，全年在政府信息公开专栏上公开信息55条，其中政策法规类1条，综合政务类27条。
"""
SHISHI = """乙市农业农村局2021年政府信息公开工作年度报告
一、总体情况
2021年度主动公开政府信息16条，其中主动公开规范性文件类信息8条。
"""


@pytest.fixture(scope="module")
def two_bodies(engine_over):
    return engine_over({"jia-2020.txt": JILIN, "yi-2021.txt": SHISHI})


def test_a_sum_over_two_bodies_and_their_years_asks_each_for_its_own_total_not_a_column(two_bodies):
    # 合计 adds the two reports up: it asks neither report for a 总计 column
    answer = two_bodies.ask("甲市应急管理局2020年和乙市农业农村局2021年主动公开的信息合计多少条？")
    assert (answer.found, answer.value, answer.unit) == (True, 71, "条")


BODY_2024 = """丰阳区应急管理局2024年政府信息公开工作年度报告
一、总体情况
全年主动公开信息50条，其中监督检查信息19条。收到政府信息公开申请3件。
"""
BODY_2025 = """丰阳区应急管理局2025年政府信息公开工作年度报告
一、总体情况
全年主动公开信息60条，其中监督检查信息19条。收到政府信息公开申请2件。
"""


@pytest.fixture(scope="module")
def two_years(engine_over):
    return engine_over({"fy-2024.txt": BODY_2024, "fy-2025.txt": BODY_2025})


def test_a_sums_heji_asks_no_requests_of_each_year(two_years):
    # 合计 is the sum's word, no applicant column: the question asks the inspection items, not the requests
    answer = two_years.ask("丰阳区应急管理局2024年和2025年的监督检查信息合计多少条？")
    assert (answer.found, answer.value, answer.unit) == (True, 38, "条")


HEALTH = """丁州市卫生健康委员会2020年政府信息公开工作年度报告
一、总体情况
2020年，充分发挥网站作用，在网站共发送各类信息4409条，网站发布疫情防控信息507篇，微信公众号推送信息380条。
"""
ZONE = """戊山经济技术开发区2023年政府信息公开工作年度报告
一、总体情况
（一）主动公开方面。通过经开区门户网站发布信息5916条，微信公众号发布信息2560条。
"""
JUSTICE = """己县司法局2022年政府信息公开工作年度报告
一、总体情况
2022年全年办理政府信息公开申请7件，其中自然人6件。微信公众号发布信息736条。
"""


@pytest.fixture(scope="module")
def three_bodies(engine_over):
    return engine_over({"ding-2020.txt": HEALTH, "wu-2023.txt": ZONE, "ji-2022.txt": JUSTICE})


def test_each_part_of_a_sum_over_two_reports_is_asked_in_its_own_words(three_bodies):
    # 网站发布各类信息数 of one body and 门户网站发布信息数 of the other: each side its own figure (not the
    # 疫情防控 articles of the first, counted in 篇)
    answer = three_bodies.ask("丁州市卫健委2020年网站发布各类信息数与戊山经开区2023年门户网站发布信息数合计多少条？")
    assert (answer.found, answer.value, answer.unit) == (True, 10325, "条")


def test_a_difference_of_two_bodies_each_in_its_own_year_compares_the_two_reports(three_bodies):
    # two years named, one for each body: not one body's figure in two years
    answer = three_bodies.ask("How many more WeChat posts did the Wushan development zone publish in 2023 than "
                              "the Ji County justice bureau in 2022?")
    assert (answer.found, answer.value, answer.unit) == (True, 1824, "条")


def test_which_of_two_bodies_did_more_asks_the_same_thing_of_each(three_bodies):
    answer = three_bodies.ask("Which posted more on WeChat: the Wushan development zone in 2023 or the Ji County "
                              "justice bureau in 2022? Give how many more posts the larger one made.")
    assert (answer.found, answer.value, answer.unit) == (True, 1824, "条")


BUREAU_2022 = """花溪区司法局2022年政府信息公开工作年度报告
一、总体情况
（一）主动公开
2022年我局发布政府信息252条，主要内容涵盖政策法规、公共法律服务等22类大项。
（二）依申请公开
全年收到政府信息公开申请6件。
"""
BUREAU_2021 = """龙泉区司法局2021年政府信息公开工作年度报告
一、总体情况
（一）政府信息公开情况
及时公开政策法规、业务工作、办事指南、工作动态等政府信息16条。
（二）依申请公开
2021年度我局受理依申请公开信息申请0条。
"""


@pytest.fixture(scope="module")
def two_bureaus(engine_over):
    return engine_over({"huaxi-sfj-2022.txt": BUREAU_2022, "longquan-sfj-2021.txt": BUREAU_2021})


def test_the_second_side_that_names_no_thing_counts_the_first_sides(two_bureaus):
    """"A 2022年发布的政府信息比B 2021年多多少条": B's side is asked for A's thing; B's figure is its bare one, kinds
    listed as examples of all it published (政策法规、…等政府信息)."""
    answer = two_bureaus.ask("花溪区司法局2022年发布的政府信息比龙泉区司法局2021年多多少条？")
    assert (answer.found, answer.value) == (True, 236)
    english = two_bureaus.ask("How many more items of government information did the Huaxi justice bureau publish in "
                              "2022 than the Longquan justice bureau did in 2021?")
    assert (english.found, english.value) == (True, 236)


def test_requests_counted_in_jian_and_in_tiao_are_compared_and_each_unit_is_said(two_bureaus):
    answer = two_bureaus.ask("花溪区司法局2022年收到的信息公开申请比龙泉区司法局2021年多多少件？")
    assert (answer.found, answer.value, answer.unit) == (True, 6, "件")
    assert "以“条”计" in answer.text


SPAN = {
    "sz-2022.txt": "宁州市政府办公室2022年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开情况\n"
                   "市政府门户网站共采编发布各类信息1800条。\n",
    "sz-2023.txt": "宁州市人民政府办公室2023年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开情况\n"
                   "全年共在市政府门户网站发布政府信息3600条。\n",
    "sz-2024.txt": "宁州市人民政府办公室2024年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开情况\n"
                   "全年共在市政府门户网站发布政府信息1100条。\n",
}


@pytest.fixture(scope="module")
def three_years(engine_over):
    return engine_over(SPAN)


def test_a_sum_over_a_span_of_years_adds_every_years_report(three_years):
    """"2022年至2024年三年合计": 2023 too, though the question never writes it; one body under two names."""
    answer = three_years.ask("宁州市政府门户网站2022年至2024年三年合计发布信息多少条？")
    assert (answer.found, answer.value, answer.unit) == (True, 6500, "条")


COLUMN_YEARS = {
    "hg-2023.txt": "海港经济技术开发区管理委员会2023年政府信息公开工作年度报告\n一、总体情况\n（一）积极推进主动公开\n"
                   "2023年政府信息公开栏目共计发布信息415条。\n",
    "hg-2024.txt": "海港经济技术开发区管理委员会2024年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开情况\n"
                   "本年度政府信息公开栏目共计发布信息376条,其中“政府文件”栏目公开区级文件信息23条。\n",
}


@pytest.fixture(scope="module")
def column_years(engine_over):
    return engine_over(COLUMN_YEARS)


def test_two_years_listed_before_gong_are_added(column_years):
    answer = column_years.ask("海港经济技术开发区管委会2023年和2024年政府信息公开栏目共发布多少条信息？")
    assert (answer.found, answer.value) == (True, 791)


def test_a_change_between_two_years_keeps_its_sign(column_years):
    answer = column_years.ask("By how much did the number of items posted in the Haigang development zone's "
                              "disclosure column change from 2023 to 2024?")
    assert (answer.found, answer.value) == (True, -39)
    answer = column_years.ask("What was the percentage change in posts to the Haigang development zone disclosure "
                              "column between 2023 and 2024?")
    assert (answer.found, answer.value, answer.unit) == (True, Decimal("-9.40"), "%")


def test_a_column_named_government_documents_is_no_government(column_years):
    answer = column_years.ask("2024年海港经济技术开发区“政府文件”栏目公开了多少条区级文件信息？")
    assert (answer.found, answer.value) == (True, 23)


AUDIT = """东湖区审计局2023年政府信息公开工作年度报告
一、总体情况
（一）主动公开政府信息情况
截止2023年12月31日,全年累计公开各类信息37条,其中:通过东湖区网站发布审计动态29条,审计结果1条,审计公开2条。
（二）依申请公开
全年收到政府信息公开申请4件。
"""
PARK = """宁州市生物医药综合产业园区管委会2023年政府信息公开工作年度报告
一、总体情况
（一）主动公开情况
门户网站全年公开信息共计201条,其中招商引资信息54条。
（二）依申请公开
2023年收到和处理信息公开申请共计15份。
"""


@pytest.fixture(scope="module")
def park_and_audit(engine_over):
    return engine_over({"dh-sjj-2023.txt": AUDIT, "nz-park-2023.txt": PARK})


def test_each_side_naming_its_own_thing_is_read_in_its_own_report(park_and_audit):
    """The park's side asks its portal's figure, the bureau's side its plain total (37), not its portal's (29)."""
    answer = park_and_audit.ask("宁州生物医药产业园区管委会2023年门户网站公开信息比东湖区审计局2023年公开信息"
                                "多多少条？")
    assert (answer.found, answer.value) == (True, 164)


def test_requests_counted_in_fen_are_compared_with_requests_in_jian(park_and_audit):
    answer = park_and_audit.ask("How many more information requests did the Ningzhou park committee handle "
                                "in 2023 than the Donghu audit bureau received?")
    assert (answer.found, answer.value, answer.unit) == (True, 11, "件")
    assert "份" in answer.text


def test_how_many_items_of_one_side_is_asked_of_the_other(park_and_audit):
    answer = park_and_audit.ask("How many more items did the Ningzhou park committee disclose on its portal "
                                "in 2023 than the Donghu audit bureau did in 2023?")
    assert (answer.found, answer.value) == (True, 172), answer.text  # portal against portal: 201 − 29


def test_a_multiple_of_two_named_reports_is_the_first_over_the_second_to_two_decimals(towns):
    answer = towns.ask("2016年乙山乡主动公开的信息是甲溪镇的多少倍？")
    assert (answer.found, answer.value, answer.unit) == (True, Decimal("5.52"), "倍")
    assert "138" in answer.text and "25" in answer.text


def test_an_english_multiple_reads_its_two_sides_as_a_comparison(towns):
    answer = towns.ask("How many times as many items did Yishan township disclose in 2016 as Jiaxi town in 2016?")
    assert (answer.found, answer.value, answer.unit) == (True, Decimal("5.52"), "倍")


def test_a_second_side_without_a_verb_counts_what_the_first_side_did(towns):
    answer = towns.ask("How many more items did Yishan township disclose in 2016 than Jiaxi town in 2016?")
    assert (answer.found, answer.value, answer.unit) == (True, 113, "条")


def test_one_bodys_disclosures_exceeding_anothers_reads_each_side_alone(towns):
    answer = towns.ask("By how many items did Yishan township's 2016 disclosures exceed Jiaxi town's 2016 disclosures?")
    assert (answer.found, answer.value, answer.unit) == (True, 113, "条")


def test_a_multiple_of_a_figure_one_side_does_not_give_is_no_answer(towns):
    answer = towns.ask("2016年乙山乡的概况信息是甲溪镇概况信息的多少倍？")  # only 乙山乡 gives 概况
    assert not answer.found and answer.value is None


@pytest.mark.parametrize("text", [
    "How many more items did Yishan township disclose in 2016 than Jiaxi town did in the same year?",
    "How many more items did Yishan township disclose in 2016 than Jiaxi town published in 2016 (both made up)?",
    "How many more items did Yishan township disclose than Jiaxi town, both in 2016?",
])
def test_a_second_side_with_its_own_verb_a_year_said_once_or_a_note_is_asked_in_the_first_sides_words(towns, text):
    answer = towns.ask(text)
    assert (answer.found, answer.value, answer.unit) == (True, 113, "条")


def test_the_second_side_is_rewritten_as_a_question_of_its_own():
    from reportqa.answering.apart import _second_side_en

    first = "How many items did the Changji bureau disclose in 2020"
    assert _second_side_en(first, " the Hongqiao bureau did in the same year?") == \
        "did the Hongqiao bureau disclose in 2020?"
    assert _second_side_en(first, " Sanyi town (Anhui) published in 2022?") == "did Sanyi town publish in 2022?"
    assert _second_side_en(first, " the Changzhi centre had compiled by the end of 2016?") == \
        "had the Changzhi centre compiled by the end of 2016?"


def test_a_past_verb_is_asked_in_its_base_form():
    from reportqa.answering.apart import _base_form

    assert [_base_form(v) for v in ("published", "disclosed", "handled", "received", "posted", "replied",
                                    "processed", "proactively disclosed")] == \
        ["publish", "disclose", "handle", "receive", "post", "reply", "process", "proactively disclose"]

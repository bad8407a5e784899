"""Figures a report lists one after the other in running text: the item asked by its own name, sums and shares of the
items a question lists, a platform or a level named in English, a unit printed with a second measure word, and the
figure a question leaves out (a real engine over made-up reports)."""

import pytest

WATER_2022 = """青禾县水务局2022年政府信息公开工作年度报告
一、总体情况
（一）主动公开情况
2022年,县水务局网站发布工作动态210余条,通知公告14条,政策文件9条,党建工作信息25条。
政府门户网站共更新发布各类水利发展信息31条,通知公告12条,“双随机、一公开”5条。
全年在国家级媒体发稿3篇,省级媒体发稿11篇,市级媒体发稿40篇。
在报刊和电视台等各级媒体平台开展宣传,其中在中央级媒体报道6篇(条)、省级媒体报道21篇(条)。
微信公众号发布88条,官方微博发布70条,官方抖音发布12条。
主动公开政府信息,主要类别:机构概况3条,人事信息7条,财政预决算信息40条。
截止2022年12月末,累计主动公开政府信息的数量为530条。
人大建议和政协提案办理共计9件,其中人大建议办理5件,政协提案办理4件。
通过县政府网“法定主动公开内容栏目”公开信息6条,通过水务信息公开专栏公开信息20条。
（二）依申请公开情况
2022年,我局办理依申请公开事项8件,其中网络申请6件,信函申请2件。
"""

WATER_2021 = """青禾县水务局2021年政府信息公开工作年度报告
一、总体情况
（一）主动公开情况
主动公开政府信息,主要类别:机构概况3条,人事信息2条,财政预决算信息32条。
（二）依申请公开情况
2021年,我局办理依申请公开事项5件,其中网络申请5件。
"""


@pytest.fixture(scope="module")
def water(engine_over):
    return engine_over({"qinghe-water-2022.txt": WATER_2022, "qinghe-water-2021.txt": WATER_2021})


@pytest.mark.parametrize("question,value", [
    # the list's first item carries the channel and the verb; a later item is asked by its own name
    ("青禾县水务局2022年网站发布通知公告多少条？", 14),
    ("青禾县水务局2022年网站发布党建工作信息多少条？", 25),  # (党建: 建 is no verb here)
    ("青禾县水务局2022年网站发布工作动态多少条？", 210),  # what the first item counts, asked by name
    ("青禾县水务局2022年在政府门户网站更新发布通知公告多少条？", 12),
    ("How many 'double random, one public' items did the Qinghe county water bureau post on the government portal "
     "in 2022?", 5),
    # a platform named is what sets the figure apart, not "account"
    ("How many items did the Qinghe county water bureau post on its official Douyin account in 2022?", 12),
    # the items a question lists, a quoted name with 、 inside kept whole
    ("青禾县水务局2022年在政府门户网站更新发布的水利发展信息、通知公告和“双随机、一公开”信息共多少条？", 48),
    # every kind a list gives, added up when the report states no total for them
    ("青禾县水务局2022年年报列出的各类主动公开信息加起来一共多少条？", 50),
    # levels listed before the one noun they share
    ("How many articles in total did the Qinghe county water bureau publish in national, provincial and city media "
     "in 2022?", 54),
])
def test_a_listed_item_is_answered_by_its_own_figure(water, question, value):
    answer = water.ask(question)
    assert answer.found and answer.value == value, answer.text


def test_a_unit_printed_with_a_second_measure_word_is_quoted_so(water):
    answer = water.ask("青禾县水务局2022年在中央级媒体报道多少篇？")
    assert answer.value == 6 and answer.unit == "篇(条)", answer.text
    assert "6篇(条)" in answer.text


@pytest.mark.parametrize("question,value", [
    ("What share of the Qinghe county water bureau's 2022 disclosure requests came in online?", "75.00"),
    ("By how many did the Qinghe county water bureau's disclosure requests change from 2021 to 2022?", "3"),
    ("How many more personnel information items did the Qinghe county water bureau publish in 2022 than in 2021?",
     "5"),
    ("By what percentage did the Qinghe county water bureau's budget and final-accounts items grow from 2021 to "
     "2022?", "25.00"),
])
def test_shares_and_changes_of_listed_figures(water, question, value):
    answer = water.ask(question)
    assert answer.found and answer.value is not None and f"{answer.value:.2f}" == f"{float(value):.2f}", answer.text


@pytest.mark.parametrize("question", [
    "青禾县水务局2022年当年(不含以前年度累计)新增主动公开了多少条政府信息？",  # 累计…530条 is what it leaves out
    "青禾县水务局2022年主动公开的政府信息中,财政预决算以外的信息一共有多少条？",
    "Leaving aside the news items, how many items in the other listed categories did the Qinghe county water "
    "bureau's website publish in 2022?",
])
def test_the_figure_a_question_leaves_out_is_not_its_answer(water, question):
    answer = water.ask(question)
    assert answer.value not in (530, 40, 210), answer.text


@pytest.mark.parametrize("question", [
    "青禾县水务局2022年通过网格群发布信息多少条？",  # a channel the text never names
    "How many people received drought relief from the Qinghe county water bureau in 2022?",  # not requests received
    "How many of the Qinghe county water bureau's 2022 national media articles appeared in People's Daily?",
])
def test_a_thing_the_report_does_not_give_gets_no_figure(water, question):
    answer = water.ask(question)
    assert not answer.found or answer.value is None, answer.text


@pytest.mark.parametrize("question,whole", [
    # 人大建议和政协提案 together is no answer for the suggestions alone
    ("How many NPC deputies' suggestions did the Qinghe county water bureau handle in 2022?", 9),
    # one column's figure is no answer for the two columns added up
    ("青禾县水务局2022年在县政府网两个栏目共公开信息多少条？", 6),
])
def test_a_figure_of_one_thing_or_of_both_is_not_given_for_the_other(water, question, whole):
    assert water.ask(question).value != whole

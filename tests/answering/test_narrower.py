"""A figure that counts more than the question asks is no answer: the thing glossed in the reports' words, a subject
the counted ones concern (涉及…), what they were (original), a table's measure, or one of things counted together
(a real engine over made-up reports)."""

from decimal import Decimal

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


RANGES = {
    "dongling-2021.txt": "东岭区人民政府办公室2021年政府信息公开工作年度报告\n一、总体情况\n（一）加强组织领导\n"
                         "各部门、各单位高度重视政府信息公开工作,配备1至2名专(兼)职工作人员,形成工作格局。\n"
                         "（二）主动公开情况\n2021年,全区主动公开政府信息560条。\n",
    "beiyu-2023.txt": "北榆市林业和草原局2023年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开情况。2023年度,"
                      "市林草局坚持“公开为常态、不公开为例外”原则,公开局财政资金年度预算、决算信息、机关简介、"
                      "环保督察反馈意见等17条次。\n（二）依申请公开情况。2023年度,市林草局收到政府信息依申请公开3件。\n",
}


@pytest.fixture(scope="module")
def ranges(engine_over):
    return engine_over(RANGES)


def test_one_end_of_a_range_answers_only_for_that_end(ranges):
    """"配备1至2名": the most is 2 and the fewest 1; asked as a whole, the range is said, never one end of it."""
    assert ranges.ask("东岭区各部门最多配备几名专兼职工作人员？").value == 2
    assert ranges.ask("What was the minimum number of full- or part-time disclosure staff each Dongling district "
                      "department had in 2021?").value == 1
    whole = ranges.ask("东岭区2021年各部门配备了几名专兼职工作人员？")
    assert whole.value is None and "1至2名" in whole.text


def test_a_list_question_is_not_answered_with_one_figure(ranges):
    answer = ranges.ask("东岭区2021年通过哪些途径主动公开政府信息？")
    assert answer.value is None


def test_the_sections_heading_says_which_publishing_a_bare_verb_is(ranges):
    """"(一)主动公开情况 … 公开局财政资金年度预算、…等17条次": the proactive whole, its examples listed."""
    assert ranges.ask("北榆市林草局2023年主动公开了多少条次信息？").value == 17
    assert ranges.ask("How many items (条次) did the Beiyu forestry and grassland bureau disclose proactively in "
                      "2023?").value == 17


TEXT_ONLY = {
    "hz-2023.txt": "宁湖市卫生健康委员会2023年度政府信息公开工作年度报告\n一、总体情况\n（一）主动公开\n"
                   "全年媒体报道729篇。市卫生健康委网站共发布信息3972条。\n"
                   "（二）依申请公开\n2023年,我委收到政府信息公开申请44件(其中:网上申请42件,现场申请0件,邮寄2件),"
                   "上年度结转0件,本年度办结39件。\n",
    "hn-2023.txt": "海宁省商务厅2023年政府信息公开工作年度报告\n一、总体情况\n（一）大力推进主动公开\n"
                   "2023年,我厅通过门户网站发布各类信息1487条,总访问量802861次。\n",
    "lt-2024.txt": "东河旅游商贸开发区管理委员会2024年政府信息公开工作年度报告\n一、总体情况\n"
                   "（一）主动公开情况。2024年,开发区依托区政府门户网站信息公开栏目、美篇平台等多样化渠道,累计发布超235条"
                   "各类信息。\n",
}


@pytest.fixture(scope="module")
def text_only(engine_over):
    return engine_over(TEXT_ONLY)


def test_two_things_of_the_text_are_compared_without_a_table(text_only):
    answer = text_only.ask("How many more information requests did the Ninghu health commission receive in 2023 than "
                           "it completed that year?")
    assert (answer.found, answer.value, answer.unit) == (True, 5, "件")


def test_a_part_the_lexicon_names_is_not_overruled_by_its_whole(text_only):
    # "in-person": 现场申请0件, not the 44 requests it is listed under
    assert text_only.ask("How many in-person information requests did the Ninghu health commission receive in "
                         "2023?").value == 0


def test_a_total_number_of_one_thing_is_a_lookup_and_an_average_is_no_total(text_only):
    assert text_only.ask("What was the total number of visits to the Haining commerce department's website in "
                         "2023?").value == 802861
    assert text_only.ask("海宁省商务厅2023年门户网站日均访问量是多少？").value is None


def test_one_way_of_several_listed_is_not_asked_by_the_figure_of_all(text_only):
    assert text_only.ask("东河旅游商贸开发区2024年在美篇平台发布了多少条信息？").value is None
    assert text_only.ask("东河旅游商贸开发区2024年累计发布了多少条信息？").value == 235


ZONE = """2024年宁川高新区政府信息公开工作年度报告
一、总体情况
（一）主动公开情况
2024年,通过宁川高新区门户网站发布各类政务信息212件。
此外,我区微信公众号“宁川发布”2024年公开发布信息共150条,粉丝量达2900个,较上一年度上涨了800人。
做好规范性文件统一集中公开,分年度梳理汇总现行有效规范性文件41件。门户网站公开信息1500条,其中产业发展信
（二）依申请公开情况
2024年,收到公民、法人和其他组织提交的政府信息公开申请31件。当年办结30件,结转至2025年办理1件,申请撤回2件,不予公开3件。
其中,予以公开20件,不予处理1件。
"""


@pytest.fixture(scope="module")
def zone(engine_over):
    return engine_over({"ningchuan-2024.txt": ZONE})


@pytest.mark.parametrize("question", [
    "How many of the Ningchuan high-tech zone's 2024 requests came from legal persons rather than individuals?",
    "宁川高新区2024年门户网站公开的信息中产业发展信息有多少条？",  # the window ends inside the part's own figure
    "宁川高新区2024年微信公众号上一年度的粉丝量是多少？",  # 800 is the rise, not last year's following
    "How many items did the Ningchuan high-tech zone publish in 2024 across its portal and its WeChat account?",
])
def test_a_whole_or_a_change_is_no_answer_to_a_part_or_a_level(zone, question):
    answer = zone.ask(question)
    assert not answer.found or answer.value is None, answer.text


@pytest.mark.parametrize(("question", "value"), [
    ("How many disclosure requests were withdrawn by applicants at the Ningchuan high-tech zone in 2024?", 2),
    ("宁川高新区2024年的信息公开申请中，有几件决定不予公开？", 3),  # 决定 the verb of the outcome, no table measure
    ("How many of the Ningchuan high-tech zone's 2024 requests were closed as 'not processed'?", 1),
    ("截至2024年，宁川高新区梳理汇总的现行有效规范性文件有多少件？", 41),  # the year's end, no running total
    ("By how many did the Ningchuan high-tech zone's WeChat following grow in 2024?", 800),
])
def test_outcomes_and_year_end_figures_are_read_as_asked(zone, question, value):
    answer = zone.ask(question)
    assert (answer.found, answer.value) == (True, value), answer.text


TWO_CHANNELS = """2025年海岚镇政府信息公开工作年度报告
一、总体情况
（一）主动公开方面
本年度,我镇通过政府信息公开系统公开政务信息。通过门户网站、公告栏等形式,及时公开机构职能、政策法规共计32条。
（四）政府信息平台建设
海岚镇人民政府信息公开的平台主要有微信公众号、意见箱和公示栏等公开平台渠道。其中公众号全年发布信息139条。
"""


@pytest.fixture(scope="module")
def two_channels(engine_over):
    return engine_over({"hailan-2025.txt": TWO_CHANNELS})


def test_a_figure_of_another_channel_is_no_answer_for_the_one_asked(two_channels):
    answer = two_channels.ask("How many items did Hailan town disclose via the portal and notice boards in 2025?")
    assert (answer.found, answer.value) == (True, 32), answer.text
    both = two_channels.ask("How many items did Hailan town publish in 2025 across the portal and its WeChat account?")
    assert both.value != 139, both.text


COUNTY_BUREAU = """青林县林业和草原局2023年政府信息公开工作年度报告
一、总体情况
（一）主动公开方面
全年通过各类平台发布信息171条,在“青林县人民政府”网站主动公开信息14条。通过我局微信公众平台发布工作动态类信息40条,时政要闻类信息14条,新闻类信息10条。
先后召开4次新闻发布会,1次新闻通气会。
（二）依申请公开方面
畅通线上、线下5种申请渠道,工作规范化水平持续提升。2023年,共受理政府信息公开申请0件。全年收到信息公开方面的投诉举报3件。
（三）监督保障
2023年共收到政府信息公开投诉件0件。
"""


EDUCATION_BUREAU = """青禾县教育局2023年政府信息公开工作年度报告
一、总体情况
2023年共主动公开政府信息870余条,其中在“青禾教育”微信公众号主动公开信息340余条。
"""


@pytest.fixture(scope="module")
def county_bureau(engine_over):
    return engine_over({"qinglin-lcj-2023.txt": COUNTY_BUREAU, "qinghe-jyj-2023.txt": EDUCATION_BUREAU})


@pytest.mark.parametrize(("question", "value"), [
    ("青林县林草局2023年通过微信公众平台发布的三类信息合计多少条？", 64),  # the list of exactly three, added up
    ("青林县林草局畅通了几种政府信息公开申请渠道？", 5),  # 几种 asks kinds: 5种, never the 0件 of requests
    ("How many items did the Qinglin county forestry and grassland bureau publish across all platforms in 2023?", 171),
    ("青林县林草局2023年收到信息公开方面的投诉举报几件？", 3),  # the thing received is the figure's own
])
def test_counted_kinds_channels_and_every_platform_are_read_as_asked(county_bureau, question, value):
    answer = county_bureau.ask(question)
    assert (answer.found, answer.value) == (True, value), answer.text


@pytest.mark.parametrize("question", [
    "青林县林草局2023年单独收到多少件人大代表建议？",  # requests received are no suggestions received
    "Exactly how many WeChat items did the Qinghe county education bureau publish in 2023?",  # 340余条 is rough
    "How many press briefings did the Qinglin forestry bureau hold in 2023 besides its press conferences?",
    "How many government information items did the Qinglin county forestry bureau proactively disclose in 2022?",
])
def test_another_thing_a_rough_figure_or_the_thing_left_out_gives_no_figure(county_bureau, question):
    answer = county_bureau.ask(question)
    assert not answer.found or answer.value is None or answer.value not in (0, 4, 340), answer.text


def test_a_rough_figure_is_quoted_as_printed(county_bureau):
    answer = county_bureau.ask("青禾县教育局2023年主动公开政府信息多少条？")
    assert (answer.value, answer.unit) == (870, "条")
    assert "870余条" in answer.text, answer.text


NAMED_BODIES = {
    "qingshan-wsg-2021.txt": "青山省文史研究馆2021年政府信息公开年度工作报告\n二、主动公开政府信息情况\n"
                             "2021年通过门户网站公开政府信息137条,微信公众号公开政府信息70条。\n",
    "baishui-wb-2022.txt": "白水市人民政府外事办公室2022年政府信息公开工作年度报告\n一、总体情况\n"
                            "全年通过我办门户网站公开政府信息281条,其中,规范性文件3件,机关简介10项。\n",
}


@pytest.fixture(scope="module")
def named_bodies(engine_over):
    return engine_over(NAMED_BODIES)


@pytest.mark.parametrize(("question", "value"), [
    # "research institute" of the body's name is no applicant type (科研机构), "foreign" of it no foreign applicants
    ("How many government information items did the Qingshan research institute of culture and history publish "
     "on its portal in 2021?", 137),
    ("How many government information items did the Baishui municipal foreign affairs office publish on its "
     "portal in 2022?", 281),
    # a share of a whole the question adds up itself (portal plus WeChat): 70 / 207
    ("What share of the Qingshan culture and history institute's 2021 disclosures (portal plus WeChat) went out on "
     "WeChat?", Decimal("33.82")),
])
def test_words_of_a_bodys_name_and_a_whole_added_up_are_read_as_asked(named_bodies, question, value):
    answer = named_bodies.ask(question)
    assert (answer.found, answer.value) == (True, value), answer.text


HOTLINES = """青溪县教育体育局2023年政府信息公开工作年度报告
一、总体情况
（一）主动公开情况
2023年全年通过政府信息公开网站发布信息共1342条,青溪县教体局微信公众号发布(转发)信息1066条。妥善办理青州市12345政府服务热线派件247件,青溪县12345政府服务热线派件40件。
通过不同渠道和方式公开政府信息数:3257条。在信用平台录入“双随机、一公开”信息81条。
"""


@pytest.fixture(scope="module")
def hotlines(engine_over):
    return engine_over({"qingxi-jtj-2023.txt": HOTLINES})


@pytest.mark.parametrize("question", [
    "How many of the Qingxi education and sports bureau 2023 website items were policy interpretations?",
    "青溪县教体局2023年政务新媒体发布了多少条信息？",  # its WeChat account is named; 政务新媒体 is not
    "青溪县教体局2023年办理青溪县12345政府服务热线派件多少件？",  # two figures under one label, each its place's
])
def test_a_thing_a_channel_or_a_twin_the_sentence_does_not_settle_gives_no_figure(hotlines, question):
    answer = hotlines.ask(question)
    assert not answer.found or answer.value is None, answer.text


def test_every_channel_at_once_is_everything_published(hotlines):
    answer = hotlines.ask("How many pieces of government information did the Qingxi education and sports bureau "
                          "disclose through all channels in 2023?")
    assert (answer.found, answer.value) == (True, 3257), answer.text

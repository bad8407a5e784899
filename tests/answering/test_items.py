"""Sums and differences of things the lexicon does not know, each found by its words (a real engine over made-up
reports that list categories, channels and requests in running text)."""

from decimal import Decimal

import pytest

from reportqa.answering.items import english_sum_items, kinds_counted
from reportqa.lexicon import load_lexicon
from reportqa.questions import parse_question

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
    ("How many people in total (police officers plus contract staff) handled disclosure at the bureau?",
     ["police officers", "contract staff"]),
    ("Adding up Jia township's 2023 consultation, policy-interpretation and response items, what is the total?",
     ["consultation", "policy-interpretation", "response"]),
    ("How many items did the bureau publish in 2022?", []),
    ("What is the total of the Jia water bureau's 2025 website posts and new-media posts?", ["website", "new-media"]),
    ("Jia town: how many of its 2024 disclosures were notice or budget items combined?", ["notice", "budget"]),
    ("How many of its 2024 disclosures were notice items?", []),
    ("How many items in total did the bureau publish across the government website, WeChat and Douyin in 2025?",
     ["government website", "WeChat", "Douyin"]),
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


PORTALS = """甲乙县气象局2021年政府信息公开工作年度报告
一、总体情况
2021年,甲乙县气象局通过甲乙县气象局门户网站主动公开政府信息2300条,通过县政府网站主动公开政府信息37条。
本年度微博公开信息83条,抖音号公开信息9条,办结网站网民留言57条。
通过公众号公开信息52条。
"""
POINTS = """丙丁县民政局2012年政府信息公开工作年度报告
二、主动公开政府信息情况
全局采用多种形式主动公开政府信息:
一是充分发挥网站作用,在网站发布政务动态,公开信息16条;二是天气预报在公示栏展示;三是重要工作在新闻媒体上发布,发布信息54条。
"""
CLAUSES = """戊己县人民防空办公室2019年政府信息公开工作年度报告
一、总体情况
门户网站总访问量超过20万次,信息发布180条;“戊己人防”微信公众号发布信息46条。
"""
LISTS = """庚辛镇2014年政府信息公开工作年度报告
二、主动公开政府信息的情况
2014年在县政府网站公开政府信息类别:政策文件4条,工作动态23条,人事信息6条。
通过政府网站主动公开信息58条,通过公告栏及宣传栏公开信息133条。
"""


PAPERS = """子丑市卫生健康委员会2020年政府信息公开工作年度报告
一、总体情况
充分发挥网站作用,在国家级报纸发布文章111篇,省级报纸发表文章431篇,市级报纸发表494篇,国家级电视播放104条。
紧盯时间节点,高质量完成人大建议和政协提案共61项,办结率达100%。
全年委网站主动发布政务动态、政策解读、人事等各类信息538条。
"""
NEWS = {year: f"""壬癸区卫生健康委员会{year}年政府信息公开工作年度报告
一、总体情况
（二）主动公开情况
{year}年,我委网站共发布信息{total}条,其中工作动态{news}条,通知公告{notices}条。
""" for year, total, news, notices in ((2024, 260, 76, 62), (2025, 208, 87, 70))}


@pytest.fixture(scope="module")
def channels(engine_over):
    return engine_over({"jiayi-qxj-2021.txt": PORTALS, "bingding-mzj-2012.txt": POINTS,
                        "wuji-rfb-2019.txt": CLAUSES, "gengxin-zhen-2014.txt": LISTS, "zichou-wjw-2020.txt": PAPERS,
                        "rengui-wjw-2024.txt": NEWS[2024], "rengui-wjw-2025.txt": NEWS[2025]})


@pytest.mark.parametrize(("question", "value"), [
    # each channel a list names is its own figure: the one only one label names is taken first
    ("In 2021, how many items in total did the Jiayi County meteorological bureau disclose through its own portal "
     "and the county government website combined?", 2337),
    # a numbered point says what its figure is about (在新闻媒体上发布,发布信息54条)
    ("丙丁县民政局2012年在网站和新闻媒体发布的信息一共多少条？", 70),
    # "公告栏、宣传栏" is the label's 公告栏及宣传栏: one figure
    ("庚辛镇2014年网站和公告栏、宣传栏公开的信息一共多少条？", 191),
    # messages answered are not published items
    ("Across its Weibo account and Douyin, how many items did the Jiayi County meteorological bureau publish "
     "in 2021?", 92),
    # the clause before a short label says whose it is (门户网站总访问量…,信息发布180条)
    ("戊己县人防办2019年门户网站发布的信息比微信公众号多多少条？", 134),
    # the heading of a list of figures is said of each (类别:政策文件4条,工作动态23条,…)
    ("庚辛镇2014年在县政府网站公开的工作动态比人事信息多几条？", 17),
    # 共…多少 adds what the question lists; levels written with a common last word share the noun after it
    ("子丑市卫健委2020年在国家级、省级和市级报纸共发表文章多少篇？", 1036),
    # a label naming the listed things together is their figure; "各类信息" asks every kind a label lists
    ("子丑市卫健委2020年办理人大建议和政协提案共多少项？", 61),
    ("子丑市卫健委2020年网站主动发布各类信息多少条？", 538),
    # a part the question names word for word under each year's whole (工作动态 of the website's figure)
    ("壬癸区卫健委网站发布的工作动态2025年比2024年多了多少条？", 11),
    # "by how many did A exceed B"
    ("By how many items did the Jiayi County meteorological bureau's Weibo posts exceed its Douyin posts in 2021?", 74),
    # a thing written in pinyin names the label's characters it spells (公众号)
    ("Across its gongzhonghao and Douyin, how many items did the Jiayi County meteorological bureau publish in 2021?",
     61),
])
def test_each_thing_a_question_lists_or_compares_is_its_own_figure(channels, question, value):
    answer = channels.ask(question)
    assert (answer.found, answer.value) == (True, value)


def test_a_sum_leaving_out_a_thing_it_lists_is_no_answer(channels):
    # the bureau gives no figure for its Toutiao account: never the other two added up as if they were all
    answer = channels.ask("Across its Weibo account, its Toutiao account and Douyin, how many items did the Jiayi "
                          "County meteorological bureau publish in 2021?")
    assert answer.value is None and "甲乙县气象局" in channels.ask(
        "Across its Weibo account and Douyin, how many items did the Jiayi County meteorological bureau publish in "
        "2021?").text  # (the same body and year answer a list it gives every figure of)


def test_a_list_of_channels_after_through_is_read():
    assert english_sum_items("How many items did X disclose through its own portal and the provincial government "
                             "website combined?") == ["portal", "provincial government website"]


def test_firms_kinds_and_subscriptions_are_counted_in_their_own_units():
    from reportqa.answering.extractive import unit_fits

    assert unit_fits("“甲乙发布”微信公众号订阅数是多少？", "个")  # 订阅19610个
    assert not unit_fits("甲乙镇微信公众号有多少关注用户？", "个")  # 开通公众号2个 counts accounts
    assert not unit_fits("依申请向多少家企业提供了气象证明？", "次") and unit_fits("向多少家企业提供？", "家")
    assert not unit_fits("公开的政务管理类信息包括多少类？", "条")


def test_a_shared_noun_is_given_to_each_level_listed_but_two_names_stay_two():
    from reportqa.answering.extractive import sum_items

    assert sum_items("在国家级、省级和市级报纸共发表文章多少篇？") == ["国家级报纸", "省级报纸", "市级报纸"]
    assert sum_items("两个公众号（甲乙文旅、甲乙文旅政务）一共发了多少条？") == ["甲乙文旅", "甲乙文旅政务"]


MEDIA = """丁州市卫生健康委员会2020年政府信息公开工作年度报告
一、总体情况
2020年，在国家级报纸发布文章111篇，省级报纸发表文章431篇，市级报纸发表494篇，国家级电视播放104条，省级电视28条，市级电视241条，在网站共发送各类信息4409条，网站发布疫情防控信息507篇。2020年，通过网站收到依申请公开信息1条。
"""


@pytest.fixture(scope="module")
def media(engine_over):
    return engine_over({"dingzhou-2020.txt": MEDIA})


def test_levels_listed_in_english_each_count_the_thing_asked(media):
    # national, provincial and city level of TV items: each level's TV figure, not its newspapers'
    answer = media.ask("How many TV items did the Dingzhou health commission get aired at national, provincial and "
                       "city level combined in 2020?")
    assert (answer.found, answer.value, answer.unit) == (True, 373, "条")


def test_a_level_of_the_media_is_read_in_english(media):
    answer = media.ask("How many articles did the Dingzhou health commission place in provincial newspapers in 2020?")
    assert (answer.found, answer.value, answer.unit) == (True, 431, "篇")


def test_the_unit_the_question_names_picks_the_better_worded_figure(media):
    # 多少条: 网站共发送各类信息4409条, not 网站发布疫情防控信息507篇
    assert media.ask("丁州市卫健委2020年网站发布各类信息数多少条？").value == 4409


def test_what_was_published_is_never_a_request_received(media):
    # 通过网站收到依申请公开信息1条 is a request received, not an item the body published
    assert media.ask("丁州市卫健委2020年通过网站发布的信息多少条？").value != 1


STAFF = """癸德市林业局2013年政府信息公开工作年度报告
一、概述
2013年进一步加强政府信息公开工作。为此,专门配备了3名全职工作人员、3名兼职工作人员,设立了政务公开工作办公室。
"""


@pytest.fixture(scope="module")
def staff(engine_over):
    return engine_over({"guide-2013.txt": STAFF})


def test_the_last_items_noun_is_every_items(staff):
    # "full-time and part-time disclosure staff": full-time staff and part-time staff
    answer = staff.ask("In total, how many full-time and part-time disclosure staff did the Guide forestry bureau have "
                       "in 2013?")
    assert (answer.found, answer.value, answer.unit) == (True, 6, "名")


LISTED = {
    "nz-2022.txt": "宁州市人民政府办公室2022年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开情况\n"
                   "市政府门户网站共采编发布各类信息1800条,市政府网站微信公众号发布各类信息120条,"
                   "市政府网微博发布各类信息80条。在市政府门户网站新建专题专栏10个。\n"
                   "全年公开概况类信息30条、政务动态信息25条、信息公开目录信息45条。\n",
    "wz-2025.txt": "乌州区退役军人事务局2025年政府信息公开工作年度报告\n一、总体情况\n（一）政府信息主动公开情况\n"
                   "通过微信公众号发布信息40条,通过区政府网站信息公开平台主动公开部门工作动态6条、财务公开3条。\n",
}


@pytest.fixture(scope="module")
def listed(engine_over):
    return engine_over(LISTED)


def test_a_share_of_a_listed_whole_is_over_the_things_listed_added_up(listed):
    """"of its portal, WeChat and Weibo output … on the portal": 1800 / (1800 + 120 + 80), not one channel over
    another, and the portal's 10 columns (个) are no posts."""
    answer = listed.ask("What share of the Ningzhou government's 2022 output across its portal, WeChat and Weibo "
                          "went out on the portal?")
    assert (answer.found, answer.value, answer.unit) == (True, Decimal("90.00"), "%")
    answer = listed.ask("What share of the Ningzhou government's combined 2022 portal, WeChat and Weibo output was "
                          "posted on Weibo?")
    assert (answer.found, answer.value) == (True, Decimal("4.00"))


def test_a_combined_number_of_listed_kinds_adds_each(listed):
    answer = listed.ask("What is the combined number of overview, news and catalogue items the Ningzhou government "
                          "office listed for 2022?")
    assert (answer.found, answer.value, answer.unit) == (True, 100, "条")


def test_things_added_with_plus_and_a_channel_said_once(listed):
    answer = listed.ask("How many items in total did the Wuzhou veterans affairs bureau publish via WeChat plus its "
                          "work updates and financial disclosures on the district portal in 2025?")
    assert (answer.found, answer.value) == (True, 49)


@pytest.mark.parametrize(("question", "count"), [
    ("青林县林草局2023年通过微信公众平台发布的三类信息合计多少条？", 3),
    ("青林县2023年两类信息一共多少条？", 2),
    ("What do the six categories of the Qinglin bureau's 2020 entries add up to?", 6),
    # the adding-up said first, a word saying what the kinds are of
    ("Adding up the seven content categories listed for Qinglin town in 2022, what total do you get?", 7),
    ("What were the seven content categories listed for Qinglin town in 2022?", None),  # no sum asked
    ("青林县2023年公开了三类信息，分别是哪些？", None),  # no sum asked
    ("第三类信息合计多少条？", None),  # an ordinal names one kind
    ("青林县2023年主动公开信息多少条？", None),
])
def test_the_number_of_kinds_a_sum_names_pins_its_list(question, count):
    assert kinds_counted(parse_question(question, load_lexicon())) == count


SEMICOLON_LIST = """青林镇2022年政府信息公开工作年度报告
一、总体情况
(一)主动公开情况
2022年,我镇累计公开政务信息500条。全年主动公开政府信息的内容有:政策解读信息4条;财政资金信息45条;回应关切51条;\
预警信息9条;社会保障信息44条。
"""


def test_a_list_whose_items_end_in_semicolons_is_added_up_whole(engine_over):
    engine = engine_over({"qinglin-2022.txt": SEMICOLON_LIST})
    answer = engine.ask("Adding up the five content categories listed for Qinglin town in 2022, what total do you get?")
    assert (answer.found, answer.value, answer.unit) == (True, 153, "条")
    answer = engine.ask("青林镇2022年政策解读、财政资金、回应关切、预警和社会保障五类信息相加是多少条？")
    assert (answer.found, answer.value, answer.unit) == (True, 153, "条")

"""The chain's reading of a question before its steps: a question that says to add and lists things is a sum."""

from decimal import Decimal

import pytest

from reportqa.answering.answerer import lists_things_to_add
from reportqa.lexicon import load_lexicon
from reportqa.questions import parse_question


@pytest.mark.parametrize(("question", "several"), [
    # two channels under one concept (网站), each with words of its own: two figures to add
    ("甲市外事办2020年在市政府门户网站和省政府外事办网站一共发布多少条信息？", True),
    # two reports' figures, each named with its agency
    ("2022年甲市政府新收的依申请公开与乙区丙街道收到的依申请公开合计多少件？", True),
    # two words for one thing: one figure
    ("因为信息公开被起诉、打官司一共几次", False),
    # one thing asked, nothing listed
    ("2022年一共收到多少申请？", False),
    # no word of adding
    ("在市政府门户网站和省政府外事办网站发布多少条信息？", False),
])
def test_a_question_that_says_to_add_and_lists_things(question, several):
    lexicon = load_lexicon()
    assert lists_things_to_add(parse_question(question, lexicon), lexicon) is several


def test_such_a_question_is_answered_by_the_sum_never_by_one_of_its_figures(office):
    answer = office.ask("甲乙市外事办2020年在市政府门户网站和省政府外事办网站一共发布多少条信息？")
    assert (answer.found, answer.value, answer.unit) == (True, 24, "条")  # 11 + 13, never 11 alone


def test_an_english_sum_of_two_things_the_lexicon_knows_adds_the_figures_the_text_gives_for_them(office):
    answer = office.ask("Taken together, how many policy interpretations and normative documents did the Jiayi "
                        "Foreign Affairs Office publish in 2020?")
    assert (answer.found, answer.value, answer.unit) == (True, 26, "篇")  # 16 + 10, never one of them


OFFICE = """甲乙市人民政府外事办公室2020年政府信息公开工作年度报告
一、总体情况
(一)主动公开情况。2020年,本办主动公开政府信息,制发政策解读16篇,发布规范性文件10篇。
(二)重视信息报送。依托市政府门户网站、省政府外事办网站等媒体向社会公开发布外事工作动态,全年报送发布信息23条,其中在市政府门户\
网站公开发布11条、省政府外事办网站公开发布13条,市党建网公开发布5条,微信订阅号发布信息54期97条。
二、其他
截至2020年底,本办累计主动公开政府信息1234条。
"""


@pytest.fixture(scope="module")
def office(engine_over):
    return engine_over({"office.txt": OFFICE})



def test_a_figure_added_up_to_a_date_answers_only_a_question_asking_a_running_total(office):
    answer = office.ask("甲乙市外事办2020年主动公开了多少条政府信息？")
    assert answer.value != 1234  # 截至2020年底累计…: not the year's own figure
    answer = office.ask("截至2020年底，甲乙市外事办累计主动公开政府信息多少条？")
    assert (answer.found, answer.value) == (True, 1234)


def test_a_table_figure_asked_in_the_texts_unit_keeps_its_breakdown_and_names_both_units(tmp_path, embedder):
    """A real older table counts requests in 条 and its text says "受理依申请公开14件": "几件" gets 件, with the rows
    under it and the table's unit named."""
    import shutil
    from pathlib import Path

    from reportqa.config import Settings
    from reportqa.engine import Engine

    (tmp_path / "corpus").mkdir()
    source = Path(__file__).resolve().parents[2] / "eval" / "holdout9" / "corpus" / "pingtan-envland-2017.html"
    shutil.copy(source, tmp_path / "corpus")
    eng = Engine(Settings(index_dir=tmp_path / "index", corpus_dir=tmp_path / "corpus"), embedder=embedder)
    try:
        eng.ingest([tmp_path / "corpus"])
        answer = eng.ask("2017年平潭环境与国土资源局受理了几件政府信息公开申请？")
        assert (answer.found, answer.value, answer.unit) == (True, 14, "件")
        assert "网上申请数 2" in answer.text and "「条」" in answer.text  # the rows under it, and the table's unit
    finally:
        eng.close()


BUREAU = """青禾市财政局2016年政府信息公开工作年度报告
一、主动公开政府信息情况
2016年，在主动公开的86条政府信息中，机构职能类信息共45条；规划计划类信息3条；为民办实事类信息22条。
二、其他
无。
"""


def test_an_english_thing_the_dictionary_finds_in_another_figure_overrules_the_lexicons_row(tmp_path, embedder):
    """The lexicon reads "proactively disclose" (主动公开, 86); the asked thing, "items about its institutions and
    functions", is 机构 and 职能 in the dictionary, and those words label 45."""
    from reportqa.config import Settings
    from reportqa.engine import Engine

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "bureau.txt").write_text(BUREAU, encoding="utf-8")
    eng = Engine(Settings(index_dir=tmp_path / "index", corpus_dir=tmp_path / "corpus"), embedder=embedder)
    try:
        eng.ingest([tmp_path / "corpus"])
        answer = eng.ask("How many items about its institutions and functions did the Qinghe Finance Bureau "
                         "proactively disclose in 2016?")
        assert (answer.found, answer.value) == (True, 45)
    finally:
        eng.close()


APPROVAL_BUREAU = """甲乙市审批服务局2025年政府信息公开工作年度报告
一、总体情况
（一）主动公开情况。2025年，累计主动公开政府信息251条。其中，项目审批信息191条，行政规范性文件3条。
（二）依申请公开情况。2025年，共收到政府信息公开申请6件，其中属于行政查询事项的3件。
二、其他
全市共受理政府信息公开申请758件，是上年的3.5倍。办理市长信箱82件次，答复省长信箱31件次。
“甲乙审批”微博公开动态301条。
"""


@pytest.fixture(scope="module")
def bureau(engine_over):
    return engine_over({"jiayi-approval-2025.txt": APPROVAL_BUREAU})


def test_a_qualifier_the_lexicon_does_not_know_is_never_dropped_for_the_total(bureau):
    answer = bureau.ask("How many forest-fire items did the Jiayi Approval Services Bureau proactively publish "
                        "in 2025?")
    assert answer.value != 251  # the total is no answer to a kind of item it does not name
    assert bureau.ask("How many items did the Jiayi Approval Services Bureau proactively publish in 2025?").value == 251


def test_a_multiple_answers_how_many_times_and_nothing_else(bureau):
    answer = bureau.ask("甲乙市审批服务局2025年报告中，全市受理的申请是上年的多少倍？")
    assert (answer.found, answer.value, answer.unit) == (True, 3.5, "倍")
    assert bureau.ask("甲乙市审批服务局2025年报告中，全市受理了多少件申请？").value == 758


def test_counts_in_jianci_keep_their_unit(bureau):
    answer = bureau.ask("甲乙市审批服务局2025年办理市长信箱多少件次？")
    assert (answer.value, answer.unit) == (82, "件次")


def test_a_report_is_chosen_by_its_file_name_too(bureau):
    for name in ("jiayi-approval-2025.txt", "jiayi-approval-2025"):
        answer = bureau.ask("2025年主动公开政府信息多少条？", report=name)
        assert (answer.found, answer.value) == (True, 251)


def test_a_channel_named_in_pinyin_that_the_report_never_names_has_no_figure(bureau):
    answer = bureau.ask("How many items did the Jiayi Approval Services Bureau publish on Douyin in 2025?")
    assert answer.value != 301  # the Weibo figure is not Douyin's
    assert bureau.ask("How many posts did the Jiayi Approval Services Bureau publish on Weibo in 2025?").value == 301


HOTLINE_BUREAU = """甲乙县审批服务局2021年政府信息公开工作年度报告
一、总体情况
（一）主动公开情况。2021年，累计主动公开政府信息40条。在主动公开的信息中,政策法规类信息26条,占65%;工作信息7条,占17.5%;其他信息7条,占17.5%。
（二）平台建设。“甲乙审批”微信公众号共发布信息81条，阅读量5743次，关注人数575人。门户网站全年发布通知公告3条。
（三）便民服务。2021年，我局通过关联12345平台受理群众诉求2576件，已办理2520件，办理率97.8%。
二、收到和处理政府信息公开申请情况
2021年共收到政府信息公开申请5件，已全部办结。
"""


STREET_OFFICE = """甲乙街道办事处2025年政府信息公开工作年度报告
一、总体情况
全年累计公开信息59条,内容涵盖政务信息12条、工作动态29条、通知公告3条、其他信息15条。
同时,“活力甲乙”微信公众号保持常态化运营,全年发布信息502篇,有效拓展了政务公开渠道。
二、其他
无。
"""


MARKET_BUREAU = """甲乙市市场监督管理局2015年度政府信息公开工作年度报告
一、概述
我局认真贯彻落实《条例》，做好政府信息公开工作。
二、依申请公开信息和不予公开政府信息的情况
2015年度我局依申请公开政府信息79条，不予以公开信息93条。
三、政府信息公开情况统计表
统计指标\t单位\t统计数
一、主动公开情况\t\t
（一）主动公开政府信息数\t条\t158
二、依申请公开情况\t\t
（一）收到申请数\t条\t4
（二）申请办理结果\t\t
1.按时办结数\t条\t4
2.不予公开答复数\t条\t1
"""


EDUCATION_BUREAU = """甲乙区教育局2013年政府信息公开工作年度报告
一、概述
2013年,甲乙区教育局按照统一部署,同步推进主动公开与依申请公开工作全年共制作政府信息236条,其中主动公开信息数为158条,依申请公开信息数54条,不予公开信息数24条。
二、其他
无。
"""


@pytest.fixture(scope="module")
def hotline_bureau(engine_over):
    return engine_over({"jiayi-county-approval-2021.txt": HOTLINE_BUREAU, "jiayi-street-2025.txt": STREET_OFFICE,
                        "jiayi-market-2015.txt": MARKET_BUREAU, "jiayi-education-2013.txt": EDUCATION_BUREAU})


def test_a_share_of_a_whole_named_by_its_words_is_computed(hotline_bureau):
    answer = hotline_bureau.ask("2013年甲乙区教育局主动公开的信息占全年制作信息的比例是多少？")
    assert (answer.found, answer.value, answer.unit) == (True, Decimal("66.95"), "%")  # 158 / 236


def test_one_english_word_naming_a_figure_of_another_measure_in_the_chosen_sentence_overrules_the_lexicon(
        hotline_bureau):
    answer = hotline_bureau.ask("How many reads did the Jiayi County Approval Services Bureau's WeChat account "
                                "record in 2021?")
    assert (answer.found, answer.value, answer.unit) == (True, 5743, "次")  # not the account's 81 posts


def test_a_number_naming_a_hotline_must_be_written_where_the_figure_is(hotline_bureau):
    answer = hotline_bureau.ask("How many of the 12345-hotline cases received by the Jiayi County Approval Services "
                                "Bureau in 2021 had been handled?")
    assert answer.value in (None, 2520)  # never the 5 requests of the disclosure section


def test_a_stated_share_names_the_part_asked(hotline_bureau):
    answer = hotline_bureau.ask("What share of the Jiayi County Approval Services Bureau 2021 proactive disclosures "
                                "were work information?")
    assert answer.value in (None, Decimal("17.5"))  # never the 65% of policy and regulation items
    answer = hotline_bureau.ask("What share of the Jiayi County Approval Services Bureau 2021 proactive disclosures "
                                "were policy and regulation items?")
    assert (answer.value, answer.unit) == (65, "%")


def test_a_platform_named_properly_must_be_named_where_a_figure_found_by_other_words_is(hotline_bureau):
    answer = hotline_bureau.ask("How many posts did the WeChat account of Jiayi Subdistrict publish in 2025?")
    assert answer.value != 3  # 通知公告 ("posts") of the portal, not of the WeChat account


def test_a_difference_of_items_of_information_is_not_one_of_requests(hotline_bureau):
    answer = hotline_bureau.ask("甲乙市市场监督管理局2015年不予以公开的信息比依申请公开的信息多多少条？")
    assert (answer.found, answer.value, answer.unit) == (True, 14, "条")  # 93 − 79, not the table's requests


def test_items_of_information_withheld_are_the_texts_when_the_table_counts_refused_requests(hotline_bureau):
    answer = hotline_bureau.ask("How many items did the Jiayi Market Supervision Bureau withhold in 2015?")
    assert (answer.found, answer.value, answer.unit) == (True, 93, "条")
    answer = hotline_bureau.ask("甲乙市市场监督管理局2015年有多少件申请被答复不予公开？")
    assert (answer.found, answer.value) == (True, 1)


OFFICE_2024 = """泉州市甲乙区人民政府办公室2024年政府信息公开工作年度报告
一、总体情况
（一）主动公开情况。2024年，区政府办公室全年主动公开文件19件。
（二）依申请公开情况。2024年,区政府办公室共受理政府信息公开申请5件,其中予以公开的4件,属于本机关不掌握相关政府信息1件,均在法定期限内办结,办结率100%。
二、其他
全年通过政府网站发布信息295条,其中公开行政许可、行政处罚、行政事业性收费等共75条。2024年,通过政府门户网站发布动态信息288条。
全年共发布各类政务微博3457条，被转发2077次，被评论5426次；
"""

OFFICE_2025 = """甲乙区政府办公室2025年政府信息公开工作年度报告
一、总体情况
（一）主动公开情况。2025年，区政府办公室全年主动公开文件22件。
（二）依申请公开情况。2025年,区政府办公室共受理政府信息公开申请15件,其中予以公开的9件,属于本机关不掌握相关政府信息6件。
二、其他
无。
"""


@pytest.fixture(scope="module")
def district_office(engine_over):
    return engine_over({"jiayi-office-2024.txt": OFFICE_2024, "jiayi-office-2025.txt": OFFICE_2025})


def test_one_body_named_two_ways_by_its_reports_is_one_body(district_office):
    answer = district_office.ask("How many disclosure applications did the Jiayi District Government Office "
                                 "receive in 2025?")
    assert (answer.found, answer.value) == (True, 15)
    answer = district_office.ask("甲乙区政府办2024年和2025年两年共受理政府信息公开申请多少件？")
    assert (answer.found, answer.value, answer.unit) == (True, 20, "件")


def test_a_rate_of_change_between_two_years_is_computed_over_the_first(district_office):
    answer = district_office.ask("甲乙区政府办2025年受理的政府信息公开申请比2024年增长了百分之多少？")
    assert (answer.found, answer.value, answer.unit) == (True, 200, "%")
    assert "(15 − 5) / 5" in answer.text


def test_a_figure_counting_several_listed_things_is_no_answer_for_one_of_them(district_office):
    answer = district_office.ask("甲乙区政府办2024年公开了多少条行政许可结果？")
    assert answer.value != 75
    answer = district_office.ask("How many administrative licences did the Jiayi District Government Office grant "
                                 "in 2024?")
    assert answer.value not in (75, 288, 295)  # nothing of licences is said where 288 is


def test_a_near_tie_of_the_ranker_goes_to_the_label_the_question_spells_out(district_office):
    answer = district_office.ask("甲乙区政府办2024年的政务微博被评论了多少次？")
    assert (answer.found, answer.value, answer.unit) == (True, 5426, "次")


STREET_2013 = """甲乙街道办事处2013年政府信息公开工作年度报告
一、概述
本街道认真贯彻落实《条例》。
二、信息公开情况
2013年街道共主动公开政府信息140条,全文电子化率100%。
在主动公开的信息中,社区情况类信息58条,内设机构类信息9条。
三、依申请公开情况
全年共受理申请69件。办理结果如下:予以公开35件;由于本机关不掌握相关政府信息而无法提供29件;结转下年度继续办理5件。
"""


@pytest.fixture(scope="module")
def street_2013(engine_over):
    return engine_over({"jiayi-street-2013.txt": STREET_2013})


def test_a_stated_share_naming_nothing_of_the_part_asked_is_no_answer(street_2013):
    """全文电子化率100% is a share of that sentence, not of the community-situation items asked."""
    answer = street_2013.ask("What share of Jiayi Street's 2013 disclosures were community-situation items?",
                             report="jiayi-street-2013")
    assert answer.value != 100


def test_a_share_over_the_whole_the_question_states_or_names(street_2013):
    answer = street_2013.ask("What percentage of Jiayi Street's 140 proactively disclosed items in 2013 were "
                             "internal-organisation items?", report="jiayi-street-2013")
    assert (answer.found, answer.value) == (True, Decimal("6.43"))  # 9 / 140
    answer = street_2013.ask("甲乙街道2013年因本机关不掌握而无法提供的申请占全部申请的百分比？",
                             report="jiayi-street-2013")
    assert answer.value != 100  # never the part over itself
    assert (answer.found, answer.value) in ((True, Decimal("42.03")), (False, None))  # 29 / 69, or no figure


def test_what_is_left_of_a_whole_once_a_part_is_taken_out(street_2013):
    answer = street_2013.ask("甲乙街道2013年受理的申请中,不属于予以公开的有多少件?", report="jiayi-street-2013")
    assert (answer.found, answer.value) in ((True, 34), (False, None))  # 69 − 35, or no figure; never 69


POLICE = """甲乙市公安局2024年度政府信息公开工作报告
一、总体情况
(一)政府信息主动公开情况。全年主动公开信息2240条。
(二)政府信息依申请公开情况。全年收政府信息公开申请464件,结转上年度政府信息公开申请3件,本年度办结441件,剩余结转下年度办理26件。\
区政府本级受理申请106件。
(三)平台建设。全区公安机关受理申请961件。开通政务微博2个、微信公众号4个,全年发布信息1.3万余条。
"""


@pytest.fixture(scope="module")
def police(engine_over):
    return engine_over({"police.txt": POLICE})


def test_a_sum_of_concepts_the_text_alone_gives_adds_its_figures(police):
    answer = police.ask("甲乙市公安局2024年新收和上年结转的申请一共多少件？")
    assert (answer.found, answer.value, answer.unit) == (True, 467, "件")  # 464 + 3, with no table


def test_a_sum_in_another_unit_than_asked_is_none(police):
    answer = police.ask("甲乙市公安局2024年政务微博和微信公众号一共发布了多少条信息？")
    assert answer.value != 6  # 2个 + 4个 accounts are no count of items


def test_the_bodys_own_figure_is_never_the_whole_districts(police):
    answer = police.ask("甲乙市公安局本级2024年受理了多少件申请？")
    assert answer.value != 961


HEALTH = """甲省卫生健康委2022年政府信息公开工作年度报告
一、总体情况
(一)主动公开情况。2022年,委网站公开信息3071条,“健康甲省”微信公众号公开信息4681条,微博公开信息1683条,抖音号公开信息259条。
(二)依申请公开情况。我委2022年度共受理依申请公开政府信息申请12件,答复7件,不予受理4件。
"""
HEALTH_2023 = """甲省卫生健康委2023年政府信息公开工作年度报告
一、总体情况
(一)主动公开情况。2023年,委网站公开信息2000条。
"""


@pytest.fixture(scope="module")
def health(engine_over):
    return engine_over({"health-2022.txt": HEALTH, "health-2023.txt": HEALTH_2023})


def test_a_platform_named_in_english_is_answered_by_the_figure_its_sentence_gives_it(health):
    answer = health.ask("How many items went out on the Jiasheng health commission's Douyin account in 2022?",
                        report="health-2022.txt")
    assert (answer.found, answer.value) == (True, 259)  # not the WeChat count, whose words share the body's 健康
    none = health.ask("How many items did the Jiasheng health commission publish on Kuaishou in 2022?",
                      report="health-2022.txt")
    assert none.value is None  # 快手 is written nowhere in the report


def test_the_replies_asked_beside_the_requests_they_answer(health):
    answer = health.ask("甲省卫健委2022年答复了几件依申请公开?")
    assert (answer.found, answer.value) == (True, 7)  # not the 12 requests received


def test_a_fall_asked_as_a_percentage_is_its_size(health):
    answer = health.ask("甲省卫健委委网站公开信息2023年比2022年下降了百分之几?")
    assert answer.found and answer.value == Decimal("34.87")  # (2000 − 3071) / 3071: a fall of 34.87%
    assert "下降" in answer.text


CITY_OFFICE_2025 = """甲乙市政府办公室2025年政府信息公开工作年度报告
一、总体情况
(二)依申请公开。2025年,共收到政府信息公开申请24件,比2024年(31件)下降23%。规范办理答复完成24件,因不服答复引起行政复议3件,\
1件结果维持,2件结果纠正。
"""


@pytest.fixture(scope="module")
def office_2025(engine_over):
    return engine_over({"office-2025.txt": CITY_OFFICE_2025})


def test_a_figure_breaking_down_another_of_its_sentence_answers_both_things_asked(office_2025):
    answer = office_2025.ask("In how many reconsideration cases in 2025 was the Jiayi city government office's "
                             "decision corrected?")
    assert (answer.found, answer.value) == (True, 2)  # 2件结果纠正 of the 3 reconsiderations


def test_a_rate_of_change_is_no_share(office_2025):
    answer = office_2025.ask("What share of the Jiayi city government office's 2025 requests resulted in disclosure?")
    assert answer.value != 23  # 下降23% is a change, not a share of the requests


LETTERS_BUREAU = """甲乙县信访局2022年政府信息公开工作年度报告
一、总体情况
(一)主动公开政府信息情况
2022年,甲乙县信访局在甲乙县人民政府网主动公开政府信息150条,其中:部门动态30条,法定主动公开重点领域热点回应公开12条,财政预决算公开3条。在甲乙信访局官方微信公众号公开、转载各类信息40条。
(二)平台建设情况
我局在门户网站、微信公众号等平台共推送部门文件、预算决算、政策解读、通知公告、工作动态等各类信息700条。
我局制定了《甲乙县信访局政务公开工作规范(试行)》,规范各科室的公开工作。
(三)法律援助
已办结法律援助案件质量考核合格率100%。
二、其他
无。
"""

TOWN = """甲乙镇2022年度政府信息公开工作报告
一、总体情况
2022年,全镇政府信息公开500条,一是利用甲乙县人民政府门户网站等政务公开栏平台公开政务信息40条;二是通过微信等发布信息160条。
二、其他
无。
"""


@pytest.fixture(scope="module")
def letters_bureau(engine_over):
    return engine_over({"jiayi-letters-2022.txt": LETTERS_BUREAU, "jiayi-town-2022.txt": TOWN})


def test_the_words_of_a_bodys_english_name_ask_for_no_unit(letters_bureau):
    answer = letters_bureau.ask("How many items did the Jiayi letters and visits bureau proactively disclose on the "
                                "county government website in 2022?")
    assert (answer.found, answer.value, answer.unit) == (True, 150, "条")  # "visits" asks no 次, 政府网 is a website


def test_a_plural_phrase_of_the_lexicon_is_found_in_the_singular(letters_bureau):
    answer = letters_bureau.ask("How many hot-topic responses in key areas did the Jiayi letters and visits bureau "
                                "publish in 2022?")
    assert (answer.found, answer.value) == (True, 12)


def test_how_a_share_is_to_be_written_is_no_word_of_its_part(letters_bureau):
    answer = letters_bureau.ask("What share of the Jiayi letters and visits bureau's 150 website items in 2022 were "
                                "department news, in percent?")
    assert (answer.found, answer.value, answer.unit) == (True, Decimal("20.00"), "%")  # 30 / 150


def test_a_rate_of_another_measure_is_no_share_of_the_part_asked(letters_bureau):
    answer = letters_bureau.ask("甲乙县信访局2022年受理的法律援助案件中,办结的占多大比例?")
    assert answer.value != 100  # 合格率 is a pass rate, not the share closed


def test_what_things_a_body_issued_is_asked_by_name_not_counted(letters_bureau):
    answer = letters_bureau.ask("What rules did the Jiayi letters and visits bureau issue in 2022 to govern its "
                                "disclosure work?")
    assert answer.intent == "prose" and answer.value is None


def test_a_total_of_the_kinds_a_sentence_lists_is_no_figure_of_one_kind(letters_bureau):
    answer = letters_bureau.ask("How many budget and final-accounts items did the Jiayi letters and visits bureau "
                                "push through its platforms in 2022?")
    assert answer.value != 700


def test_parts_counted_out_after_a_whole_are_not_the_whole(letters_bureau):
    answer = letters_bureau.ask("甲乙镇2022年公开政府信息多少条?")
    assert answer.value != 40  # 一是…40条 is one of the 500


def test_a_whole_counted_out_in_clauses_is_what_a_question_of_the_generic_thing_asks(letters_bureau):
    assert letters_bureau.ask("甲乙镇2022年主动公开政府信息多少条?").value == 500
    assert letters_bureau.ask("How many items did Jiayi town proactively disclose in 2022?").value == 500
    assert letters_bureau.ask("甲乙镇2022年通过微信等发布了多少条信息?").value == 160  # a part named by its words


MARKET = """甲乙市市场监督管理局机关2023年政府信息公开工作年度报告
一、总体情况
(一)强化监管执法信息公开。开展6轮行政权力事项清单动态调整工作,保留行政权力841项。其中,行政许可24项、行政处罚765项、其他行政权力52项。
(二)互动回应。2023年官方微信公众号收到留言26条,官方网站互动回应4条。更新发布政策解读106条,其中解读材料65条,解读产品41条。
二、其他
无。
"""


@pytest.fixture(scope="module")
def market(engine_over):
    return engine_over({"jiayi-market-2023.txt": MARKET})


def test_rounds_asked_are_answered_in_rounds_never_by_the_items_reviewed(market):
    answer = market.ask("甲乙市市场监管局2023年开展了几轮行政权力事项清单动态调整?")
    assert (answer.found, answer.value, answer.unit) == (True, 6, "轮")


def test_a_kind_the_question_writes_inside_the_figures_label_is_not_that_figure(market):
    assert market.ask("甲乙市市场监管局机关2023年保留的行政征收权力有多少项?").value != 841


def test_parts_listed_in_the_sentence_after_their_whole_give_a_share(market):
    answer = market.ask("What percentage of the Jiayi market regulation bureau's retained powers in 2023 were "
                        "administrative penalty powers?")
    assert (answer.found, answer.value, answer.unit) == (True, Decimal("90.96"), "%")  # 765 / 841


def test_messages_received_are_no_items_published(market):
    assert market.ask("甲乙市市场监管局2023年网站和微信公众号合计公开了多少条信息?").value != 30


def test_a_part_named_apart_in_english_is_not_its_whole(market):
    answer = market.ask("How many of the Jiayi market regulation bureau's 2023 policy interpretations were "
                        "interpretation products?")
    assert (answer.found, answer.value) == (True, 41)


CIVIL_2024 = """甲乙市民政局2024年政府信息公开工作年度报告
一、总体情况
(一)政府信息主动公开情况。通过门户网站发布政府信息496条,微信公众号发布455条。在国家级媒体报道7次,在省级媒体报道72次。
(二)政府信息依申请公开情况。2024年,市民政局收到政府依申请公开31件,其中通过网络平台接收27件,信函渠道4件。
二、其他
无。
"""
CIVIL_2025 = CIVIL_2024.replace("2024", "2025").replace("72次", "35次").replace(
    "收到政府依申请公开31件,其中通过网络平台接收27件,信函渠道4件",
    "新收政府依申请公开申请40件,上年结转政府信息公开申请4件")


@pytest.fixture(scope="module")
def civil_affairs(engine_over):
    return engine_over({"jiayi-civil-2024.txt": CIVIL_2024, "jiayi-civil-2025.txt": CIVIL_2025})


def test_the_change_of_a_figure_read_from_each_years_text_in_percent(civil_affairs):
    answer = civil_affairs.ask("甲乙市民政局省级媒体报道次数从2024年到2025年减少了百分之多少?")
    assert (answer.found, answer.value, answer.unit) == (True, Decimal("51.39"), "%")  # (35 − 72) / 72, a fall


def test_new_requests_asked_in_english_are_the_requests_received(civil_affairs):
    answer = civil_affairs.ask("How many new disclosure requests did the Jiayi civil affairs bureau receive in 2025?")
    assert (answer.found, answer.value) == (True, 40)


def test_times_asked_are_never_answered_by_a_count_of_requests(civil_affairs):
    answer = civil_affairs.ask("How many network security assessments did the Jiayi civil affairs bureau carry out "
                               "in 2024?")
    assert answer.value != 31
    answer = civil_affairs.ask("How many times was the Jiayi civil affairs bureau's work covered in 2024?")
    assert answer.value != 31


AUDIT_BUREAU = """甲乙市审计局2024年政府信息公开工作年度报告
一、总体情况
2024年主动公开政府信息600条,其中政务动态信息300条(工作动态200条,专题专栏信息90条,通知公告10条),政府信息公开信息150条,综合文苑信息150条。
本年度开展甲乙市审计局网站满意度测评1次,参与测评人数满意度为100%。
我局未收取费用,发生因政府信息公开申请提起行政诉讼3件,其中结果维持1件、结果纠正1件、其他结果1件。
二、其他
无。
"""


@pytest.fixture(scope="module")
def audit_bureau(engine_over):
    return engine_over({"jiayi-audit-2024.txt": AUDIT_BUREAU})


def test_a_glossary_word_names_a_part_by_its_own_words_not_every_sense_of_the_dictionary(audit_bureau):
    answer = audit_bureau.ask("What share of the Jiayi audit bureau's 600 disclosures in 2024 were government news "
                              "items?")
    assert (answer.found, answer.value, answer.unit) == (True, Decimal("50.00"), "%")  # 政务动态信息 300 of 600


def test_a_satisfaction_level_is_a_rate(audit_bureau):
    answer = audit_bureau.ask("甲乙市审计局网站满意度测评的满意度是多少?")
    assert (answer.value, answer.unit) == (100, "%")  # not the 1 次 of the survey


def test_a_part_the_question_names_is_asked_not_its_whole(audit_bureau):
    answer = audit_bureau.ask("甲乙市审计局2024年行政诉讼中结果被纠正的有几件?")
    assert (answer.found, answer.value) == (True, 1)  # 结果纠正1件 of the 3 lawsuits


def test_past_years_named_in_a_long_clause_before_a_figure_make_no_running_total():
    from reportqa.answering.running_totals import said_of_the_figure as _said_of_the_figure

    assert _said_of_the_figure("截至2019年底，历年累计公开52", "历年")
    assert _said_of_the_figure("历年来，共公开", "历年")
    assert not _said_of_the_figure("对上级政务公开工作要点以及历年政务公开第三方评估和网站检查有关要求进行再梳理、"
                                   "再细化，从加大主动公开工作力度等6个方面提出", "历年")


TOWN_2024 = """甲乙县丙丁镇2024年政府信息公开工作年度报告
一、总体情况
(一)主动公开。2024年,丙丁镇主动公开政府信息320条,其中通过网站公开120条,通过政务微博、报纸、电视新闻等方式公开200条。
全年通过网站公开项目建设、河湖治理、水资源保护等领域信息60余条。
今年我镇利用微信公众号等新媒体公开群众关注的政府信息共59条。
(二)依申请公开。2024年丙丁镇收到依申请公开办件0条,与去年相比减少4条。设立了政府信息申请受理点1个。
二、其他
无。
"""


PORTAL_TOWN_2024 = """甲乙县戊己镇2024年政府信息公开工作年度报告
一、总体情况
(一)主动公开。全年,我镇政府门户网站更新政务动态信息900条,信息公开目录信息1500条,发布政策性文件12件。解读信息发布总数5条,\
专题专栏维护数16条,新开设专栏数量2条。
二、其他
无。
"""


@pytest.fixture(scope="module")
def town(engine_over):
    return engine_over({"bingding-2024.txt": TOWN_2024, "wuji-2024.txt": PORTAL_TOWN_2024})


def test_the_whole_a_sentence_lists_parts_under_is_everything_published_not_its_last_part(town):
    answer = town.ask("丙丁镇2024年主动公开政府信息多少条?")
    assert (answer.found, answer.value) == (True, 320)  # not 通过政务微博、报纸…等方式公开200条, a part of it


def test_a_channel_as_a_whole_over_a_figure_of_the_kinds_it_lists(town):
    answer = town.ask("How many items did Bingding town publish through its website in 2024?")
    assert (answer.found, answer.value) == (True, 120)  # not 项目建设、河湖治理…等领域信息60余条


def test_one_channel_asked_alone_is_not_the_figure_of_it_and_others(town):
    answer = town.ask("How many items did Bingding town publish on Weibo alone in 2024?")
    assert answer.value != 200  # 政务微博、报纸、电视新闻等方式 together


def test_a_later_item_named_in_the_reports_words_is_not_a_verb_of_its_own(town):
    answer = town.ask("戊己镇2024年门户网站更新信息公开目录信息多少条?")
    assert (answer.found, answer.value) == (True, 1500)  # 信息公开目录 is a thing, not 公开 done to it


def test_a_thing_asked_beside_where_it_went_must_be_the_figures(town):
    answer = town.ask("How many special columns did Wuji town maintain on its portal in 2024?")
    assert (answer.found, answer.value) == (True, 16)  # 专题专栏维护数 (maintained: 维护), never the portal's 900
    answer = town.ask("How many new special columns did Wuji town open on its portal in 2024?")
    assert (answer.found, answer.value) == (True, 2)


def test_a_channel_an_english_question_names_must_be_the_figures_sentences(town):
    answer = town.ask("How many items did Bingding town post on its public notice boards in 2024?")
    assert not answer.found or answer.value != 59  # 59 went out through WeChat and other new media


def test_requests_are_never_the_places_that_take_them(town):
    answer = town.ask("How many government information disclosure requests did Bingding town receive in 2024?")
    assert answer.value != 1  # 受理点1个


def test_the_year_before_a_named_report_is_not_the_reports_own_year(town):
    answer = town.ask("According to its 2024 report, how many disclosure requests did Bingding town receive in the "
                      "previous year?")
    assert not answer.found or answer.value != 0  # 0 is 2024's own figure


POLICE_2016 = """一、总体情况
2016年度,全县公安机关主动通过政府网站发布信息。主动发布各类信息314条,全文电子化率达100%,其中,局机关发布信息64条,包括治安情况等信息。接受电话咨询18次。安排2名民警和1名合同制工作人员承担甲乙县公安局政府信息公开工作。办公所需费用全部在财政拨付的行政办公经费中列支。
二、其他
无。
"""


@pytest.fixture(scope="module")
def county_police(engine_over):
    return engine_over({"jiayi-police-2016.txt": POLICE_2016})


def test_a_body_named_by_its_field_and_organs_is_no_word_of_what_it_counts(county_police):
    assert county_police.reports()[0].agency == "甲乙县公安局"  # whose disclosure work the report staffs
    answer = county_police.ask("甲乙县公安机关2016年一共主动发布了多少条信息?")
    assert (answer.found, answer.value) == (True, 314)  # not 局机关发布信息64条 (机关 names the body)
    answer = county_police.ask("甲乙县公安局2016年局机关发布了多少条信息?")
    assert (answer.found, answer.value) == (True, 64)


TOWNSHIP_2022 = """甲乙县庚辛乡2022年政府信息公开工作年度报告
一、总体情况
(一)主动公开政府信息情况。2022年,我乡通过政府信息公开门户网站主动公开工作动态33条、乡镇建设12条、政策文件4条,庚辛乡微信公众号公开共82条,\
庚辛乡乡村两级实体政务公开栏公开223条。
二、其他
无。
"""
SUMU_2024 = """甲乙旗壬癸苏木2024年政府信息公开工作年度报告
一、总体情况
(一)主动公开情况。2024年,政府网站共更新66条,政务新媒体更新220条。
"""
SUMU_2025 = """甲乙旗壬癸苏木2025年政府信息公开工作年度报告
一、总体情况
(一)主动公开情况。全年主动公开政府信息279条,其中通过甲乙旗人民政府网站公开50条,通过政务新媒体公开229条。
"""


@pytest.fixture(scope="module")
def townships(engine_over):
    return engine_over({"gengxin-2022.txt": TOWNSHIP_2022, "renkui-2024.txt": SUMU_2024, "renkui-2025.txt": SUMU_2025})


def test_the_first_kind_a_channel_published_is_not_all_it_published(townships):
    answer = townships.ask("Across portal, WeChat and physical boards, how many items did Gengxin township disclose "
                           "in 2022 altogether?")
    # 33 is the portal's work news only: with the kinds listed after it (12, 4) it is 49, 354 in all
    assert (answer.found, answer.value) == (True, 354)
    answer = townships.ask("庚辛乡2022年在门户网站上一共主动公开了多少条(工作动态、乡镇建设、政策文件合计)?")
    assert (answer.found, answer.value) == (True, 49)  # the items spelled out in brackets after the question
    answer = townships.ask("How many items did Gengxin township post on its physical disclosure boards in 2022?")
    assert (answer.found, answer.value) == (True, 223)


def test_a_side_of_a_comparison_that_adds_things_up_is_not_one_figure(townships):
    answer = townships.ask("Compared with its 2024 website-plus-new-media total, how many fewer items did Renkui "
                           "sumu disclose in 2025?")
    assert answer.value != 9  # 220 − 229 compares the new media alone; 286 − 279 = 7 is asked
    answer = townships.ask("壬癸苏木2025年政务新媒体公开数比2024年多了多少条?")
    assert (answer.found, answer.value) == (True, 9)


TOWN_LIST = """甲丙县丁戊镇2025年政府信息公开工作年度报告
一、总体情况
(一)政府信息主动公开情况
2025年,通过甲丙县人民政府信息公开网站主动公开规划信息、统计信息、许可服务、处罚强制、财政资金、政府采购、公益事业建设事项等共计94条,\
其中政策:规范性文件1件、其他主动公开文件2件、政策解读1件;法定主动公开内容:政府领导1件、政府工作机构3件、规划信息1件、统计信息4件、\
许可/服务6件、权责清单1件、财政资金4件、公益事业建设46件、公共资源配置7件、招考录用信息4件、其他法定公开项目11件、确需保留证明事项清单1件;\
政府信息公开年度报告1件。
"""
CITY_COMMISSION = """甲丙市城市管理委员会2025年度政府信息公开工作报告
一、总体情况
(一)主动公开情况。全年通过门户网站、官方微博、微信公众号等渠道公开各类信息5332条,其中,政府网站发布信息3120条次,官方微博“美丽甲丙”\
微博发布信息102条次,微信公众号“甲丙城市管理”推送各类信息2110条。
"""


TOWNSHIP_WAYS = """甲丙县己庚乡2024年政府信息公开工作年度报告
一、总体情况
(一)主动公开。2024年,通过县政府门户网站公开政府信息40条,利用广播、报纸、展板及乡村干部微信群等其他方式公开政府信息数22条。
"""


@pytest.fixture(scope="module")
def lists_of_kinds(engine_over):
    return engine_over({"dingwu-2025.txt": TOWN_LIST, "jiabing-cgw-2025.txt": CITY_COMMISSION,
                        "jigeng-2024.txt": TOWNSHIP_WAYS})


def test_one_way_asked_specifically_is_not_the_figure_of_the_ways_listed_together(lists_of_kinds):
    answer = lists_of_kinds.ask("How many items did Jigeng township post specifically in village cadres' WeChat "
                                "groups in 2024?")
    assert answer.value != 22


def test_a_kind_of_a_list_counted_in_jian_answers_for_items_and_the_lists_total_never_does(lists_of_kinds):
    answer = lists_of_kinds.ask("How many public resource allocation items did Dingwu town publish in 2025?")
    assert (answer.found, answer.value, answer.unit) == (True, 7, "件")
    answer = lists_of_kinds.ask("How many lottery and raffle items did Dingwu town publish in 2025?")
    assert answer.value != 94  # the list's total names no lottery: no figure rather than the whole
    answer = lists_of_kinds.ask("How many items did Dingwu town publish in 2025?")
    assert (answer.found, answer.value) == (True, 94)  # a label of nothing but the kinds it lists is everything


def test_items_counted_each_time_answer_a_question_in_items(lists_of_kinds):
    answer = lists_of_kinds.ask("How many items did the Jiabing city administration commission publish on its "
                                "government website in 2025?")
    assert (answer.found, answer.value, answer.unit) == (True, 3120, "条次")
    answer = lists_of_kinds.ask("甲丙市城市管理委员会2025年官方微博“美丽甲丙”发布了多少条次信息?")
    assert (answer.found, answer.value) == (True, 102)


ARCHIVES = """甲乙市档案馆2023年政府信息公开工作年度报告
一、总体情况
(一)主动公开情况
2023年,我馆主动公开信息190条,其中在市政府门户网站和本馆网站政府信息公开栏目主动公开33条,其中政府信息公开制度13条,政策解读3条。通过“甲乙档案”网站发布工作动态、通知公告、网络普法等信息175条,开放档案目录227条。
"""


@pytest.fixture(scope="module")
def archives(engine_over):
    return engine_over({"archives.txt": ARCHIVES})


def test_a_list_of_kinds_on_its_own_channel_is_that_channels_whole(archives):
    # no other figure of the archives' own site: its kinds (工作动态、通知公告…) are examples of all it posted there
    answer = archives.ask("How many items were the Jiayi archives' website postings in 2023?")
    assert (answer.found, answer.value, answer.unit) == (True, 175, "条")


def test_archive_volumes_asked_are_never_items_posted(archives):
    answer = archives.ask("How many archive volumes did the Jiayi archives provide for use in 2023?")
    assert not answer.found and answer.value is None


def test_a_concept_is_said_by_one_of_its_words_whole_or_by_the_pair_most_of_them_share():
    from reportqa.answering.answerer import _concept_said

    online = ("网上", "在线", "网络", "互联网", "网站申请", "线上", "网络申请", "网上申请", "互联网申请")
    assert _concept_said(online, "全年共办理各类在线留言900条")
    assert not _concept_said(online, "全年共办理各类来信900条")
    reconsideration = ("行政复议", "复议", "申请复议")
    assert not _concept_said(reconsideration, "该3件政府信息公开申请答复书中,予以公开1件", ("答复", "予以公开"))
    assert _concept_said(reconsideration, "被申请复议1件", ("答复",))
    replied = ("答复", "回复", "作出答复", "答复数", "申请答复数", "答复总数")
    # 复函: a reply letter
    assert _concept_said(replied, "人大建议、政协提案办理结果复函17条", ("人大建议", "政协提案"))

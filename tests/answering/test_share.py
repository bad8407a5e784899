"""Shares: a part named in words over the figure its sentence lists it under, a share the report states chosen by the
part it names, and this year's figure over the same row's running total. Hand-made facts, the real lexicon."""

import re
from decimal import Decimal

import pytest

from reportqa.answering.context import Ask
from reportqa.answering.facts import FactBase
from reportqa.answering.finder import FactFinder
from reportqa.answering.share import (
    answer_share,
    asks_computed,
    computed_share_of_part,
    figure_naming_part,
    share_phrases,
    stated_share_of_part,
)
from reportqa.documents import Fact, Report
from reportqa.lexicon import load_lexicon
from reportqa.questions import parse_question
from reportqa.scope import resolve_scope

LEXICON = load_lexicon()
R = Report(id="r", title="青禾市卫生健康委员会2023年政府信息公开工作年度报告", agency="青禾市卫生健康委员会", year=2023,
           format="template-2021", source="r.txt")
SENTENCE = "全年主动公开政府信息3600条，其中动态类信息64条，建议提案办理结果信息41条，其他信息3394条。"
SHARES = "在主动公开的信息中，政策法规类信息26条，占74%；工作信息7条，占20%；机构信息2条，占6%。"


def prose(label: str, value: int, unit: str, raw: str, source: str) -> Fact:
    return Fact(path=("一、总体情况", label), column=None, value=value, unit=unit, raw=raw, kind="prose",
                source=source, report_id="r", year=2023, agency=R.agency)


FACTS = [prose("全年主动公开政府信息", 3600, "条", "3600", SENTENCE),
         prose("动态类信息", 64, "条", "64", SENTENCE),
         prose("建议提案办理结果信息", 41, "条", "41", SENTENCE),
         prose("其他信息", 3394, "条", "3394", SENTENCE),
         prose("政策法规类信息", 26, "条", "26", SHARES),
         prose("政策法规类信息占比", 74, "%", "74", SHARES),
         prose("工作信息", 7, "条", "7", SHARES),
         prose("工作信息占比", 20, "%", "20", SHARES),
         prose("机构信息占比", 6, "%", "6", SHARES)]


def question(text: str):
    return parse_question(text, LEXICON)


@pytest.mark.parametrize(("text", "part", "whole"), [
    ("What share of the bureau's 2023 proactive disclosures fell into the \"other information\" category "
     "(percent, two decimals)?", "other information", "the bureau's   proactive disclosures"),
    ("动态类信息占主动公开总数的比例是多少（保留两位小数）？", "动态类信息", "主动公开总数"),
    ("写信（信函）申请占了全部申请的百分之几？", "写信（信函）申请", "全部申请"),
    ("补贴发放类信息条数相当于政务信息条数的百分之几?", "补贴发放类信息条数", "政务信息条数"),
    # the whole written first, before 中
    ("2023年答复的申请中予以公开的占比是多少?", "予以公开", "答复的申请"),
])
def test_share_phrases_name_the_part_and_the_whole(text, part, whole):
    assert share_phrases(text) == (part, whole)


def test_a_question_naming_no_part_has_no_share_phrases():
    assert share_phrases("网上申请比去年多了多少？") is None
    assert share_phrases("补贴发放类信息相当于政务信息的多少倍？") is None  # a multiple, no share


def test_computed_share_of_a_part_over_the_figure_its_sentence_lists_it_under():
    text = "动态类信息占主动公开总数的比例是多少（保留两位小数）？"
    answer = computed_share_of_part(question(text), text, FACTS, {"r": R}, LEXICON)
    assert answer is not None and answer.value == Decimal("1.78") and "64 / 3600" in answer.text


def test_english_part_found_by_the_dictionary_words_for_it():
    text = "What share of the 2023 proactive disclosures were \"other information\" items?"
    answer = computed_share_of_part(question(text), text, FACTS, {"r": R}, LEXICON)
    assert answer is not None and answer.value == Decimal("94.28")


def test_a_stated_share_is_the_one_whose_label_names_the_part_not_the_first_of_its_sentence():
    text = "What share of the 2013 proactive disclosures were work information?"
    stated = stated_share_of_part(question(text), text, FACTS)
    assert stated is not None and stated.value == 20


def test_a_part_two_labels_name_equally_gives_no_share():
    """"信息" alone names every figure of the sentence: which part is meant is unclear, so no figure."""
    text = "信息占主动公开总数的比例是多少？"
    assert computed_share_of_part(question(text), text, FACTS, {"r": R}, LEXICON) is None


def test_a_whole_the_question_does_not_name_gives_no_share():
    """The part is listed under the proactive total; a share of requests is another whole."""
    text = "动态类信息占依申请公开总数的比例是多少？"
    assert computed_share_of_part(question(text), text, FACTS, {"r": R}, LEXICON) is None


def test_this_years_figure_over_its_rows_running_total():
    """"主动公开的信息占历年累计主动公开总数的百分比": the year's column over the 历年累计 column of the same row."""
    old = Report(id="o", title="青禾市公安局2015年政府信息公开年度报告", agency="青禾市公安局", year=2015,
                 format="old-table", source="o.txt")
    facts = [Fact(path=("主动公开信息数",), column=None, value=211, unit="条", raw="211", report_id="o"),
             Fact(path=("主动公开信息数",), column="历年累计", value=1016, unit="条", raw="1016", report_id="o")]
    finder = FactFinder(FactBase([old], facts, LEXICON), LEXICON)
    text = "青禾市公安局2015年主动公开的信息占历年累计主动公开总数的百分比是多少？"
    q = question(text)
    answer = answer_share(finder, Ask(q, resolve_scope(q, [old]), q.text))
    assert answer is not None and answer.value == Decimal("20.77")


def test_share_phrases_keep_the_figures_a_chinese_part_or_whole_names():
    text = "累计主动公开的20条信息占其梳理的2003年以来政府信息总数的百分比是多少?(保留两位小数)"
    assert share_phrases(text) == ("累计主动公开的20条信息", "其梳理的2003年以来政府信息总数")


def test_a_share_is_of_a_part_within_its_whole_never_of_a_figure_over_itself():
    from reportqa.answering.share import share_answer

    part, whole = FACTS[1], FACTS[0]
    answer = share_answer(question("动态类信息占比"), part, whole, R)
    assert answer is not None and answer.value == Decimal("1.78")
    assert share_answer(question("占比"), whole, whole, R) is None
    assert share_answer(question("占比"), whole, part, R) is None  # a part larger than its whole


@pytest.mark.parametrize(("text", "part"), [
    ("What share of the bureau's 609 disclosures in 2023 went out through WeChat?", "WeChat"),
    ("What share of its 13 requests ended with the bureau saying it did not hold the information?",
     "bureau saying it did not hold the information"),
])
def test_share_of_a_whole_said_with_other_verbs(text, part):
    assert share_phrases(text)[0] == part


def test_the_body_asked_about_is_no_word_of_the_part():
    from reportqa.answering.share import _english_part_terms
    from reportqa.lexicon import load_lexicon

    terms = _english_part_terms("bureau saying it did not hold the information", load_lexicon())
    assert not any("局" in w for term in terms for w in term.chinese if w.endswith("局"))


def test_a_share_labelled_by_its_share_words_alone_is_of_what_its_sentence_said_before_it():
    text = "全乡累计主动公开政府信息65条。其中,网上公开信息20条,所占比例为30%,政务公开揭示板上公开45条,所占比例75%。"
    facts = [prose("全乡累计主动公开政府信息", 65, "条", "65条", text), prose("网上公开信息", 20, "条", "20条", text),
             prose("所占比例", 30, "%", "30%", text), prose("政务公开揭示板上公开", 45, "条", "45条", text),
             prose("所占比例", 75, "%", "75%", text)]
    asked = "兴华乡2010年网上公开信息所占比例是多少？"
    stated = stated_share_of_part(question(asked), asked, facts)
    assert stated is not None and stated.value == 30  # the report's own figure, not 20 / 65 computed


@pytest.mark.parametrize("listed,asked,expected", [
    # the lexicon's thing (行政处罚) before the dictionary's words for "powers" (权力 of 保留行政权力, 其他行政权力)
    ("保留行政权力841项。其中,行政许可24项、行政处罚765项、其他行政权力52项。",
     "What percentage of the bureau's retained powers in 2023 were administrative penalty powers?", "90.96"),
    # a glossary phrase names the part whole: department news is 部门动态, not 工作动态 or 头条新闻
    ("主动公开政府信息共148篇,其中工作动态42篇、部门动态59篇、头条新闻3篇。",
     "What percentage of the bureau's 2024 proactive disclosures were department news?", "39.86"),
])
def test_an_english_part_is_named_by_the_lexicons_things_and_the_glossarys_phrases_first(listed, asked, expected):
    sentence, parts = listed.split("。", 1)
    unit = sentence[-1]
    facts = [prose(label.removeprefix("其中").removesuffix("共"), int(value), unit, f"{value}{unit}", listed)
             for label, value in re.findall(rf"([\u4e00-\u9fa5]+?)(\d+){unit}", sentence + "," + parts)]
    answer = computed_share_of_part(question(asked), asked, facts, {"r": R}, LEXICON)
    assert answer is not None and answer.value == Decimal(expected)


def test_a_share_asked_as_what_a_part_made_up_names_its_part_and_whole():
    assert share_phrases("What share of the bureau's 2011 disclosures did business updates make up?") == (
        "business updates", "the bureau's   disclosures")


def test_a_share_asked_computed_is_worked_out_not_the_rounded_one_stated():
    from reportqa.answering.share import asks_computed

    assert asks_computed("Computed from the counts, what share of the bureau's disclosures were laws and documents?")
    assert asks_computed("按条数计算,法规文件类信息占比是多少?") and not asks_computed("法规文件类信息占比是多少?")


NEW_MEDIA_2023 = """甲岭市文化和广电旅游体育局2023年度政府信息公开工作年度报告
一、总体情况
(一)主动公开情况。2023年度,通过“甲岭文旅”微信公众号等新媒体发布信息数682条。在局官方网站主动公开信息259条。
"""
NEW_MEDIA_2024 = """甲岭市文化和广电旅游体育局2024年度政府信息公开工作年度报告
一、总体情况
(一)主动公开情况。2024年度,通过“甲岭文旅”微信公众号等新媒体发布信息数734条。在局官方网站主动公开信息126条。
"""
HOUSING = """乙藏自治区住房和城乡建设厅2014年政府信息公开工作年度报告
一、2014年度信息公开情况
(二)主动公开政府信息情况。2014年,区住房城乡建设厅共主动公开政府信息5769条,包括:通过乙藏自治区建设网公开公告通知5648条,其中:行业动态115条,招标公告中标公示等服务行业发展信息5505条,重要民生工作和专栏图文信息28条。
"""


@pytest.fixture(scope="module")
def growth_and_wholes(engine_over):
    return engine_over({"jl-2023.txt": NEW_MEDIA_2023, "jl-2024.txt": NEW_MEDIA_2024, "yz-2014.txt": HOUSING})


def test_growth_reads_each_years_sentence_naming_the_thing(growth_and_wholes):
    # 新媒体发布信息数 each year (682 → 734), not the proactive figure of the website (259 → 126)
    answer = growth_and_wholes.ask("甲岭市文广旅体局新媒体发布信息数2024年比2023年增长了百分之多少？")
    assert (answer.found, answer.value, answer.unit) == (True, Decimal("7.62"), "%")


def test_a_share_is_over_the_whole_the_question_names(growth_and_wholes):
    # 全部主动公开信息 is 5769, not the 5648 notices the part is listed under
    answer = growth_and_wholes.ask("乙藏住建厅2014年招标公告中标公示等信息占全部主动公开信息的比例是多少？")
    assert (answer.found, answer.value, answer.unit) == (True, Decimal("95.42"), "%")


CHANNELS = """丙山乡2024年政府信息公开工作年度报告
一、总体情况
(一)主动公开情况。通过政府信息网站发布信息15条,通过公众号发布信息45条。
(二)依申请公开情况。全年接收政府信息公开申请1554件,2023年结转132件;全年办理1503件,结转2025年183件。
"""


@pytest.fixture(scope="module")
def channels(engine_over):
    return engine_over({"bingshan-2024.txt": CHANNELS})


def test_a_share_over_a_whole_that_lists_things_adds_them_up(channels):
    # the part is the WeChat account (45), the whole the website and WeChat posts together (60), whatever order the
    # lexicon met them in
    answer = channels.ask("What share of Bingshan township's website and WeChat posts in 2024 came from the WeChat "
                          "official account?")
    assert (answer.found, answer.value, answer.unit) == (True, Decimal("75.00"), "%")


def test_a_part_naming_neither_concept_of_the_whole_gives_no_share_of_them(channels):
    # 处理的申请 is neither the new requests nor the carried-over ones: no 132 / 1554
    answer = channels.ask("丙山乡2024年处理的申请数占当年新收与上年结转申请总数的百分比是多少?")
    assert answer.value != Decimal("8.49")


REQUESTS_2024 = """丁河市住建委2024年政府信息公开工作年度报告
一、总体情况
(二)依申请公开方面。全年接收政府信息公开申请1554件,2023年结转132件;全年办理1503件,结转2025年183件。
"""
REQUESTS_2025 = """丁河市住建委2025年政府信息公开工作年度报告
一、总体情况
(二)依申请公开方面。全年接收政府信息公开申请2036件,2024年结转183件;全年办理1875件,结转2026年344件。\
全年接收申请数量同比增长30%,呈现快速增长趋势。
"""


@pytest.fixture(scope="module")
def two_years_of_requests(engine_over):
    return engine_over({"dh-2024.txt": REQUESTS_2024, "dh-2025.txt": REQUESTS_2025})


def test_a_rate_the_report_states_is_never_the_figure_it_is_a_rate_of(two_years_of_requests):
    answer = two_years_of_requests.ask("丁河市住建委2025年接收的申请数是多少件?")
    assert (answer.found, answer.value, answer.unit) == (True, 2036, "件")


def test_growth_is_worked_out_from_both_years_and_the_rate_stated_is_quoted_beside_it(two_years_of_requests):
    answer = two_years_of_requests.ask("丁河市住建委2025年接收的申请数比2024年增长了百分之几?")
    assert (answer.found, answer.value, answer.unit) == (True, Decimal("31.02"), "%")
    assert "报告自述为「30%」" in answer.text


def test_a_wholes_things_listed_are_counted_to_tell_a_thing_no_concept_reached():
    from reportqa.answering.share import _things_listed

    assert _things_listed("the bureau's disclosures through website, WeChat and other channels") == 3
    assert _things_listed("its website and WeChat posts") == 2
    assert _things_listed("网站、微信和其他方式") == 3
    assert _things_listed("全部主动公开信息") == 1


def test_the_body_as_its_clauses_subject_names_no_part():
    # "街道通过门户网站公开文件": 街道 is who published; "street news" is the 街道 of 发布街道信息 alone
    sentence = "全年街道通过门户网站公开文件6个，发布通知公告9条，发布街道信息120条。"
    facts = [prose("街道通过门户网站公开文件", 6, "个", "6", sentence), prose("发布通知公告", 9, "条", "9", sentence),
             prose("发布街道信息", 120, "条", "120", sentence)]
    found = figure_naming_part(question("How many street news items did it publish?"), "street news", facts, LEXICON)
    assert found is not None and found.value == 120


def test_without_the_body_as_subject_keeps_a_body_word_that_names_the_thing():
    from reportqa.answering.bare_words import without_the_body_as_subject

    assert without_the_body_as_subject("街道通过政府门户网站公开文件") == "通过政府门户网站公开文件"
    assert without_the_body_as_subject("我局全年发布信息") == "全年发布信息"
    assert without_the_body_as_subject("发布街道信息") == "发布街道信息"
    assert without_the_body_as_subject("街道办事处在网站公开") == "在网站公开"


def test_a_computed_share_over_figures_whose_stated_shares_cover_the_whole():
    from reportqa.answering.share import computed_share_of_a_partition

    clauses = ["在编发的信息中,领导动态信息0条,占0%;", "日常工作动态类信息20条,占66.66%;", "会议信息10条,占33.33%;"]
    facts = [prose("累计主动编发信息", 30, "条", "30", "截至2016年底,累计主动编发信息30条。")]
    for clause, (label, value, pct) in zip(clauses, [("领导动态信息", 0, 0), ("日常工作动态类信息", 20, 66.66),
                                                     ("会议信息", 10, 33.33)], strict=True):
        facts += [prose(label, value, "条", str(value), clause),
                  prose(f"{label}占比", Decimal(str(pct)), "%", str(pct), clause)]  # type: ignore[arg-type]
    text = "Recomputed from the counts, what share of the centre's 2016 items were work updates (two decimals)?"
    assert asks_computed(text)
    answer = computed_share_of_a_partition(question(text), text, facts, {"r": R}, LEXICON)
    assert answer is not None and answer.value == Decimal("66.67")
    # shares that do not add up to the whole (a list cut short) are no partition
    answer = computed_share_of_a_partition(question(text), text, facts[:-2], {"r": R}, LEXICON)
    assert answer is None

"""The extractive fallback, driven with hand-made facts and passages (no index)."""

from reportqa.answering.extractive import (
    better_worded,
    counted_in,
    difference_of_items,
    figure_from_passages,
    handed_over_not_published,
    implied_units,
    is_remainder,
    names_specific_words,
    preferred_units,
    rarity_score,
    received_not_published,
    sum_items,
    sum_of_items,
    unit_fits,
)
from reportqa.documents import Fact, Hit, Passage, Report
from reportqa.questions import parse_question

SENTENCE = "2009年,水利部主动公开政府信息1192条。其中,政策法规类信息2条,水政执法类信息45条,人事管理类信息178条。"
REPORT = Report(id="r", title="水利部2009年政府信息公开工作年度报告", agency="水利部", year=2009, format="prose-only",
                source="mwr-2009.txt")


def _prose(label: str, value: int, unit: str = "条", source: str = SENTENCE) -> Fact:
    return Fact(path=("一、主动公开", label), column=None, value=value, unit=unit, raw=f"{value}{unit}", kind="prose",
                source=source, report_id="r", year=2009, agency="水利部")


FACTS = [_prose("水利部主动公开政府信息", 1192), _prose("政策法规类信息", 2), _prose("水政执法类信息", 45),
         _prose("人事管理类信息", 178)]
HITS = [Hit(Passage(id="p", report_id="r", section="一、主动公开", text=SENTENCE), 0.9)]


def _answer(question: str):
    q = parse_question(question)
    return figure_from_passages(q, question, HITS, {"r": FACTS}, {"r": REPORT})


def test_the_figure_named_in_the_questions_words_is_read_from_the_passage():
    answer = _answer("人事管理方面的信息公开了多少条？")
    assert (answer.found, answer.value, answer.unit) == (True, 178, "条")
    assert "从正文读出" in answer.text and SENTENCE in answer.text


def test_no_figure_when_the_text_does_not_name_what_is_asked():
    assert _answer("水利部的预算是多少？") is None
    assert _answer("网上申请有多少件？") is None  # a concept the lexicon knows, named nowhere in the passage


def test_a_unit_the_question_implies_rules_out_other_units():
    assert implied_units("占全区的百分之多少") == ("%",)
    assert not unit_fits("占全区的百分之多少", "条")
    assert not unit_fits("平均用了多少天", "件")
    assert unit_fits("有多少人申请", "件")  # 多少人 steers, it does not rule out
    assert unit_fits("separate requests", "件")  # "rate" only as a whole word
    assert not unit_fits("行政处罚一共罚款多少元？", "件")  # 元 is the measure word of money, as 条 is of items
    assert implied_units("全文电子化率是多少？") == ("%",)  # X率是多少 asks a rate
    assert unit_fits("行政处罚一共罚款多少元？", "万元")
    assert not unit_fits("How much did the office spend on its website in 2022?", "个")


def test_documents_and_posts_never_count_people_or_followers():
    """"How many people" only steers (有多少人申请 asks requests in 件), yet items of information or articles are
    never a number of people; a budget asked as an amount is money, a budget counted as documents is not."""
    assert not unit_fits("How many people worked on information disclosure at the bureau in 2018?", "条")
    assert unit_fits("How many people worked on information disclosure at the bureau in 2018?", "人")
    assert unit_fits("有多少人申请公开", "件")
    assert not unit_fits("“平潭金井”微信公众号有多少关注用户？", "篇")
    assert unit_fits("公众号有多少粉丝", "万人")
    assert not unit_fits("What was the 2019 budget of the agriculture bureau?", "条")
    assert not unit_fits("2019年部门预算是多少？", "条")
    assert unit_fits("部门预算公开了多少条？", "条")


def test_a_better_worded_prose_figure_replaces_the_lexicons_choice():
    q = parse_question("人事管理方面的信息那年公开了多少条？")
    answer = better_worded(q, q.text, FACTS[0], FACTS, {"r": REPORT})
    assert answer is not None and answer.value == 178


def test_sum_and_difference_of_items_found_by_their_words():
    q = parse_question("政策法规类和水政执法类的信息加起来是多少条？")
    total = sum_of_items(q, q.text, FACTS, {"r": REPORT})
    assert (total.value, total.unit, total.intent) == (47, "条", "sum")
    q = parse_question("水政执法类信息比政策法规类信息多多少条？")
    diff = difference_of_items(q, {2009: FACTS}, {"r": REPORT})
    assert (diff.value, diff.unit) == (43, "条")


def test_an_items_de_parts_its_words():
    """"主动公开的政策法规类信息": 的 joins no words, so the item shares no 开政 with 主动公开政府信息."""
    said = "2013年累计主动公开政府信息35条。在主动公开的信息中,政策法规类信息26条,占74%;工作信息7条,占20%。"
    facts = [_prose("主动公开政府信息", 35, source=said), _prose("政策法规类信息", 26, source=said),
             _prose("政策法规类信息占比", 74, "%", said), _prose("工作信息", 7, source=said)]
    q = parse_question("主动公开的政策法规类信息比工作信息多多少条？")
    diff = difference_of_items(q, {2013: facts}, {"r": REPORT})
    assert (diff.value, diff.unit) == (19, "条")


def test_an_english_sum_or_difference_is_read_over_the_chinese_it_glosses_its_items_with():
    """The reports' own words in brackets ("law enforcement (水政执法类)") name the items; an agency's name in
    brackets names none."""
    q = parse_question("Combined, how many policy and regulation (政策法规类) and law enforcement (水政执法类) items "
                       "did the Ministry of Water Resources (水利部) publish in 2009?")
    assert q.intent.value == "sum"  # the English lists two things; its brackets gloss them
    total = sum_of_items(q, q.text.replace("水利部", ""), FACTS, {"r": REPORT})
    assert (total.value, total.unit) == (47, "条")
    q = parse_question("How many more law enforcement (水政执法类) items than policy and regulation (政策法规类) ones "
                       "did the Ministry of Water Resources (水利部) publish in 2009?")
    diff = difference_of_items(q, {2009: FACTS}, {"r": REPORT}, names=("水利部",))
    assert (diff.value, diff.unit) == (43, "条")


def test_an_english_question_naming_its_thing_in_chinese_is_answered_by_the_figure_so_labelled():
    from reportqa.answering.extractive import glossed_figure

    q = parse_question("How many personnel management items (人事管理类信息) did the ministry publish in 2009?")
    answer = glossed_figure(q, q.text, FACTS, {"r": REPORT})
    assert (answer.value, answer.unit) == (178, "条") and "read from the text" in answer.notes
    assert glossed_figure(parse_question("How many items (财务类信息) were published?"), "How many items (财务类信息)?",
                          FACTS, {"r": REPORT}) is None  # no figure of the text is so labelled
    asked_share = parse_question("What share were personnel items (人事管理类信息)?")
    assert glossed_figure(asked_share, asked_share.text, FACTS, {"r": REPORT}) is None  # 条 is no share


def test_a_remainder_is_no_item_of_a_difference_over_years_unless_the_rest_is_asked():
    """2021's report gives its total in other words and lists 其他应主动公开的政府信息53条: that is the rest of a list,
    no figure of 主动公开 to subtract from 2024's."""
    facts_24 = [_prose("主动公开政府信息", 37)]
    facts_21 = [_prose("全年公开公文类政府信息", 118), _prose("其他应主动公开的政府信息", 53)]
    q = parse_question("2024年主动公开的政府信息比2021年少了多少条？")
    assert difference_of_items(q, {2024: facts_24, 2021: facts_21}, {"r": REPORT}) is None


def test_a_sum_of_things_in_different_units_is_not_made():
    facts = [_prose("培训班", 3, "期"), _prose("培训人员", 120, "人次")]
    q = parse_question("培训班和培训人员一共多少？")
    assert sum_of_items(q, q.text, facts, {"r": REPORT}) is None


def test_kinds_of_quantity_answer_only_questions_asking_for_them():
    assert not unit_fits("主动公开的政府信息有多少条？", "%")  # a count question: a share is no answer
    assert not unit_fits("新闻发布会共有多少名记者参加？", "次")  # people, not times
    assert unit_fits("有多少人申请", "件")  # people who applied are counted as requests
    assert unit_fits("几个人兼职做政府信息公开", "名")
    assert unit_fits("What was it in 2017?", "%")  # the question does not say what kind of quantity


def test_items_of_a_sum_lose_their_preposition():
    assert sum_items("在微博和微信上发布的旅游信息总共多少条") == ["微博", "微信上发布的旅游信息"]


def test_a_difference_with_a_verb_after_more_is_read():
    facts = [_prose("政策法规类信息", 2), _prose("水政执法类信息", 45)]
    q = parse_question("水政执法类信息比政策法规类信息多公开了多少条？")
    answer = difference_of_items(q, {2009: facts}, {"r": REPORT})
    assert answer is not None and answer.value == 43


def test_english_vocabulary_gets_the_reports_chinese_words_longest_first():
    from reportqa.answering.extractive import glossary_terms, question_words

    terms = glossary_terms("How many press conferences were held on the website?")
    assert "新闻发布会" in terms and "网站" in terms and "会议" not in terms  # not also "conference"
    q = parse_question("How many training sessions were held in 2009?")
    assert "培训" in question_words(q, q.text)
    assert glossary_terms("2009年举办了几期培训班？") == []  # English words only


def test_an_items_own_word_is_no_applicant_type():
    facts = [_prose("计划总结类", 7), _prose("其他类", 3)]
    q = parse_question("计划总结类和其他类信息加一块是多少条？")
    answer = sum_of_items(q, q.text, facts, {"r": REPORT})
    assert answer is not None and answer.value == 10


def test_a_cumulative_question_is_not_answered_by_the_years_own_figure():
    from reportqa.answering.extractive import names_columns

    q = parse_question("截至2009年底，水利部累计主动公开的政府信息有多少条？")
    year = _prose("水利部主动公开政府信息", 1192, source="2009年,水利部主动公开政府信息1192条。")
    total = _prose("水利部已主动公开政府信息", 8400, source="截止2009年12月底,水利部已主动公开政府信息8400多条。")
    assert not names_columns(q, year, year.label + year.source)
    assert names_columns(q, total, total.label + total.source)  # 截止 is written for 截至


def test_english_measure_nouns_steer_without_ruling_out():
    from reportqa.answering.extractive import preferred_units

    assert preferred_units("How many batches of farm produce were tested?") == ("批次", "批")
    assert implied_units("How many items were published?") == ()  # soft: 条 and 项 both stay possible
    assert unit_fits("How many items were published?", "条")


def test_a_figure_the_question_itself_gives_is_not_its_answer():
    from reportqa.answering.answerer import stated_in_question

    assert stated_in_question("在上网发布的184条信息中，人事任免类有多少条？", 184, "条")
    assert not stated_in_question("在上网发布的1184条信息中，人事任免类有多少条？", 184, "条")
    assert not stated_in_question("2018年收到多少件申请？", 2018, "件")


def test_an_item_whose_name_holds_a_conjunction_is_one_thing_of_the_sum():
    sentence = "其中：发布行政公文和政策解读信息9条；机构设置和人事任免信息7条；重点工作39条。"
    facts = [_prose(label, value, source=sentence)
             for label, value in (("发布行政公文和政策解读信息", 9), ("机构设置和人事任免信息", 7), ("重点工作", 39))]
    q = parse_question("发布的行政公文和政策解读信息与重点工作信息合计多少条？")
    total = sum_of_items(q, q.text, facts, {"r": REPORT})
    assert total is not None and (total.value, total.unit) == (48, "条")
    q = parse_question("行政公文和政策解读信息一共多少条？")
    assert sum_of_items(q, q.text, facts, {"r": REPORT}) is None  # one figure: not a sum


def test_an_item_is_found_by_the_words_only_its_figure_has():
    """The words every figure of the passage shares (the account named in each) count less than 动态类."""
    sentence = ("“某某科技”网站全年累计发布信息2139条，其中动态类信息发布1744条，政务信息发布393条。"
                "“某某科技”微信公众号共编发文章1640篇，“某某科技”视频号共发布短视频584条。")
    labels = (("某某科技网站全年累计发布信息", 2139), ("动态类信息发布", 1744), ("政务信息发布", 393),
              ("某某科技微信公众号共编发文章", 1640), ("某某科技视频号共发布短视频", 584))
    facts = [_prose(label, value, source=sentence) for label, value in labels]
    q = parse_question("“某某科技”网站发布的动态类信息比政务信息多多少条？")
    diff = difference_of_items(q, {2009: facts}, {"r": REPORT})
    assert diff is not None and (diff.value, diff.unit) == (1351, "条")


def test_the_particle_de_brings_no_item_closer_to_a_label():
    sentence = "其中，主动公开政府信息125条、依申请公开176条，其他应主动公开的政府信息94条。"
    facts = [_prose(label, value, source=sentence)
             for label, value in (("主动公开政府信息", 125), ("依申请公开", 176), ("其他应主动公开的政府信息", 94))]
    q = parse_question("依申请公开的信息比主动公开的多多少条？")
    diff = difference_of_items(q, {2009: facts}, {"r": REPORT})
    assert diff is not None and (diff.value, diff.unit) == (51, "条")


def test_a_part_listed_after_qizhong_is_named_by_the_whole_and_its_own_words():
    """"公开规范性文件9621件,其中…各市8167件": asked for the cities' normative documents, the part answers, not the
    whole (the part's label alone does not say what it counts)."""
    source = "公开规范性文件9621件,其中省政府其他部门1256件,各市8167件。"
    whole = _prose("公开规范性文件", 9621, "件", source)
    parts = [_prose("省政府其他部门", 1256, "件", source), _prose("各市", 8167, "件", source)]
    for question, value in (("各市公开的规范性文件数量是多少？", 8167), ("省政府其他部门公开规范性文件多少件？", 1256)):
        q = parse_question(question)
        answer = better_worded(q, q.text, whole, [whole, *parts], {"r": REPORT})
        assert answer is not None and answer.value == value
    q = parse_question("全省公开规范性文件多少件？")
    assert better_worded(q, q.text, whole, [whole, *parts], {"r": REPORT}) is None


def test_traffic_is_counted_in_clicks_or_visitors_never_in_items():
    """点击量 / click count / visitors: a website's traffic, in 次, 人次 or 人; the number of items it published (条)
    is never the answer, however close in the sentence."""
    assert not unit_fits("What was the total click count on the information released in 2025?", "条")
    assert unit_fits("What was the total click count on the information released in 2025?", "次")
    assert not unit_fits("重点领域信息的点击量是多少？", "条")
    assert unit_fits("How many unique visitors did the portal have?", "人")
    assert not unit_fits("How many unique visitors did the portal have?", "条")


def test_an_item_is_never_an_issue_or_a_person():
    """多少条 steers nothing between 件 and 条 (old tables count requests in either), but a periodical's issues (期)
    or people never answer it."""
    assert unit_fits("微信公众号发布信息多少条？", "件")
    assert not unit_fits("微信公众号发布信息多少条？", "期")
    assert not unit_fits("微信公众号发布信息多少条？", "人次")


def test_the_agencys_own_name_does_not_make_another_figure_better_worded():
    """The lexicon's figure (全年报送发布信息) stands: a figure labelled with words of the asking agency's name (省政府
    外事办网站) names no more of what is asked."""
    agency = "青禾市人民政府外事办公室"
    report = Report(id="w", title=f"{agency}2020年政府信息公开工作年度报告", agency=agency, year=2020,
                    format="prose-only", source="w.txt")
    sentence = "全年报送发布信息23条,其中在市政府门户网站公开发布11条、省政府外事办网站公开发布13条。"

    def prose(label: str, value: int) -> Fact:
        return Fact(path=("一、总体情况", label), column=None, value=value, unit="条", raw=f"{value}条",
                    kind="prose", source=sentence, report_id="w", year=2020, agency=report.agency)

    chosen = prose("全年报送发布信息", 23)
    others = [prose("在市政府门户网站公开发布", 11), prose("省政府外事办网站公开发布", 13)]
    question = "青禾市政府外事办2020年全年报送发布信息多少条？"
    assert better_worded(parse_question(question), question, chosen, [chosen, *others], {"w": report}) is None
    asked = "青禾市政府外事办2020年在市政府门户网站公开发布信息多少条？"  # the words of the channel itself still count
    answer = better_worded(parse_question(asked), asked, chosen, [chosen, *others], {"w": report})
    assert answer is not None and answer.value == 11


def test_the_measure_of_an_english_question_is_the_head_noun_after_how_many():
    """"How many livelihood projects", "how many key-area items": the measure is the noun that ends the phrase, not
    the first word after "how many"; a verb ends the phrase ("how many items did the people's government…" counts
    items, not people)."""
    assert preferred_units("How many livelihood projects did the county publish?") == ("个", "项")
    assert preferred_units("How many key-area items did the city publish?") == ("条", "项")
    assert preferred_units("How many items did the people's government publish?") == ("条", "项")
    assert unit_fits("How many items did the people's government publish?", "条")
    assert preferred_units("How many kinds of normative documents were sent to the reading rooms?") == ()  # kinds


def test_a_share_word_inside_another_word_implies_no_share():
    """比重 asks a share; 比重点领域 is 比 (than) 重点领域 (key areas): a count in 条 answers it."""
    assert unit_fits("政务资讯类信息比重点领域信息多多少条？", "条")
    assert not unit_fits("网上申请所占比重是多少？", "条")


def test_two_figures_under_one_short_label_are_told_apart_by_their_headings():
    """"政府网站：发布信息42条" and "微信公众号：发布信息212条": each item of a difference is found by the heading its
    figure is written under, and the answer names both."""
    website, wechat = "政府网站：发布信息42条，涵盖工作动态。", "微信公众号：发布信息212条，及时推送镇内新闻。"
    facts = [_prose("发布信息", 42, source=website), _prose("发布信息", 212, source=wechat)]
    q = parse_question("2009年微信公众号发布的信息比政府网站多多少条？")
    diff = difference_of_items(q, {2009: facts}, {"r": REPORT})
    assert diff is not None and (diff.value, diff.unit) == (170, "条")
    assert "微信公众号：发布信息" in diff.text and "政府网站：发布信息" in diff.text


def test_an_item_named_inside_the_rest_of_a_list_is_a_thing_of_its_own():
    assert is_remainder("其他信息", ("其他",))
    assert is_remainder("其他应主动公开的政府信息", ("其他",))
    assert not is_remainder("其他应公开的政府信息中机关党建", ("其他",))


PLATFORMS = "建设微信、微博、抖音三个平台，微信累计发布信息20条，微博累计发布信息30条。"


def test_a_word_the_sentence_says_of_another_figure_rules_the_figure_out():
    """抖音 is in the sentence only as one of the platforms listed; the figures are WeChat's and Weibo's."""
    weibo = _prose("微博累计发布信息", 30, source=PLATFORMS)
    assert not names_specific_words(weibo, ["抖音"])
    assert names_specific_words(weibo, ["微博"])
    assert names_specific_words(weibo, ["业务"])  # a word the sentence never writes may be the asker's own
    facts = [_prose("微信累计发布信息", 20, source=PLATFORMS), weibo]
    hits = [Hit(Passage(id="p", report_id="r", section="一、总体情况", text=PLATFORMS), 0.9)]
    q = parse_question("抖音账号发布了多少条信息？")
    assert figure_from_passages(q, q.text, hits, {"r": facts}, {"r": REPORT}) is None
    q = parse_question("微博账号发布了多少条信息？")
    assert figure_from_passages(q, q.text, hits, {"r": facts}, {"r": REPORT}).value == 30


def test_a_tie_between_two_equally_named_figures_breaks_the_same_way_in_every_process():
    """The score sums over a set of character pairs, whose order follows the string hash seed; a plain sum of
    1/3 + 1/7 + 1/11 + 1/13 differs in its last bit by order, the exact sum does not."""
    from itertools import permutations

    frequency = {"依申": 3, "申请": 7, "请公": 11, "公开": 13}
    assert len({sum(1.0 / frequency[p] for p in order) for order in permutations(frequency)}) > 1
    assert len({rarity_score(order, frequency) for order in permutations(frequency)}) == 1


CHANNELS = "通过微信公众号向社会公开信息110条，通过微博向社会公开的政府信息50条，门户网站发布信息300条。"


def test_an_english_difference_of_two_channels_is_read_by_the_reports_words_for_them():
    facts = [_prose("通过微信公众号向社会公开信息", 110, source=CHANNELS),
             _prose("通过微博向社会公开的政府信息", 50, source=CHANNELS),
             _prose("门户网站发布信息", 300, source=CHANNELS)]
    q = parse_question("How many more items did the bureau publish on WeChat than on Weibo in 2009?")
    answer = difference_of_items(q, {2009: facts}, {"r": REPORT})
    assert answer is not None and (answer.value, answer.unit) == (60, "条")
    # a side the report's figures do not tell apart gives no answer
    q = parse_question("How many more items did the bureau publish on WeChat than on Douyin in 2009?")
    assert difference_of_items(q, {2009: facts}, {"r": REPORT}) is None


def test_a_counts_measure_word_asks_a_count_whatever_noun_of_money_is_in_it():
    assert unit_fits("青禾局2025年公开的财政预决算信息和三公经费信息一共几条？", "条")
    assert not unit_fits("青禾局2025年三公经费是多少？", "条")  # no measure word: money is asked


def test_a_word_said_of_the_part_after_a_figure_is_not_that_figures():
    sentence = "发布公示公告50条，推送公众号文章248篇，其中原创文章118篇。"
    whole = Fact(path=("一、总体情况", "推送公众号文章"), column=None, value=248, unit="篇", raw="248篇", kind="prose",
                 source=sentence)
    part = Fact(path=("一、总体情况", "原创文章"), column=None, value=118, unit="篇", raw="118篇", kind="prose",
                source=sentence)
    assert not names_specific_words(whole, ["原创"])
    assert names_specific_words(part, ["原创"])
    # the figure is found where it stands, not at the end of a longer one ("2条" of "202条")
    listed = "全年公布信息202条，其中网站公布194条，人大代表建议2条，政协提案2条。"
    proposals = Fact(path=("一、总体情况", "人大代表建议"), column=None, value=2, unit="条", raw="2条", kind="prose",
                     source=listed)
    assert names_specific_words(proposals, ["公布"])


def test_a_bracket_that_lists_things_holds_the_items_of_the_sum():
    assert sum_items("把东浦镇列出的六类信息（政策文件、工作、机构）逐项加起来是多少条") == ["政策文件", "工作", "机构"]


def test_a_list_saying_how_many_things_it_holds_gives_each_of_them_or_none():
    # "三部分": three items read, 政府信息公开 too (no word beyond the domain's own), the count no word of the last
    assert sum_items("政府信息公开、主动信息公开、疫情防控专栏三部分加起来是多少条") == ["政府信息公开", "主动信息公开",
                                                                                "疫情防控专栏"]
    # 和 inside an item between the commas is a word of it when the commas give the count
    assert sum_items("重大建设项目类文件、重大建设项目批准和实施情况、应急管理类文件三项合计多少条") == [
        "重大建设项目类文件", "重大建设项目批准和实施情况", "应急管理类文件"]
    assert sum_items("政策文件和工作动态两类一共多少条") == ["政策文件", "工作动态"]


def test_how_many_asks_a_count_never_money_or_a_share_and_events_are_not_people():
    assert not unit_fits("How many government procurement items (笔) did the bureau report?", "元")
    assert not unit_fits("How many government procurement items did the bureau report?", "%")
    assert unit_fits("How many government procurement items (笔) did the bureau report?", "笔")
    assert not unit_fits("How many COVID-19 press conferences did Shanghai hold in 2022?", "人次")
    assert unit_fits("How many COVID-19 press conferences did Shanghai hold in 2022?", "场")


def test_a_running_total_asked_of_a_sum_is_met_by_labels_that_say_so():
    source = "“东湖”微信公众号累计发布信息2242条，“东湖政务”微信公众号累计发布信息462条，“东湖”微博累计发布信息4537条。"
    facts = [_prose("东湖微信公众号累计发布信息", 2242, source=source),
             _prose("东湖政务微信公众号累计发布信息", 462, source=source),
             _prose("东湖微博累计发布信息", 4537, source=source)]
    q = parse_question("水利部两个微信公众号（东湖、东湖政务）到2009年累计一共发了多少条？")
    total = sum_of_items(q, q.text, facts, {"r": REPORT})
    assert total is not None and total.value == 2704


def test_jian_never_counts_places_people_or_events():
    assert not unit_fits("黄浦区政府2008年收到多少件信息公开申请？", "个")
    assert unit_fits("黄浦区政府2008年收到多少件信息公开申请？", "条")


def test_a_sentences_topic_names_its_figures_and_the_whole_is_said_first():
    one = "一是旗政府网站方面,年内共发布各类信息2968条,其中政务要闻415条通知公告307条。"
    two = "二是旗蒙文网站方面,年内发布各类信息854条,其中新闻类信息520条。"
    facts = [_prose("年内共发布各类信息", 2968, source=one), _prose("政务要闻", 415, source=one),
             _prose("通知公告", 307, source=one), _prose("年内发布各类信息", 854, source=two),
             _prose("新闻类信息", 520, source=two)]
    q = parse_question("水利部2009年旗政府网站和蒙文网站一共发布了多少条信息？")
    total = sum_of_items(q, "旗政府网站和蒙文网站一共发布了多少条信息？", facts, {"r": REPORT})
    assert total is not None and total.value == 3822


def test_the_asking_agencys_place_left_in_an_item_names_nothing():
    source = "选认47名区级科技特派员、21名省级个人科技特派员。"
    facts = [Fact(path=("一", label), column=None, value=v, unit="名", raw=f"{v}名", kind="prose", source=source,
                  report_id="r", year=2009, agency="平潭综合实验区社会事业局")
             for label, v in (("选认区级科技特派员", 47), ("选认省级个人科技特派员", 21))]
    q = parse_question("平潭区级和省级科技特派员一共选认了多少名？")
    total = sum_of_items(q, "平潭区级和省级科技特派员一共选认了多少名？", facts, {"r": REPORT})
    assert total is not None and total.value == 68


def test_subscribers_and_followers_are_never_counted_in_items():
    assert not unit_fits("山东省人防办2019年微信公众号订阅数是多少？", "条")
    assert not unit_fits("What follower count did the office report for its Weibo account in 2019?", "条")
    assert unit_fits("What follower count did the office report for its Weibo account in 2019?", "")


def test_a_figure_of_a_list_is_asked_with_the_channel_the_list_opens_with():
    """"利用门户网站主动公开政府信息88条、…政务动态类信息421条": asked for the news items on the portal, 421 answers;
    a part of a whole that the question does not set apart (法定) does not replace the whole."""
    source = "利用门户网站主动公开政府信息88条、规范性文件2条、政务动态类信息421条。"
    first = _prose("利用门户网站主动公开政府信息", 88, source=source)
    facts = [first, _prose("规范性文件", 2, source=source), _prose("政务动态类信息", 421, source=source)]
    q = parse_question("在门户网站发布政务动态类信息多少条？")
    answer = better_worded(q, q.text, first, facts, {"r": REPORT})
    assert answer is not None and answer.value == 421
    source = "通过网站公开信息346条，内容包括日常工作情况240条、法定主动公开内容36条。"
    whole = _prose("通过网站公开信息", 346, source=source)
    parts = [_prose("日常工作情况", 240, source=source), _prose("法定主动公开内容", 36, source=source)]
    q = parse_question("主动公开了多少条信息？")
    assert better_worded(q, q.text, whole, [whole, *parts], {"r": REPORT}) is None
    q = parse_question("法定主动公开内容有多少条？")
    assert better_worded(q, q.text, whole, [whole, *parts], {"r": REPORT}).value == 36


def test_a_multiple_answers_only_a_question_asking_how_many_times():
    assert unit_fits("申请数是上年的多少倍？", "倍") and not unit_fits("申请数是上年的多少倍？", "件")
    assert not unit_fits("受理了多少件申请？", "倍")


def test_names_an_english_question_gives_are_its_pinyin_and_brands_not_its_places_or_bodies():
    from reportqa.answering.translation import brand_names, proper_names

    douyin = "How many items did the Jiayi Ecology Bureau publish on Douyin (TikTok) in 2019?"
    assert proper_names(douyin) == []  # a platform the glossary knows, by the reports' word for it
    assert brand_names(douyin) == {"douyin": ["抖音"], "tiktok": ["抖音"]}
    assert proper_names("How many items did the Jiayi Ecology Bureau publish on Qiangguo in 2019?") == ["qiangguo"]
    assert proper_names("How many items did Xinghua Township (Meihekou, Jilin) publish in 2010?") == []
    assert proper_names("How many planning items did Nanchang's Qingshanhu bureau publish in 2020?") == ["qingshanhu"]
    assert proper_names("What did the Shandong Provincial Civil Air Defence Office report in 2019?") == []


def test_quoted_items_of_a_sum_are_whole_names():
    from reportqa.answering.extractive import sum_items

    assert sum_items("主动公开信息中“政策及规范性文件类”和“重大建设项目信息类”一共有多少条？") == [
        "政策及规范性文件类", "重大建设项目信息类"]


def test_an_explicit_measure_narrows_the_units_a_noun_allows():
    from reportqa.answering.extractive import unit_fits

    assert not unit_fits("某局公众号2020年最高日阅读量是多少次？", "人")  # followers are not reads
    assert unit_fits("某局公众号2020年最高日阅读量是多少次？", "万次")
    assert unit_fits("某局公众号2020年阅读量是多少？", "人")  # visitors may be what a traffic figure counts


def test_a_figure_whose_whole_label_the_question_writes_replaces_the_lexicons_total():
    from reportqa.answering.extractive import better_worded

    total = Fact(path=("二、主动公开", "(一)内容", "主动公开政府信息"), column=None, value=238, unit="条", raw="238条",
                 kind="prose", source="2009年度共主动公开政府信息238条,其中全文电子化达100%。", report_id="r",
                 year=2009, agency="水利部")
    part = Fact(path=("二、主动公开", "(一)内容", "动态类信息"), column=None, value=134, unit="条", raw="134条",
                kind="prose", source="动态类信息134条,占56.30%。", report_id="r", year=2009, agency="水利部")
    q = parse_question("2009年水利部主动公开的动态类信息有多少条？")
    answer = better_worded(q, q.text, total, [total, part], {"r": REPORT})
    assert answer is not None and answer.value == 134


def test_posts_never_count_people_and_ten_thousands_of_times_are_times():
    from reportqa.answering.extractive import unit_fits

    assert not unit_fits('How many posts did the "Jiayi Yibao" WeChat account publish in 2024?', "万人")
    assert unit_fits('How many posts did the "Jiayi Yibao" WeChat account publish in 2024?', "篇")
    assert not unit_fits("某局公众号2020年总阅读量是多少万次？", "人")
    assert unit_fits("某局公众号2020年总阅读量是多少万次？", "万次")


def test_the_whole_a_sums_items_are_of_is_no_item():
    from reportqa.answering.extractive import sum_items

    assert sum_items("主动公开信息里政策及规范性文件类与规划计划类合计多少条？")[-1] == "规划计划类"
    assert "主动公开信息里政策" not in sum_items("主动公开信息里政策及规范性文件类与规划计划类合计多少条？")


def test_percentage_points_are_asked_and_answered_only_as_such():
    from reportqa.answering.extractive import unit_fits

    question = "By how many percentage points did the bureau say that share rose in 2023 compared with 2022?"
    assert not unit_fits(question, "%")  # the share itself (82.4%) is not its change
    assert unit_fits(question, "个百分点")
    assert not unit_fits("2023年主动公开信息占比是多少？", "个百分点")
    assert unit_fits("2023年主动公开信息占比较上年上升了多少个百分点？", "个百分点")


def test_what_a_sum_says_before_its_first_item_is_said_of_every_item():
    assert sum_items("在政采云平台发布的招标公告和结果公告一共多少条") == ["招标公告", "结果公告"]
    assert sum_items("不予公开的和无法提供的申请一共多少件") == ["不予公开的", "无法提供的申请"]


def test_a_figure_written_twice_in_its_sentence_stands_after_its_own_label():
    from reportqa.documents import Fact
    from reportqa.parsing.prose_facts import figure_position, listed_part_of

    source = "发生行政诉讼3件,其中结果维持1件、结果纠正1件、其他结果1件。"
    whole = Fact(("行政诉讼",), None, 3, "件", "3件", kind="prose", source=source)
    part = Fact(("结果纠正",), None, 1, "件", "1件", kind="prose", source=source)
    assert figure_position(part) == source.index("结果纠正") + len("结果纠正")
    assert listed_part_of(part, whole)


def test_a_word_written_inside_a_labels_phrase_asks_a_narrower_kind():
    from reportqa.answering.extractive import word_narrowing

    assert word_narrowing("甲乙市市场监管局2023年保留的行政征收权力有多少项?", "保留行政权力") == "征收"
    assert word_narrowing("甲乙县政府通过县政府门户网站全年发布了多少条信息", "通过县政府门户网站发布信息") == ""
    assert word_narrowing("甲乙县农业农村局2022年制定了几件规范性文件?", "制定规范性文件") == ""  # 几件 asks it


def test_rounds_and_cases_asked_imply_their_units():
    from reportqa.answering.extractive import unit_fits

    assert implied_units("开展了几轮行政权力事项清单动态调整?") == ("轮",)
    assert not unit_fits("开展了几轮行政权力事项清单动态调整?", "项")  # the items reviewed are no rounds
    assert unit_fits("How many requests did the bureau receive?", "宗")


def test_a_sum_of_what_channels_published_counts_no_messages_they_received():
    from reportqa.answering.extractive import published_as_said, said_of_every_item

    said = said_of_every_item("网站和微信公众号合计公开了多少条信息?")
    facts = [_prose("官方微信公众号收到留言", 26), _prose("官方网站互动回应", 4)]
    assert "公开" in said and not published_as_said(said, facts)
    assert published_as_said(said, [_prose("网站发布信息", 3156), _prose("微信公众号公开信息", 389)])


def test_parts_of_a_report_asked_are_never_a_count_of_items():
    from reportqa.answering.extractive import unit_fits

    assert not unit_fits("How many parts does the bureau's 2011 disclosure report consist of?", "条")
    assert unit_fits("How many parts does the bureau's 2011 disclosure report consist of?", "部分")


def test_the_reports_words_for_an_english_question_leave_out_the_report_it_is_about():
    from reportqa.answering.extractive import chinese_words

    words = chinese_words(parse_question("How many levels of sign-off does the Jiayi civil affairs bureau require "
                                         "before releasing information (2024 report)?"))
    assert "报告" not in words
    assert "统计报告" in chinese_words(parse_question("How many statistical reports did the Jiayi statistics bureau "
                                                     "publish in 2024?"))


def test_how_often_is_never_how_many_items():
    from reportqa.answering.extractive import unit_fits

    assert not unit_fits("2015年平潭公安局的警务微博被评论了多少次？", "条")
    assert not unit_fits("How many items did the office publish on its bulletin boards in 2020?", "次")
    assert unit_fits("2015年警务微博被评论了多少次？", "次")
    # requests and replies are counted in 件 or 条 whatever the question's measure
    assert unit_fits("平潭社会事业局2018年有几次答复是不给公开的？", "条")
    # items are never kinds of information (分为7类)
    assert not unit_fits("汶上县商务局2017年主动公开的信息有多少条", "类")
    assert unit_fits("汶上县商务局2017年主动公开的政府信息分为几类？", "类")


def test_reads_asked_in_ten_thousands_are_never_issues():
    """"阅读量达到多少万次": 多少万次 is a weak steer, 阅读量 a strong one; together they rule out issues (期)."""
    from reportqa.answering.extractive import unit_fits

    assert not unit_fits("三馆微信公众号2025年阅读量达到多少万次？", "期")
    assert unit_fits("三馆微信公众号2025年阅读量达到多少万次？", "万次")
    assert not unit_fits("朋普镇2024年抖音视频的总播放量是多少？", "条")


def test_a_phrase_inside_a_longer_one_already_read_says_nothing_of_its_own():
    # "letters and visits" (信访) are petitions: cases, not the visits a site counts
    assert unit_fits("How many petitions (letters and visits) did the bureau take in during 2023?", "件")
    assert not unit_fits("How many visits did the bureau's website receive in 2023?", "件")


def test_requests_are_never_the_places_that_take_them_whatever_body_words_stand_between():
    assert not unit_fits("How many government information disclosure requests did the police sub-bureau receive in "
                         "2018?", "个")


def test_responses_put_out_as_information_are_published_not_received():
    def said(label: str, raw: str) -> Fact:
        return Fact(path=("一、总体情况", label), column=None, value=int(raw[:-1]), unit="条", raw=raw, kind="prose",
                    source=f"共发布政务信息742条,{label}{raw}。")

    assert not received_not_published(said("主动回应信息", "21条"))  # a kind of information the body put out
    assert received_not_published(said("互动回应", "4条"))  # messages it answered


def test_items_counted_each_time_are_counted_in_items():
    assert [counted_in(u) for u in ("条次", "万条", "件次", "人次", "条")] == ["条", "条", "件", "人次", "条"]


def test_the_people_a_question_counts_are_named_by_the_figures_label():
    # 1名's clause runs on from 民警 (安排2名民警和1名合同制工作人员): the figure counting 民警 is 2名
    staffing = "安排2名民警和1名合同制工作人员承担本局政府信息公开工作。"
    facts = [_prose("安排民警", 2, "名", staffing), _prose("安排合同制工作人员", 1, "名", staffing)]
    hits = [Hit(Passage(id="s", report_id="r", section="一、总体情况", text=staffing), 0.9)]
    q = parse_question("2009年安排了几名民警承担政府信息公开工作?")
    assert figure_from_passages(q, q.text, hits, {"r": facts}, {"r": REPORT}).value == 2


def test_texts_handed_to_the_archives_were_not_published():
    def said(source: str, label: str, raw: str) -> Fact:
        return Fact(path=("一、总体情况", label), column=None, value=int(raw[:-1]), unit="份", raw=raw, kind="prose",
                    source=source)

    assert handed_over_not_published(said("我局按规定及时向市档案馆移交政府信息纸质和电子文本146份。",
                                          "向市档案馆移交政府信息纸质和电子文本", "146份"))
    assert not handed_over_not_published(said("我局主动公开政府信息146份。", "我局主动公开政府信息", "146份"))


def test_a_rate_of_a_thing_counted_in_people_is_asked_in_percent():
    assert implied_units("抖音订阅数增长了百分之多少？") == ("%",)
    assert "人" in implied_units("抖音订阅数有多少？")
    assert unit_fits("By what percentage did the department's Toutiao subscriptions grow in 2023?", "%")


def test_volumes_of_archives_are_never_items():
    assert not unit_fits("How many archive volumes did the county archives bureau provide for use in 2017?", "条")
    assert unit_fits("How many archive volumes did the county archives bureau provide for use in 2017?", "卷")


def test_the_two_things_compared_end_where_the_question_goes_on():
    from reportqa.answering.extractive import english_compared_words

    q = parse_question("How many more party affairs items than village affairs items did the town publish on the "
                       "supervision platform in 2024?")
    assert english_compared_words(q) == (["党务"], ["村务"])  # (not 监督 or 平台, said of both; nor 信息 of "items")

"""Question understanding: intents, years, concepts from citizens' words, columns, places, language."""

import pytest

from reportqa.lexicon import load_lexicon
from reportqa.questions import Intent, detect_years, find_mentions, parse_question


def concepts(q):
    return [c.id for c in parse_question(q).concepts]


def columns(q):
    return [c.id for c in parse_question(q).columns]


@pytest.mark.parametrize(
    "question, intent",
    [
        ("网上申请有多少件", "lookup"),
        ("2017年有多少申请被拒绝公开？", "lookup"),
        ("how many requests were refused in 2017", "lookup"),
        ("当面申请和网上申请一共多少件", "sum"),
        ("当面申请比网上申请多多少", "difference"),
        ("比去年多了多少申请", "difference"),
        ("How many more requests were made in person than online?", "difference"),
        ("拒绝公开的占比是多少", "share"),
        ("What percentage of requests were refused?", "share"),
        ("历年收到的申请数量变化趋势", "trend"),
        ("哪个部门收到的申请最多", "ranking"),
        ("不予公开的理由有哪些", "list"),
        ("政务公开工作是怎么开展的", "prose"),
        ("How did the district promote open government?", "prose"),
    ],
)
def test_intent(question, intent):
    assert parse_question(question).intent == intent


def test_numeric_flag_follows_intent():
    assert parse_question("网上申请有多少件").numeric
    assert parse_question("当面申请和网上申请一共多少件").numeric
    assert not parse_question("政务公开工作是怎么开展的").numeric
    assert not parse_question("不予公开的理由有哪些").numeric


@pytest.mark.parametrize(
    "text, years, relative",
    [
        ("2017年收到多少申请", [2017], []),
        ("二〇一七年收到多少申请", [2017], []),
        ("二○一八年度", [2018], []),
        ("17年收到多少申请", [2017], []),
        ("2017年和2016年相比", [2017, 2016], []),
        ("in 2019, how many", [2019], []),
        ("去年收到多少申请", [], ["去年"]),
        ("比去年多了多少申请", [], ["比去年"]),
        ("同比增长多少", [], ["比去年"]),
        ("今年网上申请多少", [], ["今年"]),
        ("How many lawsuits were there last year?", [], ["去年"]),
        ("收到多少申请", [], []),
    ],
)
def test_years(text, years, relative):
    got_years, got_relative = detect_years(text)
    assert got_years == years
    assert got_relative == relative
    q = parse_question(text)
    assert (q.years, q.relative_years) == (years, relative)


def test_a_span_of_years_is_not_a_year():
    assert detect_years("近10年收到多少申请")[0] == []
    assert detect_years("最近20年的趋势")[0] == []


def test_years_inside_numbers_are_not_years():
    assert detect_years("收到12017件申请")[0] == []
    assert detect_years("2017年12月31日")[0] == [2017]


@pytest.mark.parametrize(
    "question, concept",
    [
        ("有多少申请被拒绝了", "refused"),
        ("驳回了多少申请", "refused"),
        ("不给公开的有几件", "refused"),
        ("how many requests were refused", "refused"),
        ("网上申请有多少件", "online"),
        ("在线提交的申请", "online"),
        ("how many requests came online", "online"),
        ("写信申请了多少件", "mail"),
        ("邮寄过来的申请", "mail"),
        ("requests sent by mail", "mail"),
        ("打官司的有多少", "litigation"),
        ("被起诉了几次", "litigation"),
        ("how many lawsuits", "litigation"),
        ("当面申请有多少", "in_person"),
        ("申请复议的有几件", "reconsideration"),
        ("专项经费是多少", "budget"),
        ("个人隐私不公开的有几件", "privacy"),
    ],
)
def test_citizen_phrasings_map_to_concepts(question, concept):
    assert concept in concepts(question)


@pytest.mark.parametrize(
    "question, column",
    [
        ("个人申请了多少件", "自然人"),
        ("公民提出了多少申请", "自然人"),
        ("how many requests did citizens make", "自然人"),
        ("企业申请了多少件", "商业企业"),
        ("公司提出的申请", "商业企业"),
        ("律师事务所申请了几件", "法律服务机构"),
    ],
)
def test_applicant_columns(question, column):
    assert columns(question) == [column]


def test_longest_match_wins_privacy_is_not_the_individual_column():
    q = parse_question("个人隐私不公开的有几件")
    assert "privacy" in [c.id for c in q.concepts]
    assert q.columns == []


def test_mentions_do_not_overlap_and_keep_text_order():
    text = "个人申请中有多少被拒绝公开"
    mentions = find_mentions(text, load_lexicon())
    spans = [(m.start, m.end) for m in mentions]
    assert spans == sorted(spans)
    for (_, e1), (s2, _) in zip(spans, spans[1:], strict=False):
        assert e1 <= s2
    assert any(m.column is not None and text[m.start:m.end] == "个人" for m in mentions)
    assert any(m.concept is not None and m.concept.id == "refused" for m in mentions)


def test_refused_is_not_granted():
    """不同意公开 contains 同意公开: the longer phrase wins."""
    got = concepts("不同意公开的有多少件")
    assert "refused" in got and "granted" not in got


def test_sum_of_two_channels_has_both_concepts():
    got = concepts("当面申请和网上申请一共多少件")
    assert "in_person" in got and "online" in got


def test_language():
    assert parse_question("网上申请有多少件").lang == "zh"
    assert parse_question("how many requests were refused in 2017").lang == "en"


def test_places_are_noted_for_the_answerer():
    assert "杭州市" in parse_question("杭州市收到多少申请").places
    # a level before 直 opens the next word: 州直各部门 are the prefecture's own departments, 巴州州 no place
    assert "巴州州" not in parse_question("2015年巴州州直各部门设立的查阅点有几个?").places


def test_the_year_of_the_report_a_lookup_names_is_its_year():
    # "(见2013年年报)": the figure is read in the 2013 report, which speaks of 2012
    assert parse_question("中站区政府网站2012年改版后试运行了几个月?(见2013年年报)").years == [2013]
    assert parse_question("How many posts had it made in 2012, per the 2013 report?").years == [2013]
    assert parse_question("全市收到多少申请").places == []
    assert parse_question("网上申请有多少件").places == []


def test_question_text_is_kept():
    assert parse_question("网上申请有多少件").text == "网上申请有多少件"


def test_negated_things_are_left_out():
    q = parse_question("不是当面递交的申请（网上、传真、写信）一共有多少件？")
    assert q.intent == "sum" and [c.id for c in q.concepts if not c.generic] == ["online", "fax", "mail"]
    q = parse_question("除了公报、网站、微博、微信以外，用其他方式公开了多少条信息？")
    assert "gazette" not in [c.id for c in q.concepts] and "other_ways" in [c.id for c in q.concepts]
    assert "refused" in [c.id for c in parse_question("不同意公开的有多少").concepts]  # a phrase, not a negation


def test_a_question_for_a_name_or_time_is_not_a_figure():
    assert parse_question("那起信息公开行政诉讼是哪个法院审理的？").intent == "prose"
    assert parse_question("Who handled the lawsuit?").intent == "prose"
    assert parse_question("哪个部门收到的申请最多").intent == "ranking"  # most/fewest: a ranking still
    assert parse_question("哪个单位收到了几件申请").intent == "lookup"  # how many: a figure still


def test_a_which_question_names_the_kind_of_thing_it_wants():
    assert parse_question("那起信息公开行政诉讼是哪个法院审理的？").asks_for == "法院"
    assert parse_question("2022年收到多少件申请").asks_for == ""


def test_an_english_question_quoting_chinese_words_is_english():
    question = "How many WeChat posts did the Jinjing area administration (金井片区管理局) publish?"
    assert parse_question(question).lang == "en"
    assert parse_question("平潭2019年收到多少件申请(requests)?").lang == "zh"


def test_listed_things_to_add_up_ask_a_sum_even_when_the_lexicon_knows_one_of_them():
    assert parse_question("主动公开的规范性文件、人事任免文件和其他文件一共多少件？").intent == "sum"
    assert parse_question("工程招投标信息和重大建设项目信息加起来有多少条？").intent == "sum"
    assert parse_question("因为信息公开被起诉、打官司一共几次").intent == "lookup"  # two words for one thing
    assert parse_question("2017年一共收到多少申请").intent == "lookup"


@pytest.mark.parametrize("text,intent", [
    ("平潭2019年比2020年新收的政府信息公开申请多了几件？", Intent.DIFFERENCE),  # a long 比…多 span
    ("2023、2024、2025三年新收的政府信息公开申请加起来一共多少件？", Intent.SUM),  # one thing over several years
    ("2023年一共收到多少件申请？", Intent.LOOKUP),  # 一共 with one thing of one year asks one figure
])
def test_comparisons_and_sums_over_years(text, intent):
    assert parse_question(text).intent is intent


@pytest.mark.parametrize("text,asked", [
    ("2016年在网上挂出的工程招投标信息有多少条？", False),  # online publishing, not online requests
    ("国家林业和草原局2018年在中国林业网上发了多少条政务信息？", False),
    ("2017年网上申请有多少件？", True),
    ("通过网络提交的有多少件？", True),
    ("How many requests were made online?", True),
])
def test_a_request_channel_is_asked_only_about_requests(text, asked):
    assert ("online" in [c.id for c in parse_question(text).concepts]) is asked


def test_english_phrases_match_their_plurals_but_short_words_do_not_grow():
    assert "proactive" in [c.id for c in parse_question(
        "By how many items did proactive disclosures fall between 2017 and 2024?").concepts]
    assert "issued" not in [c.id for c in parse_question("How many department-news items were there?").concepts]


def test_one_thing_over_two_years_combined_is_a_sum():
    q = parse_question("What is the combined number of items proactively disclosed in 2019 and 2020?")
    assert q.intent is Intent.SUM and "items_listed" not in [c.id for c in q.concepts]


def test_a_phrasal_verb_of_the_lexicon_matches_in_any_form_and_an_english_list_asks_a_sum():
    q = parse_question("Adding up the three categories the report names (functions, plans, livelihood), how many?")
    assert q.intent is Intent.SUM
    q = parse_question("How many requests did the Pingtan Transport and Construction Bureau receive in total in 2024?")
    assert q.intent is Intent.LOOKUP  # a body's own name lists nothing


def test_only_a_conjunction_standing_alone_lists_things_to_add():
    """涉及 and 危及 hold a 及 that lists nothing: "各单位涉及…行政诉讼共计" is one figure over the reports."""
    from reportqa.questions import lists_items_to_add

    assert lists_items_to_add("东湖区2017年当面申请和网上申请一共多少件")
    assert not lists_items_to_add("2023年各单位涉及政府信息公开的行政诉讼共计多少件？")
    assert parse_question("2023年各单位涉及政府信息公开的行政诉讼共计多少件？").across == ()


def test_a_measure_word_names_a_column_only_beside_a_row():
    """多少项 picks the 项目数量 column of the row another word names (行政许可); alone it names no row at all."""
    assert [c.id for c in parse_question("2019年行政许可有多少项？").concepts] == ["licensing", "items_listed"]
    assert parse_question("2020年编制的基层政务公开标准目录有几项二级指标？").concepts == []



def test_english_ways_of_saying_proactive_and_direct_suit_name_their_concepts():
    assert "proactive" in concepts("How many items did the bureau make public on its own initiative in 2017?")
    assert "direct_suit" in concepts("How many lawsuits were brought in 2022 without a prior administrative review?")


def test_two_known_things_joined_by_and_are_listed_one_thing_named_twice_is_not():
    from reportqa.questions import english_lists_several

    things = {"policy interpretations": "policy_interpretation", "normative documents": "normative_documents",
              "legal persons": "column:法人或其他组织", "organisations": "column:法人或其他组织",
              "reconsideration": "reconsideration", "lawsuits": "litigation"}
    assert english_lists_several("Taken together, how many policy interpretations and normative documents?", things)
    assert english_lists_several("How many reconsiderations and lawsuits combined?", things)  # a plural too
    assert not english_lists_several("How many requests came from legal persons and other organisations?", things)
    # phrases given without what they name: known phrases list nothing, as before
    assert not english_lists_several("How many policy interpretations and normative documents?", list(things))


def test_a_share_word_counts_only_as_a_whole_word():
    """比重 is a share in 所占比重; in 点击量比重点领域信息多多少次 it is 比 (than) before 重点领域 (key areas)."""
    assert parse_question("主动公开目录信息的点击量比重点领域信息多多少次？").intent is Intent.DIFFERENCE
    assert parse_question("网上申请所占比重是多少？").intent is Intent.SHARE
    assert parse_question("在省政府外事办网站发布的比市政府门户网站多几条？").intent is Intent.DIFFERENCE


def test_information_classified_as_not_disclosed_is_no_request_refused():
    """"有多少条信息被定为不予公开" counts documents so classified (a figure some reports give in their text), not the
    requests refused; a question about refused requests keeps its concept."""
    for text in ("青禾局2016年有多少条信息被定为不予公开？", "2016年青禾局属于依申请公开的政府信息有多少条？"):
        q = parse_question(text)
        assert q.classified and not q.concepts
    refused = parse_question("2017年有多少申请被拒绝公开？")
    assert not refused.classified and "refused" in {c.id for c in refused.concepts}
    assert parse_question("青禾局2022年不予公开的信息一共多少条？").classified  # information itself, no request
    for text in ("不予公开的申请有多少件", "不予公开的信息申请有几件"):
        assert not parse_question(text).classified


def test_what_without_how_many_asks_a_description():
    assert parse_question("青禾区政府办公室2023年在政府网站上新增了什么板块？").intent is Intent.PROSE
    assert parse_question("青禾区2017年网站发布了什么信息多少条？").intent is Intent.LOOKUP


def test_english_verbs_in_their_base_form_name_their_concepts():
    repeal = parse_question("How many normative documents did the bureau repeal in 2024?")
    assert "repealed" in {c.id for c in repeal.concepts}
    late = parse_question("In how many cases did the office stop handling a request because the applicant failed to "
                          "supplement it without good reason?")
    assert {c.id for c in late.concepts} >= {"no_amendment_in_time"}
    assert "asked_to_amend" not in {c.id for c in late.concepts}


def test_receiving_something_named_that_is_no_request_asks_no_request_count():
    q = parse_question("青禾局2021年12345平台受理群众诉求多少件？")
    assert not q.concepts and not q.columns  # 群众 of 群众诉求 is no applicant asked about
    for text in ("收到的申请有多少", "2021年受理了多少件？", "2021年收到政府信息公开申请多少件？"):
        assert "received" in {c.id for c in parse_question(text).concepts}


def test_what_was_disclosed_asks_the_proactive_figure_and_a_classified_span_claims_its_words():
    assert "proactive" in {c.id for c in parse_question("2020年青禾局公开的信息有多少条？").concepts}
    q = parse_question("不予公开的信息有多少条")
    assert q.classified and not q.concepts


def test_full_text_is_no_full_disclosure_and_a_rate_is_a_share():
    q = parse_question("What full-text electronic rate did the town report for its proactively disclosed information "
                       "in 2015?")
    assert "granted" not in {c.id for c in q.concepts} and q.intent is Intent.SHARE


def test_bare_items_published_name_no_part():
    from reportqa.questions import publishes_bare_items

    assert publishes_bare_items("How many items did the Shenyang Audit Bureau publish in 2022?")
    assert publishes_bare_items("In 2023, how many more items did the Xiaolongkan Street Office in Shapingba District "
                                "publish than the Changqing Street Office in Jianghan District?")
    assert publishes_bare_items("How many items were published by Xibei Township (Chaotian District) in 2015?")
    assert not publishes_bare_items("How many items did Lumiao Township publish on notice boards in 2021?")
    assert not publishes_bare_items("How many work-update items did Chaoyang Township publish online in 2016?")
    assert publishes_bare_items("How many items of government information did Baixi town disclose in 2024 in total?")
    assert publishes_bare_items("How many of the Xichangan Jie sub-district's 2015 disclosures?")
    # the body after "by" names no part; "disclosures … make" and "items were X's disclosures" are all it published
    assert publishes_bare_items("How many items were disclosed by Yushang township in 2024?")
    assert not publishes_bare_items("How many items were published by the Tonggu sub-bureau on its portal in 2017?")
    assert publishes_bare_items("How many disclosures did the Xichangan Jie sub-district make in 2015?")
    assert publishes_bare_items("How many items were the Xichangan Jie sub-district's 2015 disclosures?")


def test_how_much_larger_asks_a_difference():
    q = parse_question("How much larger was the housing commission's backlog carried forward in 2025 than in 2024?")
    assert q.intent is Intent.DIFFERENCE


def test_words_of_a_phrase_joined_by_a_hyphen_are_the_phrase():
    q = parse_question("How many normative-document items did the bureau publish proactively in 2017?")
    assert "normative_documents" in {c.id for c in q.concepts}


def test_administrative_coercion_is_the_usual_english_of_xingzheng_qiangzhi():
    q = parse_question("What is the combined number of administrative penalty and administrative coercion decisions?")
    assert q.intent is Intent.SUM and {"penalty", "enforcement"} <= {c.id for c in q.concepts}


def test_two_known_things_each_with_words_of_their_own_joined_by_and_are_listed():
    from reportqa.questions import english_lists_several, phrases_of_things

    q = parse_question("How many items did the office publish on the county portal and its own WeChat account "
                       "combined?")
    assert english_lists_several(q.text, phrases_of_things(q.concepts, q.columns))
    q = parse_question("How many requests from legal persons and other organisations did the office receive in total?")
    assert not english_lists_several(q.text, phrases_of_things(q.concepts, q.columns))


def test_an_english_verb_is_read_in_every_form_of_its_lexicon_word():
    """The lexicon lists "withheld"; "did they withhold" is the same verb. A form that is also a noun ("a decline")
    or an -ing form the lexicon lists as a noun ("spending", the budget) is not widened."""
    lexicon = load_lexicon()

    def concepts(text: str) -> set[str]:
        return {m.concept.id for m in find_mentions(text.lower(), lexicon) if m.concept}

    assert "refused" in concepts("How many items did the bureau withhold in 2019?")
    assert "refused" in concepts("How many requests were withheld?")
    assert "refused" not in concepts("What was the decline in requests in 2019?")
    assert "budget" not in concepts("How much did the bureau spend on procurement?")


def test_a_count_of_years_before_gong_adds_the_years_up():
    assert parse_question("甲乙区政府办2024年和2025年两年共受理政府信息公开申请多少件？").intent is Intent.SUM
    assert parse_question("甲乙区政府办2025年共受理政府信息公开申请多少件？").intent is Intent.LOOKUP


def test_not_to_be_disclosed_is_refused():
    lexicon = load_lexicon()
    for text in ("How many items did the bureau classify as not to be disclosed in 2013?",
                 "How many items did the bureau decide not to disclose in 2022?"):
        assert "refused" in {m.concept.id for m in find_mentions(text.lower(), lexicon) if m.concept}


def test_the_year_a_period_starts_is_not_the_year_asked_about():
    assert detect_years("东岭镇梳理了2003年以来的政府信息多少条?")[0] == []
    assert detect_years("Since 2003, how many items had the town published by 2010?")[0] == [2010]
    assert detect_years("自2008年起累计公开多少条")[0] == []
    assert detect_years("从2017年收到多少申请")[0] == [2017]


def test_more_by_doing_something_is_a_difference():
    """"A比B多主动公开了多少条": the verb between 多 and 多少."""
    assert parse_question("2013年甲街道比乙街道多主动公开了多少条政府信息?").intent is Intent.DIFFERENCE
    assert parse_question("政策法规类信息占比例是多少").intent is Intent.SHARE


def test_a_look_alike_beside_the_concept_it_narrows_is_asked_alone():
    # "partly granted": 部分公开, which 予以公开's rows exclude, not also the requests granted in full
    for text in ("How many applications were partly granted in 2025?", "How many requests were granted in part?"):
        assert [c.id for c in parse_question(text).concepts if not c.generic] == ["partial"], text
    # apart from each other, both are asked
    both = parse_question("How many more requests were partly granted than fully granted in 2024?")
    assert {c.id for c in both.concepts} >= {"partial", "granted"}
    assert {c.id for c in parse_question("不予公开和予以公开各多少").concepts} >= {"refused", "granted"}


def test_a_running_total_since_the_first_year_is_no_trend():
    q = parse_question("永安市卫生健康局历年以来累计主动公开信息多少条?")
    assert q.intent is Intent.LOOKUP and [c.id for c in q.columns] == ["历年累计"]
    assert parse_question("历年主动公开信息数量的变化").intent is Intent.TREND


def test_things_joined_by_or_and_said_to_be_combined_are_listed_to_add():
    from reportqa.questions import english_lists_several

    assert english_lists_several("How many were leadership, department-setup or policy-regulation items combined?")
    assert not english_lists_several("How many were leadership or policy-regulation items?")


def test_a_phrasal_verb_is_read_in_every_form():
    q = parse_question("How many disclosure requests did the bureau carry over from the previous year into 2021?")
    assert {c.id for c in q.concepts} == {"applications", "carried_over"}
    assert q.intent is Intent.LOOKUP and q.years == [2021]


def test_the_modifier_of_a_glossary_phrase_is_no_concept_but_its_head_is():
    # "new media" (新媒体) asks nothing "new" (issued); "government website" still asks the website
    assert parse_question("How many items did the bureau post on new media in 2024?").concepts == []
    assert [c.id for c in parse_question("How many items did the bureau publish on its government website?").concepts] \
        == ["website"]


def test_a_body_described_in_lower_case_lists_nothing():
    from reportqa.questions import english_lists_several

    assert not english_lists_several("How many government-affairs items in total did the Baotou culture, tourism, "
                                     "radio and TV bureau publish in 2021?")
    assert english_lists_several("How many items on its website and WeChat did the bureau publish in total?")
    assert english_lists_several("How many leaders' speeches and government documents together appeared in the "
                                 "banner's government gazette in 2021?")  # "government" names no body here


def test_a_figure_asked_in_a_unit_of_money_is_a_lookup():
    q = parse_question("What were the Cangzhou meteorological bureau's administrative fee revenues in 2021, "
                       "in 10,000 yuan?")
    assert q.intent is Intent.LOOKUP


def test_a_school_year_is_the_year_it_ends():
    """"2015-2016学年" or a university's "2015-2016 report": one report, dated by the year the school year ends; a
    span of two years elsewhere is two years."""
    from reportqa.questions import detect_years

    assert detect_years("安徽大学2016-2017学年信息公开年报的标题是什么？")[0] == [2017]
    assert detect_years("What period does Jiangbei University's 2015-2016 disclosure report cover?")[0] == [2016]
    assert detect_years("2019-2020年共收到多少申请？")[0] == [2019, 2020]


def test_requests_carried_into_the_next_year_named_by_its_year_are_carried_forward():
    """"2024 requests … carried over into 2025": 2025 is where they went, not a report asked about; "carried over
    into 2024 from the previous year" compares no years."""
    q = parse_question("How many of the Ningzhou government office's 2024 requests were carried over into 2025?")
    assert (q.years, [c.id for c in q.concepts]) == ([2024], ["carried_forward"])
    assert [c.id for c in parse_question("2024年有多少申请结转到2025年办理？").concepts] \
        == ["applications", "carried_forward"]
    q = parse_question("How many requests were carried over into 2024 from the previous year at the zone committee?")
    assert (q.intent, q.years, q.relative_years) == (Intent.LOOKUP, [2024], [])
    # the verb in any form, a few words before the year
    q = parse_question("How many 2025 requests did the Ningzhou office carry over for a reply in 2026?")
    assert (q.years, [c.id for c in q.concepts]) == ([2025], ["applications", "carried_forward"])


def test_the_domains_own_words_may_stand_between_a_phrases_words():
    for text in ("How many new information disclosure requests did the Ningzhou bureau receive in 2024?",
                 "How many new government information disclosure requests did the Ningzhou bureau receive in 2024?"):
        assert [c.id for c in parse_question(text).concepts] == ["received"]


def test_a_sum_over_a_span_of_years_is_of_every_year_in_it():
    q = parse_question("宁州市政府门户网站2022年至2024年三年合计发布信息多少条？")
    assert sorted(q.years) == [2022, 2023, 2024]
    # a change between two years is of those two only
    assert sorted(parse_question("宁州市政府门户网站发布信息从2022年到2024年增长了多少？").years) == [2022, 2024]


def test_full_before_a_hyphen_is_part_of_another_word():
    q = parse_question("How many full- or part-time disclosure staff did each department have in 2021?")
    assert "granted" not in [c.id for c in q.concepts]


def test_a_closing_verb_before_the_outcome_it_introduces_is_not_asked():
    q = parse_question("How many of the bureau's 2023 requests were closed as 'not processed'?")
    assert [c.id for c in q.concepts] == ["not_processed"]


def test_between_them_asks_a_sum():
    assert parse_question("How many information requests did the Yiwu commerce bureau (2024) and the Hangzhou "
                          "health commission (2023) receive between them?").intent is Intent.SUM


def test_maintained_is_an_outcome_of_a_dispute_only():
    assert "upheld" not in [c.id for c in parse_question("How many special columns did the county maintain on its "
                                                        "portal in 2023?").concepts]
    assert "upheld" in [c.id for c in parse_question("How many reconsideration decisions were maintained in "
                                                    "2022?").concepts]


def test_letters_and_visits_are_petitions_and_staffing_is_staff():
    assert "petition_requests" in [c.id for c in parse_question("How many letters and visits did the bureau take in "
                                                               "during 2023?").concepts]
    assert "staff" in [c.id for c in parse_question("How many people were assigned to disclosure work in "
                                                   "2014?").concepts]


def test_a_channel_after_outside_is_left_out_and_xiangjia_adds_up():
    q = parse_question("Adding the letter and in-person channels, how many requests did the Ningzhou office receive "
                       "in 2025 outside its website?")
    assert "website" not in [c.id for c in q.concepts] and q.intent is Intent.SUM
    assert parse_question("宁州市2020年领导成员、内设机构和文件三类信息相加是多少条？").intent is Intent.SUM


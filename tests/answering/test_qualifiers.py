"""A figure is no answer when the question narrows it in a way its row and sentence do not name."""

from reportqa.answering.qualifiers import demote_unqualified, unaccounted_qualifiers
from reportqa.documents import Answer, Fact
from reportqa.lexicon import load_lexicon
from reportqa.questions import parse_question

ALL = Fact(path=("一、本年新收政府信息公开申请数量",), column="总计", value=244, unit="件", raw="244", table="三")
AVERAGE = Fact(path=("平均办理时间",), column=None, value=8, unit="个工作日", raw="8", kind="prose",
               source="平均办理时间为8个工作日。")


def answer(fact: Fact) -> Answer:
    return Answer("q", found=True, text=f"**{fact.value}{fact.unit}**", value=fact.value, unit=fact.unit, facts=[fact])


def test_a_qualifier_no_row_names_demotes_the_figure_to_related():
    q = parse_question("2022年男性申请人有多少")
    assert unaccounted_qualifiers(q, [ALL], load_lexicon()) == ["男性"]
    demoted = demote_unqualified(q, answer(ALL), load_lexicon())
    assert not demoted.found and demoted.value is None
    assert "没有按「男性」分列" in demoted.text and "244件" in demoted.text


def test_english_qualifiers_too():
    q = parse_question("How many requests came from foreign nationals in 2022?")
    assert not demote_unqualified(q, answer(ALL), load_lexicon()).found


def test_a_word_of_a_body_named_in_lower_case_qualifies_nothing():
    zone = parse_question("How many items did the Qinzhou overseas Chinese investment zone disclose in 2022?")
    assert unaccounted_qualifiers(zone, [ALL], load_lexicon()) == []
    applicants = parse_question("How many requests from overseas applicants did the Qinzhou commerce bureau get?")
    assert unaccounted_qualifiers(applicants, [ALL], load_lexicon()) == ["overseas"]


def test_a_figure_whose_sentence_names_the_qualifier_stands():
    q = parse_question("平均办理时间是多少天")
    kept = demote_unqualified(q, answer(AVERAGE), load_lexicon())
    assert kept.found and kept.value == 8


def test_questions_without_qualifiers_are_untouched():
    q = parse_question("2022年收到多少件申请")
    assert demote_unqualified(q, answer(ALL), load_lexicon()).found


def test_a_title_the_figure_does_not_name_demotes_it():
    """A programme or column named in 《》 is a thing no table row counts: its figure is read from a sentence naming
    it, or none is given."""
    programme = parse_question("2020年《问政平潭之有事你说》收到群众诉求多少件？")
    assert unaccounted_qualifiers(programme, [ALL], load_lexicon()) == ["《问政平潭之有事你说》"]
    assert not demote_unqualified(programme, answer(ALL), load_lexicon()).found
    named = Fact(path=("收到群众诉求",), column=None, value=348, unit="件", raw="348", kind="prose",
                 source="组织开展19期《问政平潭之有事你说》，收到群众诉求348件。")
    assert demote_unqualified(programme, answer(named), load_lexicon()).value == 348


def test_a_part_of_the_year_is_answered_only_by_a_figure_said_of_that_period():
    q = parse_question("2019年1月至8月收到多少件申请？")
    assert not demote_unqualified(q, answer(ALL), load_lexicon()).found
    assert not demote_unqualified(parse_question("How many requests came in the first half of 2019?"), answer(ALL),
                                  load_lexicon()).found
    half = Fact(path=("上半年收到申请",), column=None, value=30, unit="件", raw="30件", kind="prose",
                source="上半年收到申请30件。")
    assert demote_unqualified(parse_question("2019年上半年收到多少件申请？"), answer(half), load_lexicon()).found


WHOLE_DISTRICT = Fact(path=("全年全区共受理申请公开",), column=None, value=800, unit="件", raw="800", kind="prose",
                      source="全年全区共受理申请公开800件,结转下年度办理39件,区政府本级共受理206件,结转下年度办理6件。")
OWN_LEVEL = Fact(path=("区政府本级共受理",), column=None, value=206, unit="件", raw="206", kind="prose",
                 source=WHOLE_DISTRICT.source)


def test_the_body_itself_is_not_answered_by_the_whole_districts_figure():
    for text in ("区政府本级2023年受理了多少件申请?",
                 "How many applications did the district government itself accept?"):
        q = parse_question(text)
        assert unaccounted_qualifiers(q, [WHOLE_DISTRICT], load_lexicon()), text  # its clause says 全区
        assert not unaccounted_qualifiers(q, [OWN_LEVEL], load_lexicon()), text


def test_a_question_naming_the_whole_too_sets_the_two_apart_itself():
    q = parse_question("全区受理的申请中,不属于区政府本级的有多少件?")
    assert not unaccounted_qualifiers(q, [WHOLE_DISTRICT], load_lexicon())


def test_a_figure_naming_neither_level_may_be_the_bodys_own():
    news = Fact(path=("农业动态",), column=None, value=368, unit="条", raw="368", kind="prose",
                source="其中,农业动态368条,县市农业动态891条。")
    assert not unaccounted_qualifiers(parse_question("本级农业动态有多少条?"), [news], load_lexicon())


def test_key_area_information_is_a_class_of_its_own():
    portal = Fact(path=("门户网站全年主动公开政府信息",), column=None, value=23987, unit="条", raw="23987",
                  kind="prose", source="东城区政府门户网站全年主动公开政府信息23987条。")
    for text in ("2024年重点领域信息公开了多少条?", "How many key-area items were disclosed in 2024?"):
        assert unaccounted_qualifiers(parse_question(text), [portal], load_lexicon()), text
    key = Fact(path=("重点领域信息公开",), column=None, value=76, unit="条", raw="76", kind="prose",
               source="其中重点领域信息公开76条。")
    assert not unaccounted_qualifiers(parse_question("How many key-area items were disclosed?"), [key],
                                      load_lexicon())


def test_a_count_over_a_threshold_is_answered_only_by_a_figure_named_by_its_threshold():
    """"阅读量过万的文章有多少篇": every article posted (80篇) is not the ones read over 10,000 times (5篇)."""
    posted = Fact(path=("发布政策解读文章",), column=None, value=80, unit="篇", raw="80篇", kind="prose",
                  source="全年发布政策解读文章80篇,其中阅读量超1万次的文章5篇。")
    over = Fact(path=("阅读量超1万次的文章",), column=None, value=5, unit="篇", raw="5篇", kind="prose",
                source=posted.source)
    for text in ("2023年阅读量过万的文章有多少篇?", "How many articles were read more than 10,000 times in 2023?"):
        q = parse_question(text)
        assert unaccounted_qualifiers(q, [posted], load_lexicon()), text
        assert unaccounted_qualifiers(q, [over], load_lexicon()) == [], text
    assert unaccounted_qualifiers(parse_question("2023年发布文章多少篇?"), [posted], load_lexicon()) == []

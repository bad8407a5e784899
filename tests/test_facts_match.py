"""Which concepts a figure's label names: table rows by their row words, prose labels as free text."""

from reportqa.documents import Fact
from reportqa.facts_match import concept_match, text_names
from reportqa.lexicon import load_lexicon


def _prose(label: str, source: str) -> Fact:
    return Fact(path=("一、总体情况", label), column=None, value=1000, unit="条", raw="1000条", kind="prose",
                source=source, report_id="r", year=2019, agency="")


def test_a_two_word_phrase_with_a_filler_between_its_words_is_named():
    proactive = load_lexicon().concept("proactive")
    assert text_names("栏目发布各类信息", proactive)  # 发布信息 with 各类 between
    assert text_names("公开相关信息", proactive)
    assert not text_names("发布动态类信息", proactive)  # 动态类 names a kind: not all that was published


def test_a_kind_of_request_names_a_prose_figure_only_where_the_sentence_speaks_of_requests():
    online = load_lexicon().concept("online")
    published = _prose("公布网上信息、安全提示等", "全年累计公布网上信息、安全提示等1000余条。")
    assert not concept_match(online, published)[0]
    assert concept_match(online, _prose("网上申请", "收到申请12件，其中网上申请1000件。"))[0]


def test_a_prose_figure_counts_requests_received_only_where_its_sentence_speaks_of_requests():
    received = load_lexicon().concept("received")
    police = _prose("网上服务平台共受理公安业务", "年内，网上服务平台共受理公安业务6945件，办结率达99.3%。")
    assert not concept_match(received, police)[0]
    assert concept_match(received, _prose("共受理", "全年共受理政府信息公开申请12件。"))[0]


def test_received_asks_a_sentence_about_requests_only_when_the_question_speaks_of_requests():
    from reportqa.answering.extractive import concepts_not_named
    from reportqa.questions import parse_question

    police = "年内，网上服务平台共受理公安业务6945件，办结率达99.3%。"
    assert concepts_not_named(parse_question("2019年公安局一共收到多少件政府信息公开申请？"), police) == 1
    assert concepts_not_named(parse_question("2019年网上服务平台受理了多少件公安业务？"), police) == 0


def test_a_results_total_and_a_result_under_it_each_asked_give_the_result():
    """"How many requests did … close because it did not hold the information": "close" names the results' 总计,
    "did not hold" one result under it; the part is asked."""
    from reportqa.facts_match import Match, best_matches

    def cell(path: tuple[str, ...], value: int) -> Fact:
        return Fact(path=path, column="总计", value=value, unit="件", raw=str(value), kind="table",
                    table="收到和处理政府信息公开申请情况", report_id="r", year=2022, agency="")

    total = Match(cell(("三、本年度办理结果", "（七）总计"), 3), frozenset({"completed"}), 3.0, None)
    part = Match(cell(("三、本年度办理结果", "（四）无法提供", "1.本机关不掌握相关政府信息"), 1),
                 frozenset({"not_held"}), 3.0, None)
    assert [m.fact.value for m in best_matches([total, part])] == [1]
    assert [m.fact.value for m in best_matches([total])] == [3]


def test_a_label_writing_a_word_twice_names_it_no_more_than_once():
    from reportqa.facts_match import shared_bigrams

    question = "主动公开政府信息多少条"
    assert shared_bigrams(question, "主动公开政府信息") > shared_bigrams(
        question, "及时更新政府信息公开专栏和政府信息主动公开全清单")
    assert shared_bigrams(question, "政府信息政府信息") == shared_bigrams(question, "政府信息")


def test_what_a_request_is_for_may_stand_between_the_verb_and_the_request():
    from reportqa.facts_match import text_names
    from reportqa.lexicon import load_lexicon

    received = load_lexicon().concept("received")
    assert text_names("全年收政府信息公开申请", received)
    assert not text_names("全年收费", received)


def test_the_year_before_or_after_written_several_ways_is_one_year():
    lexicon = load_lexicon()
    carried_over, carried_forward = lexicon.concept("carried_over"), lexicon.concept("carried_forward")
    assert text_names("上一年度结转", carried_over) and text_names("上年度结转申请", carried_over)
    assert text_names("结转下一年度办理", carried_forward)
    assert not text_names("结转下一年度办理", carried_over)  # (excluded: 结转 of the next year)

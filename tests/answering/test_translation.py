"""An English thing found by the Chinese words CC-CEDICT gives for its English words."""

from reportqa.answering.translation import english_terms, figure_by_translation
from reportqa.documents import Fact


def _prose(label: str, value: int, unit: str = "场") -> Fact:
    return Fact(path=("二、主动公开", label), column=None, value=value, unit=unit, raw=f"{value}{unit}", kind="prose",
                source=f"{label}{value}{unit}。", report_id="r", year=2018, agency="青禾县公安局")


def test_english_words_are_looked_up_longest_run_first_and_in_the_singular():
    terms, missing = english_terms("radio live broadcasts")
    assert [t.english for t in terms] == ["radio", "live broadcasts"]
    assert "直播" in terms[1].chinese and "电台" in terms[0].chinese  # 电台 from "radio station"
    assert not missing


def test_the_label_with_a_word_for_every_term_answers():
    facts = [_prose("全年共召开了新闻发布会", 9), _prose("警媒座谈会", 1), _prose("电台直播活动", 6),
             _prose("微访谈活动", 2)]
    found = figure_by_translation("radio live broadcasts", facts)
    assert found is not None and found.value == 6
    hotlines = figure_by_translation("public service hotlines", [*facts, _prose("公布并维护公共服务热线", 20, "部")])
    assert hotlines is not None and hotlines.value == 20


def test_nothing_when_labels_so_named_disagree_or_no_label_names_the_head_noun():
    facts = [_prose("电台直播活动", 6), _prose("电视直播活动", 3)]
    assert figure_by_translation("live broadcasts", facts) is None  # two figures, two values
    assert figure_by_translation("radio interviews", [_prose("电台直播活动", 6)]) is None


def test_words_the_dictionary_does_not_know_leave_the_question_to_other_ways():
    assert figure_by_translation("Qinghe flurbs", [_prose("电台直播活动", 6)]) is None


def test_a_label_abbreviating_a_run_of_english_terms_names_them():
    from reportqa.answering.translation import abbreviated_terms, english_terms

    terms, _ = english_terms("science, education, culture, sports and health items")
    assert len(abbreviated_terms(terms, "科教文体卫生类")) >= 3
    assert not abbreviated_terms(terms, "重大建设项目信息类")


def test_the_projects_glossary_adds_to_the_dictionary():
    terms, missing = english_terms("policy and regulation items")
    assert not missing and any("法规" in t.chinese for t in terms)  # CC-CEDICT has no 法规 for "regulation"


def test_british_spellings_are_read_as_the_dictionary_writes_them():
    from reportqa.answering.translation import _lemmas

    assert "organization" in _lemmas("organisation") and "center" in _lemmas("centres")
    assert "license" in _lemmas("licence") and "labor" in _lemmas("labour")
    assert _lemmas("four") == ["four"] and _lemmas("rise") == ["rise"]  # no "for", no "rize"


def test_a_glossary_phrase_stands_whole_though_one_of_its_words_is_a_function_word():
    from reportqa.answering.translation import english_terms

    terms, _ = english_terms("statistical reports")
    assert [t.chinese for t in terms] == [frozenset({"统计报告"})]
    assert english_terms("reports")[0] == []  # "report" alone is the annual report


def test_the_head_noun_comes_before_a_postmodifier():
    from reportqa.answering.translation import head_term

    terms, _ = english_terms("requests for government information")
    assert terms[head_term("requests for government information", terms)].english == "requests"
    terms, _ = english_terms("government information disclosure requests")
    assert head_term("government information disclosure requests", terms) == len(terms) - 1
    # a figure of the modifier's words alone does not answer what the head names
    published = [_prose("通过政府网站主动公开政府信息", 300, "条")]
    assert figure_by_translation("requests for government information", published) is None


def test_a_kind_of_publication_is_named_by_a_category_of_information_when_no_label_names_the_kind():
    facts = [_prose("采购类信息", 5, "条"), _prose("人事信息", 12, "条"), _prose("财政预决算信息", 8, "条")]
    found = figure_by_translation("procurement notices", facts)  # 采购类信息: the category, no 公告 written
    assert found is not None and found.value == 5
    # a label that names the kind itself says more than the category does
    named = figure_by_translation("procurement notices", [*facts, _prose("采购公告", 2, "条")])
    assert named is not None and named.value == 2
    # a figure that is no category of information ("采购项目") names no notices
    assert figure_by_translation("procurement notices", [_prose("采购项目", 3, "个"), _prose("人事信息", 12, "条")]) \
        is None


def test_a_run_the_glossary_names_whole_is_one_term_when_its_words_apart_find_nothing():
    facts = [_prose("通过门户网站公开信息", 40, "条"), _prose("通过其他方式公开信息", 15, "条"),
             _prose("其他信息", 6, "条")]
    found = figure_by_translation("items other channels", facts)
    assert found is not None and found.value == 15
    # the words read apart first, as before: "policy documents" still finds 政策性文件
    policy = figure_by_translation("policy documents", [_prose("政策性文件", 7, "件"), _prose("其他信息", 6, "条")])
    assert policy is not None and policy.value == 7

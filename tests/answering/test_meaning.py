"""An English thing found by meaning among a report's prose figures (the real multilingual encoder)."""

import pytest

from reportqa.answering.meaning import LABEL_MEMO, asked_phrase, figure_by_meaning
from reportqa.documents import Fact
from reportqa.embedding import VectorMemo
from reportqa.questions import parse_question


def _prose(label: str, value: int) -> Fact:
    return Fact(path=("一、总体情况", label), column=None, value=value, unit="条", raw=f"{value}条", kind="prose",
                source=f"{label}{value}条。", report_id="r", year=2023, agency="青禾县人民政府")


@pytest.fixture(scope="module")
def vectors(embedder):
    return VectorMemo(embedder.encode_queries, LABEL_MEMO)


def test_the_label_that_means_the_asked_thing_answers(vectors):
    facts = [_prose("全县政府信息公开网站主动公开信息", 4943), _prose("税费优惠政策", 32),
             _prose("稳经济政策措施", 125), _prose("民生实事信息", 28)]
    found = figure_by_meaning("tax and fee incentive policies", facts, vectors)
    assert found is not None and found.value == 32


def test_no_figure_when_no_label_stands_out(vectors):
    """"items" means every label a little (发布信息, 公开信息): nothing stands clearly above the rest, so nothing is
    said."""
    facts = [_prose("发布信息", 42), _prose("公开信息", 212), _prose("审核发布信息", 8662)]
    assert figure_by_meaning("items", facts, vectors) is None


def test_the_asked_phrase_is_the_noun_phrase_after_how_many():
    assert asked_phrase(parse_question("How many tax and fee incentive policies did Funing County publish in 2023?")) \
        == "tax and fee incentive policies"
    assert asked_phrase(parse_question("How many more items did the county publish on its website than on WeChat?")) \
        is None  # a comparison is not one thing


def test_a_thing_qualified_by_a_relative_clause_has_no_asked_phrase():
    """"How many information requests that had reached their reply deadline did … answer on time": the words before
    "that" leave out what sets the figure apart; no step reads the phrase alone."""
    from reportqa.answering.meaning import asked_phrase
    from reportqa.questions import parse_question

    assert asked_phrase(parse_question("How many information requests that had reached their reply deadline did "
                                       "Yufa Town answer on time in 2016?")) is None
    assert asked_phrase(parse_question("How many tax incentive policies did the county publish in 2023?")) == \
        "tax incentive policies"


def test_bare_items_are_named_by_where_they_were_published():
    from reportqa.answering.meaning import asked_phrase
    from reportqa.questions import parse_question

    q = parse_question("How many items did the Jia City emergency bureau post in its information-disclosure column "
                       "in 2020?")
    assert asked_phrase(q, where=True) == "items information-disclosure column"
    assert asked_phrase(q) == "items"
    assert asked_phrase(parse_question("How many items did the Jia City bureau publish in 2020?")) == "items"

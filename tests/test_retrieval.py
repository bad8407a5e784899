"""Hybrid retrieval over the seed engine: dense + BM25 fused, language-aware, with filters."""

import pytest

from reportqa.documents import Passage
from reportqa.retrieval import Filters, Retriever, is_chinese, rrf

PROBLEMS = "六、主要问题及改进措施"


@pytest.fixture(scope="module")
def retriever(engine):
    return Retriever(engine.index, engine.embedder)


def sections(hits):
    return [h.passage.section for h in hits]


def test_main_problems_question_finds_section_six(retriever):
    hits = retriever.search("存在哪些主要问题", k=5)
    assert len(hits) == 5
    assert any(s.startswith(PROBLEMS) for s in sections(hits))


@pytest.mark.parametrize(
    "query, row",
    [
        ("how many training sessions were held", "（二）举办各类培训班数：54次"),
        ("number of requests refused", "4.不同意公开答复数：19件"),
        ("how many requests were submitted online", "3.网络申请数：11件"),
    ],
)
def test_english_queries_find_the_table_row(retriever, query, row):
    hits = retriever.search(query, k=5)
    assert any(h.passage.text.endswith(row) for h in hits), [h.passage.text for h in hits]


def test_chinese_table_question_finds_its_row_first(retriever):
    hits = retriever.search("网络申请数", k=3)
    assert hits[0].passage.text.endswith("3.网络申请数：11件")


def test_hits_are_unique_and_scored_by_cosine(retriever):
    hits = retriever.search("政府信息公开专项经费", k=10)
    assert len({h.passage.id for h in hits}) == len(hits) == 10
    assert all(-1.0 <= h.score <= 1.0 for h in hits)
    assert any(h.score > 0.5 for h in hits)


def test_k_limits_the_hits(retriever):
    assert len(retriever.search("申请", k=1)) == 1
    assert len(retriever.search("申请", k=1000)) == retriever.index.size


def test_year_filter(engine, retriever):
    assert retriever.search("收到多少申请", k=5, filters=Filters(years=(2016,))) == []
    hits = retriever.search("收到多少申请", k=5, filters=Filters(years=(2017,)))
    assert len(hits) == 5 and {h.passage.year for h in hits} == {2017}
    assert engine.search("收到多少申请", year=2016) == []
    assert len(engine.search("收到多少申请", year=2017, k=3)) == 3


def test_report_filter(engine, retriever):
    (report,) = engine.reports()
    hits = retriever.search("主要问题", k=5, filters=Filters(report_ids=(report.id,)))
    assert len(hits) == 5 and {h.passage.report_id for h in hits} == {report.id}
    assert retriever.search("主要问题", k=5, filters=Filters(report_ids=("no-such-report",))) == []
    assert len(engine.search("主要问题", report="000_f6584d2c7913d8cd", k=5)) == 5  # by file-name stem
    assert engine.search("主要问题", report="another-report") == []


def test_agency_kind_and_section_filters(engine, retriever):
    assert len(retriever.search("申请", k=3, filters=Filters(agency="瓯海区"))) == 3
    assert retriever.search("申请", k=3, filters=Filters(agency="淮安市")) == []
    table = retriever.search("主要问题", k=5, filters=Filters(kind="table"))
    assert table and {h.passage.kind for h in table} == {"table"}
    prose = retriever.search("申请数", k=5, filters=Filters(kind="prose"))
    assert prose and {h.passage.kind for h in prose} == {"prose"}
    only = engine.search("申请", section="五、复议和诉讼情况", k=5)
    assert [h.passage.section for h in only] == ["五、复议和诉讼情况"]


def test_a_filtered_passage_is_found_however_far_down_it_ranks(retriever):
    """The admitted passages are searched, not just the global top few dozen."""
    index = retriever.index
    q = retriever.embedder.encode_queries(["how many training sessions were held"])
    ranked = index.dense(q, None, index.size)
    last = index.passages[min(ranked, key=ranked.__getitem__)]  # the passage the query likes least
    hits = retriever.search("how many training sessions were held", k=1,
                            filters=Filters(section=last.section, kind=last.kind))
    assert hits and hits[0].passage.section == last.section


def test_filters_admit():
    p = Passage(id="x", report_id="r1", section="三、依申请公开 › （一）", text="t", kind="table", year=2017,
                agency="温州市瓯海区人民政府")
    assert Filters().admits(p)
    assert Filters(report_ids=("r1", "r2"), years=(2016, 2017), agency="瓯海区", kind="table", section="三、").admits(p)
    assert not Filters(report_ids=("r2",)).admits(p)
    assert not Filters(years=(2018,)).admits(p)
    assert not Filters(agency="淮安市").admits(p)
    assert not Filters(kind="prose").admits(p)
    assert not Filters(section="六、").admits(p)


def test_language_detection_and_rank_fusion():
    assert is_chinese("2017年有多少申请") and is_chinese("how many 申请")
    assert not is_chinese("how many requests in 2017?")
    assert rrf({7: 1, 3: 2}) == {7: 1 / 61, 3: 1 / 62}


def test_search_agency_filter_accepts_the_usual_short_names(engine):
    assert len(engine.search("主要问题", agency="瓯海区", k=3)) == 3
    assert len(engine.search("主要问题", agency="瓯海区政府", k=3)) == 3


def test_an_english_query_is_matched_by_bm25_through_its_chinese_words(retriever):
    """jieba's tokens of English words match nothing in a Chinese report; the lexicon's translation of the question
    (新闻发布会 for "press conferences") does, and lifts the row that dense similarity alone ranked lower."""
    from reportqa.answering.extractive import chinese_words
    from reportqa.questions import parse_question

    query = "how many press conferences were held"
    words = " ".join(chinese_words(parse_question(query)))
    assert "新闻发布会" in words
    row = "1.参加或举办新闻发布会总次数：29次"
    assert not any(h.passage.text.endswith(row) for h in retriever.search(query, k=3))
    assert any(h.passage.text.endswith(row) for h in retriever.search(query, k=3, words=words))
    # a Chinese query is its own words: the translation is never used for it
    assert retriever.search("新闻发布会", k=3, words="培训") == retriever.search("新闻发布会", k=3)

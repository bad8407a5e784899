"""Passages: prose cut on sentence ends (100–400 characters, one sentence of overlap), one passage per table row."""

from decimal import Decimal

import jieba
import pytest

from reportqa.chunking import (
    MAX_CHARS,
    MIN_CHARS,
    chunk_text,
    passage_id,
    report_passages,
    split_sentences,
    table_row_text,
    tokenize,
)
from reportqa.documents import Fact, Report, Section


def sentence(i: int) -> str:
    return f"第{i}项工作是推进政务公开标准化规范化建设，完善主动公开目录体系并加强队伍建设和业务培训。"


LONG = "".join(sentence(i) for i in range(40))


@pytest.fixture(scope="module")
def seed_passages(seed_report):
    return report_passages(seed_report)


def test_long_text_chunks_are_100_to_400_characters():
    chunks = chunk_text(LONG)
    assert len(chunks) >= 4
    assert all(MIN_CHARS <= len(c) <= MAX_CHARS for c in chunks), [len(c) for c in chunks]


def test_chunks_end_on_sentence_ends_and_cover_the_text():
    chunks = chunk_text(LONG)
    assert all(c.endswith("。") for c in chunks)
    assert chunks[0].startswith(sentence(0)) and chunks[-1].endswith(sentence(39))
    for i in range(40):
        assert any(sentence(i) in c for c in chunks)


def test_consecutive_chunks_overlap_by_one_sentence():
    chunks = chunk_text(LONG)
    for a, b in zip(chunks, chunks[1:], strict=False):
        last = split_sentences(a)[-1]
        assert b.startswith(last)
        assert len(last) < len(b)


def test_short_text_is_one_chunk():
    assert chunk_text("全年政府信息公开工作未收取任何费用。") == ["全年政府信息公开工作未收取任何费用。"]
    assert chunk_text("") == []


def test_a_short_tail_is_merged_into_the_previous_chunk_when_it_fits():
    text = "甲" * 150 + "。" + "乙" * 150 + "。" + "丙" * 20 + "。"
    assert chunk_text(text) == [text]


def test_an_overlong_sentence_is_cut_on_jieba_word_boundaries():
    words = ["政府信息公开", "工作", "年度报告", "依申请公开", "主动公开", "规范性文件", "行政复议", "行政诉讼"]
    sentence_ = "，".join(words[i % len(words)] for i in range(250))  # ~1400 characters without a sentence end
    pieces = split_sentences(sentence_)
    assert len(pieces) >= 3
    assert "".join(pieces) == sentence_
    assert all(len(p) <= MAX_CHARS for p in pieces)
    boundaries, pos = set(), 0
    for w in jieba.cut(sentence_):
        pos += len(w)
        boundaries.add(pos)
    cut, pos = [], 0
    for p in pieces[:-1]:
        pos += len(p)
        cut.append(pos)
    assert set(cut) <= boundaries


def test_split_sentences_keeps_the_end_marks():
    assert split_sentences("一是甲；二是乙。三是丙！真的吗？尾巴") == ["一是甲；", "二是乙。", "三是丙！", "真的吗？",
                                                                  "尾巴"]


def test_seed_short_sections_are_one_passage_each(seed_report):
    short = [s for s in seed_report.sections if len(s.text) < MIN_CHARS]
    assert "四、收费及减免情况" in {s.heading for s in short}
    for s in short:
        assert chunk_text(s.text) == [s.text.replace("\n", "")]


def test_seed_prose_passages_are_100_to_400_characters_except_short_sections(seed_report, seed_passages):
    section_len = {s.heading: len(s.text) for s in seed_report.sections}
    for p in seed_passages:
        if p.kind == "prose":
            assert len(p.text) <= MAX_CHARS
            if section_len[p.section] >= MIN_CHARS:
                assert len(p.text) >= MIN_CHARS, (p.section, len(p.text), p.text)


def test_seed_prose_passages_never_exceed_400(seed_passages):
    prose = [p for p in seed_passages if p.kind == "prose"]
    assert len(prose) >= 10
    assert all(len(p.text) <= MAX_CHARS for p in prose)


def test_seed_problems_section_is_split_with_overlap(seed_passages):
    problems = [p.text for p in seed_passages if p.section == "六、主要问题及改进措施"]
    assert len(problems) == 2
    last = split_sentences(problems[0])[-1]
    assert problems[1].startswith(last)


def test_seed_table_row_passage_text(seed_passages):
    texts = {p.text for p in seed_passages if p.kind == "table"}
    assert "三、依申请公开情况 › （三）申请答复数 › 4.不同意公开答复数：19件" in texts
    assert "三、依申请公开情况 › （三）申请答复数 › 4.不同意公开答复数 › 不是《条例》所指政府信息：14件" in texts
    assert "八、机构建设和保障经费情况 › （四）政府信息公开专项经费：85.4万元" in texts
    table = [p for p in seed_passages if p.kind == "table"]
    assert len(table) == 58  # one passage per row
    assert {p.section for p in table} == {"政府信息公开情况统计表"}
    assert not any("2017" in p.text or "瓯海" in p.text for p in table)  # year and agency stay metadata


def test_passages_carry_report_metadata(seed_report, seed_passages):
    for p in seed_passages:
        assert (p.report_id, p.year, p.agency) == (seed_report.id, 2017, "温州市瓯海区人民政府")


def test_passage_ids_are_stable_and_unique(seed_report, seed_passages):
    again = report_passages(seed_report)
    assert [p.id for p in again] == [p.id for p in seed_passages]
    assert len({p.id for p in seed_passages}) == len(seed_passages)
    assert passage_id("r", "s", "t") == passage_id("r", "s", "t")
    assert passage_id("r1", "s", "t") != passage_id("r2", "s", "t")
    assert passage_id("r", "s", "t") != passage_id("r", "s2", "t")


def test_template_row_text_names_columns_and_not_reported_cells():
    path = ("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密")
    facts = [Fact(path=path, column=c, value=v, unit="件", raw=str(v), table="三、收到和处理政府信息公开申请情况")
             for c, v in (("自然人", 0), ("商业企业", None), ("总计", 2))]
    assert table_row_text(facts) == ("三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密："
                                     "自然人 0件，商业企业 未填报，总计 2件")


def test_template_rows_become_one_passage_each():
    facts = [Fact(path=("二、本年度办理结果",), column=c, value=v, unit="件", raw="",
                  table="三、收到和处理政府信息公开申请情况")
             for c, v in (("自然人", 3), ("总计", 3))]
    facts.append(Fact(path=("（四）政府信息公开专项经费",), column=None, value=Decimal("85.40"), unit="万元",
                      raw="85.40", table=""))
    report = Report(id="rid", title="t", agency="某局", year=2021, format="template-2021", source="x.txt",
                    sections=[Section(("一、总体情况",), "短。")], facts=facts)
    passages = report_passages(report)
    assert [(p.kind, p.section, p.text) for p in passages] == [
        ("prose", "一、总体情况", "短。"),
        ("table", "三、收到和处理政府信息公开申请情况", "二、本年度办理结果：自然人 3件，总计 3件"),
        ("table", "统计表", "（四）政府信息公开专项经费：85.40万元"),
    ]


def test_prose_facts_do_not_become_table_passages(seed_report, seed_passages):
    assert any(f.kind == "prose" for f in seed_report.facts)
    assert not any("区政府受理" in p.text for p in seed_passages if p.kind == "table")


def test_tokenize_for_bm25():
    tokens = tokenize("网络申请数：11件，Online Requests!")
    assert "申请" in tokens and "网络" in tokens
    assert "online" in tokens and "requests" in tokens
    assert "：" not in tokens and "，" not in tokens and "!" not in tokens

"""The domain lexicon: data files that load, with phrases for every concept."""

import re

from reportqa.lexicon import load_lexicon
from reportqa.questions import INTENTS


def test_lexicon_loads_and_is_cached():
    lexicon = load_lexicon()
    assert lexicon is load_lexicon()
    assert len(lexicon.concepts) >= 30 and len(lexicon.columns) >= 6


def test_every_concept_has_phrases_and_row_words():
    for c in load_lexicon().concepts:
        assert c.phrases, c.id
        assert all(p.strip() == p and p for p in c.phrases), c.id
        assert c.rows or c.columns, f"{c.id} names no row or column of either format"


def test_every_concept_has_chinese_and_english_phrases():
    for c in load_lexicon().concepts:
        assert any(re.search(r"[\u4e00-\u9fff]", p) for p in c.phrases), c.id
        assert any(p.isascii() for p in c.phrases), c.id


def test_english_phrases_are_lower_case():
    lexicon = load_lexicon()
    for item in (*lexicon.concepts, *lexicon.columns):
        assert all(p == p.lower() for p in item.phrases if p.isascii()), item.id


def test_ids_are_unique():
    lexicon = load_lexicon()
    ids = [c.id for c in lexicon.concepts]
    assert len(ids) == len(set(ids))
    cols = [c.id for c in lexicon.columns]
    assert len(cols) == len(set(cols))


def test_applicant_columns_of_the_template():
    lexicon = load_lexicon()
    ids = {c.id for c in lexicon.columns}
    assert {"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "法人或其他组织", "总计"} <= ids
    legal = next(c for c in lexicon.columns if c.id == "法人或其他组织")
    assert set(legal.sum_of) == {"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"}
    assert all(c.phrases for c in lexicon.columns)


def test_design_mappings_are_in_the_data():
    lexicon = load_lexicon()
    for phrase, concept in (("拒绝", "refused"), ("驳回", "refused"), ("不给公开", "refused"), ("refused", "refused"),
                            ("网上", "online"), ("在线", "online"), ("online", "online"),
                            ("信件", "mail"), ("邮寄", "mail"), ("by mail", "mail"),
                            ("当面", "in_person"), ("现场", "in_person"), ("in person", "in_person"),
                            ("打官司", "litigation"), ("起诉", "litigation"), ("lawsuit", "litigation"),
                            ("复议", "reconsideration"), ("appeal", "reconsideration")):
        assert phrase in lexicon.concept(concept).phrases, (phrase, concept)
    individuals = next(c for c in lexicon.columns if c.id == "自然人")
    assert {"个人", "公民", "citizens"} <= set(individuals.phrases)
    companies = next(c for c in lexicon.columns if c.id == "商业企业")
    assert {"企业", "公司", "companies"} <= set(companies.phrases)


def test_both_formats_are_covered_by_row_words():
    refused = load_lexicon().concept("refused")
    assert "不同意公开" in refused.rows and "不予公开" in refused.rows
    granted = load_lexicon().concept("granted")
    assert "不同意" in granted.exclude  # 同意公开 inside 不同意公开 is not a grant


def test_intents_and_agency_abbreviations():
    lexicon = load_lexicon()
    for name in (*INTENTS, "number"):
        assert lexicon.intents.get(name), name
    assert "卫健委" in lexicon.agency_abbreviations["卫生健康委员会"]
    assert "人社局" in lexicon.agency_abbreviations["人力资源和社会保障局"]


def test_a_glossary_key_is_found_in_its_plural():
    from reportqa.lexicon import glossary_terms

    assert glossary_terms("How many reports did the bureau publish?") == glossary_terms("the report")
    assert glossary_terms("press conferences") == glossary_terms("press conference")

"""What is left of a whole once named parts are taken out: the phrasings read, the parts found by their words, the
whole less the parts, and no figure when a part is not found. Hand-made facts, the real lexicon."""

import pytest

from reportqa.answering.complement import complement_of, part_items, parts_taken_out, stated_whole, what_is_left
from reportqa.documents import Fact, Report
from reportqa.lexicon import load_lexicon
from reportqa.questions import parse_question

LEXICON = load_lexicon()
R = Report(id="r", title="青禾区人民政府2023年政府信息公开工作年度报告", agency="青禾区人民政府", year=2023,
           format="prose-only", source="r.txt")
APPLIED = "全年全区共受理申请公开800件,结转下年度办理39件,区政府本级共受理206件,结转下年度办理6件。"
LIBRARY = "区政府政策文件库共收录政策547件,其中区政府本级文件344件、区政府部门文件149件。"
POSTED = "全年通过政府网站发布信息295条,其中公开行政许可、行政处罚、行政事业性收费等共75条,其他信息3394条。"


def prose(label: str, value: int, unit: str, source: str) -> Fact:
    return Fact(path=("一、总体情况", label), column=None, value=value, unit=unit, raw=str(value), kind="prose",
                source=source, report_id="r", year=2023, agency=R.agency)


FACTS = [prose("全年全区共受理申请公开", 800, "件", APPLIED), prose("结转下年度办理", 39, "件", APPLIED),
         prose("区政府本级共受理", 206, "件", APPLIED), prose("区政府政策文件库共收录政策", 547, "件", LIBRARY),
         prose("区政府本级文件", 344, "件", LIBRARY), prose("区政府部门文件", 149, "件", LIBRARY),
         prose("全年通过政府网站发布信息", 295, "条", POSTED),
         prose("公开行政许可、行政处罚、行政事业性收费等", 75, "条", POSTED)]


@pytest.mark.parametrize(("text", "whole", "parts"), [
    ("青禾区2023年全区受理的申请中,不属于区政府本级的有多少件?", "青禾区2023年全区受理的申请有多少件?", "区政府本级"),
    ("平潭农业农村局2024年主动公开的信息中，除“其他类”外的各类合计多少条？",
     "平潭农业农村局2024年主动公开的信息中，各类合计多少条？", "“其他类”"),
    ("Apart from licensing, penalty and fee items, how many items did the county post in 2025?",
     "how many items did the county post in 2025?", "licensing, penalty and fee items"),
    ("Of the town's 20 cumulatively disclosed items, how many were not institutional-function items?",
     "Of the town's 20 cumulatively disclosed items, how many?", "institutional-function items"),
    ("How many items did the bureau disclose in 2025 that were neither project-approval information nor "
     "normative documents?", "How many items did the bureau disclose in 2025 ?",
     "project-approval information nor normative documents"),
    ("How many of the sub-district's 2015 disclosures were not business-activity items?",
     "How many of the sub-district's 2015 disclosures?", "business-activity items"),
    # 扣除…还有: what is left once the part deducted is taken out
    ("青禾区截至2012年累计主动公开信息,扣除2012年新增的部分,还有多少条?", "青禾区截至2012年累计主动公开信息还有多少条?",
     "2012年新增"),
    # the rest in general (其他 before 政府信息 or a count of classes), added up: the whole asked as one figure
    ("青禾镇2023年除工作动态以外的其他政府信息合计多少条?", "青禾镇2023年政府信息多少条?", "工作动态"),
    ("青禾镇2023年除工作动态以外的其他四类信息合计多少条?", "青禾镇2023年信息多少条?", "工作动态"),
    # the part written right after the year, without 除
    ("青禾街道2017年业务动态类以外的主动公开信息有多少条?", "青禾街道2017年主动公开信息有多少条?", "业务动态类"),
    ("Of the bureau's 280 website items in 2013, how many were neither work bulletins nor notices?",
     "Of the bureau's 280 website items in 2013, how many?", "work bulletins nor notices"),
])
def test_the_whole_and_the_parts_taken_out_of_it(text, whole, parts):
    complement = complement_of(text)
    assert complement is not None and (complement.whole_question, complement.parts) == (whole, parts)


@pytest.mark.parametrize("text", ["How many requests were not granted in 2017?", "不属于政府信息的申请有多少件？",
                                  "2023年收到申请多少件？"])
def test_a_question_taking_nothing_out(text):
    assert complement_of(text) is None


def test_listed_parts_are_each_named_without_count_nouns():
    assert part_items("licensing, penalty and fee items") == ["licensing", "penalty", "fee"]
    assert part_items("“其他类”") == ["其他"]
    assert part_items("2012年新增") == ["新增"]  # (a year dates the part: no word of its figure's label)


def test_the_part_in_the_wholes_own_sentence_before_one_named_as_well_elsewhere():
    """区政府本级 names 区政府本级共受理 (the whole's sentence) and 区政府本级文件 (another) equally."""
    q = parse_question("青禾区2023年全区受理的申请中,不属于区政府本级的有多少件?", LEXICON)
    parts = parts_taken_out(q, "区政府本级", FACTS[0], FACTS, LEXICON)
    assert parts == [FACTS[2]]
    answer = what_is_left(q, R, FACTS[0], parts)
    assert answer is not None and answer.value == 594 and "800 − 206 = 594" in answer.text


def test_one_figure_naming_every_part_is_taken_out_once():
    q = parse_question("Apart from licensing, penalty and fee items, how many items did the district post?", LEXICON)
    assert parts_taken_out(q, "licensing, penalty and fee items", FACTS[6], FACTS, LEXICON) == [FACTS[7]]


def test_a_part_naming_no_figure_leaves_no_figure():
    q = parse_question("Apart from press releases, how many items did the district post?", LEXICON)
    assert parts_taken_out(q, "press releases", FACTS[6], FACTS, LEXICON) is None


def test_a_whole_the_question_states_is_the_reports_figure_of_that_value():
    assert stated_whole("Of the district's 295 posted items, how many?", FACTS) is FACTS[6]
    assert stated_whole("In 2023, how many?", FACTS) is None  # a year is no figure


def test_a_class_written_with_fei_after_its_whole_is_taken_out_of_it():
    c = complement_of("遵义市人社局2021年主动公开的信息中非公文类有几条?")
    assert c is not None and (c.whole_question, c.parts) == ("遵义市人社局2021年主动公开的信息有几条?", "公文类")
    assert complement_of("非公文类有几条?") is None  # no whole named before it


def test_the_parts_taken_out_end_where_the_question_goes_on_at_its_verb():
    c = complement_of("How many items other than normative documents did Qingyuan county publish on its website "
                      "in 2022?")
    assert c is not None and c.parts == "normative documents"
    assert c.whole_question.split() == "How many items did Qingyuan county publish on its website in 2022?".split()


def test_a_part_taken_out_with_yiwai_alone_after_the_whole():
    c = complement_of("科右中旗2023年主动公开信息中,政务新媒体以外的各专栏信息合计多少条?")
    assert c is not None and c.parts == "政务新媒体"


def test_the_whole_of_a_question_taking_parts_out_after_zhong_is_asked_alone():
    """"公开的信息中,除A外还有多少条": the whole is "公开的信息有多少条", not a part of it left unnamed."""
    from reportqa.answering.complement import complement_of

    got = complement_of("某镇2023年公开的信息中,除工作信息外还有多少条?")
    assert got is not None and (got.whole_question, got.parts) == ("某镇2023年公开的信息有多少条?", "工作信息")


def test_items_that_were_not_a_kind_are_the_whole_less_it():
    got = complement_of("Jia town 2025: how many items were not work-news items?")
    assert got is not None and got.parts == "work-news items" and got.whole_question.endswith("how many items?")


def test_parts_each_naming_a_figure_of_their_own_are_not_one_figure_for_both():
    sentence = "全年在网站公开政府信息280条,其中发布重点工作通报事项270条,发布重要事项公示信息4条。"
    facts = [prose("全年在网站公开政府信息", 280, "条", sentence), prose("发布重点工作通报事项", 270, "条", sentence),
             prose("发布重要事项公示信息", 4, "条", sentence)]
    q = parse_question("How many of the 280 website items were neither key work bulletins nor important notices?",
                       LEXICON)
    parts = parts_taken_out(q, "key work bulletins nor important notices", facts[0], facts, LEXICON)
    assert parts is not None and sorted(p.value for p in parts) == [4, 270]

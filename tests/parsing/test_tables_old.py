"""The pre-2019 statistics table: the seed's real table block, and small synthetic grids."""

from decimal import Decimal

import pytest

from reportqa.parsing.tables_old import (
    TABLE_TITLE,
    clean_label,
    is_statistics_table,
    numbering_level,
    parse_statistics_table,
)

T3 = "三、依申请公开情况"
ANSWERS = "（三）申请答复数"
REFUSED = "4.不同意公开答复数"


@pytest.fixture(scope="module")
def seed_rows(seed_doc):
    tables = [b.rows for b in seed_doc.blocks if b.kind == "table" and is_statistics_table(b.rows)]
    assert len(tables) == 1, "the seed has exactly one statistics table"
    return tables[0]


@pytest.fixture(scope="module")
def seed_facts(seed_rows):
    return parse_statistics_table(seed_rows)


@pytest.fixture(scope="module")
def by_path(seed_facts):
    index = {f.path: f for f in seed_facts}
    assert len(index) == len(seed_facts), "row paths are unique in the seed"
    return index


def test_seed_fact_count(seed_facts):
    assert len(seed_facts) == 58


def test_all_seed_facts_are_old_format_table_facts(seed_facts):
    for f in seed_facts:
        assert f.kind == "table"
        assert f.column is None
        assert f.table == TABLE_TITLE
        assert f.value is not None
        assert f.unit
        assert f.raw == str(f.value)


@pytest.mark.parametrize(
    "path, value, unit",
    [
        (("一、主动公开情况", "（一）主动公开政府信息数"), 37353, "条"),
        (("一、主动公开情况", "（一）主动公开政府信息数", "主动公开规范性文件数"), 66, "条"),
        (("一、主动公开情况", "（一）主动公开政府信息数", "制发规范性文件总数"), 66, "件"),
        (("一、主动公开情况", "（二）通过不同渠道和方式公开政府信息的情况", "3.政务微博公开政府信息数"), 13026, "条"),
        (("二、回应解读情况", "（一）回应公众关注热点或重大舆情数"), 219, "次"),
        (("二、回应解读情况", "（二）通过不同渠道和方式回应解读的情况", "1.参加或举办新闻发布会总次数",
          "主要负责同志参加新闻发布会次数"), 11, "次"),
        (("二、回应解读情况", "（二）通过不同渠道和方式回应解读的情况", "3.政策解读稿件发布数"), 86, "篇"),
        ((T3, "（一）收到申请数"), 244, "件"),
        ((T3, "（一）收到申请数", "2.传真申请数"), 0, "件"),
        ((T3, "（一）收到申请数", "3.网络申请数"), 11, "件"),
        ((T3, ANSWERS, REFUSED), 19, "件"),
        ((T3, ANSWERS, REFUSED, "涉及国家秘密"), 0, "件"),
        ((T3, ANSWERS, REFUSED, "涉及个人隐私"), 0, "件"),
        ((T3, ANSWERS, REFUSED, "危及国家安全、公共安全、经济安全和社会稳定"), 0, "件"),
        ((T3, ANSWERS, REFUSED, "不是《条例》所指政府信息"), 14, "件"),
        ((T3, ANSWERS, REFUSED, "法律法规规定的其他情形"), 5, "件"),
        ((T3, ANSWERS, "6.申请信息不存在数"), 55, "件"),
        (("四、行政复议数量",), 4, "件"),
        (("四、行政复议数量", "（二）被依法纠错数"), 2, "件"),
        (("五、行政诉讼数量",), 0, "件"),
        (("六、举报投诉数量",), 0, "件"),
        (("七、依申请公开信息收取的费用",), 0, "万元"),
        (("八、机构建设和保障经费情况", "（三）从事政府信息公开工作人员数", "1.专职人员数"), 40, "人"),
        (("九、政府信息公开会议和培训情况", "（三）接受培训人员数"), 2330, "人次"),
    ],
)
def test_seed_rows(by_path, path, value, unit):
    fact = by_path[path]
    assert fact.value == value and type(fact.value) is int
    assert fact.unit == unit


def test_wrapped_label_loses_its_note(seed_facts, by_path):
    """（一）主动公开政府信息数 wraps onto a second line holding （不同渠道和方式公开相同信息计1条）."""
    fact = by_path[("一、主动公开情况", "（一）主动公开政府信息数")]
    assert fact.label == "（一）主动公开政府信息数"
    assert not any("不同渠道和方式公开相同信息" in part for f in seed_facts for part in f.path)
    assert by_path[("二、回应解读情况", "（一）回应公众关注热点或重大舆情数")].value == 219


def test_qizhong_rows_sit_under_4_refused(by_path):
    children = {p[-1]: f.value for p, f in by_path.items() if p[:-1] == (T3, ANSWERS, REFUSED)}
    assert children == {
        "涉及国家秘密": 0,
        "涉及商业秘密": 0,
        "涉及个人隐私": 0,
        "危及国家安全、公共安全、经济安全和社会稳定": 0,
        "不是《条例》所指政府信息": 14,
        "法律法规规定的其他情形": 5,
    }
    # the numbering resumes at the parent's level after the 其中 block
    assert by_path[(T3, ANSWERS, "5.不属于本行政机关公开数")].value == 6


def test_zero_rows_are_zero_not_missing(seed_facts):
    zeros = [f for f in seed_facts if f.value == 0]
    assert len(zeros) == 12
    assert all(f.value is not None and f.raw == "0" for f in zeros)


def test_budget_is_an_exact_decimal(by_path):
    fact = by_path[("八、机构建设和保障经费情况", "（四）政府信息公开专项经费")]
    assert isinstance(fact.value, Decimal) and fact.value == Decimal("85.4")
    assert fact.unit == "万元" and fact.raw == "85.4"


def test_trailing_note_is_stripped_from_numbered_label(by_path):
    assert ("八、机构建设和保障经费情况", "（三）从事政府信息公开工作人员数", "1.专职人员数") in by_path


def test_heading_rows_give_no_facts(seed_rows, seed_facts):
    headings = [clean_label(r[0]) for r in seed_rows if len(r) > 1 and r[1].strip() == "——"]
    assert "一、主动公开情况" in headings and "八、机构建设和保障经费情况" in headings
    assert len(headings) == 7
    for heading in headings:
        assert not any(f.path[-1] == heading for f in seed_facts)
        assert any(heading in f.path for f in seed_facts), "a heading still names its rows' path"


def test_header_row_is_not_a_fact(seed_facts):
    assert not any("统计指标" in "".join(f.path) for f in seed_facts)


# ------------------------------------------------------------------ synthetic grids


def test_extra_value_column_and_missing_cells():
    rows = [
        ["统计指标", "单位", "统计数", "上年数"],
        ["一、依申请公开情况", "——", "", ""],
        ["（一）收到申请数", "件", "1,234", "—"],
        ["1.当面申请数", "件", "１０", ""],
        ["2.网络申请数", "件", "0", "/"],
        ["（二）专项经费", "万元", "12.50", "9.8"],
    ]
    facts = parse_statistics_table(rows)
    got = {(f.path, f.column): (f.value, f.unit, f.raw) for f in facts}
    head = "一、依申请公开情况"
    assert got == {
        ((head, "（一）收到申请数"), None): (1234, "件", "1,234"),
        ((head, "（一）收到申请数"), "上年数"): (None, "件", "—"),
        ((head, "（一）收到申请数", "1.当面申请数"), None): (10, "件", "１０"),
        ((head, "（一）收到申请数", "1.当面申请数"), "上年数"): (None, "件", ""),
        ((head, "（一）收到申请数", "2.网络申请数"), None): (0, "件", "0"),
        ((head, "（一）收到申请数", "2.网络申请数"), "上年数"): (None, "件", "/"),
        ((head, "（二）专项经费"), None): (Decimal("12.50"), "万元", "12.50"),
        ((head, "（二）专项经费"), "上年数"): (Decimal("9.8"), "万元", "9.8"),
    }
    # not reported is None, never 0
    assert [f.value for f in facts if f.column == "上年数"][:3] == [None, None, None]


def test_single_value_column_has_no_column_name_and_blank_is_none():
    rows = [
        ["统 计 指 标", "单位", "统计数"],
        ["一、行政复议数量", "件", ""],
        ["（一）维持具体行政行为数", "件", "—"],
        ["（二）被依法纠错数", "件", "3"],
    ]
    facts = parse_statistics_table(rows)
    assert [(f.path, f.column, f.value) for f in facts] == [
        (("一、行政复议数量",), None, None),
        (("一、行政复议数量", "（一）维持具体行政行为数"), None, None),
        (("一、行政复议数量", "（二）被依法纠错数"), None, 3),
    ]


def test_unit_written_inside_the_cell_wins_over_empty_unit_column():
    rows = [["指标", "单位", "统计数"], ["七、收取的费用", "", "0.5万元"]]
    (fact,) = parse_statistics_table(rows)
    assert fact.value == Decimal("0.5") and fact.unit == "万元"


def test_non_numeric_cell_is_skipped_not_zero():
    rows = [["统计指标", "单位", "统计数"], ["一、举报投诉数量", "件", "见附件"], ["二、其他", "件", "2"]]
    facts = parse_statistics_table(rows)
    assert [(f.label, f.value) for f in facts] == [("二、其他", 2)]


def test_qizhong_block_and_unnumbered_continuations():
    rows = [
        ["统计指标", "单位", "统计数"],
        ["三、答复", "——", ""],
        ["（一）不同意公开答复数", "件", "3"],
        ["其中：涉及国家秘密", "件", "1"],
        ["涉及商业秘密", "件", "2"],
        ["（二）其他", "件", "4"],
    ]
    paths = [f.path for f in parse_statistics_table(rows)]
    assert paths == [
        ("三、答复", "（一）不同意公开答复数"),
        ("三、答复", "（一）不同意公开答复数", "涉及国家秘密"),
        ("三、答复", "（一）不同意公开答复数", "涉及商业秘密"),
        ("三、答复", "（二）其他"),
    ]


@pytest.mark.parametrize(
    "rows, expected",
    [
        ([["统计指标", "单位", "统计数"], ["a", "件", "1"]], True),
        ([["政府信息公开情况统计表"], ["指 标", "单 位", "数 量"], ["a", "件", "1"]], True),
        ([["当面申请数", "信函申请数", "138", "95"]], False),  # chart data left in the text
        ([["信息内容", "本年制发件数"], ["规章", "0"]], False),  # the national template
    ],
)
def test_is_statistics_table(rows, expected):
    assert is_statistics_table(rows) is expected


@pytest.mark.parametrize(
    "cell, label",
    [
        ("\u3000\u3000（一）主动公开政府信息数\u3000\u3000（不同渠道和方式公开相同信息计1条）",
         "（一）主动公开政府信息数"),
        ("1.专职人员数（不包括政府公报及政府网站工作人员数）", "1.专职人员数"),
        ("（一）", "（一）"),
        ("不是《条例》所指政府信息", "不是《条例》所指政府信息"),
    ],
)
def test_clean_label(cell, label):
    assert clean_label(cell) == label


@pytest.mark.parametrize(
    "label, level",
    [("一、主动公开情况", 0), ("十二．其他", 0), ("（三）申请答复数", 1), ("(二)办结", 1), ("4.不同意公开答复数", 2),
     ("10、其他", 2), ("涉及国家秘密", None), ("其中：涉及国家秘密", None)],
)
def test_numbering_level(label, level):
    assert numbering_level(label) == level


def test_an_empty_spacer_column_is_ignored():
    rows = [["统计指标", "单位", "统计数", ""], ["一、收到申请数", "件", "12", ""], ["二、办结数", "件", "12", ""]]
    facts = parse_statistics_table(rows)
    assert [(f.path, f.column, f.value) for f in facts] == [
        (("一、收到申请数",), None, 12),
        (("二、办结数",), None, 12),
    ]

"""Consistency checks: warnings that name rows and numbers, never errors."""

from decimal import Decimal

import pytest

from reportqa.documents import Fact
from reportqa.parsing import checks
from reportqa.parsing.checks import check_old_table, check_prose_against_table, check_template

# ------------------------------------------------------------------ old format


def old(path, value, unit="件"):
    return Fact(path=tuple(path), column=None, value=value, unit=unit, raw=str(value), table="政府信息公开情况统计表")


def test_seed_is_consistent(seed_report):
    table = [f for f in seed_report.facts if f.kind == "table"]
    assert check_old_table(table) == []
    assert check_prose_against_table(seed_report.facts) == []
    assert seed_report.warnings == []


def test_parent_not_equal_to_numbered_children():
    facts = [
        old(["三、依申请公开情况", "（一）收到申请数"], 250),
        old(["三、依申请公开情况", "（一）收到申请数", "1.当面申请数"], 138),
        old(["三、依申请公开情况", "（一）收到申请数", "2.传真申请数"], 0),
        old(["三、依申请公开情况", "（一）收到申请数", "3.网络申请数"], 11),
        old(["三、依申请公开情况", "（一）收到申请数", "4.信函申请数"], 95),
    ]
    (warning,) = check_old_table(facts)
    assert "（一）收到申请数" in warning
    assert "250" in warning and "244" in warning
    for label, value in (("1.当面申请数", "138"), ("2.传真申请数", "0"), ("3.网络申请数", "11"),
                         ("4.信函申请数", "95")):
        assert f"{label} {value}" in warning


def test_seed_table_with_one_cell_changed_warns(seed_report):
    facts = [f for f in seed_report.facts if f.kind == "table"]
    changed = [old(f.path, 20 if f.label == "4.不同意公开答复数" else f.value, f.unit) for f in facts]
    warnings = check_old_table(changed)
    # the parent (三) no longer adds up, and neither does the 其中 breakdown under 4.
    assert len(warnings) == 2
    assert any("（三）申请答复数" in w and "244" in w and "245" in w for w in warnings)
    assert any("4.不同意公开答复数" in w and "20" in w and "19" in w for w in warnings)


def test_qizhong_breakdown_of_three_or_more_rows_is_checked_two_is_not():
    three = [old(["4.不同意公开答复数"], 10), old(["4.不同意公开答复数", "涉及国家秘密"], 1),
             old(["4.不同意公开答复数", "涉及商业秘密"], 2), old(["4.不同意公开答复数", "涉及个人隐私"], 3)]
    assert len(check_old_table(three)) == 1
    two = [old(["（一）主动公开政府信息数"], 37353, "条"),
           old(["（一）主动公开政府信息数", "主动公开规范性文件数"], 66, "条"),
           old(["（一）主动公开政府信息数", "制发规范性文件总数"], 66, "件")]
    assert check_old_table(two) == []  # "其中" items that do not partition their parent


def test_mixed_units_and_missing_values_are_not_summed():
    facts = [old(["（三）人员数"], 10, "人"), old(["（三）人员数", "1.专职"], 3, "人"),
             old(["（三）人员数", "2.经费"], 1, "万元")]
    assert check_old_table(facts) == []
    facts = [old(["（三）人员数"], 10, "人"), old(["（三）人员数", "1.专职"], None, "人"),
             old(["（三）人员数", "2.兼职"], 3, "人")]
    assert check_old_table(facts) == []


def test_decimal_sums_are_exact():
    facts = [old(["（四）经费"], Decimal("0.3"), "万元"), old(["（四）经费", "1.甲"], Decimal("0.1"), "万元"),
             old(["（四）经费", "2.乙"], Decimal("0.2"), "万元")]
    assert check_old_table(facts) == []


# ------------------------------------------------------------------ national template, table 三

COLS = list(checks.APPLICANT_COLUMNS)  # 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他
GRANTED = (checks.RESULTS, "（一）予以公开")
PARTIAL = (checks.RESULTS, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
REFUSED = (checks.RESULTS, "（三）不予公开")
SECRET = REFUSED + ("1.属于国家秘密",)
OTHER_LAW = REFUSED + ("2.其他法律行政法规禁止公开",)


def template_facts(overrides=None):
    """A consistent table 三: per column, new + carried = total + carried on, results add up to the total."""
    per_column = {
        checks.NEW: [10, 3, 0, 0, 1, 0],
        checks.CARRIED: [2, 0, 0, 0, 0, 0],
        GRANTED: [6, 1, 0, 0, 0, 0],
        PARTIAL: [2, 1, 0, 0, 1, 0],
        SECRET: [1, 0, 0, 0, 0, 0],
        OTHER_LAW: [1, 0, 0, 0, 0, 0],
        REFUSED: [2, 0, 0, 0, 0, 0],  # the group row (sum of its numbered rows)
        checks.TOTAL: [10, 2, 0, 0, 1, 0],
        checks.CARRY_ON: [2, 1, 0, 0, 0, 0],
    }
    for (path, column), value in (overrides or {}).items():
        per_column[path][COLS.index(column)] = value
    facts = []
    for path, values in per_column.items():
        for column, value in zip(COLS + ["总计"], values + [sum(values)], strict=True):
            facts.append(Fact(path=path, column=column, value=value, unit="件", raw=str(value), table=checks.T3))
    return facts


def test_consistent_template_gives_no_warning():
    assert check_template(template_facts()) == []


def test_template_rule_violation_names_the_column_and_numbers():
    facts = template_facts({(checks.NEW, "自然人"): 11})  # one more new request with no result anywhere
    warnings = check_template(facts)
    rule = [w for w in warnings if w.startswith("勾稽关系不成立")]
    assert len(rule) == 2  # the 自然人 column and the 总计 column
    natural = next(w for w in rule if "（自然人）" in w)
    assert "本年新收 11" in natural and "上年结转 2" in natural
    assert "办理结果总计 10" in natural and "结转下年度 2" in natural
    total = next(w for w in rule if "（总计）" in w)
    assert "本年新收 15" in total and "办理结果总计 13" in total


def test_template_results_not_adding_up_to_total():
    facts = template_facts({(GRANTED, "商业企业"): 5})
    warnings = check_template(facts)
    assert any("办理结果各项之和 6" in w and "总计 2（商业企业）" in w for w in warnings)


def test_template_row_total_not_equal_to_its_columns():
    facts = template_facts()
    for f in facts:
        if f.path == checks.CARRIED and f.column == "总计":
            f.value = 3
    warnings = check_template(facts)
    assert any("二、上年结转政府信息公开申请数量" in w and "各列之和 2" in w and "总计 3" in w for w in warnings)


def test_template_check_ignores_other_tables_and_blank_cells():
    assert check_template([old(["一、本年新收政府信息公开申请数量"], 1)]) == []
    facts = template_facts()
    for f in facts:
        if f.path == checks.CARRY_ON:
            f.value = None  # not reported: the rule cannot be checked, and that is not a violation
    assert not any(w.startswith("勾稽关系不成立") for w in check_template(facts))


# ------------------------------------------------------------------ prose against table


def prose(label, value, unit="件", source=None):
    return Fact(path=("三、依申请公开政府信息情况", label), column=None, value=value, unit=unit, raw=f"{value}{unit}",
                kind="prose", source=source or f"{label}{value}{unit}。")


def test_prose_disagreeing_with_the_table_warns():
    facts = [old(["三、依申请公开情况", "（一）收到申请数", "3.网络申请数"], 11),
             prose("网络申请数", 12, source="网络申请数12件。")]
    (warning,) = check_prose_against_table(facts)
    assert "12件" in warning and "3.网络申请数" in warning and "11" in warning


@pytest.mark.parametrize("prose_fact", [
    prose("网络申请数", 11),  # agrees
    prose("网络申请数", 12, unit="次"),  # another unit: not the same figure
    prose("区政府受理", 62),  # a different label
])
def test_prose_that_agrees_or_is_about_something_else_does_not_warn(prose_fact):
    facts = [old(["三、依申请公开情况", "（一）收到申请数", "3.网络申请数"], 11), prose_fact]
    assert check_prose_against_table(facts) == []

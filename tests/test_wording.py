"""Wording: figures, formulas and sources as a reader sees them."""

from reportqa.documents import Fact, Report
from reportqa.wording import cite, common_prefix, say_figure, say_not_reported

REPORT = Report(id="r", title="淮安市人民政府2024年政府信息公开工作年度报告", agency="淮安市人民政府", year=2024,
                format="template-2021", source="huaian-2024.pdf")
T3 = "三、收到和处理政府信息公开申请情况"


def fact(path, value, column="总计"):
    return Fact(path=path, column=column, value=value, unit="件", raw=str(value), table=T3, report_id="r")


def test_cite_names_report_table_path_and_column():
    text = cite(REPORT, fact(("一、本年新收政府信息公开申请数量",), 3119), "zh")
    assert text == f"来源：《{REPORT.title}》{T3} › 一、本年新收政府信息公开申请数量（总计列）。"
    assert cite(REPORT, fact(("一、本年新收政府信息公开申请数量",), 3119), "en").startswith("Source: ")


def test_a_sum_is_written_as_its_formula_and_cites_the_group():
    used = [fact(("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"), 2),
            fact(("三、本年度办理结果", "（三）不予公开", "2.其他法律行政法规禁止公开"), 31)]
    text = say_figure(REPORT, "zh", used[0], 33, "件", used)
    assert "不予公开共 **33件**（属于国家秘密 2 + 其他法律行政法规禁止公开 31）" in text
    assert text.endswith("三、本年度办理结果 › （三）不予公开（总计列）。")


def test_a_blank_cell_is_not_zero():
    blank = fact(("四、结转下年度继续办理",), None)
    blank.raw = "—"
    assert "未填报" in say_not_reported(REPORT, "zh", blank) and "不等于0" in say_not_reported(REPORT, "zh", blank)


def test_common_prefix():
    assert common_prefix([("a", "b", "c"), ("a", "b", "d"), ("a", "b")]) == ("a", "b")

"""Wording: figures, formulas and sources as a reader sees them."""

from reportqa.documents import Fact, Report
from reportqa.wording import LISTED, cite, common_prefix, say_figure, say_not_reported, say_ranking, say_sum_across

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


def test_an_answer_over_thousands_of_reports_names_the_first_and_counts_the_rest():
    reports = [Report(id=f"r{i}", title="t", agency=f"青禾市第{i}局", year=2023, format="template-2021", source="s")
               for i in range(LISTED + 5)]
    ranking = say_ranking("zh", [(r, 100 - i) for i, r in enumerate(reports)], "件", lowest=False)
    assert ranking.startswith("最多的是 青禾市第0局") and "青禾市第19局" in ranking and "青禾市第20局" not in ranking
    assert ranking.endswith("另有 5 份报告（全部见图表和出处）")
    row = Fact(path=("收到申请数",), column=None, value=1, unit="件", raw="1", table="统计表")
    total = say_sum_across("en", [(r, 1, row) for r in reports], reports[:2], LISTED + 5, "件")
    assert "and 5 more reports" in total and total.count("青禾市第") == LISTED + 2
    assert len(say_ranking("en", [(r, 1) for r in reports[:3]], "件", lowest=True).split("；")) == 3


def test_a_sum_over_reports_that_only_one_gives_says_there_is_no_total():
    from reportqa.documents import Fact, Report

    reports = [Report(id=f"r{i}", title="t", agency=f"平潭综合实验区{name}", year=2019, format="template-2019",
                      source=f"{i}.txt") for i, name in enumerate(("农业农村局", "海坛片区管理局"))]
    row = Fact(path=("一、总体情况", "我局主动公开的"), column=None, value=173, unit="条", raw="173条", kind="prose")
    zh = say_sum_across("zh", [(reports[0], 173, row)], reports[1:], 173, "条")
    assert zh.startswith("2份报告中只有1份给出这一数字：**173条**")
    assert "没有找到，无法合计：平潭综合实验区海坛片区管理局 2019" in zh
    en = say_sum_across("en", [(reports[0], 173, row)], reports[1:], 173, "条")
    assert en.startswith("Only one of the 2 reports gives this figure") and "no total" in en



def test_a_difference_read_from_text_says_which_is_fewer():
    """"A比B多多少" when A is the smaller: the gap, and that A is fewer, not a bare 相差 beside a negative formula."""
    from reportqa.documents import Fact
    from reportqa.wording import say_difference_read_from_text

    def prose(label: str, value: int) -> Fact:
        return Fact(path=(label,), column=None, value=value, unit="条", raw=f"{value}条", kind="prose", source="")

    text = say_difference_read_from_text(None, "zh", prose("党建网公开发布", 5), prose("门户网站公开发布", 11), 6, -6)
    assert "前者比后者少 **6条**" in text and "5 − 11 = -6" in text
    english = say_difference_read_from_text(None, "en", prose("a", 5), prose("b", 11), 6, -6)
    assert "the first is 6 fewer" in english


def test_a_figure_printed_without_a_unit_says_so_and_invents_none():
    amount = Fact(path=("第二十条第（九）项", "政府集中采购"), column="采购总金额", value=8040, unit="", raw="8040",
                  table="二、主动公开政府信息情况", report_id="r")
    for lang, note in (("zh", "报告未注明单位"), ("en", "prints no unit")):
        text = say_figure(REPORT, lang, amount, 8040, "", [amount])
        assert note in text and "万元" not in text


def test_a_change_keeps_its_sign_and_says_which_way():
    from reportqa.wording import say_change

    cited = fact(("微信公众号发布信息",), 1469)
    english = say_change(None, "en", (2023, 1862), (2024, 1469), "条", cited)
    assert "**-393 条**" in english and "a fall" in english
    assert "减少393条" in say_change(None, "zh", (2023, 1862), (2024, 1469), "条", cited)

"""Each intent's handler driven with hand-made facts and the real lexicon: no index, no model, milliseconds."""

from decimal import Decimal

import pytest

from reportqa.answering.context import Ask
from reportqa.answering.difference import answer_difference
from reportqa.answering.facts import FactBase
from reportqa.answering.finder import FactFinder
from reportqa.answering.listing import answer_list
from reportqa.answering.lookup import answer_by_label, answer_lookup
from reportqa.answering.ranking import answer_ranking
from reportqa.answering.registry import HANDLERS
from reportqa.answering.share import answer_share
from reportqa.answering.sum import answer_sum
from reportqa.answering.trend import answer_trend
from reportqa.documents import Fact, Report
from reportqa.lexicon import load_lexicon
from reportqa.questions import Intent, parse_question
from reportqa.scope import resolve_scope

OLD = "统计表"
T3 = "三、收到和处理政府信息公开申请情况"


def report(rid: str, agency: str, year: int, fmt: str = "old-table") -> Report:
    return Report(id=rid, title=f"{agency}{year}年政府信息公开工作年度报告", agency=agency, year=year, format=fmt,
                  source=f"{rid}.txt")


def row(rid: str, path: tuple[str, ...], value, column: str | None = None, unit: str = "件",
        table: str = OLD) -> Fact:
    return Fact(path=path, column=column, value=value, unit=unit, raw=str(value), table=table, report_id=rid)


A17, A16 = report("a17", "青禾市东湖区人民政府", 2017), report("a16", "青禾市东湖区人民政府", 2016)
B17 = report("b17", "青禾市西山区人民政府", 2017)
T24 = report("t24", "青禾市人民政府", 2024, "template-2021")


def old_table(rid: str, received: int, online: int, in_person: int, refused: tuple[int, int]) -> list[Fact]:
    apply = "二、依申请公开情况"
    return [row(rid, (apply, "（一）收到申请数"), received),
            row(rid, (apply, "（一）收到申请数", "1.当面申请数"), in_person),
            row(rid, (apply, "（一）收到申请数", "2.网上申请数"), online),
            row(rid, (apply, "（二）不同意公开答复数", "1.涉及国家秘密"), refused[0]),
            row(rid, (apply, "（二）不同意公开答复数", "2.涉及商业秘密"), refused[1])]


def template(rid: str) -> list[Fact]:
    new = ("一、本年新收政府信息公开申请数量",)
    cells = [row(rid, new, v, col, table=T3) for col, v in (("自然人", 40), ("商业企业", 3), ("总计", None))]
    return cells + [row(rid, ("四、结转下年度继续办理",), None, "总计", table=T3)]


FACTS = (old_table("a17", 120, 80, 40, (2, 3)) + old_table("a16", 100, 55, 45, (1, 1))
         + old_table("b17", 90, 60, 30, (0, 4)) + template("t24"))
REPORTS = [A17, A16, B17, T24]


@pytest.fixture(scope="module")
def finder() -> FactFinder:
    lexicon = load_lexicon()
    return FactFinder(FactBase(REPORTS, FACTS, lexicon), lexicon)


def ask(text: str, reports=REPORTS) -> Ask:
    q = parse_question(text)
    scope = resolve_scope(q, reports)
    return Ask(q, scope, text)


def test_every_intent_but_prose_has_a_handler():
    assert set(HANDLERS) == set(Intent) - {Intent.PROSE}


def test_lookup_quotes_the_row_of_the_one_report_named(finder):
    answer = answer_lookup(finder, ask("东湖区2017年网上申请有多少件"))
    assert answer is not None and answer.found and answer.value == 80 and answer.unit == "件"
    assert "2.网上申请数" in answer.text and "来源" in answer.text


def test_lookup_over_several_reports_asks_which(finder):
    answer = answer_lookup(finder, ask("2017年网上申请有多少件"))
    assert answer is not None and not answer.found and answer.notes == ["ambiguous"]
    assert "东湖区" in answer.text and "西山区" in answer.text


def test_a_group_without_its_own_figure_is_the_sum_of_its_rows(finder):
    answer = answer_lookup(finder, ask("东湖区2017年不同意公开的有多少件"))
    assert answer is not None and answer.value == 5 and "涉及国家秘密 2 + 涉及商业秘密 3" in answer.text


def test_a_blank_total_is_the_sum_of_the_filled_columns_and_says_so(finder):
    answer = answer_lookup(finder, ask("青禾市2024年本年新收政府信息公开申请数量是多少"))
    assert answer is not None and answer.value == 43 and "总计栏为空白" in answer.text


def test_one_figure_over_several_years_is_added_up_with_each_years_source(finder):
    q = "东湖区2016年和2017年网上申请加起来一共多少件"
    assert parse_question(q).intent is Intent.SUM
    answer = answer_sum(finder, ask(q))
    assert answer is not None and answer.found and answer.value == 135 and answer.unit == "件"
    assert "2016年 55 + 2017年 80 = 135件" in answer.text and answer.text.count("来源") == 2


def test_a_sum_over_a_year_that_is_not_indexed_says_so(finder):
    answer = answer_sum(finder, ask("东湖区2015年和2016年网上申请一共多少件"))
    assert answer is not None and not answer.found and "2015年没有这一数字" in answer.text


def test_sum_writes_its_formula(finder):
    answer = answer_sum(finder, ask("东湖区2017年当面申请和网上申请一共多少件"))
    assert answer is not None and answer.value == 120 and "当面申请数 40 + 网上申请数 80 = 120件" in answer.text


def test_difference_between_two_years(finder):
    answer = answer_difference(finder, ask("东湖区2017年网上申请比2016年多多少件"))
    assert answer is not None and answer.value == 25 and "80 − 55 = 25" in answer.text


def test_difference_with_a_year_not_indexed_says_so(finder):
    answer = answer_difference(finder, ask("东湖区2017年网上申请比2015年多多少件", [A17, A16]))
    assert answer is not None and not answer.found and "2015年没有这一数字" in answer.text


def test_share_of_the_parent_row(finder):
    answer = answer_share(finder, ask("东湖区2017年网上申请占收到申请数的比例是多少"))
    assert answer is not None and answer.value == Decimal("66.67") and answer.unit == "%"


def test_a_share_is_of_the_part_in_its_whole_whichever_the_question_names_first(finder):
    """"收到申请中，网上申请占百分之几": the whole is named first; a share of a part is never above 100%."""
    answer = answer_share(finder, ask("东湖区2017年收到的申请中，网上申请占百分之几"))
    assert answer is not None and answer.value == Decimal("66.67")


def test_trend_is_a_series_in_year_order(finder):
    answer = answer_trend(finder, ask("东湖区历年网上申请的变化趋势"))
    assert answer is not None and answer.series == [("2016", 55), ("2017", 80)]


def test_ranking_names_the_most_and_lists_all(finder):
    answer = answer_ranking(finder, ask("2017年哪个单位的网上申请最多"))
    assert answer is not None and answer.value == 80 and answer.text.startswith("最多的是 青禾市东湖区人民政府")
    fewest = answer_ranking(finder, ask("2017年哪个单位的网上申请最少"))
    assert fewest is not None and fewest.value == 60


def test_list_gives_the_rows_of_a_group(finder):
    answer = answer_list(finder, ask("东湖区2017年不同意公开的理由有哪些"))
    assert answer is not None and [f.label for f in answer.facts] == ["1.涉及国家秘密", "2.涉及商业秘密"]


def test_a_row_found_by_its_own_words_when_no_concept_matches(finder):
    answer = answer_by_label(finder, ask("青禾市2024年结转下年度继续办理多少件"))
    assert answer is None  # the cell is blank: a label match never answers with a blank


def prose(rid: str, label: str, value: int, unit: str, sentence: str) -> Fact:
    return Fact(path=("一、总体情况", label), column=None, value=value, unit=unit, raw=f"{value}{unit}", kind="prose",
                source=sentence, report_id=rid, year=2023)


def test_the_prose_label_covering_more_of_the_question_wins_over_a_shorter_one():
    p23 = report("p23", "青禾市南湖区人民政府", 2023, "prose-only")
    facts = [prose("p23", "公开信息", 1654, "条", "强化基层政务公开，公开信息1654条。"),
             prose("p23", "全区共主动公开政府信息", 13561, "条", "2023年全区共主动公开政府信息13561条。")]
    lexicon = load_lexicon()
    finder = FactFinder(FactBase([p23], facts, lexicon), lexicon)
    answer = answer_lookup(finder, ask("南湖区2023年主动公开的政府信息有多少条", [p23]))
    assert answer is not None and answer.value == 13561


def test_a_prose_label_matched_only_by_a_synonym_the_question_does_not_use_is_not_the_answer():
    p19 = report("p19", "青禾市南湖区人民政府", 2019, "prose-only")
    facts = [Fact(path=("一、总体情况", "网络诉求"), column=None, value=3, unit="件", raw="3件", kind="prose",
                  source="办理网络诉求3件。", report_id="p19", year=2019)]
    lexicon = load_lexicon()
    finder = FactFinder(FactBase([p19], facts, lexicon), lexicon)
    assert answer_lookup(finder, ask("南湖区2019年有多少件是网上申请的", [p19])) is None


def test_of_a_rows_measure_columns_the_one_the_question_names_is_read():
    from reportqa.facts_match import Match, select_column

    path = ("第二十条第（一）项", "行政规范性文件")
    cells = [row("t24", path, v, col) for col, v in (("本年新制作数量", 11), ("本年新公开数量", 9),
                                                     ("对外公开总数量", 119))]
    matches = [Match(c, frozenset({"normative_documents"}), 1.0, None) for c in cells]
    named, _ = select_column(matches, [], "规范性文件对外公开的总数是多少？")
    assert [m.fact.value for m in named] == [119]
    default, _ = select_column(matches, [], "规范性文件有多少件？")
    assert [m.fact.value for m in default] == [11]  # none named: the first (no headline column in this row)
    path = ("第二十条第（九）项", "政府集中采购")
    cells = [row("t24", path, v, col) for col, v in (("采购项目数量", 3), ("采购总金额", 3443000))]
    matches = [Match(c, frozenset({"procurement"}), 1.0, None) for c in cells]
    english, _ = select_column(matches, [], "How many centralized procurement projects were there in 2020?")
    assert [m.fact.value for m in english] == [3]  # an English question names a column by its words' Chinese
    amount, _ = select_column(matches, [], "How much was spent on centralized procurement in 2020?")
    assert [m.fact.value for m in amount] == [3443000]  # none named: the headline (amount) column


def test_a_column_the_rows_lack_gives_way_to_the_measure_column_the_question_names():
    """"截至2024年底" asks the 历年累计 column, which table 二 has not; the question names 现行有效件数 by its words,
    and that is the column read — never the first one (本年制发件数)."""
    from reportqa.facts_match import Match, select_column

    lexicon = load_lexicon()
    cumulative = [c for c in lexicon.columns if c.id == "历年累计"]
    path = ("第二十条第（一）项", "行政规范性文件")
    columns = (("本年制发件数", 0), ("本年废止件数", 0), ("现行有效件数", 1))
    cells = [row("t24", path, v, col) for col, v in columns]
    matches = [Match(c, frozenset({"normative_documents"}), 1.0, None) for c in cells]
    named, _ = select_column(matches, cumulative, "截至2024年底，现行有效的行政规范性文件有几件？")
    assert [m.fact.value for m in named] == [1]
    old = [Match(row("o16", ("主动公开文件数",), 5, None), frozenset({"proactive"}), 1.0, None)]
    assert select_column(old, cumulative, "截至2016年底累计主动公开多少条？")[0] == []  # no such column: nothing


def test_english_words_of_the_agencys_own_name_ask_nothing():
    from reportqa.answering.answerer import Answerer

    police = report("p21", "平潭综合实验区公安局", 2021, "template-2021")
    answerer = Answerer([police], [], retriever=None)
    ask = answerer.prepare("How many press conferences did the Pingtan Public Security Bureau hold in 2021?")
    assert [r.id for r in ask.scope.reports] == ["p21"]
    assert "security" not in [c.id for c in ask.q.concepts] and "press_conferences" in [c.id for c in ask.q.concepts]


def test_a_question_listing_two_things_asks_their_sum_once_the_agencys_name_is_read_out():
    """"Administrative Approval Bureau" names 行政审批 (licensing): read with it, the question seemed to ask one known
    thing; without it, it lists two to add up, and no single figure answers it."""
    from reportqa.answering.answerer import Answerer

    approval = report("a18", "平潭综合实验区行政审批局", 2018, "old-table")
    answerer = Answerer([approval], [], retriever=None)
    ask = answerer.prepare("Taking major construction project items and tender items together, how many did the "
                           "Administrative Approval Bureau (平潭综合实验区行政审批局) disclose in 2018?")
    assert ask.q.intent is Intent.SUM and not ask.q.concepts


def _prose(rid: str, label: str, value, unit: str, source: str) -> Fact:
    return Fact(path=("一、总体情况", label), column=None, value=value, unit=unit, raw=f"{value}{unit}", kind="prose",
                table="", source=source, report_id=rid)


def test_two_things_one_concept_names_are_added_when_the_report_gives_each_its_own_figure():
    from reportqa.answering.answerer import Answerer

    city = report("c25", "青禾市人民政府办公厅", 2025, "template-2021")
    sentence = "召开市政府新闻发布会42场、新闻通气会19场。"
    facts = [_prose("c25", "召开市政府新闻发布会", 42, "场", sentence), _prose("c25", "新闻通气会", 19, "场", sentence)]
    for fact in facts:
        fact.year, fact.agency = 2025, city.agency
    answerer = Answerer([city], facts, retriever=None)
    got = answerer.answer("青禾市人民政府办公厅2025年召开的市政府新闻发布会和新闻通气会一共多少场？")
    assert (got.value, got.unit) == (61, "场")
    alone = answerer.answer("青禾市人民政府办公厅2025年召开的市政府新闻发布会一共多少场？")
    assert (alone.value, alone.unit) == (42, "场")  # one thing asked: its own figure, no sum


def test_an_english_sum_that_lists_things_is_never_answered_by_one_figure():
    from reportqa.answering.answerer import lists_several_in_english as english_lists_several

    assert english_lists_several(parse_question(
        "In 2018, how many items did the bureau publish on fiscal funds and on farm-machinery subsidies combined?"))
    assert english_lists_several(parse_question(
        "Adding up the three categories the district names (institutional functions, plans, livelihood), how many?"))
    assert not english_lists_several(parse_question(
        "How many requests did the Pingtan Transport and Construction Bureau receive in total in 2024?"))
    assert not english_lists_several(parse_question(
        "How many new requests came from legal persons and other organisations combined?"))


def test_a_prose_figure_replaces_a_groups_sum_only_when_it_names_a_qualifier_the_rows_lack():
    from reportqa.answering.answerer import _names_more

    group = [row("t24", ("三、本年度办理结果", "（六）其他处理", label), v, "总计", table=T3)
             for label, v in (("1.申请人无正当理由逾期不补正", 43), ("3.其他", 276))]
    withdrawn = _prose("t24", "含申请人主动撤回", 157, "件", "其他处理319件（含申请人主动撤回157件）")
    other = _prose("t24", "其他处理", 319, "件", "其他处理319件（含申请人主动撤回157件）")
    assert _names_more("有多少件申请因申请人主动撤回而作其他处理？", withdrawn, group)
    assert not _names_more("其他处理的申请一共多少件？", other, group)


C17 = report("c17", "青禾市教育局", 2017)
D17 = report("d17", "青禾市民政局", 2017)
ACROSS = FACTS + old_table("c17", 20, 10, 10, (0, 0)) + [row("d17", ("二、依申请公开情况", "（一）收到申请数"), 7)]


@pytest.fixture(scope="module")
def across_finder() -> FactFinder:
    lexicon = load_lexicon()
    return FactFinder(FactBase([*REPORTS, C17, D17], ACROSS, lexicon), lexicon)


def test_one_figure_added_up_over_the_reports_the_question_names_by_kind(across_finder):
    reports = [*REPORTS, C17, D17]
    districts = ask("2017年各区县网上申请一共多少件", reports)
    assert districts.q.intent is Intent.SUM and districts.q.across
    answer = answer_sum(across_finder, districts)
    assert answer is not None and answer.found and answer.value == 140 and answer.unit == "件"
    assert "东湖区人民政府 2017年 80件" in answer.text and "西山区人民政府 2017年 60件" in answer.text
    assert "教育局" not in answer.text and "2.网上申请数" in answer.text  # a department is no district

    every = answer_sum(across_finder, ask("2017年各单位网上申请一共多少件", reports))
    assert every is not None and every.value == 150 and "青禾市教育局 2017年 10件" in every.text
    # a report without the figure is named and left out, never counted as 0
    assert "未计入：青禾市民政局 2017" in every.text

    refused = answer_sum(across_finder, ask("2017年各区县不同意公开的申请一共多少件", reports))
    assert refused is not None and refused.value == 9  # each district's group sum (2 + 3, 0 + 4)

    english = answer_sum(across_finder, ask("How many online requests did all agencies receive in 2017 combined?",
                                             reports))
    assert english is not None and english.value == 150 and "Not found in (left out): 青禾市民政局 2017" in english.text


def test_a_sum_over_agencies_of_which_one_gives_the_figure_is_no_total(across_finder):
    """教育局 and 民政局 are the 2017 departments; only 教育局 gives 网上申请: its figure is shown, not given as the
    total of both, and 民政局 is named as not giving it."""
    departments = [C17, D17]
    answer = answer_sum(across_finder, ask("2017年各单位网上申请一共多少件", departments))
    assert answer is not None and not answer.found and answer.value is None
    assert "只有1份给出这一数字：**10件**" in answer.text and "无法合计：青禾市民政局 2017" in answer.text


def test_a_question_over_several_agencies_within_one_report_reads_as_about_that_report():
    from reportqa.answering import Answerer

    answerer = Answerer([*REPORTS, C17, D17], ACROSS, None)
    answer = answerer.answer("东湖区2017年各单位网上申请一共多少件")
    assert answer.found and answer.value == 80
    assert answerer.answer("2017年各区县网上申请一共多少件").value == 140


def test_a_remainder_the_text_names_is_no_answer_for_the_whole():
    """"其他应主动公开的政府信息94条" is the rest of a list: it answers a question about the rest, never one about the
    total, even when it spells out more of the question's words."""
    lexicon = load_lexicon()
    p21 = report("p21", "青禾市南湖区人民政府", 2023, "prose-only")
    sentence = "2023年，主动公开政府信息125条，涵盖规划计划类1条、其他应主动公开的政府信息94条。"
    whole, rest = (prose("p21", "主动公开政府信息", 125, "条", sentence),
                   prose("p21", "其他应主动公开的政府信息", 94, "条", sentence))
    both = FactFinder(FactBase([p21], [rest, whole], lexicon), lexicon)
    answer = answer_lookup(both, ask("南湖区2023年主动公开的政府信息有多少条", [p21]))
    assert answer is not None and answer.value == 125
    asked_rest = answer_lookup(both, ask("南湖区2023年其他应主动公开的政府信息有多少条", [p21]))
    assert asked_rest is not None and asked_rest.value == 94
    only_rest = FactFinder(FactBase([p21], [rest], lexicon), lexicon)
    assert answer_lookup(only_rest, ask("南湖区2023年主动公开的政府信息有多少条", [p21])) is None


def test_a_row_written_with_the_domains_noun_names_what_one_without_it_names():
    """受理政府信息依申请公开总数 is the row of requests received, as 受理依申请公开信息总数 is."""
    from reportqa.facts_match import label_names

    applications = load_lexicon().concept("applications")
    assert label_names(applications, "受理政府信息依申请公开总数")
    assert label_names(applications, "受理依申请公开信息总数")
    assert not label_names(applications, "主动公开政府信息数")



def test_two_prose_figures_under_one_short_label_are_told_apart_by_their_sentences():
    """办结 of complaints (first in the text) and 办结 of requests: the question's own words pick the sentence, and the
    answer quotes it, since the label alone does not say what was concluded."""
    town = report("x24", "青禾市北湖区人民政府", 2024, "prose-only")
    complaints = "受理区政府网站留言板咨询投诉210件,办结210件,办结率100%。"
    requests = "全区共收到政府信息公开申请62件,共办结61件,结转下年度1件。"

    def prose(label: str, value: int, sentence: str) -> Fact:
        return Fact(path=("一、总体情况", label), column=None, value=value, unit="件", raw=f"{value}件", kind="prose",
                    source=sentence, report_id="x24", year=2024, agency=town.agency)

    lexicon = load_lexicon()
    facts = [prose("受理区政府网站留言板咨询投诉", 210, complaints), prose("办结", 210, complaints),
             prose("全区共收到政府信息公开申请", 62, requests), prose("办结", 61, requests)]
    prose_finder = FactFinder(FactBase([town], facts, lexicon), lexicon)
    answer = answer_lookup(prose_finder, ask("北湖区2024年办结了多少件政府信息公开申请？", [town]))
    assert (answer.found, answer.value) == (True, 61)
    assert requests in answer.text


def test_a_running_total_minus_the_years_own_figure_is_the_difference_of_one_rows_two_cells():
    rid = "c17"
    c17 = report(rid, "青禾市北塘区人民政府", 2017)
    received = ("受理政府信息公开申请总数",)
    facts = [row(rid, received, 14, unit="条"), row(rid, received, 23, "历年累计", unit="条"),
             row(rid, received + ("1.当面申请数",), 1, unit="条"),
             row(rid, received + ("1.当面申请数",), 5, "历年累计", unit="条")]
    lexicon = load_lexicon()
    own = FactFinder(FactBase([c17], facts, lexicon), lexicon)
    answer = answer_difference(own, ask("北塘区截至2017年累计受理的申请比2017年当年多多少条", [c17]))
    assert answer is not None and answer.value == 9 and "23 − 14 = 9" in answer.text
    answer = answer_difference(own, ask("How many requests had Beitang District accepted before 2017 (cumulative "
                                        "total minus the 2017 figure)?", [c17]))
    assert answer is not None and answer.value == 9


def test_a_difference_with_more_rows_than_sides_takes_each_sides_most_strongly_named_row():
    rid = "t9"
    t9 = report(rid, "青禾市自然资源局", 2024, "template-2021")
    done = ("三、本年度办理结果",)
    facts = [row(rid, done + ("（一）予以公开",), 23, "总计", table=T3),
             row(rid, done + ("（三）不予公开", "1.属于国家秘密"), 0, "总计", table=T3),
             row(rid, done + ("（三）不予公开", "2.其他法律行政法规禁止公开"), 0, "总计", table=T3),
             row(rid, done + ("（四）无法提供", "1.本机关不掌握相关政府信息"), 37, "总计", table=T3)]
    lexicon = load_lexicon()
    own = FactFinder(FactBase([t9], facts, lexicon), lexicon)
    answer = answer_difference(own, ask("In 2024, how many more requests did the bureau refuse because it did not "
                                        "hold the information than it fully granted?", [t9]))
    assert answer is not None and answer.value == 14 and "37 − 23 = 14" in answer.text

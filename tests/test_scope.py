"""Scope: which reports a question is about (pure: reports as plain dataclasses, no index)."""

from reportqa.documents import Report
from reportqa.questions import parse_question
from reportqa.scope import ProblemKind, ScopeProblem, indexed_summary, resolve_scope
from reportqa.wording import say_no_report

REPORTS = [
    Report(id="a17", title="t", agency="温州市瓯海区人民政府", year=2017, format="old-table", source="a.txt"),
    Report(id="a16", title="t", agency="温州市瓯海区人民政府", year=2016, format="old-table", source="b.txt"),
    Report(id="h24", title="t", agency="淮安市人民政府", year=2024, format="template-2021", source="huaian-2024.pdf"),
    Report(id="w22", title="t", agency="青禾市东湖区卫生健康委员会", year=2022, format="template-2021",
           source="w.docx"),
]


def scope_of(question: str, **kw):
    return resolve_scope(parse_question(question), REPORTS, **kw)


def ids(scope) -> set[str]:
    return {r.id for r in scope.reports}


def test_agency_and_year_named():
    assert ids(scope_of("瓯海区2016年收到多少申请")) == {"a16"}
    assert ids(scope_of("东湖区卫健委收到多少申请")) == {"w22"}
    assert ids(scope_of("How many requests did Huai'an receive?")) == {"h24"}


def test_relative_years_follow_the_newest_report_in_scope():
    assert ids(scope_of("瓯海区去年收到多少申请")) == {"a17"}
    scope = scope_of("瓯海区网上申请比去年多了多少？")
    assert scope.years == [2017, 2016] and ids(scope) == {"a17", "a16"}


def test_unknown_year_or_agency_is_a_problem_not_a_wider_scope():
    assert scope_of("瓯海区2019年收到多少申请").problem == ScopeProblem(ProblemKind.UNKNOWN_YEAR, "2019")
    problem = scope_of("东湖区教育局收到多少申请").problem
    assert problem is not None and problem.kind is ProblemKind.UNKNOWN_AGENCY
    assert problem.subject.startswith("东湖区教育局")
    assert str(scope_of("杭州市收到多少申请").problem) == "unknown-agency:杭州市"


def test_a_year_only_other_agencies_have_is_missing_for_the_agency_asked_not_for_the_index():
    """瓯海区 has no 2024 report, 淮安 has: the answer must not say that no 2024 report is indexed."""
    problem = scope_of("瓯海区2024年收到多少申请").problem
    assert problem == ScopeProblem(ProblemKind.UNKNOWN_YEAR, "2024", ("温州市瓯海区人民政府",))
    assert say_no_report("zh", problem) == "索引中没有温州市瓯海区人民政府2024年度的报告。"
    assert say_no_report("en", problem) == "No 2024 report of 温州市瓯海区人民政府 is indexed. "
    assert scope_of("瓯海区2019年收到多少申请").problem.agencies == ()  # no report of 2019 at all


def test_report_choice_and_filters_narrow_first():
    assert ids(scope_of("收到多少申请", report_id="huaian-2024")) == {"h24"}
    assert ids(scope_of("收到多少申请", agency="瓯海区")) == {"a17", "a16"}
    assert ids(scope_of("收到多少申请", year=2022)) == {"w22"}


def test_next_years_plans_come_from_the_previous_report():
    assert ids(scope_of("瓯海区2018年有什么工作打算？")) == {"a17"}


def test_indexed_summary_lists_agencies_and_years():
    text = indexed_summary(REPORTS)
    assert text.startswith("已索引的报告：") and "淮安市人民政府 2024年" in text
    assert indexed_summary(REPORTS, "en").startswith("Indexed reports:")


def test_an_abstention_over_thousands_of_reports_names_some_and_counts_the_rest():
    from reportqa.scope import INDEXED_LISTED

    many = [Report(id=f"r{i}", title="t", agency=f"青禾市第{i:04d}局", year=2020, format="template-2021",
                   source=f"{i}.txt") for i in range(INDEXED_LISTED + 25)]
    text = indexed_summary(many)
    assert text.count("2020年") == INDEXED_LISTED and text.endswith("另有 25 份")
    assert indexed_summary(many, "en").endswith("and 25 more")
    assert indexed_summary(many) is indexed_summary(list(many))  # the same reports: read once


def test_a_question_over_several_agencies_of_a_place_means_every_agency_of_it():
    """"平潭2023年…" alone is the zone's government; "平潭各部门一共" and "平潭哪个部门最多" are every agency of the
    place, its areas' administrations too, and of the most specific place named."""
    reports = [Report(id=i, title="t", agency=a, year=2023, format="template-2021", source=f"{i}.txt")
               for i, a in (("g", "青禾市人民政府"), ("e", "青禾市教育局"), ("x", "青禾市西岭片区管理局"),
                            ("d", "青禾市东湖区人民政府"), ("dh", "青禾市东湖区卫生健康委员会"), ("o", "岚江市民政局"))]
    of = lambda text: {r.id for r in resolve_scope(parse_question(text), reports).reports}  # noqa: E731
    assert of("青禾市2023年收到多少申请") == {"g"}
    assert of("2023年青禾市各部门一共收到多少申请") == {"g", "e", "x", "d", "dh"}
    assert of("2023年青禾市哪个部门收到的申请最多") == {"g", "e", "x", "d", "dh"}
    assert of("2023年青禾市东湖区各单位一共收到多少申请") == {"d", "dh"}
    assert of("2023年各单位一共收到多少申请") == {"g", "e", "x", "d", "dh", "o"}


def test_a_report_whose_agency_was_not_read_is_found_by_the_place_and_department_its_text_names():
    """A page's body without its title: the question's 甲乙市农业农村局 names it through its own text, and a
    department of another, unread place is never another city's bureau that shares the department."""
    from reportqa.documents import Section

    unnamed = Report(id="u19", title="u19", agency="", year=2019, format="template-2019", source="u.txt",
                     sections=[Section(("一、总体情况",),
                                       "根据《2019年甲乙市政务公开工作要点》，市农业农村局共主动公开信息10条。")])
    other = Report(id="q21", title="t", agency="丙丁市农业农村局", year=2019, format="template-2021", source="q.txt")
    reports = [*REPORTS, unnamed, other]
    assert ids(resolve_scope(parse_question("甲乙市农业农村局2019年主动公开了多少条？"), reports)) == {"u19"}
    problem = resolve_scope(parse_question("戊己市农业农村局2019年主动公开了多少条？"), reports).problem
    assert problem == ScopeProblem(ProblemKind.UNKNOWN_AGENCY, "戊己市农业农村局")


def test_an_english_place_finds_a_report_with_no_agency_whose_text_names_it_in_its_own_characters():
    from reportqa.documents import Section

    unnamed = Report(id="u19", title="u19", agency="", year=2019, format="template-2019", source="u.txt",
                     sections=[Section(("一、总体情况",),
                                       "我局的信息公开平台《驻马店农业信息网》已经建成，市农业农村局共公开信息10条。")])
    other = Report(id="q21", title="t", agency="清远市农业农村局", year=2019, format="template-2021", source="q.txt")
    question = parse_question("How many items did the Zhumadian Agriculture and Rural Affairs Bureau publish in 2019?")
    assert ids(resolve_scope(question, [unnamed, other])) == {"u19"}


def test_two_agencies_named_apart_of_which_one_lacks_the_year_is_a_problem_never_the_others_figure():
    scope = scope_of("瓯海区和东湖区卫健委2017年一共收到多少件申请？")
    assert not scope.reports and scope.problem is not None and scope.problem.kind is ProblemKind.UNKNOWN_YEAR
    assert ids(scope_of("瓯海区2017年收到多少件申请？")) == {"a17"}


def test_a_body_named_as_its_own_title_names_it_is_found_with_its_other_years():
    """The title's 自治区甲湾办 is a short name no rule derives from 乙西壮族自治区甲湾经济区规划建设管理办公室."""
    full = "乙西壮族自治区甲湾经济区规划建设管理办公室"
    titled = [Report(id="b22", title="自治区甲湾办2022年政府信息公开工作年度报告", agency=full, year=2022,
                     format="template-2021", source="b22.txt"),
              Report(id="b21", title=f"{full}2021年政府信息公开工作年度报告", agency=full, year=2021,
                     format="template-2021", source="b21.txt")]
    reports = [*REPORTS, *titled]
    assert ids(resolve_scope(parse_question("乙西自治区甲湾办2022年主动公开了多少条信息？"), reports)) == {"b22"}
    assert ids(resolve_scope(parse_question("甲湾办2021年主动公开了多少条信息？"), reports)) == {"b21"}
    assert resolve_scope(parse_question("丙湾办2022年主动公开了多少条信息？"), reports).reports != titled[:1]


def test_a_chosen_report_answers_a_comparison_with_another_year_it_states():
    """"By how many points did the share rise in 2023 compared with 2022", asked of the 2023 report: the report states
    it; the 2022 report need not be chosen too (and is not "not indexed")."""
    from reportqa.documents import Report
    from reportqa.questions import parse_question
    from reportqa.scope import resolve_scope

    reports = [Report(id=f"r{y}", title=f"某局{y}年政府信息公开工作年度报告", agency="某局", year=y,
                      format="prose-only", source=f"bureau-{y}.txt") for y in (2022, 2023)]
    q = parse_question("By how many percentage points did the bureau say that share rose in 2023 compared with 2022?")
    scope = resolve_scope(q, reports, report_id="bureau-2023.txt")
    assert scope.problem is None and [r.id for r in scope.reports] == ["r2023"]


def test_a_chosen_report_whose_body_is_unknown_answers_a_question_naming_a_body():
    unknown = Report(id="u", title="u", agency="", year=2023, format="prose-only", source="u.txt")
    scope = resolve_scope(parse_question("青禾区2023年主动公开多少条"), [*REPORTS, unknown], report_id="u")
    assert [r.id for r in scope.reports] == ["u"] and scope.problem is None


def test_a_chosen_report_whose_place_the_question_names_answers_its_body_written_in_other_words():
    """"the Dashilan Street Office in Xuanwu District": 大栅栏 read another way in pinyin, 宣武区 named."""
    street = Report(id="s", title="s", agency="宣武区政府大栅栏街道办事处", year=2009, format="prose-only",
                    source="s.txt")
    q = parse_question("How many items did the Dashilan Street Office in Xuanwu District publish in 2009?")
    assert [r.id for r in resolve_scope(q, [*REPORTS, street], report_id="s").reports] == ["s"]
    assert resolve_scope(q, [*REPORTS, street]).problem is not None  # not chosen: the street is not found


def test_a_body_named_by_its_level_alone_is_placed_by_the_place_its_text_names():
    """省市场监管局 (a province's own site names no province) whose text names 黑龙江省: "Heilongjiang's market
    regulator" asks it; a place its text does not name is still not indexed."""
    from reportqa.documents import Section

    levelled = Report(id="m23", title="m23", agency="省市场监管局", year=2023, format="template-2021", source="m.txt",
                      sections=[Section(("一、总体情况",), "四是在局官网公示黑龙江省冷藏冷冻食品贮存服务者名录。")])
    reports = [*REPORTS, levelled]
    for text in ("How many Weibo posts did the Heilongjiang market regulator publish in 2023?",
                 "黑龙江省市场监管局2023年发布微博多少条?"):
        assert ids(resolve_scope(parse_question(text), reports)) == {"m23"}, text
    problem = resolve_scope(parse_question("How many Weibo posts did the Jilin market regulator publish in 2023?"),
                            reports).problem
    assert problem is not None and problem.kind is ProblemKind.UNKNOWN_AGENCY


def test_a_zone_is_named_by_its_usual_short_name():
    zone = Report(id="z24", title="t", agency="淄博高新技术产业开发区发展改革局", year=2024, format="template-2021",
                  source="z.txt")
    assert ids(resolve_scope(parse_question("淄博高新区发展改革局2024年累计主动公开政府信息多少条?"),
                             [*REPORTS, zone])) == {"z24"}


def test_each_body_named_with_its_own_year_is_read_in_that_year_only():
    reports = [Report(id=f"{k}{y}", title="t", agency=a, year=y, format="prose-only", source=f"{k}{y}.txt")
               for k, a in (("j", "甲乙市卫生健康委员会"), ("w", "丙丁市民政局")) for y in (2024, 2025)]
    for question in ("甲乙市卫健委2024年政务微信发布的信息比丙丁市民政局2025年微信公众号发布的多多少条?",
                     "2024年甲乙市卫健委政务微信比2025年丙丁市民政局微信公众号多发布多少条信息?"):
        assert {r.id for r in resolve_scope(parse_question(question), reports).reports} == {"j2024", "w2025"}
    both = "甲乙市卫健委和丙丁市民政局2024年和2025年一共发布了多少条信息?"
    assert len(resolve_scope(parse_question(both), reports).reports) == 4  # no year written with either body


def test_a_governments_office_asked_about_is_its_government_when_only_that_has_a_report():
    reports = [*REPORTS, Report(id="g21", title="t", agency="青禾市人民政府", year=2021, format="template-2021",
                                source="g.txt")]
    scope = resolve_scope(parse_question("青禾市政府办公厅2021年收到多少申请"), reports)
    assert {r.id for r in scope.reports} == {"g21"}
    problem = scope_of("东湖区政府办公室收到多少申请").problem  # no government of 东湖区 is indexed
    assert problem is not None and problem.kind is ProblemKind.UNKNOWN_AGENCY

"""The fact base: facts read when a question first needs them, indexes built once per layout of rows."""

from reportqa.answering.facts import FactBase
from reportqa.answering.finder import FactFinder
from reportqa.documents import Fact, Report
from reportqa.lexicon import load_lexicon
from reportqa.questions import parse_question
from reportqa.scope import Scope
from reportqa.store import Interner

APPLY = "二、依申请公开情况"
LEXICON = load_lexicon()


def report(rid: str, year: int = 2017) -> Report:
    return Report(id=rid, title="t", agency=f"青禾市{rid}区人民政府", year=year, format="old-table",
                  source=f"{rid}.txt")


def facts_of(rid: str, received: int, online: int, prose_year: int | None = None) -> list[Fact]:
    out = [Fact(path=(APPLY, "（一）收到申请数"), column=None, value=received, unit="件", raw=str(received),
                table="统计表", report_id=rid),
           Fact(path=(APPLY, "（一）收到申请数", "1.网上申请数"), column=None, value=online, unit="件", raw=str(online),
                table="统计表", report_id=rid)]
    if prose_year is not None:
        out.append(Fact(path=("当面申请",), column=None, value=5, unit="件", raw="5", kind="prose", year=prose_year,
                        source="当面申请5件。", report_id=rid))
    return out


class CountingReads:
    """A store's fact reads, recorded."""

    def __init__(self, facts: list[Fact]) -> None:
        self.facts, self.calls = facts, []

    def __call__(self, report_ids: list[str], interner: Interner) -> list[Fact]:
        self.calls.append(sorted(report_ids))
        return [f for f in self.facts if f.report_id in report_ids]


REPORTS = [report("a"), report("b"), report("c")]
FACTS = facts_of("a", 120, 80) + facts_of("b", 90, 60) + facts_of("c", 70, 30)


def test_facts_are_read_when_a_question_first_needs_them_a_few_hundred_reports_a_query():
    reads = CountingReads(FACTS)
    base = FactBase(REPORTS, [], LEXICON, read=reads)
    assert reads.calls == []
    assert [f.value for f in base.of("b")] == [90, 60]
    assert reads.calls == [["b"]]
    base.naming(REPORTS, {"received"}, "table")
    assert reads.calls == [["b"], ["a", "c"]]  # the two not read yet, in one read
    base.of("a")
    assert len(reads.calls) == 2


def test_reports_with_the_same_rows_share_one_layout_and_keep_their_own_figures():
    base = FactBase(REPORTS, FACTS, LEXICON)
    assert base.layout_number("a") == base.layout_number("b") == base.layout_number("c")
    cells = [base.cell(r.id, "统计表", (APPLY, "（一）收到申请数", "1.网上申请数"), None) for r in REPORTS]
    assert [c.value for c in cells if c] == [80, 60, 30]


def test_a_prose_figure_about_another_year_is_another_layout_and_not_read_as_the_reports_own():
    reports = [report("a"), report("b")]
    base = FactBase(reports, facts_of("a", 1, 1, prose_year=2017) + facts_of("b", 2, 2, prose_year=2015), LEXICON)
    assert base.layout_number("a") != base.layout_number("b")
    assert [f.report_id for f in base.naming(reports, {"in_person"}, "prose")] == ["a"]


def test_one_question_over_reports_of_one_layout_answers_each_with_its_own_figure():
    finder = FactFinder(FactBase(REPORTS, FACTS, LEXICON), LEXICON)
    q = parse_question("2017年网上申请多少件")
    for _ in range(2):  # the second time from what the first found in the layout
        assert [m.fact.value for m in finder.find(q, Scope(REPORTS, [2017]))] == [80, 60, 30]
    single = [finder.single(q, Scope([r], [2017]), q.concepts) for r in REPORTS]
    assert [p.value for p in single if p] == [80, 60, 30]


def test_a_new_build_keeps_the_facts_read_of_reports_stored_as_they_were():
    reads = CountingReads(FACTS)
    base = FactBase(REPORTS, [], LEXICON, read=reads)
    base.warm()
    again = CountingReads(FACTS)
    updated = FactBase.updated(base, REPORTS, {"a", "b"}, again)
    assert [f.value for r in REPORTS for f in updated.of(r.id)] == [120, 80, 90, 60, 70, 30]
    assert again.calls == [["c"]]

"""The fact base: facts read when a question first needs them, indexes built once per layout of rows."""

import pytest

from reportqa.answering.facts import FactBase
from reportqa.answering.finder import FactFinder
from reportqa.documents import Fact, Report
from reportqa.lexicon import load_lexicon
from reportqa.questions import parse_question
from reportqa.scope import Scope
from reportqa.store import Interner, open_store

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


@pytest.fixture
def store(store_url, tmp_path):
    s = open_store(store_url, tmp_path)
    yield s
    s.close()


def stored_reports(store, specs: list[tuple[str, int, int, int | None]]) -> list[Report]:
    reports = []
    for rid, received, online, prose_year in specs:
        r = report(rid)
        r.facts = facts_of(rid, received, online, prose_year)
        for f in r.facts:
            f.year, f.agency = r.year, r.agency
        store.put_report(r, [])
        reports.append(r)
    return reports


def test_a_question_over_many_stored_reports_reads_one_report_per_layout_and_the_answering_cells(store):
    # b and d share a's layout; c has a prose figure about its own year (another layout)
    reports = stored_reports(store, [("a", 120, 80, None), ("b", 90, 60, None), ("c", 70, 30, 2017),
                                     ("d", 50, 20, None)])
    base = FactBase(reports, [], LEXICON, read=store.facts, stored=store)
    finder = FactFinder(base, LEXICON)
    q = parse_question("2017年网上申请多少件")
    found = finder.find(q, Scope(reports, [2017]))
    assert [(m.fact.report_id, m.fact.value, m.fact.raw) for m in found] == \
        [("a", 80, "80"), ("b", 60, "60"), ("c", 30, "30"), ("d", 20, "20")]
    assert sorted(base.by_report.loaded()) == ["a", "c"]  # one report of each layout read whole
    everything = FactFinder(FactBase(reports, [f for r in reports for f in r.facts], LEXICON), LEXICON)
    assert [m.fact for m in everything.find(q, Scope(reports, [2017]))] == [m.fact for m in found]
    assert [m.fact.value for m in finder.find(q, Scope(reports, [2017]))] == [80, 60, 30, 20]


def test_reports_stored_before_fingerprints_were_kept_are_read_whole_until_the_next_build_fills_them_in(store):
    reports = stored_reports(store, [("a", 120, 80, None), ("b", 90, 60, None)])
    with store.transaction() as db:
        db.execute("DELETE FROM report_layouts")
    base = FactBase(reports, [], LEXICON, read=store.facts, stored=store)
    q = parse_question("2017年网上申请多少件")
    assert [m.fact.value for m in FactFinder(base, LEXICON).find(q, Scope(reports, [2017]))] == [80, 60]
    assert sorted(base.by_report.loaded()) == ["a", "b"]
    assert store.fill_layout_fingerprints() == 2
    assert store.fill_layout_fingerprints() == 0
    assert len(set(store.layout_fingerprints(["a", "b"]).values())) == 1


def test_warming_for_a_shared_database_reads_one_report_per_layout_and_a_local_one_reads_every_report(store):
    reports = stored_reports(store, [("a", 120, 80, None), ("b", 90, 60, None), ("c", 70, 30, 2017)])
    shared = FactBase(reports, [], LEXICON, read=store.facts, stored=store)
    shared.warm(whole=False)
    assert sorted(shared.by_report.loaded()) == ["a", "c"]
    assert shared.layout_number("b") == shared.layout_number("a") != shared.layout_number("c")
    assert [f.value for f in shared.row_cells(store.facts(["b"])[0])] == [90]  # a cell of b, read alone
    assert sorted(shared.by_report.loaded()) == ["a", "c"]
    local = FactBase(reports, [], LEXICON, read=store.facts, stored=store)
    local.warm()
    assert sorted(local.by_report.loaded()) == ["a", "b", "c"]


def test_the_texts_own_unit_for_a_table_figure_is_found_when_it_states_the_same_value():
    """The older table counts requests in 条; the text says "受理依申请公开14件": the same figure, in 件."""
    table = Fact(path=(APPLY, "受理政府信息公开申请总数"), column=None, value=14, unit="条", raw="14", table="统计表",
                 report_id="a")
    said = Fact(path=("三、办理情况", "我局受理依申请公开"), column=None, value=14, unit="件", raw="14件", kind="prose",
                source="2017年我局受理依申请公开14件。", report_id="a")
    other = Fact(path=("三、办理情况", "我局受理依申请公开"), column=None, value=13, unit="件", raw="13件",
                 kind="prose", source="受理依申请公开13件。", report_id="a")
    base = FactBase([report("a")], [table, said], LEXICON)
    assert base.prose_in_units(table, 14, ("件",)) == said
    assert FactBase([report("a")], [table, other], LEXICON).prose_in_units(table, 14, ("件",)) is None

"""Both stores (SQLite and PostgreSQL, on a real server): idempotent, replace-by-source, exact values, atomic writes,
the same lists in the same order."""

import sqlite3
from dataclasses import replace
from decimal import Decimal

import numpy as np
import pytest

from reportqa.chunking import report_passages
from reportqa.documents import Fact, Report, Section
from reportqa.store import Store, decode_value, encode_value, open_store


def make_report(report_id="r1", source="a.txt", year=2017, budget=Decimal("85.4")):
    facts = [
        Fact(path=("三、依申请公开情况", "（一）收到申请数"), column=None, value=244, unit="件", raw="244",
             table="统计表"),
        Fact(path=("八、机构建设和保障经费情况", "（四）政府信息公开专项经费"), column=None, value=budget, unit="万元",
             raw=str(budget), table="统计表"),
        Fact(path=("三、本年度办理结果", "（一）予以公开"), column="商业企业", value=None, unit="件", raw="—",
             table="三"),
        Fact(path=("三、依申请公开政府信息情况", "区政府受理"), column=None, value=62, unit="件", raw="62件",
             kind="prose", source="其中，区政府受理62件，各部门及镇街受理182件。"),
    ]
    report = Report(id=report_id, title="2017年度政府信息公开工作年度报告", agency="温州市瓯海区人民政府", year=year,
                    format="old-table", source=source,
                    sections=[Section(("一、工作概况",), "工作概况正文。"),
                              Section(("六、主要问题及改进措施",), "一是问题。")],
                    facts=facts, warnings=["「x」1件 ≠ 2"])
    for f in report.facts:
        f.report_id, f.year, f.agency = report.id, report.year, report.agency
    return report


@pytest.fixture
def store(store_url, tmp_path):
    s = open_store(store_url, tmp_path)
    yield s
    s.close()


def write_errors():
    import psycopg

    return (sqlite3.Error, psycopg.Error, TypeError, ValueError)


def snapshot(store):
    return (store.counts(), [(r.id, r.source) for r in store.reports()], [p.id for p in store.passages()],
            [(f.report_id, f.path, f.value) for f in store.facts()])


def test_round_trip(store):
    report = make_report()
    store.put_report(report, report_passages(report))
    (got,) = store.reports()
    assert (got.id, got.title, got.agency, got.year, got.format, got.source, got.synthetic) == (
        "r1", report.title, "温州市瓯海区人民政府", 2017, "old-table", "a.txt", False)
    assert got.warnings == ["「x」1件 ≠ 2"]
    assert got.sections == report.sections
    assert store.facts() == report.facts
    assert store.passages() == report_passages(report)
    assert store.has_report("r1") and not store.has_report("r2")


def test_values_keep_their_type(store):
    report = make_report(budget=Decimal("160.5964"))
    store.put_report(report, [])
    values = {f.path[-1]: f.value for f in store.facts()}
    assert values["（四）政府信息公开专项经费"] == Decimal("160.5964")
    assert isinstance(values["（四）政府信息公开专项经费"], Decimal)
    assert values["（一）收到申请数"] == 244 and type(values["（一）收到申请数"]) is int
    assert values["（一）予以公开"] is None  # not reported stays None, not 0


@pytest.mark.parametrize("value", [0, 37353, Decimal("85.4"), Decimal("0.05"), Decimal("12.50"), None])
def test_encode_decode_value(value):
    decoded = decode_value(encode_value(value))
    assert decoded == value and type(decoded) is type(value)
    if isinstance(value, Decimal):
        assert str(decoded) == str(value)


def test_tiny_decimal_round_trip(store):
    report = make_report(budget=Decimal("0.0000001"))
    store.put_report(report, [])
    assert Decimal("0.0000001") in {f.value for f in store.facts()}


def test_putting_the_same_report_twice_changes_nothing(store):
    report = make_report()
    store.put_report(report, report_passages(report))
    before = snapshot(store)
    store.put_report(report, report_passages(report))
    assert snapshot(store) == before
    assert store.counts()["reports"] == 1


def test_a_new_version_of_a_file_replaces_the_old_one(store):
    old, new = make_report("old", "a.txt"), make_report("new", "a.txt", budget=Decimal("90.1"))
    other = make_report("other", "b.txt", year=2018)
    for r in (old, other, new):
        store.put_report(r, report_passages(r))
    assert sorted(r.id for r in store.reports()) == ["new", "other"]
    assert {f.report_id for f in store.facts()} == {"new", "other"}
    assert {p.report_id for p in store.passages()} == {"new", "other"}
    assert store.report_ids_for_source("a.txt") == ["new"]
    assert Decimal("90.1") in {f.value for f in store.facts(["new"])}
    assert store.report_counts() == {"new": (4, len(report_passages(new))), "other": (4, len(report_passages(other)))}


def test_facts_filter_by_report(store):
    a, b = make_report("a", "a.txt"), make_report("b", "b.txt")
    store.put_report(a, [])
    store.put_report(b, [])
    assert {f.report_id for f in store.facts(["b"])} == {"b"}
    assert len(store.facts()) == 8


def test_facts_read_together_share_their_labels(store):
    """Thousands of reports repeat the same rows: one path tuple and one string per distinct label in memory."""
    a, b = make_report("a", "a.txt"), make_report("b", "b.txt")
    store.put_report(a, [])
    store.put_report(b, [])
    facts = store.facts()
    of_a, of_b = facts[:4], facts[4:]
    assert [f.report_id for f in of_a] == ["a"] * 4 and [f.report_id for f in of_b] == ["b"] * 4
    assert of_a == [replace(f, report_id="a") for f in of_b]
    assert all(x.path is y.path and x.table is y.table and x.agency is y.agency
               for x, y in zip(of_a, of_b, strict=True))


def test_a_failing_write_leaves_the_store_unchanged(store):
    good = make_report("good", "a.txt")
    store.put_report(good, report_passages(good))
    before = snapshot(store)
    bad = make_report("bad", "a.txt")  # a new version of the same file …
    bad.facts[-1].raw = object()  # … that fails half-way, after the old version was deleted and the report row written
    with pytest.raises(write_errors()):
        store.put_report(bad, report_passages(bad))
    assert snapshot(store) == before
    assert store.has_report("good") and not store.has_report("bad")


def test_transaction_rolls_back_on_error(store):
    report = make_report()
    store.put_report(report, [])
    with pytest.raises(RuntimeError):
        with store.transaction() as db:
            db.execute("DELETE FROM facts")
            raise RuntimeError("boom")
    assert store.counts()["facts"] == 4


def test_delete_report(store):
    report = make_report()
    store.put_report(report, report_passages(report))
    store.delete_report("r1")
    assert store.counts() == {"reports": 0, "passages": 0, "facts": 0, "embeddings": 0}


def test_data_survives_reopening(store_url, tmp_path):
    s = open_store(store_url, tmp_path)
    report = make_report()
    s.put_report(report, report_passages(report))
    s.cache_vectors("m", {"h": np.arange(4, dtype=np.float32)})
    s.close()
    s = open_store(store_url, tmp_path)
    try:
        assert [r.id for r in s.reports()] == ["r1"]
        assert s.facts() == report.facts
        assert np.array_equal(s.cached_vectors("m", ["h"])["h"], np.arange(4, dtype=np.float32))
    finally:
        s.close()


def test_embedding_cache_is_per_model(store):
    v = np.linspace(0, 1, 384, dtype=np.float32)
    store.cache_vectors("model-a", {"h1": v, "h2": v * 2})
    got = store.cached_vectors("model-a", ["h1", "h2", "h3"])
    assert set(got) == {"h1", "h2"}
    assert np.array_equal(got["h1"], v) and got["h1"].dtype == np.float32
    assert store.cached_vectors("model-b", ["h1"]) == {}
    many = [f"x{i}" for i in range(1200)]  # more than one query's worth of parameters
    store.cache_vectors("model-a", {h: v for h in many})
    assert len(store.cached_vectors("model-a", many)) == 1200


def test_every_write_of_reports_raises_the_generation(store):
    start = store.generation()
    report = make_report()
    store.put_report(report, report_passages(report))
    after_put = store.generation()
    store.delete_report("r1")
    assert start < after_put < store.generation()


def test_lists_come_in_byte_order_in_both_stores(store):
    """The engine's candidate order, and so its answers, must not depend on the database's collation."""
    for rid, agency in (("b", "温州市瓯海区人民政府"), ("a", "平潭综合实验区管委会"), ("C", "Zed"), ("c", "安徽省")):
        store.put_report(make_report(rid, f"{rid}.txt"), [])
        r = make_report(rid, f"{rid}.txt")
        r.agency = agency
        store.put_report(r, report_passages(r))
    assert store.report_ids() == ["C", "a", "b", "c"]
    assert [r.agency for r in store.reports()] == sorted(r.agency for r in store.reports())
    assert [f.report_id for f in store.facts()] == sorted(f.report_id for f in store.facts())


def test_all_vectors_yields_every_cached_vector(store):
    v = np.linspace(0, 1, 8, dtype=np.float32)
    store.cache_vectors("m1", {f"h{i}": v * i for i in range(7)})
    store.cache_vectors("m2", {"x": v})
    got: dict[tuple[str, str], np.ndarray] = {}
    for model_id, vectors in store.all_vectors(batch=3):
        got.update({(model_id, h): x for h, x in vectors.items()})
    assert len(got) == 8 and np.array_equal(got[("m1", "h6")], v * 6) and np.array_equal(got[("m2", "x")], v)


def test_postgres_searches_and_totals_in_the_database(pg_cluster, tmp_path):
    from reportqa.chunking import bm25_tokens

    s = open_store(pg_cluster.new_database(), tmp_path)
    try:
        for rid, year in (("a", 2017), ("b", 2018)):
            r = make_report(rid, f"{rid}.txt", year=year)
            passages = report_passages(r)
            s.put_report(r, passages, [bm25_tokens(p) for p in passages])
        hits = s.full_text(["问题"], k=5)
        assert hits and {rid for rid, _, _ in hits} == {"a", "b"}
        assert all(rid == "a" for rid, _, _ in s.full_text(["问题"], year=2017))
        totals = s.fact_totals("（一）收到申请数", group_by="year")
        assert totals == [(2017, 244, 1), (2018, 244, 1)]
        assert s.fact_totals("（一）收到申请数", group_by="agency") == [("温州市瓯海区人民政府", 488, 2)]
        assert s.fact_totals("（四）政府信息公开专项经费", group_by="agency")[0][1] == Decimal("170.8")
    finally:
        s.close()


def test_sqlite_urls(tmp_path):
    s = open_store(f"sqlite:///{tmp_path / 'x.sqlite'}", tmp_path)
    assert isinstance(s, Store) and s.path == tmp_path / "x.sqlite"
    s.close()
    default = open_store("", tmp_path)
    assert default.location == str(tmp_path / "reportqa.sqlite")
    default.close()


def test_the_report_list_is_read_again_only_after_a_write(store, monkeypatch):
    """The app lists the reports on every interaction: at 10,000 reports a read of them all took ~0.5 s."""
    report = make_report()
    store.put_report(report, report_passages(report))
    reads = []
    read = type(store)._read_reports
    monkeypatch.setattr(type(store), "_read_reports", lambda self: reads.append(1) or read(self))
    assert [r.id for r in store.reports()] == [r.id for r in store.reports()] == ["r1"]
    assert len(reads) == 1
    second = make_report("r2", "b.txt", year=2018)
    store.put_report(second, report_passages(second))
    assert [r.id for r in store.reports()] == ["r1", "r2"] and len(reads) == 2
    store.delete_report("r1")
    assert [r.id for r in store.reports()] == ["r2"] and len(reads) == 3


def test_facts_at_reads_single_cells_and_a_report_keeps_its_layout_fingerprint_until_deleted(store):
    from reportqa.fact_layout import layout_fingerprint, layout_key

    report = make_report()
    store.put_report(report, report_passages(report))
    facts = store.facts(["r1"])
    assert store.facts_at([("r1", 3), ("r1", 1), ("r2", 0)]) == {("r1", 3): facts[3], ("r1", 1): facts[1]}
    assert store.layout_fingerprints(["r1", "r2"]) == {"r1": layout_fingerprint(layout_key(facts, 2017))}
    store.delete_report("r1")
    assert store.layout_fingerprints(["r1"]) == {}
    assert store.fill_layout_fingerprints() == 0

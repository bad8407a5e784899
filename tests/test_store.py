"""The SQLite store: idempotent, replace-by-source, exact values, atomic writes."""

import sqlite3
from decimal import Decimal

import numpy as np
import pytest

from reportqa.chunking import report_passages
from reportqa.documents import Fact, Report, Section
from reportqa.store import Store, decode_value, encode_value


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
def store(tmp_path):
    s = Store(tmp_path / "db" / "reportqa.sqlite")
    yield s
    s.close()


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


def test_a_failing_write_leaves_the_store_unchanged(store):
    good = make_report("good", "a.txt")
    store.put_report(good, report_passages(good))
    before = snapshot(store)
    bad = make_report("bad", "a.txt")  # a new version of the same file …
    bad.facts[-1].raw = object()  # … that fails half-way, after the old version was deleted and the report row written
    with pytest.raises((sqlite3.Error, TypeError, ValueError)):
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


def test_data_survives_reopening(tmp_path):
    path = tmp_path / "reportqa.sqlite"
    s = Store(path)
    report = make_report()
    s.put_report(report, report_passages(report))
    s.cache_vectors("m", {"h": np.arange(4, dtype=np.float32)})
    s.close()
    s = Store(path)
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

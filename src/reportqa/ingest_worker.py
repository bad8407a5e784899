"""Ingestion in a child process at lower priority, off the serving path.

Parsing a PDF and encoding passages take whole seconds of CPU; done in the web app's own process they stall every
question (the GIL, and the encoder's threads). A child process, niced, with the encoder on one thread, leaves the
serving process's CPU to the questions; it publishes its build to the index folder, and the app loads the new build
the way it picks up any other process's (``Engine.refresh``). A child that crashes or runs out of time loses nothing:
the store and the published build are written atomically, and the files are reported with the reason.

Protocol: the parent writes one JSON request to the child's stdin; the child writes JSON lines to stdout, progress
(``{"progress": 0.4, "message": "…"}``), each file whose report is stored (``{"stored": "a.pdf"}``) and finally
``{"result": {…}}``; its logs go to stderr. When a child dies after storing some reports, a second child with no files
builds the index for them: those files are reported added, the others as not ingested, with the reason.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, replace
from pathlib import Path

from .config import Settings
from .engine import IngestResult

log = logging.getLogger(__name__)
ProgressFn = Callable[[float, str], None]
WORKER_NICE = 10


def ingest_in_worker(settings: Settings, paths: Sequence[Path], *, agency: str | None = None,
                     year: int | None = None, progress: ProgressFn | None = None,
                     timeout: float | None = None) -> IngestResult:
    """Ingest the files in a child process; the build it publishes is then loaded with ``Engine.refresh``."""
    request = {"index_dir": str(settings.index_dir), "corpus_dir": str(settings.corpus_dir),
               "embedder": settings.embedder, "paths": [str(p) for p in paths], "agency": agency, "year": year}
    # one encoder thread (both encoders honour OMP_NUM_THREADS), waiting passively: the app keeps its cores
    env = dict(os.environ, OMP_NUM_THREADS="1", OMP_WAIT_POLICY="passive", PYTHONUNBUFFERED="1")
    child = subprocess.Popen([sys.executable, "-m", "reportqa.ingest_worker"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env)
    stderr: list[str] = []
    drain = threading.Thread(target=lambda: stderr.extend(child.stderr or []), daemon=True)
    drain.start()
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(json.dumps(request, ensure_ascii=False))
    child.stdin.close()
    deadline = time.monotonic() + (timeout or settings.ingest_timeout)
    timer = threading.Timer(max(0.0, deadline - time.monotonic()), child.kill)
    timer.start()
    result: IngestResult | None = None
    stored: list[str] = []
    try:
        for line in child.stdout:
            try:
                message = json.loads(line)
            except ValueError:
                continue
            if "progress" in message and progress:
                progress(float(message["progress"]), str(message.get("message", "")))
            elif "stored" in message:
                stored.append(str(message["stored"]))
            elif "result" in message:
                result = IngestResult(**message["result"])
        code = child.wait()
    finally:
        timer.cancel()
        drain.join(timeout=5)
    for line in stderr[-20:]:
        log.info("ingest worker: %s", line.rstrip())
    if result is not None and code == 0:
        return result
    reason = (f"导入进程超时（{settings.ingest_timeout:.0f} 秒）the ingest worker ran out of time"
              if time.monotonic() >= deadline else
              f"导入进程异常退出（{code}）the ingest worker stopped (exit code {code})")
    log.error("%s; last output: %s", reason, "".join(stderr[-5:]))
    failed = IngestResult(errors={Path(p).name: reason for p in paths if Path(p).name not in stored})
    if stored and paths:  # their reports are in the store: a worker with no files builds the index for them
        catch_up = ingest_in_worker(settings, [], progress=progress, timeout=timeout)
        if not catch_up.errors:
            failed.added = stored
        else:
            failed.errors.update({name: reason for name in stored})
    return failed


def main() -> int:
    """The child: read the request, ingest at lower priority, publish the build without loading it here."""
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    try:
        os.nice(WORKER_NICE)
    except OSError:
        pass
    request = json.loads(sys.stdin.read())
    from .engine import Engine

    settings = replace(Settings.from_env(), index_dir=Path(request["index_dir"]),
                       corpus_dir=Path(request["corpus_dir"]), embedder=request["embedder"])
    engine = Engine(settings)

    def report(fraction: float, message: str) -> None:
        print(json.dumps({"progress": round(fraction, 4), "message": message}, ensure_ascii=False), flush=True)

    try:
        result = engine.ingest(request["paths"], agency=request["agency"], year=request["year"], progress=report,
                               load=False, on_stored=lambda name: print(json.dumps({"stored": name},
                                                                                   ensure_ascii=False), flush=True))
    finally:
        engine.close()
    print(json.dumps({"result": asdict(result)}, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Load on the running web app over loopback: N clients asking and searching through the Gradio API, alone, with a
10,000-character question always in flight, and while 10 report files are uploaded.

    python benchmarks/load.py --index /tmp/realidx --clients 16 --seconds 60
    python benchmarks/load.py --index DIR --out benchmarks/results/load.json

The app is started as ``python app.py`` in a child process on a free port (upload enabled by a throwaway token),
exactly as deployed; clients are threads with their own ``gradio_client.Client`` each. Latency is measured at the
client, request to answer. The index folder is copied to a temporary folder first, so the uploads do not change it.
Questions come from ``eval/real/questions.jsonl`` (the ones with a report scope are asked unscoped), searches are
their first ten characters. Uploaded files are generated reports (``reportqa.synth``), a different seed each run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TOKEN = "load-benchmark-token"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(index: Path, port: int, log_path: Path) -> subprocess.Popen:
    env = dict(os.environ, REPORTQA_ADMIN_TOKEN=TOKEN, GRADIO_ANALYTICS_ENABLED="False")
    log_file = open(log_path, "w", encoding="utf-8")  # noqa: SIM115 — the child writes it until it exits
    child = subprocess.Popen([sys.executable, str(ROOT / "app.py"), "--index", str(index), "--port", str(port)],
                             env=env, stdout=log_file, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if child.poll() is not None:
            raise SystemExit(f"the app exited: {log_path.read_text(encoding='utf-8')[-3000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                time.sleep(2)
                return child
        except OSError:
            time.sleep(1)
    child.kill()
    raise SystemExit("the app did not start in 300 s")


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def summary(values: list[float]) -> dict:
    if not values:
        return {"n": 0}
    return {"n": len(values), "p50_ms": round(percentile(values, 50) * 1000, 1),
            "p95_ms": round(percentile(values, 95) * 1000, 1), "max_ms": round(max(values) * 1000, 1),
            "mean_ms": round(statistics.fmean(values) * 1000, 1)}


class Clients:
    """N client threads, each asking (3 of 4) or searching (1 of 4) in a loop until stopped."""

    def __init__(self, url: str, n: int, questions: list[str], seed: int) -> None:
        self.url, self.n, self.questions, self.seed = url, n, questions, seed
        self.stop = threading.Event()
        self.latencies: dict[str, list[float]] = {"ask": [], "search": []}
        self.errors: list[str] = []
        self.threads = [threading.Thread(target=self.run, args=(i,), daemon=True) for i in range(n)]

    def run(self, i: int) -> None:
        from gradio_client import Client

        rng = random.Random(self.seed * 1000 + i)
        client = Client(self.url, verbose=False)
        while not self.stop.is_set():
            question = rng.choice(self.questions)
            kind = "search" if rng.random() < 0.25 else "ask"
            started = time.perf_counter()
            try:
                if kind == "ask":
                    client.predict(question, "*", "*", "*", api_name="/ask")
                else:
                    client.predict(question[:10], "*", "*", "*", "", "*", 10, api_name="/search")
            except Exception as exc:  # noqa: BLE001 — counted, not fatal
                self.errors.append(f"{kind}: {type(exc).__name__}: {exc}"[:300])
                continue
            self.latencies[kind].append(time.perf_counter() - started)

    def __enter__(self) -> Clients:
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for t in self.threads:
            t.join(timeout=120)

    def result(self) -> dict:
        return {"ask": summary(self.latencies["ask"]), "search": summary(self.latencies["search"]),
                "all": summary(self.latencies["ask"] + self.latencies["search"]), "errors": len(self.errors),
                "error_examples": self.errors[:3]}


def long_question_loop(url: str, stop: threading.Event, out: list[float]) -> None:
    from gradio_client import Client

    client = Client(url, verbose=False)
    text = ("请问2019年" + "收到政府信息公开申请的数量和处理情况" * 600)[:10_000]
    while not stop.is_set():
        started = time.perf_counter()
        client.predict(text, "*", "*", "*", api_name="/ask")
        out.append(time.perf_counter() - started)


def make_uploads(folder: Path, n: int, seed: int) -> list[Path]:
    from reportqa.synth import COMBINATIONS, generate_report, random_agency, write_report

    rng = random.Random(seed)
    files = []
    for i in range(n):
        report = generate_report(seed + i, "template-2021", random_agency(rng), 2021 + i % 3)
        file_type, layout = COMBINATIONS[i % len(COMBINATIONS)]
        files.append(write_report(report, folder, file_type, layout, stem=f"load-upload-{seed}-{i}"))
    return files


def upload(url: str, files: list[Path]) -> tuple[float, str]:
    from gradio_client import Client, handle_file

    client = Client(url, verbose=False)
    started = time.perf_counter()
    html = client.predict(TOKEN, [handle_file(str(f)) for f in files], "", "", api_name="/upload")
    return time.perf_counter() - started, str(html)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True, help="a built index folder (copied, not changed)")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--uploads", type=int, default=10)
    parser.add_argument("--questions", type=Path, default=ROOT / "eval" / "real" / "questions.jsonl")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "load.json")
    args = parser.parse_args()
    questions = [json.loads(line)["question"] for line in args.questions.read_text(encoding="utf-8").splitlines()
                 if line.strip()]
    seed = int(time.time())
    with tempfile.TemporaryDirectory(prefix="reportqa-load-") as tmp:
        index = Path(tmp) / "index"
        shutil.copytree(args.index, index)
        port = free_port()
        app = start_app(index, port, Path(tmp) / "app.log")
        url = f"http://127.0.0.1:{port}/"
        results: dict = {"clients": args.clients, "seconds_per_phase": args.seconds, "index": str(args.index),
                         "cpus": os.cpu_count(), "loadavg_before": os.getloadavg()[0]}
        try:
            with Clients(url, args.clients, questions, seed) as clients:
                time.sleep(args.seconds)
            results["alone"] = clients.result()
            print("alone:", json.dumps(results["alone"]), flush=True)

            stop, long_times = threading.Event(), []
            runner = threading.Thread(target=long_question_loop, args=(url, stop, long_times), daemon=True)
            runner.start()
            time.sleep(1)
            with Clients(url, args.clients, questions, seed + 1) as clients:
                time.sleep(args.seconds)
            stop.set()
            runner.join(timeout=120)
            results["with_10000_char_question"] = clients.result() | {"long_question": summary(long_times)}
            print("with a 10,000-character question in flight:", json.dumps(results["with_10000_char_question"]),
                  flush=True)

            files = make_uploads(Path(tmp), args.uploads, seed)
            with Clients(url, args.clients, questions, seed + 2) as clients:
                upload_seconds, html = upload(url, files)
            results["during_upload"] = clients.result() | {
                "upload_files": len(files), "upload_seconds": round(upload_seconds, 1),
                "upload_added": html.count("已加入 added")}
            print("during a 10-file upload:", json.dumps(results["during_upload"]), flush=True)
        finally:
            app.terminate()
            try:
                app.wait(timeout=30)
            except subprocess.TimeoutExpired:
                app.kill()
    results["loadavg_after"] = os.getloadavg()[0]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()

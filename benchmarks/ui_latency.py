"""Browser-measured latency of the web app: page first load, and pressing Enter → the answer on screen.

    python benchmarks/ui_latency.py                 # starts `python app.py` on a fresh index (ingests corpus/)
    python benchmarks/ui_latency.py --url http://127.0.0.1:7860/   # measures a running app
    python benchmarks/ui_latency.py --json out.json

Uses Debian's headless Chromium through Python playwright (no browser download), like tests/browser/.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))

from ui_helpers import ask, chromium_browser, open_app, running_app  # noqa: E402

QUESTIONS = [
    "2017年有多少申请被拒绝公开？",
    "how many requests were refused in 2017",
    "网上申请有多少件",
    "存在哪些主要问题？",
    "2017年收到多少申请？",
    "当面申请有多少件",
    "信函申请多少件",
    "按时办结多少件",
    "延期办结了几件",
    "同意公开的有多少",
    "行政复议有几件",
    "行政诉讼有多少起",
    "主动公开政府信息多少条",
    "政府信息公开专项经费是多少",
    "专职人员有多少人",
    "举办了多少次培训班",
    "拒绝公开的申请历年变化趋势",
    "how many online requests were there",
    "2020年有多少申请被拒绝？",
    "下一步工作打算是什么？",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def measure(url: str, loads: int) -> dict:
    with chromium_browser() as browser:
        load_times = []
        for _ in range(loads):  # a fresh context each time: nothing cached
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            load_times.append(open_app(page, url))
            context.close()
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        open_app(page, url)
        ask(page, "warm-up")  # the first event opens the queue connection
        answer_times = [ask(page, q) for q in QUESTIONS]
        context.close()
    return {
        "first_load_s": round(load_times[0], 3),
        "load_median_s": round(statistics.median(load_times), 3),
        "loads": len(load_times),
        "answer_median_ms": round(statistics.median(answer_times) * 1000, 1),
        "answer_p95_ms": round(percentile(answer_times, 0.95) * 1000, 1),
        "answer_max_ms": round(max(answer_times) * 1000, 1),
        "questions": len(answer_times),
        "per_question_ms": {q: round(t * 1000, 1) for q, t in zip(QUESTIONS, answer_times, strict=True)},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="measure this running app instead of starting one")
    parser.add_argument("--loads", type=int, default=5, help="page loads to time (fresh browser context each)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    with ExitStack() as stack:
        url = args.url
        startup = None
        if not url:
            tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="reportqa-ui-latency-")))
            app = stack.enter_context(running_app(tmp / "index"))
            url, startup = app.url, app.started_in_s
        result = measure(url, args.loads)
    if startup is not None:
        result["server_start_with_ingest_s"] = round(startup, 1)
    for q, ms in result["per_question_ms"].items():
        print(f"{ms:8.1f} ms  {q}")
    print(f"answer on screen after Enter: median {result['answer_median_ms']} ms, p95 {result['answer_p95_ms']} ms, "
          f"max {result['answer_max_ms']} ms over {result['questions']} questions")
    print(f"page first load: {result['first_load_s']} s (median of {result['loads']} fresh loads "
          f"{result['load_median_s']} s)")
    if startup is not None:
        print(f"server start incl. first ingest of corpus/: {result['server_start_with_ingest_s']} s")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

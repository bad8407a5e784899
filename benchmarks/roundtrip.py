"""Round-trip benchmark: generate N synthetic reports across formats, layouts and file types, write them, read them
back with the project's loader and parser, and count exact matches of the table facts.

    python benchmarks/roundtrip.py [--n 560] [--start 0] [--out benchmarks/results/roundtrip.json]
    python benchmarks/roundtrip.py --kinds old-2008 --layouts flat --n 300 --out /tmp/flat.json

Report kinds (``--kinds``, default all three, alternating by seed): template-2021, old-table (the 2015–2018
统计指标/单位/统计数 table) and old-2008 (the 2008–2014 指标名称/计量单位/2013年度/历年累计 table). Each kind cycles
through its file-type/layout combinations: the eight of every report, and for old-2008 also the four flat ones
(txt or html; flat-spaced, flat-glued: the table flattened into one running line). ``--layouts`` keeps only some
combinations: "txt/flat-glued", a layout name for every file type ("flat-glued"), or "flat" for the four flat ones.

Every report uses the full mess drawn from its seed (the default test run avoids the variants with known parser
bugs; this does not). One report in four also carries injected inconsistencies, and the summary says which kinds the
consistency checks flagged. Throughput is measured on reading only: load (file → blocks) and parse (blocks →
Report), not on generating or writing.

Differences are sorted as ``reportqa.synth.roundtrip`` does: a row the parser leaves out with a warning naming it is
abstained (not an error); rows left out of the glued layout's truth as not uniquely splittable are abstained "as
expected" when the parser leaves them out too; any wrong value, unit or type, or a fact missing without a warning, is
an error. Abstentions on rows a careful reader can split are broken down by what the row (or its 其中 group) holds:
a thousands separator, a not-reported mark, a decimal, or none of these.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from reportqa.synth import COMBINATIONS, FLAT_COMBINATIONS, SyntheticReport, generate_report
from reportqa.synth.roundtrip import RoundTrip, run_roundtrip

KINDS = ("template-2021", "old-table", "old-2008")
DEFAULT_OUT = Path(__file__).resolve().parent / "results" / "roundtrip.json"


def combinations(kind: str) -> tuple[tuple[str, str], ...]:
    return COMBINATIONS + FLAT_COMBINATIONS if kind == "old-2008" else COMBINATIONS


def parse_layouts(text: str | None) -> set[tuple[str, str]] | None:
    """``--layouts``: "txt/flat-glued,flat-spaced,flat" → the (file type, layout) pairs; None keeps every one."""
    if not text:
        return None
    every = set(COMBINATIONS + FLAT_COMBINATIONS)
    chosen: set[tuple[str, str]] = set()
    for word in (w.strip() for w in text.split(",") if w.strip()):
        if word == "flat":
            found = set(FLAT_COMBINATIONS)
        elif "/" in word:
            found = {tuple(word.split("/", 1))} & every  # type: ignore[assignment]
        else:
            found = {c for c in every if c[1] == word}
        if not found:
            raise SystemExit(f"unknown layout {word!r}: use file/layout (txt/flat-glued), a layout name or 'flat'")
        chosen |= found
    return chosen


def case(seed: int, kinds: tuple[str, ...] = KINDS, layouts: set[tuple[str, str]] | None = None
         ) -> tuple[str, str, str, bool]:
    """(kind, file type, layout, with inconsistencies) for a seed: kinds alternate, each kind's combinations cycle,
    and one report in four (of any kind) has inconsistencies."""
    usable = [k for k in kinds if any(layouts is None or c in layouts for c in combinations(k))]
    if not usable:
        raise SystemExit("no report kind can be written in the chosen layouts")
    kind = usable[seed % len(usable)]
    options = [c for c in combinations(kind) if layouts is None or c in layouts]
    file_type, layout = options[(seed // len(usable)) % len(options)]
    return kind, file_type, layout, seed % 8 in (6, 7)


def generate(seed: int, kind: str, broken: bool) -> SyntheticReport:
    if kind == "old-2008":
        return generate_report(seed, "old-table", inconsistencies=broken, old_edition="2008")
    return generate_report(seed, kind, inconsistencies=broken)  # type: ignore[arg-type]


def abstention_cause(report: SyntheticReport, path: tuple[str, ...]) -> str:
    """Why a splittable row may have been left out: what its cells hold, else what its 其中 group holds."""
    cells = {f.path: f.raw for f in report.facts if f.column is None}
    cells = {p: raw + next(f.raw for f in report.facts if f.path == p and f.column is not None) for p, raw in
             cells.items()}

    def holds(text: str) -> str | None:
        for mark, name in ((",", "thousands separator"), ("—", "not-reported mark"), ("/", "not-reported mark"),
                           (".", "decimal")):
            if mark in text:
                return name
        return None

    own = holds(cells.get(path, ""))
    if own:
        return f"row holds a {own}"
    group = [p for p in cells if p[0] == path[0] and p != path]
    for p in group:
        if (found := holds(cells[p])) is not None:
            return f"its 其中 group holds a {found}"
    return "plain digits"


def flagged(trip: RoundTrip) -> dict[str, bool]:
    """For each injected inconsistency, whether some check warning names it."""
    warnings = trip.parsed.warnings if trip.parsed else []
    return {i.kind: any(all(m in w for m in i.mentions) for w in warnings) for i in trip.report.inconsistencies}


def run(n: int, start: int, workdir: Path, kinds: tuple[str, ...] = KINDS,
        layouts: set[tuple[str, str]] | None = None) -> tuple[list[tuple[str, RoundTrip]], Counter]:
    trips: list[tuple[str, RoundTrip]] = []
    detection: Counter = Counter()
    for seed in range(start, start + n):
        kind, file_type, layout, broken = case(seed, kinds, layouts)
        report = generate(seed, kind, broken)
        trip = run_roundtrip(report, workdir, file_type, layout)
        trips.append((kind, trip))
        for inconsistency, hit in flagged(trip).items():
            detection[(kind, inconsistency, hit)] += 1
        trip.path.unlink(missing_ok=True)
        if len(trips) % 50 == 0:
            print(f"  {len(trips)}/{n} …", file=sys.stderr)
    return trips, detection


def _combination_row() -> dict[str, int]:
    return {"n": 0, "exact": 0, "no_errors": 0, "reports_with_errors": 0, "error_facts": 0, "abstained_rows": 0,
            "abstained_as_expected": 0, "abstained_splittable": 0, "read_beyond_truth": 0}


def summarize(trips: list[tuple[str, RoundTrip]], detection: Counter, seconds: float) -> dict:
    by_combo: dict[str, dict[str, int]] = defaultdict(_combination_row)
    causes: dict[str, Counter] = defaultdict(Counter)
    speed: dict[str, list[float]] = defaultdict(list)
    for kind, t in trips:
        key = f"{kind} {t.file_type}/{t.layout}"
        row = by_combo[key]
        row["n"] += 1
        row["exact"] += int(t.exact)
        row["no_errors"] += int(t.no_errors)
        row["reports_with_errors"] += int(not t.no_errors)
        row["error_facts"] += len(t.errors)
        row["abstained_rows"] += len(t.abstained) + len(t.abstained_as_expected)
        row["abstained_as_expected"] += len(t.abstained_as_expected)
        row["abstained_splittable"] += len(t.abstained)  # rows of the layout's truth: a careful reader splits them
        row["read_beyond_truth"] += len(t.beyond_truth)
        for path in t.abstained:
            causes[key][abstention_cause(t.report, path)] += 1
        speed[t.file_type].append(t.load_seconds + t.parse_seconds)
    parsed = [t for _, t in trips if t.parsed is not None]
    parse_total = sum(t.parse_seconds for t in parsed)
    read_total = sum(t.load_seconds + t.parse_seconds for t in parsed)
    kinds: dict[str, dict[str, int]] = defaultdict(lambda: {"injected": 0, "flagged": 0})
    for (fmt, kind, hit), count in detection.items():
        kinds[f"{fmt} {kind}"]["injected"] += count
        kinds[f"{fmt} {kind}"]["flagged"] += count if hit else 0
    only = [t for _, t in trips]
    return {
        "n": len(trips),
        "exact": sum(t.exact for t in only),
        "no_errors": sum(t.no_errors for t in only),
        "reports_with_errors": sum(not t.no_errors for t in only),
        "crashes": sum(bool(t.error) for t in only),
        "error_facts": sum(len(t.errors) for t in only),
        "abstained_rows": sum(len(t.abstained) + len(t.abstained_as_expected) for t in only),
        "abstained_as_expected": sum(len(t.abstained_as_expected) for t in only),
        "read_beyond_truth": sum(len(t.beyond_truth) for t in only),
        "metadata_ok": sum(t.metadata_ok for t in only),
        "facts_compared": sum(len([f for f in t.report.facts_for(t.layout) if f.kind == "table"]) for t in only),
        "by_combination": dict(sorted(by_combo.items())),
        "splittable_abstentions_by_cause": {k: dict(v.most_common()) for k, v in sorted(causes.items())},
        "throughput": {
            "parse_only_reports_per_s": round(len(parsed) / parse_total, 1) if parse_total else None,
            "load_and_parse_reports_per_s": round(len(parsed) / read_total, 1) if read_total else None,
            "load_and_parse_ms_median_by_file_type": {k: round(statistics.median(v) * 1000, 1)
                                                      for k, v in sorted(speed.items())},
        },
        "inconsistencies_flagged_by_checks": dict(sorted(kinds.items())),
        "mismatches": [{"seed": t.report.seed, "kind": kind, "file_type": t.file_type, "layout": t.layout,
                        "error": t.error, "error_facts": len(t.errors),
                        "abstained_rows": len(t.abstained) + len(t.abstained_as_expected),
                        "first_errors": [str(d) for d in t.errors[:3]], "variant": t.report.variant}
                       for kind, t in trips if not t.no_errors],
        "wall_seconds": round(seconds, 1),
        "python": platform.python_version(),
    }


def print_summary(summary: dict) -> None:
    print(f"\nexact matches: {summary['exact']} / {summary['n']}; exact but for abstentions: "
          f"{summary['no_errors'] - summary['exact']}; reports with errors: {summary['reports_with_errors']} "
          f"(error facts {summary['error_facts']}, crashes {summary['crashes']}); abstained rows: "
          f"{summary['abstained_rows']} ({summary['abstained_as_expected']} not uniquely splittable, as expected); "
          f"rows read right beyond the truth: {summary['read_beyond_truth']}")
    print(f"metadata agency+year right: {summary['metadata_ok']}, table facts compared: {summary['facts_compared']}")
    head = ("n", "exact", "no-err", "w/err", "err-facts", "abst", "abst-exp", "abst-split", "beyond")
    print(f"\n{'kind file/layout':<32}" + "".join(f"{h:>11}" for h in head))
    for key, row in summary["by_combination"].items():
        values = (row["n"], row["exact"], row["no_errors"], row["reports_with_errors"], row["error_facts"],
                  row["abstained_rows"], row["abstained_as_expected"], row["abstained_splittable"],
                  row["read_beyond_truth"])
        print(f"{key:<32}" + "".join(f"{v:>11}" for v in values))
    if summary["splittable_abstentions_by_cause"]:
        print("\nabstentions on rows a careful reader can split, by what the row or its group holds:")
        for key, found in summary["splittable_abstentions_by_cause"].items():
            print(f"  {key:<30}" + "; ".join(f"{cause} {count}" for cause, count in found.items()))
    tp = summary["throughput"]
    print(f"\nthroughput: parse only {tp['parse_only_reports_per_s']} reports/s; load + parse "
          f"{tp['load_and_parse_reports_per_s']} reports/s; median ms by file type "
          f"{tp['load_and_parse_ms_median_by_file_type']}")
    print("\ninjected inconsistencies flagged by the checks:")
    for key, row in summary["inconsistencies_flagged_by_checks"].items():
        print(f"  {key:<36}{row['flagged']:>4} / {row['injected']}")
    if summary["mismatches"]:
        print(f"\nreports with errors ({len(summary['mismatches'])}):")
        for m in summary["mismatches"]:
            head_line = f"  seed {m['seed']} {m['kind']} {m['file_type']}/{m['layout']}"
            print(f"{head_line}: {m['error'] or str(m['error_facts']) + ' error facts'}"
                  f"{', ' + str(m['abstained_rows']) + ' rows abstained' if m['abstained_rows'] else ''}")
            for line in m["first_errors"]:
                print(f"      {line}")
    print(f"\nwall time {summary['wall_seconds']} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=560, help="how many reports (default 560)")
    parser.add_argument("--start", type=int, default=0, help="first seed")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON summary path")
    parser.add_argument("--kinds", default=",".join(KINDS),
                        help=f"report kinds, comma-separated (default all: {','.join(KINDS)})")
    parser.add_argument("--layouts", default=None,
                        help="only these combinations: txt/flat-glued, a layout name, or 'flat' (default all)")
    args = parser.parse_args(argv)
    kinds = tuple(k.strip() for k in args.kinds.split(",") if k.strip())
    if unknown := [k for k in kinds if k not in KINDS]:
        parser.error(f"unknown kinds {unknown}; use {', '.join(KINDS)}")
    layouts = parse_layouts(args.layouts)
    begin = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="reportqa-roundtrip-") as workdir:
        trips, detection = run(args.n, args.start, Path(workdir), kinds, layouts)
    summary = summarize(trips, detection, time.perf_counter() - begin)
    print_summary(summary)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
    print(f"summary written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

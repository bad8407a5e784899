"""Round-trip benchmark: generate N synthetic reports across formats, layouts and file types, write them, read them
back with the project's loader and parser, and count exact matches of the table facts.

    python benchmarks/roundtrip.py [--n 560] [--start 0] [--out benchmarks/results/roundtrip.json]

Every report uses the full mess drawn from its seed (the default test run avoids the variants with known parser
bugs; this does not). One report in four also carries injected inconsistencies, and the summary says which kinds the
consistency checks flagged. Throughput is measured on reading only: load (file → blocks) and parse (blocks →
Report), not on generating or writing.
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

from reportqa.synth import COMBINATIONS, FORMATS, generate_report
from reportqa.synth.roundtrip import RoundTrip, run_roundtrip

DEFAULT_OUT = Path(__file__).resolve().parent / "results" / "roundtrip.json"


def case(seed: int) -> tuple[str, str, str, bool]:
    """(format, file type, layout, with inconsistencies) for a seed: formats alternate, combinations cycle, and one
    report in four (of either format) has inconsistencies."""
    file_type, layout = COMBINATIONS[(seed // 2) % len(COMBINATIONS)]
    return FORMATS[seed % 2], file_type, layout, seed % 8 in (6, 7)


def flagged(trip: RoundTrip) -> dict[str, bool]:
    """For each injected inconsistency, whether some check warning names it."""
    warnings = trip.parsed.warnings if trip.parsed else []
    return {i.kind: any(all(m in w for m in i.mentions) for w in warnings) for i in trip.report.inconsistencies}


def run(n: int, start: int, workdir: Path) -> tuple[list[RoundTrip], Counter]:
    trips: list[RoundTrip] = []
    detection: Counter = Counter()
    for seed in range(start, start + n):
        fmt, file_type, layout, broken = case(seed)
        report = generate_report(seed, fmt, inconsistencies=broken)  # type: ignore[arg-type]
        trip = run_roundtrip(report, workdir, file_type, layout)
        trips.append(trip)
        for kind, hit in flagged(trip).items():
            detection[(fmt, kind, hit)] += 1
        trip.path.unlink(missing_ok=True)
        if len(trips) % 50 == 0:
            print(f"  {len(trips)}/{n} …", file=sys.stderr)
    return trips, detection


def summarize(trips: list[RoundTrip], detection: Counter, seconds: float) -> dict:
    by_combo: dict[str, dict[str, int]] = defaultdict(lambda: {"n": 0, "exact": 0})
    speed: dict[str, list[float]] = defaultdict(list)
    for t in trips:
        key = f"{t.report.format} {t.file_type}/{t.layout}"
        by_combo[key]["n"] += 1
        by_combo[key]["exact"] += int(t.exact)
        speed[t.file_type].append(t.load_seconds + t.parse_seconds)
    parsed = [t for t in trips if t.parsed is not None]
    parse_total = sum(t.parse_seconds for t in parsed)
    read_total = sum(t.load_seconds + t.parse_seconds for t in parsed)
    kinds: dict[str, dict[str, int]] = defaultdict(lambda: {"injected": 0, "flagged": 0})
    for (fmt, kind, hit), count in detection.items():
        kinds[f"{fmt} {kind}"]["injected"] += count
        kinds[f"{fmt} {kind}"]["flagged"] += count if hit else 0
    return {
        "n": len(trips),
        "exact": sum(t.exact for t in trips),
        "errors": sum(bool(t.error) for t in trips),
        "metadata_ok": sum(t.metadata_ok for t in trips),
        "facts_compared": sum(len([f for f in t.report.facts if f.kind == "table"]) for t in trips),
        "by_combination": dict(sorted(by_combo.items())),
        "throughput": {
            "parse_only_reports_per_s": round(len(parsed) / parse_total, 1) if parse_total else None,
            "load_and_parse_reports_per_s": round(len(parsed) / read_total, 1) if read_total else None,
            "load_and_parse_ms_median_by_file_type": {k: round(statistics.median(v) * 1000, 1)
                                                      for k, v in sorted(speed.items())},
        },
        "inconsistencies_flagged_by_checks": dict(sorted(kinds.items())),
        "mismatches": [{"seed": t.report.seed, "format": t.report.format, "file_type": t.file_type,
                        "layout": t.layout, "error": t.error, "differing_facts": len(t.diffs),
                        "first_differences": [str(d) for d in t.diffs[:3]], "variant": t.report.variant}
                       for t in trips if not t.exact],
        "wall_seconds": round(seconds, 1),
        "python": platform.python_version(),
    }


def print_summary(summary: dict) -> None:
    print(f"\nexact matches: {summary['exact']} / {summary['n']}  (errors: {summary['errors']}, "
          f"metadata agency+year right: {summary['metadata_ok']}, table facts compared: {summary['facts_compared']})")
    print(f"\n{'format file/layout':<34}{'n':>5}{'exact':>7}")
    for key, row in summary["by_combination"].items():
        print(f"{key:<34}{row['n']:>5}{row['exact']:>7}")
    tp = summary["throughput"]
    print(f"\nthroughput: parse only {tp['parse_only_reports_per_s']} reports/s; load + parse "
          f"{tp['load_and_parse_reports_per_s']} reports/s; median ms by file type "
          f"{tp['load_and_parse_ms_median_by_file_type']}")
    print("\ninjected inconsistencies flagged by the checks:")
    for key, row in summary["inconsistencies_flagged_by_checks"].items():
        print(f"  {key:<36}{row['flagged']:>4} / {row['injected']}")
    if summary["mismatches"]:
        print(f"\nmismatches ({len(summary['mismatches'])}):")
        for m in summary["mismatches"]:
            head = f"  seed {m['seed']} {m['format']} {m['file_type']}/{m['layout']}"
            print(f"{head}: {m['error'] or str(m['differing_facts']) + ' differing facts'}")
            for line in m["first_differences"]:
                print(f"      {line}")
    print(f"\nwall time {summary['wall_seconds']} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=560, help="how many reports (default 560)")
    parser.add_argument("--start", type=int, default=0, help="first seed")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON summary path")
    args = parser.parse_args(argv)
    begin = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="reportqa-roundtrip-") as workdir:
        trips, detection = run(args.n, args.start, Path(workdir))
    summary = summarize(trips, detection, time.perf_counter() - begin)
    print_summary(summary)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
    print(f"summary written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Per file type and report format figures of a `reportqa eval --json` result on the real-report set.

    python eval/real/breakdown.py RESULT.json      # from `reportqa eval … --baseline --json RESULT.json`

Questions asked within one report (`report` set) are grouped by that file's type and format (from the sources
TSVs in parts/); questions of the whole corpus form their own group. Numeric kinds count toward "numeric",
unanswerable ones toward "abstention"; prose questions are left out (their measure is recall@5).
"""

from __future__ import annotations

import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).parent
NUMERIC = {"lookup", "aggregate", "compare"}


def load_sources() -> dict[str, dict[str, str]]:
    sources: dict[str, dict[str, str]] = {}
    for tsv in sorted((HERE / "parts").glob("*_sources.tsv")):
        with tsv.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                sources[row["stem"]] = row
    return sources


def groups_of(item: dict, sources: dict[str, dict[str, str]]) -> list[str]:
    stem = item.get("report")
    if not stem:
        return ["(whole corpus)"]
    src = sources.get(stem, {})
    file_type = src.get("file_type") or Path(next((HERE / "corpus").glob(stem + ".*")).suffix[1:])
    return [f"type={file_type}", f"format={src.get('format', '?')}"]


def breakdown(result: dict) -> dict[str, dict[str, list[int]]]:
    questions = [json.loads(line) for line in (HERE / "questions.jsonl").open(encoding="utf-8")]
    failed = {f["id"] for f in result["failures"]}
    sources = load_sources()
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: {"numeric": [0, 0], "abstention": [0, 0]})
    for item in questions:
        measure = "numeric" if item["kind"] in NUMERIC else "abstention" if item["kind"] == "unanswerable" else None
        if measure is None:
            continue
        for group in groups_of(item, sources) + ["all"]:
            cell = table[group][measure]
            cell[0] += item["id"] not in failed
            cell[1] += 1
    return table


def main() -> None:
    result = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    runs = [breakdown(r) for r in (result, result.get("baseline")) if r]
    names = ["fact engine", "baseline"][: len(runs)]
    print(f"{'group':<22}" + "".join(f"{n + ' numeric':>24}{n + ' abstention':>24}" for n in names))
    for group in sorted(runs[0], key=lambda g: (g == "all", g)):
        cells = ""
        for run in runs:
            for measure in ("numeric", "abstention"):
                ok, n = run[group][measure]
                cells += f"{(f'{ok / n:.3f} ({ok}/{n})' if n else '—'):>24}"
        print(f"{group:<22}{cells}")


if __name__ == "__main__":
    main()

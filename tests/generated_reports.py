"""Small generated reports the engine-level tests ingest (one per folder), and the question each answers."""

from __future__ import annotations

from pathlib import Path

from reportqa.synth import generate_report, write_report
from reportqa.synth.model import SyntheticReport


def write_reports(root: Path, specs: list[tuple[str, int, str, int]]) -> list[tuple[Path, SyntheticReport]]:
    """(name, seed, agency, year) → a folder ``root/<name>`` holding one 2021-template report as a .txt file."""
    made = []
    for name, seed, agency, year in specs:
        report = generate_report(seed, "template-2021", agency, year)
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        write_report(report, folder, "txt", stem=Path(name).name)
        made.append((folder, report))
    return made


def question_for(report: SyntheticReport) -> str:
    agency = report.agency.replace("青禾市", "").replace("人民政府", "")
    return f"{agency}{report.year}年新收政府信息公开申请多少件？"


def total_requests(report: SyntheticReport) -> int:
    return next(f.value for f in report.facts if f.column == "总计" and "新收政府信息公开申请数量" in " ".join(f.path))

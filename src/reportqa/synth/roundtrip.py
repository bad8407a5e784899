"""Generate → write → load → parse → compare: the round trip the tests and the benchmark run.

Facts are compared exactly on (table, path, column, value, unit), and the value's type too (an int read as a Decimal
is a difference), because a figure quoted from a report must be the figure the report wrote.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Iterable

from ..documents import Fact, Number, Report
from .model import SyntheticReport
from .render import write_report

FactKey = tuple[str, tuple[str, ...], str | None]


def table_facts(facts: Iterable[Fact]) -> dict[FactKey, tuple[Number | None, str]]:
    """(table, path, column) → (value, unit) of the table facts; a repeated key keeps its first figure."""
    out: dict[FactKey, tuple[Number | None, str]] = {}
    for fact in facts:
        if fact.kind == "table":
            out.setdefault((fact.table, fact.path, fact.column), (fact.value, fact.unit))
    return out


def _same(a: tuple[Number | None, str], b: tuple[Number | None, str]) -> bool:
    (va, ua), (vb, ub) = a, b
    if ua != ub or (va is None) != (vb is None):
        return False
    return va is None or (isinstance(va, Decimal) == isinstance(vb, Decimal) and va == vb)


@dataclass(frozen=True)
class FactDiff:
    """One difference: a fact missing from the parse, an extra one, or one read with another value or unit."""

    key: FactKey
    expected: tuple[Number | None, str] | None
    got: tuple[Number | None, str] | None

    def __str__(self) -> str:
        table, path, column = self.key
        where = f"{table[:2]} {' › '.join(path)} [{column}]"
        return f"{where}: expected {_show(self.expected)}, got {_show(self.got)}"


def _show(value: tuple[Number | None, str] | None) -> str:
    if value is None:
        return "(no fact)"
    number, unit = value
    return f"{number!r} {unit}"


def diff_facts(expected: Iterable[Fact], got: Iterable[Fact]) -> list[FactDiff]:
    """Differences between truth and parse, in the truth's order (then extra facts)."""
    want, have = table_facts(expected), table_facts(got)
    diffs = [FactDiff(k, v, have.get(k)) for k, v in want.items() if k not in have or not _same(v, have[k])]
    diffs += [FactDiff(k, None, v) for k, v in have.items() if k not in want]
    return diffs


@dataclass
class RoundTrip:
    report: SyntheticReport
    file_type: str
    layout: str
    path: Path
    parsed: Report | None = None
    diffs: list[FactDiff] = field(default_factory=list)
    error: str = ""
    load_seconds: float = 0.0
    parse_seconds: float = 0.0

    @property
    def exact(self) -> bool:
        return not self.error and not self.diffs

    @property
    def metadata_ok(self) -> bool:
        parsed = self.parsed
        return parsed is not None and (parsed.agency, parsed.year) == (self.report.agency, self.report.year)

    def describe(self, limit: int = 3) -> str:
        head = f"seed {self.report.seed} {self.report.format} {self.file_type}/{self.layout} ({self.path.name})"
        if self.error:
            return f"{head}: {self.error}"
        lines = [f"{head}: {len(self.diffs)} differing facts"]
        lines += [f"    {d}" for d in self.diffs[:limit]]
        return "\n".join(lines)


def run_roundtrip(report: SyntheticReport, directory: Path, file_type: str, layout: str | None = None) -> RoundTrip:
    """Write the report, read it back with the project's loader and parser, and compare the table facts."""
    from ..loaders import load_document
    from ..parsing import parse_report

    path = write_report(report, directory, file_type, layout)
    trip = RoundTrip(report, file_type, layout or "", path)
    try:
        start = time.perf_counter()
        doc = load_document(path)
        trip.load_seconds = time.perf_counter() - start
        start = time.perf_counter()
        trip.parsed = parse_report(doc, report.stem, synthetic=True)
        trip.parse_seconds = time.perf_counter() - start
    except Exception as exc:  # a crash is a finding, reported with the rest
        trip.error = f"{type(exc).__name__}: {exc}"
        return trip
    trip.diffs = diff_facts(report.facts, trip.parsed.facts)
    return trip


__all__ = ["diff_facts", "table_facts", "FactDiff", "RoundTrip", "run_roundtrip"]

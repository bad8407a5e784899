"""Generate → write → load → parse → compare: the round trip the tests and the benchmark run.

Facts are compared exactly on (table, path, column, value, unit), and the value's type too (an int read as a Decimal
is a difference), because a figure quoted from a report must be the figure the report wrote. The truth is the
report's truth for the layout it was written in (``SyntheticReport.facts_for``).

A flattened table whose cells are glued together may hold rows the parser cannot split; leaving such a row out with a
warning naming it is an abstention, not an error. Each difference is therefore sorted into:
- an abstention: a row of the truth missing from the parse, with a parser warning that names it and says it was
  left out (未记录);
- beyond the truth: a row the glued layout's truth leaves out as not uniquely recoverable, read with exactly the
  figures the report wrote (right, but more than a careful reader could be sure of);
- an error: anything else (a wrong value, unit or type, a fact missing without a warning, an extra fact).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

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


def left_out_with_warning(label: str, warnings: Iterable[str]) -> bool:
    """Whether a parser warning names the row ``label`` (its last path element) and says it was left out."""
    return any(f"{label}」" in w and "未记录" in w for w in warnings)


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
    abstained: list[tuple[str, ...]] = field(default_factory=list)  # truth rows left out with a warning
    abstained_as_expected: list[tuple[str, ...]] = field(default_factory=list)  # ambiguous rows left out so
    beyond_truth: list[tuple[str, ...]] = field(default_factory=list)  # ambiguous rows read right anyway
    errors: list[FactDiff] = field(default_factory=list)  # differences that are neither

    @property
    def exact(self) -> bool:
        return not self.error and not self.diffs

    @property
    def no_errors(self) -> bool:
        """Exact but for abstentions (and rows read right beyond the truth)."""
        return not self.error and not self.errors

    def classify(self) -> None:
        """Sort the differences into abstentions, reads beyond the truth and errors (see the module's notes)."""
        warnings = self.parsed.warnings if self.parsed else []
        full = table_facts(self.report.facts)
        abstained: dict[tuple[str, ...], None] = {}
        beyond: dict[tuple[str, ...], None] = {}
        self.errors = []
        for diff in self.diffs:
            _, path, _ = diff.key
            if diff.got is None and diff.expected is not None and left_out_with_warning(path[-1], warnings):
                abstained[path] = None
            elif diff.expected is None and diff.key in full and _same(full[diff.key], diff.got):  # type: ignore[arg-type]
                beyond[path] = None
            else:
                self.errors.append(diff)
        self.abstained = list(abstained)
        self.beyond_truth = [p for p in beyond if not any(e.key[1] == p for e in self.errors)]
        if self.layout == "flat-glued":
            got = {key[1] for key in table_facts(self.parsed.facts if self.parsed else [])}
            self.abstained_as_expected = [p for p in self.report.glued_ambiguous
                                          if p not in got and left_out_with_warning(p[-1], warnings)]

    @property
    def metadata_ok(self) -> bool:
        parsed = self.parsed
        return parsed is not None and (parsed.agency, parsed.year) == (self.report.agency, self.report.year)

    def describe(self, limit: int = 3) -> str:
        head = f"seed {self.report.seed} {self.report.format} {self.file_type}/{self.layout} ({self.path.name})"
        if self.error:
            return f"{head}: {self.error}"
        lines = [f"{head}: {len(self.diffs)} differing facts ({len(self.errors)} errors, {len(self.abstained)} rows "
                 f"abstained, {len(self.beyond_truth)} rows read beyond the truth)"]
        lines += [f"    {d}" for d in (self.errors or self.diffs)[:limit]]
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
    trip.diffs = diff_facts(report.facts_for(layout), trip.parsed.facts)
    trip.classify()
    return trip


__all__ = ["diff_facts", "table_facts", "left_out_with_warning", "FactDiff", "RoundTrip", "run_roundtrip"]

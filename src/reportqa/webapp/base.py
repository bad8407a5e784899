"""What every tab's handlers share: the one ``Engine``, the lists of reports, agencies and years the dropdowns offer,
and ``ALL``, the "no filter" value of those dropdowns."""

from __future__ import annotations

from ..documents import Report
from ..engine import Engine
from ..lexicon import load_lexicon
from .rendering import report_label

ALL = "*"  # the "no filter" value of every scope and filter dropdown


def scope_value(value: str | None) -> str | None:
    return None if value in (None, "", ALL) else value


def year_value(value: str | int | None) -> int | None:
    value = scope_value(value if value is None or isinstance(value, str) else str(value))
    return int(value) if value and str(value).isdigit() else None


class BaseHandlers:
    """The look-ups every tab's handlers use, over one explicitly built Engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.lexicon = load_lexicon()

    # -- shared look-ups
    def reports(self) -> list[Report]:
        return self.engine.reports()

    def reports_by_id(self) -> dict[str, Report]:
        return {r.id: r for r in self.reports()}

    def report_choices(self) -> list[tuple[str, str]]:
        return [("全部报告 All reports", ALL)] + [(report_label(r), r.id) for r in self.reports()]

    def year_choices(self, with_all: bool = True) -> list[tuple[str, str]]:
        years = sorted({r.year for r in self.reports() if r.year})
        return ([("全部年度 All years", ALL)] if with_all else []) + [(f"{y}年", str(y)) for y in years]

    def agency_choices(self, with_all: bool = True) -> list[tuple[str, str]]:
        agencies = sorted({r.agency for r in self.reports() if r.agency})
        return ([("全部机关 All agencies", ALL)] if with_all else []) + [(a, a) for a in agencies]

    def status_markdown(self) -> str:
        counts = self.engine.store.counts()
        return (f"已索引 **{counts['reports']}** 份报告、{counts['facts']} 个数字、{counts['passages']} 个段落 · "
                f"Indexed: {counts['reports']} reports, {counts['facts']} facts, {counts['passages']} passages")

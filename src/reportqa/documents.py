"""The plain data that flows one way through the pipeline: load → parse → chunk → embed → index → answer.

Values are ``int`` or ``Decimal`` and never floats, so a figure is quoted exactly as the report wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

Number = int | Decimal
ReportFormat = Literal["old-table", "template-2019", "template-2021", "prose-only"]
PATH_SEP = " › "


@dataclass
class Block:
    """A piece of a loaded file: a paragraph of text, or a table as a grid of cell strings."""

    kind: Literal["text", "table"]
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class LoadedDocument:
    source: str
    blocks: list[Block]
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks if b.kind == "text")


@dataclass
class Section:
    path: tuple[str, ...]
    text: str

    @property
    def heading(self) -> str:
        return PATH_SEP.join(self.path)


@dataclass
class Fact:
    """One figure of a report. ``value`` is None when the report left the cell blank or wrote "—"/"/"."""

    path: tuple[str, ...]
    column: str | None
    value: Number | None
    unit: str
    raw: str
    kind: Literal["table", "prose"] = "table"
    table: str = ""  # the table's section title, e.g. 三、收到和处理政府信息公开申请情况
    source: str = ""  # for prose facts: the sentence
    report_id: str = ""
    year: int | None = None
    agency: str = ""

    @property
    def label(self) -> str:
        return self.path[-1] if self.path else ""

    @property
    def path_text(self) -> str:
        return PATH_SEP.join(self.path)

    def key(self) -> tuple:
        return (self.kind, self.table, self.path, self.column)


@dataclass
class Report:
    id: str
    title: str
    agency: str
    year: int | None
    format: ReportFormat
    source: str
    sections: list[Section] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    synthetic: bool = False


@dataclass
class Passage:
    id: str  # content hash of report id + section + text: stable across re-ingests
    report_id: str
    section: str
    text: str
    kind: Literal["prose", "table"] = "prose"
    year: int | None = None
    agency: str = ""


@dataclass
class Hit:
    passage: Passage
    score: float


@dataclass
class Answer:
    question: str
    found: bool
    text: str
    value: Number | None = None
    unit: str = ""
    facts: list[Fact] = field(default_factory=list)
    passages: list[Hit] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    intent: str = "lookup"
    series: list[tuple[str, Number]] = field(default_factory=list)  # (x label, value) for trend/compare charts

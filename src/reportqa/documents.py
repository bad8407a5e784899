"""The plain data that flows one way through the pipeline: load → parse → chunk → embed → index → answer.

Values are ``int`` or ``Decimal`` and never floats, so a figure is quoted exactly as the report wrote it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

Number = int | Decimal
ReportFormat = Literal["old-table", "template-2019", "template-2021", "prose-only"]
PATH_SEP = " › "
# the national template's columns of the requests table: kinds of applicant (a question names them as columns)
APPLICANT_COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
_CLAUSE_START = re.compile(r"[。；;！!？?\n，,、：:]")


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


@dataclass(slots=True)
class Fact:
    """One figure of a report. ``value`` is None when the report left the cell blank or wrote "—"/"/". Slotted: an
    engine holds millions of them."""

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

    @property
    def rankable(self) -> bool:
        """A figure the answerer's ranker weighs against a question: a prose figure, a row's total or a cell of a
        column that says what it counts (本年制发件数, 对外公开总数量, 历年累计); the applicant columns are the
        lexicon's."""
        return self.value is not None and (self.kind == "prose" or self.column not in APPLICANT_COLUMNS)

    @property
    def text_form(self) -> str:
        """What the figure says, in words, to be embedded like a passage: a prose figure's clause up to its number and
        unit (the clause names what it counts; the rest of the sentence names other figures), a row's path and column.
        """
        if self.kind != "prose":
            column = f" {self.column}" if self.column and self.column != "总计" else ""
            return f"{self.path_text}{column} {self.raw}{self.unit}".strip()
        source = re.sub(r"\s+", "", self.source)
        raw = re.sub(r"\s+", "", self.raw)
        at = source.find(raw) if raw else -1
        if at < 0:
            return source[:120]
        starts = [m.end() for m in _CLAUSE_START.finditer(source, 0, at)]
        start = starts[-1] if starts else 0
        if at - start < 4 and len(starts) > 1:  # "其中，当面3件": the clause before names what is counted
            start = starts[-2]
        end = _CLAUSE_START.search(source, at + len(raw))
        tail = source[at:end.start() if end else len(source)][: len(raw) + len(self.unit) + 6]
        return (source[start:at] + tail)[:160]


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

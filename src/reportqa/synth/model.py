"""The synthetic report's data: a document model that every renderer lays out, and the truth the parsers must read.

A report is generated once (figures, cell texts, prose) and rendered many times; renderers only decide layout, so
the truth facts hold for every file type. Cell texts are decided at generation time ("1,234", "—", "160.5964万元")
and the truth value is what that text means, so a renderer can never make truth and file disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from ..documents import Fact, Number

SynthFormat = Literal["old-table", "template-2021"]
FORMATS: tuple[SynthFormat, ...] = ("old-table", "template-2021")
SYNTHETIC_TITLE_PREFIX = "【合成】"
SYNTHETIC_NOTICE = "本报告为测试合成数据，不是真实的政府信息公开工作年度报告。"


@dataclass(frozen=True)
class Merge:
    """A merged cell covering rows top..bottom and columns left..right (inclusive); its text is in (top, left)."""

    top: int
    left: int
    bottom: int
    right: int

    @property
    def rowspan(self) -> int:
        return self.bottom - self.top + 1

    @property
    def colspan(self) -> int:
        return self.right - self.left + 1


@dataclass
class Table:
    """A table as a rectangular grid. Positions hidden under a merged cell hold ""; a "\\n" inside a cell is a line
    break the report wrote there (a wrapped label, "商业\\n企业", a vertical group label)."""

    name: str  # "二", "三", "四" (template) or "old" (统计指标 table)
    rows: list[list[str]]
    merges: list[Merge] = field(default_factory=list)
    header_rows: int = 1
    col_widths: Sequence[float] = field(default_factory=list)  # points, for PDF

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0

    def hidden(self) -> set[tuple[int, int]]:
        """Grid positions covered by a merged cell other than its top-left one."""
        return {(r, c) for m in self.merges for r in range(m.top, m.bottom + 1) for c in range(m.left, m.right + 1)
                if (r, c) != (m.top, m.left)}

    def merge_at(self, row: int, col: int) -> Merge | None:
        return next((m for m in self.merges if m.top == row and m.left == col), None)


@dataclass(frozen=True)
class Paragraph:
    text: str
    role: Literal["title", "heading", "subheading", "body", "caption", "signature"] = "body"


Item = Paragraph | Table


@dataclass(frozen=True)
class Inconsistency:
    """A figure written wrong on purpose, so tests can check that the consistency checks flag it.

    ``kind``: row_total (a row's 总计 ≠ the sum of its columns), balance (一+二 ≠ 三（七）+四 in a column),
    results_total (the result rows ≠ （七）总计 in a column), table4_total (a 复议/诉讼 group's 总计 ≠ its parts),
    parent_sum (old format: a parent ≠ its numbered children).
    ``mentions``: words a warning about it must contain (a row label or a column name).
    """

    kind: str
    table: str
    path: tuple[str, ...]
    column: str | None
    consistent_value: Number
    written_value: Number
    mentions: tuple[str, ...]


@dataclass
class SyntheticReport:
    """One generated report: what it looks like (``items``), what a parser must read (``facts``), and why."""

    seed: int
    format: SynthFormat
    agency: str
    year: int
    title: str
    items: list[Item]
    facts: list[Fact]  # the truth: kind "table" facts with the parsers' conventions
    inconsistencies: list[Inconsistency] = field(default_factory=list)
    variant: dict[str, object] = field(default_factory=dict)  # the mess and layout choices, for reports on failures
    concepts: dict[str, tuple[str, ...]] = field(default_factory=dict)  # old format: concept key → row path
    edition: str = ""  # old format: "2008" for the 2008–2014 table (指标名称/计量单位/2013年度/历年累计), else ""
    # 2008 table only: how the flat layouts write it (one_line, caption_inline, prose_joiner) and the rows a careful
    # reader cannot split when its cells are glued together (left out of that layout's truth)
    flat: dict[str, object] | None = None
    glued_ambiguous: tuple[tuple[str, ...], ...] = ()

    @property
    def stem(self) -> str:
        kind = "t21" if self.format == "template-2021" else "old08" if self.edition == "2008" else "old"
        return f"synth_{self.seed:06d}_{kind}_{self.year}"

    def facts_for(self, layout: str | None = None) -> list[Fact]:
        """The truth a parser must read from the report written in ``layout``: every fact, except that the glued
        flat layout leaves out the rows that cannot be split uniquely (``glued_ambiguous``)."""
        if layout != "flat-glued" or not self.glued_ambiguous:
            return self.facts
        left_out = set(self.glued_ambiguous)
        return [f for f in self.facts if f.path not in left_out]

    def fact(self, table: str, path: tuple[str, ...], column: str | None) -> Fact | None:
        return next((f for f in self.facts if f.table == table and f.path == path and f.column == column), None)

    def value(self, table: str, path: tuple[str, ...], column: str | None) -> Number | None:
        fact = self.fact(table, path, column)
        return None if fact is None else fact.value

    @property
    def text(self) -> str:
        """All paragraph text, one per line (what a reader of the prose sees)."""
        return "\n".join(i.text for i in self.items if isinstance(i, Paragraph))

"""The untidiness of real reports, as explicit options: how figures, blanks, headers and labels are written.

A ``Mess`` is drawn from the report's seed; tests may pass one to pin a variant. Every option changes only how a
figure is written, never what the truth is: the truth value is computed from the written text by ``truth_of``.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass
from decimal import Decimal

from ..documents import Number

NOT_REPORTED_MARKS = ("", "—", "/")
FULLWIDTH_SPACE = "\u3000"


@dataclass(frozen=True)
class Mess:
    """How one report writes its tables.

    - ``blank_rate``: share of zero figures written as not reported (a blank, "—" or "/"; truth None). Only zeros, so
      every sum still holds when a reader counts "not reported" as nothing.
    - ``blank_marks``: which not-reported marks the report uses.
    - ``thousands_commas``: figures of 1000 or more written "1,234".
    - ``unit_in_fee_cell``: the 万元 figure written with its unit inside the cell ("160.5964万元").
    - ``header_split``: how two-line header cells are written: "newline" ("商业\\n企业"), "space" ("商业 企业") or
      "none" ("商业企业").
    - ``parent_on_child_line``: a row group's label written in its first child's cell ("（三）不予公开 1.属于国家秘密").
    - ``fullwidth_spaces``: full-width spaces as indentation and as the content of empty cells.
    - ``wrap_labels``: long labels broken over two lines inside their cell.
    - ``vertical_group``: 三、本年度办理结果 written one character per line in its tall merged cell.
    - ``long_labels``: the template's explanatory parentheticals kept in the labels.
    - ``table_notes``: the template's 勾稽关系 note and 申请人情况 header kept.
    """

    blank_rate: float = 0.0
    blank_marks: tuple[str, ...] = ("—",)
    thousands_commas: bool = False
    unit_in_fee_cell: bool = False
    header_split: str = "newline"
    parent_on_child_line: bool = False
    fullwidth_spaces: bool = False
    wrap_labels: bool = False
    vertical_group: bool = False
    long_labels: bool = True
    table_notes: bool = True

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


TIDY = Mess()


def random_mess(rng: random.Random) -> Mess:
    """A report's mess, each option independently likely, so combinations get exercised."""
    return Mess(
        blank_rate=rng.choice((0.0, 0.0, 0.3, 1.0)),
        blank_marks=tuple(rng.sample(NOT_REPORTED_MARKS, rng.randint(1, 3))),
        thousands_commas=rng.random() < 0.5,
        unit_in_fee_cell=rng.random() < 0.4,
        header_split=rng.choice(("newline", "space", "none")),
        parent_on_child_line=rng.random() < 0.3,
        fullwidth_spaces=rng.random() < 0.5,
        wrap_labels=rng.random() < 0.5,
        vertical_group=rng.random() < 0.4,
        long_labels=rng.random() < 0.6,
        table_notes=rng.random() < 0.7,
    )


def format_figure(value: Number, rng: random.Random, mess: Mess, *, unit_suffix: str = "") -> str:
    """How the report writes one figure. Zeros may become a not-reported mark; ``unit_suffix`` ("万元") is written
    inside the cell when the mess says so."""
    if value == 0 and rng.random() < mess.blank_rate:
        mark = rng.choice(mess.blank_marks)
        return FULLWIDTH_SPACE if mark == "" and mess.fullwidth_spaces and rng.random() < 0.5 else mark
    if isinstance(value, Decimal):
        text = f"{value:,f}" if mess.thousands_commas and abs(value) >= 1000 else f"{value:f}"
    else:
        text = f"{value:,d}" if mess.thousands_commas and abs(value) >= 1000 else str(value)
    if unit_suffix and mess.unit_in_fee_cell:
        text += unit_suffix
    return text


def truth_of(text: str) -> tuple[Number | None, str | None]:
    """(value, unit written in the cell) that a written figure means; independent of the parsers on purpose."""
    stripped = text.strip().strip(FULLWIDTH_SPACE)
    if stripped in NOT_REPORTED_MARKS:
        return None, None
    unit = None
    for suffix in ("万元", "件"):
        if stripped.endswith(suffix):
            stripped, unit = stripped[: -len(suffix)], suffix
    digits = stripped.replace(",", "")
    return (Decimal(digits) if "." in digits else int(digits)), unit


def split_header(text: str, mess: Mess, at: int = 2) -> str:
    """A header word as a narrow column writes it: "商业\\n企业", "商业 企业" or unbroken."""
    if len(text) <= at or mess.header_split == "none":
        return text
    sep = "\n" if mess.header_split == "newline" else " "
    return text[:at] + sep + text[at:]


def wrap_label(text: str, width: int) -> str:
    """A long label broken over lines of ``width`` characters (as a narrow cell shows it)."""
    if len(text) <= width:
        return text
    return "\n".join(text[i:i + width] for i in range(0, len(text), width))

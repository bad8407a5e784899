"""Cell text → exact number. Pure functions: the one cell parser of the old-format and the template tables."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ..documents import Number

NOT_REPORTED = {"", "/", "-", "—", "——", "－", "–", "―", "─", "无", "空", "／", "\\", "×", "x"}
# Units a report writes inside a value cell; anything else after the digits ("3.其他", "12a") makes a label, not a
# figure.
CELL_UNITS = ("万元", "人次", "万条", "万件", "批次", "元", "件", "个", "条", "次", "人", "项", "篇", "起", "场", "期",
              "家", "份", "笔", "批", "%", "％")
_NUMBER = re.compile(r"^([+-]?\d[\d,，]*(?:\.\d+)?)(" + "|".join(CELL_UNITS) + r")?$")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．，", "0123456789.,")


def normalize_cell(text: str) -> str:
    return re.sub(r"\s+", "", (text or "").translate(_FULLWIDTH_DIGITS))


def parse_number(cell: str) -> tuple[Number | None, str]:
    """Return (value, unit written inside the cell). Blank or dash cells are (None, "") — not reported, not zero.

    Raises ValueError for text that is not a number, so a caller never mistakes a label for a figure.
    """
    text = normalize_cell(cell)
    if text in NOT_REPORTED:
        return None, ""
    m = _NUMBER.match(text)
    if not m:
        raise ValueError(f"not a number: {cell!r}")
    digits = m.group(1).replace(",", "").replace("，", "")
    try:
        value: Number = int(digits) if "." not in digits else Decimal(digits)
    except (ValueError, InvalidOperation) as exc:
        raise ValueError(f"not a number: {cell!r}") from exc
    return value, (m.group(2) or "").replace("％", "%")


def is_number_cell(cell: str) -> bool:
    try:
        return parse_number(cell)[0] is not None
    except ValueError:
        return False


def is_blank_cell(cell: str) -> bool:
    return normalize_cell(cell) in NOT_REPORTED

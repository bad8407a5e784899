"""The pre-2019 statistics table (统计指标 / 单位 / 统计数) → facts with full row paths.

The hierarchy is not in the grid; it is in the numbering of each label (一、 › （一） › 1. › 其中：). A row without a
number belongs under the last numbered row, and rows after a 其中： row are further items of that same breakdown.
"""

from __future__ import annotations

import logging
import re

from ..documents import Fact
from .numbers import normalize_cell, parse_number

log = logging.getLogger(__name__)

TABLE_TITLE = "政府信息公开情况统计表"
_LEVELS = (
    re.compile(r"^[一二三四五六七八九十]+[、.．]"),
    re.compile(r"^[（(][一二三四五六七八九十]+[）)]"),
    re.compile(r"^\d+[.．、]"),
)
_QIZHONG = re.compile(r"^其中[：:]?")
_TRAILING_NOTE = re.compile(r"^(.+?)[（(][^（）()]*[）)]$")
_HEADING_MARKS = {"——", "—", "－－", "--"}
_ARABIC = 2  # the level of "1." / "1、" numbering in _LEVELS
_YEAR_COLUMN = re.compile(r"^(?:\d{4}年度?|本年度?|本期|统计数|数量|数值)$")


def name_value_columns(headers: dict[int, str]) -> dict[int, str | None]:
    """Column names of the value columns: the year's own column is the table's default (``None``).

    One value column is the old format's plain 统计数. With more, the one headed by the year (2013年度, 本年度, 统计数)
    is the default that a question without a column word means, and the others (历年累计, 上年数) keep their names.
    """
    if len(headers) == 1:
        return {i: None for i in headers}
    year_cols = [i for i, h in headers.items() if _YEAR_COLUMN.match(h)]
    default = year_cols[0] if len(year_cols) == 1 else None
    return {i: (None if i == default else "历年累计" if "累计" in h else h or f"列{i}") for i, h in headers.items()}


def clean_label(cell: str) -> str:
    """A label without its layout: no spaces (full-width included) and no trailing explanatory note."""
    label = normalize_cell(cell)
    m = _TRAILING_NOTE.match(label)
    if m and len(m.group(1)) >= 2 and not _LEVELS[1].fullmatch(label):
        label = m.group(1)
    return label


def numbering_level(label: str) -> int | None:
    for level, pattern in enumerate(_LEVELS):
        if pattern.match(label):
            return level
    return None


def is_statistics_table(rows: list[list[str]]) -> bool:
    for row in rows[:3]:
        joined = "".join(normalize_cell(c) for c in row)
        if "统计指标" in joined or ("指标" in joined and "单位" in joined):
            return True
    return False


def parse_statistics_table(rows: list[list[str]]) -> list[Fact]:
    header_index = next(i for i, row in enumerate(rows[:3]) if "指标" in "".join(normalize_cell(c) for c in row))
    header = [normalize_cell(c) for c in rows[header_index]]
    unit_col = next((i for i, h in enumerate(header) if h == "单位"), 1)
    body = rows[header_index + 1 :]
    value_cols = [i for i in range(len(header)) if i not in (0, unit_col)
                  and (header[i] or any(i < len(r) and normalize_cell(r[i]) for r in body))]  # not a spacer
    column_names = name_value_columns({i: header[i] for i in value_cols})
    facts: list[Fact] = []
    stack: list[tuple[int, str]] = []  # (level, label) of the open numbered ancestors
    previous: tuple[str, ...] = ()
    list_parent: tuple[str, ...] | None = None  # the row a 其中 list breaks down, while its numbered items go on
    for row in rows[header_index + 1 :]:
        if not row or not normalize_cell(row[0]):
            continue
        raw_label = normalize_cell(row[0])
        label = clean_label(row[0])
        level = numbering_level(label)
        if _QIZHONG.match(raw_label):
            label = _QIZHONG.sub("", label)
            if list_parent is None:
                list_parent = previous
            path = list_parent + (label,)
            if numbering_level(label) is None:
                list_parent = None  # "其中：X" alone, not the start of a numbered list
        elif level == _ARABIC and list_parent is not None:
            path = list_parent + (label,)  # "2、…" after "其中：1、…": the same breakdown goes on
        elif level is not None:
            list_parent = None
            stack = [(lvl, t) for lvl, t in stack if lvl < level] + [(level, label)]
            path = tuple(t for _, t in stack)
        else:
            list_parent = None
            path = tuple(t for _, t in stack) + (label,)
        previous = path
        unit = normalize_cell(row[unit_col]) if unit_col < len(row) else ""
        if unit in _HEADING_MARKS:
            continue  # a heading row: it carries no figure
        for col in value_cols:
            cell = row[col] if col < len(row) else ""
            try:
                value, cell_unit = parse_number(cell)
            except ValueError:
                log.warning("statistics table: row %s has a non-numeric cell %r; skipped", label, cell)
                continue
            facts.append(
                Fact(path=path, column=column_names[col], value=value, unit=cell_unit or unit, raw=cell.strip(),
                     table=TABLE_TITLE)
            )
    return facts

"""Cell values, a row's label and value cells, and the table facts made from them.

Cell values: int, or Decimal when written with decimals (never float); a blank, "/", "-", "—", "——" or "无" cell is
None (not reported, distinct from 0) with the raw text kept; commas are removed; a unit written in the cell
("160.5964万元") becomes the fact's unit.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ...documents import Fact, Number
from ..numbers import parse_number
from .labels import normalize_text, split_numbered_parts

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CellValue:
    value: Number | None
    unit: str | None  # a unit written inside the cell


def parse_cell_value(raw: str) -> CellValue | None:
    """A value cell's figure; None when the text is not a figure at all (a label, a header)."""
    try:
        value, unit = parse_number(raw)
    except ValueError:
        return None
    return CellValue(value, unit or None)


def is_value_cell(raw: str) -> bool:
    """A figure or a not-reported mark, as opposed to a label."""
    return parse_cell_value(raw) is not None


def has_figure(raw: str) -> bool:
    """A cell with an actual number (a not-reported mark is a value cell without a figure)."""
    parsed = parse_cell_value(raw)
    return parsed is not None and parsed.value is not None


def _explode_trailing_figures(cells: Sequence[str]) -> list[str]:
    """Split figures off the end of a cell when text extraction glued them to the label ("…其政府信息 15")."""
    out: list[str] = []
    for cell in cells:
        tokens = cell.split()
        end = len(tokens)
        while end > 1 and has_figure(tokens[end - 1]):
            end -= 1
        if 0 < end < len(tokens) and not is_value_cell(cell):
            out.append(" ".join(tokens[:end]))
            out.extend(tokens[end:])
        else:
            out.append(cell)
    return out


def split_label_values(cells: Sequence[str], max_values: int) -> tuple[list[str], list[str]]:
    """A row's label cells and its trailing value cells (at most ``max_values``; blank filler cells after the last
    value column are not taken as values)."""
    cells = _explode_trailing_figures(cells)
    start = len(cells)
    while start > 0 and is_value_cell(cells[start - 1]):
        start -= 1
    values = list(cells[start:])
    while len(values) > max_values and not values[-1].strip():
        values.pop()
    while values and len(values) < max_values and not values[0].strip():
        values.pop(0)  # a short row: its leading blanks are label filler, not blank figures
        start += 1
    if len(values) > max_values:
        start += len(values) - max_values
        values = values[-max_values:]
    return list(cells[:start]), values


def label_fragments(cells: Iterable[str]) -> list[str]:
    """Label cells as label fragments: merged-cell repeats and blanks dropped, numbered parts split apart."""
    fragments: list[str] = []
    previous = None
    for cell in cells:
        text = normalize_text(cell)
        if not text or text == previous:
            continue
        previous = text
        fragments.extend(split_numbered_parts(text))
    return fragments


def table_fact(table: str, path: tuple[str, ...], column: str, raw: str, unit: str) -> Fact | None:
    """A table fact from a raw cell; None (logged) when the cell holds no figure, such as a misplaced label."""
    parsed = parse_cell_value(raw)
    if parsed is None:
        log.debug("%s %s %s: %r is not a figure; skipped", table, path, column, raw)
        return None
    return Fact(path=path, column=column, value=parsed.value, unit=parsed.unit or unit, raw=raw.strip(), kind="table",
                table=table)


@dataclass
class FactSink:
    """Collects facts once per (table, path, column): a repeated header or duplicated row does not double them."""

    facts: list[Fact] = field(default_factory=list)
    _keys: set[tuple] = field(default_factory=set)

    def add(self, fact: Fact | None) -> None:
        if fact is None:
            return
        if fact.key() in self._keys:
            log.debug("duplicate figure for %s %s; first kept", fact.path_text, fact.column)
            return
        self._keys.add(fact.key())
        self.facts.append(fact)

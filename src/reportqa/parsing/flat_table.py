"""A statistics table flattened into running text → a grid the statistics-table parser reads.

When a report page is saved as text, its old-format table often comes out as one line, cells one after another,
with or without spaces between them:

    指标名称 计量单位 2013年度 历年累计 主动公开信息数 条 356 1290 其中：1.网站公开 条 350 1280 …
    指标名称计量单位2016年度历年累计主动公开文件数条346085376其中：1、政府网站公开数条3460853762、…

The steps, in order:
1. ``find_header``: the header (指标名称 / 计量单位 / the value columns such as 2013年度, 本年度, 统计数, 历年累计)
   gives the number of value columns.
2. ``read_rows``: each row is a label, a unit from a known list, then a run of figures. The row numbering of the next
   label (``2、``) may be glued to the figures; it is peeled off using the numbering sequence.
3. ``split_figures``: a run with as many figures as columns is read as is; glued digits are split in every way that
   gives one figure per column with no leading zeros, and cumulative columns (历年累计) must not be below the year's
   — unless the prose contradicts that rule for a row (``cumulative_contradicted``): then it decides nothing.
4. ``resolve_by_arithmetic``: rows still ambiguous are narrowed by the table's own arithmetic (a row's 其中 parts do
   not exceed it and, where some choice makes them add up, they add up) and by figures the report states in its prose
   for the same thing.
5. A row that still has more than one reading is left out with a warning naming its label and readings: never a
   guess.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from .numbers import CELL_UNITS

_COLUMN_WORDS = (r"(?:\d{4}\s*年度?|本年度?|本期|统计数|年末统计数?|年末数|年度统计数?|数量|历年累计|累计数?"
                 r"|上年度?数?|上年同期|同期|合计|备注)")
_HEADER = re.compile(
    r"(?:指\s*标\s*名\s*称|统\s*计\s*指\s*标|指\s*标|项\s*目)\s*(?:计\s*量\s*单\s*位|单\s*位)\s*"
    rf"(?P<cols>(?:{_COLUMN_WORDS}\s*){{1,4}})"
)
_COLUMN = re.compile(_COLUMN_WORDS)
_UNITS = tuple(sorted((u for u in CELL_UNITS if u not in ("%", "％")), key=len, reverse=True)) + ("%", "％")
_UNIT_ALT = "|".join(re.escape(u) for u in _UNITS)
# A label: optional 其中, optional numbering, then text without digits; the unit follows and then a figure or a dash.
_ROW = re.compile(
    r"\s*(?P<label>(?:其\s*中\s*[：:]?\s*)?(?:[（(]?(?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）、.．]\s*)?"
    r"[^\d\s][^\d]{0,60}?)\s*"
    rf"(?P<unit>{_UNIT_ALT})\s*(?=[\d—\-/－–])"
)
_FIGURE_CHARS = re.compile(r"[\d\s,，—\-/－–]|\.(?=\d)")
_DASHES = {"—", "——", "-", "/", "－", "–", "--"}
_NUMBERING_PUNCT = "、.．"
MAX_COMBINATIONS = 20000
MIN_PROSE_RUN = 4  # characters of a row's label the prose must repeat next to a figure ("主动公开" of 主动公开文件数)


@dataclass
class FlatRow:
    label: str
    unit: str
    raw: str  # the figures as written
    readings: list[tuple[str, ...]] = field(default_factory=list)  # possible cell texts, one per value column
    numbering: int | None = None  # the arabic number of the label (1 of "1、网站公开"), for the sequence


@dataclass
class FlatTable:
    start: int  # character offsets of the table within the text
    end: int
    columns: list[str]
    rows: list[FlatRow]
    warnings: list[str] = field(default_factory=list)

    def grid(self) -> list[list[str]]:
        """Header and resolved rows; a row with more than one reading keeps no figures (its cells say so)."""
        grid = [["指标名称", "计量单位", *self.columns]]
        for row in self.rows:
            if len(row.readings) == 1:
                grid.append([row.label, row.unit, *row.readings[0]])
            else:
                grid.append([row.label, row.unit, *(["(不确定)"] * len(self.columns))])
        return grid


def find_header(text: str) -> re.Match[str] | None:
    return _HEADER.search(text)


def _is_cumulative(column: str) -> bool:
    return "累计" in column


def _number_of(label: str) -> int | None:
    m = re.match(r"^(?:其\s*中\s*[：:]?\s*)?(\d{1,2})[、.．]", label)
    return int(m.group(1)) if m else None


def read_rows(text: str, start: int, n_columns: int) -> tuple[list[FlatRow], int]:
    """Rows from ``start`` on, until the text stops looking like label-unit-figures; returns the rows and the end."""
    rows: list[FlatRow] = []
    pos = start
    last_number = 0
    while pos < len(text):
        m = _ROW.match(text, pos)
        if not m:
            break
        label = re.sub(r"\s+", "", m.group("label"))
        run_end = m.end()
        while run_end < len(text) and _FIGURE_CHARS.match(text, run_end):
            run_end += 1
        run = text[m.end():run_end]
        next_pos = run_end
        number = _number_of(label)
        if number is not None:
            last_number = number
        elif not label.startswith("其中"):
            last_number = 0
        # the next label's numbering glued to the figures: "…3460853762、政府公报" → "346085376" and "2、…"
        if run_end < len(text) and text[run_end] in _NUMBERING_PUNCT:
            peeled = peel_row_number(run, last_number)
            if peeled is not None:
                run, numbering_text = peeled
                next_pos = run_end - len(numbering_text)
        rows.append(FlatRow(label=label, unit=m.group("unit"), raw=run.strip(),
                            readings=split_figures(run, n_columns), numbering=number))
        pos = next_pos
    return rows, pos


def peel_row_number(run: str, last_number: int) -> tuple[str, str] | None:
    """Split the next row's number off the end of a figure run: (figures, the run's tail holding the number).

    Spaced runs end with the number as their last token ("350 1280 2"); glued ones with the next number in sequence,
    else a new list's 1 ("3460853762" after row 1 → "346085376", "2"). None when neither fits."""
    stripped = run.rstrip()
    if m := re.search(r"\s(\d{1,2})$", stripped):
        return stripped[: m.start()], run[m.start():]
    for candidate in (str(last_number + 1), "1"):
        if stripped.endswith(candidate):
            return stripped[: -len(candidate)], run[len(stripped) - len(candidate):]
    return None


_VALID_FIGURE = re.compile(r"^(?:0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+)(?:\.\d+)?$|^(?:—+|-|/|－|–)$")
_TOKEN = re.compile(r"—+|-|/|－|–|[\d.,]+")


def split_figures(run: str, n_columns: int) -> list[tuple[str, ...]]:
    """Every reading of a figure run as one cell text per column.

    Spaces separate cells; a dash glued to digits ("—5") is its own cell; a comma is a thousands separator, never a
    cell break ("3,560 12,900"); within glued digits every cut that leaves valid figures (no leading zero, commas
    only as thousands separators, decimals whole) is a reading."""
    tokens = [t for chunk in run.split() for t in _TOKEN.findall(chunk.replace("，", ","))]
    if not tokens:
        return []
    if len(tokens) == n_columns and all(_VALID_FIGURE.match(t) for t in tokens):
        return [tuple(tokens)]
    if len(tokens) > n_columns:
        return []
    return [tuple(parts) for parts in _compositions(tokens, n_columns)]


def _splits(token: str, k: int) -> list[list[str]]:
    """Ways to cut a token into k valid figures; dashes are never cut."""
    if k == 1:
        return [[token]] if _VALID_FIGURE.match(token) else []
    if not re.fullmatch(r"[\d.,]+", token):
        return []
    out: list[list[str]] = []
    for i in range(1, len(token)):
        head = token[:i]
        if not _VALID_FIGURE.match(head):
            continue
        for rest in _splits(token[i:], k - 1):
            out.append([head, *rest])
    return out


def _compositions(tokens: list[str], n: int) -> list[list[str]]:
    """Cut the tokens into exactly n figures in total, each token into one or more figures."""
    if not tokens:
        return [[]] if n == 0 else []
    out: list[list[str]] = []
    first, rest = tokens[0], tokens[1:]
    for k in range(1, n - len(rest) + 1):
        for head in _splits(first, k):
            for tail in _compositions(rest, n - k):
                out.append(head + tail)
    return out


def _value(cell: str) -> Decimal | None:
    try:
        return Decimal(cell.replace(",", "")) if re.fullmatch(r"[\d.,]+", cell) else None
    except InvalidOperation:
        return None


def _respects_cumulative(reading: tuple[str, ...], columns: list[str]) -> bool:
    """A cumulative column (历年累计) is never below the year's figure."""
    year_cols = [i for i, c in enumerate(columns) if not _is_cumulative(c)]
    for i, col in enumerate(columns):
        if not _is_cumulative(col):
            continue
        for j in year_cols:
            a, b = _value(reading[j]), _value(reading[i])
            if a is not None and b is not None and b < a:
                return False
    return True


def cumulative_contradicted(rows: list[FlatRow], columns: list[str],
                            prose_figures: dict[str, list[tuple[int, str]]]) -> FlatRow | None:
    """A row whose only reading the prose backs puts the cumulative column below the year's figure ("主动公开政府信息
    107条" against `主动公开文件数条10774`, read 107 / 74): the report's 历年累计 column does not hold, so it decides
    no split of the table (the row itself is set to that reading). None when the cumulative rule stands."""
    if not prose_figures or not any(_is_cumulative(c) for c in columns):
        return None
    for row in rows:
        backed = [r for r in row.readings if _backed_by_prose(row, r, prose_figures)]
        if len(backed) == 1 and not _respects_cumulative(backed[0], columns):
            row.readings = backed
            return row
    return None


def _groups(rows: list[FlatRow]) -> list[tuple[int, list[int]]]:
    """(parent, parts): a row followed by its 其中 rows and the numbered items continuing them."""
    groups: list[tuple[int, list[int]]] = []
    i = 0
    while i < len(rows):
        if i + 1 < len(rows) and rows[i + 1].label.startswith("其中"):
            parts = [i + 1]
            j = i + 2
            while j < len(rows) and rows[j].numbering is not None and not rows[j].label.startswith("其中"):
                parts.append(j)
                j += 1
            groups.append((i, parts))
            i = j
        else:
            i += 1
    return groups


def _consistent(parent: tuple[str, ...], parts: list[tuple[str, ...]], exact: bool) -> bool:
    for col in range(len(parent)):
        total = _value(parent[col])
        values = [_value(p[col]) for p in parts]
        if total is None or any(v is None for v in values):
            continue
        if any(v > total for v in values if v is not None):
            return False
        if exact and sum(v for v in values if v is not None) != total:
            return False
    return True


def resolve_by_arithmetic(rows: list[FlatRow], prose_figures: dict[str, list[tuple[int, str]]] | None = None) -> None:
    """Narrow ambiguous rows by the table's sums and by the report's prose; changes ``rows`` in place."""
    for row in rows:
        if len(row.readings) > 1 and prose_figures:
            backed = [r for r in row.readings if _backed_by_prose(row, r, prose_figures)]
            if len(backed) == 1:
                row.readings = backed
    changed = True
    while changed:
        changed = False
        for parent, parts in _groups(rows):
            if not rows[parent].readings:
                continue
            complete = all(rows[m].readings for m in parts)
            members = [parent, *(m for m in parts if rows[m].readings)]  # a row without a reading is unknown
            options = [rows[m].readings for m in members]
            if all(len(o) == 1 for o in options):
                continue
            count = 1
            for o in options:
                count *= len(o)
            if count > MAX_COMBINATIONS:
                continue
            combos = [c for c in itertools.product(*options) if _consistent(c[0], list(c[1:]), exact=False)]
            exact = [c for c in combos if complete and _consistent(c[0], list(c[1:]), exact=True)]
            if exact:
                combos = exact
            for k, m in enumerate(members):
                kept = sorted({c[k] for c in combos}, key=rows[m].readings.index)
                if kept and len(kept) < len(rows[m].readings):
                    rows[m].readings = kept
                    changed = True


def _backed_by_prose(row: FlatRow, reading: tuple[str, ...], prose_figures: dict[str, list[tuple[int, str]]]) -> bool:
    """The year's figure of this reading appears in the prose with the same unit, next to words of the label."""
    value = _value(reading[0])
    if value is None:
        return False
    core = re.sub(r"^(?:其中[：:]?)?(?:\d{1,2}[、.．])?", "", row.label)
    for figure, context in prose_figures.get(row.unit, []):
        shared = _shared_run(core, context)
        if figure == value and shared >= MIN_PROSE_RUN and 2 * shared >= len(core):
            return True
    return False


def _shared_run(a: str, b: str) -> int:
    """Length of the longest run of characters the two strings share."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


_PROSE_FIGURE = re.compile(rf"(\d+)\s*(?:多|余)?\s*({_UNIT_ALT})")


def prose_figures_of(text: str) -> dict[str, list[tuple[int, str]]]:
    """Figures the prose states, by unit, each with the words of its clause before it."""
    out: dict[str, list[tuple[int, str]]] = {}
    for m in _PROSE_FIGURE.finditer(text):
        before = text[max(0, m.start() - 30): m.start()]
        clause = re.split(r"[，,、；;：:。！？]", before)[-1]  # the words of the figure's own clause
        out.setdefault(m.group(2), []).append((int(m.group(1)), clause))
    return out


def find_flat_table(text: str, prose: str = "") -> FlatTable | None:
    """The flattened statistics table in ``text``, with its rows resolved as far as the arithmetic allows."""
    header = find_header(text)
    if header is None:
        return None
    columns = [re.sub(r"\s+", "", c) for c in _COLUMN.findall(header.group("cols")) if "备注" not in c]
    if not columns:
        return None
    rows, end = read_rows(text, header.end(), len(columns))
    if len(rows) < 2:
        return None
    figures = prose_figures_of(prose or text[: header.start()])
    contradicted = cumulative_contradicted(rows, columns, figures)
    if contradicted is None:
        for row in rows:
            row.readings = [r for r in row.readings if _respects_cumulative(r, columns)]
    resolve_by_arithmetic(rows, figures)
    table = FlatTable(start=header.start(), end=end, columns=columns, rows=rows)
    if contradicted is not None:
        table.warnings.append(f"统计表「{contradicted.label}」的本年数（正文为 {contradicted.readings[0][0]}）大于"
                              "历年累计数：累计列不可靠，拆分连在一起的数字时不以它为据")
    for row in rows:
        if len(row.readings) > 1:
            shown = "、".join("/".join(r) for r in row.readings[:4])
            table.warnings.append(f"统计表「{row.label}」的数字连在一起（{row.raw}），无法唯一拆分（可能为 {shown}），"
                                  "未记录该行")
        elif not row.readings:
            table.warnings.append(f"统计表「{row.label}」的数字（{row.raw}）与表头的 {len(columns)} 列对不上，"
                                  "未记录该行")
    return table

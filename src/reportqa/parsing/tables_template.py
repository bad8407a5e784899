"""The national template's tables (二、三、四; 2019 and 2021 versions) → table ``Fact``s.

Reports fill in the same three tables, but every file type and agency writes them differently: merged header cells,
the row group 三、本年度办理结果 written vertically one character per line, wrapped or reworded row labels, a table
cut by a page break, or no grid at all (a PDF without ruling lines, plain text). So nothing here relies on positions
alone or on exact wording:
- tables are recognised by their content (header words, row labels), by the section heading above them, or by
  directly continuing a recognised table;
- a row is identified by its most specific label, matched by similarity to the template's labels (from
  ``template_labels.toml``), helped by its group labels and the template's row order; the fact's path is always the
  template's own labels, so facts compare across reports; an unknown row is kept under its own label;
- value columns come from the header when it names them all, else from the trailing figures of the row in the
  template's column order (a row cut off mid-way keeps the figures it has);
- where a region has no table grid, its text lines are read as "label figure figure …" rows.

Cell values: int, or Decimal when written with decimals (never float); a blank, "/", "-", "—", "——" or "无" cell is
None (not reported, distinct from 0) with the raw text kept; commas are removed; a unit written in the cell
("160.5964万元") becomes the fact's unit.
"""

from __future__ import annotations

import functools
import logging
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from difflib import SequenceMatcher
from importlib import resources
from types import MappingProxyType
from typing import Iterable, Literal, Mapping, Sequence

from ..documents import Block, Fact, Number

log = logging.getLogger(__name__)

TableKind = Literal["二", "三", "四"]
TEMPLATE_2021 = "template-2021"
TEMPLATE_2019 = "template-2019"

MATCH_THRESHOLD = 0.6  # least label similarity for a row to count as a template row
_STRONG_MATCH = 0.9


# --------------------------------------------------------------------------------------------------------------------
# the template's labels (data in template_labels.toml)


@dataclass(frozen=True)
class RowTemplate:
    """A row (or a row group) of table 三 in template order."""

    path: tuple[str, ...]
    cores: tuple[str, ...]  # label_core of the label and of its aliases
    ancestor_cores: tuple[str, ...]
    versions: frozenset[str]
    index: int
    is_group: bool = False


@dataclass(frozen=True)
class Table2Item:
    """An item of table 二 (规章, 行政许可, …) with its 第二十条 section and its columns per template version."""
    section: str
    label: str
    cores: tuple[str, ...]
    versions: frozenset[str]
    columns: Mapping[str, tuple[str, ...]]  # template version → the item's columns


@dataclass(frozen=True)
class TemplateLabels:
    """Everything the parser knows about the template, read from template_labels.toml."""
    versions: tuple[str, ...]
    table2_title: str
    table2_header_label: str
    table2_default_unit: str
    table2_units: Mapping[str, str]
    table2_column_aliases: Mapping[str, tuple[str, ...]]
    table2_sections: tuple[str, ...]
    table2_items: tuple[Table2Item, ...]
    table3_title: str
    table3_unit: str
    table3_columns: tuple[str, ...]
    table3_super_headers: tuple[str, ...]
    table3_column_groups: tuple[str, ...]
    table3_column_aliases: Mapping[str, tuple[str, ...]]
    table3_rows: tuple[RowTemplate, ...]  # leaf rows and group nodes, in template order
    table4_title: str
    table4_unit: str
    table4_columns: tuple[str, ...]
    table4_groups: tuple[tuple[str, ...], ...]
    table4_column_aliases: Mapping[str, tuple[str, ...]]

    def table2_columns(self) -> set[str]:
        return {c for item in self.table2_items for cols in item.columns.values() for c in cols}

    def table3_candidates(self, version: str | None) -> list[RowTemplate]:
        """Rows of one version (all when None); a row that is a group in this version but a leaf in the other
        (2019's （六）其他处理) stays, so a subtotal row written for it still finds its place."""
        if version is None:
            return list(self.table3_rows)
        prefixes = {r.path[:d] for r in self.table3_rows if version in r.versions for d in range(1, len(r.path))}
        return [r for r in self.table3_rows if version in r.versions or r.path in prefixes]

    def version_markers(self) -> dict[str, set[str]]:
        """Label cores that only one template version has (column names, row labels), for telling versions apart."""
        per_version: dict[str, set[str]] = {v: set() for v in self.versions}
        for item in self.table2_items:
            for version, cols in item.columns.items():
                per_version[version].update(label_core(c) for c in cols)
            for version in item.versions:
                per_version[version].update(item.cores)
        for row in self.table3_rows:
            if not row.is_group:
                for version in row.versions:
                    per_version[version].update(row.cores)
        every_core: dict[str, set[str]] = {v: set(c) for v, c in per_version.items()}
        for row in self.table3_rows:
            for version in row.versions:
                every_core[version].update(row.ancestor_cores)
        markers = {}
        for version, cores in per_version.items():
            others = set().union(*(c for v, c in every_core.items() if v != version))
            markers[version] = {c for c in cores if c not in others and len(c) >= 4}
        return markers


def _frozen_aliases(data: Mapping[str, Sequence[str]]) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({k: tuple(v) for k, v in data.items()})


@functools.lru_cache(maxsize=1)
def load_template_labels() -> TemplateLabels:
    """The template's labels from ``template_labels.toml`` (read once; immutable)."""
    text = resources.files(__package__).joinpath("template_labels.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    versions = tuple(data["versions"])
    t2, t3, t4 = data["table2"], data["table3"], data["table4"]

    items = []
    for section in t2["sections"]:
        section_versions = frozenset(section.get("versions", versions))
        for item in section["items"]:
            names = [item["label"], *item.get("aliases", [])]
            items.append(Table2Item(
                section=section["name"], label=item["label"], cores=tuple(label_core(n) for n in names),
                versions=frozenset(item.get("versions", section_versions)),
                columns=MappingProxyType({v: tuple(c) for v, c in section["columns"].items()}),
            ))

    rows: list[RowTemplate] = []
    seen_groups: set[tuple[str, ...]] = set()
    leaf_paths = {tuple(r["path"]) for r in t3["rows"]}
    for entry in t3["rows"]:
        path = tuple(entry["path"])
        row_versions = frozenset(entry.get("versions", versions))
        for depth in range(1, len(path)):
            group = path[:depth]
            if group not in seen_groups and group not in leaf_paths:
                seen_groups.add(group)
                rows.append(RowTemplate(
                    path=group, cores=(label_core(group[-1]),), ancestor_cores=tuple(label_core(g) for g in group[:-1]),
                    versions=frozenset(versions), index=len(rows), is_group=True,
                ))
        names = [path[-1], *entry.get("aliases", [])]
        rows.append(RowTemplate(
            path=path, cores=tuple(label_core(n) for n in names),
            ancestor_cores=tuple(label_core(g) for g in path[:-1]),
            versions=row_versions, index=len(rows),
        ))

    return TemplateLabels(
        versions=versions,
        table2_title=t2["title"], table2_header_label=t2["header_label"], table2_default_unit=t2["default_unit"],
        table2_units=MappingProxyType(dict(t2.get("units", {}))),
        table2_column_aliases=_frozen_aliases(t2.get("column_aliases", {})),
        table2_sections=tuple(s["name"] for s in t2["sections"]), table2_items=tuple(items),
        table3_title=t3["title"], table3_unit=t3["unit"], table3_columns=tuple(t3["columns"]),
        table3_super_headers=tuple(t3.get("super_headers", [])),
        table3_column_groups=tuple(t3.get("column_groups", {})),
        table3_column_aliases=_frozen_aliases(t3.get("column_aliases", {})), table3_rows=tuple(rows),
        table4_title=t4["title"], table4_unit=t4["unit"], table4_columns=tuple(t4["columns"]),
        table4_groups=tuple(tuple(g) for g in t4["groups"]),
        table4_column_aliases=_frozen_aliases(t4.get("column_aliases", {})),
    )


# --------------------------------------------------------------------------------------------------------------------
# text normalisation and similarity

_LEADING_NUMBER = re.compile(
    r"^(?:\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}[、.]|\(\d{1,2}\)|\d{1,2}(?:[、.)]|\.)(?!\d))"
)
_INNER_NUMBER = re.compile(r"(?<=[^\d(])(?=\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,2}、|\d{1,2}[、.](?=\D))")
_PARENTHETICAL = re.compile(r"\([^()]*(?:\)|$)")
_SECTION20 = re.compile(r"第二十条第\(?([一二三四五六七八九十]{1,3})\)?项")
_UNIT_IN_HEADER = re.compile(r"单位[:：]\s*([^)）\s]+)")


def normalize_text(text: str) -> str:
    """NFKC (full-width forms and punctuation to ASCII) with all whitespace removed: "商业 企业" == "商业\\n企业"."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


def label_core(text: str) -> str:
    """What a label says, for comparison: no leading numbering ("（三）", "1．", "1、"), no explanatory parenthetical,
    no punctuation."""
    s = _LEADING_NUMBER.sub("", normalize_text(text), count=1)
    previous = None
    while previous != s:
        previous, s = s, _PARENTHETICAL.sub("", s)
    return "".join(ch for ch in s if ch.isalnum())


def split_numbered_parts(text: str) -> list[str]:
    """Split "（三）不予公开1.属于国家秘密" (a parent label written before its first child) into its labels."""
    s = normalize_text(text)
    return [part for part in _INNER_NUMBER.split(s) if part] if s else []


def label_similarity(template_core: str, text_core: str) -> float:
    """How well a row's text matches a template label: mostly how much of the template label it contains (in order),
    partly how little else it contains. Only runs of two or more characters count (a lone shared character is
    chance in Chinese), and a short template label ("其他", "予以公开") must make up at least half of the text."""
    if not template_core or not text_core:
        return 0.0
    if template_core == text_core:
        return 1.0
    least_run = 1 if len(template_core) <= 2 else 2
    matcher = SequenceMatcher(None, template_core, text_core, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks() if block.size >= least_run)
    coverage, precision = matched / len(template_core), matched / len(text_core)
    score = 0.75 * coverage + 0.25 * precision
    if len(template_core) <= 4 and precision < 0.5:
        score = min(score, 0.5)
    return score


# --------------------------------------------------------------------------------------------------------------------
# cell values

_NUMBER = re.compile(r"^(?P<sign>[-+]?)(?P<num>\d+(?:,\d{3})*(?:\.\d+)?|\d*\.\d+|\d+)(?P<unit>万元|元|件|个|条|次|人次|人|项|%)?$")
_NOT_REPORTED = re.compile(r"^(?:[-—–―─/\\]+|无|空)?$")


@dataclass(frozen=True)
class CellValue:
    value: Number | None
    unit: str | None  # a unit written inside the cell


def parse_cell_value(raw: str) -> CellValue | None:
    """A value cell's figure; None when the text is not a figure at all (a label, a header)."""
    s = normalize_text(raw).replace("，", ",")
    if _NOT_REPORTED.match(s):
        return CellValue(None, None)
    match = _NUMBER.match(s)
    if not match:
        return None
    number = match.group("num").replace(",", "")
    value: Number = Decimal(number) if "." in number else int(number)
    if match.group("sign") == "-":
        value = -value
    return CellValue(value, match.group("unit"))


def is_value_cell(raw: str) -> bool:
    """A figure or a not-reported mark, as opposed to a label."""
    return parse_cell_value(raw) is not None


def _has_figure(raw: str) -> bool:
    """A cell with an actual number (a not-reported mark is a value cell without a figure)."""
    parsed = parse_cell_value(raw)
    return parsed is not None and parsed.value is not None


def _explode_trailing_figures(cells: Sequence[str]) -> list[str]:
    """Split figures off the end of a cell when text extraction glued them to the label ("…其政府信息 15")."""
    out: list[str] = []
    for cell in cells:
        tokens = cell.split()
        end = len(tokens)
        while end > 1 and _has_figure(tokens[end - 1]):
            end -= 1
        if 0 < end < len(tokens) and not is_value_cell(cell):
            out.append(" ".join(tokens[:end]))
            out.extend(tokens[end:])
        else:
            out.append(cell)
    return out


def _split_label_values(cells: Sequence[str], max_values: int) -> tuple[list[str], list[str]]:
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


def _label_fragments(cells: Iterable[str]) -> list[str]:
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


def _fact(table: str, path: tuple[str, ...], column: str, raw: str, unit: str) -> Fact | None:
    """A table fact from a raw cell; None (logged) when the cell holds no figure, such as a misplaced label."""
    parsed = parse_cell_value(raw)
    if parsed is None:
        log.debug("%s %s %s: %r is not a figure; skipped", table, path, column, raw)
        return None
    return Fact(path=path, column=column, value=parsed.value, unit=parsed.unit or unit, raw=raw.strip(), kind="table",
                table=table)


@dataclass
class _FactSink:
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


# --------------------------------------------------------------------------------------------------------------------
# which table is which


def _column_name(text: str, names: Sequence[str], aliases: Mapping[str, Sequence[str]]) -> str | None:
    core = label_core(text)
    if not core:
        return None
    for name in names:
        if core == label_core(name):
            return name
    for name, alternatives in aliases.items():
        if name in names and core in {label_core(a) for a in alternatives}:
            return name
    return None


def _row_cores(rows: Sequence[Sequence[str]]) -> set[str]:
    return {label_core(cell) for row in rows for cell in row} - {""}


def classify_table(rows: Sequence[Sequence[str]], labels: TemplateLabels | None = None) -> TableKind | None:
    """Which template table a grid is, from its own words; None when it does not say (a headerless continuation, or
    not a template table at all, such as the pre-2019 统计指标 table)."""
    labels = labels or load_template_labels()
    text = "".join(normalize_text(cell) for row in rows for cell in row)
    cores = _row_cores(rows)
    table4_markers = {label_core(c) for c in labels.table4_columns if label_core(c) != "总计"}
    table4_markers |= {label_core(g[-1]) for g in labels.table4_groups if len(g) > 1}
    if cores & table4_markers:
        return "四"
    if {label_core(g[0]) for g in labels.table4_groups} <= cores:  # 行政复议 and 行政诉讼 as header cells
        return "四"
    table3_markers = {label_core(c) for c in (*labels.table3_super_headers, labels.table3_columns[0])}
    if cores & table3_markers or _strong_table3_rows(rows, labels) >= 2:
        return "三"
    if _SECTION20.search(text) or label_core(labels.table2_header_label) in cores:
        return "二"
    return None


def _strong_table3_rows(rows: Sequence[Sequence[str]], labels: TemplateLabels) -> int:
    """Rows whose label is near-exactly a table 三 row label and which carry figures: evidence of table 三."""
    count = 0
    candidates = [r for r in labels.table3_rows if not r.is_group]
    for row in rows:
        label_cells, values = _split_label_values(row, len(labels.table3_columns))
        cores = [label_core(f) for f in _label_fragments(label_cells)]
        if len(values) >= 3 and cores and cores[-1]:
            if max(label_similarity(c, cores[-1]) for cand in candidates for c in cand.cores) >= _STRONG_MATCH:
                count += 1
    return count


_REGION_HEADINGS: dict[TableKind, re.Pattern[str]] = {
    "二": re.compile(r"^二[、.]?主动公开"),
    "三": re.compile(r"^三[、.]?(收到和处理|依申请)"),
    "四": re.compile(r"^四[、.]?.{0,8}行政复议"),
}
_TOP_HEADING = re.compile(r"^[一二三四五六七八九十]{1,2}[、.]")


def _heading_region(text: str, labels: TemplateLabels) -> tuple[bool, TableKind | None]:
    """(is a top-level heading, the template region it opens)."""
    normal = normalize_text(text)
    if len(normal) > 40 or not _TOP_HEADING.match(normal):
        return False, None
    for kind, pattern in _REGION_HEADINGS.items():
        if pattern.match(normal):
            return True, kind
    tokens = text.split()
    if tokens and is_value_cell(tokens[-1]) or len(label_core(normal)) < 4:
        return False, None  # a row of a table written as text ("四、结转下年度继续办理 103 …", a vertical "三、")
    core = label_core(normal)
    if any(label_similarity(c, core) >= MATCH_THRESHOLD for row in labels.table3_rows for c in row.cores):
        return False, None
    return True, None


@dataclass
class _Segment:
    """Rows in a template region: a table grid, or text lines split into cells (``from_text``)."""

    rows: list[list[str]]
    from_text: bool = False


@dataclass
class _Regions:
    """Per template table: its grids, the text lines of its region, and both in document order."""

    tables: dict[str, list[list[list[str]]]] = field(default_factory=lambda: {"二": [], "三": [], "四": []})
    lines: dict[str, list[str]] = field(default_factory=lambda: {"二": [], "三": [], "四": []})
    sequence: dict[str, list[_Segment]] = field(default_factory=lambda: {"二": [], "三": [], "四": []})


def _assign_table(rows: list[list[str]], labels: TemplateLabels, region: TableKind | None,
                  previous: TableKind | None, region_started: bool) -> TableKind | None:
    """The table's kind by its own words; else the kind of the table it continues, or of its region's heading when
    its rows fit that table; else, inside a region whose table has begun, a piece of that table (a table drawn
    without rules comes out of a PDF in pieces, some without a single label)."""
    kind = classify_table(rows, labels)
    if kind is not None:
        return kind
    for fallback in (previous, region):
        if fallback is not None and _fits(rows, fallback, labels):
            return fallback
    return region if region_started else None


def _fits(rows: list[list[str]], kind: TableKind, labels: TemplateLabels) -> bool:
    """Positive evidence that a table without its own header words continues the given template table."""
    if kind == "三":
        return _strong_table3_rows(rows, labels) >= 1
    if kind == "四":
        group_size, all_values = len(labels.table4_columns), len(labels.table4_columns) * len(labels.table4_groups)
        return any(len(_split_label_values(r, all_values)[1]) >= group_size and any(_has_figure(c) for c in r)
                   for r in rows)
    return any(_table2_item(_label_fragments(_split_label_values(r, len(r))[0]), labels) is not None for r in rows)


def _collect_regions(blocks: Sequence[Block], labels: TemplateLabels) -> _Regions:
    """Sort tables and text lines into the template regions 二、三、四 (by content, continuation or heading)."""
    regions = _Regions()
    region: TableKind | None = None
    previous_table: TableKind | None = None
    for block in blocks:
        if block.kind == "table":
            started = region is not None and bool(regions.tables[region])
            kind = _assign_table(block.rows, labels, region, previous_table, started)
            if kind is not None:
                regions.tables[kind].append(block.rows)
                regions.sequence[kind].append(_Segment(block.rows))
            previous_table = kind
            continue
        previous_table = None
        is_heading, opened = _heading_region(block.text, labels)
        if is_heading:
            region = opened
        elif region is not None:
            lines = [line for line in block.text.split("\n") if line.strip()]
            regions.lines[region].extend(lines)
            regions.sequence[region].append(_Segment(_text_rows(lines), from_text=True))
    return regions


def _text_rows(lines: Sequence[str]) -> list[list[str]]:
    """Text lines as rows of whitespace-separated cells ("规章 1 0 11"); wide gaps in PDF text already split labels
    from figures."""
    return [tokens for tokens in (line.split() for line in lines) if tokens]


# --------------------------------------------------------------------------------------------------------------------
# version


def _detect_version(regions: _Regions, labels: TemplateLabels) -> str | None:
    """template-2019 or template-2021 from the words only one version uses; None when neither shows."""
    markers = labels.version_markers()
    strings: set[str] = set()
    long_texts: list[str] = []
    for kind in ("二", "三"):
        for rows in regions.tables[kind]:
            for row in rows:
                for cell in row:
                    strings.update(label_core(p) for p in split_numbered_parts(cell))
                    long_texts.append(label_core(cell))
        for line in regions.lines[kind]:
            strings.update(label_core(t) for t in line.split())
            long_texts.append(label_core(line))
    counts = {}
    for version, cores in markers.items():
        counts[version] = sum(1 for c in cores if c in strings or (len(c) >= 8 and any(c in t for t in long_texts)))
    best = max(counts, key=lambda v: counts[v])
    if counts[best] == 0 or list(counts.values()).count(counts[best]) > 1:
        return None
    return best


# --------------------------------------------------------------------------------------------------------------------
# table 二


def _table2_item(fragments: Sequence[str], labels: TemplateLabels) -> Table2Item | None:
    """The table 二 item a row's label names (items are short and distinct, so the bar is high)."""
    best, best_score = None, 0.0
    for fragment in fragments:
        core = label_core(fragment)
        for item in labels.table2_items:
            score = max(label_similarity(c, core) for c in item.cores)
            if score > best_score:
                best, best_score = item, score
    return best if best_score >= 0.8 else None


def _canonical_section(text: str, labels: TemplateLabels) -> str | None:
    """"第二十条 第（一）项" in any spacing or bracket style → the template's spelling."""
    match = _SECTION20.search(normalize_text(text))
    if not match:
        return None
    for name in labels.table2_sections:
        if _SECTION20.search(normalize_text(name)).group(1) == match.group(1):  # type: ignore[union-attr]
            return name
    return f"第二十条第（{match.group(1)}）项"


@dataclass
class _Table2Header:
    width: int
    columns: list[tuple[int, str, str | None]]  # (position, column name, unit named in the header)


def _table2_header(row: Sequence[str], labels: TemplateLabels) -> _Table2Header | None:
    """A 信息内容 row naming the columns of the rows below it; merged header cells give one column."""
    if any(_has_figure(c) for c in row):
        return None
    known = sorted(labels.table2_columns())
    names = [_column_name(c, known, labels.table2_column_aliases) for c in row]
    header_core = label_core(labels.table2_header_label)
    if not any(names) and not any(label_core(c) == header_core for c in row):
        return None
    columns: list[tuple[int, str, str | None]] = []
    previous = None
    for position, (cell, name) in enumerate(zip(row, names)):
        text = normalize_text(cell)
        if not text or text == previous or (name is None and label_core(text) == header_core):
            previous = text
            continue
        previous = text
        unit = _UNIT_IN_HEADER.search(text)
        columns.append((position, name or _clean_label(text), unit.group(1) if unit else None))
    return _Table2Header(width=len(row), columns=columns) if columns else None


def _clean_label(text: str) -> str:
    """A label as written, tidied for use as a path element: whitespace and explanatory parentheticals dropped."""
    s = normalize_text(text)
    s = re.sub(r"\((?![一二三四五六七八九十\d]{1,3}\))[^()]*(?:\)|$)", "", s)
    s = s.replace("(", "（").replace(")", "）")
    return s or normalize_text(text)


def _parse_table2(rows: Sequence[Sequence[str]], version: str | None, labels: TemplateLabels, sink: _FactSink) -> None:
    """Facts of table 二: 第二十条 section rows, 信息内容 header rows naming the columns, item rows with figures."""
    section: str | None = None
    header: _Table2Header | None = None
    for row in rows:
        row = [c or "" for c in row]
        figures = any(_has_figure(c) for c in row)
        sections = [_canonical_section(c, labels) for c in row]
        if any(sections):
            section, header = next(s for s in sections if s), None  # each section brings its own header
            row = ["" if s else c for c, s in zip(row, sections)]
        elif not figures and (joined := _canonical_section("".join(row), labels)):
            section, header = joined, None
            continue
        if not any(c.strip() for c in row):
            continue
        new_header = _table2_header(row, labels)
        if new_header is not None:
            header = new_header
            continue
        label_cells, value_cells = _split_label_values(row, len(row))
        fragments = _label_fragments(label_cells)
        if not fragments:
            continue
        item = _table2_item(fragments, labels)
        if item is None and not figures:
            continue
        if item is None:
            path = (section or "", _clean_label(fragments[-1]))
            log.info("table 二: unknown row %r kept as %s", fragments[-1], path)
        else:
            path = (item.section, item.label)
        for column, raw, header_unit in _table2_cells(row, value_cells, header, item, version):
            unit = header_unit or labels.table2_units.get(column, labels.table2_default_unit)
            sink.add(_fact(labels.table2_title, path, column, raw, unit))


def _table2_cells(row: Sequence[str], value_cells: Sequence[str], header: _Table2Header | None,
                  item: Table2Item | None, version: str | None) -> list[tuple[str, str, str | None]]:
    """(column, raw cell, unit named in the header) for a data row of table 二."""
    if header is not None and header.width == len(row):
        return [(name, row[p], unit) for p, name, unit in header.columns if is_value_cell(row[p])]
    if header is not None:
        names = [(name, unit) for _, name, unit in header.columns]
    elif item is not None:
        names = [(c, None) for c in item.columns.get(version or TEMPLATE_2021, item.columns.get(TEMPLATE_2021, ()))]
    else:
        return []
    return [(name, raw, unit) for (name, unit), raw in zip(names, value_cells)]


# --------------------------------------------------------------------------------------------------------------------
# table 三


@dataclass
class _RowMatcher:
    """Matches row labels to template rows, preferring rows not used yet and rows after the last one matched."""

    candidates: list[RowTemplate]
    used: set[int] = field(default_factory=set)
    last_index: int = -1
    last_path: tuple[str, ...] = ()

    def is_strong(self, fragments: Sequence[str]) -> bool:
        """Whether the fragments name a template row outright (without updating the matcher)."""
        cores = [c for c in (label_core(f) for f in fragments) if c]
        return bool(cores) and any(self._similarity(c, cores[-1:]) >= _STRONG_MATCH for c in self.candidates)

    def match(self, fragments: Sequence[str]) -> RowTemplate | None:
        cores = [c for c in (label_core(f) for f in fragments) if c]
        if not cores:
            return None
        best, best_total = None, 0.0
        for candidate in self.candidates:
            similarity = self._similarity(candidate, cores)
            if similarity < (_STRONG_MATCH if candidate.is_group or candidate.index in self.used else MATCH_THRESHOLD):
                continue  # a group label, or a row already seen, only counts when the row says just that
            total = similarity + self._bonus(candidate, cores)
            if total > best_total:
                best, best_total = candidate, total
        if best is not None:
            self.used.add(best.index)
            self.last_index = best.index
            self.last_path = best.path
        return best

    @staticmethod
    def _similarity(candidate: RowTemplate, cores: Sequence[str]) -> float:
        best = 0.0
        for k in range(1, min(len(cores), 4) + 1):
            text = "".join(cores[-k:])
            score = max(label_similarity(c, text) for c in candidate.cores) - 0.02 * (k - 1)
            best = max(best, score)
        return best - (0.05 if candidate.is_group else 0.0)

    def _bonus(self, candidate: RowTemplate, cores: Sequence[str]) -> float:
        bonus = 0.0
        context = cores[:-1]
        if context and candidate.ancestor_cores and any(
            label_similarity(a, c) >= 0.8 for a in candidate.ancestor_cores[-1:] for c in context
        ):
            bonus += 0.1
        if candidate.index > self.last_index:
            bonus += 0.03
        if candidate.index in self.used:
            bonus -= 0.3
        return bonus


@dataclass
class _ColumnHeader:
    width: int
    positions: dict[str, int]  # column → grid position, in left-to-right order

    def ordered(self) -> list[tuple[str, int]]:
        return sorted(self.positions.items(), key=lambda item: item[1])


def _is_table3_header(row: Sequence[str], labels: TemplateLabels) -> bool:
    """A header row: no figures, and two column names or a header over columns (申请人情况, 法人或其他组织)."""
    if any(_has_figure(c) for c in row):
        return False
    names = {_column_name(c, labels.table3_columns, labels.table3_column_aliases) for c in row} - {None}
    supers = {label_core(c) for c in row} & {label_core(s) for s in labels.table3_super_headers}
    return len(names) >= 2 or bool(supers)


def _columns_from_header(header_rows: Sequence[Sequence[str]], labels: TemplateLabels) -> _ColumnHeader | None:
    """Grid position of each value column the header names (the lowest header row naming a position wins); a column
    group written as one column (法人或其他组织 with nothing below it) keeps the group's name. Only a grid's header
    says where columns are: header rows of different lengths (text written one cell per line) say nothing."""
    width = max(len(r) for r in header_rows)
    if any(len(r) != width for r in header_rows):
        return None
    names = (*labels.table3_columns, *labels.table3_column_groups)
    by_position: dict[int, str] = {}
    for row in header_rows:
        for position, cell in enumerate(row):
            name = _column_name(cell, names, labels.table3_column_aliases)
            if name:
                by_position[position] = name
    positions: dict[str, int] = {}
    for position in sorted(by_position):
        positions.setdefault(by_position[position], position)
    if len(positions) < 2:
        return None
    return _ColumnHeader(width=width, positions=positions)


def _unknown_row_path(label: str, last_path: tuple[str, ...]) -> tuple[str, ...]:
    """Where a row that matches no template label goes: by its own numbering, else beside the last known row."""
    normal = normalize_text(label)
    if _TOP_HEADING.match(normal):
        return (label,)
    if re.match(r"^\([一二三四五六七八九十]{1,3}\)", normal) and len(last_path) >= 2:
        return (last_path[0], label)
    return (*last_path[:-1], label)


def _parse_table3(segments: Sequence[_Segment], version: str | None, labels: TemplateLabels, sink: _FactSink) -> int:
    """Facts of table 三 from its grids and the text lines around them (a PDF table without rules often leaves
    wrapped labels as text and figures as a row of their own); returns how many rows matched the template."""
    matcher = _RowMatcher(labels.table3_candidates(version))
    columns = labels.table3_columns
    header: _ColumnHeader | None = None
    pending: list[str] = []
    matched = 0
    for segment in segments:
        rows, text_mode = segment.rows, segment.from_text
        start = 0
        while not text_mode and start < len(rows) and _is_table3_header(rows[start], labels):
            start += 1
        if start:
            header = _columns_from_header(rows[:start], labels) or header
        for row in rows[start:]:
            label_cells, cells = _table3_cells(row, None if text_mode else header, columns)
            value_cells = [raw for _, raw in cells]
            fragments = _label_fragments(label_cells)
            figures = sum(1 for c in value_cells if _has_figure(c))
            # in text, a cut-off row needs a label of its own, and a row of bare figures (its label wrapped around
            # it) a full row of them: "- 5 -" at a page foot is neither
            short = len(value_cells) < 3 and not matcher.is_strong(fragments)
            bare = not fragments and len(value_cells) < 5
            if text_mode and (short or bare or figures == 0 and not fragments) or not value_cells:
                pending = (pending + fragments)[-6:]
                continue
            candidate = matcher.match(pending + fragments)
            if candidate is None and figures == 0:
                pending = (pending + fragments)[-6:]
                continue
            pending = []
            if candidate is not None:
                path = candidate.path
                matched += 1
            elif fragments:
                path = _unknown_row_path(_clean_label(fragments[-1]), matcher.last_path)
                log.info("table 三: unknown row %r kept as %s", fragments[-1], path)
            else:
                continue
            for column, raw in cells:
                sink.add(_fact(labels.table3_title, path, column, raw, labels.table3_unit))
    return matched


def _table3_cells(row: Sequence[str], header: _ColumnHeader | None,
                  columns: Sequence[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Label cells, and (column, raw cell) for the row's figures: by header position when the row lines up with the
    header, else its trailing figures in the header's (or the template's) column order, fewer when cut off."""
    if header is not None and header.width == len(row):
        ordered = header.ordered()
        if all(is_value_cell(row[p]) for _, p in ordered):
            return list(row[: ordered[0][1]]), [(column, row[p]) for column, p in ordered]
    complete = header is not None and set(header.positions) >= set(columns)
    names = [column for column, _ in header.ordered()] if complete else list(columns)
    label_cells, value_cells = _split_label_values(row, len(names))
    return label_cells, list(zip(names, value_cells))


# --------------------------------------------------------------------------------------------------------------------
# table 四


@dataclass
class _Table4Header:
    width: int
    positions: list[tuple[int, tuple[str, ...], str]]  # (grid position, group path, column)


def _is_table4_header(row: Sequence[str], labels: TemplateLabels) -> bool:
    if any(_has_figure(c) for c in row):
        return False
    names = {_column_name(c, labels.table4_columns, labels.table4_column_aliases) for c in row} - {None}
    groups = {label_core(c) for c in row} & {label_core(p) for g in labels.table4_groups for p in g}
    return bool(names or groups)


def _table4_group(text: str, labels: TemplateLabels) -> tuple[str, ...] | None:
    core = label_core(text)
    for group in labels.table4_groups:
        if core == label_core(group[-1]) or core == label_core("".join(group)):
            return group
    return None


def _table4_header(header_rows: Sequence[Sequence[str]], labels: TemplateLabels) -> _Table4Header | None:
    """The three-level header (行政复议 / 行政诉讼 › 未经复议直接起诉, 复议后起诉 / 结果维持 …) as (position, group,
    column) for all fifteen figures; None when it does not name them all."""
    width = max(len(r) for r in header_rows)
    positions = []
    for position in range(width):
        group, column = None, None
        for row in header_rows:
            if position < len(row):
                group = _table4_group(row[position], labels) or group
                column = _column_name(row[position], labels.table4_columns, labels.table4_column_aliases) or column
        if group and column:
            positions.append((position, group, column))
    pairs = {(g, c) for _, g, c in positions}
    if len(pairs) != len(labels.table4_groups) * len(labels.table4_columns):
        return None
    first: dict[tuple, int] = {}
    for position, group, column in positions:
        first.setdefault((group, column), position)
    return _Table4Header(width=width, positions=[(p, g, c) for (g, c), p in sorted(first.items(), key=lambda x: x[1])])


def _parse_table4(tables: Sequence[Sequence[Sequence[str]]], labels: TemplateLabels, sink: _FactSink,
                  text_mode: bool = False) -> None:
    """Facts of table 四: by header position when the header names a group and a column over every figure, else by
    row label or, for a bare row of figures, left to right over the three groups."""
    title, unit = labels.table4_title, labels.table4_unit
    columns, groups = labels.table4_columns, labels.table4_groups
    all_values = len(columns) * len(groups)
    header: _Table4Header | None = None
    for rows in tables:
        start = 0
        while start < len(rows) and _is_table4_header(rows[start], labels):
            start += 1
        if start:
            header = _table4_header(rows[:start], labels) or header
        for row in rows[start:]:
            if not any(_has_figure(c) for c in row) and (text_mode or not any(c.strip() for c in row)):
                continue
            if (header is not None and header.width == len(row)
                    and all(is_value_cell(row[p]) for p, _, _ in header.positions)):
                for position, group, column in header.positions:
                    sink.add(_fact(title, group, column, row[position], unit))
                continue
            label_cells, value_cells = _split_label_values(row, all_values)
            for group, column, raw in _table4_assign(label_cells, value_cells, labels):
                sink.add(_fact(title, group, column, raw, unit))


def _table4_assign(label_cells: Sequence[str], value_cells: Sequence[str],
                   labels: TemplateLabels) -> list[tuple[tuple[str, ...], str, str]]:
    """Values of a row without a usable header: a labelled row holds its group's five columns (or, labelled 行政诉讼,
    both lawsuit groups); an unlabelled row holds all groups left to right."""
    columns, groups = labels.table4_columns, labels.table4_groups
    label = "".join(label_core(c) for c in label_cells)
    chosen = list(groups)
    if label:
        matches = [g for g in groups if label_core(g[-1]) and label_core(g[-1]) in label]
        if not matches:
            matches = [g for g in groups if label_core(g[0]) in label]
        if matches:
            chosen = matches
    slots = [(g, c) for g in chosen for c in columns]
    if len(value_cells) > len(slots):
        value_cells = value_cells[-len(slots):]
    return [(g, c, raw) for (g, c), raw in zip(slots, value_cells)]


# --------------------------------------------------------------------------------------------------------------------
# entry point


def parse_template_tables(blocks: list[Block]) -> tuple[list[Fact], str | None]:
    """Facts of the national template's tables 二、三、四 and the template version ("template-2021",
    "template-2019"), or ([], None) when the blocks hold no template table."""
    labels = load_template_labels()
    regions = _collect_regions(blocks, labels)
    version = _detect_version(regions, labels)
    sink = _FactSink()

    if regions.tables["二"]:
        rows = [row for segment in regions.sequence["二"] for row in segment.rows
                if not segment.from_text or not any(_has_figure(c) for c in row)]
        _parse_table2(rows, version, labels, sink)
    elif _text_region_is_table2(regions.lines["二"], labels):
        _parse_table2(_text_rows(regions.lines["二"]), version, labels, sink)

    if regions.tables["三"]:
        _parse_table3(regions.sequence["三"], version, labels, sink)
    elif regions.lines["三"]:
        text_sink = _FactSink()
        matched = _parse_table3([_Segment(_text_rows(regions.lines["三"]), from_text=True)], version, labels, text_sink)
        region_text = "".join(normalize_text(l) for l in regions.lines["三"])
        if matched >= 3 or label_core(labels.table3_columns[0]) in region_text:
            for fact in text_sink.facts:
                sink.add(fact)

    if regions.tables["四"]:
        _parse_table4([s.rows for s in regions.sequence["四"] if not s.from_text], labels, sink)
    elif _text_region_is_table4(regions.lines["四"], labels):
        _parse_table4([_text_rows(regions.lines["四"])], labels, sink, text_mode=True)

    if not sink.facts:
        return [], None
    if version is None:
        version = _version_from_rows(sink.facts, labels)
    log.debug("template tables: %d facts, %s", len(sink.facts), version)
    return sink.facts, version


def _text_region_is_table2(lines: Sequence[str], labels: TemplateLabels) -> bool:
    """The region under the 二 heading holds the table when it has a 第二十条 line or a 信息内容 header line."""
    header = normalize_text(labels.table2_header_label)
    return any(_SECTION20.search(normalize_text(l)) or normalize_text(l).startswith(header) for l in lines)


def _text_region_is_table4(lines: Sequence[str], labels: TemplateLabels) -> bool:
    """The region under the 四 heading holds the table when a line carries a group's worth of figures (the header
    words are often broken over several lines, "结果 / 维持")."""
    return any(sum(1 for t in line.split() if _has_figure(t)) >= len(labels.table4_columns) for line in lines)


def _version_from_rows(facts: Sequence[Fact], labels: TemplateLabels) -> str:
    """Without marker words: a 2019 table has （六）其他处理 as a row of figures, a 2021 table has sub-rows there."""
    leaf_2019 = {r.path for r in labels.table3_rows if not r.is_group and r.versions == frozenset({TEMPLATE_2019})}
    paths = {f.path for f in facts}
    if paths & leaf_2019 and not any(len(p) == 3 and p[:2] in {q[:2] for q in leaf_2019} for p in paths):
        return TEMPLATE_2019
    return TEMPLATE_2021


__all__ = [
    "parse_template_tables", "classify_table", "parse_cell_value", "is_value_cell", "CellValue", "label_core",
    "normalize_text", "split_numbered_parts", "label_similarity", "load_template_labels", "TemplateLabels",
    "MATCH_THRESHOLD",
]

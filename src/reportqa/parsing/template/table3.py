"""Table 三 (收到和处理政府信息公开申请情况): a row is identified by its most specific label, matched by similarity to
the template's labels, helped by its group labels and the template's row order; an unknown row is kept under its own
label. Value columns come from the header when it names them all, else from the row's trailing figures in the
template's order."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .cells import FactSink, has_figure, is_value_cell, label_fragments, split_label_values, table_fact
from .labels import (
    MATCH_THRESHOLD,
    STRONG_MATCH,
    TOP_HEADING,
    RowTemplate,
    TemplateLabels,
    clean_label,
    column_name,
    label_core,
    label_similarity,
    normalize_text,
)
from .text_lines import Segment

log = logging.getLogger(__name__)


def join_open_parentheses(fragments: Sequence[str]) -> list[str]:
    """A label wrapped inside its parenthesis ("（二）部分公开（区分处理的，只计这一情" / "形，不计其他情形）") is one
    label: a fragment whose parenthesis is still open is joined with the next."""
    out: list[str] = []
    for fragment in fragments:
        if out and _open_parentheses(out[-1]) > 0:
            out[-1] += fragment
        else:
            out.append(fragment)
    return out


def _open_parentheses(text: str) -> int:
    return sum(text.count(c) for c in "（(") - sum(text.count(c) for c in "）)")


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
        return bool(cores) and any(self._similarity(c, cores[-1:]) >= STRONG_MATCH for c in self.candidates)

    def match(self, fragments: Sequence[str]) -> RowTemplate | None:
        cores = [c for c in (label_core(f) for f in join_open_parentheses(fragments)) if c]
        if not cores:
            return None
        best, best_total = None, 0.0
        for candidate in self.candidates:
            similarity = self._similarity(candidate, cores)
            if similarity < (STRONG_MATCH if candidate.is_group or candidate.index in self.used else MATCH_THRESHOLD):
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
    if any(has_figure(c) for c in row):
        return False
    names = {column_name(c, labels.table3_columns, labels.table3_column_aliases) for c in row} - {None}
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
            name = column_name(cell, names, labels.table3_column_aliases)
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
    if TOP_HEADING.match(normal):
        return (label,)
    if re.match(r"^\([一二三四五六七八九十]{1,3}\)", normal) and len(last_path) >= 2:
        return (last_path[0], label)
    return (*last_path[:-1], label)


def parse_table3(segments: Sequence[Segment], version: str | None, labels: TemplateLabels, sink: FactSink) -> int:
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
            fragments = label_fragments(label_cells)
            figures = sum(1 for c in value_cells if has_figure(c))
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
                path = _unknown_row_path(clean_label(fragments[-1]), matcher.last_path)
                log.info("table 三: unknown row %r kept as %s", fragments[-1], path)
            else:
                continue
            for column, raw in cells:
                sink.add(table_fact(labels.table3_title, path, column, raw, labels.table3_unit))
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
    names = [column for column, _ in header.ordered()] if header is not None and complete else list(columns)
    label_cells, value_cells = split_label_values(row, len(names))
    return label_cells, list(zip(names, value_cells, strict=False))

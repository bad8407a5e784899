"""The no-grid path: where a region has no table grid (a PDF without ruling lines, plain text), its text lines are
read as "label figure figure …" rows."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .cells import has_figure
from .labels import TemplateLabels, load_template_labels, normalize_text
from .table2 import SECTION20


@dataclass
class Segment:
    """Rows in a template region: a table grid, or text lines split into cells (``from_text``)."""

    rows: list[list[str]]
    from_text: bool = False


def text_rows(lines: Sequence[str]) -> list[list[str]]:
    """Text lines as rows of whitespace-separated cells ("规章 1 0 11"); wide gaps in PDF text already split labels
    from figures. A page that writes one cell per line ("规章" then "0", "0", "0" on lines of their own) gives a
    label line followed by lines of figures only: those figures are the label's row."""
    rows: list[list[str]] = []
    for tokens in (line.split() for line in lines):
        if not tokens:
            continue
        if rows and _figures_only(tokens) and not has_figure(rows[-1][0]) and _figures_only(rows[-1][1:]):
            rows[-1] = rows[-1] + tokens
            continue
        rows.append(tokens)
    return _header_lines_joined(rows)


_HEADER_START = "信息内容"


def _header_lines_joined(rows: list[list[str]]) -> list[list[str]]:
    """One cell per line writes the header "信息内容 / 本年制发件数 / 本年废止件数 / 现行有效件数" down the page: the
    words after 信息内容, up to the first row with figures, are its columns."""
    out: list[list[str]] = []
    for row in rows:
        header = out[-1] if out and out[-1][0] == _HEADER_START else None
        if header is not None and len(row) == 1 and not has_figure(row[0]) and not SECTION20.search(row[0]):
            header.append(row[0])  # a column's name: a row's label comes with its figures
            continue
        out.append(list(row))
    return [[row[0], *_wrapped_names_joined(row[1:])] if row[0] == _HEADER_START else row for row in out]


def _wrapped_names_joined(names: list[str]) -> list[str]:
    """A column name wrapped over two lines ("本年新" / "制作数量") is one name: joined where the two make a name of
    the template's table and the first alone does not."""
    known = {normalize_text(c) for c in load_template_labels().table2_columns()}
    joined: list[str] = []
    for name in names:
        if joined and normalize_text(joined[-1]) not in known and normalize_text(joined[-1] + name) in known:
            joined[-1] += name
        else:
            joined.append(name)
    # a name cut short by the page ("现行有效件"): the one template name it begins
    return [next(iter(whole)) if normalize_text(n) not in known and len(n) >= 4
            and len(whole := {k for k in known if k.startswith(normalize_text(n))}) == 1 else n for n in joined]


def _figures_only(cells: Sequence[str]) -> bool:
    """Every cell a figure, a unit written after it aside ("70487元"); true of no cells at all."""
    return all(has_figure(c) and not _HAN.search(_UNIT_AFTER.sub("", c)) for c in cells)


_UNIT_AFTER = re.compile(r"(?<=\d)\s*(?:万元|亿元|元|万|件|条|个|项|次|人次|人|%|％)$")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def text_region_is_table2(lines: Sequence[str], labels: TemplateLabels) -> bool:
    """The region under the 二 heading holds the table when it has a 第二十条 line or a 信息内容 header line."""
    header = normalize_text(labels.table2_header_label)
    return any(SECTION20.search(normalize_text(line)) or normalize_text(line).startswith(header) for line in lines)


def text_region_is_table4(lines: Sequence[str], labels: TemplateLabels) -> bool:
    """The region under the 四 heading holds the table when a line carries a group's worth of figures (the header
    words are often broken over several lines, "结果 / 维持")."""
    return any(sum(1 for t in line.split() if has_figure(t)) >= len(labels.table4_columns) for line in lines)

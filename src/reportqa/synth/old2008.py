"""The 2008–2014 statistics table (指标名称 / 计量单位 / 2013年度 / 历年累计), the first format under the 2008《条例》,
and what a careful reader can recover from it when a saved web page glues its cells together.

The table lists unnumbered rows with a unit each (条 for requests, 件 for reviews and lawsuits, 元 for money, % for
the 全文电子化率); some are parents whose parts follow as ``其中：1、…`` then ``2、…`` rows, and the parts add up to the
parent in both value columns. The 历年累计 column is never below the year's.

Truth paths follow the old-format parser's convention: a parent is ``(label,)``, its parts are
``(parent label, "1、网站公开数")`` (numbering kept as written, 其中： removed); the year's column (2013年度, 本年度) is
the default column None and the cumulative one is "历年累计".

``glued_ambiguous`` decides, independently of the parser, which rows a careful reader cannot split uniquely when the
cells are written without spaces (``主动公开信息数条3561290``): every cut of the row's digits into valid cell texts
(no leading zeros, thousands groups of three, a dash is a whole cell), narrowed by 历年累计 ≥ the year's figure, by
the figures the prose states for that row, and by the sums of each 其中 group (exact where the table adds up, only
"no part above its parent" in a group written inconsistently on purpose). The truth of the glued layout leaves those
rows out.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import asdict, dataclass, replace
from decimal import Decimal

from ..documents import Fact, Number
from .mess import FULLWIDTH_SPACE, Mess, format_figure, truth_of
from .model import Inconsistency, Table

TABLE_TITLE = "政府信息公开情况统计表"
CUMULATIVE = "历年累计"
COLUMNS: tuple[str | None, str] = (None, CUMULATIVE)  # the facts' columns: the year's, then the cumulative one
YEARS = tuple(range(2008, 2015))


@dataclass(frozen=True)
class Row2008:
    """A row of the 2008 table; ``labels`` are the wordings agencies used (the first is the usual one); ``unit`` is
    a unit, or "request"/"money" for the report's request or money unit."""

    key: str
    labels: tuple[str, ...]
    unit: str
    parts: tuple[Row2008, ...] = ()
    optional: bool = False


def _r(key: str, labels: str | tuple[str, ...], unit: str, *parts: Row2008, optional: bool = False) -> Row2008:
    return Row2008(key, (labels,) if isinstance(labels, str) else labels, unit, tuple(parts), optional)


CATALOGUE: tuple[Row2008, ...] = (
    _r("proactive", ("主动公开信息数", "主动公开政府信息数", "主动公开文件数"), "条",
       _r("proactive.website", ("网站公开数", "政府网站公开数"), "条"),
       _r("proactive.gazette", "政府公报公开数", "条"),
       _r("proactive.press", "新闻发布会公开数", "条", optional=True),
       _r("proactive.media", ("报刊广播电视公开数", "广播电视报刊公开数"), "条", optional=True),
       _r("proactive.other", ("其他方式公开数", "其它方式公开数"), "条", optional=True)),
    _r("rate", "全文电子化率", "%", optional=True),
    _r("normative", "新增行政规范性文件数", "件", optional=True),
    _r("received", ("受理依申请公开信息总数", "受理政府信息公开申请总数"), "request",
       _r("received.in_person", "当面申请数", "request"),
       _r("received.online", ("网上申请数", "网络申请数"), "request"),
       _r("received.mail", "信函申请数", "request"),
       _r("received.email", "电子邮件申请数", "request", optional=True),
       _r("received.fax", "传真申请数", "request"),
       _r("received.other", ("其它形式申请数", "其他形式申请数"), "request", optional=True)),
    _r("replied", "对申请的答复总数", "request",
       _r("replied.granted", "同意公开答复数", "request"),
       _r("replied.partial", "同意部分公开答复数", "request"),
       _r("replied.refused", ("否决公开答复数", "不予公开答复数"), "request"),
       _r("replied.other", "其他类型答复数", "request")),
    _r("fee", "政府信息公开收费金额", "money", optional=True),
    _r("fee_waived", "政府信息公开收费减免金额", "money", optional=True),
    _r("reconsideration", "行政复议数", "件"),
    _r("lawsuit", "行政诉讼数", "件"),
    _r("appeal", ("行政申诉数", "接受行政申诉、举报数"), "件", optional=True),
)
MAIL_FAX = "received.mail_fax"  # 信函、传真申请数: the two parts written as one, as some agencies did
MAIL_FAX_LABEL = "信函、传真申请数"

# What the prose may state, by row key (":cum" = the row's 历年累计); the prose builder writes these sentences.
STATABLE = ("proactive", "proactive:cum", "proactive.website", "proactive.gazette", "rate", "normative", "received",
            "received.in_person", "received.online", "received.mail", "replied", "replied.granted",
            "replied.partial", "replied.refused", "fee", "fee_waived", "reconsideration", "lawsuit")


def walk(rows: Sequence[Row2008] = CATALOGUE) -> Iterator[Row2008]:
    for row in rows:
        yield row
        yield from walk(row.parts)


@dataclass(frozen=True)
class Old2008Variant:
    """Which wording of the 2008 table an agency filled in, what its prose states, and how its web page flattens.

    ``labels``: (row key, index into ``Row2008.labels``) for the rows written with another wording; ``stated``: the
    keys of ``STATABLE`` the prose states as figures; ``one_line`` / ``caption_inline`` / ``prose_joiner``: in the
    flat layouts, the prose after the title on the table's line too, the caption on the table's line, and what
    joins paragraphs on a shared line ("" as saved pages do, or a space).
    """

    labels: tuple[tuple[str, int], ...] = ()
    dropped: tuple[str, ...] = ()  # keys of optional rows left out
    mail_fax_merged: bool = False  # 信函、传真申请数 as one part
    year_header: str = "year"  # "year": 2013年度; or 本年度
    cumulative_header: str = "历年累计"  # or 累计
    name_header: str = "指标名称"  # or 指 标 名 称
    request_unit: str = "条"  # or 件
    money_unit: str = "元"  # or 万元
    numbering: str = "、"  # 1、 or 1.
    qizhong: str = "其中："
    stated: tuple[str, ...] = ("proactive", "received")
    numbered_caption: bool = False  # 七、政府信息公开情况统计表 rather than the title and （2013年度）
    one_line: bool = False
    caption_inline: bool = False
    prose_joiner: str = ""

    def as_dict(self) -> dict[str, object]:
        return {"edition": "2008", **asdict(self)}

    def label(self, row: Row2008) -> str:
        if row.key == MAIL_FAX:
            return MAIL_FAX_LABEL
        index = dict(self.labels).get(row.key, 0)
        return row.labels[min(index, len(row.labels) - 1)]

    def unit(self, row: Row2008) -> str:
        return {"request": self.request_unit, "money": self.money_unit}.get(row.unit, row.unit)

    def year_column(self, year: int) -> str:
        return f"{year}年度" if self.year_header == "year" else self.year_header


def random_variant(rng: random.Random) -> Old2008Variant:
    choices = [(r.key, rng.choice([0, 0, *range(1, len(r.labels))])) for r in walk() if len(r.labels) > 1]
    return Old2008Variant(
        labels=tuple((key, index) for key, index in choices if index),
        dropped=tuple(r.key for r in walk() if r.optional and rng.random() < 0.4),
        mail_fax_merged=rng.random() < 0.25,
        year_header=rng.choice(("year", "year", "本年度")),
        cumulative_header=rng.choice(("历年累计", "历年累计", "历年累计", "累计")),
        name_header=rng.choice(("指标名称", "指标名称", "指 标 名 称")),
        request_unit=rng.choice(("条", "条", "条", "件")),
        money_unit=rng.choice(("元", "元", "元", "万元")),
        numbering=rng.choice(("、", "、", ".")),
        qizhong=rng.choice(("其中：", "其中：", "其中:")),
        stated=tuple(k for k in STATABLE if rng.random() < 0.5),
        numbered_caption=rng.random() < 0.5,
        one_line=rng.random() < 0.35,
        caption_inline=rng.random() < 0.5,
        prose_joiner=rng.choice(("", "", " ")),
    )


# --------------------------------------------------------------------------------------------------------------------
# rows present and figures


@dataclass(frozen=True)
class Line2008:
    """A row as written: its key, label cell (numbering and 其中 included), unit, truth path and parent key."""

    key: str
    cell: str
    unit: str
    path: tuple[str, ...]
    parent: str | None = None
    part_keys: tuple[str, ...] = ()


def present_rows(variant: Old2008Variant) -> list[tuple[Row2008, list[Row2008]]]:
    """(row, its parts) in order, optional rows the variant drops left out; 信函+传真 merged when it says so."""
    out: list[tuple[Row2008, list[Row2008]]] = []
    for row in CATALOGUE:
        if row.key in variant.dropped:
            continue
        parts = [p for p in row.parts if p.key not in variant.dropped]
        if row.key == "received" and variant.mail_fax_merged:
            at = next(i for i, p in enumerate(parts) if p.key == "received.mail")
            parts = [p for p in parts if p.key not in ("received.mail", "received.fax")]
            parts.insert(at, Row2008(MAIL_FAX, (MAIL_FAX_LABEL,), "request"))
        out.append((row, parts))
    return out


def layout_lines(variant: Old2008Variant) -> list[Line2008]:
    lines: list[Line2008] = []
    for row, parts in present_rows(variant):
        label = variant.label(row)
        lines.append(Line2008(row.key, label, variant.unit(row), (label,), None, tuple(p.key for p in parts)))
        for n, part in enumerate(parts, start=1):
            numbered = f"{n}{variant.numbering}{variant.label(part)}"
            cell = (variant.qizhong if n == 1 else "") + numbered
            lines.append(Line2008(part.key, cell, variant.unit(part), (label, numbered), row.key))
    return lines


Figures = dict[str, tuple[Number, Number]]  # key → (the year's figure, 历年累计)


def _allocate(rng: random.Random, total: int, weights: list[float]) -> list[int]:
    from .template2021 import _allocate as allocate

    return allocate(rng, total, weights)


def _history(rng: random.Random, value: int, year: int, floor: int = 0) -> int:
    """What the years before this one add to a cumulative figure (the 《条例》 took effect in May 2008)."""
    years = year - 2008
    if years <= 0:
        return 0
    return round(max(value, floor) * years * rng.uniform(0.5, 1.5)) + rng.randint(0, floor * years)


def _money(rng: random.Random, unit: str) -> Number:
    if rng.random() < 0.7:
        return 0
    if unit == "万元":
        return Decimal(rng.randint(1, 300)) / 100
    return rng.randint(5, 900) if rng.random() < 0.7 else Decimal(rng.randint(50, 9000)) / 10


def figures_2008(rng: random.Random, variant: Old2008Variant, year: int, agency: str = "",
                 received: int | None = None) -> Figures:
    """The year's figures and 历年累计 for every present row: each parent is the sum of its parts in both columns,
    and 历年累计 ≥ the year's figure everywhere. How much an agency publishes is a trait of the agency."""
    v: Figures = {}
    scale = random.Random(f"proactive2008:{agency}").randint(30, 6000)
    totals = {
        "proactive": int(scale * rng.uniform(0.8, 1.25)),
        "received": received if received is not None else rng.choice(
            (0, 0, rng.randint(1, 9), rng.randint(1, 40), rng.randint(1, 40), rng.randint(20, 600))),
    }
    totals["replied"] = totals["received"] - (rng.randint(0, min(3, totals["received"])) if rng.random() < 0.25
                                              else 0)
    weights = {"proactive.website": 0.8, "proactive.gazette": 0.05, "proactive.press": 0.04, "proactive.media": 0.05,
               "proactive.other": 0.06, "received.in_person": 0.35, "received.online": 0.35, "received.mail": 0.14,
               MAIL_FAX: 0.16, "received.email": 0.08, "received.fax": 0.02, "received.other": 0.06,
               "replied.granted": 0.6, "replied.partial": 0.1, "replied.refused": 0.1, "replied.other": 0.2}
    for row, parts in present_rows(variant):
        if parts:
            total = totals[row.key]
            shares = _allocate(rng, total, [weights[p.key] for p in parts])
            cums = [n + _history(rng, n, year, floor=1 if rng.random() < 0.5 else 0) for n in shares]
            for part, n, cum in zip(parts, shares, cums, strict=True):
                v[part.key] = (n, cum)
            v[row.key] = (sum(shares), sum(cums))
        elif row.key == "rate":
            rate: Number = 100 if rng.random() < 0.6 else (
                rng.randint(80, 99) if rng.random() < 0.7 else Decimal(rng.randint(800, 999)) / 10)
            v[row.key] = (rate, 100 if rate != 100 and rng.random() < 0.5 else rate)
        elif row.key == "normative":
            n = rng.randint(0, 40)
            v[row.key] = (n, n + _history(rng, n, year))
        elif row.key in ("fee", "fee_waived"):
            fee = _money(rng, variant.money_unit)
            history = _money(rng, variant.money_unit) * (year - 2008) if year > 2008 else 0
            v[row.key] = (fee, fee + history)
        else:  # reconsideration, lawsuit, appeal
            n = rng.choice((0, 0, 0, 1, 1, 2))
            v[row.key] = (n, n + (rng.randint(0, 2 * (year - 2008)) if year > 2008 else 0))
    if "fee" in v and "fee_waived" in v and v["fee_waived"][0] > v["fee"][0]:
        v["fee_waived"] = (0, v["fee_waived"][1] - v["fee_waived"][0])
    return v


def inject_parent_sum(rng: random.Random, values: Figures, lines: list[Line2008]
                      ) -> tuple[list[Inconsistency], set[str]]:
    """A parent's year figure written larger than its parts add up to (and its 历年累计 with it when it would fall
    below the year's); the rows that must be written as figures for the checks to see it."""
    parents = [line for line in lines if len(line.part_keys) >= 2]
    if not parents:
        return [], set()
    line = rng.choice(parents)
    delta = rng.randint(1, 5)
    year, cum = values[line.key]
    found = [Inconsistency(kind="parent_sum", table=TABLE_TITLE, path=line.path, column=None,
                           consistent_value=year, written_value=year + delta, mentions=(line.path[-1],))]
    new_cum = cum
    if cum < year + delta:
        new_cum = cum + delta
        found.append(Inconsistency(kind="parent_sum", table=TABLE_TITLE, path=line.path, column=CUMULATIVE,
                                   consistent_value=cum, written_value=new_cum, mentions=(line.path[-1],)))
    values[line.key] = (year + delta, new_cum)
    return found, {line.key, *line.part_keys}


# --------------------------------------------------------------------------------------------------------------------
# the table and its truth


def build_table(values: Figures, rng: random.Random, mess: Mess, variant: Old2008Variant, lines: list[Line2008],
                year: int, keep: AbstractSet[str] = frozenset()) -> tuple[Table, list[Fact]]:
    """The statistics table and its truth facts. A zero may be written as a not-reported mark ("—", "/"), never as
    an empty cell (a flattened table could not tell where it was); rows in ``keep`` are written as figures."""
    header = [variant.name_header, "计量单位", variant.year_column(year), variant.cumulative_header]
    rows: list[list[str]] = [header]
    facts: list[Fact] = []
    for line in lines:
        row_mess = replace(mess, blank_rate=0.0) if line.key in keep else mess
        texts = []
        for column, value in zip(COLUMNS, values[line.key], strict=True):
            text = format_figure(value, rng, row_mess)
            truth, unit_in_cell = truth_of(text)
            facts.append(Fact(path=line.path, column=column, value=truth, unit=unit_in_cell or line.unit,
                              raw=text.strip(), kind="table", table=TABLE_TITLE))
            texts.append(text)
        indent = FULLWIDTH_SPACE * 2 if line.parent and mess.fullwidth_spaces else ""
        rows.append([indent + line.cell, line.unit, *texts])
    return Table(name="old2008", rows=rows, header_rows=1, col_widths=[230.0, 60.0, 80.0, 80.0]), facts


def table_mess(mess: Mess) -> Mess:
    """The report's mess as this table can carry it: blanks only as marks, no unit inside a figure's cell."""
    marks = tuple(m for m in mess.blank_marks if m) or ("—",)
    return replace(mess, blank_marks=marks, unit_in_fee_cell=False)


def concept_paths(lines: list[Line2008]) -> dict[str, tuple[str, ...]]:
    return {line.key: line.path for line in lines}


# --------------------------------------------------------------------------------------------------------------------
# what a careful reader recovers from glued cells

_DASH_CELLS = {"—", "——", "-", "/", "－", "–"}
_CELL = re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?|[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?")


def _cell_value(text: str) -> Decimal | None:
    """A valid cell's value (None for a not-reported mark); raises ValueError for text no cell could hold."""
    if text in _DASH_CELLS:
        return None
    if not _CELL.fullmatch(text):
        raise ValueError(text)
    return Decimal(text.replace(",", ""))


def glued_readings(run: str, columns: int = 2) -> list[tuple[str, ...]]:
    """Every cut of a glued figure run into ``columns`` valid cell texts with 历年累计 (the last) ≥ the year's."""
    def cuts(text: str, k: int) -> Iterator[tuple[str, ...]]:
        if k == 1:
            yield (text,)
            return
        for i in range(1, len(text)):
            for rest in cuts(text[i:], k - 1):
                yield (text[:i], *rest)

    out: list[tuple[str, ...]] = []
    for reading in cuts(run, columns):
        try:
            values = [_cell_value(t) for t in reading]
        except ValueError:
            continue
        year, cum = values[0], values[-1]
        if year is not None and cum is not None and cum < year:
            continue
        out.append(reading)
    return out


def _fits(parent: tuple[str, ...], parts: Sequence[tuple[str, ...]], exact: bool) -> bool:
    """The group's arithmetic in each column where the parent is a figure: no part above the parent and, when
    ``exact``, the parts adding up to it (to at most it when some part is not reported)."""
    for col in range(len(parent)):
        total = _cell_value(parent[col])
        if total is None:
            continue
        values = [v for v in (_cell_value(p[col]) for p in parts)]
        numbers = [v for v in values if v is not None]
        if any(v > total for v in numbers):
            return False
        if exact and (sum(numbers) != total if len(numbers) == len(values) else sum(numbers) > total):
            return False
    return True


def _group_options(options: list[list[tuple[str, ...]]], exact: bool) -> list[set[tuple[str, ...]]]:
    """For each member of a group (parent first), the readings that some consistent choice of all members uses;
    a search over the parts with their running sums bounded by the parent."""
    used: list[set[tuple[str, ...]]] = [set() for _ in options]
    parts = options[1:]

    def search(parent: tuple[str, ...], limits: list[Decimal | None], i: int, chosen: list[tuple[str, ...]],
               sums: list[Decimal]) -> bool:
        if i == len(parts):
            if not _fits(parent, chosen, exact):
                return False
            for k, reading in enumerate(chosen, start=1):
                used[k].add(reading)
            return True
        found = False
        for reading in parts[i]:
            values = [_cell_value(c) for c in reading]
            new = [total + (v or 0) for total, v in zip(sums, values, strict=True)]
            if any(lim is not None and v is not None and v > lim for lim, v in zip(limits, values, strict=True)):
                continue
            if exact and any(lim is not None and total > lim for lim, total in zip(limits, new, strict=True)):
                continue
            if search(parent, limits, i + 1, [*chosen, reading], new):
                found = True
        return found

    for parent in options[0]:
        if search(parent, [_cell_value(c) for c in parent], 0, [], [Decimal(0)] * len(parent)):
            used[0].add(parent)
    return used


def glued_ambiguous(table: Table, lines: list[Line2008], values: Figures, stated: AbstractSet[str],
                    inconsistent: AbstractSet[str] = frozenset()) -> list[tuple[str, ...]]:
    """The paths of the rows a careful reader cannot split uniquely when the table's cells are glued together.

    ``stated``: the keys of ``STATABLE`` the prose states (their figures narrow the row's readings);
    ``inconsistent``: keys of parents written not adding up (their group is narrowed by "no part above the
    parent" only)."""
    readings: dict[str, list[tuple[str, ...]]] = {}
    for line, row in zip(lines, table.rows[1:], strict=True):
        texts = [t.strip().strip(FULLWIDTH_SPACE) for t in row[2:]]
        options = glued_readings("".join(texts), len(texts))
        assert tuple(texts) in options, (line.key, texts)
        for column, key in enumerate((line.key, f"{line.key}:cum")):
            if key in stated:  # the prose's figure; a not-reported mark agrees with a stated 0
                known = Decimal(str(values[line.key][column]))
                options = [r for r in options if (_cell_value(r[column]) or 0) == known]
        readings[line.key] = options
    for parent in (line for line in lines if line.part_keys):
        members = [parent.key, *parent.part_keys]
        kept = _group_options([readings[k] for k in members], exact=parent.key not in inconsistent)
        for key, consistent in zip(members, kept, strict=True):
            readings[key] = [r for r in readings[key] if r in consistent]
    return [line.path for line in lines if len(readings[line.key]) != 1]


__all__ = ["CATALOGUE", "COLUMNS", "CUMULATIVE", "Old2008Variant", "Row2008", "STATABLE", "TABLE_TITLE",
           "build_table", "concept_paths", "figures_2008", "glued_ambiguous", "glued_readings", "inject_parent_sum",
           "layout_lines", "present_rows", "random_variant", "table_mess", "walk"]

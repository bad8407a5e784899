"""The national template (2021 revision): figures that add up, the three tables as grids, and their truth facts.

Paths, columns and units follow the template parser's fixed contract (the template's own labels without explanatory
parentheticals), written out here on purpose rather than read from the parser's data, so the round trip checks the
parser against an independent statement of the contract.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from decimal import Decimal

from ..documents import Fact, Number
from ..parsing.template_rows import APPLICANT_COLUMNS as APPLICANTS
from ..parsing.template_rows import CARRIED, CARRY_ON, NEW, RESULTS, T2, T3, T4, TOTAL
from .agencies import AgencyName
from .mess import FULLWIDTH_SPACE, Mess, format_figure, split_header, truth_of, wrap_label
from .model import Inconsistency, Merge, Table

COLUMNS3 = (*APPLICANTS, "总计")
COLUMNS4 = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
GROUPS4 = (("行政复议",), ("行政诉讼", "未经复议直接起诉"), ("行政诉讼", "复议后起诉"))
NOTE3 = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


# Table 二: (section, item, columns); a one-column item's figure spans the three value columns.
SECTION_COLUMNS = {
    "第二十条第（一）项": ("本年制发件数", "本年废止件数", "现行有效件数"),
    "第二十条第（五）项": ("本年处理决定数量",),
    "第二十条第（六）项": ("本年处理决定数量",),
    "第二十条第（八）项": ("本年收费金额",),
}
SECTION_ITEMS = {
    "第二十条第（一）项": ("规章", "行政规范性文件"),
    "第二十条第（五）项": ("行政许可",),
    "第二十条第（六）项": ("行政处罚", "行政强制"),
    "第二十条第（八）项": ("行政事业性收费",),
}
FEE_COLUMN = "本年收费金额"


@dataclass(frozen=True)
class ResultRow:
    """A leaf of 三、本年度办理结果: its truth path, the label as the template writes it, and how common it is."""

    path: tuple[str, ...]
    written: str
    weight: float

    @property
    def group(self) -> str | None:
        """The sub-group label (（三）不予公开) for a three-level row."""
        return self.path[1] if len(self.path) == 3 else None


def _leaves(group: str, labels: Iterable[tuple[str, float]]) -> list[ResultRow]:
    return [ResultRow((RESULTS, group, label), label, weight) for label, weight in labels]


RESULT_ROWS: tuple[ResultRow, ...] = (
    ResultRow((RESULTS, "（一）予以公开"), "（一）予以公开", 40),
    ResultRow((RESULTS, "（二）部分公开"), "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 10),
    *_leaves("（三）不予公开", [
        ("1.属于国家秘密", 0.3), ("2.其他法律行政法规禁止公开", 0.3), ("3.危及“三安全一稳定”", 0.3),
        ("4.保护第三方合法权益", 1.2), ("5.属于三类内部事务信息", 0.6), ("6.属于四类过程性信息", 1.5),
        ("7.属于行政执法案卷", 0.5), ("8.属于行政查询事项", 0.8)]),
    *_leaves("（四）无法提供", [
        ("1.本机关不掌握相关政府信息", 20), ("2.没有现成信息需要另行制作", 3), ("3.补正后申请内容仍不明确", 2)]),
    *_leaves("（五）不予处理", [
        ("1.信访举报投诉类申请", 3), ("2.重复申请", 3), ("3.要求提供公开出版物", 0.5),
        ("4.无正当理由大量反复申请", 0.5), ("5.要求行政机关确认或重新出具已获取信息", 1)]),
    *_leaves("（六）其他处理", [
        ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 4),
        ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 0.3), ("3.其他", 3)]),
)
ROWS3: tuple[tuple[str, ...], ...] = (NEW, CARRIED, *(r.path for r in RESULT_ROWS), TOTAL, CARRY_ON)
INCONSISTENCY_KINDS = ("row_total", "balance", "results_total", "table4_total")
APPLICANT_SHARES = (0.84, 0.08, 0.005, 0.01, 0.03, 0.035)

Key = tuple[tuple[str, ...], str]  # (path, column)


@dataclass
class TemplateFigures:
    """The consistent figures of one template report (before any injected inconsistency)."""

    table2: dict[Key, Number] = field(default_factory=dict)
    table3: dict[Key, int] = field(default_factory=dict)
    table4: dict[Key, int] = field(default_factory=dict)

    def by_table(self) -> dict[str, dict[Key, Number]]:
        return {T2: self.table2, T3: self.table3, T4: self.table4}  # type: ignore[dict-item]


# --------------------------------------------------------------------------------------------------------------------
# figures


def _allocate(rng: random.Random, total: int, weights: Iterable[float]) -> list[int]:
    """``total`` items spread over categories by weight (a multinomial draw): parts always sum to ``total``."""
    weights = list(weights)
    counts = Counter(rng.choices(range(len(weights)), weights=weights, k=total)) if total > 0 else Counter()
    return [counts.get(i, 0) for i in range(len(weights))]


def application_scale(rng: random.Random, agency: AgencyName) -> int:
    """How many requests an agency of this kind gets in a year (governments and land/housing bureaus get most)."""
    if agency.is_government:
        return rng.randint(150, 1800) if not agency.locality else rng.randint(60, 900)
    busy = agency.department in ("自然资源和规划局", "住房和城乡建设局", "人力资源和社会保障局")
    return rng.randint(40, 400) if busy else rng.randint(8, 150)


def generate_figures(rng: random.Random, agency: AgencyName, new_total: int | None = None,
                     carried_in: dict[str, int] | None = None) -> TemplateFigures:
    """All figures of tables 二、三、四 for one year; table 三 satisfies the template's own rules (each row's 总计 is
    the sum of its columns; 一 + 二 = 三（七）+ 四 in every column; the result rows add up to （七）)."""
    figures = TemplateFigures()
    _table2_figures(rng, agency, figures.table2)
    total = new_total if new_total is not None else application_scale(rng, agency)
    new = dict(zip(APPLICANTS, _allocate(rng, total, APPLICANT_SHARES), strict=True))
    for column in APPLICANTS:
        carried = carried_in.get(column, 0) if carried_in is not None else round(new[column] * rng.uniform(0, 0.08))
        carry_on = round((new[column] + carried) * rng.uniform(0, 0.1))
        handled = new[column] + carried - carry_on
        leaves = _allocate(rng, handled, (r.weight for r in RESULT_ROWS))
        t3 = figures.table3
        t3[(NEW, column)], t3[(CARRIED, column)], t3[(CARRY_ON, column)] = new[column], carried, carry_on
        for row, count in zip(RESULT_ROWS, leaves, strict=True):
            t3[(row.path, column)] = count
        t3[(TOTAL, column)] = handled
    for path in ROWS3:
        figures.table3[(path, "总计")] = sum(figures.table3[(path, c)] for c in APPLICANTS)
    for group in GROUPS4:
        parts = [rng.choice((0, 0, 0, 1, 1, 2, 3, 5)) for _ in range(4)]
        for column, value in zip(COLUMNS4, [*parts, sum(parts)], strict=True):
            figures.table4[(group, column)] = value
    return figures


def _table2_figures(rng: random.Random, agency: AgencyName, out: dict[Key, Number]) -> None:
    """Table 二. How busy an agency is with licences, penalties and fees is a trait of the agency (drawn from its name),
    so its reports of consecutive years stay in proportion; each year varies around that."""
    trait = random.Random(f"table2:{agency.full}")
    section = "第二十条第（一）项"
    made, repealed = (rng.randint(0, 3), rng.randint(0, 2)) if agency.is_government else (0, 0)
    in_force = made + trait.randint(5, 60) if agency.is_government else 0
    out.update({((section, "规章"), c): v
                for c, v in zip(SECTION_COLUMNS[section], (made, repealed, in_force), strict=True)})
    made, repealed = rng.randint(0, 25), rng.randint(0, 8)
    in_force = made + int(trait.randint(5, 300) * rng.uniform(0.9, 1.1))
    out.update({((section, "行政规范性文件"), c): v
                for c, v in zip(SECTION_COLUMNS[section], (made, repealed, in_force), strict=True)})
    decisions = "本年处理决定数量"
    for (section, item), magnitudes in {
        ("第二十条第（五）项", "行政许可"): (0, 120, 15000),
        ("第二十条第（六）项", "行政处罚"): (0, 80, 5000),
        ("第二十条第（六）项", "行政强制"): (0, 20, 400),
    }.items():
        base = trait.choice(magnitudes)
        out[((section, item), decisions)] = int(base * rng.uniform(0.6, 1.4)) if base else 0
    fee_base = trait.choice((0, 0, 50, 3000))
    fee: Number = 0
    if fee_base:
        fee = Decimal(int(fee_base * rng.uniform(0.5, 1.5) * 10_000)) / Decimal(10_000)
    out[(("第二十条第（八）项", "行政事业性收费"), FEE_COLUMN)] = fee


# --------------------------------------------------------------------------------------------------------------------
# injected inconsistencies


def inject_inconsistencies(rng: random.Random, figures: TemplateFigures,
                           kinds: Iterable[str] | None = None) -> tuple[list[Inconsistency], set[tuple[str, Key]]]:
    """Write some figures wrong on purpose; returns what was done and the cells that must be written as figures
    (a check cannot see a sum whose parts are "not reported")."""
    kinds = list(kinds) if kinds is not None else rng.sample(INCONSISTENCY_KINDS, 2)
    done: list[Inconsistency] = []
    keep: set[tuple[str, Key]] = set()
    t3 = figures.table3
    for kind in kinds:
        delta = rng.randint(1, 5)
        if kind == "row_total":
            path = rng.choice([p for p in ROWS3 if p not in (NEW, TOTAL, CARRY_ON, CARRIED)])
            done.append(_bump(T3, t3, path, "总计", delta, kind, (path[-1], "总计")))
            keep |= {(T3, (path, c)) for c in COLUMNS3}
        elif kind == "balance":
            column = rng.choice(APPLICANTS)
            done.append(_bump(T3, t3, NEW, column, delta, kind, (column, "勾稽关系")))
            t3[(NEW, "总计")] += delta
            keep |= {(T3, (p, c)) for p in (NEW, CARRIED, TOTAL, CARRY_ON) for c in (column, "总计")}
        elif kind == "results_total":
            column = rng.choice(APPLICANTS)
            row = rng.choice(RESULT_ROWS)
            done.append(_bump(T3, t3, row.path, column, delta, kind, (column, "（七）总计")))
            t3[(row.path, "总计")] += delta
            keep |= {(T3, (TOTAL, c)) for c in (column, "总计")}
        elif kind == "table4_total":
            group = rng.choice(GROUPS4)
            done.append(_bump(T4, figures.table4, group, "总计", delta, kind, (group[-1], "总计")))
            keep |= {(T4, (group, c)) for c in COLUMNS4}
        else:
            raise ValueError(f"unknown inconsistency kind for the template: {kind}")
    return done, keep


def _bump(table: str, cells: dict[Key, int], path: tuple[str, ...], column: str, delta: int, kind: str,
          mentions: tuple[str, ...]) -> Inconsistency:
    before = cells[(path, column)]
    cells[(path, column)] = before + delta
    return Inconsistency(kind=kind, table=table, path=path, column=column, consistent_value=before,
                         written_value=before + delta, mentions=mentions)


# --------------------------------------------------------------------------------------------------------------------
# cell texts, grids and truth facts


@dataclass
class _Writer:
    """Writes figures as cell texts (the report's mess) and records the truth fact of each."""

    rng: random.Random
    mess: Mess
    keep: set[tuple[str, Key]]
    facts: list[Fact] = field(default_factory=list)

    def cell(self, table: str, path: tuple[str, ...], column: str, value: Number, unit: str) -> str:
        mess = self.mess if (table, (path, column)) not in self.keep else replace(self.mess, blank_rate=0.0)
        text = format_figure(value, self.rng, mess, unit_suffix="万元" if unit == "万元" else "")
        truth, cell_unit = truth_of(text)
        self.facts.append(Fact(path=path, column=column, value=truth, unit=cell_unit or unit, raw=text.strip(),
                               kind="table", table=table))
        return text


def build_tables(figures: TemplateFigures, rng: random.Random, mess: Mess,
                 keep: AbstractSet[tuple[str, Key]] = frozenset()) -> tuple[list[Table], list[Fact]]:
    writer = _Writer(rng, mess, set(keep))
    tables = [_table2(figures, writer), _table3(figures, writer), _table4(figures, writer)]
    return tables, writer.facts


def _table2(figures: TemplateFigures, writer: _Writer) -> Table:
    rows: list[list[str]] = []
    merges: list[Merge] = []
    for section, items in SECTION_ITEMS.items():
        columns = SECTION_COLUMNS[section]
        r = len(rows)
        rows.append([section, "", "", ""])
        merges.append(Merge(r, 0, r, 3))
        header = [("本年收费金额（单位：万元）" if c == FEE_COLUMN else c) for c in columns]
        if len(columns) == 1:
            rows.append(["信息内容", header[0], "", ""])
            merges.append(Merge(r + 1, 1, r + 1, 3))
        else:
            rows.append(["信息内容", *header])
        for item in items:
            unit = "万元" if columns == (FEE_COLUMN,) else "件"
            texts = [writer.cell(T2, (section, item), c, figures.table2[((section, item), c)], unit) for c in columns]
            r = len(rows)
            if len(columns) == 1:
                rows.append([item, texts[0], "", ""])
                merges.append(Merge(r, 1, r, 3))
            else:
                rows.append([item, *texts])
    return Table(name="二", rows=rows, merges=merges, header_rows=0, col_widths=[130, 100, 100, 100])


def _table3_header(mess: Mess) -> tuple[list[list[str]], list[Merge]]:
    subs = [split_header(c, mess) for c in APPLICANTS[1:]]
    if mess.table_notes:
        rows = [[NOTE3, "", "", "申请人情况", *[""] * 6],
                ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
                ["", "", "", "", *subs, ""]]
        merges = [Merge(0, 0, 2, 2), Merge(0, 3, 0, 9), Merge(1, 3, 2, 3), Merge(1, 4, 1, 8), Merge(1, 9, 2, 9)]
    else:
        rows = [["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
                ["", "", "", "", *subs, ""]]
        merges = [Merge(0, 0, 1, 2), Merge(0, 3, 1, 3), Merge(0, 4, 0, 8), Merge(0, 9, 1, 9)]
    return rows, merges


def _label(text: str, mess: Mess, width: int) -> str:
    return wrap_label(text, width) if mess.wrap_labels else text


def _table3(figures: TemplateFigures, writer: _Writer) -> Table:
    mess = writer.mess
    rows, merges = _table3_header(mess)
    header_rows = len(rows)

    def values(path: tuple[str, ...]) -> list[str]:
        return [writer.cell(T3, path, c, figures.table3[(path, c)], "件") for c in COLUMNS3]

    def whole_row(path: tuple[str, ...]) -> None:
        r = len(rows)
        rows.append([_label(path[0], mess, 10), "", "", *values(path)])
        merges.append(Merge(r, 0, r, 2))

    whole_row(NEW)
    whole_row(CARRIED)
    first_result = len(rows)
    group_start: dict[str, int] = {}
    for row in RESULT_ROWS:
        r = len(rows)
        indent = FULLWIDTH_SPACE * 2 if mess.fullwidth_spaces else ""
        label = row.written if mess.long_labels else row.path[-1]
        if row.group is None:
            rows.append(["", _label(label, mess, 12), "", *values(row.path)])
            merges.append(Merge(r, 1, r, 2))
            continue
        leaf = indent + _label(label, mess, 14)
        first = row.group not in group_start
        if first:
            group_start[row.group] = r
        if mess.parent_on_child_line:  # each child's label spans both label columns, the group's in the first
            sep = FULLWIDTH_SPACE if mess.fullwidth_spaces else " "
            rows.append(["", row.group + sep + label if first else leaf, "", *values(row.path)])
            merges.append(Merge(r, 1, r, 2))
        else:
            rows.append(["", row.group if first else "", leaf, *values(row.path)])
    if not mess.parent_on_child_line:
        ends = {g: len([r for r in RESULT_ROWS if r.group == g]) for g in group_start}
        merges += [Merge(start, 1, start + ends[g] - 1, 1) for g, start in group_start.items()]
    r = len(rows)
    rows.append(["", TOTAL[1], "", *values(TOTAL)])
    merges.append(Merge(r, 1, r, 2))
    rows[first_result][0] = "\n".join(["三、", *RESULTS[2:]]) if mess.vertical_group else RESULTS
    merges.append(Merge(first_result, 0, r, 0))
    whole_row(CARRY_ON)
    return Table(name="三", rows=rows, merges=merges, header_rows=header_rows,
                 col_widths=[28 if mess.vertical_group else 40, 72, 112] + [34] * 7)


def _table4(figures: TemplateFigures, writer: _Writer) -> Table:
    mess = writer.mess
    heads = [split_header(c, mess) for c in COLUMNS4]
    rows = [["行政复议", "", "", "", "", "行政诉讼", *[""] * 9],
            [*heads, "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
            [""] * 5 + heads * 2]
    merges = [Merge(0, 0, 0, 4), Merge(0, 5, 0, 14), *[Merge(1, c, 2, c) for c in range(5)],
              Merge(1, 5, 1, 9), Merge(1, 10, 1, 14)]
    rows.append([writer.cell(T4, group, c, figures.table4[(group, c)], "件") for group in GROUPS4 for c in COLUMNS4])
    return Table(name="四", rows=rows, merges=merges, header_rows=3, col_widths=[29] * 15)


__all__ = ["T2", "T3", "T4", "APPLICANTS", "COLUMNS3", "COLUMNS4", "GROUPS4", "NEW", "CARRIED", "RESULTS", "TOTAL",
           "CARRY_ON", "RESULT_ROWS", "ROWS3", "TemplateFigures", "generate_figures", "inject_inconsistencies",
           "build_tables"]

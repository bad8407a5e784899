"""Consistency checks that become report warnings (never errors): a table that does not add up is still ingested.

Each warning names the rows and the numbers so staff can find the cell.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from ..documents import Fact, Number
from .template_rows import APPLICANT_COLUMNS, CARRIED, CARRY_ON, NEW, RESULTS, T3, T4, T4_PARTS, TOTAL


def _fmt(value: Number | None) -> str:
    return str(value)


def check_old_table(facts: list[Fact]) -> list[str]:
    """Numbered children (1. 2. …) partition their parent; a 其中 breakdown of three or more rows should too.

    Checked in every value column (统计数, and 上年数 where a report adds it)."""
    warnings = []
    for column in dict.fromkeys(f.column for f in facts if f.kind == "table"):
        by_path = {f.path: f for f in facts if f.kind == "table" and f.column == column and f.value is not None}
        children: dict[tuple[str, ...], list[Fact]] = defaultdict(list)
        for f in by_path.values():
            if len(f.path) >= 2 and f.path[:-1] in by_path:
                children[f.path[:-1]].append(f)
        where = f"（{column}）" if column else ""
        for parent_path, kids in children.items():
            parent = by_path[parent_path]
            numbered = [k for k in kids if k.label[:1].isdigit() or k.label[:1] in "（("]
            group = numbered if numbered else (kids if len(kids) >= 3 else [])
            if len(group) < 2 or any(k.unit != parent.unit for k in group):
                continue
            total = sum((k.value for k in group), start=0)  # type: ignore[misc]
            if total != parent.value:
                parts = " + ".join(f"{k.label} {_fmt(k.value)}" for k in group)
                warnings.append(f"「{parent.label}」{where}{_fmt(parent.value)}{parent.unit} ≠ {parts} = {_fmt(total)}")
    return warnings


def check_template(facts: list[Fact]) -> list[str]:
    cells = {(f.path, f.column): f.value for f in facts if f.table == T3 and f.value is not None}
    if not cells:
        return []
    warnings = []
    columns = list(APPLICANT_COLUMNS) + ["总计"]
    for col in columns:
        new, carried, total, carry_on = (cells.get((p, col)) for p in (NEW, CARRIED, TOTAL, CARRY_ON))
        if None not in (new, carried, total, carry_on) and new + carried != total + carry_on:  # type: ignore[operator]
            warnings.append(f"勾稽关系不成立（{col}）：本年新收 {new} + 上年结转 {carried} ≠ "
                            f"办理结果总计 {total} + 结转下年度 {carry_on}")
        results = [v for (p, c), v in cells.items() if c == col and len(p) >= 2 and p[0] == RESULTS and p != TOTAL
                   and (len(p) == 3 or not any(len(q) == 3 and q[:2] == p for (q, cc) in cells if cc == col))]
        if total is not None and results and sum(results) != total:
            warnings.append(f"办理结果各项之和 {sum(results)} ≠ （七）总计 {total}（{col}）")
    rows = {p for (p, _c) in cells}
    for path in sorted(rows):
        parts = [cells[(path, c)] for c in APPLICANT_COLUMNS if (path, c) in cells]
        total = cells.get((path, "总计"))
        if total is not None and len(parts) == len(APPLICANT_COLUMNS) and sum(parts) != total:
            warnings.append(f"「{' › '.join(path)}」各列之和 {sum(parts)} ≠ 总计 {total}")
    return warnings




def check_table4(facts: list[Fact]) -> list[str]:
    """Each group of table 四 (行政复议, 未经复议直接起诉, 复议后起诉): 总计 = 维持 + 纠正 + 其他 + 尚未审结."""
    cells = {(f.path, f.column): f.value for f in facts if f.table == T4 and f.value is not None}
    warnings = []
    for path in dict.fromkeys(p for p, _ in cells):
        parts = [cells.get((path, c)) for c in T4_PARTS]
        total = cells.get((path, "总计"))
        if total is not None and None not in parts and sum(parts) != total:  # type: ignore[arg-type]
            formula = " + ".join(f"{c} {v}" for c, v in zip(T4_PARTS, parts, strict=True))
            warnings.append(f"「{' › '.join(path)}」总计 {total} ≠ {formula} = {sum(parts)}")  # type: ignore[arg-type]
    return warnings


def prose_agrees(stated: Decimal, unit: str, table_value: Decimal) -> bool:
    """3.7万(多)条 agrees with 37353条: a figure written in 万 is exact only to its last digit."""
    if unit.startswith("万") and unit != "万元":
        exponent = -stated.as_tuple().exponent if stated.as_tuple().exponent < 0 else 0  # type: ignore[operator]
        return abs(stated * 10000 - table_value) < Decimal(10000) / (10 ** exponent)
    return stated == table_value


def check_prose_against_table(facts: list[Fact]) -> list[str]:
    """A prose figure naming the same thing as a table row (by the lexicon's concepts) but with another value.

    Only figures within 10 % are compared: 区政府受理62件 is a part of the 244 received, not a disagreement."""
    from ..facts_match import leaf_concepts, text_names
    from ..lexicon import load_lexicon

    lexicon = load_lexicon()
    table = [f for f in facts if f.kind == "table" and f.value is not None and f.column in (None, "总计")]
    row_concepts = [(t, [lexicon.concept(c) for c in leaf_concepts(t, lexicon.concepts, generic=True)]) for t in table]
    warnings = []
    for p in (f for f in facts if f.kind == "prose"):
        for t, concepts in row_concepts:
            if not concepts or t.unit != p.unit.lstrip("万") or not all(text_names(p.label, c) for c in concepts):
                continue
            stated, value = Decimal(str(p.value)), Decimal(str(t.value))
            scaled = stated * 10000 if p.unit.startswith("万") else stated
            if value and abs(scaled - value) / value <= Decimal("0.1") and not prose_agrees(stated, p.unit, value):
                warnings.append(f"正文「{p.source[:40]}」写 {p.raw}，表格「{t.path_text}」为 {t.value}{t.unit}")
    return list(dict.fromkeys(warnings))

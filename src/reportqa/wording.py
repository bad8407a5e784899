"""How an answer is said: the figure with its unit, who reported it, and where in which report it stands.

Pure functions of a report and its facts, in Chinese or English; the arithmetic of a derived figure is written out
so a reader can check it (178 = 2 + 31 + …).
"""

from __future__ import annotations

from dataclasses import replace

from .documents import Fact, Number, Report
from .parsing.similarity import bare_label


def common_prefix(paths: list[tuple[str, ...]]) -> tuple[str, ...]:
    prefix = paths[0]
    for p in paths[1:]:
        n = 0
        while n < min(len(prefix), len(p)) and prefix[n] == p[n]:
            n += 1
        prefix = prefix[:n]
    return prefix


def cite(report: Report | None, fact: Fact, lang: str) -> str:
    """来源：《title》table › row path（column列）— the place a reader can check the figure."""
    title = report.title if report else ""
    where = " › ".join(p for p in ((fact.table,) if fact.table else ()) + fact.path)
    col = f"（{fact.column}列）" if fact.column and lang != "en" else (f" [{fact.column}]" if fact.column else "")
    kind = "" if fact.kind == "table" else ("（正文）" if lang != "en" else " (prose)")
    if lang == "en":
        return f"Source: {title} — {where}{col}{kind}."
    return f"来源：《{title}》{where}{col}{kind}。"


def report_name(report: Report | None) -> str:
    """How an answer names a report: agency and year, or its title when the agency is unknown."""
    if report is None:
        return ""
    return f"{report.agency} {report.year}年" if report.agency and report.year else f"《{report.title}》"


def say_figure(report: Report | None, lang: str, fact: Fact, value: Number, unit: str, used: list[Fact]) -> str:
    """One figure, or a sum of several facts written as its formula, with the source."""
    who = report_name(report)
    if len(used) > 1:
        label = bare_label(used[0].path[len(used[0].path) - 2]) if len(used[0].path) >= 2 else fact.label
        formula = " + ".join(f"{bare_label(f.label)} {f.value if f.value is not None else '未填报'}" for f in used)
        if len({f.path for f in used}) == 1 and used[0].column:
            formula = " + ".join(f"{f.column} {f.value}" for f in used)
            label = f"{fact.label}（{'、'.join(f.column or '' for f in used)}）"
        group = replace(fact, path=common_prefix([f.path for f in used]) or fact.path)
        if lang == "en":
            return f"{who} {label}: **{value} {unit}** ({formula}). " + cite(report, group, "en")
        return f"{who}{label}共 **{value}{unit}**（{formula}）。" + cite(report, group, "zh")
    label = bare_label(fact.label)
    if fact.column and fact.column != "总计":
        label += f"（{fact.column}）"
    if lang == "en":
        return f"**{value} {unit}** — {label} ({who}). " + cite(report, fact, "en")
    return f"{who}{label}：**{value}{unit}**。" + cite(report, fact, "zh")


def say_not_reported(report: Report | None, lang: str, fact: Fact) -> str:
    """A blank or dash cell: not reported, which is not the same as 0."""
    if lang == "en":
        return f"The report leaves this cell blank ('{fact.raw or ''}'): not reported. " + cite(report, fact, "en")
    return f"报告中该项未填报（原文为「{fact.raw or '空白'}」），不等于0。" + cite(report, fact, "zh")

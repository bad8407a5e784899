"""The 对比 tab: one indicator across agencies and years, as a chart with the exact figures and where each comes from.

Each agency's figures come from a trend question to the answerer; when that finds none, from the strongest table row
of the indicator in each of the agency's reports."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import gradio as gr
import pandas as pd

from ..documents import PATH_SEP, Answer, Fact, Number, Report
from ..facts_match import STRONG, best_matches, match_facts, select_column
from ..lexicon import Concept
from .base import ALL, BaseHandlers
from .rendering import fact_location, fact_value_text, format_number


@dataclass
class ComparePoint:
    agency: str
    year: int | None
    value: Number
    unit: str
    facts: list[Fact]


def concept_name(concept: Concept) -> str:
    """A readable name: the first Chinese phrase, with the first English one."""
    zh = next((p for p in concept.phrases if not p.isascii()), concept.id)
    en = next((p for p in concept.phrases if p.isascii()), "")
    return f"{zh}（{en}）" if en else zh


def concept_choices(concepts: Iterable[Concept]) -> list[tuple[str, str]]:
    return [(concept_name(c), c.id) for c in concepts]


def trend_question(concept: Concept) -> str:
    zh = next((p for p in concept.phrases if not p.isascii()), concept.phrases[0] if concept.phrases else concept.id)
    return f"{zh}历年变化趋势"


def points_from_answer(answer: Answer, agency: str) -> list[ComparePoint]:
    """Answer.series of a trend question → points, each with the facts it was read from."""
    if not answer.found or not answer.series:
        return []
    points = []
    for label, value in answer.series:
        m = re.search(r"((?:19|20)\d{2})$", str(label))
        if not m:
            continue
        year = int(m.group(1))
        who = str(label)[:m.start()].strip() or agency
        used = [f for f in answer.facts if f.year == year and (f.agency == who or not who)]
        points.append(ComparePoint(who, year, value, used[0].unit if used else answer.unit, used))
    return points


def points_from_facts(concept: Concept, facts: Sequence[Fact], reports: Sequence[Report]) -> list[ComparePoint]:
    """The fallback: per report, the strongest table row of the concept (总计 or the single column)."""
    by_report: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.kind == "table":
            by_report[f.report_id].append(f)
    points = []
    for report in reports:
        matches, _ = select_column(best_matches(match_facts([concept], by_report.get(report.id, []))), [])
        strong = [m for m in matches if m.strength >= STRONG and m.fact.value is not None]
        if strong:
            fact = strong[0].fact
            points.append(ComparePoint(report.agency, report.year, fact.value, fact.unit, [fact]))  # type: ignore[arg-type]
    return points


def compare_frame(points: Sequence[ComparePoint]) -> pd.DataFrame:
    agencies = {p.agency for p in points}
    return pd.DataFrame({
        "label": [f"{p.year}" if len(agencies) == 1 else f"{p.agency} {p.year}" for p in points],
        "value": [float(p.value) for p in points],
        "agency": [p.agency for p in points],
    })


def common_prefix(paths: Sequence[tuple[str, ...]]) -> tuple[str, ...]:
    prefix: list[str] = []
    for parts in zip(*paths, strict=False):
        if len(set(parts)) != 1:
            break
        prefix.append(parts[0])
    return tuple(prefix)


def sources_text(facts: Sequence[Fact], reports: dict[str, Report]) -> str:
    """Where a figure comes from: one cell, or the cells it is the sum of under their common row."""
    if not facts:
        return ""
    if len(facts) == 1:
        return f"{fact_location(facts[0], reports.get(facts[0].report_id))}：{fact_value_text(facts[0])}"
    first = facts[0]
    prefix = common_prefix([f.path for f in facts])
    head = replace(first, path=prefix, column=first.column if all(f.column == first.column for f in facts) else None)
    parts = " + ".join(f"{PATH_SEP.join(f.path[len(prefix):]) or f.label} {format_number(f.value)}" for f in facts)
    return f"{fact_location(head, reports.get(first.report_id))}：{parts}"


def compare_numbers_frame(points: Sequence[ComparePoint], reports: dict[str, Report]) -> pd.DataFrame:
    rows = []
    for p in points:
        sources = sources_text(p.facts, reports)
        rows.append({"机关 Agency": p.agency, "年度 Year": str(p.year or "?"), "数值 Value": format_number(p.value),
                     "单位 Unit": p.unit, "来源 Source": sources})
    return pd.DataFrame(rows, columns=["机关 Agency", "年度 Year", "数值 Value", "单位 Unit", "来源 Source"])


class CompareHandlers(BaseHandlers):
    """The 对比 tab's handlers."""

    def compare(self, concept_id: str | None, agencies: Sequence[str] | None,
                years: Sequence[str] | None) -> tuple[Any, pd.DataFrame, str]:
        reports_by_id = self.reports_by_id()
        if not concept_id:
            return (gr.update(visible=False), compare_numbers_frame([], reports_by_id),
                    "请选择指标。Choose an indicator.")
        concept = self.lexicon.concept(concept_id)
        wanted_agencies = [a for a in (agencies or []) if a and a != ALL] or \
            sorted({r.agency for r in reports_by_id.values() if r.agency})
        wanted_years = {int(y) for y in (years or []) if str(y).isdigit()}
        points = self.compare_points(concept, wanted_agencies, wanted_years)
        points.sort(key=lambda p: (p.year or 0, p.agency))
        name = concept_name(concept)
        if not points:
            note = f"所选机关和年度的报告中没有「{name}」的数字。No figures for this indicator in the chosen reports."
            return gr.update(visible=False), compare_numbers_frame([], reports_by_id), note
        units = sorted({p.unit for p in points})
        note = (f"{name}：{len(points)} 个数字（单位 {'、'.join(units)}），数值均取自报告原表。"
                "Exact figures from the reports.")
        frame = compare_frame(points)
        plot = gr.update(value=frame, visible=True, title=name, y_title=f"{name}（{'、'.join(units)}）",
                         sort=list(frame["label"]))
        return plot, compare_numbers_frame(points, reports_by_id), note

    def compare_points(self, concept: Concept, agencies: Sequence[str], years: set[int]) -> list[ComparePoint]:
        question = trend_question(concept)
        points: list[ComparePoint] = []
        for agency in agencies:
            answer = self.engine.ask(question, agency=agency)
            got = [p for p in points_from_answer(answer, agency) if p.agency == agency]
            if not got:
                reports = [r for r in self.reports() if r.agency == agency]
                got = points_from_facts(concept, self.engine.facts([r.id for r in reports]), reports) if reports else []
            points += [p for p in got if not years or p.year in years]
        return points


@dataclass
class CompareTab:
    """The 对比 tab's components that events read or update."""

    c_concept: gr.Dropdown
    c_agencies: gr.Dropdown
    c_years: gr.Dropdown
    compare_button: gr.Button
    compare_note: gr.Markdown
    compare_plot: gr.BarPlot
    compare_table: gr.Dataframe


def build_compare_tab(h: BaseHandlers) -> CompareTab:
    with gr.Tab("对比 · Compare", id="compare", elem_id="tab-compare"):
        concepts = concept_choices(h.lexicon.concepts)
        with gr.Row():
            c_concept = gr.Dropdown(concepts, value="refused", label="指标 Indicator", scale=2,
                                    elem_id="compare-concept")
            c_agencies = gr.Dropdown(h.agency_choices(with_all=False), value=[], multiselect=True,
                                     label="机关 Agencies（空 = 全部 empty = all）", scale=2,
                                     elem_id="compare-agencies")
            c_years = gr.Dropdown(h.year_choices(with_all=False), value=[], multiselect=True,
                                  label="年度 Years（空 = 全部 empty = all）", scale=1, elem_id="compare-years")
            compare_button = gr.Button("对比 Compare", variant="primary", scale=1, elem_id="compare-button")
        compare_note = gr.Markdown(elem_id="compare-note")
        compare_plot = gr.BarPlot(x="label", y="value", x_title="机关 · 年度",
                                  y_title="数值 Value", label="对比图 Chart", visible=False,
                                  elem_id="compare-plot", height=320, y_lim=[0, None], y_axis_format=",~f")
        compare_table = gr.Dataframe(label="数字与来源 Figures and sources", interactive=False, wrap=True,
                                     elem_id="compare-table", column_widths=["18%", "8%", "9%", "7%", "58%"])
    return CompareTab(c_concept, c_agencies, c_years, compare_button, compare_note, compare_plot, compare_table)


def wire_compare_tab(h: CompareHandlers, tab: CompareTab) -> None:
    tab.compare_button.click(h.compare, [tab.c_concept, tab.c_agencies, tab.c_years],
                             [tab.compare_plot, tab.compare_table, tab.compare_note],
                             concurrency_id="engine", api_name="compare")

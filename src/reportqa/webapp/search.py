"""The 检索 tab: staff search passages and facts, filtered by agency, year, format, section and kind; the query's
words are highlighted, and a click on a passage opens its report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import gradio as gr
import pandas as pd

from ..documents import PATH_SEP, Fact, Hit, Report
from ..errors import QueryTooLong
from ..facts_match import match_facts
from ..lexicon import load_lexicon
from ..questions import parse_question
from .base import ALL, scope_value, year_value
from .rendering import format_number, highlight_terms, query_terms, report_label
from .reports import FORMAT_NAMES, ReportsHandlers


def search_frame(hits: Sequence[Hit], reports: dict[str, Report], terms: Sequence[str]) -> pd.DataFrame:
    rows = [{
        "得分 Score": round(h.score, 3),
        "报告 Report": report_label(reports[h.passage.report_id]) if h.passage.report_id in reports
        else h.passage.report_id,
        "章节 Section": h.passage.section,
        "内容 Text": highlight_terms(h.passage.text, terms),
    } for h in hits]
    return pd.DataFrame(rows, columns=["得分 Score", "报告 Report", "章节 Section", "内容 Text"])


def matching_facts(query: str, facts: Sequence[Fact], limit: int = 30) -> list[Fact]:
    """Facts a search query is about: its lexicon concepts matched against row paths, else the query as a substring."""
    question = parse_question(query, load_lexicon())
    if question.concepts:
        matches = match_facts(question.concepts, list(facts))
        matches.sort(key=lambda m: (-len(m.covered), -m.strength, m.fact.kind != "table", len(m.fact.path)))
        return [m.fact for m in matches[:limit]]
    needle = query.strip().lower()
    if not needle:
        return []
    return [f for f in facts if needle in f.path_text.lower() or needle in (f.source or "").lower()][:limit]


def facts_frame(facts: Sequence[Fact], reports: dict[str, Report]) -> pd.DataFrame:
    rows = [{
        "机关 Agency": f.agency,
        "年度 Year": str(f.year or "?"),
        "位置 Row": PATH_SEP.join(((f.table,) if f.table else ()) + f.path) + ("（正文）" if f.kind == "prose" else ""),
        "列 Column": f.column or "",
        "数值 Value": format_number(f.value),
        "单位 Unit": f.unit,
        "报告 Report": report_label(reports[f.report_id]) if f.report_id in reports else f.report_id,
    } for f in facts]
    return pd.DataFrame(rows, columns=["机关 Agency", "年度 Year", "位置 Row", "列 Column", "数值 Value", "单位 Unit",
                                       "报告 Report"])


class SearchHandlers(ReportsHandlers):
    """The 检索 tab's handlers (a click on a result uses ``open_selected`` of the 报告 tab)."""

    def search(self, query: str, agency: str | None, year: str | None, report_format: str | None,
               section: str | None, kind: str | None, k: float | None) -> tuple[pd.DataFrame, pd.DataFrame,
                                                                                 list[str], str]:
        query = (query or "").strip()
        reports = self.reports_by_id()
        if not query:
            return search_frame([], reports, []), facts_frame([], reports), [], "请输入检索词。Enter a query."
        try:
            hits = self.engine.search(query, k=int(k or 20), year=year_value(year), agency=scope_value(agency),
                                      report_format=scope_value(report_format),
                                      section=(section or "").strip() or None, kind=scope_value(kind))
        except QueryTooLong as exc:
            return search_frame([], reports, []), facts_frame([], reports), [], str(exc)
        facts = self.filtered_facts(agency, year, report_format, section)
        found = matching_facts(query, facts)
        terms = query_terms(query)
        note = (f"{len(hits)} 个段落、{len(found)} 个数字 · {len(hits)} passages, {len(found)} facts。"
                "点击一行打开报告 · Click a row to open its report.")
        return (search_frame(hits, reports, terms), facts_frame(found, reports),
                [h.passage.report_id for h in hits], note)

    def filtered_facts(self, agency: str | None, year: str | None, report_format: str | None,
                       section: str | None) -> list[Fact]:
        agency_name, year_number, format_name = scope_value(agency), year_value(year), scope_value(report_format)
        reports = [r for r in self.reports()
                   if (not agency_name or agency_name in (r.agency or ""))
                   and (not year_number or r.year == year_number)
                   and (not format_name or r.format == format_name)]
        facts = self.engine.facts([r.id for r in reports]) if reports else []
        section = (section or "").strip()
        if section:
            facts = [f for f in facts if section in f.table or section in f.path_text]
        return facts


@dataclass
class SearchTab:
    """The 检索 tab's components that events read or update."""

    query: gr.Textbox
    search_button: gr.Button
    s_agency: gr.Dropdown
    s_year: gr.Dropdown
    s_format: gr.Dropdown
    s_section: gr.Textbox
    s_kind: gr.Dropdown
    s_k: gr.Slider
    search_note: gr.Markdown
    hits_table: gr.Dataframe
    hit_ids: gr.State
    facts_table: gr.Dataframe


def build_search_tab(h: SearchHandlers) -> SearchTab:
    formats = [("全部格式 All formats", ALL)] + [(name, key) for key, name in FORMAT_NAMES.items()]
    with gr.Tab("检索 · Search", id="search", elem_id="tab-search"):
        with gr.Row():
            query = gr.Textbox(label="检索词 Query", placeholder="例如：依申请公开 / 不予公开", scale=4,
                               elem_id="search-query")
            search_button = gr.Button("检索 Search", variant="primary", scale=1, elem_id="search-button")
        with gr.Row():
            s_agency = gr.Dropdown(h.agency_choices(), value=ALL, label="机关 Agency", elem_id="search-agency",
                                   scale=2)
            s_year = gr.Dropdown(h.year_choices(), value=ALL, label="年度 Year", elem_id="search-year")
            s_format = gr.Dropdown(formats, value=ALL, label="格式 Format", elem_id="search-format")
            s_section = gr.Textbox(label="章节包含 Section contains", placeholder="例如：依申请",
                                   elem_id="search-section")
            s_kind = gr.Dropdown([("全部 All", ALL), ("正文 Prose", "prose"), ("表格行 Table rows", "table")],
                                 value=ALL, label="类型 Kind", elem_id="search-kind")
            s_k = gr.Slider(5, 50, value=20, step=5, label="结果数 Results")
        search_note = gr.Markdown(elem_id="search-note")
        hits_table = gr.Dataframe(headers=["得分 Score", "报告 Report", "章节 Section", "内容 Text"],
                                  datatype=["number", "str", "str", "html"], interactive=False, wrap=True,
                                  label="段落 Passages（点击一行打开报告 click a row to open its report）",
                                  column_widths=["8%", "20%", "20%", "52%"], elem_id="search-hits",
                                  max_height=520)
        hit_ids = gr.State([])
        facts_table = gr.Dataframe(label="相关数字 Matching facts", interactive=False, wrap=True,
                                   elem_id="search-facts", max_height=360,
                                   column_widths=["16%", "7%", "37%", "10%", "8%", "6%", "16%"])
    return SearchTab(query, search_button, s_agency, s_year, s_format, s_section, s_kind, s_k, search_note,
                     hits_table, hit_ids, facts_table)


def wire_search_tab(h: SearchHandlers, tab: SearchTab, opened: list[Any]) -> None:
    """``opened``: what opening a report updates (the tabs, the viewer's dropdown, the viewer)."""
    search_inputs = [tab.query, tab.s_agency, tab.s_year, tab.s_format, tab.s_section, tab.s_kind, tab.s_k]
    search_outputs = [tab.hits_table, tab.facts_table, tab.hit_ids, tab.search_note]
    tab.query.submit(h.search, search_inputs, search_outputs, concurrency_id="engine", api_name="search")
    tab.search_button.click(h.search, search_inputs, search_outputs, concurrency_id="engine",
                            api_visibility="private")
    tab.hits_table.select(h.open_selected, [tab.hit_ids], opened, api_visibility="private")

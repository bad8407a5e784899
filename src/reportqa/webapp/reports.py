"""The 报告 tab: the indexed reports as a table, and a viewer that shows one report with its consistency warnings,
its tables rebuilt from its facts, the figures found in its prose and its sections."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import gradio as gr
import pandas as pd

from ..documents import PATH_SEP, Report
from .base import ALL, BaseHandlers
from .rendering import esc, fact_value_text, highlight_terms, refusal_html
from .tables import grid_html, rebuild_tables, warned_paths

FORMAT_NAMES = {
    "old-table": "旧版统计表 (2008–2018)",
    "template-2019": "2019年模板",
    "template-2021": "2021年模板",
    "prose-only": "仅正文 prose only",
}


def report_view_html(report: Report, counts: tuple[int, int] | None = None) -> str:
    facts_n, passages_n = counts or (len(report.facts), 0)
    head = (f"<h3>{esc(report.title)}</h3>"
            f'<div class="rq-meta">机关 Agency：{esc(report.agency or "未识别 unknown")} · '
            f'年度 Year：{esc(report.year or "?")} · '
            f'格式 Format：{esc(FORMAT_NAMES.get(report.format, report.format))} · 文件 File：{esc(report.source)} · '
            f'ID {esc(report.id)} · 数字 facts {facts_n} · 段落 passages {passages_n}</div>')
    if report.warnings:
        items = "".join(f"<li>{esc(w)}</li>" for w in report.warnings)
        warn = (f'<div class="rq-warn"><b>一致性警告 Consistency warnings ({len(report.warnings)})</b>'
                f"<ul>{items}</ul></div>")
    else:
        warn = '<div class="rq-ok">无一致性警告 · No consistency warnings</div>'
    warned = warned_paths(report)
    tables = "".join(grid_html(g, warned=warned) for g in rebuild_tables(report.facts))
    tables_block = (f"<h4>统计表（由数字重建）· Tables rebuilt from facts</h4>{tables}" if tables
                    else '<p class="rq-meta">这份报告没有统计表。No tables.</p>')
    prose = [f for f in report.facts if f.kind == "prose"]
    prose_block = ""
    if prose:
        rows = "".join(f"<tr><td>{esc(PATH_SEP.join(f.path[:-1]))}</td><td>{esc(f.label)}</td>"
                       f'<td class="rq-num">{esc(fact_value_text(f))}</td>'
                       f"<td>{highlight_terms(f.source, [f.raw])}</td></tr>" for f in prose)
        prose_block = (f'<details class="rq-sec"><summary>正文中的数字 · Figures in the prose ({len(prose)})</summary>'
                       f'<table class="rq-table"><thead><tr><th>章节 Section</th><th>说法 Label</th><th>数值 Value</th>'
                       f"<th>原句 Sentence</th></tr></thead><tbody>{rows}</tbody></table></details>")
    sections = "".join(f'<details class="rq-sec" open><summary>{esc(s.heading)}</summary>'
                       f'<div class="rq-text">{esc(s.text)}</div></details>' for s in report.sections)
    sections_block = f"<h4>正文 · Sections ({len(report.sections)})</h4>{sections}" if sections else ""
    return f'<div class="rq-report">{head}{warn}{tables_block}{prose_block}{sections_block}</div>'


def reports_frame(reports: Sequence[Report], counts: dict[str, tuple[int, int]]) -> pd.DataFrame:
    rows = [{
        "机关 Agency": r.agency or r.title,
        "年度 Year": str(r.year or "?"),
        "格式 Format": r.format,
        "标题 Title": r.title,
        "文件 File": r.source,
        "数字 Facts": counts.get(r.id, (0, 0))[0],
        "段落 Passages": counts.get(r.id, (0, 0))[1],
        "警告 Warnings": len(r.warnings),
    } for r in reports]
    columns = ["机关 Agency", "年度 Year", "格式 Format", "标题 Title", "文件 File", "数字 Facts", "段落 Passages",
               "警告 Warnings"]
    return pd.DataFrame(rows, columns=columns)


def selected_row(ids: Sequence[str], evt: gr.SelectData) -> str | None:
    index = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
    return ids[index] if isinstance(index, int) and 0 <= index < len(ids) else None


class ReportsHandlers(BaseHandlers):
    """The 报告 tab's handlers; a click on a search result opens its report here too."""

    def reports_table(self) -> tuple[pd.DataFrame, list[str]]:
        reports = self.reports()
        return reports_frame(reports, self.engine.store.report_counts()), [r.id for r in reports]

    def view_report(self, report_id: str | None) -> str:
        if not report_id or report_id == ALL:
            return '<p class="rq-meta">请选择一份报告。Choose a report.</p>'
        report = self.engine.report(report_id)
        if report is None:
            return refusal_html(f"找不到报告 {report_id}。Report not found.")
        return report_view_html(report, self.engine.store.report_counts().get(report.id))

    def open_report(self, report_id: str | None) -> tuple[Any, Any, str]:
        """Switch to the 报告 tab showing this report."""
        return gr.Tabs(selected="reports"), gr.update(value=report_id), self.view_report(report_id)

    def open_selected(self, ids: list[str], evt: gr.SelectData) -> tuple[Any, Any, str]:
        """A row of the search results or of the reports table was clicked: open its report."""
        return self.open_report(selected_row(ids, evt))


@dataclass
class ReportsTab:
    """The 报告 tab's components that events read or update."""

    reports_df: gr.Dataframe
    report_ids: gr.State
    viewer_choice: gr.Dropdown
    viewer: gr.HTML


def build_reports_tab(h: ReportsHandlers) -> ReportsTab:
    with gr.Tab("报告 · Reports", id="reports", elem_id="tab-reports"):
        frame, ids = h.reports_table()
        reports_df = gr.Dataframe(frame, label="已索引的报告 Indexed reports（点击一行查看 click a row to view）",
                                  interactive=False, wrap=True, elem_id="reports-table")
        report_ids = gr.State(ids)
        viewer_choice = gr.Dropdown(h.report_choices()[1:], value=None, label="查看报告 View report",
                                    elem_id="viewer-choice")
        viewer = gr.HTML('<p class="rq-meta">请选择一份报告。Choose a report.</p>', elem_id="report-viewer")
    return ReportsTab(reports_df, report_ids, viewer_choice, viewer)


def wire_reports_tab(h: ReportsHandlers, tab: ReportsTab, opened: list[Any]) -> None:
    """``opened``: what opening a report updates (the tabs, the viewer's dropdown, the viewer)."""
    tab.reports_df.select(h.open_selected, [tab.report_ids], opened, api_visibility="private")
    tab.viewer_choice.input(h.view_report, [tab.viewer_choice], [tab.viewer], api_visibility="private")

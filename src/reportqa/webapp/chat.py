"""The 问答 tab: citizens ask questions, scoped to a report, a year or an agency; every figure comes with its source,
and a trend question draws a chart."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import gradio as gr
import pandas as pd

from ..documents import Answer, Number
from .answers import render_answer
from .base import ALL, BaseHandlers, scope_value, year_value
from .rendering import escape_markdown_text

log = logging.getLogger(__name__)

EXAMPLE_QUESTIONS = (
    "2017年有多少申请被拒绝公开？",
    "how many requests were refused in 2017",
    "网上申请有多少件",
    "存在哪些主要问题？",
)


def series_frame(series: Sequence[tuple[str, Number]]) -> pd.DataFrame:
    return pd.DataFrame({"label": [str(x) for x, _ in series], "value": [float(v) for _, v in series]})


MAX_CHAT_MESSAGES = 40  # the last 20 questions and answers: every answer sends the conversation back whole


def recent(history: list[dict]) -> list[dict]:
    """The conversation shown and kept: its last ``MAX_CHAT_MESSAGES`` messages (whole question–answer pairs)."""
    return history[-MAX_CHAT_MESSAGES:]


def user_message(text: str) -> dict[str, str]:
    return {"role": "user", "content": escape_markdown_text(text)}


class ChatHandlers(BaseHandlers):
    """The 问答 tab's handlers."""

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
            log.exception("ask %r failed", question[:200])
            content = escape_markdown_text(f"抱歉，回答这个问题时出错了（{type(exc).__name__}）。请换个问法再试。"
                                           "Sorry, something went wrong while answering; please rephrase.")
            history = recent(history + [user_message(question), {"role": "assistant", "content": content}])
            return history, history, "", gr.update(visible=False)
        log.info("ask %r → found=%s intent=%s in %.0f ms", question[:200], answer.found, answer.intent,
                 (time.perf_counter() - started) * 1000)
        content = render_answer(answer, self.reports(), lambda rid: self.engine.facts([rid]))
        history = recent(history + [user_message(answer.question if answer.intent == "too-long" else question),
                                    {"role": "assistant", "content": content}])
        return history, history, "", self.series_plot(answer)

    @staticmethod
    def series_plot(answer: Answer) -> Any:
        if not answer.series:
            return gr.update(visible=False)
        unit = answer.unit or (answer.facts[0].unit if answer.facts else "")
        frame = series_frame(answer.series)
        return gr.update(value=frame, visible=True, y_title=f"数值 Value（{unit}）", title=answer.question,
                         sort=list(frame["label"]))


@dataclass
class ChatTab:
    """The 问答 tab's components that events read or update."""

    scope_report: gr.Dropdown
    scope_year: gr.Dropdown
    scope_agency: gr.Dropdown
    chatbot: gr.Chatbot
    question: gr.Textbox
    ask_button: gr.Button
    clear_button: gr.Button
    example_buttons: list[gr.Button]
    chat_plot: gr.BarPlot


def build_chat_tab(h: BaseHandlers) -> ChatTab:
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
    return ChatTab(scope_report, scope_year, scope_agency, chatbot, question, ask_button, clear_button,
                   example_buttons, chat_plot)


def wire_chat_tab(h: ChatHandlers, tab: ChatTab) -> None:
    # the conversation is kept server-side: the browser never sends the (long) history back
    history = gr.State([])
    chat_inputs = [tab.question, history, tab.scope_report, tab.scope_year, tab.scope_agency]
    chat_outputs = [tab.chatbot, history, tab.question, tab.chat_plot]
    tab.question.submit(h.ask, chat_inputs, chat_outputs, concurrency_id="engine", api_name="ask")
    tab.ask_button.click(h.ask, chat_inputs, chat_outputs, concurrency_id="engine", api_visibility="private")
    for button in tab.example_buttons:
        button.click(h.ask, [button, history, tab.scope_report, tab.scope_year, tab.scope_agency], chat_outputs,
                     concurrency_id="engine", api_visibility="private")
    tab.clear_button.click(lambda: ([], [], gr.update(visible=False)), None, [tab.chatbot, history, tab.chat_plot],
                           api_visibility="private")
    tab.chatbot.clear(lambda: ([], gr.update(visible=False)), None, [history, tab.chat_plot],
                      api_visibility="private")

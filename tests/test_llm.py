"""The optional LLM phrasing against a real local HTTP server speaking the OpenAI chat protocol."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from reportqa.documents import Answer
from reportqa.llm import LLMRephraser, numbers_in


class _Server:
    def __init__(self, reply: str, status: int = 200) -> None:
        self.reply, self.status, self.requests = reply, status, []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                outer.requests.append((self.path, dict(self.headers), body))
                data = json.dumps({"choices": [{"message": {"role": "assistant", "content": outer.reply}}]}).encode()
                self.send_response(outer.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

        self.httpd = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/v1"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()


@pytest.fixture
def composed() -> Answer:
    return Answer("2017年有多少申请被拒绝公开？", found=True,
                  text="温州市瓯海区人民政府 2017年不同意公开答复数：**19件**。"
                       "来源：《2017年度政府信息公开工作年度报告》。",
                  value=19, unit="件")


def test_rewording_that_keeps_the_figures_is_used(composed: Answer) -> None:
    server = _Server("2017年，瓯海区有19件申请被拒绝公开（不同意公开答复数），见《2017年度政府信息公开工作年度报告》。")
    try:
        out = LLMRephraser(server.url, model="m", key="secret").rephrase(composed)
    finally:
        server.close()
    assert out.text.startswith("2017年，瓯海区有19件")
    assert out.value == 19 and "llm-phrased" in out.notes
    path, headers, body = server.requests[0]
    assert path == "/v1/chat/completions"
    assert headers["Authorization"] == "Bearer secret"
    assert body["model"] == "m" and body["messages"][-1]["content"].endswith(composed.text)


def test_rewording_that_changes_a_figure_is_rejected(composed: Answer) -> None:
    server = _Server("2017年瓯海区约有20件申请被拒绝。")
    try:
        out = LLMRephraser(server.url).rephrase(composed)
    finally:
        server.close()
    assert out.text == composed.text and "llm-rejected" in out.notes


def test_unreachable_endpoint_keeps_the_composed_answer(composed: Answer) -> None:
    out = LLMRephraser("http://127.0.0.1:9", timeout=2).rephrase(composed)
    assert out.text == composed.text


def test_numbers_are_compared_without_formatting() -> None:
    assert numbers_in("37,353条，85.40万元") == {"37353", "85.4"}

"""Optional LLM phrasing (off by default): an OpenAI-compatible chat endpoint may reword a composed answer.

The composed answer stays the source of truth: every number in the model's wording must be one of the numbers of
the composed answer, or the composed answer is kept unchanged. Failures of the endpoint never fail a question.
"""

from __future__ import annotations

import json
import logging
import re
import urllib.error
import urllib.request
from dataclasses import replace

from .documents import Answer

log = logging.getLogger(__name__)
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
SYSTEM_PROMPT = ("你是政府信息公开年度报告的问答助手。把给定的答案改写得更自然、简洁，用提问的语言回答。"
                 "必须保留每一个数字、单位和来源，不得增加、删除或改动任何数字。"
                 "Rewrite the given answer naturally and concisely in the language of the question; keep every "
                 "number, unit and source exactly; never add or change a number.")


def numbers_in(text: str) -> set[str]:
    return {n.replace(",", "").rstrip("0").rstrip(".") if "." in n else n.replace(",", "")
            for n in _NUMBER.findall(text)}


class LLMRephraser:
    def __init__(self, url: str, model: str = "", key: str = "", timeout: float = 20.0) -> None:
        self.url = url.rstrip("/")
        if not self.url.endswith("/chat/completions"):
            self.url += "/chat/completions"
        self.model = model
        self.key = key
        self.timeout = timeout

    def complete(self, question: str, composed: str) -> str:
        body = {"model": self.model, "temperature": 0,
                "messages": [{"role": "system", "content": SYSTEM_PROMPT},
                             {"role": "user", "content": f"问题 / question: {question}\n答案 / answer:\n{composed}"}]}
        request = urllib.request.Request(self.url, data=json.dumps(body).encode(), method="POST",
                                         headers={"Content-Type": "application/json",
                                                  **({"Authorization": f"Bearer {self.key}"} if self.key else {})})
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            data = json.loads(response.read().decode("utf-8"))
        return data["choices"][0]["message"]["content"].strip()

    def rephrase(self, answer: Answer) -> Answer:
        if not answer.found:
            return answer
        try:
            worded = self.complete(answer.question, answer.text)
        except (urllib.error.URLError, TimeoutError, OSError, KeyError, IndexError, ValueError) as exc:
            log.warning("LLM phrasing failed (%s); keeping the composed answer", exc)
            return answer
        allowed = numbers_in(answer.text)
        extra = numbers_in(worded) - allowed
        if not worded or extra or not (numbers_in(answer.text) & numbers_in(worded) or not allowed):
            log.warning("LLM wording changed figures (%s); keeping the composed answer", sorted(extra))
            return replace(answer, notes=answer.notes + ["llm-rejected"])
        return replace(answer, text=worded, notes=answer.notes + ["llm-phrased"])

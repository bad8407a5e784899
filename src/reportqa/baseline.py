"""The retrieval-only baseline (``reportqa eval --mode passages``): what a plain RAG peer does, no fact engine.

It retrieves passages and reads the figure nearest to the question's words out of the best passage, so the gain of
the fact engine is measured in the same run on the same questions.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .answering import PROSE_MIN_SCORE
from .documents import Answer
from .engine import Engine
from .parsing.prose_facts import UNITS
from .questions import parse_question

_FIGURE = re.compile(r"(\d+(?:\.\d+)?)\s*(" + "|".join(UNITS) + ")")
_BIGRAMS = lambda text: {text[i : i + 2] for i in range(len(text) - 1)}  # noqa: E731


class PassageBaseline:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def ask(self, question: str, report: str | None = None) -> Answer:
        q = parse_question(question)
        hits = self.engine.search(question, k=self.engine.settings.top_k, report=report)
        if not hits or hits[0].score < PROSE_MIN_SCORE[q.lang]:
            return Answer(question, found=False, text="not found", passages=hits)
        if not q.numeric:
            return Answer(question, found=True, text=hits[0].passage.text, passages=hits)
        wanted = _BIGRAMS(question)
        best = None
        for m in _FIGURE.finditer(hits[0].passage.text):
            context = hits[0].passage.text[max(0, m.start() - 16) : m.start()]
            score = len(_BIGRAMS(context) & wanted)
            if best is None or score > best[0]:
                best = (score, m)
        if best is None:
            return Answer(question, found=False, text="no figure in the best passage", passages=hits)
        digits, unit = best[1].group(1), best[1].group(2)
        value = Decimal(digits) if "." in digits else int(digits)
        return Answer(question, found=True, text=hits[0].passage.text, value=value, unit=unit, passages=hits)

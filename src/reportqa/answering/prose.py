"""Descriptive answers quoted from the best passage, and abstention that says what is indexed."""

from __future__ import annotations

from ..documents import Answer, Report
from ..scope import indexed_summary
from ..wording import say_no_report, say_passage
from .context import Ask

# Dense cosine of the best passage below which a prose answer is "not in the reports"; e5 scores English questions
# against Chinese passages lower than Chinese ones, so each language has its own threshold (calibrated on eval/).
PROSE_MIN_SCORE = {"zh": 0.80, "en": 0.70}


def answer_from_passages(reports: dict[str, Report], ask: Ask, min_score: dict[str, float]) -> Answer:
    q = ask.q
    passages = [h for h in ask.passages if h.score >= min_score[q.lang]]
    if q.asks_for:  # "哪个法院审理的": only a passage that names a court can say which
        passages = [h for h in passages if q.asks_for in h.passage.text]
    if not passages:
        return abstain(reports, ask)
    top = passages[0]
    text = say_passage(reports.get(top.passage.report_id), q.lang, top.passage.section, top.passage.text)
    return Answer(q.text, found=True, text=text, passages=list(ask.passages), intent="prose")


def abstain(reports: dict[str, Report], ask: Ask) -> Answer:
    problem = ask.scope.problem
    text = say_no_report(ask.q.lang, problem)
    return Answer(ask.q.text, found=False, text=text + indexed_summary(list(reports.values()), ask.q.lang),
                  passages=list(ask.passages), intent=ask.q.intent.value, notes=[str(problem)] if problem else [])

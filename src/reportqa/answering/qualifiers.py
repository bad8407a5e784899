"""Everything the question narrows a figure by must be named where the figure is.

"男性申请人有多少" asks for a breakdown no table has; the nearest figure (all requests) is not its answer. A chosen
figure whose row, column and sentence do not name the question's qualifier is demoted: the answer says the reports do
not break the figure down that way and shows it as related, with no value of its own.
"""

from __future__ import annotations

from dataclasses import replace

from ..agencies import ENGLISH_BODY
from ..documents import Answer, Fact
from ..lexicon import Lexicon
from ..questions import Question
from ..wording import say_not_broken_down


def unaccounted_qualifiers(q: Question, facts: list[Fact], lexicon: Lexicon) -> list[str]:
    # a word of a body's own name qualifies nothing ("the Qingyang Foreign Affairs Office": no foreign applicants)
    text = ENGLISH_BODY.sub(" ", q.text) if q.lang == "en" else q.text
    asked = {m.group(0).lower() for m in lexicon.words.qualifiers.finditer(text)}
    if not asked or not facts:
        return []
    where = " ".join(" ".join((*f.path, f.column or "", f.source, f.table or "")) for f in facts).lower()
    return sorted(w for w in asked if w not in where)


def demote_unqualified(q: Question, answer: Answer, lexicon: Lexicon) -> Answer:
    missing = unaccounted_qualifiers(q, answer.facts, lexicon)
    if not missing or not answer.found or answer.value is None:
        return answer
    text = say_not_broken_down(q.lang, missing, answer.text)
    return replace(answer, found=False, value=None, unit="", text=text, notes=[*answer.notes, "not broken down"])

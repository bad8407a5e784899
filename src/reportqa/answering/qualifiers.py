"""Everything the question narrows a figure by must be named where the figure is.

"男性申请人有多少" asks for a breakdown no table has; the nearest figure (all requests) is not its answer. A chosen
figure whose row, column and sentence do not name the question's qualifier is demoted: the answer says the reports do
not break the figure down that way and shows it as related, with no value of its own.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..agencies import ENGLISH_BODY, in_english_body_name, without_english_body_names
from ..documents import Answer, Fact
from ..lexicon import Lexicon, glossary_entries, glossary_terms
from ..questions import Question
from ..wording import say_not_broken_down


def unaccounted_qualifiers(q: Question, facts: list[Fact], lexicon: Lexicon) -> list[str]:
    # a word of a body's own name qualifies nothing ("the Qingyang Foreign Affairs Office": no foreign applicants)
    # (and one described in lower case: "the Chongqing municipal foreign affairs office")
    text = without_english_body_names(ENGLISH_BODY.sub(" ", q.text)) if q.lang == "en" else q.text
    # (and a word of a zone's or body's name written in lower case: "the Qinzhou overseas Chinese investment zone")
    asked = {m.group(0).lower() for m in lexicon.words.qualifiers.finditer(text)
             if q.lang != "en" or not in_english_body_name(text, m.end())}
    # "全区受理的申请中,不属于区政府本级的": a question naming the whole too sets the two apart itself
    own = _own_level().search(q.text) if not _WHOLE.search(q.text) else None
    threshold = _THRESHOLD_ASKED.search(q.text)
    if not (asked or own or threshold) or not facts:
        return []
    where = " ".join(" ".join((*f.path, f.column or "", f.source, f.table or "")) for f in facts).lower()
    # an English qualifier is named by the reports' own word for it (the glossary's: "key areas" → 重点领域)
    missing = {w for w in asked if w not in where and not any(t in where for t in glossary_terms(w))}
    if threshold and not any((said := _THRESHOLD_SAID.search(_own_words(f)))
                             and _threshold_value(said.group(0)) in (None, _threshold_value(threshold.group(0)))
                             for f in facts):
        missing.add(threshold.group(0).lower())  # "阅读过万文章12篇": only a figure named by its threshold counts them
    if own and any(_WHOLE.search(f.text_form if f.kind == "prose" else f.path_text) and "本级" not in f.text_form
                   for f in facts):
        missing.add(own.group(0).lower())  # "区政府本级受理了多少件": 全区's 800 is the whole, not the body's own
    return sorted(missing)


@lru_cache(maxsize=1)
def _own_level() -> re.Pattern[str]:
    """The body's own level, against the whole it oversees: 本级 and the glossary's English for it ("the bureau
    itself"). A figure its own clause gives for the whole district (全区共受理800件) is not the body's own (区政府本级
    共受理206件); a figure that names neither may be either."""
    english = sorted((k for k, zh in glossary_entries().items() if "本级" in zh), key=len, reverse=True)
    return re.compile("|".join(["本级", *(rf"\b{re.escape(k)}\b" for k in english)]), re.IGNORECASE)


_WHOLE = re.compile(r"全(?:省|市|区|县|州|盟|旗|镇|乡|系统)")
# a count of things over a threshold of a measure ("文章阅读量过万", "articles read over 10,000 times"): the label of
# the figure must say a threshold too, not count every article
_THRESHOLD_ASKED = re.compile(
    r"(?:阅读|浏览|点击|访问|播放|转发|点赞)[量数次]*(?:过|超过?|破|达到?|逾)(?:\d+|[十百千])?万(?:次|人次)?(?:以上)?"
    r"|(?:阅读|浏览|点击|访问|播放|转发|点赞)[量数次]*\s*(?:\d+|[十百千])?万\+"
    r"|\b(?:read|viewed|seen|clicked|played|shared|visited)\s+(?:over|more than|above|at least|in excess of)\s+"
    r"[\d,.]+\s*(?:thousand|million)?\s*times\b"
    r"|\b(?:over|more than|above|at least)\s+[\d,.]+\s*(?:thousand|million)?\s*"
    r"(?:reads|views|page views|clicks|plays)\b",
    re.IGNORECASE)


def _own_words(fact: Fact) -> str:
    """A figure's own words: its row and column, or its label and its clause up to it ("其中阅读量超1万次的文章7篇":
    the label alone, 万次的文章, lost the threshold's figure)."""
    words = " ".join((*fact.path[-1:], fact.column or ""))
    if fact.kind == "prose" and fact.raw and (at := fact.source.find(fact.raw)) >= 0:
        words += " " + re.split(r"[，,。；;]", fact.source[:at])[-1]
    return words


def _threshold_value(text: str) -> int | None:
    """10000 of 过万, 超1万次, "over 10,000 times"; 100000 of 10万+, "100 thousand"; None when no figure is read."""
    text = text.lower().replace(",", "")
    if re.search(r"[过超破]万|(?<![\d十百千])万\+", text):
        return 10000
    m = re.search(r"(\d+(?:\.\d+)?)\s*(万|thousand|million)?", text)
    if m is None:
        return None
    scale = {"万": 10000, "thousand": 1000, "million": 1000000}.get(m.group(2) or "", 1)
    return int(float(m.group(1)) * scale)


_THRESHOLD_SAID = re.compile(r"过万|超万|破万|万\+|\d万以上"
                             r"|(?:超过?|逾|达到?)\s*(?:\d+|[一二三四五六七八九十百千])+\s*万?(?:次|人次)"
                             r"|\d+\s*万?(?:次|人次)以上")


def demote_unqualified(q: Question, answer: Answer, lexicon: Lexicon) -> Answer:
    missing = unaccounted_qualifiers(q, answer.facts, lexicon)
    if not missing or not answer.found or answer.value is None:
        return answer
    text = say_not_broken_down(q.lang, missing, answer.text)
    return replace(answer, found=False, value=None, unit="", text=text, notes=[*answer.notes, "not broken down"])

"""The one figure of everything a body published, for a question that names nothing narrower.

"茅坪回族镇2022年公开政府信息多少条" and "how many items did Maoping town publish in 2022" name no kind of
information, no channel and no column: they ask for all the body published. Many reports state that in a sentence whose
label is as bare as the question ("全镇政府信息公开566条", "全年主动公开政府信息1234条"), with no word the question
shares beyond the generic ones, so matching by the question's own words finds nothing. Here a bare question is answered
by the report's one bare figure in the unit asked, and by nothing when the report states two different bare figures.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from ..documents import Answer, Fact, Report
from ..questions import Intent, Question, publishes_bare_items
from ..wording import say_read_from_text
from .extractive import implied_units, unit_fits

# words that say "information was published" and nothing about what: the question and the label may write only these
_GENERIC_WORDS = frozenset({
    "公开", "发布", "主动", "政府", "信息", "政务", "政府信息", "政务信息", "各类", "各项", "有关", "相关",
    "共", "共计", "一共", "总共", "合计", "累计", "全年", "年内", "本年", "本年度", "今年", "年度", "了", "的",
    "有", "多少", "几", "等", "总数", "数量", "数", "全部", "所有", "我", "其", "通过", "对外", "向", "社会",
    "共有", "已", "进行", "依法"})
# the body itself: 全镇, 我局, 本机关 scope a figure to the body, they name no part of what it published
_BODY_WORDS = re.compile(r"^(?:全|我|本)(?:[镇乡区县市局委办省州旗街院所厅])$|^本(?:机关|单位|部门)$"
                         r"|^(?:全|本)?(?:镇|乡|街道)$")
_MEASURES = re.compile(r"^(?:[条项件个篇份次]|(?:19|20)\d{2}年?|年)$")


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    from ..chunking import jieba  # quiet, as chunking sets it up

    return tuple(w for w in jieba.lcut(re.sub(r"[\s\d,，。、:：;；?？!！“”\"'()（）]+", " ", text)) if w.strip())


def is_bare(text: str) -> bool:
    """Nothing but the generic words of publishing, the body's own scope words and measure words."""
    return all(w in _GENERIC_WORDS or _BODY_WORDS.match(w) or _MEASURES.match(w) for w in _words(text))


def asks_everything_published(q: Question, topic: str) -> bool:
    """A count of all a body published: the question (its agency and year taken out) names nothing narrower."""
    if q.intent is not Intent.LOOKUP or q.columns:
        return False
    if q.lang == "en":
        return publishes_bare_items(q.text)
    return bool(_words(topic)) and is_bare(topic)


def everything_published(q: Question, topic: str, facts_by_report: Mapping[str, list[Fact]],
                         reports: dict[str, Report], scope_ids: Sequence[str]) -> Answer | None:
    """The one report's bare figure in the unit asked; none when the question is scoped to several reports (each
    has its own) or the report states two bare figures that differ (which of them the question means is unknown)."""
    if len(scope_ids) != 1 or not asks_everything_published(q, topic):
        return None
    report = reports.get(scope_ids[0])
    units = implied_units(q.text)
    bare = [f for f in facts_by_report.get(scope_ids[0], [])
            if f.kind == "prose" and f.value is not None and f.year in (None, report.year if report else None)
            and f.label and is_bare(f.label) and unit_fits(q.text, f.unit)
            and (not units or f.unit in units or f.unit.lstrip("万") in units)]
    if not bare or len({(f.value, f.unit) for f in bare}) != 1:
        return None
    fact = bare[0]
    text = say_read_from_text(report, q.lang, fact, quoted_section=True)
    return Answer(q.text, found=True, text=text, value=fact.value, unit=fact.unit, facts=[fact],
                  notes=["read from the text", "everything published"], intent="lookup")

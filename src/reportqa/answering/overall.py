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

from ..agencies import split_agency
from ..documents import Answer, Fact, Report
from ..parsing.prose_facts import listed_part_of, own_clause
from ..questions import Intent, Question, publishes_bare_items
from ..wording import say_read_from_text
from .bare_words import is_bare
from .extractive import implied_units, received_not_published, unit_fits


def asks_everything_published(q: Question, topic: str) -> bool:
    """A count of all a body published: the question (its agency and year taken out) names nothing narrower."""
    if q.intent is not Intent.LOOKUP or q.columns:
        return False
    if q.lang == "en":
        return publishes_bare_items(q.text)
    return is_bare(topic)


def everything_published(q: Question, topic: str, facts_by_report: Mapping[str, list[Fact]],
                         reports: dict[str, Report], scope_ids: Sequence[str]) -> Answer | None:
    """The one report's bare figure in the unit asked; none when the question is scoped to several reports (each
    has its own) or the report states two bare figures that differ (which of them the question means is unknown)."""
    if len(scope_ids) != 1 or not asks_everything_published(q, topic):
        return None
    report = reports.get(scope_ids[0])
    units = implied_units(q.text)
    # the body's whole name and its places (银川市水务局主动公开政府信息: the bureau's own)
    places = [report.agency, *split_agency(report.agency)[0]] if report else []
    facts = [f for f in facts_by_report.get(scope_ids[0], []) if f.kind == "prose" and f.value is not None]
    bare = [f for f in facts
            if f.year in (None, report.year if report else None)
            # (a label that is nothing but the kinds it gives as examples is bare too: "…规划信息、…事项等共计94条")
            and f.label and _says_nothing_of_what(_without_ways_and_body(_without_list_opening(f), places))
            and unit_fits(q.text, f.unit)
            and (not units or f.unit in units or f.unit.lstrip("万") in units)
            and not received_not_published(f)  # "收到依申请公开信息1条" is no item published
            # "355条，其中通过网站公开145条，通过政务微博…等方式公开210条": a part listed under a whole is not all
            and not any(w.unit == f.unit and listed_part_of(f, w) for w in facts)]
    if not bare or len({(f.value, f.unit) for f in bare}) != 1:
        return None
    fact = bare[0]
    text = say_read_from_text(report, q.lang, fact, quoted_section=True)
    return Answer(q.text, found=True, text=text, value=fact.value, unit=fact.unit, facts=[fact],
                  notes=["read from the text", "everything published"], intent="lookup")


# "通过市政府政务网站、新媒体平台、宣传栏等方式", "通过各类平台", "通过不同渠道和方式": how it was published, every
# channel at once, not what was published
_WAYS = r"(?:方式|渠道|平台|途径|形式|载体)"
_ALL_WAYS = re.compile(rf"^(?:[^，,。；;]*?)?通过(?:[^，,。；;]*?等|各类|各种|多种|所有|不同)(?:的)?{_WAYS}"
                       rf"(?:(?:和|与|及){_WAYS})?")


# "及时公开政策法规、业务工作、办事指南、工作动态等政府信息": kinds listed as examples of all it published
# (after the verb of publishing: "民生保障、社会救助等信息214条" is the part those kinds make, no example list)
_KINDS = r"[\u4e00-\u9fa5()（）]{2,16}(?:、[\u4e00-\u9fa5()（）]{2,16})+等"
_OF_INFORMATION = r"(?:方面|各类|各项)?(?:的)?(?:政府|政务)?信息"
_KINDS_LISTED = re.compile(rf"(?<=公开|发布){_KINDS}(?={_OF_INFORMATION}$)")
# (a label opening with the list may end at its 等: "主动公开规划信息、统计信息、…事项等共计94条", the verb before it)
_KINDS_OPENING = re.compile(rf"^{_KINDS}(?=(?:{_OF_INFORMATION})?$)")


def _says_nothing_of_what(rest: str) -> bool:
    return not rest or is_bare(rest)


def _without_list_opening(fact: Fact) -> str:
    """"主动公开2022年印发的…、项目资金使用情况、…、信件办理等政府信息共104条": a label cut to the list of kinds it
    gives as examples, whose clause publishes them (主动公开 before the list), is all the clause published; a list
    counted out after 其中 (民生保障、社会救助等信息214条) publishes nothing of its own and stays."""
    if _KINDS_OPENING.match(fact.label) and re.search(r"公开|发布|公布", own_clause(fact).replace(fact.label, "")):
        return _KINDS_OPENING.sub("", fact.label)
    return fact.label


def _without_ways_and_body(label: str, places: list[str]) -> str:
    """The label without the ways it was published by (all of them, listed up to 等方式), the kinds it lists as
    examples of all it published, and the body's own places (主动公开朋普镇政府信息: 朋普镇's own): what is left
    says what was published, or nothing."""
    label = _KINDS_LISTED.sub("", _ALL_WAYS.sub("", label))
    for place in places:
        label = label.replace(place, "")
    return label

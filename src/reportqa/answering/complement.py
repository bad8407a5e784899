"""What is left of a whole once named parts are taken out: "不属于区政府本级的有多少件", "apart from licensing,
penalty and fee items, how many items …", "how many were not institutional-function items".

The whole is the question without the parts (answered like any lookup of the report) or a figure the question states
itself ("Of the town's 20 cumulatively disclosed items"); each part is the one figure of the same report, in the
whole's unit, whose label names it. A whole or a part not found leaves no figure: the whole alone is never the answer
to what is left of it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from ..documents import Answer, Fact, Number, Report
from ..lexicon import Lexicon
from ..questions import Question
from ..wording import say_what_is_left
from .facts import sum_values
from .items import ADDED_UP
from .share import counted_alike, figure_naming_part

# zh: "除（了）“其他类”（之）外的", "…中，不属于区政府本级的"
_EXCEPT_ZH = re.compile(r"除(?:了|去)?(?P<parts>[^，,。？?]{2,30}?)(?:之外|以外|外)(?:的)?[，,]?")
# "制发的公文中,未主动公开的有多少件": what was not done to some of the whole, taken out of it
_NOT_OF_ZH = re.compile(r"(?<=中)[，,]?(?:不属于|并非|不是|未被?|没有被?|尚未)(?P<parts>[^，,。？?]{2,20}?)的")
# "累计主动公开信息,扣除2012年新增的部分,还有多少条": the parts deducted, then what is left asked (还有/还剩)
_DEDUCTED_ZH = re.compile(r"[，,]?(?:扣除|减去|减掉|去掉|去除|刨除|除掉)(?:了)?(?P<parts>[^，,。？?]{2,30}?)"
                          r"(?:的?部分)?(?:后|以后|之后)?[，,]?(?=还|剩|余下)")
# "主动公开信息中,政务新媒体以外的各专栏信息": the part taken out of the whole named before it, without 除
_OUTSIDE_ZH = re.compile(r"(?<=中)[，,]?(?P<parts>[^，,。？?]{2,20}?)(?:之外|以外)的?")
# "东直门街道2017年业务动态类以外的主动公开信息": the part taken out written right after the year, without 除
_OUTSIDE_AFTER_YEAR_ZH = re.compile(r"(?<=年)(?:度)?(?P<parts>[\u4e00-\u9fa5“”]{2,12}?)(?:之外|以外)的?")
_ADDED_UP_ZH = re.compile(rf"(?:{ADDED_UP.pattern})(?=[有是为]?(?:多少|几))")
# "…以外的其他政府信息", "…以外的其他四类信息": the rest in general, the whole the parts are taken out of
_THE_REST_OF_ZH = re.compile(r"^(?:其他|其它)(?:[一二三四五六七八九十两几\d]+[类项])?")
# "主动公开的信息中非公文类有几条": 非 before a class of the whole named before it (…中)
_NON_ZH = re.compile(r"(?<=中)[，,]?非(?P<parts>[\u4e00-\u9fa5]{2,10}?类)(?:的)?")
# the English words that take something out of a whole (answerer.py reads them too)
LEAVING_OUT_EN = (r"apart from|aside from|other than|except(?: for)?|excluding|leaving out|leaving aside|setting aside"
                  r"|not counting")
# en: "apart from X,", "other than X", "excluding X", "leaving out X,", "neither X nor Y", "how many were not X?"
_EXCEPT_EN = re.compile(
    r"[,(]?\s*\b(?:" + LEAVING_OUT_EN + r"|(?:that|which) were neither)\s+"
    r"(?P<parts>[^,?()]+?(?:\s+nor\s+[^,?()]+?)?)\s*(?:[,)]|(?=\?)|$"
    # ("how many items other than normative documents did the county publish": the question goes on at its verb)
    r"|(?=\s(?:did|do|does|were|was|are|is|has|have|had)\b))",
    re.IGNORECASE)
_LEADING_EXCEPT_EN = re.compile(r"^\s*(?:" + LEAVING_OUT_EN + r")\s+(?P<parts>.+?),\s*"
                                r"(?=(?:how|what|which)\b)",
                                re.IGNORECASE)
# ("how many of the sub-district's 2015 disclosures were not business-activity items": the whole said after "of")
_WERE_NOT_EN = re.compile(r"\b(?P<ask>how many(?: of [^?]+?| (?:items|ones|pieces|entries))?)(?P<verb> were| was| are)?"
                          r" (?:not|neither) (?P<parts>[^,?]+?)"
                          r"(?=\?|$)", re.IGNORECASE)
_ABOUT_OTHER_EN = re.compile(r"\s+(?:were|was)\s+about something\s*(?=other than)", re.IGNORECASE)
_LIST_SPLIT = re.compile(r"\s*(?:、|，|,|和|与|及|以及|\band\b|\bor\b|\bnor\b)\s*", re.IGNORECASE)
_COUNT_NOUNS = re.compile(r"\b(?:items?|category|categories|ones?|information|pieces?|the)\b|[“”\"'类]",
                          re.IGNORECASE)
# (…以外的其他各类信息: the rest in general, not a row of its own named 其他…)
_NAMES_THE_REST = re.compile(r"(?:以外|之外|外)[^？?]*?(?:其他|其它)"
                             r"(?!各类|各项|所有|的?(?:政府|政务)?信息|[一二三四五六七八九十两几\d]+[类项])"
                             r"|\bother (?!than\b)", re.IGNORECASE)
_YEAR_OF_PART = re.compile(r"(?:19|20)\d{2}\s*年度?(?:的)?")
_NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])")


# "新收(不含上年结转)的申请": a part the whole may hold (收到申请36件(含2021年结转2件)) or not (本年新收 34)
_NOT_INCLUDING_ZH = re.compile(r"[（(]?(?:不含|不包括|不计)(?P<parts>[^，,。？?（）()]{2,20}?)[)）]?(?=的|[，,？?]|$)")


_LEFT_DANGLING = re.compile(r"(?:中|当中|里)[，,]?\s*(?:还|另|另外)?(?P<asked>有?多少|有几|共有)")


@dataclass(frozen=True)
class Complement:
    whole_question: str  # the question without the parts taken out
    parts: str  # the parts' words, as the question writes them
    # taken out only of a whole that says it holds them (含…); a whole that does not is already without them
    if_held: bool = False


def complement_of(text: str) -> Complement | None:
    """The whole asked and the parts taken out of it, or None when the question takes nothing out, or names what is
    left itself ("除了公报、网站以外，用其他方式公开了多少条": the 其他方式 row)."""
    if _NAMES_THE_REST.search(text):
        return None
    for pattern in (_EXCEPT_ZH, _DEDUCTED_ZH, _NOT_OF_ZH, _NON_ZH, _OUTSIDE_ZH, _OUTSIDE_AFTER_YEAR_ZH):
        if m := pattern.search(text):
            # ("公开的信息中,除工作信息外还有多少条": the whole without its 中 and 还, "公开的信息有多少条")
            after = text[m.end():]
            if rest := _THE_REST_OF_ZH.match(after):
                # ("…以外的其他政府信息合计多少条": the rest added up is what is left; the whole is one figure)
                after = _ADDED_UP_ZH.sub("", after[rest.end():])
            whole = _LEFT_DANGLING.sub(r"\g<asked>", text[: m.start()] + after)
            return Complement(whole, m.group("parts"))
    if m := _NOT_INCLUDING_ZH.search(text):
        return Complement(text[: m.start()] + text[m.end():], m.group("parts"), if_held=True)
    text = _ABOUT_OTHER_EN.sub(" ", text)
    m = _LEADING_EXCEPT_EN.search(text) or _EXCEPT_EN.search(text)
    if m:
        parts = re.sub(r"^(?:the|an?)\s+", "", m.group("parts").strip(), flags=re.IGNORECASE)
        return Complement((text[: m.start()] + " " + text[m.end():]).strip(), parts)
    if m := _WERE_NOT_EN.search(text):
        return Complement(text[: m.start()] + m.group("ask") + text[m.end():], m.group("parts"))
    return None


def part_items(parts: str) -> list[str]:
    """"licensing, penalty and fee items" → licensing, penalty, fee; "“其他类”" → 其他."""
    # (a year in a part dates it, "2012年新增": no word of its figure's label)
    parts = _YEAR_OF_PART.sub("", parts)
    items = [_COUNT_NOUNS.sub(" ", p).strip() for p in _LIST_SPLIT.split(re.sub(r"^neither\s+", "", parts.strip()))]
    return [i for i in items if len(i) >= 2]


def stated_whole(text: str, facts: list[Fact]) -> Fact | None:
    """"Of the town's 20 cumulatively disclosed items": the one figure of the report the question states itself."""
    numbers = {n for n in _NUMBER.findall(text) if not (len(n) == 4 and 1900 <= int(n) <= 2099)}
    stated = [f for f in facts if f.value is not None and str(f.value) in numbers]
    return stated[0] if len({(f.value, f.unit) for f in stated}) == 1 else None


def figures_within(whole: Fact, facts: list[Fact]) -> list[Fact]:
    """The figures that may be parts of ``whole``: in its unit, not above it, not the whole itself."""
    return [f for f in facts if f.value is not None and whole.value is not None and counted_alike(f, whole)
            and f is not whole and f.value <= whole.value and not (f.path == whole.path and f.column == whole.column)]


def parts_taken_out(q: Question, parts: str, whole: Fact, facts: list[Fact], lexicon: Lexicon) -> list[Fact] | None:
    """The report's figures, in the whole's unit, naming the parts: one figure naming them all ("公开行政许可、行政
    处罚、行政事业性收费等共75条"), else one for each; None when any part names no figure or names the whole."""
    pool = figures_within(whole, facts)
    items = part_items(parts)
    if not items:
        return None
    # the whole's own sentence first (全区共受理800件,…区政府本级共受理206件), then the whole report
    same_sentence = [f for f in pool if whole.kind == "prose" and f.source == whole.source]
    # (each first among the figures in the whole's own unit: "申请122件,涉及事项408项(其中结转8件,涉及事项20项)"
    # takes out the 8 requests carried over, not their 20 matters)
    for candidates in (same_sentence, pool):
        for kept in ([f for f in candidates if f.unit == whole.unit], candidates):
            if kept and (found := _named_parts(q, items, kept, lexicon)) is not None:
                return found
    return None


def _named_parts(q: Question, items: list[str], pool: list[Fact], lexicon: Lexicon) -> list[Fact] | None:
    if len(items) > 1 and (one := figure_naming_part(q, " ".join(items), pool, lexicon)) is not None \
            and all(figure_naming_part(q, item, [one], lexicon) is not None for item in items):
        # (one figure for all only when the parts, each looked for among the figures the others leave, do not
        # name figures of their own: "key work bulletins nor important notices" are 重点工作通报事项270条 and
        # 重要事项公示信息4条, not the first for both)
        each = _each_named(q, items, pool, lexicon)
        return each if each is not None and one in each else [one]
    return _each_named(q, items, pool, lexicon)


def _each_named(q: Question, items: list[str], pool: list[Fact], lexicon: Lexicon) -> list[Fact] | None:
    found: list[Fact] = []
    for item in items:
        fact = figure_naming_part(q, item, [f for f in pool if f not in found], lexicon)
        if fact is None:
            return None
        found.append(fact)
    return found


def what_is_left(q: Question, report: Report | None, whole: Fact, parts: list[Fact]) -> Answer | None:
    total = sum_values([cast(Number, f.value) for f in parts])
    if whole.value is None or total > whole.value:
        return None
    value = cast(Number, whole.value - total)
    text = say_what_is_left(report, q.lang, whole, parts, value)
    return Answer(q.text, found=True, text=text, value=value, unit=whole.unit, facts=[whole, *parts],
                  intent="difference", notes=["read from the text"])

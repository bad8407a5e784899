"""A sum, difference or multiple over reports the question names one by one: each answered alone, then added,
subtracted or divided.

"2016年龙归镇和朝阳乡合计主动公开了多少条" names two towns; each report gives its own figure in its own words (a
sentence in one, a table row in another), which a lookup of that report alone finds. The handlers of a concept add up
rows the lexicon reaches in every report; this reaches whatever a lookup reaches, and gives a figure only when every
report named gives one, in one unit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import cast

from ..agencies import first_named_at, same_bodies
from ..documents import Answer, Number, Report
from ..questions import SPAN_OF_YEARS, Intent
from ..scope import MAX_NAMED_APART, Scope
from ..wording import cite, say_change, say_difference, say_ratio, say_sum_across
from .context import Ask
from .difference import ASKS_SIGNED_CHANGE, THAN
from .extractive import asks_about_requests, implied_units
from .facts import sum_values
from .finder import counts_requests
from .items import counted_phrase_en
from .share import growth_answer

AnswerAlone = Callable[[Ask, Report, "str | None"], "Answer | None"]


def named_apart(ask: Ask) -> list[Report] | None:
    """The reports in scope in the order the question names them, when it names each by its own agency or year."""
    reports = ask.scope.reports
    at: dict[str, float]
    if not 2 <= len(reports) <= MAX_NAMED_APART or ask.q.across is not None:
        return None
    text = ask.q.text.lower()
    agencies = sorted({r.agency for r in reports})
    one_body = len(agencies) == 1 or same_bodies(agencies[:1], agencies) == set(agencies)  # 朔州市(人民)政府办公室
    if len(agencies) == len(reports) and not (one_body and len({r.year for r in reports}) == len(reports)):
        at = {r.id: first_named_at(ask.q.text, r.agency) for r in reports}
    elif one_body and len({r.year for r in reports}) == len(reports):
        # (a year inside a span the question writes, "2022年至2024年", is named by the span, in its order)
        at = {r.id: text.find(str(r.year)) if r.year and str(r.year) in text else _in_span_at(text, r.year)
              for r in reports}
    else:
        return None
    if any(i < 0 for i in at.values()):
        return None
    return sorted(reports, key=lambda r: at[r.id])


def _in_span_at(text: str, year: int | None) -> float:
    """Where a span of years the text writes ("2022年至2024年") names a year inside it, between its ends; -1: none."""
    m = SPAN_OF_YEARS.search(text)
    if m is None or year is None:
        return -1
    first, last = int(m.group("a") or m.group("c")), int(m.group("b") or m.group("d"))
    if not first < year < last:
        return -1
    return m.start() + (year - first) / (last - first + 1)


def combine_reports_named_apart(ask: Ask, answer_alone: AnswerAlone,
                                says_what_it_counts: Callable[[str, Report], bool]) -> Answer | None:
    reports = named_apart(ask)
    if reports is None or (ask.q.intent is Intent.DIFFERENCE and len(reports) != 2):
        return None
    answers = []
    sides = sides_compared(ask, reports) if ask.q.intent is Intent.DIFFERENCE else sides_added(ask, reports)
    if ask.q.intent is Intent.SUM and not all(side is not None and says_what_it_counts(side, r)
                                              for side, r in zip(sides, reports, strict=True)):
        sides = [None] * len(reports)  # "龙归镇和朝阳乡合计主动公开了多少条": one thing named for all, asked of each
    for report, side in zip(reports, sides, strict=True):
        one = answer_alone(ask, report, side)
        if side is not None and ask.q.intent is Intent.SUM and (one is None or not one.found):
            one = answer_alone(ask, report, None)  # the whole question read in this report's words
        if one is None or not one.found or one.value is None or len(one.facts) != 1:
            return None
        answers.append(one)
    unit = _one_unit(ask.q.text, [a.unit for a in answers])
    if unit is None or any(a.unit != unit and not counts_requests(a.facts[0]) and "申请" not in a.facts[0].source
                           for a in answers):
        return None  # (a figure kept in a unit of its own must count requests: 发布信息257条 is none)
    lang = ask.q.lang
    rows = [(r, a.value, a.facts[0]) for r, a in zip(reports, answers, strict=True)]
    own_units = "".join(_says_its_own_unit(lang, r, a.unit) for r, a in zip(reports, answers, strict=True)
                        if a.unit != unit)
    if ask.q.intent is Intent.SUM:
        total = sum_values([v for _, v, _ in rows if v is not None])
        text = say_sum_across(lang, rows, [], total, unit) + own_units  # type: ignore[arg-type]
        return Answer(ask.q.text, found=True, text=text, value=total, unit=unit,
                      facts=[f for _, _, f in rows], intent="sum")
    (ra, va, fa), (rb, vb, fb) = rows
    if ra.agency == rb.agency and ra.year and rb.year and ra.year != rb.year \
            and ASKS_SIGNED_CHANGE.search(ask.q.text) and not THAN.search(ask.q.text):
        # "by how much did … change from 2023 to 2024": the later year less the earlier, its sign kept
        (r0, v0, _), (r1, v1, f1) = sorted(rows, key=lambda row: row[0].year or 0)
        text = say_change(r1, lang, (r0.year, v0), (r1.year, v1), unit, f1) + own_units  # type: ignore[arg-type]
        return Answer(ask.q.text, found=True, text=text, value=v1 - v0, unit=unit, facts=[fa, fb],  # type: ignore[operator]
                      intent="difference")
    year = "" if lang == "en" else "年"
    label_a, label_b = (f"{r.agency} {r.year}{year}" for r in (ra, rb))
    text = say_difference(ra, lang, (label_a, va), (label_b, vb), unit, fa)  # type: ignore[arg-type]
    text += " " + cite(rb, fb, lang) + own_units
    return Answer(ask.q.text, found=True, text=text, value=abs(va - vb), unit=unit, facts=[fa, fb],  # type: ignore[operator]
                  intent="difference")


# "多少倍", "how many times as many … as", "how many times larger … than": a multiple asked (not "how many times did")
ASKS_MULTIPLE = re.compile(r"(?:多少|几)倍|\bhow many times (?:as (?:many|much|large|big|high)|larger|bigger|greater"
                           r"|more|higher)\b|\bratio\b", re.IGNORECASE)
_MULTIPLE_ZH = re.compile(r"是(?P<b>[^，,。？?]+?)的(?:多少|几)倍")
_TIMES_AS_EN = re.compile(r"\bhow many times as (?:many|much)\s+", re.IGNORECASE)
_TIMES_MORE_EN = re.compile(r"\bhow many times (?:larger|bigger|greater|more|higher|as large|as big|as high)\s+"
                            r"(?:was|were|is|are)\s+", re.IGNORECASE)
_AS_EN = re.compile(r"\sas\s", re.IGNORECASE)
_BRACKETED_EN = re.compile(r"\s*\([^)]*\)")


def as_a_comparison(text: str, lang: str) -> str | None:
    """A multiple asked, written as the comparison whose sides it reads: "A是B的多少倍" → "A比B多多少", "how many
    times as many items did A publish as B" → "how many more items did A publish than B", "how many times larger
    was A's total than B's" → "by how many items did A's total exceed B's"; None when it is written otherwise."""
    text = _BRACKETED_EN.sub("", text) if lang == "en" else text
    if lang == "zh":
        m = _MULTIPLE_ZH.search(text)
        return f"{text[: m.start()]}比{m.group('b')}多多少" if m else None
    if m := _TIMES_AS_EN.search(text):
        rest = text[m.end():]
        ases = list(_AS_EN.finditer(rest))
        if not ases:
            return None
        last = ases[-1]
        return f"{text[: m.start()]}How many more {rest[: last.start()]} than {rest[last.end():]}"
    if m := _TIMES_MORE_EN.search(text):
        return f"{text[: m.start()]}By how many items did {text[m.end():].replace(' than ', ' exceed ', 1)}"
    return None


def ratio_of_reports_named_apart(ask: Ask, answer_alone: AnswerAlone) -> Answer | None:
    """"三溪乡2018年公开的公文是萱洲湿地公园2020年的多少倍": each side read from its own report alone, the first
    over the second, to two decimals, in one unit."""
    reports = named_apart(ask)
    comparison = as_a_comparison(ask.q.text, ask.q.lang)
    if reports is None or len(reports) != 2 or comparison is None:
        return None
    compared = replace(ask, q=replace(ask.q, text=comparison, intent=Intent.DIFFERENCE))
    sides = sides_compared(compared, reports)
    answers = []
    for report, side in zip(reports, sides, strict=True):
        one = answer_alone(compared, report, side)  # (a side naming no thing of its own: the comparison asked of it)
        if one is None or not one.found or one.value is None or len(one.facts) != 1:
            return None
        answers.append(one)
    (ra, a), (rb, b) = zip(reports, answers, strict=True)
    if a.unit != b.unit or not b.value or a.unit == "%":
        return None
    va, vb = cast(Number, a.value), cast(Number, b.value)
    ratio = (Decimal(str(va)) / Decimal(str(vb))).quantize(Decimal("0.01"))
    year = "" if ask.q.lang == "en" else "年"
    text = say_ratio(ra, ask.q.lang, (f"{ra.agency} {ra.year}{year}", va), (f"{rb.agency} {rb.year}{year}", vb),
                     a.unit, ratio, a.facts[0]) + " " + cite(rb, b.facts[0], ask.q.lang)
    return Answer(ask.q.text, found=True, text=text, value=ratio, unit="倍", facts=[a.facts[0], b.facts[0]],
                  intent="share")


def _says_its_own_unit(lang: str, report: Report, unit: str) -> str:
    """A report that counts the requests in a unit of its own: said, the figure kept as it wrote it."""
    if lang == "en":
        return f" ({report.agency} {report.year} counts the requests in {unit}.)"
    return f"（{report.agency} {report.year}年的报告以“{unit}”计申请。）"


_REQUEST_UNITS = ("件", "条", "份", "宗")  # the units reports count requests in


def _one_unit(question: str, units: list[str]) -> str | None:
    """The unit the figures share; requests counted in 件 by one report and 条 or 份 by another (each counts
    requests) are added or compared in the unit the question asks, else in 件. None when the units differ otherwise."""
    if len(set(units)) == 1:
        return units[0]
    if set(units) <= set(_REQUEST_UNITS) and asks_about_requests(question):
        return next((u for u in implied_units(question) if u in _REQUEST_UNITS), "件")
    return None


def growth_of_years_named_apart(ask: Ask, answer_alone: AnswerAlone) -> Answer | None:
    """"武汉市民政局省级媒体报道次数从2024年到2025年减少了百分之多少": one body's figure read from each year's report
    alone (a sentence the lexicon does not reach), the change over the earlier year's, in percent."""
    reports = named_apart(ask)
    if reports is None or len(reports) != 2 or len({r.agency for r in reports}) != 1:
        return None
    thing = _CHANGE_OF_EN.search(ask.q.text) if ask.q.lang == "en" else None
    if ask.q.lang == "en" and thing is None:
        return None
    earlier, later = sorted(reports, key=lambda r: r.year or 0)
    answers = []
    for report in (earlier, later):
        side = f"How many {thing.group('thing') or thing.group('thing2')} in {report.year}?" if thing is not None \
            else f"{report.year}年{_CHANGE_ASKED_ZH.sub('', _YEARS_ZH.sub('', ask.q.text))}多少"
        one = answer_alone(ask, report, side)
        if one is None or not one.found or one.value is None or len(one.facts) != 1 or one.unit == "%":
            return None
        answers.append(one)
    if answers[0].unit != answers[1].unit or earlier.year is None or later.year is None:
        return None
    first, last = answers
    return growth_answer(ask.q, (earlier.year, first.value, first.facts), (later.year, last.value, last.facts),
                         first.unit, later, last.facts[0])


# what an English change in percent is of: "the percentage change in posts to X between 2023 and 2024", "by what
# percentage did X's posts fall from 2023 to 2024"
_CHANGE_OF_EN = re.compile(r"(?i)\b(?:percentage|percent) (?:change|rise|fall|increase|decrease|growth|drop|decline) "
                           r"in (?P<thing>.+?) (?:between|from)\b"
                           r"|\bby what percentage did (?P<thing2>.+?) (?:change|rise|rose|fall|fell|grow|grew|increase"
                           r"|decrease|drop|decline)")
# the years and the change asked, which leave what is counted: "从2024年到2025年减少了百分之多少"
_YEARS_ZH = re.compile(r"(?:从|由|自)?\s*(?:19|20)\d{2}\s*年度?\s*(?:到|至|比|较|相比|和|与)?")
_CHANGE_ASKED_ZH = re.compile(r"(?:增长|增加|上升|提高|下降|减少|变化|降低)了?(?:百分之(?:多少|几)|多少|几)?[%％]?"
                              r"[？?。]?$")


_THAN_ZH = re.compile(r"比|较之?|相比")
_THAN_EN = re.compile(r"\bthan\b", re.I)
_MORE_OR_FEWER_EN = re.compile(r"\s*\b(?:more|fewer|less)\b", re.I)
# "Which posted more on WeChat: …", "Which received more disclosure requests in 2025, A or B": the verb and what
_WHICH_MORE_EN = re.compile(r"^\s*which\s+(?P<verb>(?:[a-z]+ly\s+)?[a-z]+(?:ed|t))\s+more\b(?P<what>[^:,?]*)", re.I)
_BY_HOW_MUCH_ZH = re.compile(r"(?:多|少|高|低)(?:出|了)?(?=多少|几)")
_VERB_BEFORE_YEAR_EN = re.compile(r"\bdid\b.+?\b([a-z]+(?: out| public| up)?)\s+(?:in|during)\s+\d{4}\s*$", re.I)
_OWN_PAST_VERB_EN = re.compile(r"\s+((?:[a-z]+ly\s+)?[a-z]{2,}ed)\s*$", re.I)  # ("proactively disclosed")
_VERB_AT_END_EN = re.compile(r"\bdid\b.+?\b([a-z]+(?: out| public| up)?)\s*$", re.I)  # (no year said on that side)
_DID_ALONE_EN = re.compile(r"\b(?:did|does|do)\b\s*(?P<when>(?:in|during)\s+\d{4})?\s*\??\s*$", re.I)
_WHEN_ALONE_EN = re.compile(r"\s(?P<when>(?:in|during)\s+\d{4})\s*\??\s*$", re.I)
# a word that is or may be a verb (a side that has one says what it counts itself)
_BOTH_IN_EN = re.compile(r",?\s+both\s+((?:in|during)\s+(?:19|20)\d{2})\b", re.I)
_SAME_YEAR_EN = re.compile(r"\b(?:in|during)\s+(?:the same year|that (?:same )?year)\b", re.I)
_HAD_DONE_EN = re.compile(r"\s+had\s+(?=[a-z]+ed\b)", re.I)
_A_VERB_EN = re.compile(r"(?i)\b(?:did|does|do|was|were|is|are|had|has|have|got|made|put|sent|took|gave|held|ran"
                        r"|saw|won|kept|set)\b|\b[a-z]{2,}ed\b")
_EXCEEDED_EN = re.compile(r"\s(?:exceed(?:ed|s)?|outnumber(?:ed|s)?|surpass(?:ed|es)?|top(?:ped|s)?)\s", re.I)
_BY_HOW_MANY_EN = re.compile(r"(?i)\bby how many ([a-z][a-z -]*?)\s+(?:did|do|does|was|were|had|has|have)\b")
_DID_EN = re.compile(r"(?i)\b(?:did|do|does|was|were|had|has|have)\s")
_MEASURE_ZH = re.compile(r"(?:多少|几)[\u4e00-\u9fa5]?")
_YEAR_ZH = re.compile(r"\d{4}\s*年度?")
_MEASURE_ONLY_ZH = re.compile(r"(?:的)?(?:有|是)?(?:多少|几)[\u4e00-\u9fa5]?[？?。]?")  # nothing but the measure


def _second_side_en(first: str, rest: str) -> str:
    """What follows "than", as the rest of a question of its own in the first side's words: "the Panyu zone
    committee did in 2022" → "did the Panyu zone committee publish in 2022?"; "B disclosed in 2020 (both Tianjin)",
    "B, both in 2020", "B did in the same year" and "B had compiled by the end of 2016" alike."""
    rest = _BRACKETED_EN.sub("", rest).strip()
    rest = _BOTH_IN_EN.sub(r" \g<1> ", rest)  # "B, both in 2020": B in 2020
    if (year := re.search(r"\b(?:19|20)\d{2}\b", first)) is not None:
        rest = _SAME_YEAR_EN.sub(f"in {year.group(0)}", rest)  # "B did in the same year": the first side's year
    rest = re.sub(r"\s+", " ", rest).strip()
    verb = _VERB_BEFORE_YEAR_EN.search(first) or _VERB_AT_END_EN.search(first)
    if verb and (did := _DID_ALONE_EN.search(rest)):
        # "… than the Panyu zone committee did in 2022": did what the first side did
        return f"did {rest[: did.start()].strip()} {verb.group(1)} {did.group('when') or ''}".strip() + "?"
    if (had := _HAD_DONE_EN.search(rest)) is not None:
        # "… than B had compiled by the end of 2016": had B compiled by the end of 2016
        return f"had {rest[: had.start()].strip()} {rest[had.end():].strip().rstrip('?')}?"
    if (when := _WHEN_ALONE_EN.search(rest)) is not None:
        subject = rest[: when.start()].strip()
        if verb and not _A_VERB_EN.search(subject):
            # "… than Changdi Buyei township in 2024": the verb left out is the first side's
            return f"did {subject} {verb.group(1)} {when.group('when')}?"
        if (own := _OWN_PAST_VERB_EN.search(subject)) is not None and not _A_VERB_EN.search(subject[: own.start()]):
            # "… than Sanyi town published in 2022", "… than the Shiyan housing bureau handled in 2022": its own
            # verb, asked as the first side is (did Sanyi town publish in 2022)
            return f"did {subject[: own.start()].strip()} {_base_form(own.group(1))} {when.group('when')}?"
    return rest


def _base_form(verb: str) -> str:
    """"published" → publish, "disclosed" → disclose, "handled" → handle, "replied" → reply (an adverb before it
    kept: "proactively disclosed" → proactively disclose)."""
    *adverb, past = verb.split()
    if past.endswith("ied"):
        base = past[:-3] + "y"
    else:
        stem = past[:-2]
        base = stem + "e" if re.search(r"(?:[aeiou]s|[^aeiou]l|[vucz])$", stem) \
            and not stem.endswith(("ss", "sh")) else stem
    return " ".join([*adverb, base])


def sides_compared(ask: Ask, reports: list[Report]) -> list[str | None]:
    """"平潭交建局主动公开的信息比芦庙乡通过政府网站公开的多多少条": each report's own side of the comparison, as a
    question of its own (芦庙乡通过政府网站公开的多少条); None where the sides cannot be told apart, and the whole
    question is asked of that report. Whether a side names a thing of its own is judged by the caller."""
    text = ask.q.text
    if len(reports) != 2:
        return [None] * len(reports)
    starts = [first_named_at(text, r.agency) for r in reports]
    if ask.q.lang == "en":
        than = _THAN_EN.search(text, starts[0], starts[1]) if starts[0] < starts[1] else None
        if than is None and (which := _WHICH_MORE_EN.search(text)):
            # "Which posted more on WeChat: A in 2023 or B in 2025?": the same thing asked of each
            side = f"How many {which['what'].strip() or 'items'} were {which['verb']}?"
            return [side, side]
        if than is None and starts[0] < starts[1] and (exceeded := _EXCEEDED_EN.search(text, starts[0], starts[1])):
            # "By how many items did A's 2015 disclosures exceed B's website postings in 2023?": each side is what
            # one body counts
            counted = f"How many {m.group(1)} were" if (m := _BY_HOW_MANY_EN.search(text)) else "How much was"
            did = _DID_EN.search(text, 0, starts[0] + 1)
            first = text[did.end() if did else starts[0]: exceeded.start()].strip()
            return [f"{counted} {first}?", f"{counted} {text[exceeded.end():].strip().rstrip('?')}?"]
        if than is None:
            return [None, None]
        first = _MORE_OR_FEWER_EN.sub("", text[: than.start()], count=1).strip()
        # "… than the Shiyan housing bureau handled in 2022": the second side counts the first side's thing
        # ("How many items did …": items, not nothing; "penalty items", not "penalty")
        thing = counted_phrase_en(first)
        return [first + "?", "How many " + (thing + " " if thing else "") + _second_side_en(first, text[than.end():])]
    than = _THAN_ZH.search(text, starts[0], starts[1]) if reports[0].agency != reports[1].agency else \
        _THAN_ZH.search(text)
    measure = _MEASURE_ZH.search(text, than.end()) if than else None
    if than is None or measure is None:
        return [None, None]
    first = text[: than.start()].rstrip("的") + "有" + measure.group(0)
    second = _BY_HOW_MUCH_ZH.sub("", text[than.end():], count=1)
    year = _YEAR_ZH.search(second)
    if year is not None and _MEASURE_ONLY_ZH.fullmatch(second[year.end():]) \
            and (own := _YEAR_ZH.search(text, 0, than.start())) is not None:
        # "花山区司法局2022年发布的政府信息比龙华区司法局2021年多多少条": the second side counts the first's thing
        second = second[: year.end()] + text[own.end(): than.start()].rstrip("的") + "有" + second[year.end():]
    return [first, second]


_LISTED_ZH = re.compile(r"以及|加上|[与和及、]")
_SUM_WORD_ZH = re.compile(r"一共|合计|总共|共计|加起来|加在一起|总计"
                          r"|(?<![一总合公])共(?=[\u4e00-\u9fa5]{0,8}?(?:多少|几))")
_SUM_ASKED_ZH = re.compile(r"(?:的)?(?:一共|合计|总共|共计|加起来|加在一起|总计|共)?(?:有|是|为)?"
                           r"(?:多少|几)[\u4e00-\u9fa5]?[？?。]?$")


def sides_added(ask: Ask, reports: list[Report]) -> list[str | None]:
    """"新乡市卫健委2020年网站发布各类信息数与安顺经开区2023年门户网站发布信息数合计多少条": each report's own
    part of the sum as a question of its own (…门户网站发布信息数多少条), split where the list's word stands before
    the next report's name; None for every report when the question names the thing once for all ("龙归镇和朝阳乡合计
    主动公开了多少条": the whole question is asked of each)."""
    text = ask.q.text
    if ask.q.lang != "zh":
        return [None] * len(reports)
    starts = [first_named_at(text, r.agency) for r in reports]
    measure = _MEASURE_ZH.search(text, max(starts))
    if measure is None or starts != sorted(starts):
        return [None] * len(reports)
    cuts = []
    for before, after in zip(starts, starts[1:], strict=False):
        listed = list(_LISTED_ZH.finditer(text, before, after))
        if not listed:
            return [None] * len(reports)
        cuts.append(listed[-1])
    last = text[cuts[-1].end():]
    said = _SUM_WORD_ZH.search(last)
    if said and re.search(r"[\u4e00-\u9fa5]{2}", _SUM_ASKED_ZH.sub("", last[said.end():])):
        return [None] * len(reports)  # "…和济南燕山街道一共收到多少件信息公开申请": the thing named once for all
    pieces = [text[: cuts[0].start()]] + [text[a.end(): b.start()] for a, b in zip(cuts, cuts[1:], strict=False)] \
        + [last[: said.start()] if said else _SUM_ASKED_ZH.sub("", last)]
    return [piece + measure.group(0) for piece in pieces]


def alone(ask: Ask, report: Report) -> Ask:
    """The question as a lookup of one report (its passages only); a sum's 合计 ("in total") adds the reports up,
    it asks for no 总计 column of each."""
    columns = [c for c in ask.q.columns if c.id != "总计"] if ask.q.intent is Intent.SUM else ask.q.columns
    return replace(ask, q=replace(ask.q, intent=Intent.LOOKUP, columns=columns),
                   scope=Scope([report], [report.year] if report.year else []),
                   passages=[h for h in ask.passages if h.passage.report_id == report.id])

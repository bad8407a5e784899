"""A share computed from two figures: a part over its parent row (or the results' total), or over a second concept.

A share the report states itself ("占53%") is quoted instead (the stated-figure step runs first)."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple, cast

from ..agencies import reading_of
from ..documents import Answer, Fact, Number, Report
from ..lexicon import ColumnConcept, Concept, Lexicon, glossary_phrases
from ..parsing.prose_facts import listed_part_of
from ..questions import Question, find_mentions
from ..wording import common_prefix, say_change_stated, say_growth, say_share
from .bare_words import without_the_body_as_subject
from .context import Ask
from .difference import RUNNING_TOTALS
from .extractive import MIN_LABEL_OVERLAP, PLAIN_BIGRAMS, better_worded, bigrams, figure_named, implied_units
from .facts import CHANGE_WORDS, is_stated_change, sum_values
from .finder import FactFinder, Part
from .running_totals import said_as_running_total
from .sum import each_years_figure
from .translation import brand_names, curated_words, english_terms

_RATIO = re.compile(r"是[^，。？?]{0,30}的(?:百分之|多少倍|几倍)"
                    r"|\bis what percent(?:age)? of\b|\bas a percent(?:age)? of\b", re.IGNORECASE)


_OF_WHOLE = re.compile(r"占(?:了)?([\u4e00-\u9fa5“”]{2,20}?)的?(?:比例|比重|百分比|百分之|多少)")


def _whole_named(finder: FactFinder, question: str, part: Part) -> Fact | None:
    """"主动公开的信息占全年制作信息的比例": the whole named by its words among the same report's figures in the part's
    unit (全年共制作政府信息236条), when no row holds it as a parent."""
    m = _OF_WHOLE.search(question)
    if m is None:
        return None
    fact = part.match.fact
    facts = [f for f in finder.facts.of(fact.report_id) if f.unit == part.unit and f.value is not None]
    whole = figure_named(m.group(1), facts, list(part.facts))
    if whole is None or whole.value is None or part.value is None or whole.value < part.value:
        return None
    return whole


def _running_total_of_whole(q: Question) -> list[ColumnConcept]:
    """Running-total columns (历年累计) the question names only in the whole of its share (占历年累计…的比例)."""
    m = _OF_WHOLE.search(q.text)
    if m is None:
        return []
    before = q.text[: m.start()]
    return [c for c in q.columns if c.id in RUNNING_TOTALS and any(p in m.group(1) for p in c.phrases)
            and not any(p in before for p in c.phrases)]


def answer_share(finder: FactFinder, ask: Ask) -> Answer | None:
    q, scope = ask.q, ask.scope
    specific = [c for c in q.concepts if not c.generic] or q.concepts
    if not specific:
        return None
    if len(specific) >= 2 and (roles := _concepts_by_role(q, specific, finder.lexicon)) is not None:
        return _share_of_concepts_by_role(finder, ask, *roles) if roles else None
    if len(specific) == 1 and (generic_whole := _generic_whole(q, specific[0], finder.lexicon)):
        # "答复的申请中予以公开的占比": the part's concept over the whole's, a generic one (答复) named as the whole
        return _share_of_concepts_by_role(finder, ask, specific[0], generic_whole)
    columns = list(q.columns)
    year_of_all = _running_total_of_whole(q)
    if year_of_all:  # "本年度主动公开的信息占历年累计主动公开总数的比例": the part is the year's figure of that row
        columns = [c for c in columns if c not in year_of_all]
    got = finder.single(q, scope, specific[:1] + [c for c in q.concepts if c.generic], columns)
    if got is None or got.value is None:
        return None
    den_label: str
    den: Number | None
    den_facts: list[Fact]
    if year_of_all:
        fact = got.match.fact
        total = next((f for f in finder.facts.of(fact.report_id) if f.kind == "table" and f.path == fact.path
                      and f.column in RUNNING_TOTALS and f.value is not None), None)
        if total is None or len(got.facts) != 1 or fact.column is not None:
            return None
        den_label, den, den_facts = f"{total.label}（{total.column}）", total.value, [total]
    elif len(specific) >= 2:
        other = finder.single(q, scope, specific[1:2])
        if other is None or other.value is None:
            return None
        den_label, den, den_facts = other.match.fact.label, other.value, other.facts
    else:
        parent = finder.facts.parent_total(got.match.fact, got.facts)
        if parent is None:
            parent = _whole_named(finder, q.text, got)
        if parent is None:
            return None
        den_label, den, den_facts = parent.label, parent.value, [parent]
    if not den or any(f in got.facts for f in den_facts) \
            or not year_of_all and running_total_as_whole(q, den_facts, got.facts):
        return None  # the part found as its own whole ("占全部申请的百分比" read as the part's row): no share
    if got.value is not None and got.value > den and not _RATIO.search(q.text):
        # "新收申请中，因行政查询事项不予公开的占百分之几": a share is of a part in its whole; the larger figure is the
        # whole, whichever the lexicon found first (a ratio, "是…的百分之多少", may exceed 100%)
        whole_label = got.match.fact.label if len(got.facts) == 1 else (got.match.via_parent or got.match.fact.label)
        whole = (whole_label, got.value, got.facts)
        got = Part(replace(got.match, fact=den_facts[0], via_parent=None), den, got.unit, den_facts)
        den_label, den, den_facts = whole
    if got.value is None:
        return None
    pct = percent(got.value, den)
    fact = got.match.fact
    label = fact.label if len(got.facts) == 1 else (got.match.via_parent or fact.label)
    cited = replace(fact, path=common_prefix([f.path for f in got.facts]) or fact.path)
    text = say_share(finder.reports.get(fact.report_id), q.lang, label, got.value, den_label, den, got.unit, pct,
                     cited)
    return Answer(q.text, found=True, text=text, value=pct, unit="%", facts=got.facts + den_facts, intent="share")


def _concepts_by_role(q: Question, specific: list[Concept],
                      lexicon: Lexicon) -> tuple[Concept, list[Concept]] | tuple[()] | None:
    """The concept the share's part names and those its whole names ("what share of its website and WeChat posts came
    from the WeChat account": wechat of website + wechat), when the question's words set them apart; None when it
    writes no part and whole (the first concept is the part then, the second the whole); () when its part names none
    of the concepts ("办理的申请数占新收与上年结转申请总数的百分比": 办理 is neither new nor carried over)."""
    phrases = share_phrases(q.text)
    if phrases is None:
        return None
    ids = {c.id for c in specific}

    def named(words: str) -> list[Concept]:
        found = [m.concept for m in find_mentions(words, lexicon) if m.concept is not None and m.concept.id in ids]
        return list({c.id: c for c in found}.values())

    part, whole = named(phrases[0]), named(phrases[1])
    if len(whole) > 1 and q.lang == "en":
        whole = _listed_things(phrases[1], whole, lexicon)
    if not part and whole:
        return ()
    if len(part) != 1 or not whole or whole == part:
        return None
    return part[0], whole


def _listed_things(whole: str, concepts: list[Concept], lexicon: Lexicon) -> list[Concept]:
    """"the licences and penalties the city handled": the first thing each item of the whole's list names (licensing,
    penalty), not a word after it that says what was done with them ("handled" is no third thing); all of
    ``concepts`` when the whole lists fewer than two items."""
    items = [t for t in _LISTED_SPLIT.split(whole) if t.strip()]
    if len(items) < 2 or len(items) >= len(concepts):
        return concepts
    ids = {c.id for c in concepts}
    first = [next((m.concept for m in find_mentions(item, lexicon) if m.concept is not None and m.concept.id in ids),
                  None) for item in items]
    kept = [c for c in first if c is not None]
    return kept if len(kept) == len(items) and len({c.id for c in kept}) == len(kept) else concepts


def _things_listed(whole: str) -> int:
    """How many things a share's whole lists ("disclosures through website, WeChat and other channels": 3;
    "网站、微信和其他方式": 3); 1 when it lists none."""
    at = list(_LIST_OPENS_EN.finditer(whole))
    listed = whole[at[-1].end():] if at else whole
    return len([t for t in _LISTED_SPLIT.split(listed) if t.strip()])


_LIST_OPENS_EN = re.compile(r"(?i)\b(?:through|via|on|across|from|in|of)\s")
_LISTED_SPLIT = re.compile(r"(?i)\s*(?:,\s*(?:and|or)?|\band\b|\bor\b|\bplus\b|、|和|与|及)\s*")


def _generic_whole(q: Question, part: Concept, lexicon: Lexicon) -> list[Concept]:
    """The generic concepts the share's whole names, and its part does not, when its part names ``part``."""
    phrases = share_phrases(q.text)
    if phrases is None or part.generic:
        return []
    generic = {c.id for c in q.concepts if c.generic and not c.context}

    def named(words: str) -> dict[str, Concept]:
        return {m.concept.id: m.concept for m in find_mentions(words, lexicon) if m.concept is not None}

    in_part, in_whole = named(phrases[0]), named(phrases[1])
    if part.id not in in_part:
        return []
    return [c for cid, c in in_whole.items() if cid in generic and cid not in in_part]


def _share_of_concepts_by_role(finder: FactFinder, ask: Ask, part_concept: Concept,
                               whole_concepts: list[Concept]) -> Answer | None:
    """The part's figure over the whole's: one figure, or the figures of the things the whole lists added up (the part
    among them)."""
    q, scope = ask.q, ask.scope
    phrases = share_phrases(q.text)
    if phrases is not None and len(whole_concepts) > 1 and _things_listed(phrases[1]) > len(whole_concepts):
        return None  # "through website, WeChat and other channels": a thing of the whole no concept reached
    generic = [c for c in q.concepts if c.generic]
    part = finder.single(q, scope, [part_concept, *generic])
    wholes = [finder.single(q, scope, [c, *generic]) for c in whole_concepts]
    found = [w for w, c in zip(wholes, whole_concepts, strict=True)
             if w is not None and w.value is not None and _tagged_with(finder, w, c)]
    if part is not None and not _tagged_with(finder, part, part_concept):
        return None  # (a later item of a list its question names read for the channel: 其他方式 for the website)
    if part is None or part.value is None or len(found) != len(wholes) \
            or len({part.unit, *(w.unit for w in found)}) != 1:
        return None
    if len({id(f) for w in found for f in w.facts}) != sum(len(w.facts) for w in found):
        return None  # two things of the whole read from one figure: no sum
    whole_facts = [f for w in found for f in w.facts]
    whole_value = sum_values([w.value for w in found if w.value is not None])
    if not whole_value or part.value > whole_value or running_total_as_whole(q, whole_facts, part.facts):
        return None
    whole_label = " + ".join(w.match.fact.label for w in found)
    fact = part.match.fact
    pct = percent(part.value, whole_value)
    text = say_share(finder.reports.get(fact.report_id), q.lang, fact.label, part.value, whole_label, whole_value,
                     part.unit, pct, fact)
    return Answer(q.text, found=True, text=text, value=pct, unit="%", facts=part.facts + whole_facts, intent="share")


def _tagged_with(finder: FactFinder, part: Part, concept: Concept) -> bool:
    """Some figure of the part is the concept's by its own row or words, not by the question's other words."""
    return any(concept.id in finder.facts.tags(f).concepts for f in part.facts)


# "by what percentage did … grow from 2024 to 2025", "比上年增长了百分之多少": a rate of change between two years
ASKS_A_CHANGE = re.compile(r"增长|增幅|增加|上升|提高|下降|降幅|减少|减幅|变化"
                           r"|\b(?:grow|grew|grown|growth|increase[sd]?|rise|rose|risen|fall|fell|fallen|drop(?:ped)?"
                           r"|decline[sd]?|decrease[sd]?|change[sd]?)\b", re.IGNORECASE)
_PERCENT_ASKED = re.compile(r"百分之(?:多少|几)|百分比|增长率|增幅|降幅|减幅|幅度|\b(?:percent(?:age)?|rate)\b",
                            re.IGNORECASE)


_FALL_ASKED = re.compile(r"下降|减少|降幅|减幅|少了|回落"
                         r"|\b(?:fall|fell|fallen|drop(?:ped)?|decline[sd]?|decrease[sd]?)\b", re.IGNORECASE)


def answer_growth(finder: FactFinder, ask: Ask) -> Answer | None:
    """The same figure in two years' reports, its change as a percentage of the earlier year's. A change in
    percentage points (of a share the reports state) is not this; a year not indexed leaves the question to the
    steps after (the later report may state the rate itself)."""
    q, scope = ask.q, ask.scope
    if len(scope.years) != 2 or not q.concepts or not asks_growth(q):
        return None
    counted = replace(q, text=CHANGE_WORDS.sub(" ", _PERCENT_OF_CHANGE.sub(
        lambda m: "how many" if m.group(0).isascii() else "多少", q.text)))
    # each year's figure as counted, not a rate its report states (全年接收申请数量同比增长30% beside 2036件)
    found = each_years_figure(finder, replace(ask, q=counted), sorted(scope.years))
    if not isinstance(found, list):
        return None
    (first_year, first), (last_year, last) = found
    if first.unit != last.unit or first.match.fact.report_id == last.match.fact.report_id:
        return None
    sides = [(first_year, first.value, first.facts), (last_year, last.value, last.facts)]
    # "新媒体发布信息数2024年比2023年增长了百分之多少": each year's sentence naming more of the question than the
    # concept's figure (新媒体发布信息数734条 over 在局官方网站主动公开信息126条), in both years or in neither
    worded = [better_worded(counted, ask.topic, part.match.fact, finder.facts.of(part.match.fact.report_id),
                            finder.reports) if len(part.facts) == 1 else None for part in (first, last)]
    unit, cited = first.unit, last.match.fact
    if any(worded):
        a, b = worded
        if a is None or b is None or a.unit != b.unit:
            return None
        sides = [(first_year, a.value, a.facts), (last_year, b.value, b.facts)]
        unit, cited = a.unit, b.facts[0]
    answer = growth_answer(q, sides[0], sides[1], unit, finder.reports.get(last.match.fact.report_id), cited)
    if answer is not None and (stated := _change_stated_beside(cited, finder.facts.of(cited.report_id))) is not None:
        # the later report's own rounded rate (同比增长30%) beside the one worked out from both reports
        note = say_change_stated(q.lang, stated)
        answer = replace(answer, text=answer.text + "\n" + note, notes=[*answer.notes, note])
    return answer


def _change_stated_beside(fact: Fact, facts: list[Fact]) -> Fact | None:
    """The rate of change the report states for the figure (全年接收申请数量同比增长30% for 全年接收政府信息公开申请
    2036件): in its section, its label sharing two words of two characters with the figure's."""
    words = bigrams(fact.label) - PLAIN_BIGRAMS
    return next((f for f in facts if is_stated_change(f) and f.path[:-1] == fact.path[:-1]
                 and len(words & bigrams(f.label)) >= 2), None)


# the percentage a change is asked in, not the unit each year's figure is counted in
_PERCENT_OF_CHANGE = re.compile(r"百分之(?:多少|几)|百分比|(?:by )?what percentage|(?:by )?how many percent", re.I)


def asks_growth(q: Question) -> bool:
    """A change between two years asked as a percentage of the earlier year's figure (not in percentage points)."""
    return bool(ASKS_A_CHANGE.search(q.text) and _PERCENT_ASKED.search(q.text)) \
        and "个百分点" not in implied_units(q.text)


YearsFigure = tuple[int, "Number | None", list[Fact]]
"""(year, figure, the facts it is read from)"""


def growth_answer(q: Question, first: YearsFigure, last: YearsFigure, unit: str, report: Report | None,
                  cited: Fact) -> Answer | None:
    """(year, figure, its facts) of the earlier and the later year: the change over the earlier figure, in percent to
    two decimals; a fall asked (下降了百分之几) is given as its size."""
    (first_year, first_value, first_facts), (last_year, last_value, last_facts) = first, last
    if not first_value or last_value is None:
        return None
    exact = (Decimal(str(last_value)) - Decimal(str(first_value))) * 100 / Decimal(str(first_value))
    pct = exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    value: Number = int(pct) if pct == pct.to_integral_value() else pct
    fell = value < 0 and bool(_FALL_ASKED.search(q.text))
    if fell:
        value = -value  # "下降了百分之几": the fall's size, the sign said in words
    text = say_growth(report, q.lang, (first_year, first_value), (last_year, last_value), unit, value,
                      rounded=pct != exact, cited=cited, fell=fell)
    return Answer(q.text, found=True, text=text, value=value, unit="%", facts=first_facts + last_facts,
                  intent="share")


# ---------------------------------------------------------------- a share of a part the question names in words
# "what share of … disclosures were work information", "动态类信息占主动公开总数的比例": the part and its whole by words
SHARE_OF = re.compile(r"\b(?:share|percentage|proportion|fraction|percent) of (?P<whole>.+?) (?:were|was|are|is"
                      r"|fell into|fall into|falls into|belonged to|belong to|came under|come under"
                      r"|went out (?:through|via|on)|went (?:through|via|to)|came (?:in )?(?:through|via|from)"
                      r"|ended (?:with|in)|resulted in|came in|appeared (?:in|on|through|via)"
                      r"|(?:were|was) (?:published|posted|released|placed) (?:in|on|through|via|to)"
                      r"|concerned|related to|were about) (?P<part>.+?)"
                      # "…were department news, in percent?": how the share is to be written, no word of the part
                      r"(?:,?\s*(?:in|as an?|expressed as an?)\s+(?:percent|percentage|per cent)(?:\s+terms)?)?"
                      # "…, according to the city government office?": whose report says it, no word of the part
                      r"(?:,?\s*(?:according to|as reported by|per)\s+[^?]*)?"
                      r"(?:[?.]|$)", re.IGNORECASE)
_SHARE_OF_ZH = re.compile(r"(?P<part>[\u4e00-\u9fa5“”\"（）()\d]{2,30}?)所?(?:占|相当于)(?:了)?"
                          r"(?P<whole>[\u4e00-\u9fa5“”\"\d]{0,24}?)的?(?:比例|比重|百分比|百分之|多少(?!倍)|几成|比)")
_WITHIN_ZH = re.compile(r"(?:当中|之中|(?<![集其])中(?![心央国小学]))[，,]?")
_WHOLE_BEFORE_ZH = re.compile(r"([\u4e00-\u9fa5“”\d]{2,30}?)(?:当中|之中|中)[，,]\s*$")
_HOW_ROUNDED = re.compile(r"[（(][^（）()]*(?:小数|decimal|percent|百分)[^（）()]*[）)]", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d{2}\s*年度?|\b(?:19|20)\d{2}\b")
_CATEGORY_WORDS = re.compile(r"\b(?:category|categories|class|classes|group|groups)\b", re.IGNORECASE)
STATED_SHARE_WORDS = re.compile(r"占比|所占比例|比例|比重|占")
SAID_OF_EVERYTHING = frozenset({"政府", "信息", "公开", "政务", "资讯", "消息", "条目", "文件", "透露", "披露", "发布"})


# "what share of its disclosures did business updates make up": the part after the verb 'do', the whole before it
_SHARE_MADE_UP = re.compile(r"\b(?:share|percentage|proportion|fraction|percent) of (?P<whole>.+?) (?:did|do|does) "
                            r"(?P<part>.+?) (?:make up|account for|represent|constitute|take up)\b", re.IGNORECASE)


# "what were its 2021 interpretation items as a share of all the information items it compiled": the part before
# "as a share of", the whole after it
_AS_A_SHARE_OF = re.compile(r"\b(?:what|how large)\s+(?:was|were|is|are)\s+(?:the\s+)?(?P<part>.+?)\s+as\s+an?\s+"
                            r"(?:share|percentage|proportion|fraction|percent)\s+of\s+(?P<whole>[^?]+)", re.IGNORECASE)


# "Of the licences and penalties the city handled, what share were penalties": the whole written first
_OF_THE_WHOLE_FIRST = re.compile(r"^\s*(?:and\s+)?of (?P<whole>[^?,]+?),\s*(?:what|which)\s+"
                                 r"(?:share|percentage|proportion|fraction|percent)(?:\s+of\s+(?:them|these|those))?\s+"
                                 r"(?:were|was|are|is|came from|went to|concerned) (?P<part>[^?]+?)\s*(?:[?.]|$)",
                                 re.IGNORECASE)


def share_phrases(text: str) -> tuple[str, str] | None:
    """The part and the whole a share question names (``text`` without the agencies' names); None when it names no
    part in words of its own."""
    text = _HOW_ROUNDED.sub(" ", text)
    if m := _OF_THE_WHOLE_FIRST.search(text):
        part = re.sub(r"^(?:the|an?)\s+", "", m.group("part").strip(), flags=re.I).strip(" \"'“”")
        return (part, _YEAR.sub(" ", m.group("whole"))) if part else None
    if m := SHARE_OF.search(text):
        part = re.sub(r"^(?:the|an?)\s+", "", _CATEGORY_WORDS.sub(" ", m.group("part")).strip(), flags=re.I)
        part = re.sub(r"\s+(?:in|during|for)\s+(?:19|20)\d{2}\s*$", "", part.strip(" \"'“”"))
        return (part, _YEAR.sub(" ", m.group("whole"))) if part else None
    for pattern in (_SHARE_MADE_UP, _AS_A_SHARE_OF):
        if m := pattern.search(text):
            part = re.sub(r"^(?:the|an?)\s+", "", m.group("part").strip(), flags=re.I).strip(" \"'“”")
            part = re.sub(r"^(?:[\w-]+\s+){0,5}?[\w-]+['’]s\s+(?:(?:19|20)\d{2}\s+)?", "", part)  # (its owner, year)
            return (part, _YEAR.sub(" ", m.group("whole"))) if part else None
    if m := _SHARE_OF_ZH.search(text):
        part = _YEAR.split(m.group("part"))[-1].lstrip("的在").strip("“”\"")
        within = [w for w in _WITHIN_ZH.finditer(part) if len(part[w.end():].strip("，,的")) >= 2]
        if not m.group("whole") and within:
            # "答复的申请中予以公开的占比": the whole written first, before 中
            return part[within[-1].end():].strip("，,的"), part[: within[-1].start()]
        if not m.group("whole") and (before := _WHOLE_BEFORE_ZH.search(text[: m.start("part")])):
            # "主动公开的政府信息中,公示公告占比多少": the whole before 中 and a comma
            return (part, _YEAR.split(before.group(1))[-1]) if len(part) >= 2 else None
        return (part, m.group("whole")) if len(part) >= 2 else None
    return None


class _PartTerm(NamedTuple):
    specific: bool
    known: bool  # a thing of the lexicon's (行政处罚 of "administrative penalty"), not the dictionary's words
    chinese: frozenset[str]


def _english_score(terms: list[_PartTerm], label: str) -> tuple[int, int, int, int]:
    """Terms of the part a label names, the specific ones first, then the lexicon's things, then all: 政策文件 over
    政策解读 (policy documents), 行政处罚 over 保留行政权力 ("administrative penalty powers"); last, the longer words
    written (a portal: 门户网站 over 网站)."""
    named = [t for t in terms if any(c in label for c in t.chinese)]
    written = sum(max(len(c) for c in t.chinese if c in label) for t in named)
    return sum(t.specific for t in named), sum(t.known for t in named), len(named), written


def _english_part_terms(part: str, lexicon: Lexicon | None) -> list[_PartTerm]:
    """The things an English part names: the lexicon's things first (carried over: 结转), the dictionary's words for
    the rest."""
    terms: list[_PartTerm] = []
    part = part.replace("-", " ")  # "carried-over", "project-approval"
    if lexicon is not None:
        # a curated phrase holding a thing the lexicon knows says more than the thing: "provincial government
        # website" is 省政府网站, not any website
        mentions = find_mentions(part, lexicon)
        # a curated phrase that is exactly a thing's English name adds the reports' other words for it ("other
        # channels": 其他方式 beside the concept's 其他途径)
        also_said: dict[tuple[int, int], tuple[str, ...]] = {}
        for start, end, chinese in glossary_phrases(part):
            if any(start <= m.start and m.end <= end and m.end - m.start < end - start for m in mentions):
                terms.append(_PartTerm(True, True, frozenset(chinese)))
                part = part[:start] + " " * (end - start) + part[end:]
            elif any(m.start == start and m.end == end for m in mentions):
                also_said[(start, end)] = chinese
        for m in find_mentions(part, lexicon):
            if m.concept is not None and (words := frozenset(w for w in (*m.concept.phrases, *m.concept.rows,
                                                                         *also_said.get((m.start, m.end), ()))
                                                             if not w.isascii())):
                terms.append(_PartTerm(True, True, words))
                part = part[: m.start] + " " * (m.end - m.start) + part[m.end:]
    for start, end, chinese in glossary_phrases(part):  # a thing the reports name whole: "department news", 部门动态
        terms.append(_PartTerm(not (set(chinese) & SAID_OF_EVERYTHING), True, frozenset(chinese)))
        part = part[:start] + " " * (end - start) + part[end:]
    part = _THE_BODY_EN.sub(" ", part)  # "the bureau saying…": the body asked, no word of the part (局长信箱)
    # a term the glossary knows is matched by its words there (news: 新闻, 动态), not every sense of the dictionary
    return terms + [_PartTerm(not (words & SAID_OF_EVERYTHING), False, words)
                    for t in english_terms(part)[0] for words in [curated_words(t)]]


# "government" only after a determiner: "government news items" are items of a kind, not the body
_THE_BODY_EN = re.compile(r"\b(?:(?:the|its|this)\s+)?(?:bureau|office|department|agency|commission|committee"
                          r"|administration|authority)\b|\b(?:the|its|this)\s+government\b", re.IGNORECASE)


_CHINESE_GLOSS = re.compile(r"[\u4e00-\u9fff]{2,}")
_PINYIN_WORD = re.compile(r"\b[a-z]{6,24}\b")
MAX_PINYIN_SPAN = 6  # characters of a label a pinyin word may spell (gongzhonghao: 公众号)


def pinyin_terms(part: str, facts: list[Fact]) -> list[_PartTerm]:
    """An English part that writes a thing in pinyin ("its public account (gongzhonghao)"): the characters of a
    label the word spells, a thing named exactly."""
    words = set(_PINYIN_WORD.findall(part.lower()))
    if not words:
        return []
    spelled: dict[str, set[str]] = {w: set() for w in words}
    for label in {f.label for f in facts}:
        if not any(w in reading_of(label) for w in words):
            continue  # (an English word, "published", is in no label's reading: no span is read)
        for i in range(len(label)):
            for j in range(i + 2, min(len(label), i + MAX_PINYIN_SPAN) + 1):
                if (reading := reading_of(label[i:j])) in spelled:
                    spelled[reading].add(label[i:j])
    return [_PartTerm(True, True, frozenset(chinese)) for chinese in spelled.values() if chinese]


def names_every_term(part: str, fact: Fact, lexicon: Lexicon | None) -> bool:
    """An English part's every specific thing is written in the figure's label (consumption policy: 消费 and 政策)."""
    terms = _english_part_terms(part, lexicon)
    return _english_score(terms, fact.label)[0] == sum(t.specific for t in terms)


def figure_naming_part(q: Question, part: str, facts: list[Fact], lexicon: Lexicon | None = None) -> Fact | None:
    """The one figure among ``facts`` whose label names the part: by its words (Chinese), by the lexicon's and the
    dictionary's words for it (English); None when two figures name it equally."""
    if q.lang == "zh":
        # "写信（信函）申请": a bracketed word is a second name, no pair of characters runs across its brackets
        words = bigrams(re.sub(r"[的（）()“”\"]", " ", part))
        scored: list[tuple[tuple[int, ...], Fact]] = sorted((((len(words & bigrams(f.label)),), f) for f in facts),
                                                            key=lambda s: s[0], reverse=True)
        if not scored or scored[0][0][0] < min(MIN_LABEL_OVERLAP, len(words)):
            return None
    else:
        gloss = _CHINESE_GLOSS.findall(part)
        if glossed := [f for f in facts if any(g in f.label for g in gloss)]:
            facts = glossed  # "double-publicity (双公示) notices": the reports' own word, written by the asker
        for brand in brand_names(part).values():  # "its Toutiao account": only a figure said of 头条 is its
            facts = [f for f in facts if any(w in f.label for w in brand)]
        terms = _english_part_terms(part, lexicon) + pinyin_terms(part, facts) \
            + ([_PartTerm(True, True, frozenset(gloss))] if glossed else [])
        if not any(t.specific for t in terms):
            return None
        # (the body as its clause's subject, 街道通过…, names no thing: "sub-district news" is 街道信息)
        scored = sorted(((_english_score(terms, without_the_body_as_subject(f.label)), f) for f in facts),
                        key=lambda s: s[0], reverse=True)
        if not scored or scored[0][0][0] == 0:
            return None
    best = [f for score, f in scored if score == scored[0][0]]
    return best[0] if len({(f.value, f.unit) for f in best}) == 1 else None


def _whole_fits(q: Question, whole_words: str, whole: Fact, lexicon: Lexicon) -> bool:
    """The whole the part is listed under is the one asked: a thing the asked whole names beyond what every count
    says (主动 of 主动公开总数; proactive, website) is written before its figure, or the asked whole names none."""
    said = whole.source[: whole.source.find(whole.raw)] + whole.label if whole.raw in whole.source else whole.label
    if q.lang == "zh":
        own = bigrams(whole_words.replace("的", " ")) - PLAIN_BIGRAMS - {"全部", "所有", "总量"}
        return not own or bool(own & bigrams(said))
    # the lexicon's things only: the dictionary reads an agency's English name as words of a thing too
    named = [[w for w in (*m.concept.phrases, *m.concept.rows) if not w.isascii()]
             for m in find_mentions(whole_words, lexicon) if m.concept is not None]
    return not any(named) or any(any(w in said for w in words) for words in named if words)


_COMPUTED_ASKED = re.compile(r"\b(?:re)?(?:computed?|calculated?)\b|\bwork(?:ed)? out\b|重新计算|计算|算出|算一下|算算",
                             re.IGNORECASE)


def asks_computed(text: str) -> bool:
    """"Computed from the counts, what share…": the share is to be worked out from the figures, not the rounded one
    the report states (56% against 25 / 45 = 55.56%)."""
    return bool(_COMPUTED_ASKED.search(text))


def said_before_share(fact: Fact) -> str:
    """"网上公开信息20条,所占比例为30%": a share labelled by nothing but its share words is of what its sentence says
    since the share before it (or since the sentence began)."""
    at = fact.source.find(fact.raw) if fact.raw else -1
    return STATED_SHARE_WORDS.sub("", re.split(r"[。；;%％]", fact.source[:at])[-1]) if at > 0 else ""


def stated_share_of_part(q: Question, text: str, facts: list[Fact]) -> Fact | None:
    """A share the report states (动态类信息134条，占56.30%) whose label names the part asked."""
    phrases = share_phrases(text)
    if phrases is None:
        return None
    shares = [f for f in facts if f.unit == "%" and f.value is not None and f.kind == "prose"
              and not rate_of_another_measure(q, f.label)]
    # 动态类信息占比 names 动态类信息: the words saying it is a share name no part
    bare = [replace(f, path=(*f.path[:-1], STATED_SHARE_WORDS.sub("", f.label) or said_before_share(f) or f.label))
            for f in shares]
    found = figure_naming_part(q, phrases[0], bare)
    return next((f for f, b in zip(shares, bare, strict=True) if b is found), None)


_NAMED_RATE = re.compile(r"([\u4e00-\u9fa5]{2})率$")


def rate_of_another_measure(q: Question, label: str) -> bool:
    """"已办结法律援助案件质量考核合格率100%" is a pass rate: it answers a share of the cases closed only when the
    question names that measure (合格) too."""
    m = _NAMED_RATE.search(label)
    return q.lang == "zh" and m is not None and m.group(1) not in q.text


def computed_share_of_part(q: Question, text: str, facts: list[Fact], reports: dict[str, Report],
                           lexicon: Lexicon) -> Answer | None:
    """"主动公开政府信息3600条，其中动态类信息64条": the part named, over the figure its sentence lists it under."""
    phrases = share_phrases(text)
    if phrases is None:
        return None
    part_words, whole_words = phrases
    counts = [f for f in facts if f.kind == "prose" and f.value is not None and f.unit != "%"]
    wholes = {id(p): [w for w in counts if listed_part_of(p, w) and w.unit == p.unit] for p in counts}
    part = figure_naming_part(q, part_words, [p for p in counts if wholes[id(p)]], lexicon)
    if part is None or part.value is None:
        return None
    # the nearest figure the part is listed under (…其中A 50条，其中B 20条: B's whole is A)
    whole = max(wholes[id(part)], key=lambda w: w.source.find(w.raw))
    if not whole.value or whole.value < part.value or not _whole_fits(q, whole_words, whole, lexicon):
        return None
    return share_answer(q, part, whole, reports.get(part.report_id))


_ITEM_UNITS = frozenset({"条", "件", "项", "篇", "则"})


PARTITION_SLACK = Decimal(1)  # stated shares that add up to 100 within this (rounded: 66.66 + 33.33) cover the whole


def computed_share_of_a_partition(q: Question, text: str, facts: list[Fact],
                                  reports: dict[str, Report], lexicon: Lexicon) -> Answer | None:
    """"领导动态信息0条,占0%;日常工作动态类信息20条,占66.66%;会议信息10条,占33.33%": a sentence whose figures each
    state a share, the shares adding up to all (100 %), lists every part of its whole; a share asked to be computed
    is the part over their sum, when the report states no whole they are listed under."""
    phrases = share_phrases(text)
    if phrases is None:
        return None
    counts = [f for f in facts if f.kind == "prose" and f.value is not None and f.unit != "%"]
    part = figure_naming_part(q, phrases[0], counts, lexicon)
    if part is None or part.value is None:
        return None
    # (each figure's share is said in its own clause, "日常工作动态类信息20条,占66.66%;": the report's figures with a
    # share said beside them, all of them, make the list)
    shares = {f.source: f for f in facts if f.kind == "prose" and f.unit == "%" and f.value is not None}
    listed = [f for f in counts if f.source in shares and f.unit == part.unit]
    if part not in listed or len(listed) < 2 or len({f.source for f in listed}) != len(listed):
        return None
    stated = sum_values([cast(Number, shares[f.source].value) for f in listed])
    if abs(Decimal(str(stated)) - 100) > PARTITION_SLACK:
        return None
    total = sum_values([f.value for f in listed if f.value is not None])
    if not total:
        return None
    pct = percent(part.value, total)
    whole_label = " + ".join(f"{f.label} {f.value}{f.unit}" for f in listed)
    text_said = say_share(reports.get(part.report_id), q.lang, part.label, part.value, whole_label, total, part.unit,
                          pct, part)
    return Answer(q.text, found=True, text=text_said, value=pct, unit="%", facts=listed, intent="share",
                  notes=["read from the text"])


def counted_alike(part: Fact, whole: Fact) -> bool:
    """The part is counted as its whole is: in its unit, or in another measure word of items when its sentence lists
    it under the whole ("主动公开政府信息共10条,其中…公示公告6则")."""
    return part.unit == whole.unit or part.unit in _ITEM_UNITS and whole.unit in _ITEM_UNITS \
        and listed_part_of(part, whole)


def percent(part: Number, whole: Number) -> Decimal:
    """part / whole × 100 to two decimals, half up."""
    return (Decimal(str(part)) / Decimal(str(whole)) * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def running_total_as_whole(q: Question, wholes: list[Fact], parts: list[Fact]) -> bool:
    """"《条例》实施以来累计主动公开2841340条" is no whole of the year's 449248: a running total is the whole of a share
    only when the question asks one (占历年累计…) or the part is one too."""
    return not any(c.id in RUNNING_TOTALS for c in q.columns) and not _CUMULATIVE_ASKED.search(q.text) \
        and any(said_as_running_total(f) for f in wholes) and not any(said_as_running_total(f) for f in parts)


_CUMULATIVE_ASKED = re.compile(r"累计|历年|cumulative|so far|to date|running total", re.IGNORECASE)


def share_answer(q: Question, part: Fact, whole: Fact, report: Report | None) -> Answer | None:
    """part / whole × 100, two decimals, said with its formula; none when the part is not within its whole."""
    if part.value is None or not whole.value or part.value > whole.value or part is whole \
            or not counted_alike(part, whole) or running_total_as_whole(q, [whole], [part]):
        return None
    pct = percent(part.value, whole.value)
    text = say_share(report, q.lang, part.label, part.value, whole.label, whole.value, part.unit, pct, part,
                     whole.unit)
    return Answer(q.text, found=True, text=text, value=pct, unit="%", facts=[part, whole], intent="share",
                  notes=["read from the text"])

"""Sums and differences of things the lexicon does not know, each found by its words among the reports' figures."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import cast

from ..agencies import agency_aliases, department_mentions_of, same_bodies
from ..documents import Answer, Fact, Number
from ..parsing.prose_facts import (
    figure_position,
    listed_after_it,
    listed_part_of,
    own_noun,
    publishes,
    text_before,
)
from ..questions import Intent, Question
from ..wording import say_difference_read_from_text, say_share, say_sum_read_from_text
from .context import Ask
from .extractive import (
    PLAIN_BIGRAMS,
    PUBLISHED_EN,
    ItemFinder,
    difference_of_items,
    received_not_published,
    sum_of_items,
    unit_fits,
)
from .facts import sum_values
from .finder import FactFinder
from .share import figure_naming_part, names_every_term, percent, share_phrases


def combine_items(finder: FactFinder, ask: Ask, by_meaning: ItemFinder | None = None) -> Answer | None:
    q, scope = ask.q, ask.scope
    facts = {r.id: finder.facts.scoped([r]) + finder.facts.scoped([r], "prose") for r in scope.reports}
    if q.intent is Intent.SUM:
        if len(scope.reports) != 1:
            return None
        mine = facts[scope.reports[0].id]
        result = sum_of_items(q, ask.topic, mine, finder.reports, by_meaning)
        if result is not None and len(result.facts) < len(english_sum_items(q.text) if q.lang == "en" else ()):
            result = None  # a thing the list names found no figure: a sum of the others leaves it out
        return result or sum_of_english_items(q, mine, finder)
    by_year: dict[int | None, list[Fact]] = {}
    for r in scope.reports:
        by_year.setdefault(r.year, []).extend(facts[r.id])
    if len(scope.reports) != 1 and len(by_year) != len(scope.reports):
        return None  # several reports of one year: which one is meant is unclear
    agencies = sorted({r.agency for r in scope.reports})
    if len(agencies) > 1 and same_bodies(agencies[:1], agencies) != set(agencies):
        return None  # two bodies' figures, each its own report's (the reports named apart are answered each alone)
    names = tuple({a for agency in agencies for a in agency_aliases(agency)}
                  | {m for m in department_mentions_of(q.text, agencies) if names_the_asker(q.text, m)})
    return difference_of_items(q, by_year, finder.reports, names, by_meaning) \
        or english_difference_over_years(q, by_year, finder)


_OTHER_LEVEL = "省市县区乡镇"


def names_the_asker(text: str, mention: str) -> bool:
    """A department mention that scopes the question (平潭综合执法局), not a word of another body's name: 政府 alone,
    or 政府外事办 written after 省 (省政府外事办网站, the province's office) are things asked about. An item's words
    that name the asking agency count for nothing anyway (``extractive._item_fact``)."""
    if len(mention) < 4:
        return False
    at = text.find(mention)
    while at >= 0:
        if at == 0 or text[at - 1] not in _OTHER_LEVEL:
            return True
        at = text.find(mention, at + 1)
    return False


# "Together, how many A and B items…", "Adding A and B, how many…", "Across A, B and C, how many…": the list of
# things an English sum adds, before its "how many" or as what "how many" counts
_LIST_BEFORE = re.compile(r"^\s*(?:together|taken together|adding(?: up)?|counting(?: both)?|across|combining)\b[\s,]*"
                          # (whose the things are, said first: "Adding up Dongliang township's 2023 A, B and C…")
                          r"(?:(?:(?!and\b)[\w-]+\s+){0,3}[\w-]+'s\s+(?:(?:19|20)\d{2}\s+)?)?"
                          r"(?P<list>[^?]+?),\s*(?:how (?:many|much)|what (?:is|was) the (?:total|sum))\b",
                          re.IGNORECASE)
_LIST_COUNTED = re.compile(r"\bhow many (?P<list>[^?]+?)\s+(?:did|do|does|were|was|are|is|has|have|had)\b",
                           re.IGNORECASE)
# "…disclose online, counting government websites and government new media together?": the list said last
_LIST_AFTER = re.compile(r",\s*(?:counting|adding(?: up)?|combining|taking)\s+(?:both\s+)?"
                         r"(?P<list>[^?,]+?(?:\s*,\s*[^?,]+?)*,?\s+(?:and|plus)\s+[^?,]+?)"
                         r"(?:\s+(?:combined|together|in total|altogether))?\s*\?", re.IGNORECASE)
# "the combined number of overview, news and catalogue items the bureau listed": the things a total is of
_LIST_COMBINED = re.compile(r"\b(?:combined|total|overall)\s+(?:number|count|total|figure)\s+of\s+(?P<list>[^?]+?)"
                            r"(?=\s+(?:the|that|which|did|do|does|were|was|in|for|at|by|published|listed|released)\b)",
                            re.IGNORECASE)
# "What is the total of the water bureau's 2025 website posts and new-media posts?": the things after "total of"
_LIST_TOTAL_OF = re.compile(r"\b(?:what (?:is|was) the )?(?:total|sum) of\s+(?:the\s+)?"
                            r"(?:(?:(?!and\b)[\w-]+\s+){0,5}?[\w-]+(?:'s|’s)\s+)?(?:(?:19|20)\d{2}\s+)?"
                            r"(?P<list>[^?]+?\s+and\s+[^?]+?)(?:\s+in\s+(?:19|20)\d{2})?\s*\?", re.IGNORECASE)
# "…disclose through its own portal and the provincial government website combined?": the channels a sum adds up
_LIST_OF_CHANNELS = re.compile(r"\b(?:through|via|at|on|as|across)\s+"
                               r"(?P<list>[^?,]+?(?:\s*,\s*[^?,]+?)*,?\s+and\s+[^?,]+?)"
                               r"(?:\s+(?:combined|together|in total|altogether))?(?:\s+in\s+(?:19|20)\d{2})?\s*\?",
                               re.IGNORECASE)
# "…publish in national, provincial and city media in 2025?": single words listed before one noun they share
_LIST_OF_LEVELS = re.compile(r"\b(?:in|on|at|through|via)\s+(?P<list>[a-z-]+(?:\s*,\s*[a-z-]+)*,?\s+and\s+[a-z-]+"
                             r"(?:\s+[a-z-]+){0,2})(?:\s+(?:combined|together|in total|altogether))?"
                             r"(?:\s+in\s+(?:19|20)\d{2})?\s*\?", re.IGNORECASE)
# "how many of its 2025 disclosures were work-news or policy-document items combined?": the kinds after "were"
_LIST_OF_KINDS_WERE = re.compile(r"\bhow many of\s+[^?]*?\b(?:were|was|are|is)\s+(?P<list>[^?]+?\s+(?:or|and)\s+[^?]+?)"
                                 r"\s+(?:combined|together|in total|altogether)\s*\?", re.IGNORECASE)
# "how many people in total (police officers plus contract staff)…": the parts of a total spelled out in brackets
_LIST_IN_BRACKETS = re.compile(r"\b(?:in total|total|combined|altogether|together)\s*\("
                               r"(?P<list>[^()?]+?\s(?:plus|and)\s"
                               r"[^()?]+?)\)", re.IGNORECASE)
# what an English question counts ("how many TV items did … aired at national, provincial and city level"): the thing
# each listed level or channel has its own figure of
_COUNTED_EN = re.compile(r"\bhow many\s+(?P<thing>[a-z][\w' -]*?)\s+(?:in total\s+)?(?:did|do|does|were|was|are|is|has"
                         r"|have|had)\b", re.IGNORECASE)
_ITEM_SPLIT_EN = re.compile(r"\s*,\s*(?:and\s+|or\s+|plus\s+)?|\s+and\s+|\s+or\s+|\s+plus\s+", re.IGNORECASE)
_PLUS_SPLIT_EN = re.compile(r"\s*,\s*(?:plus\s+)?|\s+plus\s+", re.IGNORECASE)
_ITEM_FILLER_EN = re.compile(r"^(?:both|its(?: own)?|the|their(?: own)?|all|an?)\s+"
                             r"|\b(?:items?|cases?|entries|pieces|things|posts)\s*$",
                             re.IGNORECASE)


def lists_before_how_many(text: str) -> bool:
    """"Across A, B and C, how many…": a list led by words that add it up, before what is counted."""
    return _LIST_BEFORE.search(text) is not None


def english_sum_items(text: str, split: re.Pattern[str] | None = None) -> list[str]:
    """The things an English sum lists ("penalty and compulsory-measure items" → penalty, compulsory-measure)."""
    for pattern in (_LIST_BEFORE, _LIST_AFTER, _LIST_IN_BRACKETS, _LIST_OF_KINDS_WERE, _LIST_COUNTED, _LIST_COMBINED,
                    _LIST_TOTAL_OF, _LIST_OF_CHANNELS, _LIST_OF_LEVELS):
        if (m := pattern.search(text)) is None:
            continue
        items = [_ITEM_FILLER_EN.sub("", _ITEM_FILLER_EN.sub("", i.strip())).strip()
                 for i in (split or _ITEM_SPLIT_EN).split(m["list"])]
        if len(items) >= 2:
            return [i for i in items if len(i) >= 3]
    return []


def english_sum_item_lists(text: str) -> list[list[str]]:
    """Every way to read the list: "A plus B and C" is A, B, C or, B and C being one figure ("service-guide and
    interpretation items": 办事指南及政策解读42条), A and "B and C"."""
    lists = [english_sum_items(text)]
    if re.search(r"\bplus\b", text, re.IGNORECASE) and (by_plus := english_sum_items(text, _PLUS_SPLIT_EN)) \
            and by_plus not in lists:
        lists.append(by_plus)
    return [items for items in lists if items]


def _counts_asked(q: Question, facts: list[Fact]) -> list[Fact]:
    """The report's figures (a table's totals, the text's) in a unit the question allows."""
    return [f for f in facts if f.value is not None and f.column in (None, "总计") and unit_fits(q.text, f.unit)]


def sum_of_english_items(q: Question, facts: list[Fact], finder: FactFinder) -> Answer | None:
    """Each thing an English sum lists found by its words (the lexicon's and the dictionary's) among the report's
    figures in the unit asked, one figure each, added up; none when any thing names no figure, or two equally."""
    if q.lang != "en":
        return None
    pool = _counts_asked(q, facts)
    if PUBLISHED_EN.search(q.text):  # what a body published: no messages it received or answered
        pool = [f for f in pool if not received_not_published(f)]
    for items in english_sum_item_lists(q.text):
        if len(items) >= 2 and (answer := _sum_of_items_listed(q, items, pool, finder)) is not None:
            return answer
    return None


def _sum_of_items_listed(q: Question, items: list[str], pool: list[Fact], finder: FactFinder) -> Answer | None:
    found = None
    thing = counted_thing_en(q.text)
    if len(thing) >= 2 and not any(thing.lower() in i.lower() for i in items):
        # "national, provincial and city level" of TV items: each level's TV figure, not its newspapers'
        items_of_thing = [f"{item} {thing}" for item in items]
        if (found := _each_item_once(q, items_of_thing, pool, finder)) is not None:
            items = items_of_thing
    found = found or _each_item_once(q, items, pool, finder)
    if found is None and (shared := _with_shared_tail_en(items)) != items:
        # "full-time and part-time disclosure staff": the last item's noun is every item's
        found, items = _each_item_once(q, shared, pool, finder), shared
    if found is None and (bare := items[:-1] + [_WHERE_AFTER_EN.sub("", items[-1])]) != items:
        # "its work updates and financial disclosures on the district portal": where they all went out, said once
        found, items = _each_item_once(q, bare, pool, finder), bare
    if found is None:
        return None
    used: list[Fact] = []
    others = [found[i] for i in range(len(items))]
    for item, fact in zip(items, others, strict=True):
        # "通过门户网站主动公开工作动态33条、乡镇建设12条、政策文件4条" for "portal": every kind that went through it
        # (up to another listed thing's own figure: "政务微信…58条,其他方式24条" for WeChat and other channels)
        used.extend(_kinds_through_its_channel(item, fact, pool, finder, others) or [fact])
    if len({f.unit for f in used}) != 1:
        return None
    total = sum_values([f.value for f in used if f.value is not None])
    text = say_sum_read_from_text(finder.reports.get(used[0].report_id), q.lang, used, total, used[0].unit)
    return Answer(q.text, found=True, text=text, value=total, unit=used[0].unit, facts=used, intent="sum",
                  notes=["read from the text"])


def _kinds_through_its_channel(item: str, fact: Fact, pool: list[Fact], finder: FactFinder,
                               others: list[Fact]) -> list[Fact]:
    """"通过门户网站主动公开工作动态33条、乡镇建设12条、政策文件4条" read for "portal": the figure is the first kind of
    a list that went through the channel, its label naming the channel the item asks, not what the item counts; what
    went through the channel is that kind and the kinds listed after it up to the next figure with a verb or a channel
    of its own (杨梅乡微信公众号公开82条). [] when the figure is all that went through it."""
    noun = own_noun(fact.label)
    channel = fact.label[: len(fact.label) - len(noun)]
    if not channel or noun == fact.label or not {noun[i:i + 2] for i in range(len(noun) - 1)} - PLAIN_BIGRAMS:
        return []  # (通过平台发布62条, 网站共发布信息3972条, 管理公开类: all that went through it)
    # the item named by the words before the verb (通过…门户网站), none by what the figure counts (工作动态)
    if not names_every_term(item, replace(fact, path=(channel,)), finder.lexicon) \
            or names_every_term(item, replace(fact, path=(noun,)), finder.lexicon):
        return []
    # the kinds listed after it, not its parts after 其中 (主动公开140条,其中工作动态127条)
    later = sorted((f for f in pool if f.unit == fact.unit and listed_after_it(fact, f) and not listed_part_of(f, fact)
                    and figure_position(f) is not None), key=lambda f: cast(int, figure_position(f)))
    run = []
    for kind in later:
        if publishes(kind.label) or kind in others:  # (乡镇建设 is a kind: 建设 is no publishing)
            break
        run.append(kind)
    return [fact, *run] if run else []


_WHERE_AFTER_EN = re.compile(r"\s+(?:on|via|through|in|at)\s+(?:the|its|their)\s+.*$", re.IGNORECASE)


def counted_thing_en(text: str) -> str:
    """What an English question counts ("how many disclosure requests did …": disclosure requests), "" for items."""
    return _ITEM_FILLER_EN.sub("", counted_phrase_en(text)).strip()


def counted_phrase_en(text: str) -> str:
    """What an English question counts, as written ("how many penalty items did …": penalty items), "" if none."""
    m = _COUNTED_EN.search(text)
    return m["thing"].strip() if m else ""


def _with_shared_tail_en(items: list[str]) -> list[str]:
    """Single-word items before a last item of several words take its words after its first ("full-time" of
    "full-time and part-time disclosure staff" is full-time disclosure staff)."""
    first, _, tail = items[-1].partition(" ")
    if not tail or any(" " in item for item in items[:-1]):
        return items
    return [f"{item} {tail}" for item in items[:-1]] + [items[-1]]


def _each_item_once(q: Question, items: list[str], pool: list[Fact], finder: FactFinder) -> dict[int, Fact] | None:
    """Each listed thing's own figure, a different one each: a thing naming one figure alone is matched first, and
    the figures taken leave the others fewer to choose from ("its own portal and the provincial government website":
    the provincial site's figure taken, the portal's is the one left); None when a thing names no figure."""
    found: dict[int, Fact] = {}
    while len(found) < len(items):
        taken = list(found.values())
        left = [f for f in pool if f not in taken]
        # (a thing left one figure by the others' is that figure only when its label names all the thing says, or
        # the text lists it with them: "consumption-policy" is not 税费优惠政策 of another sentence because
        # 扩大有效投资的政策 was taken; "correction notices" is the 更正公告 of the list of notices taken)
        newly = {i: fact for i, item in enumerate(items) if i not in found
                 and (fact := figure_naming_part(q, item, left, finder.lexicon)) is not None
                 and (not taken or names_every_term(item, fact, finder.lexicon)
                      or all(t.source == fact.source for t in taken))}
        # two things naming the same figure: neither is settled by it
        named = Counter(id(f) for f in newly.values())
        newly = {i: f for i, f in newly.items() if named[id(f)] == 1
                 and not any(t.value == f.value and t.label == f.label for t in taken)}
        if not newly and taken and (beside := [f for f in left if all(t.source == f.source for t in taken)]) != left:
            # a thing two figures name alike ("provincial media": 省级媒体发稿, 省级媒体报道 of another sentence) is
            # the one listed with the figures already taken
            newly = {i: fact for i, item in enumerate(items) if i not in found
                     and (fact := figure_naming_part(q, item, beside, finder.lexicon)) is not None}
            if len({id(f) for f in newly.values()}) != len(newly):
                return None
        if not newly:
            return None
        found.update(newly)
    return found


# "how many more emergency-management items did X publish in 2025 than in 2024": one thing, two years
_MORE_IN_YEAR_THAN_EN = re.compile(
    r"\bhow many (?:more|fewer|less)\s+(?P<item>[^?]+?)\s+(?:did|do|does|were|was|has|have|had)\b[^?]*?"
    r"\b(?:in|during|for)\s+(?P<a>(?:19|20)\d{2})\s+than\s+(?:in|during|for)?\s*(?P<b>(?:19|20)\d{2})\b",
    re.IGNORECASE)


def english_difference_over_years(q: Question, by_year: dict[int | None, list[Fact]],
                                  finder: FactFinder) -> Answer | None:
    """One thing an English question names, found by its words in each year's report, the first year less the
    second; none when either year names no figure or two equally."""
    m = _MORE_IN_YEAR_THAN_EN.search(q.text) if q.lang == "en" else None
    if m is None:
        return None
    item = _ITEM_FILLER_EN.sub("", m["item"]).strip()
    years = (int(m["a"]), int(m["b"]))
    if len(item) < 3 or any(y not in by_year for y in years):
        return None
    found = []
    for year in years:
        fact = figure_naming_part(q, item, _counts_asked(q, by_year[year]), finder.lexicon)
        if fact is None or fact.value is None:
            return None
        found.append(fact)
    a, b = found
    if a.unit != b.unit:
        return None
    diff = cast(Number, a.value - b.value)  # type: ignore[operator]
    value = cast(Number, abs(diff))
    names = (f"{years[0]}: {a.label}", f"{years[1]}: {b.label}")
    text = say_difference_read_from_text(finder.reports.get(a.report_id), q.lang, a, b, value, diff, names)
    return Answer(q.text, found=True, text=text, value=value, unit=a.unit, facts=[a, b], intent="difference",
                  notes=["read from the text"])


# the list a share's whole adds up ("its portal, WeChat and Weibo", "WeChat, Weibo and other new-media output",
# "(portal plus WeChat)")
_LISTED_WHOLE_EN = re.compile(r"(?P<list>[\w'’-]+(?:\s+[\w'’-]+){0,3}(?:\s*,\s*[\w'’-]+(?:\s+[\w'’-]+){0,3})*,?"
                              r"\s+(?:and|plus)\s+[\w'’-]+(?:\s+[\w'’-]+){0,3})", re.IGNORECASE)
_WHOLE_LEAD_EN = re.compile(r"^.*?(?:'s|’s)\s+|^.*?\b(?:across|among|between)\s+"
                            r"|\b(?:combined|total|overall|across|over|on|via|through|its|their|the|(?:19|20)\d{2})\b\s*",
                            re.IGNORECASE)
_WHOLE_TAIL_EN = re.compile(r"\s+(?:output|items?|posts?|content|publications?|releases?|figures?|counts?|totals?"
                            r"|combined|together|in total)\s*$", re.IGNORECASE)
_PART_LEAD_EN = re.compile(r"^(?:(?:was|were)\s+)?(?:posted|published|released|put out|carried|went out)?\s*"
                           r"(?:on|via|through|in|to)?\s*(?:the|its|their)?\s*", re.IGNORECASE)
_BEFORE_FIRST_ITEM_EN = re.compile(r"\s(?:through|via|on|across|from|in)\s", re.IGNORECASE)
_LISTED_WHOLE_ZH = re.compile(r"(?P<list>[\u4e00-\u9fa5]{2,12}(?:、[\u4e00-\u9fa5]{2,12})*(?:、|和|与|及|以及)"
                              r"[\u4e00-\u9fa5]{2,12}?)(?:三者|两者|合计|总计|共计|一共|加起来)?(?:发布|公开|的|$)")


def _listed_whole(whole_words: str, lang: str) -> list[str]:
    """The things a share's whole lists, each its own figure (≥ 2), or []."""
    if lang == "en":
        words = whole_words
        while (lead := _WHOLE_LEAD_EN.match(words)) and lead.end() > 0:
            words = words[lead.end():]
        m = _LISTED_WHOLE_EN.search(words)
        if m is None:
            return []
        items = [_ITEM_FILLER_EN.sub("", i.strip()).strip() for i in _ITEM_SPLIT_EN.split(m["list"])]
        # "disclosures through website, WeChat and …": what the list is of, said before its first channel
        items[0] = _ITEM_FILLER_EN.sub("", _BEFORE_FIRST_ITEM_EN.split(items[0])[-1]).strip()
        items[-1] = _WHOLE_TAIL_EN.sub("", items[-1])
        return [i for i in items if i] if len(items) >= 2 and all(len(i) >= 3 for i in items) else []
    m = _LISTED_WHOLE_ZH.search(whole_words)
    items = [i for i in re.split(r"、|以及|和|与|及", m["list"]) if i] if m else []
    return items if len(items) >= 2 else []


def share_of_listed_whole(q: Question, text: str, facts: list[Fact], finder: FactFinder) -> Answer | None:
    """"What share of its portal, WeChat and Weibo output went out on the portal": the whole is the sum of the things
    it lists, each found by its own words (as a sum's items), and the part is one of them."""
    phrases = share_phrases(text)
    if phrases is None:
        return None
    items = _listed_whole(phrases[1], q.lang)
    part = _PART_LEAD_EN.sub("", phrases[0]).strip().lower() if q.lang == "en" else phrases[0]
    at = [n for n, item in enumerate(items) if part and (part in item.lower() or item.lower() in part)]
    if len(at) != 1:
        return None
    pool = [f for f in facts if f.value is not None and f.unit != "%" and f.column in (None, "总计")]
    # the things added up are counted alike: each unit's figures apart (a portal's 10 columns are no posts)
    units = Counter(f.unit for f in pool)
    found = next((got for unit, _ in units.most_common()
                  if (got := _each_item_once(q, items, [f for f in pool if f.unit == unit], finder)) is not None), None)
    if found is None:
        return None
    used = [found[i] for i in range(len(items))]
    if len({f.unit for f in used}) != 1 or len({id(f) for f in used}) != len(used):
        return None
    if any(all(_names_all_of(q, item, f, finder) for item in items) for f in used):
        return None  # "通过…门户网站、微信、微博共发布…17249条" taken for WeChat: the whole stated, no thing of it
    total = sum_values([f.value for f in used if f.value is not None])
    share = used[at[0]]
    if share.value is None or not total:
        return None
    pct = percent(share.value, total)
    whole_label = " + ".join(f"{f.label} {f.value}{f.unit}" for f in used)
    report = finder.reports.get(share.report_id)
    text = say_share(report, q.lang, share.label, share.value, whole_label, total, share.unit, pct, share)
    return Answer(q.text, found=True, text=text, value=pct, unit="%", facts=used, intent="share",
                  notes=["read from the text"])


def _names_all_of(q: Question, item: str, fact: Fact, finder: FactFinder) -> bool:
    """The figure's label names the listed thing whole (every English word of it, or the Chinese item's words)."""
    if q.lang == "en":
        return names_every_term(item, fact, finder.lexicon)
    return figure_naming_part(q, item, [fact], finder.lexicon) is not None


# "各类…合计", "列出的各类…加起来": every kind a list gives, added up
EVERY_KIND_ADDED = re.compile(r"各类|各项|列出的")
ADDED_UP = re.compile(r"合计|加起来|一共|总共|共计|总计")
MIN_LISTED_KINDS = 3  # a list of fewer is two figures, not the kinds of a whole
# "发布的三类信息合计", "the six categories … add up to": how many kinds the question says a list has
_KINDS_COUNTED_ZH = re.compile(r"(?<![\d第])(?P<n>[两二三四五六七八九十]|\d{1,2})(?:大)?(?:类|种)(?:信息|内容)?"
                               r"(?=.*?(?:" + ADDED_UP.pattern + "))")
# ("the six categories … add up to", "Adding up the seven content categories listed": the words adding up before or
# after, a word or two saying what the kinds are of)
_KINDS_COUNTED_EN = re.compile(r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:[a-z-]+\s+){0,2}?"
                               r"(?:categories|kinds|types)\b", re.IGNORECASE)
_ADDED_UP_EN = re.compile(r"\b(?:add(?:ed|ing)? up|in total|combined|together|altogether|total)\b", re.IGNORECASE)
_COUNT_WORDS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
                "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def kinds_counted(q: Question) -> int | None:
    """The number of kinds a question says it adds up ("三类信息合计" 3, "the six categories … add up to" 6), or
    None. A count the question gives pins the list: a run of exactly that many figures, nothing else."""
    m = (_KINDS_COUNTED_EN if q.lang == "en" else _KINDS_COUNTED_ZH).search(q.text)
    if m is None or q.lang == "en" and not _ADDED_UP_EN.search(q.text):
        return None
    n = m.group("n").lower()
    count = int(n) if n.isdigit() else _COUNT_WORDS[n]
    return count if count >= 2 else None


def every_kind_listed_added_up(ask: Ask, facts: list[Fact]) -> Answer | None:
    """"在县政府网站子站公开的各类信息合计多少条" of a report that lists the kinds (主动公开预算决算3条、政策文件28条、
    …、涉农补贴12条) and states no total for them: the kinds added up. The list is the one of three or more figures
    in one unit whose sentence shares most words with the question; none when two lists share as many, or the list
    is counted out under a whole the report states (that whole is the answer, not this step's)."""
    q = ask.q
    counted = kinds_counted(q)
    if counted is None and (q.lang != "zh" or not EVERY_KIND_ADDED.search(ask.topic)
                            or not ADDED_UP.search(ask.topic)):
        return None
    prose = [f for f in facts if f.kind == "prose" and f.value is not None and figure_position(f) is not None]
    runs: list[list[Fact]] = []
    for fact in prose:  # (in the report's order)
        last = runs[-1][-1] if runs else None
        if last is not None and last.unit == fact.unit and (listed_after_it(last, fact)
                                                            or _next_clause_of_a_list(last, fact)):
            runs[-1].append(fact)
        else:
            runs.append([fact])
    # (a whole and its parts, 办理…7件,其中网络申请6件, are no list of kinds)
    # (a count the question gives is the list's length, parts of a whole or not)
    runs = [r for r in runs if unit_fits(q.text, r[0].unit) and (
        len(r) == counted if counted is not None
        else len(r) >= MIN_LISTED_KINDS and not any(listed_part_of(f, w) for f in r for w in prose))]
    words = {ask.topic[i:i + 2] for i in range(len(ask.topic) - 1)} - _PLAIN_PAIRS
    scored = sorted(((len(words & {t[i:i + 2] for i in range(len(t) - 1)}), r)
                     for r in runs if (t := text_before(r[0]) + r[0].label)), key=lambda s: -s[0])
    # (the report's one list is the one asked, whatever words it shares)
    if not scored or len(scored) > 1 and (scored[0][0] == 0 or scored[1][0] == scored[0][0]):
        return None
    used = scored[0][1]
    total = sum_values([f.value for f in used if f.value is not None])
    text = say_sum_read_from_text(ask.scope.reports[0], q.lang, used, total, used[0].unit)
    return Answer(q.text, found=True, text=text, value=total, unit=used[0].unit, facts=used, intent="sum",
                  notes=["read from the text"])


def _next_clause_of_a_list(last: Fact, fact: Fact) -> bool:
    """"政策解读信息4条;财政资金信息145条;…": a list whose items end in semicolons, each its own clause, the figure
    the first of the next clause and the only one of the one before."""
    return last.source != fact.source and last.source.rstrip().endswith((";", "；")) \
        and fact.source.find(fact.raw) <= MAX_ITEM_LEAD and last.source.count(last.raw) == 1


MAX_ITEM_LEAD = 30  # characters before an item's figure in its own clause (社会公益事业及重点民生领域信息396条)


_PLAIN_PAIRS = PLAIN_BIGRAMS | {"各类", "合计", "多少", "一共", "加起", "起来", "列出", "出的"}

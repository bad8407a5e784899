"""A question → what is asked: intent, concepts (rows), columns, years, agency mentions, language.

Pure functions over the lexicon; nothing here knows which reports are indexed (the answerer resolves 去年 and agency
names against the index).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache, partial

import lemminflect

from .agencies import ENGLISH_BODY, LOWER_CASE_BODY
from .language import question_language
from .lexicon import ColumnConcept, Concept, Lexicon, glossary_phrases, load_lexicon
from .parsing.metadata import chinese_year_to_int

_CJK = re.compile(r"[\u4e00-\u9fff]")
_YEAR4 = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_YEAR_CN = re.compile(r"([〇○零一二三四五六七八九]{4})年")
_YEAR2 = re.compile(r"(?<![\d〇○零一二三四五六七八九近过去这前后多几每])(\d{2})年"
                    r"(?!来|间|内|以来|前|后|多|左右|度?以上)")
# (a level before 直 opens the next word: 巴州州直各部门 is 巴州's 州直 departments, 县直单位 the county's own units)
_PLACE = re.compile(r"([\u4e00-\u9fa5]{2,8}?(?:自治区|省|市|区|县|旗|州))(?!直)")


class Intent(StrEnum):
    """What kind of answer a question wants; the answering package has one handler per kind."""

    LOOKUP = "lookup"
    SUM = "sum"
    DIFFERENCE = "difference"
    SHARE = "share"
    TREND = "trend"
    RANKING = "ranking"
    LIST = "list"
    PROSE = "prose"


# the intents the lexicon's intent words reveal (lookup and prose are what is left)
INTENTS = tuple(i.value for i in Intent if i not in (Intent.LOOKUP, Intent.PROSE))
_QUOTES = re.compile(r"[“”‘’「」『』\"]")
_WHICH_NOUN = re.compile(r"哪(?:个|家|位|所|座|一个)([\u4e00-\u9fa5]{2})")
_EN_NAME = re.compile(r"(?<![.?!]\s)(?<!^)\b([A-Z][a-z]{2,})(?:'s)?\b")


@dataclass
class Mention:
    start: int
    end: int
    concept: Concept | None = None
    column: ColumnConcept | None = None


@dataclass
class Question:
    text: str
    lang: str  # "zh" or "en"
    intent: Intent
    concepts: list[Concept] = field(default_factory=list)
    columns: list[ColumnConcept] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    relative_years: list[str] = field(default_factory=list)  # 今年 / 去年 / 前年 / 比去年
    places: list[str] = field(default_factory=list)  # place names mentioned (杭州市, 瓯海区), matched to agencies later
    numeric: bool = False  # a number is wanted
    asks_for: str = ""  # the kind of thing a "which X" question wants named (哪个法院 → 法院)
    # a figure added up over the reports in scope ("各区县…一共"): the agency name endings counted (() = every
    # report); None when the question is about one report
    across: tuple[str, ...] | None = None
    intent_over_one: Intent | None = None  # the intent read without ``across``: a scope of one report takes it
    classified: bool = False  # asks how many documents were classified 依申请公开/不予公开 (a count of the text)


def _starts_a_period(text: str, m: re.Match[str]) -> bool:
    """"2003年以来", "2013年至今", "since 2003", "自2008年起": the year a period starts, not the year asked about."""
    before, after = text[max(0, m.start() - 6): m.start()], text[m.end(): m.end() + 6]
    return bool(re.match(r"\s*年?\s*(?:以来|至今)", after) or re.search(r"(?i)\bsince\s*$", before)
                or re.search(r"[自从]\s*$", before) and re.match(r"\s*年\s*(?:起|开始)", after))


# "2015-2016学年", "Anhui University's 2015-2016 report": a school year, reported on when it ends (one report)
_YEAR_SPAN = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-—–~～]\s*((?:19|20)\d{2})(?!\d)")
_SCHOOL = re.compile(r"学年|大学|学院|高校|academic year|school year|universit|college", re.IGNORECASE)


def detect_years(text: str) -> tuple[list[int], list[str]]:
    years: list[int] = []
    span = _YEAR_SPAN.search(text)
    if span is not None and int(span.group(2)) == int(span.group(1)) + 1 and _SCHOOL.search(text):
        text = text[: span.start()] + " " * (span.end() - span.start()) + text[span.end():]
        years.append(int(span.group(2)))
    for m in _YEAR4.finditer(text):
        if not _starts_a_period(text, m):  # "2003年以来", "since 2003": where a period starts, no report's year
            years.append(int(m.group(1)))
    for m in _YEAR_CN.finditer(text):
        if (y := chinese_year_to_int(m.group(1))) is not None:
            years.append(y)
    for m in _YEAR2.finditer(text):
        years.append(2000 + int(m.group(1)))
    relative = []
    if re.search(r"比(去年|上年|上一年)|较(去年|上年)|同比|than (the )?(last|previous) year"
                 r"|from (the )?(last|previous) year|year[- ]on[- ]year", text, re.I):
        relative.append("比去年")
    elif re.search(r"去年|上一年|上年度|last year|previous year", text, re.I):
        relative.append("去年")
    if re.search(r"前年|year before last", text, re.I):
        relative.append("前年")
    if re.search(r"今年|本年度|本年|this year", text, re.I):
        relative.append("今年")
    return list(dict.fromkeys(years)), relative


# "2024 requests … carried over into 2025", "2024年…结转到2025年": the year after the report's, no report's year
# ("carry over for a reply in 2026": the verb in any form, a few words before the year)
# ("carried forward in 2025" is carried during 2025: "in" only after words of their own)
_CARRIED_INTO_A_YEAR = re.compile(r"(?i)(?P<en>carr(?:y|ied|ies|ying)\s+(?:over|forward)\s+"
                                  r"(?:(?:in)?to|until|[^.?;\d]{1,30}?\s(?:in|into|to|until))\s+)"
                                  r"(?P<year>(?:19|20)\d{2})\b"
                                  r"|(?P<zh>结转(?:到|至|入))(?P<zh_year>(?:19|20)\d{2})\s*年度?")


def _carried_into_the_next_year(text: str) -> str:
    def next_year(m: re.Match[str]) -> str:
        year = int(m.group("year") or m.group("zh_year"))
        if str(year - 1) not in text:
            return m.group(0)
        return "carried over to the following year" if m.group("en") else "结转下年度"

    return _CARRIED_INTO_A_YEAR.sub(next_year, text)


# "carried over into 2024 from the previous year": where the requests came from, no year compared with
_CARRIED_FROM_LAST_YEAR = re.compile(r"(?i)(carried\s+(?:over|forward)\b[^.?;]{0,30}?)(\bfrom\s+(?:the\s+)?"
                                     r"(?:previous|last|prior|preceding)\s+year)")


@lru_cache(maxsize=8192)
def _word_pattern(phrase: str) -> re.Pattern[str]:
    """A whole word or phrase, its plural too ("proactive disclosure" in "proactive disclosures"; not for short words:
    "new" is not in "news"); a phrasal verb in any form ("add up" in "adding up", "added up")."""
    plural = "(?:s|es)?" if len(re.split(r"[^a-z]", phrase)[-1]) >= 5 else ""
    first, space, rest = phrase.partition(" ")
    if space and len(first) >= 3 and first.isalpha() and rest.split()[0] in _PARTICLES:
        forms = _verb_forms(first)  # "carried over" as "carry over" too
        body = (forms if forms != re.escape(first) else re.escape(first) + r"(?:[a-z]?(?:ing|ed)|e?s)?") \
            + re.escape(space + rest)
    else:  # words of a phrase joined by a hyphen too ("normative-document items")
        words = [_verb_forms(word) for word in phrase.split(" ")]
        last = phrase.split(" ")[-1]
        if " " in phrase and last.isalpha() and len(last) >= 5 and last.endswith("s") \
                and not last.endswith(("ss", "us", "is")) and words[-1] == re.escape(last):
            words[-1] = re.escape(last[:-1]) + "s?"  # a plural phrase in the singular too ("hot-topic responses")
        # (the domain's own words may stand between a phrase's words and name nothing more: "new information
        # disclosure requests" are new disclosure requests)
        # (not in a phrase that asks a count, "how many requests": the words between are what is counted)
        gap = r"[ -]" if phrase.startswith(("how ", "number of ")) else rf"[ -](?:{_DOMAIN_WORDS_EN}[ -])*"
        body = gap.join(words)
    # a short word joined by a hyphen is part of another word ("full" is not in "full-text", "full- or part-time")
    compound = r"(?!-(?:[a-z]|\s+(?:or|and)\s))" if " " not in phrase and len(phrase) <= SHORT_ENGLISH_WORD else ""
    return re.compile(rf"(?<![a-z]){body}{plural}(?![a-z]){compound}")


SHORT_ENGLISH_WORD = 4
# words every question of the domain may write about its requests and items (government information disclosure)
_DOMAIN_WORDS_EN = r"(?:government|information|disclosure)"


_PARTICLES = {"up", "together", "down", "out", "off", "in", "on", "over", "back"}


@lru_cache(maxsize=4096)
def _verb_forms(word: str) -> str:
    """A word as a pattern, in every form of its verb when the word can only be a verb: "withheld" also as withhold,
    withholds, withholding ("did they withhold"). Forms that are nouns or adjectives too are left out ("declined" does
    not make "decline", which is also "a decline in requests"); short words and -ing forms, which are often nouns
    ("spending" is the budget, "spend" is not), stay as they are."""
    escaped = re.escape(word)
    if len(word) < 5 or not word.isalpha() or word.endswith("ing"):
        return escaped
    lemmas = lemminflect.getAllLemmas(word)
    if set(lemmas) != {"VERB"}:
        return escaped
    forms = {word}
    for lemma in lemmas["VERB"]:
        for inflected in lemminflect.getAllInflections(lemma, upos="VERB").values():
            forms.update(f for f in inflected if set(lemminflect.getAllLemmas(f)) == {"VERB"})
    if len(forms) == 1:
        return escaped
    return "(?:" + "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f))) + ")"


def _phrase_spans(text: str, phrase: str, english: bool) -> list[tuple[int, int]]:
    """Where a phrase occurs: English phrases as whole words, Chinese ones anywhere (compiled once, not per call)."""
    if english and phrase.isascii():
        return [(m.start(), m.end()) for m in _word_pattern(phrase).finditer(text)]
    spans, start = [], text.find(phrase)
    while start >= 0 and phrase:
        spans.append((start, start + len(phrase)))
        start = text.find(phrase, start + 1)
    return spans


def find_mentions(text: str, lexicon: Lexicon) -> list[Mention]:
    """Longest phrases first, no overlaps: 个人隐私 is privacy, not the column 个人 plus something."""
    lowered = text.lower()
    candidates: list[tuple[int, int, Concept | None, ColumnConcept | None]] = []
    for concept in lexicon.concepts:
        for phrase in set(concept.phrases) | set(concept.rows) | set(concept.columns):
            for s, e in _phrase_spans(lowered, phrase.lower(), True):
                candidates.append((s, e, concept, None))
    for column in lexicon.columns:
        for phrase in column.phrases:
            for s, e in _phrase_spans(lowered, phrase.lower(), True):
                candidates.append((s, e, None, column))
    # "几个人" / "多少个人" count people; they do not ask about 个人 (individual applicants)
    quantifiers = lexicon.words.quantifiers
    candidates = [c for c in candidates
                  if not (lowered[c[0]:c[1]].startswith("个") and c[0] > 0 and lowered[c[0] - 1] in quantifiers)]
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[Mention] = []
    for s, e, found_concept, found_column in candidates:
        if any(s < m.end and m.start < e for m in taken):
            continue
        taken.append(Mention(s, e, found_concept, found_column))
    if text.isascii():
        # "new media" (新媒体) is one thing: its modifier is no concept of its own ("new": issued), its head still is
        # ("government website": website)
        heads = [(start, end, lowered.rfind(" ", start, end) + 1) for start, end, _ in glossary_phrases(text)]
        taken = [m for m in taken if not any(start <= m.start and m.end <= head for start, end, head in heads)]
    return sorted(taken, key=lambda m: m.start)


def contains_phrase(text: str, phrase: str) -> bool:
    """Chinese phrases as substrings; English ones as whole words ("ratio" is not in "reconsideration")."""
    if phrase.isascii():
        return _word_pattern(phrase).search(text) is not None
    return phrase in text



def contains_word(text: str, phrase: str) -> bool:
    """``contains_phrase``, a Chinese phrase only where it starts and ends at word boundaries (jieba's): 比重
    (a share) is not in 点击量比重点领域 (点击量 / 比 / 重点领域)."""
    if phrase.isascii() or phrase not in text:
        return contains_phrase(text, phrase)
    starts, ends = _word_boundaries(text)
    at = text.find(phrase)
    while at >= 0:
        if at in starts and at + len(phrase) in ends:
            return True
        at = text.find(phrase, at + 1)
    return False


@lru_cache(maxsize=1024)
def _word_boundaries(text: str) -> tuple[frozenset[int], frozenset[int]]:
    from .chunking import jieba  # quiet, as chunking sets it up

    words = list(jieba.tokenize(text))
    return frozenset(start for _, start, _ in words), frozenset(end for _, _, end in words)


# ("outside its website": the channels other than the website)
_NEGATION_BEFORE = re.compile(r"(不是|并非|非|除了|除去|除|不包括|不含|not|except|other than|excluding|apart from"
                              r"|besides|outside(?:\s+of)?(?:\s+(?:its|the|their))?)\s*$",
                              re.I)
_EXCEPT_REGION_EN = re.compile(r"\b(besides|except|excluding|apart from|other than)\b(.{1,60}?)(,|;)", re.I)
_EXCEPT_REGION = re.compile(r"(除了|除去|不包括|不含)(.{1,30}?)(以外|之外|外|，|,)")


def is_negated(text: str, mention: Mention) -> bool:
    """"不是当面递交的（网上、传真、写信）" and "除了公报、网站…以外" name things the question leaves out."""
    if _NEGATION_BEFORE.search(text[max(0, mention.start - 12):mention.start]):
        return True
    regions = list(_EXCEPT_REGION.finditer(text)) + list(_EXCEPT_REGION_EN.finditer(text))
    return any(m.start(2) <= mention.start and mention.end <= m.end(2) for m in regions)


# The question's own structure: two things compared ("A类比B类多公开了多少条"), or a list of things to add up
# ("A、B和C三类一共"), when the lexicon knows none of them (两个说法 of one known thing, 起诉、打官司, are one thing).
_COMPARES_TWO = re.compile(r"[\u4e00-\u9fa5]{2,}比[\u4e00-\u9fa5]{2,}?.{0,6}?(?:多|少).{0,4}?(?:多少|几)")
_LISTS_ITEMS = re.compile(r"[\u4e00-\u9fa5]{2,}(?:、|和|与|及|加上)[\u4e00-\u9fa5]{2,}.{0,12}?"
                          r"(?:一共|合计|加起来|加一块|加在一起|总共|共计|合起来|相加)")


_LIST_SPLIT = re.compile(r"、|和|与|及|加上")
_ENGLISH_COUNTS = re.compile(r"\b(?:plus|both|two|three|four|five)\b|\([^()]*,[^()]*\)", re.I)
_ENGLISH_AND = re.compile(r"(\S+)\s+and\s+(?:other\s+)?(\S+)")
_ADDED_UP = re.compile(r"\b(?:combined|together|altogether|in total|added up|taken together|adding)\b")
# words after "and" that name no thing of their own ("§0§ and its §1§", "§0§ and other …")
_NO_THING = frozenset({"the", "its", "their", "his", "her", "other", "all", "any", "each", "every", "more", "less",
                       "how", "what", "which", "in", "on", "of", "for", "to", "by", "from", "with", "at"})


_CHINESE_GLOSS = re.compile(r"\s*[（(][^()（）]*[\u4e00-\u9fff][^()（）]*[)）]")


def english_lists_several(text: str, known: Iterable[str] | Mapping[str, str] = ()) -> bool:
    """An English question that lists things ("on fiscal funds and on farm-machinery subsidies", "the three
    categories (a, b, c)"): a body's own name ("Transport and Construction Bureau") or a phrase of one thing the
    lexicon knows (``known``: "legal persons and other organisations") lists nothing. ``known`` may map each phrase to
    the thing it names: two phrases of two things joined by "and" ("policy interpretations and normative documents")
    list both; two phrases of one thing ("legal persons and other organisations") list one. Chinese in brackets
    glosses the English before it ("work news (工作动态)", "the bureau (平潭综合实验区农村发展局)"): the English is
    read."""
    text = _CHINESE_GLOSS.sub(" ", text)
    if re.search(r"[\u4e00-\u9fff]", text):
        return False
    text = LOWER_CASE_BODY.sub(" § ", ENGLISH_BODY.sub(" § ", text)).lower()
    things = dict(known) if isinstance(known, Mapping) else {p: "" for p in known}
    marks: dict[str, int] = {}
    for phrase in sorted({p for p in things if p.isascii()}, key=lambda p: (-len(p), p)):
        thing = things[phrase] or phrase
        text = text.replace(phrase.lower(), f" §{marks.setdefault(thing, len(marks))}§")
    if _ENGLISH_COUNTS.search(text):
        return True
    if _ADDED_UP.search(text):  # "leadership, department-setup or policy items combined": things to add, with "or"
        text = re.sub(r"\bor\b", "and", text)
    added = bool(_ADDED_UP.search(text))
    for m in _ENGLISH_AND.finditer(text):
        first, second = m.group(1), m.group(2)
        if "§" not in first and "§" not in second:
            return True
        if added and _MARK.fullmatch(first) and "§" not in second \
                and re.fullmatch(r"[a-z][a-z-]{3,}", second) and second not in _NO_THING:
            return True  # "penalty (§0§) and compulsory-measure items together": a known thing and another
        marked = [_MARK.fullmatch(first), _MARK.fullmatch(second)]
        if isinstance(known, Mapping) and marked[0] and marked[1] and marked[0].group(1) != marked[1].group(1):
            return True
    if isinstance(known, Mapping):
        # "on the county portal and its own WeChat account": two things the lexicon knows, each with words of its own
        # around it, joined by "and"
        spots = [(m.start(), m.group(1)) for m in re.finditer(r"§(\d+)§", text)]
        return any(ta != tb and b - a <= MAX_LISTED_GAP and re.search(r"\band\b", text[a:b])
                   for (a, ta), (b, tb) in zip(spots, spots[1:], strict=False))
    return False


MAX_LISTED_GAP = 60  # characters between two listed things' marks ("§0§ and its own §1§")
_MARK = re.compile(r"§(\d+)§[a-z]*[,;.?!]*")  # a known phrase's mark, a plural's "s" after it


def phrases_of_things(concepts: Iterable[Concept], columns: Iterable[ColumnConcept] = ()) -> dict[str, str]:
    """Each phrase of these concepts and columns → the thing it names (for ``english_lists_several``)."""
    things = {p: c.id for c in concepts for p in c.phrases}
    things.update({p: f"column:{c.id}" for c in columns for p in c.phrases})
    return things


@lru_cache(maxsize=4096)
def _conjunctions_only(text: str) -> str:
    """The text with 和/与/及 that are part of a word (涉及, 危及, 总和) blanked out, by jieba's reading: only a
    conjunction standing alone lists things."""
    from .chunking import jieba  # quiet, as chunking sets it up

    out = []
    for word in jieba.lcut(text):
        out.append(word if len(word) == 1 else re.sub(r"[和与及]", "□", word))
    return "".join(out)


def _listed_items(text: str) -> re.Match[str] | None:
    return _LISTS_ITEMS.search(_conjunctions_only(text))


def lists_items_to_add(text: str) -> bool:
    """"A、B和C三类一共…": the question lists things to add up."""
    return bool(_listed_items(text))


def _lists_unknown_item(text: str, lexicon: Lexicon) -> bool:
    """"工程招投标信息和重大建设项目信息加起来": an item of the listed things names no concept the lexicon knows."""
    listed = _listed_items(text)
    if not listed:
        return False
    items = [i for i in _LIST_SPLIT.split(listed.group(0)) if len(i) >= 2]
    return any(not any(m.concept and not m.concept.generic for m in find_mentions(i, lexicon)) for i in items[:-1])


def across_reports(text: str, lexicon: Lexicon) -> tuple[str, ...] | None:
    """"2017年各区县…一共", "all agencies … combined": the name endings of the agencies whose reports the question
    adds up (() = every report in scope), from the longest such word in it; None when it names none."""
    lowered = text.lower()
    for word in sorted(lexicon.across_reports, key=len, reverse=True):
        if contains_phrase(lowered, word):
            return lexicon.across_reports[word]
    return None


# "2024年和2025年两年共受理…": 共 after a count of years adds the years up
# "2023年和2024年政府信息公开栏目共发布多少条": 共 after the years listed adds them up
_YEARS_LISTED_GONG = re.compile(r"\d{4}\s*年度?\s*(?:和|与|及|、)\s*\d{4}\s*年度?[^，,。？?]{0,30}?"
                                r"(?<![一总合公])共(?![产青同享建性识])")
_YEARS_TOGETHER = re.compile(r"(?:[两二三四五六七八九十几]|\d+)个?年(?:度)?(?:间|内|来)?(?:一?共|合计|总计)")


# "A比B多主动公开了多少条": more by doing something, the verb between 多 and 多少
_MORE_BY_DOING = re.compile(r"比[^，,。？?]{1,30}?[多少][\u4e00-\u9fa5]{1,8}?了?(?:多少|几)")


_RUNNING_TOTAL = re.compile(r"(?:历年|各年)(?:以来)?(?:累计|累积|总计)")


# "What rules did…", "Which platforms does…": a noun after what/which, then the verb; not a measure's noun ("what
# number of requests did…", "what share…")
_WHAT_THINGS_DID = re.compile(
    r"^\s*(?:what|which)\s+(?!(?:number|share|percentage|percent|proportion|fraction|amount|total|figure|sum|ratio"
    r"|rate|count|quantity|level|value)s?\b)(?:[a-z-]+\s+){0,3}?"
    # a plural noun names things ("what rules"); a money word asks an amount ("what fee revenue", "what fees")
    r"(?!(?:fees|costs|expenses|funds|revenues|charges)\b)[a-z-]+[^s\s]s"
    r"(?:\s+(?:in|of|on|for|about|to|with)(?:\s+[a-z-]+){1,3}?)?\s+(?:did|does|do|has|have|had)\s")


_ASKED_IN_A_UNIT_EN = re.compile(r"\bin (?:10,?000|ten thousand) yuan\b|\bin (?:units of )?yuan\b|\bin rmb\b")


def detect_intent(text: str, lexicon: Lexicon, n_concepts: int, n_years: int, relative: list[str],
                  n_specific: int | None = None, lists_unknown: bool = False, across: bool = False) -> Intent:
    """n_concepts counts every concept and column asked; n_specific only those that are not generic context;
    lists_unknown: the question lists things to add up and the lexicon knows none of some of them."""
    n_specific = n_concepts if n_specific is None else n_specific
    # "历年以来累计主动公开多少条": a running total, one figure, not the figure of each year
    lowered = _RUNNING_TOTAL.sub("累计", text.lower())
    has = {name: any(contains_word(lowered, p) if p in lexicon.whole_words else contains_phrase(lowered, p)
                     for p in lexicon.intents.get(name, ()))
           for name in (*INTENTS, "number")}
    has["sum"] = has["sum"] or bool(_YEARS_TOGETHER.search(text) or _YEARS_LISTED_GONG.search(text))
    if has["share"]:
        return Intent.SHARE
    compares = re.search(r"比.{0,30}?(多|少)", text) and (n_concepts >= 2 or n_years >= 2) \
        or _MORE_BY_DOING.search(text)
    if has["difference"] or "比去年" in relative or compares \
            or (n_specific == 0 and _COMPARES_TWO.search(text)):
        return Intent.DIFFERENCE
    if has["trend"]:
        return Intent.TREND
    if has["ranking"] and re.search(r"最多|最少|最高|最低|排名|most|fewest|highest|lowest|rank", lowered):
        return Intent.RANKING
    if has["sum"] and across and n_concepts:
        return Intent.SUM  # "2017年各区县不予公开的申请一共多少件": one figure added up over the reports
    if lexicon.words.entity_markers.search(text) and not has["number"] and not has["sum"] \
            and not re.search(r"(?<!哪)几(?!乎)", text):
        return Intent.PROSE  # "哪个法院审理的": a name is asked, not a figure
    if has["sum"] and (n_specific >= 2 or (n_concepts >= 1 and n_years >= 2)
                       or (n_years >= 2 and _YEARS_LISTED_GONG.search(text))
                       or (_listed_items(text) and (n_specific == 0 or lists_unknown))
                       or (n_specific == 0 and english_lists_several(text))):
        # "一共收到多少申请" asks one figure; "当面和写信一共", "A类和B类加起来" ask a sum, whether or not the lexicon
        # knows what A and B are (起诉、打官司, two words for one known thing, are one thing); one thing over
        # several years ("2023、2024两年一共") is a sum of each year's figure
        return Intent.SUM
    if _ASKED_IN_A_UNIT_EN.search(lowered):
        return Intent.LOOKUP  # "What were the … fee revenues in 2021, in 10,000 yuan?": a figure in the unit named
    if has["list"] and not has["number"]:
        return Intent.LIST
    if has["number"] or has["sum"] or re.search(r"(?<!哪)几(?!乎)", text):
        return Intent.LOOKUP
    if _WHAT_THINGS_DID.match(lowered):
        return Intent.PROSE  # "What rules did the bureau issue…": things are asked by name, not counted
    if n_specific and not lexicon.words.prose_markers.search(text):
        return Intent.LOOKUP  # "What was Ouhai's budget in 2017?" names a figure without saying "how much"
    if re.match(r"^\s*what (is|was|were|are)\b.*\b(in|for) (19|20)\d{2}\b", lowered) \
            and not lexicon.words.prose_markers.search(text):
        return Intent.LOOKUP  # "What was Ouhai's GDP in 2017?": a figure of a year, whatever it is called
    return Intent.PROSE


def _measure_word_alone(m: Mention, mentions: list[Mention], lowered: str) -> bool:
    """A concept mentioned only by a measure word of its (多少项) with no other concept asked beside it."""
    if m.concept is None or not m.concept.measure or lowered[m.start:m.end] not in m.concept.measure:
        return False
    return not any(o.concept is not None and o.concept.id != m.concept.id and not o.concept.generic for o in mentions)


# "有多少条信息被定为依申请公开", "属于不予公开的政府信息": information classified by how it may be disclosed (a
# count of documents some reports give), not the requests answered so
_CLASSIFIED = re.compile(
    r"(?:信息|文件)[^，。？?]{0,6}?被?(?:定为|列为|划为|确定为|属于)(?P<cls>依申请公开|不予以?公开)"
    r"|(?:定为|列为|划为|确定为|属于)(?P<named>依申请公开|不予以?公开)的(?:政府)?(?:信息|文件)"
    # "不予公开的信息一共多少条" with no word of requests: the information itself, counted in the text
    r"|(?<![申请件])(?P<bare>不予以?公开)的?(?:政府)?信息(?:数)?(?=[^申答复]*$)")


_OBJECT_AFTER = re.compile(r"了?的?([\u4e00-\u9fa5]{2,8})")
_NOT_AN_OBJECT = re.compile(r"^(?:多少|几|数|总数|数量|量|情况|总|共|一共|总共|合计|政府信息|信息公开|政务公开"
                            r"|依申请|的|并)")


def _receives_something_else(m: Mention, text: str) -> tuple[int, int] | None:
    """"受理群众诉求多少件": 受理 of something named that is no request (诉求, 公安业务) asks no request count; a
    concept whose figures must speak of requests (`prose_needs`) is not asked then. The span of that object, or
    None."""
    concept = m.concept
    if concept is None or not concept.prose_needs or text[m.start:m.end].isascii():
        return None
    after = _OBJECT_AFTER.match(text, m.end)
    if after is None or _NOT_AN_OBJECT.match(after.group(1)):
        return None
    words = [w for w in concept.prose_needs if not w.isascii()]
    return None if any(w in text[m.start:] for w in words) else after.span(1)


def _narrowed_by_a_look_alike(mentions: list[Mention], text: str) -> list[Mention]:
    """"partly granted", "granted in part": the concept a look-alike narrows (granted, whose rows exclude 部分) is
    not asked when that look-alike (partial: 部分公开) stands right beside every mention of it; the question asks
    the narrower thing. Elsewhere ("fully granted than partly granted") both are asked."""
    def narrows(inner: Concept, outer: Concept) -> bool:
        words = (*inner.rows, *(p for p in inner.phrases if not p.isascii()))
        return inner.id != outer.id and any(x in w for x in outer.exclude for w in words)

    def beside(a: Mention, b: Mention) -> bool:
        gap = text[a.end:b.start] if a.end <= b.start else text[b.end:a.start]
        return not gap.strip()

    dropped: set[str] = set()
    for outer in {m.concept for m in mentions if m.concept is not None and m.concept.exclude}:
        own = [m for m in mentions if m.concept == outer]
        if all(any(o.concept is not None and narrows(o.concept, outer) and beside(m, o) for o in mentions)
               for m in own):
            dropped.add(outer.id)
    return [m for m in mentions if m.concept is None or m.concept.id not in dropped]


def _as_asked(concept: Concept, lowered: str) -> Concept:
    """A concept whose figures in the text must speak of requests (收到 of requests) asks that only when the
    question does ("受理了多少件公安业务" asks a figure of 受理 that is no request)."""
    if concept.prose_needs and not any(w in lowered for w in concept.prose_needs):
        return replace(concept, prose_needs=())
    return concept


_CLOSED_AS = re.compile(r"\s*(?:as|by|with|through)\b|\s*为", re.IGNORECASE)


def parse_question(asked: str, lexicon: Lexicon | None = None) -> Question:
    lexicon = lexicon or load_lexicon()
    text = _QUOTES.sub("", asked)  # “其他”类 is 其他类: quotes mark a term, they are not part of it
    text = _carried_into_the_next_year(text)
    lang = question_language(text)
    all_mentions = find_mentions(text, lexicon)
    lowered = text.lower()
    mentions = [m for m in all_mentions if not is_negated(text, m)
                and not (m.concept and m.concept.needs and not any(w in lowered for w in m.concept.needs))]
    mentions = [m for m in mentions if not _measure_word_alone(m, mentions, lowered)]
    mentions = _narrowed_by_a_look_alike(mentions, text)
    received = [(m, _receives_something_else(m, text)) for m in mentions]
    other_objects = [span for _, span in received if span]
    # … and an applicant's word inside that object (群众 of 群众诉求) is no applicant asked about
    mentions = [m for m, span in received if span is None
                and not any(a <= m.start and m.end <= b for a, b in other_objects)]
    # "closed as 'not processed'": the closing verb introduces the outcome after it, which is what is asked
    mentions = [m for m in mentions if not (m.concept and m.concept.id == "completed" and _CLOSED_AS.match(text, m.end)
                                            and any(o.concept and o.start >= m.end for o in mentions))]
    classes = [c.span(c.lastgroup) for c in _CLASSIFIED.finditer(text) if c.lastgroup]
    mentions = [m for m in mentions if not any(m.start < b and a < m.end for a, b in classes)]
    # years are read outside the lexicon's phrases: "carried over from the previous year" is a row, not 去年
    unphrased = "".join(" " if any(m.start <= i < m.end for m in all_mentions if m.concept) else ch
                        for i, ch in enumerate(text))
    for m in _CARRIED_FROM_LAST_YEAR.finditer(text):
        unphrased = unphrased[: m.start(2)] + " " * len(m.group(2)) + unphrased[m.end(2):]
    years, relative = detect_years(unphrased)
    concepts = [_as_asked(c, lowered) for c in dict.fromkeys(m.concept for m in mentions if m.concept is not None)]
    columns = list(dict.fromkeys(m.column for m in mentions if m.column is not None))
    bare = re.sub(r"[\d〇○零一二三四五六七八九十]+年度?|\d+月|\d+日", "，", text)
    places = [m.group(1) for m in _PLACE.finditer(bare) if m.group(1)[0] not in lexicon.words.not_a_place_prefix]
    if lang == "en":
        places += [m.group(1) for m in _EN_NAME.finditer(text) if m.group(1) not in lexicon.words.english_not_names]
    specific = [c for c in concepts if not c.generic]
    # 总计 ("合计", "in total") names no particular thing: it does not make a question about one known thing
    named = [c for c in columns if c.id != "总计"]
    across = across_reports(text, lexicon)
    read = partial(detect_intent, text, lexicon, len(concepts) + len(columns), len(years), relative,
                   n_specific=len(specific) + len(named), lists_unknown=_lists_unknown_item(text, lexicon))
    one = read()
    intent = one if across is None else read(across=True)
    if intent is not Intent.SUM or lists_items_to_add(text) or english_lists_several(text):
        across = None  # "各单位当面和网上申请一共": things listed to add up, not one figure over the reports
    if intent is Intent.SUM and lang == "en" and _TOTAL_OF_ONE.search(text) and len(years) < 2 \
            and not english_lists_several(text) \
            and not any(contains_phrase(lowered, p) for p in lexicon.intents.get("sum", ()) if p not in _TOTALS):
        intent = Intent.LOOKUP  # "the total number of visits to its website": one figure, a total, nothing added
    if intent is Intent.SUM:
        years = _every_year_of_a_span(text, years)
    if intent is Intent.LOOKUP and len(years) >= 2 and len(stated := _report_years(text)) == 1:
        # "网站2012年改版后试运行了几个月?(见2013年年报)": one figure, read in the report the question names; the
        # other year is one the report speaks of
        years = stated
    numeric = intent not in (Intent.PROSE, Intent.LIST)
    which = _WHICH_NOUN.search(text) if intent is Intent.PROSE else None
    return Question(text=asked, lang=lang, intent=intent, concepts=concepts, columns=columns, years=years,
                    relative_years=relative, places=places, numeric=numeric,
                    asks_for=which.group(1) if which else "",
                    across=across, intent_over_one=one if across is not None else None, classified=bool(classes))


# the year of the report a question names as its source: "(见2013年年报)", "per the 2013 report"
_REPORT_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?的?(?:年报|年度报告|政府信息公开(?:工作)?年度报告)"
                          r"|\b(?:in|per|from|according to|see) (?:its|the) ((?:19|20)\d{2}) (?:annual )?report\b",
                          re.IGNORECASE)


def _report_years(text: str) -> list[int]:
    return list(dict.fromkeys(int(m.group(1) or m.group(2)) for m in _REPORT_YEAR.finditer(text)))


_TOTAL_OF_ONE = re.compile(r"\btotal (?:number|count|amount) of\b", re.IGNORECASE)
_TOTALS = ("total number", "total of")
# "2022年至2024年三年合计", "from 2022 to 2024 combined": a sum over a span of years is of every year in it
SPAN_OF_YEARS = re.compile(r"(?P<a>(?:19|20)\d{2})\s*年?度?\s*(?:至|到|[-—–~～])\s*(?P<b>(?:19|20)\d{2})\s*年?"
                            r"|(?i:\bfrom\s+(?P<c>(?:19|20)\d{2})\s+(?:to|through|until)\s+(?P<d>(?:19|20)\d{2})\b)")
LONGEST_SPAN = 10  # years


def _every_year_of_a_span(text: str, years: list[int]) -> list[int]:
    m = SPAN_OF_YEARS.search(text)
    if m is None:
        return years
    first, last = int(m.group("a") or m.group("c")), int(m.group("b") or m.group("d"))
    if not 2 <= last - first <= LONGEST_SPAN:
        return years
    return list(dict.fromkeys([*years, *range(first, last + 1)]))


_ITEMS_EN = r"(?:more |fewer |additional )?(?:government[- ]information |government[- ]affairs |information )?" \
    r"(?:items|pieces of (?:government )?information)(?: of (?:government )?information)?(?: of all kinds)?" \
    r"(?: in total| in all)?"
_PUBLISH_EN = r"(?:publish|disclose|release|post|make public|put out)(?:ed|d|s|es)?"
_BARE_ITEMS_EN = (
    re.compile(rf"\bhow many {_ITEMS_EN} (?:did|do|does|has|have|had)\b.+?\b{_PUBLISH_EN}\b(?P<rest>[^?]*)", re.I),
    # (the body that published, "by Yushang township", is no part named: what follows it may be)
    re.compile(rf"\bhow many {_ITEMS_EN} (?:were|was|had been|have been) {_PUBLISH_EN}(?:\s+by\s+.+?)?"
               r"(?P<rest>(?:\s+(?:in|on|through|via|than|during|across|at|under|with|from|as|to)\b[^?]*)?)(?:\?|$)",
               re.I),
    # "how many disclosures did the sub-district make in 2015"
    re.compile(r"\bhow many (?:more |fewer )?(?:proactive )?disclosures (?:did|do|does|has|have|had)\b.+?"
               r"\bma[dk]e\b(?P<rest>[^?]*)", re.I),
    # "how many of the sub-district's 2015 disclosures" (what is left of them asked: "… were not business items")
    re.compile(r"\bhow many of\s+[^?]*?(?:'s|’s)\s+(?:(?:19|20)\d{2}\s+)?(?:proactive\s+)?disclosures\b(?P<rest>[^?]*)",
               re.I),
    # "how many items were the sub-district's 2015 disclosures"
    re.compile(rf"\bhow many {_ITEMS_EN} (?:were|was|are|is) (?:in )?[^?]*?(?:'s|’s)\s+(?:(?:19|20)\d{{2}}\s+)?"
               r"(?:proactive\s+)?disclosures\b(?P<rest>[^?]*)", re.I),
    # "which body disclosed more items: A or B?"
    re.compile(rf"\bwhich (?:body|agency|bureau|office|department|one|of (?:the|these) (?:two|bodies))\s+"
               rf"{_PUBLISH_EN}\s+more\s+(?:items|information|government information)\b(?P<rest>)", re.I),
    # "by what percentage did X's disclosed items change from 2022 to 2023"
    re.compile(r"(?:'s|’s)\s+(?:proactively\s+)?(?:disclosed|published|released)\s+items\s+(?:change|rise|rose|fall"
               r"|fell|grow|grew|drop|increase|decrease|decline)[ds]?(?:\s+(?:from|between|in)\s+(?:19|20)\d{2}"
               r"(?:\s+(?:to|and)\s+(?:19|20)\d{2})?)?\s*(?P<rest>)\?", re.I),
)
_NAMING_ONLY_EN = re.compile(r"\b(?:(?:across|through|on|via) (?:all|every) (?:its |their )?"
                             r"(?:platforms?|channels?|outlets?)"
                             r"|in total|in all|same year|that year|in|the|than|of|its|their|by|during|for"
                             r"|altogether|combined|did|do|does|year)\b|\d{4}", re.I)  # the longer words first


def publishes_bare_items(text: str) -> bool:
    """"How many (more) items did X publish (than Y) in 2021?": items with no kind, channel or column named — all
    the body published, its proactive disclosure, as 公开了多少条信息 is in Chinese. Anything else said after the
    verb ("on notice boards") names a part, and this is not the question's thing."""
    m = next((found for p in _BARE_ITEMS_EN if (found := p.search(text))), None)
    if m is None or re.search(r"\bnot\b|n't\b|\bwithh", m.group(0), re.I):
        return False  # "withhold (not disclose)": what was not published
    rest = ENGLISH_BODY.sub(" ", m.group("rest"))  # "than the Changqing Street Office"
    rest = re.sub(r"\([^)]*\)", " ", rest)  # "(Chaotian District, Guangyuan)"
    rest = re.sub(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*", " ", rest)  # places and names: "Jianghan District"
    return not re.search(r"[a-z]{2,}", _NAMING_ONLY_EN.sub(" ", rest), re.I)

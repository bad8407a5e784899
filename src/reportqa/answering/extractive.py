"""The extractive fallback: a figure read from the best passages when no lexicon concept reaches the question.

The fact engine answers from rows its lexicon understands; a question in words the lexicon lacks ("人事管理方面的信息
公开了多少条") would otherwise be abstained on although a retrieved sentence states the figure. Here every figure in
the top passages — prose facts by their sentence, table rows by their label — is a candidate, scored by:
- the words it shares with the question, counted on its own label (what the figure counts) and, less, on the words
  just before it in the sentence;
- the unit the question implies (多少人次 → 人次, 几期 → 期, 多少钱 → 元/万元; data in ``lexicon/units.toml``):
  a figure in another unit is never the answer;
- the rank of its passage.
Whatever the lexicon recognises in the question must be named where the figure is (``accounts_for``).
A candidate must share at least ``MIN_LABEL_OVERLAP`` content bigrams with the question, else there is no answer: a
figure is only given when the text says what it counts in the question's own words. The answer quotes the sentence
and says it was read from the text.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import cast

from ..agencies import (
    ENGLISH_BODY,
    bare_place,
    english_department_words,
    split_agency,
    without_body_words,
    without_english_body_names,
)
from ..documents import Answer, Fact, Hit, Number, Report
from ..facts_match import heading_kind_of_verb, last_or_next_year_one_way, text_names, words_before_examples
from ..lexicon import ColumnConcept, Concept, glossary_terms, load_lexicon, platform_names
from ..parsing.prose_facts import (
    chinese_number,
    has_verb,
    listed_after_it,
    listed_in_one_run,
    listed_part_of,
    own_clause,
)
from ..parsing.similarity import bare_label
from ..questions import (
    Intent,
    Question,
    contains_word,
    english_lists_several,
    find_mentions,
    parse_question,
    phrases_of_things,
)
from ..wording import say_difference_read_from_text, say_read_from_text, say_sum_read_from_text
from .bare_words import is_bare
from .facts import CHANGE_WORDS, is_stated_change, sum_values
from .qualifiers import unaccounted_qualifiers
from .translation import brand_names, english_terms

MIN_LABEL_OVERLAP = 2
_UNITS_FILE = Path(__file__).parent.parent / "lexicon" / "units.toml"
_CJK_RUN = re.compile(r"[\u4e00-\u9fa5]+")


@dataclass(frozen=True)
class _UnitData:
    # (question phrase, units it implies, strong, units that never answer it)
    implied: tuple[tuple[str, tuple[str, ...], bool, frozenset[str]], ...]
    preferred: tuple[tuple[str, tuple[str, ...]], ...]  # the same and the soft ones: (question phrase, units)
    stop_bigrams: frozenset[str]
    kinds: tuple[frozenset[str], ...]  # units of a kind of quantity that is not a count (share, money, people, days)
    count_phrases: tuple[str, ...]
    soft_never: tuple[tuple[str, frozenset[str]], ...]  # a soft phrase's units that never answer it (多少条: 期)


@lru_cache(maxsize=1)
def _data() -> _UnitData:
    raw = tomllib.loads(_UNITS_FILE.read_text(encoding="utf-8"))
    implied = tuple(sorted(((p, tuple(u["units"]), bool(u.get("strong", False)), frozenset(u.get("never", ())))
                            for u in raw["implied"] if not u.get("soft") for p in u["phrases"]),
                           key=lambda x: len(x[0]), reverse=True))
    preferred = tuple(sorted(((p, tuple(u["units"])) for u in raw["implied"] for p in u["phrases"]),
                             key=lambda x: len(x[0]), reverse=True))
    kinds = tuple(frozenset(group) for group in raw.get("kinds", ()))
    soft_never = tuple((p, frozenset(u["never"])) for u in raw["implied"] if u.get("soft") and u.get("never")
                       for p in u["phrases"])
    return _UnitData(implied=implied, preferred=preferred, stop_bigrams=frozenset(raw["stop_bigrams"]), kinds=kinds,
                     count_phrases=tuple(raw.get("count_phrases", ())), soft_never=soft_never)


@lru_cache(maxsize=1024)
def _implied(question: str) -> tuple[tuple[str, ...], bool, frozenset[str]]:
    text = without_english_body_names(question)
    implied = _data().implied
    if any(p in text for p in _data().count_phrases):
        # a count's own measure word ("三公经费信息一共几条") asks a count, whatever noun of money or shares is in it
        implied = tuple(e for e in implied if not any(set(e[1]) & kind for kind in _data().kinds))
    found: tuple[tuple[str, ...], bool, frozenset[str]] | None = None
    rates = [e for e in implied if "%" in e[1] and _phrase_in(e[0], text)]
    if rates and not any(p in text for p in _data().count_phrases):
        # "抖音订阅数增长了百分之多少": a rate of a thing counted in people or accounts is asked in percent
        # (a change in percentage points or a multiple is still asked as such)
        implied = tuple(e for e in implied if set(e[1]) & _RATE_UNITS
                        or not any(set(e[1]) & kind for kind in _data().kinds) or not _phrase_in(e[0], text))
    for phrase, units, strong, never in implied:
        if not _phrase_in(phrase, text):
            continue
        if phrase.isascii() and not phrase.startswith("how many "):
            # longest first: a phrase inside one already read is that one's word ("letters and visits": no visits)
            text = _english_pattern(phrase).sub(lambda m: " " * len(m.group(0)), text)
        if found is None:
            found = (units, strong, never)
        elif narrowed := tuple(u for u in found[0] if u in units):
            # "最高日阅读量是多少次": traffic (次 or visitors, 人) asked in times: 次 only
            found = (narrowed, found[1] or strong, found[2])  # (阅读量 is strong: "多少万次" of reads is no 期)
    return found or ((), False, frozenset())


_RATE_UNITS = frozenset({"%", "个百分点", "百分点", "倍"})


def _phrase_in(phrase: str, text: str) -> bool:
    if not phrase.isascii():  # 比重 (a share) only as a word: not in 点击量比重点领域信息多多少次
        return contains_word(text, phrase) if phrase in load_lexicon().whole_words else phrase in text
    return bool(_english_pattern(phrase).search(text))


# words that end the noun phrase after "how many": its head noun comes before them ("how many kinds of documents"
# counts kinds)
_NOT_A_MODIFIER = r"(?:did|do|does|was|were|is|are|has|have|had|will|would|can|could|of|in|on|at|by|from|to|for|with)"


@lru_cache(maxsize=512)
def _english_pattern(phrase: str) -> re.Pattern[str]:
    """A whole-word phrase; "how many <noun>" also with up to four modifiers before its noun ("how many livelihood
    projects", "how many key-area items"): the measure is the head noun of what is counted."""
    if phrase.startswith("how many "):
        head = re.escape(phrase[len("how many "):])
        return re.compile(rf"(?<![a-z])how many (?:(?!{_NOT_A_MODIFIER}\b)[a-z0-9'-]+ ){{0,4}}{head}(?![a-z])")
    return re.compile(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])")


def preferred_units(question: str) -> tuple[str, ...]:
    """The units a question's wording points to, soft ones included ("多少条" → 条): evidence for the ranker."""
    text = without_english_body_names(question)
    return next((units for phrase, units in _data().preferred if _phrase_in(phrase, text)), ())


def counted_in(unit: str) -> str:
    """The unit a count is of: 万条 and 条次 (items published, counted each time) are counts of 条."""
    unit = unit.lstrip("万")
    return unit[:-1] if len(unit) == 2 and unit.endswith("次") and unit[0] in "条件篇" else unit


def implied_units(question: str) -> tuple[str, ...]:
    """The units a question's wording asks for, or () when it does not say."""
    return _implied(question)[0]


_HOW_MANY = re.compile(r"(?<![a-z])how many(?![a-z])", re.IGNORECASE)
_ABOUT_REQUESTS = re.compile(r"申请|答复|回复|\brequests?\b|\bapplications?\b|\brepl(?:y|ies)\b", re.IGNORECASE)


def asks_about_requests(question: str) -> bool:
    """Requests or replies, which reports count in 件 or 条 alike."""
    return bool(_ABOUT_REQUESTS.search(question))


def in_units(unit: str, units: tuple[str, ...]) -> bool:
    """The unit is one of these, as printed: in 万 of it (万条), or its measure word with what it measures (个部分)."""
    return unit in units or unit.lstrip("万") in units or unit.removesuffix("部分") in units


def unit_fits(question: str, unit: str) -> bool:
    """Whether an answer's unit can answer the question: only units that say what kind of quantity it is (a share,
    people, money, issues) rule an answer out; counts of requests in 件 or 条 fit any count question."""
    units, strong, never = _implied(question)
    if not unit:  # a figure its report prints without a unit (采购总金额 8040): no unit rules it out, but a share
        return not ({"%", "倍", "个百分点"} & set(units))
    if in_units(unit, units):
        return True
    if unit in never and not (unit in ("件", "条") and _ABOUT_REQUESTS.search(question)):
        # people are not counted in documents (条, 篇): a weak steer still rules those out; requests and replies are
        # counted in 件 or 条 whatever the question's measure ("有几次答复是不给公开的": 1条)
        return False
    # (the words of a body's name blanked out leave runs of spaces: "how many government information … requests")
    asked = re.sub(r"\s+", " ", without_english_body_names(question))
    if any(unit in out for phrase, out in _data().soft_never if _phrase_in(phrase, asked)):
        return False  # 多少条 steers nothing between 件 and 条, but an issue (期) or a person is never an item
    if not units and _HOW_MANY.search(question):
        # "how many … items": a count, never an amount of money or a share ("how much" asks those)
        return not any(unit in group or unit.lstrip("万") in group for group in _data().kinds if group & {"%", "元"})
    if not units and not any(p in question for p in _data().count_phrases):
        return True
    # a share, an amount of money, people or days answer only a question that asks for that kind of quantity
    return not strong and not any(unit in group or unit.lstrip("万") in group for group in _data().kinds)


def question_words(q: Question, topic: str) -> set[str]:
    """The question's content bigrams; an English question is given the Chinese words of what the lexicon recognised
    in it (law firms → 法律服务机构) and of its vocabulary (``lexicon/glossary.toml``: press conference → 新闻发布会),
    so it can be matched against report text."""
    words = bigrams(topic)
    for term in chinese_words(q):
        words |= bigrams(term)
    return words


def chinese_words(q: Question) -> list[str]:
    """The reports' Chinese words for an English question: what the lexicon recognised in it and its vocabulary
    (dictionary-based query translation); none for a Chinese question."""
    if q.lang != "en":
        return []
    names = [(c.id, *c.rows, *c.phrases) for c in q.concepts] + [(c.id, *c.phrases) for c in q.columns]
    words = [phrase for name in names for phrase in [p for p in name if not p.isascii()][:4]]
    # the report the question is about is no word of what it asks (报告 of "(2024 report)", "its annual report")
    return list(dict.fromkeys(words + glossary_terms(_THE_REPORT_ITSELF.sub(" ", q.text))))


_THE_REPORT_ITSELF = re.compile(r"(?:\b(?:its|the|this|their|annual|(?:19|20)\d{2})|'s)\s+(?:annual\s+)?"
                                r"(?:disclosure\s+)?reports?\b", re.IGNORECASE)


def _passage_question_words(q: Question, topic: str) -> set[str]:
    """The question's words a figure's label is matched by; for an English question a phrase of several words the
    dictionary knows too ("compulsory-education": 义务教育)."""
    wanted = question_words(q, topic)
    if q.lang == "en":
        wanted |= {g for w in _dictionary_phrase_words(q.text) for g in bigrams(w)}
    return wanted


@lru_cache(maxsize=1024)
def _dictionary_phrase_words(text: str) -> tuple[str, ...]:
    """The dictionary's words for the phrases of several words an English question writes ("compulsory-education":
    义务教育), its bodies' names aside: a phrase has one sense where its single words have many."""
    departments = english_department_words()
    own = [w for w in re.findall(r"[A-Za-z][\w'-]*", without_english_body_names(text))
           if w[0].islower() and w.lower() not in departments]
    return tuple(sorted({w for t in english_terms(" ".join(own))[0] if " " in t.english for w in t.chinese}))


def remainder_words(asked: str) -> tuple[str, ...]:
    """The words that start a remainder's label (其他应主动公开的政府信息: the rest of a list, not its total) which the
    question (or a sum's item) does not say itself: it does not ask for the rest."""
    return tuple(w for w in load_lexicon().words.remainder if w not in asked.lower())


RARE_WORD_SENTENCES = 2  # a question's word the report writes in at most this many sentences tells figures apart


def specific_words(q: Question, topic: str, facts: Sequence[Fact], agency: str) -> list[str]:
    """The question's own words (jieba's, two characters or more) that the report uses, but rarely: in at most
    ``RARE_WORD_SENTENCES`` of its figures' sentences. A figure read from the text must name each of them where it
    is stated ("抖音账号发布了多少条": 抖音, which the report names only in its list of platforms, rules out the
    Weibo figure of the same sentence). Words the report writes everywhere (公开, 信息) or never tell nothing."""
    if q.lang != "zh":
        return []
    sources = list(dict.fromkeys(f.source for f in facts if f.kind == "prose" and f.source))
    words = []
    for word in _topic_words(topic):
        if word in agency:
            continue
        used = sum(1 for source in sources if word in source)
        if 1 <= used <= RARE_WORD_SENTENCES:
            words.append(word)
    return words


@lru_cache(maxsize=1024)
def _topic_words(topic: str) -> tuple[str, ...]:
    """jieba's words of two characters or more, the lexicon's aside (发布 of 主动发布: its concepts weigh those);
    read once per question, not once per report in scope."""
    from ..chunking import jieba  # quiet, as chunking sets it up

    return tuple(w for w in dict.fromkeys(jieba.lcut(topic))
                 if len(w) >= 2 and _CJK_RUN.fullmatch(w) and w not in _lexicon_words())


# words written between two words of a label that narrow nothing: time, totals, and verbs of the report's own work
_NOT_NARROWING = frozenset({"全年", "累计", "共计", "一共", "总共", "合计", "分别", "本年", "今年", "年度", "已经",
                            "共有", "主动", "公开", "发布", "全部", "各类", "相关", "所有", "总计"})
_MEASURE_ASKED = re.compile(r"^(?:几|多少|若干|第)")
NARROWING_GAP = 2  # words a question may write between two of a label's words and still speak of the label's thing


def word_narrowing(question: str, label: str) -> str:
    """"保留的行政征收权力" asked of a figure labelled 保留行政权力: the question writes a word of its own between two
    words the label writes together, so it asks a narrower kind of the label's thing (征收); that word, or ""."""
    from ..chunking import jieba  # quiet, as chunking sets it up

    asked = jieba.lcut(question)
    written = [w for w in jieba.lcut(bare_label(label)) if len(w) >= 2 and _CJK_RUN.fullmatch(w)]
    for first, second in zip(written, written[1:], strict=False):
        if first + second not in label:
            continue  # two words the label does not write together
        for i in (k for k, w in enumerate(asked) if w == first):
            gap = asked[i + 1: i + 2 + NARROWING_GAP]
            if second not in gap:
                continue
            inserted = gap[: gap.index(second)]
            own = [w for w in inserted if len(w) >= 2 and _CJK_RUN.fullmatch(w) and w not in _NOT_NARROWING
                   and w not in label and not _MEASURE_ASKED.match(w)]  # 几件, 多少条 ask the figure itself
            if own:
                return own[0]
    return ""


def names_specific_words(fact: Fact, words: Sequence[str]) -> bool:
    """No word is said of another figure in the figure's sentence: each is in the figure's own words (since the
    sentence's figure before it), not written there, or earlier in the sentence while the figure's words name none of
    the things listed beside it ("微信公众号、微博、抖音五大平台…微博账号累计发布信息4537条": Weibo's figure, not
    抖音's; "云上通山处理网上问政336条，…直播49场": 云上通山's)."""
    at = re.search(r"(?<![\d.])" + re.escape(fact.raw), fact.source) if words and fact.kind == "prose" else None
    if at is None:  # the figure itself, not the end of a longer one ("2条" of "202条")
        return True
    before, after = fact.source[: at.start()], fact.source[at.end():]
    own = re.split(r"\d", before)[-1] + fact.label
    for word in words:
        if word not in own and re.search(r"其中[^，,。；;]*?" + re.escape(word) + r"[^，,。；;]*?\d", after):
            return False  # "推送公众号文章248篇，其中原创文章118篇": 原创 is said of the part after it
        if word in own or word not in before:
            continue  # a word the sentence does not use may be the asker's own for it (业务 for 办件)
        peers = {item for listed in _LISTED_THINGS.findall(before) if word in listed
                 for item in listed.split("、") if word not in item and len(item) >= 2}
        if any(peer in own for peer in peers):
            return False
    return True


def another_item_named(topic: str, fact: Fact) -> str:
    """The question's word whose item is not the figure's (another_of_its_kind), or ""."""
    agency = fact.agency or ""
    return next((w for w in _topic_words(topic) if w not in agency and another_of_its_kind(w, topic, fact)), "")


def another_of_its_kind(word: str, topic: str, fact: Fact) -> bool:
    """"食品药品领域录入了多少小项" read as 就业领域24小项: the question's word and the label's differ before the noun
    they share (领域), and the figure's sentence never writes the question's: another item of the same list."""
    at = topic.find(word)
    head = topic[at + len(word): at + len(word) + 2] if at >= 0 else ""
    if head not in _KIND_HEADS or word in fact.source or _MEASURE_CHARS & set(word) or fact.label.find(head) <= 0:
        return False
    # (招标 of 招投标, 社保 of 社会保障, 短视频: the label's word before the noun shares a character with the asked one,
    # another way of writing it, not another item)
    # (the noun's own modifier opening the label: 就业领域, 完成义务教育领域; 、财政专项 lists 财政 itself, and
    # 明确…担任组长 says who, no item)
    spots = [m.start() for m in re.finditer(re.escape(head), fact.label)
             if 2 <= m.start() <= MAX_ITEM_MODIFIER and _CJK_RUN.fullmatch(fact.label[: m.start()])]
    return bool(spots) and all(not set(fact.label[max(0, at - len(word) - 1): at]) & set(word) for at in spots)


MAX_ITEM_MODIFIER = 6  # characters of a label before the noun it shares with the question (完成义务教育领域)
_MEASURE_CHARS = frozenset("条件项个篇次份多少几")  # (jieba's 条短 of 多少条短视频 is no word of a thing)


# the nouns a list's items share, each item naming its own kind before them (就业领域, 食品药品领域; 行政许可权力)
_KIND_HEADS = frozenset({"领域", "板块", "专栏", "栏目", "专题", "方面", "权力", "类别"})
_LISTED_THINGS = re.compile(r"[\u4e00-\u9fa5]{1,12}(?:、[\u4e00-\u9fa5]{1,12})+")


@lru_cache(maxsize=1)
def _lexicon_words() -> str:
    lexicon = load_lexicon()
    phrases = [p for c in lexicon.concepts for p in c.phrases if not p.isascii()]
    phrases += [p for column in lexicon.columns for p in column.phrases if not p.isascii()]
    return "\n".join(phrases + [p for ps in lexicon.intents.values() for p in ps if not p.isascii()])


def is_remainder(label: str, remainder: tuple[str, ...]) -> bool:
    """The label names the rest of a list (其他信息), not one thing; an item named inside the rest ("其他应公开的政府
    信息中机关党建3条": 机关党建, one of the others) is a thing of its own."""
    bare = bare_label(label).lower()
    return bool(remainder) and bare.startswith(remainder) and not _ITEM_OF_REST.match(bare)


_ITEM_OF_REST = re.compile(r"^(?:其他|其它)[\u4e00-\u9fa5]{0,16}?(?:信息|事项|内容)中[\u4e00-\u9fa5]{2,}$")


def bigrams(text: str) -> set[str]:
    stop = _data().stop_bigrams
    text = text.replace("不予以", "不予")  # one word written two ways (不予以公开信息 is 不予公开的信息)
    return {run[i:i + 2] for run in _CJK_RUN.findall(text) for i in range(len(run) - 1)} - stop


def _narrow_columns(q: Question) -> list[ColumnConcept]:
    """The applicant columns a question narrows to; 总计 ("合计", "in total") narrows nothing."""
    return [c for c in q.columns if c.id != "总计"]


def _in_column(fact: Fact, column: ColumnConcept) -> bool:
    return fact.column == column.id or any(p in fact.label for p in column.phrases if not p.isascii())


def accounts_for(q: Question, fact: Fact, text: str) -> bool:
    """Everything the lexicon recognised in the question is named where the figure is: a figure for 受理申请 is no
    answer to "网上申请" (a breakdown the text does not make), one for 主动公开 is none to "收到申请", and a total is no
    answer to a question about one kind of applicant (企业)."""
    return names_columns(q, fact, text) and not concepts_not_named(q, text)


# "截至2023年，…现行有效规范性文件有多少件": the year's end a figure stands at; no running total asked (累计, to date)
_AS_OF_A_YEAR = re.compile(r"(?:截至|截止|as of(?: the end of)?|by the end of)\s*(?:19|20)\d{2}", re.IGNORECASE)
_RUNNING_TOTAL_WORDS = re.compile(r"累计|历年|至今|迄今|以来|目前|cumulativ|to date|so far|all time|in all years",
                                  re.IGNORECASE)


def as_of_a_year_only(text: str, columns: Sequence[ColumnConcept]) -> bool:
    """The question's only running-total words set the year's end ("截至2023年"): the text's figures, which name no
    running total, may answer it (a table's 历年累计 column is still chosen by select_column)."""
    return all(c.id == "历年累计" for c in columns) and _AS_OF_A_YEAR.search(text) is not None \
        and _RUNNING_TOTAL_WORDS.search(_AS_OF_A_YEAR.sub("", text)) is None


def names_columns(q: Question, fact: Fact, text: str) -> bool:
    """The applicant type a question narrows to (企业, 法人) is the figure's column or named in its text; a year's end
    alone ("by the end of 2015") asks no running total of the text."""
    for column in _narrow_columns(q):
        if column.id == "历年累计" and as_of_a_year_only(q.text, [column]):
            continue
        words = [p for p in (column.id, *column.phrases) if not p.isascii()]
        if fact.column != column.id and not any(w in text for w in words):
            return False
    return True


def unasked_part(q: Question, part: Fact, whole: Fact) -> bool:
    """"共收到申请13件，其中通过…系统收到11件": a part its sentence lists under another figure, which the question does
    not name what sets apart, is no answer for the whole."""
    return part.unit == whole.unit and listed_part_of(part, whole) and not part_named(q, part, whole)


def unasked_part_in_text(q: Question, fact: Fact, facts: Sequence[Fact]) -> bool:
    """A figure its sentence lists under another of ``facts`` as a part the question does not name."""
    return fact.kind == "prose" and any(o is not fact and o.kind == "prose" and o.source == fact.source
                                        and unasked_part(q, fact, o) for o in facts)


def names_a_part_of(q: Question, fact: Fact, facts: Sequence[Fact], topic: str) -> bool:
    """"行政诉讼3件,其中结果维持1件、结果纠正1件" asked "结果被纠正的有几件": the question names what sets one of the
    figure's listed parts apart, so it asks that part, not the figure."""
    if fact.kind != "prose":
        return False
    text = topic if q.lang == "zh" else " ".join([topic, *glossary_terms(topic), *_dictionary_words(topic)])
    for part in facts:
        if part is fact or part.kind != "prose" or part.source != fact.source or part.unit != fact.unit \
                or not listed_part_of(part, fact):
            continue
        # words of the part's label its whole's label does not share (纠正 of 结果纠正 under 行政诉讼3件)
        own = _pairs(bare_label(part.label)) - _pairs(fact.label) - PLAIN_BIGRAMS - PLAIN_JUNCTIONS \
            - _pairs(part.agency or "")
        if any(g in text for g in own if not set(g) & _FUNCTION_CHARACTERS):
            return True
    return False


_FUNCTION_CHARACTERS = frozenset("的和及与或等其他中有是在了为之")  # pairs with these name nothing (开的 of 公开的)


def names_the_generic_thing(q: Question, fact: Fact) -> bool:
    """A question that names nothing more specific than a generic thing ("how many items were proactively
    disclosed") is answered only by a figure whose label or sentence speaks of that thing."""
    if not q.concepts or any(not c.generic for c in q.concepts):
        return True
    asked = [c for c in q.concepts if not c.context]
    return not asked or any(speaks_of(fact.label + fact.source, c) for c in asked)


def speaks_of(text: str, concept: Concept) -> bool:
    """The text names the concept, or any word of its phrases (公开 of 公开公安政府信息184条), not the whole phrase."""
    return text_names(text, concept) or any(w in text for p in concept.phrases if not p.isascii()
                                            for w in _pairs(p) - _SAID_OF_ALL)


_SAID_OF_ALL = frozenset({"信息", "政府", "息公", "府信", "的信", "的政", "多少", "少条", "了多"})


def concepts_not_named(q: Question, text: str) -> int:
    """How many of the question's specific concepts the text does not name."""
    missing = 0
    for concept in q.concepts:
        if concept.generic:
            continue
        words = [p for p in (*concept.rows, *concept.phrases) if not p.isascii()]
        needs = [w for w in concept.prose_needs if not w.isascii()]
        if not any(w in text for w in words) or (needs and not any(w in text for w in needs)):
            missing += 1  # "收到县长信箱106件" names 收到 but no request: not the requests received
    return missing


_PEOPLE_COUNTED = re.compile(r"(?:几|多少)(?:名|位)([\u4e00-\u9fa5]{2,6}?)(?=承担|负责|从事|参与|[，,？?。]|$)")


def _people_counted(topic: str) -> str:
    """The people a question counts ("几名民警承担…" → 民警), or ""."""
    m = _PEOPLE_COUNTED.search(topic)
    return m.group(1) if m else ""


def _label_overlap(label: str, wanted: set[str], unit_named: bool, glossed: list[str], agency: str) -> int:
    """How much of the question a figure's label names; a unit the question names ("几期") is evidence too: it
    stands for one shared word."""
    named = bigrams(label)
    overlap = len(named & wanted) + (1 if unit_named else 0)
    if named and named <= wanted:  # a short label the question spells whole (概况 of 概况信息有几条)
        overlap = max(overlap, MIN_LABEL_OVERLAP)
    if any(len(w) >= 2 and w in label and not bigrams(w) <= bigrams(agency) for w in glossed):
        # "Douyin" → 抖音, whole in 抖音号公开信息: a platform the English question names, in the reports' word
        overlap = max(overlap, MIN_LABEL_OVERLAP)
    return overlap


@dataclass
class _Candidate:
    fact: Fact
    score: float
    hit: Hit | None
    qualified: bool = True


MAX_REPORTS_SCANNED = 3  # a question scoped to this many reports has all their figures considered


def _readable(q: Question, facts: list[Fact]) -> list[Fact]:
    """Documents classified 依申请公开/不予公开 are counted in the text, never in a table's rows of requests."""
    return [f for f in facts if f.kind != "table"] if q.classified else facts


def _may_answer(fact: Fact, report: Report | None, remainder: tuple[str, ...], published: bool,
                specific: list[str]) -> bool:
    """A figure of the report's year that is no remainder of a list, no request received when what was published is
    asked, and names the question's rare words where it is said (抖音 is the report's word for another figure, its list
    of platforms, not this one's)."""
    if fact.value is None or (report and fact.year not in (None, report.year)):
        return False
    if is_remainder(fact.label, remainder) or published and received_not_published(fact):
        return False
    return names_specific_words(fact, specific)


_RANGE_END = re.compile(r"(最少|最多|最低|最高)$")
_ENDS_ASKED = {
    "least": re.compile(r"最少|至少|最低|下限"
                        r"|\b(?:minimum|min|least|lowest|fewest|smallest|lower (?:end|limit|bound))\b", re.I),
    "most": re.compile(r"最多|至多|最高|上限|\b(?:maximum|max|most|highest|largest|upper (?:end|limit|bound)|up to)\b",
                       re.I),
}


def range_end_not_asked(question: str, fact: Fact) -> bool:
    """"配备1至2名": either end (1名 the least, 2名 the most) answers only a question asking for that end."""
    if fact.kind != "prose" or (end := _RANGE_END.search(fact.label)) is None:
        return False
    return not _ENDS_ASKED["least" if end.group(1) in ("最少", "最低") else "most"].search(question)


def figure_from_passages(q: Question, topic: str, passages: Sequence[Hit], facts_by_report: Mapping[str, list[Fact]],
                         reports: dict[str, Report], scope_ids: list[str] | None = None) -> Answer | None:
    """The best-supported figure, quoted with its sentence, or None.

    Candidates are the figures of the top passages and, when the question is scoped to a few reports, every figure of
    those reports (a short opening or a long page: its best passage is not always retrieved); a figure in a top
    passage ranks higher."""
    wanted = _passage_question_words(q, topic)
    if not wanted:
        return None
    units = implied_units(q.text)
    exact = preferred_units(q.text)  # "多少条": 条 over the 项 it also allows
    # a part named is asked instead of its whole only of one thing: a comparison's or a sum's words are of its sides
    # (one side asked alone keeps the whole question's words in its topic)
    one_thing = q.intent is Intent.LOOKUP and parse_question(topic).intent is Intent.LOOKUP
    hits = passages[:5]
    ids = list(scope_ids or []) if scope_ids and len(scope_ids) <= MAX_REPORTS_SCANNED else []
    ids += [h.passage.report_id for h in hits if h.passage.report_id not in ids]
    texts = [(rank, re.sub(r"\s+", "", h.passage.text), h) for rank, h in enumerate(hits)]
    remainder = remainder_words(q.text)
    best: _Candidate | None = None
    asked = wanted
    # the reports' words for the platforms and things an English question names by their own names (Douyin → 抖音)
    glossed = [w for words in brand_names(q.text).values() for w in words] if q.lang == "en" else []
    published = asks_what_was_published(q, topic)
    platforms = {c.id for c in q.concepts if c.id in platform_names()}
    for report_id in ids:
        report = reports.get(report_id)
        facts = _readable(q, facts_by_report.get(report_id, []))
        specific = specific_words(q, topic, facts, report.agency if report else "")
        # "Mongolian-language website": the dictionary's words for a phrase of the question (蒙文) that some sentence
        # of the report writes must be written where the figure is said
        phrased = [w for w in _dictionary_phrase_words(q.text) if any(w in f.source for f in facts)] \
            if q.lang == "en" else []
        # "the Guizhou health commission's Douyin account": the body's own words (卫生健康) name none of its figures
        wanted = asked - bigrams(report.agency) if q.lang == "en" and report else asked
        # "安排了几名民警承担…": the people counted, named where some figure of the report names them
        people = _people_counted(topic) if q.lang == "zh" else ""
        people_named = bool(people) and any(people in f.label for f in facts)
        for fact in facts:
            if not _may_answer(fact, report, remainder, published, specific) or range_end_not_asked(q.text, fact):
                continue
            if people_named and people not in fact.label or _of_another_platform(fact.label, platforms):
                # (1名合同制工作人员 is no answer for 民警, 2名; "学校官方微信有多少粉丝": 学校官方微博拥有粉丝58000人
                # shares more words, and counts another platform's)
                continue
            if fact.kind == "prose":
                before = fact.source[: fact.source.find(fact.raw)] if fact.raw in fact.source else fact.source
                context, needle = before[-20:], re.sub(r"\s+", "", fact.source)
            elif fact.column in (None, "总计"):
                context, needle = fact.path_text, fact.label
            else:
                continue
            if units and not in_units(fact.unit, units):
                continue
            # a bare label ("全年共公开信息200条") is about what its point, clause before or heading says (街道宣传栏…)
            about = _bare_label_topic(fact) if is_bare(fact.label) \
                else heading_kind_of_verb(fact) + words_before_examples(fact)
            if phrased and not any(w in about + fact.source for w in phrased):
                continue
            if not accounts_for(q, fact, about + fact.label + (fact.source if fact.kind == "prose" else context)):
                continue
            if not names_the_generic_thing(q, fact) or unasked_part_in_text(q, fact, facts) \
                    or one_thing and names_a_part_of(q, fact, facts, topic):
                continue
            label_overlap = _label_overlap(about + fact.label, wanted, bool(units), glossed,
                                           report.agency if report else "")
            if label_overlap < MIN_LABEL_OVERLAP:
                continue
            rank, hit = next(((r, h) for r, t, h in texts if h.passage.report_id == report_id and needle in t),
                             (len(hits) + 2, None))
            score = 3 * label_overlap + len(bigrams(context) & wanted) + (2 if units else 0) - 0.5 * rank \
                + (0.25 if counted_in(fact.unit) in exact else 0)
            # "区政府本级受理了多少件": a clause naming what the question narrows by (本级 of 206) comes before any
            # clause that does not (全区's 800), whatever their words share
            qualified = not unaccounted_qualifiers(q, [fact], load_lexicon())
            if best is None or (qualified, score) > (best.qualified, best.score):
                best = _Candidate(fact, score, hit, qualified)
    if best is None:
        return None
    fact = best.fact
    text = say_read_from_text(reports.get(fact.report_id), q.lang, fact, quoted_section=True)
    return Answer(q.text, found=True, text=text, value=fact.value, unit=fact.unit, facts=[fact],
                  notes=["read from the text"], intent="lookup")


def _of_another_platform(label: str, asked: set[str]) -> bool:
    """The label names a platform (微博), and none of those the question asks (微信)."""
    named = _platforms_named(label) if asked else frozenset()
    return bool(named) and not named & asked


@lru_cache(maxsize=8192)  # (the same labels are read for every question naming a platform)
def _platforms_named(label: str) -> frozenset[str]:
    return frozenset(m.concept.id for m in find_mentions(label, load_lexicon())
                     if m.concept is not None and m.concept.id in platform_names())


# ---------------------------------------------------------------- sums and differences of figures read from the text
# 共 before what is asked: "在国家级、省级和市级报纸共发表文章多少篇"
_GONG_ASKED = r"(?<![一总合公])共(?![产青同享建性识])(?=[\u4e00-\u9fa5]{0,6}?(?:多少|几))"
_SUM_TAIL = re.compile(rf"(?:一共|合计|加起来|加一块|加在一起|总共|共计|总计|合起来|两者|三者|{_GONG_ASKED}).*$")
_ITEM_SPLIT = re.compile(r"、|以及|加上|和|与|(?<!涉)及(?![其时])|跟")  # 及其, 及时, 涉及: words of one item
_DIFF = re.compile(r"^(?P<a>.+?)(?:比|较)(?P<b>.+?)(?:多|少|增加|减少|增长|下降)[\u4e00-\u9fa5]{0,3}?了?(?:多少|几)")
_PREPOSITION = re.compile(r"^(?:在|于|通过|经由|经)")
_YEAR_ONLY = re.compile(r"^\s*(?:(?:19|20)\d{2}\s*年度?|去年|上年|前年)\s*(?:的)?\s*$")
_FILLER = re.compile(r"(?:(?:19|20)\d{2}\s*年度?|[？?。，,]|请问|一下)")


# 类 closing a category's name ("规划类信息", "应急预案类") is no word it must be named by: 规划 is named by
# 专项规划、区域规划及相关政策 (the pairs it makes, 划类, still count where a label writes them too)
_CATEGORY_SUFFIX = re.compile(r"(?<=[\u4e00-\u9fa5]{2})类(?=信息|事项|文件|[、和与及]|\s|$)")


def _item_fact(item: str, facts: list[Fact], taken: list[Fact], context: str = "") -> Fact | None:
    """The figure whose label best names an item of the question (at least two shared content bigrams, or all of
    a short item's); between labels naming it equally, the one naming more of ``context`` (what every item of the
    list is: "两个微信公众号（A、B）")."""
    # longest first, in one order whatever the hash seed: 甘谷县 before 甘谷 leaves 政府网站, not 县政府网站
    for name in sorted({n for f in facts if f.agency for n in _short_names_of(f.agency)}, key=lambda n: (-len(n), n)):
        item = item.replace(name, "")  # "临夏公安" (临夏州公安局) names the asking agency, not the item's thing
    for place in sorted({p for f in facts if f.agency for p in _places_of(f.agency)}, key=lambda p: (-len(p), p)):
        item = item.replace(place, "")  # "平潭区级": 平潭 names the asking agency's place, the item is 区级
    # 的 parts the item's words: "主动公开的" is not closer to 其他应主动公开的政府信息 for its 的, and
    # "主动公开的政策法规类信息" has no 开政 that 主动公开政府信息 would share
    item = last_or_next_year_one_way(item)  # (上年结转 is the 上一年度结转 of a label)
    content = bigrams(_CATEGORY_SUFFIX.sub(" ", item.replace("的", " ")))
    words = _label_words(item.replace("的", " "))
    need = min(MIN_LABEL_OVERLAP, len(content))
    if not words or need < 1:
        return _item_named_exactly(item, facts, taken)
    labels = {id(f): _label_words(last_or_next_year_one_way(
        (_bare_label_topic(f) if is_bare(f.label) else _said_about(f)) + f.label).replace("的", "")) for f in facts}
    # a word many of the report's figures share (the website every figure of a sentence is about) tells them apart
    # less than one only this figure has (动态类): each shared pair counts by its rarity among the labels
    frequency = Counter(pair for pairs in labels.values() for pair in pairs)
    remainder = remainder_words(item)
    shared_words = bigrams(context.replace("的", ""))
    best: tuple[float, int, int, int, int, Fact] | None = None
    for fact in facts:
        if fact.value is None or fact in taken or fact.column not in (None, "总计"):
            continue
        if is_remainder(fact.label, remainder):
            continue
        # the asking agency's own words (庆阳, 外事办) name its scope, not an item: 庆阳市党建网 is not 省政府外事办网站
        shared = labels[id(fact)] & words - bigrams(fact.agency or "")
        if len(shared) < need:
            continue
        score = rarity_score(shared, frequency)
        # named by its sentence's topic alone ("一是旗政府网站方面,年内共发布…2968条,其中…"): the whole, said first
        by_topic_only = not (bigrams(fact.label.replace("的", "")) & words)
        first = -fact.source.find(fact.raw) if by_topic_only and fact.raw in fact.source else 0
        # (of two figures named alike, the one listed with the items already found: 通知公告 of the same sentence)
        beside = sum(t.source == fact.source for t in taken)
        key = (score, len(labels[id(fact)] & shared_words), beside, first, -len(fact.label))
        if best is None or key > best[:5]:
            best = (*key, fact)
    return best[5] if best else None


def _label_words(label: str) -> set[str]:
    """A label's character pairs, none across a category's closing 类 (规划类信息: 规划, 划类, not 类信, which every
    category's label has)."""
    return bigrams(_CATEGORY_SUFFIX.sub("类 ", label))


def _item_named_exactly(item: str, facts: list[Fact], taken: list[Fact]) -> Fact | None:
    """An item made only of words every label shares ("信息公开类" beside 政务公开类): the one figure labelled by
    exactly those words."""
    name = _bare_item(item)
    found = [f for f in facts if f.value is not None and f not in taken and f.column in (None, "总计")
             and name and _bare_item(f.label) == name]
    return found[0] if len(found) == 1 else None


def _bare_item(text: str) -> str:
    return _CATEGORY_SUFFIX.sub("", re.sub(r"[的\s“”\"]", "", text))


@lru_cache(maxsize=4096)
def _places_of(agency: str) -> tuple[str, ...]:
    places = split_agency(agency)[0]
    return tuple(sorted({w for p in places for w in (p, bare_place(p)) if len(w) >= 2}, key=len, reverse=True))


_KIND_OF_BODY = re.compile(r"(?:委员会|办公室|局|厅|委|办)$")


def _short_names_of(agency: str) -> tuple[str, ...]:
    """An agency's place with its department's words without their kind of body: 临夏公安 of 临夏州公安局."""
    places, department = split_agency(agency)
    stem = _KIND_OF_BODY.sub("", department)
    if len(stem) < 2 or stem == department:
        return ()
    return tuple(f"{p}{stem}" for p in _places_of(agency))


def rarity_score(pairs: Iterable[str], frequency: Mapping[str, int]) -> float:
    """Each shared pair by its rarity among the labels, summed exactly (fsum): a set's order follows the string hash
    seed, and a plain sum's last bit would break a tie between two equally named figures differently per process."""
    return math.fsum(1.0 / frequency[pair] for pair in pairs)


SHORT_ITEM_LABEL = 4  # a prose label this short (发布信息) is said of what its clause's heading names
_HEADING = re.compile(r"([\u4e00-\u9fa5“”\w]{2,12})[：:]\s*$")


def _named(fact: Fact) -> str:
    """A prose figure's label, under its heading when it has one (微信公众号：发布信息)."""
    heading = _heading_of(fact)
    return f"{heading}：{fact.label}" if heading else fact.label


_TOPIC = re.compile(r"^\s*(?:[一二三四五六七八九十]是|在)?([\u4e00-\u9fa5“”]{2,12}?)方面\s*[,，：:]")


# a point of a numbered run ("一是…；二是…；三是…在新闻媒体上发布,发布信息54条"), up to its figure
_POINT = re.compile(r"(?:^|[；;。，,：:])\s*[一二三四五六七八九十]是([^；;。]*)$")


def _point_before(fact: Fact) -> str:
    """The words of the numbered point a figure closes ("三是…在新闻媒体上发布,发布信息54条" → 在新闻媒体上发布,):
    the channel or thing the point is about, where its label (发布信息) does not say it."""
    at = fact.source.find(fact.label + fact.raw)
    point = _POINT.search(fact.source[:at]) if at > 0 else None
    # a short point is about one thing; a long one (二是重点围绕…加强政策解读…等方面,…主动公开政府信息123条) names many
    return point.group(1) if point and len(point.group(1)) <= MAX_POINT_TOPIC else ""


MAX_POINT_TOPIC = 40  # characters of a numbered point before its figure that still say what the figure is about


def _heading_of(fact: Fact) -> str:
    """The words a short prose label is said under ("微信公众号：发布信息212条" → 微信公众号): two figures labelled
    发布信息 are the website's and the WeChat account's; and the topic a sentence opens with ("一是旗政府网站方面,年内
    共发布各类信息2968条" → 旗政府网站), whatever its labels."""
    if fact.kind != "prose":
        return ""
    if topic := _TOPIC.match(fact.source):
        return topic.group(1)
    if len(bare_label(fact.label)) > SHORT_ITEM_LABEL:
        return ""
    at = fact.source.find(fact.label)
    m = _HEADING.search(fact.source[:at]) if at > 0 else None
    return m.group(1) if m else ""


def _said_about(fact: Fact, bare: bool = False) -> str:
    """What a prose figure is about beyond its label, for finding an item by its words: its heading, else the
    numbered point it closes ("三是…在新闻媒体上发布,发布信息54条"), else for a short label (or a ``bare`` one: 全年共
    公开信息) the clause before it ("门户网站总访问量超过50余万次,信息发布1839条": the website's)."""
    if fact.kind != "prose":
        return ""
    if heading := _heading_of(fact):
        return heading
    if point := _point_before(fact):
        return point
    if len(bare_label(fact.label)) > SHORT_ITEM_LABEL and not bare:
        return ""
    at = fact.source.find(fact.label)
    if at <= 0:
        return ""
    if m := _LIST_HEADING.search(fact.source[:at]):
        return m.group(1)
    m = _CLAUSE_BEFORE.search(fact.source[:at])
    # a clause closing with a figure in this one's unit is a sibling (政策文件信息4条,政府决策23条), not its topic
    sibling = m is not None and bool(fact.unit) and re.search(rf"\d\s*{re.escape(fact.unit)}$", m.group(1))
    return m.group(1) if m and not sibling else ""


def _bare_label_topic(fact: Fact) -> str:
    """What a bare label ("全年公开信息18条") counts: the clause before it and its nearest heading ("2.政府网站信息
    公开"), the section it is said under."""
    # (a numbered heading of the third level names one thing; a second-level one often two: 主动公开和依申请公开)
    heading = fact.path[-2] if fact.kind == "prose" and len(fact.path) >= 4 else ""
    return _said_about(fact, bare=True) + heading


# "类别:政策文件信息4条,政府决策23条,人事信息6条": the heading of a list of figures, over the figures before
_LIST_HEADING = re.compile(r"([\u4e00-\u9fa5“”\w]{2,12})[：:](?:[^，,、；;。：:]*\d[^，,、；;。：:]*[，,、])+\s*$")
# a clause saying what the next figure is about ("门户网站总访问量超过50余万次,信息发布1839条")
_CLAUSE_BEFORE = re.compile(r"([^；;。，,：:]{2,30})[，,]\s*$")


ItemFinder = Callable[[str, list[Fact], list[Fact]], "Fact | None"]
"""A second way to find an item's figure among facts (not those taken) when its words name none: by meaning."""


def _find_item(item: str, facts: list[Fact], taken: list[Fact], by_meaning: ItemFinder | None) -> Fact | None:
    found = _item_fact(item, facts, taken)
    if found is None and by_meaning is not None:
        found = by_meaning(item, facts, taken)
    return found


def figure_named(item: str, facts: list[Fact], taken: list[Fact]) -> Fact | None:
    """The figure whose label best names ``item`` by its words (a share's whole: "全年制作信息"), none taken; else
    the one label sharing most of its character pairs, when no other shares as many (全年共制作政府信息: 制作)."""
    found = _item_fact(item, facts, taken)
    if found is not None:
        return found
    words = bigrams(item.replace("的", " "))
    scored = sorted(((len(words & bigrams(f.label)), f) for f in facts if f not in taken),
                    key=lambda s: s[0], reverse=True)
    if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return scored[0][1]


def _same_unit(facts: list[Fact]) -> bool:
    return len({f.unit for f in facts}) == 1


_WHOLE_FIRST = re.compile(r"^[^、和与及]{2,20}?(?:信息|公开)(?:当中|之中|中|里)")
_QUOTED = re.compile(r"[“\"「『]([^“”\"「」『』]{2,30})[”\"」』]")
_BRACKETED_LIST = re.compile(r"[（(]([^（）()]+?、[^（）()]+)[）)]")


def listed_in_brackets_of(topic: str) -> str:
    """What every item of a bracketed list is ("两个微信公众号（A、B）" → 两个微信公众号), or ""."""
    listed = _BRACKETED_LIST.search(topic)
    return re.split(r"[，,。；;、]", topic[: listed.start()])[-1] if listed else ""


_QUOTED_NAME = re.compile(r"“[^“”]{1,20}”")
_KEPT_MARK = "\x00"


def sum_items(topic: str) -> list[str]:
    """The things a sum question lists ("安全生产类和应急管理类信息合计多少条" → 安全生产类, 应急管理类信息)."""
    head = _SUM_TAIL.sub("", _FILLER.sub("", topic))
    if len(quoted := _QUOTED.findall(head)) >= 2:
        return quoted  # "主动公开信息中“政策及规范性文件类”和“重大建设项目信息类”": quotes hold whole names
    head = _WHOLE_FIRST.sub("", head)  # "主动公开信息里政策…与规划计划类": the whole the items are of
    if (listed := _BRACKETED_LIST.search(head)) is not None:
        head = listed.group(1)  # "六类信息（政策文件、工作、机构）逐项加起来": the bracket holds the items
    elif (listed := _BRACKETED_LIST.search(topic)) is not None:
        # "…一共主动公开了多少条(工作动态、乡镇建设、政策文件合计)": the items spelled out after the question
        head = _SUM_TAIL.sub("", listed.group(1))
    # "在微博和微信上发布的": 微博, 微信…; a name in quotes stays whole ("“双随机、一公开”信息")
    kept = _QUOTED_NAME.sub(lambda m: m.group(0).replace("、", _KEPT_MARK), head)
    stated = _ITEMS_COUNTED.search(kept)
    if stated is not None:  # "…、疫情防控专栏三部分加起来": how many things the list holds, no word of the last
        kept = kept[: stated.start()]
        by_commas = [_PREPOSITION.sub("", i).replace(_KEPT_MARK, "、") for i in re.split(r"[、，,]", kept) if i]
        n = stated.group("n")
        if (int(n) if n.isdigit() else chinese_number(n)) == len(by_commas):
            # (as many items between its commas as it says: 和 inside one of them joins words of that item,
            # "重大建设项目批准和实施情况")
            return with_shared_tail(by_commas)
    items = [_PREPOSITION.sub("", i).replace(_KEPT_MARK, "、") for i in _ITEM_SPLIT.split(kept)]
    if len(items) >= 2 and "的" not in "".join(items[1:]):
        # "在政采云平台发布的招标公告和结果公告": what comes before 的 is said of every item, no word of the first
        context, _, first = items[0].rpartition("的")
        if _PUBLISHED_ON.search(context) and bigrams(first):
            items[0] = first
    return with_shared_tail([i for i in items if len(bigrams(i)) >= 1])


# "三部分", "两类", "3个方面", "这三项": the number of things a list names, written after its last item
_ITEMS_COUNTED = re.compile(r"(?:这|等|共)?(?P<n>[两二三四五六七八九十]|\d{1,2})(?:个|大)?(?:部分|方面|类|项|种|块)"
                            r"(?:的?(?:信息|内容))?$")
# (each item read by its words, even with none beyond the domain's own: 政府信息公开, a column's name)


_JOINER = r"(?:以及|、|和|与|及)"  # the words that join listed items
_LEADING_VERB = re.compile(r"^(?:办理|处理|答复|回复|完成|公开|发布|收到|受理|依托|通过|利用|在)")


def without_verb(items: list[str]) -> list[str]:
    """The items without the verb the first carries for all ("办理人大建议和政协提案": 人大建议, 政协提案)."""
    return [_LEADING_VERB.sub("", items[0]) or items[0], *items[1:]] if items else items


def written_together(label: str, items: list[str]) -> bool:
    """A label that names the listed items one after the other, joined (完成人大建议和政协提案, 依托区政府网站、
    政务新媒体公开信息): the figure counts them together."""
    parts = [re.escape(i) for i in without_verb(items)]
    if len(parts) < 2 or not all(parts):
        return False
    joined = (_JOINER + r"[\u4e00-\u9fa5]{0,3}?").join(parts)
    return re.search(joined, label.replace("的", "")) is not None


def says_gong(text: str) -> bool:
    """"A、B和C共发表文章多少篇": 共 before what is asked (no word of the intents' sum list)."""
    return re.search(_GONG_ASKED, text) is not None


def with_shared_tail(items: list[str]) -> list[str]:
    """"国家级、省级和市级报纸": items written with a common last word (级) share what the last item says after it
    (报纸): 国家级报纸, 省级报纸, 市级报纸."""
    if len(items) < 2 or not items[0]:
        return items
    mark = items[0][-1]
    last = items[-1]
    if mark in "的了" or not all(i.endswith(mark) for i in items[:-1]) or mark not in last[:-1] \
            or last[: last.index(mark) + 1] in items[:-1]:
        return items  # (平潭文旅、平潭文旅政务: two names, the second no level of a shared noun)
    tail = last[last.index(mark) + 1:]
    return [i + tail for i in items[:-1]] + [last]


# where and how the items were published: a channel, then the verb (政采云平台发布), not the verb alone
_PUBLISHING = r"(?:发布|公开|推送|刊登|刊发|报送|上传|转载|公布)"
_PUBLISHED_ON = re.compile(rf"[\u4e00-\u9fa5]{{2,}}{_PUBLISHING}$")


def said_of_every_item(topic: str) -> str:
    """What a sum question says of all its items after listing them ("网站和微信公众号合计公开了多少条信息":
    公开了多少条信息)."""
    tail = _SUM_TAIL.search(_FILLER.sub("", topic))
    return tail.group(0) if tail else ""


def published_as_said(said: str, facts: Sequence[Fact]) -> bool:
    """"网站和微信公众号合计公开了多少条信息": no item's figure counts messages received or replies (收到留言26条,
    互动回应4条) when the question says the items published what is added up."""
    if not re.search(_PUBLISHING, said):
        return True
    return not any(received_not_published(f) for f in facts)


def received_not_published(fact: Fact) -> bool:
    """A figure of the text counting what a body received or answered (办结委网站网民留言857条), not what it
    published."""
    # 依申请公开 names a request, nothing published; 回应信息 a kind of information put out (主动回应信息21条)
    label = _PUBLISHED_KIND.sub("", _REQUEST_NAMES.sub("", fact.label))
    # (a label cut to the list it counts, "…、信件办理等政府信息", keeps its verb in its clause: 主动公开…等…共104条)
    clause = _REQUEST_NAMES.sub("", own_clause(fact))
    return fact.kind == "prose" and re.search(_RECEIVING, label) is not None \
        and re.search(_PUBLISHING, label) is None and re.search(_PUBLISHING, clause) is None \
        and _RESULTS.search(label) is None


def handed_over_not_published(fact: Fact) -> bool:
    """"向市档案馆移交政府信息纸质和电子文本146份": texts handed to the archives or filed, not published."""
    clause = own_clause(fact)
    return fact.kind == "prose" and _HANDED_OVER.search(clause) is not None \
        and re.search(_PUBLISHING, clause) is None


_HANDED_OVER = re.compile(r"移交|送交|移送|归档|存档|备案")
_REQUEST_NAMES = re.compile(r"依申请公开|(?:政府)?信息公开申请|公开申请")
_PUBLISHED_KIND = re.compile(r"(?:回应|答复)类?信息")


def asks_what_was_published(q: Question, topic: str) -> bool:
    """"政务网发布的信息多少条", "…disclose on the portal": what a body published, never what it received
    (通过政务网收到依申请公开信息1条)."""
    if q.lang == "en":
        return PUBLISHED_EN.search(q.text) is not None and _RECEIVED_EN.search(q.text) is None
    said = _REQUEST_NAMES.sub("", topic)
    return re.search(_PUBLISHING, said) is not None and re.search(_RECEIVING, said) is None and "申请" not in said


PUBLISHED_EN = re.compile(r"\b(?:publish(?:ed|es|ing)?|post(?:ed|s|ing)?|release[ds]?|releasing|disclose[ds]?"
                          r"|disclosing|put out)\b", re.IGNORECASE)
_RECEIVED_EN = re.compile(r"\b(?:receiv\w*|requests?|applications?|handl\w*|answer\w*|repl\w*|enquir\w*|inquir\w*"
                          r"|messages?|complaints?|appeals?|lawsuits?|cases?)\b", re.IGNORECASE)


# the outcome of handling something, itself published (省政协委员提案办理结果, 答复情况, 提案答复件)
_RESULTS = re.compile(r"(?:办理|答复|办结)(?:结果|情况|件|函|文件)")

# what a body receives or answers, never what it publishes
_RECEIVING = r"(?:收到|受理|接收|回应|答复|办结|办理|留言|咨询|来信|来电)"
ITEM_COVER = 0.8  # share of an item's character pairs a label must hold to name it


def names_item(label: str, item: str) -> bool:
    """A figure's label names a listed item by its words (its character pairs, 的 aside)."""
    wanted = bigrams(item.replace("的", ""))
    return bool(wanted) and len(wanted & bigrams(label.replace("的", ""))) >= ITEM_COVER * len(wanted)


def _one_name(label: str, topic: str, first: str, second: str) -> bool:
    """Two listed items that are one name the figure's label spells out as the question writes it ("行政公文和政策
    解读信息" in 发布行政公文和政策解读信息)."""
    joined = re.search(re.escape(first) + rf"\s*{_JOINER}\s*" + re.escape(second), topic)
    if joined is None:
        return False
    # "公告栏、宣传栏" is the label's "公告栏及宣传栏": the words joined, whichever word joins them
    said, label = (_JOINING.sub("、", t.replace("的", "")) for t in (joined.group(0), label))
    return said in label


_JOINING = re.compile(rf"\s*{_JOINER}\s*")


_GLOSS = re.compile(r"[（(]\s*([^()（）]*[\u4e00-\u9fff][^()（）]*?)\s*[)）]")


VERBS_OF_ANY_COUNT = ("received", "applications")  # concepts any count of requests names


def english_listed_concepts(q: Question) -> list[Concept]:
    """The things the lexicon knows that an English question lists ("A and B"), in its order; [] when it lists none
    (two names of one thing are one)."""
    # (the verb or noun of any count, "requests … submitted", is no thing of the list: by post or in person)
    specific = [c for c in q.concepts if not c.generic and any(not p.isascii() for p in c.phrases)
                and c.id not in VERBS_OF_ANY_COUNT]
    if q.lang != "en" or len(specific) < 2:
        return []
    return specific if english_lists_several(q.text, phrases_of_things(specific)) else []


def english_glosses(q: Question, text: str, names: tuple[str, ...] = ()) -> list[str]:
    """The Chinese an English question gives in brackets for the things it lists ("work news (工作动态) and public
    notices (公示公告)"): the reports' own words for them. An agency's name in brackets (``names``) is no item."""
    if q.lang != "en":
        return []
    return [g for g in _GLOSS.findall(text) if not any(n in g for n in names if len(n) >= 2)]


def glossed_figure(q: Question, topic: str, facts: list[Fact], reports: dict[str, Report]) -> Answer | None:
    """An English question that names its one thing in the reports' words, in brackets ("original articles
    (原创类信息)"): the figure of the text whose label names it, in a unit the question allows. Table rows are the
    lexicon's: this reads the text's own figures only."""
    glosses = english_glosses(q, topic)
    if len(glosses) != 1:
        return None
    named = [f for f in facts if f.kind == "prose" and names_item(f.label, glosses[0]) and unit_fits(q.text, f.unit)]
    fact = _item_fact(glosses[0], named, [])  # a remainder only when the gloss names the rest (其他…)
    if fact is None:
        return None
    text = say_read_from_text(reports.get(fact.report_id), q.lang, fact, quoted_section=True)
    return Answer(q.text, found=True, text=text, value=fact.value, unit=fact.unit, facts=[fact],
                  notes=["read from the text"], intent="lookup")


def sum_of_items(q: Question, topic: str, facts: list[Fact], reports: dict[str, Report],
                 by_meaning: ItemFinder | None = None) -> Answer | None:
    """"A、B和C一共多少": each item's figure found by its words, added up when they share a unit. An English question
    that glosses two or more of its items in Chinese is added up over those."""
    glosses = english_glosses(q, topic)
    items = glosses if len(glosses) >= 2 else sum_items(topic)
    words = [[i] for i in items]
    if len(items) < 2 and len(listed := english_listed_concepts(q)) >= 2:
        # "policy interpretations and normative documents taken together": each thing by the reports' words for it
        words = [[p for p in c.phrases if not p.isascii()] for c in listed]
        items = [w[0] for w in words]
    if len(items) < 2:
        return None
    if not glosses and any(f.value is not None and written_together(f.label, items) for f in facts):
        return None  # "在网站和微信平台共公布信息": the report states the total under a label naming every item
    # an applicant type asked narrows the sum ("企业的当面和网上申请"), unless its word is an item's own ("其他类")
    narrowing = [c for c in _narrow_columns(q)
                 if not any(p in item for item in items for p in (c.id, *c.phrases) if not p.isascii())]
    facts = [f for f in facts if unit_fits(q.text, f.unit)]  # "合计多少条": no 每季度更新1次 is an item's figure
    exact = preferred_units(q.text)
    # "…推送信息合计多少条": the items' figures in the unit asked by name (推送…信息448条, not 推送解读信息41篇), when
    # every item has one
    in_exact = [f for f in facts if counted_in(f.unit) in exact] if exact else []
    used = (_items_found(items, words, topic, in_exact, None) if in_exact else None) \
        or _items_found(items, words, topic, facts, by_meaning)
    if used is None:
        return None
    if not glosses and not published_as_said(said_of_every_item(topic), used):
        return None
    if any(not all(_in_column(f, c) for f in used) for c in narrowing):
        return None  # the figures found are not the asked applicant's, or not running totals (累计) as asked
    if len(used) < 2 or not _same_unit(used) or len({f.report_id for f in used}) != 1:
        return None
    total = sum_values([f.value for f in used if f.value is not None])
    unit = used[0].unit
    text = say_sum_read_from_text(reports.get(used[0].report_id), q.lang, used, total, unit)
    return Answer(q.text, found=True, text=text, value=total, unit=unit, facts=used, intent="sum",
                  notes=["read from the text"])


def _items_found(items: list[str], words: list[list[str]], topic: str, facts: list[Fact],
                 by_meaning: ItemFinder | None) -> list[Fact] | None:
    """Each listed item's figure among the facts, found by its words (or by meaning), a different one each."""
    used: list[Fact] = []
    context = listed_in_brackets_of(topic)
    for k, item in enumerate(items):
        if used and k and _one_name(used[-1].label, topic, items[k - 1], item):
            continue  # "行政公文和政策解读信息与重点工作信息": the figure found is named by both items, one thing
        fact = next((f for w in words[k] if (f := _item_fact(w, facts, used, context)) is not None), None) \
            or _find_item(item, facts, used, by_meaning)
        if fact is None:
            return None
        used.append(fact)
    return used


def difference_of_items(q: Question, facts_by_year: dict[int | None, list[Fact]], reports: dict[str, Report],
                        names: tuple[str, ...] = (), by_meaning: ItemFinder | None = None) -> Answer | None:
    """"A比B多多少" (two things in one report) or "2016年的A比2015年多多少" (one thing in two years' reports)."""
    text = q.text
    for name in sorted(names, key=len, reverse=True):  # the agency scopes the question; it is not an item's word
        text = text.replace(name, "")
    if m := _DIFF.match(text):
        a_text, b_text = m.group("a"), m.group("b")
    elif len(glosses := english_glosses(q, text, names)) == 2:  # "how many more A (甲) than B (乙)"
        a_text, b_text = glosses
    elif (words := english_compared_words(q)) is not None:  # "more items on WeChat than on Weibo"
        return _difference_of_words(q, words, facts_by_year, reports)
    else:
        return None
    years = [int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", q.text)]
    if _YEAR_ONLY.match(b_text) and len(years) >= 2:
        item = _FILLER.sub("", a_text)
        a = _find_item(item, facts_by_year.get(years[0], []), [], by_meaning)
        b = _find_item(item, facts_by_year.get(years[1], []), [], by_meaning)
    else:
        pool = [f for fs in facts_by_year.values() for f in fs]
        a = _find_item(_FILLER.sub("", a_text), pool, [], by_meaning)
        same_report = [f for f in pool if a is None or f.report_id == a.report_id]
        b = _find_item(_FILLER.sub("", b_text), same_report, [a] if a else [], by_meaning)
    if a is None or b is None or a.value is None or b.value is None or a.unit != b.unit or a is b:
        return None
    diff = cast(Number, a.value - b.value)  # int − int stays int, a Decimal stays Decimal
    value = cast(Number, abs(diff))
    names = (_named(a), _named(b))
    if a.report_id != b.report_id and a.year and b.year:  # each year's own report: say whose figure is whose
        names = (f"{a.year}年{names[0]}", f"{b.year}年{names[1]}") if q.lang == "zh" else \
            (f"{a.year}: {names[0]}", f"{b.year}: {names[1]}")
    text = say_difference_read_from_text(reports.get(a.report_id), q.lang, a, b, value, diff, names)
    return Answer(q.text, found=True, text=text, value=value, unit=a.unit, facts=[a, b], intent="difference",
                  notes=["read from the text"])



COMMON_LABEL_SHARE = 0.25
_MORE_THAN_EN = re.compile(r"\bhow many (?:more|fewer|less)\b(?P<a>.+?)\bthan\b(?P<b>.+?)(?:\b(?:in|during|for) "
                           r"(?:19|20)\d{2}\b|[?.]|$)", re.IGNORECASE)

# "by how many items did the bureau's WeChat posts exceed its website disclosures in 2024?"
_EXCEEDED_EN = re.compile(r"\bby how (?:many|much)\b(?P<a>.+?)\bexceed(?:ed|s)?\b(?P<b>.+?)(?:\b(?:in|during|for) "
                          r"(?:19|20)\d{2}\b|[?.]|$)", re.IGNORECASE)


_MEASURE_ANYWHERE_EN = re.compile(r"\b(?:items?|posts?|pieces(?: of (?:government )?information)?|articles?)\b", re.I)
_AUXILIARY_EN = re.compile(r"\b(?:did|do|does|were|was|are|is|has|have|had)\b", re.I)


def english_compared_words(q: Question) -> tuple[list[str], list[str]] | None:
    """The reports' words (the glossary's) for the two things an English question sets apart ("how many more items
    did the county publish on WeChat than on Weibo": 微信 / 微博), an agency's own name aside; None unless each side
    has words of its own."""
    if q.lang != "en" or not (m := _MORE_THAN_EN.search(q.text) or _EXCEEDED_EN.search(q.text)):
        return None
    # the measure counted ("items") is neither side's: 信息 names both figures
    a, b = (ENGLISH_BODY.sub(" ", _MEASURE_ANYWHERE_EN.sub(" ", m.group(side))) for side in ("a", "b"))
    # "… than Party affairs items did the town publish on the platform": what follows the verb is both sides'
    b = _AUXILIARY_EN.split(b)[0]
    a_words, b_words = glossary_terms(a), glossary_terms(b)
    a_words = [w for w in a_words if w not in b_words]
    b_words = [w for w in b_words if w not in a_words]
    return (a_words, b_words) if a_words and b_words else None


def _difference_of_words(q: Question, words: tuple[list[str], list[str]],
                         facts_by_year: dict[int | None, list[Fact]], reports: dict[str, Report]) -> Answer | None:
    """Two figures of one report, each the only one whose label names its side's words."""
    if len(facts_by_year) != 1:
        return None
    pool = [f for fs in facts_by_year.values() for f in fs if f.kind == "prose" and f.value is not None]
    # a word many of the report's figures are labelled with (信息 of "items") tells neither side apart
    common = {w for side in words for w in side
              if sum(1 for f in pool if w in f.label) > max(2, COMMON_LABEL_SHARE * len(pool))}
    words = ([w for w in words[0] if w not in common], [w for w in words[1] if w not in common])
    if not words[0] or not words[1]:
        return None
    found = []
    for side, other in (words, words[::-1]):
        scored = [(sum(w in f.label for w in side), f) for f in pool
                  if not any(w in f.label for w in other) and unit_fits(q.text, f.unit)]
        top = max((n for n, _ in scored), default=0)
        named = [f for n, f in scored if n == top and n > 0]
        if len({(f.value, f.unit) for f in named}) != 1:
            return None  # none, or several figures naming as much: which one is meant is unclear
        found.append(named[0])
    a, b = found
    if a.unit != b.unit:
        return None
    diff = cast(Number, a.value - b.value)  # type: ignore[operator]  # the pool holds figures with values only
    value = cast(Number, abs(diff))
    text = say_difference_read_from_text(reports.get(a.report_id), q.lang, a, b, value, diff, (_named(a), _named(b)))
    return Answer(q.text, found=True, text=text, value=value, unit=a.unit, facts=[a, b], intent="difference",
                  notes=["read from the text"])


# ---------------------------------------------------------------- a figure named in the question's own words
PROSE_MARGIN = 2  # content bigrams a prose figure must name beyond the chosen one to replace it
TABLE_MARGIN = 3  # … and beyond a chosen table row, whose label words are fixed by the template


def _part_of(whole: Fact, fact: Fact) -> bool:
    """The figure is listed after 其中 (包括, …) in the sentence giving the whole: a part of it, in the same unit."""
    return fact.unit == whole.unit and listed_part_of(fact, whole)


def part_named(q: Question, part: Fact, whole: Fact) -> bool:
    """The question names what sets a listed part apart from its whole (法定 of 法定主动公开内容 under 公开信息346条):
    a specific concept asked that the part's label names and the whole's does not (尚未审结 under 行政复议案件6件), or a
    word of the part's label beyond the generic concepts asked (主动公开); a specific one it shares with the whole
    (网站 of 网站公布 under 在网站和微信平台公布信息202条) sets it apart too."""
    if any(not c.generic and text_names(part.label, c) and not text_names(whole.label, c) for c in q.concepts):
        return True
    # an English question by the glossary's words and the dictionary's for its own (statutory: 法定)
    text = q.text if q.lang == "zh" else " ".join([q.text, *glossary_terms(q.text), *_dictionary_words(q.text)])
    text = without_body_words(text, part.agency or "")  # (公安机关 names the body, not 局机关发布信息)
    # the words of a concept the whole names too (收到…申请 of 本年度共收到信息公开申请13件) set no part of it apart,
    # unless the whole is of several things listed (网站 of 网站公布194条 under 在网站和微信平台公布信息202条)
    combined = bool(_LISTS_SEVERAL.search(whole.label))
    said = "".join(p for c in q.concepts if c.generic or (text_names(whole.label, c) and not combined)
                   for p in (*c.rows, *c.phrases) if not p.isascii())
    label = bare_label(part.label)
    # the asking body's own name (昆明市 of 通过昆明市政府信息依申请公开系统收到) scopes the question, not the part
    own = _pairs(label) - PLAIN_BIGRAMS - PLAIN_JUNCTIONS - _pairs(part.agency or "")
    # a pair across 共 ("in all": 可共 of 许可共办理 and of 行政许可共有) joins two words, it is neither
    return any(g in text and g not in said and not _FILLER_CHARACTERS.intersection(g) for g in own)


_FILLER_CHARACTERS = frozenset("共的了")


_LISTS_SEVERAL = re.compile(r"[和与及、]")


@lru_cache(maxsize=1024)
def _dictionary_words(text: str) -> tuple[str, ...]:
    """The dictionary's words for an English question's own words, its bodies' names aside (the Jia City emergency
    management bureau: names and department words)."""
    departments = english_department_words()
    own = [w for w in re.findall(r"[A-Za-z][\w'-]*", text) if w[0].islower() and w.lower() not in departments]
    return tuple(sorted({w for t in english_terms(" ".join(own))[0] for w in t.chinese}))


def _pairs(text: str) -> set[str]:
    return {text[i: i + 2] for i in range(len(text) - 1)}


def _opens_the_item_named(first: Fact, named: Fact, q: Question) -> bool:
    if not listed_after_it(first, named) or has_verb(named.label):
        return False
    if q.lang == "zh":
        return bare_label(named.label) in q.text
    # an English question by the reports' own name for it (双随机、一公开), three characters or more
    return any(len(w) >= 3 and w in named.label and w not in first.label for w in glossary_terms(q.text))


# words every count of this domain uses: naming them names no part in particular
PLAIN_BIGRAMS = frozenset({"信息", "政府", "公开", "内容", "情况", "工作", "数量", "总数"})
# pairs across two of them (开政 of 公开政府信息 and of 公开政务信息) are no word at all
PLAIN_JUNCTIONS = frozenset(a[1] + b[0] for a in PLAIN_BIGRAMS for b in PLAIN_BIGRAMS)


def _of_another_measure(q: Question, fact: Fact, published: bool) -> bool:
    """"政务网发布的信息": 通过政务网收到依申请公开信息1条 is a request received; "接收的申请数": 全年接收申请数量
    同比增长30% is the change of the figure asked, not the figure."""
    return published and received_not_published(fact) or is_stated_change(fact) and not CHANGE_WORDS.search(q.text)


_WITHIN_LABEL = re.compile(r"^(?:在|从)[^，,。]{2,20}?中")  # "在主动公开的信息中…": the whole a part is counted in


def _counted_within_only(fact: Fact, wanted: set[str]) -> bool:
    """"在主动公开的信息中部门信息179条" counts 部门信息: a question naming only the whole it is counted within
    (主动公开的信息) does not ask it."""
    within = _WITHIN_LABEL.match(fact.label)
    return within is not None and not (bigrams(fact.label[within.end():]) - PLAIN_BIGRAMS) & wanted


def better_worded(q: Question, topic: str, chosen: Fact, candidates: list[Fact], reports: dict[str, Report]
                  ) -> Answer | None:
    """A prose figure of the same report that names clearly more of the question than the figure the lexicon chose
    ("人事管理方面的信息公开了多少条": 人事管理类信息178条, not 主动公开政府信息1192条), in a unit the question
    allows."""
    report = reports.get(chosen.report_id)
    # the words naming the report's own agency (庆阳市…外事办) are its scope, not what is asked: a figure labelled
    # 省政府外事办网站公开发布 does not name more of the question for them
    wanted = question_words(q, topic) - bigrams(report.agency if report else "")
    # "答复了几件依申请公开": the words of what is only ever context (依申请公开) make no figure better worded
    # (受理依申请公开…申请12件 over the replies, 答复7件)
    if any(not c.context for c in q.concepts):
        wanted -= {b for c in q.concepts if c.context for p in c.phrases if p in topic for b in bigrams(p)}
    chosen_words = bigrams(chosen.label + (chosen.column or "") + (" ".join(chosen.path) if chosen.kind == "table"
                                                                    else ""))
    base = len(chosen_words & wanted)
    margin = TABLE_MARGIN if chosen.kind == "table" else PROSE_MARGIN
    exact = preferred_units(q.text)
    remainder = remainder_words(q.text)
    published = asks_what_was_published(q, topic)
    best: tuple[int, Fact] | None = None
    for fact in candidates:
        if fact.kind != "prose" or fact is chosen or fact.value is None or fact.report_id != chosen.report_id:
            continue
        if _of_another_measure(q, fact, published):
            continue
        if is_remainder(fact.label, remainder) or _opens_the_item_named(fact, chosen, q):
            # 其他应主动公开的政府信息 is the rest of a list, never better worded for 主动公开的政府信息; the first
            # item of "网站发布动态要闻300余条,通知公告11条" only opens the item asked by its name
            continue
        if report and fact.year not in (None, report.year):
            continue
        # "公开规范性文件9621件,其中各市8167件": a part listed after 其中 is a part of what the sentence counted
        part = _part_of(chosen, fact)
        # (a part counted in another unit, 主动公开文件72件 under 主动公开政府信息311条, is a part all the same)
        if (part or listed_part_of(fact, chosen)) and not part_named(q, fact, chosen):
            continue
        if chosen.unit == fact.unit and listed_part_of(chosen, fact) and part_named(q, chosen, fact):
            continue  # the whole of a part the question names apart (解读产品41条 under 政策解读106条: "products")
        # "利用门户网站主动公开政府信息88条、规范性文件2条、政务动态类信息421条": one list, one channel for all
        context = part or listed_in_one_run(chosen, fact)
        if not unit_fits(q.text, fact.unit) or _counted_within_only(fact, wanted) \
                or not accounts_for(q, fact, fact.label + (chosen.label if context else "")):
            continue
        own = bigrams(fact.label)
        overlap = len((own | (chosen_words if context else set())) & wanted)
        if part and own and own <= wanted and overlap > base:  # a part the question names whole (各市)
            overlap = max(overlap, base + margin)
        # "主动公开的动态类信息有多少条": a figure of the same section whose whole label the question writes, where the
        # chosen one's it does not (主动公开政府信息238条 / 动态类信息134条, the next sentence)
        elif own and own <= wanted and not bigrams(chosen.label) <= wanted and overlap >= base \
                and fact.path[:-1] == chosen.path[:-1]:
            overlap = max(overlap, base + margin)
        if exact and chosen.kind == "prose" and counted_in(chosen.unit) not in exact \
                and counted_in(fact.unit) in exact:
            # "网站发布各类信息多少条": 网站共发送各类信息4409条 over 网站发布疫情防控信息507篇, the unit asked by name
            overlap += margin
        if overlap >= base + margin and overlap >= MIN_LABEL_OVERLAP and (best is None or overlap > best[0]):
            best = (overlap, fact)
    if best is None:
        return None
    fact = best[1]
    text = say_read_from_text(report, q.lang, fact, quoted_section=False)
    return Answer(q.text, found=True, text=text, value=fact.value, unit=fact.unit, facts=[fact],
                  notes=["read from the text"], intent="lookup")

"""Which facts a question is about: concepts matched against row paths and columns, best coverage first.

A fact covers a concept when one of the concept's row words is in the fact's own label (strong), in a parent label
(weak: the fact is part of that concept), or its column is one of the concept's columns. Facts that cover more of the
question's specific concepts win; generic concepts (申请, 答复) only break ties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .documents import Fact
from .lexicon import ColumnConcept, Concept, glossary_terms
from .parsing.similarity import bare_label

STRONG, WEAK = 3.0, 1.0
_HAN_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")


@dataclass
class Match:
    fact: Fact
    covered: frozenset[str]  # concept ids
    strength: float
    via_parent: str | None  # the parent label through which a concept matched weakly, if it did not match strongly
    # specific concepts the row's own label names that the question does not (回应 in 微博微信回应事件数)
    unasked: int = 0

    def rank_key(self, question: str = "") -> tuple:
        return (len(self.covered) - 2 * self.unasked, label_overlap(question, self.fact.label), self.strength)


def shared_bigrams(question: str, label: str) -> int:
    """How many of the (bare) label's character bigrams the question contains, each once: a label writing 政府信息
    twice (更新政府信息公开专栏和政府信息主动公开全清单) names it no more than one writing it once."""
    bare = bare_label(label)
    return len({bare[i : i + 2] for i in range(len(bare) - 1)} & _bigrams_of(question))


@lru_cache(maxsize=4096)
def _bigrams_of(text: str) -> frozenset[str]:
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


@lru_cache(maxsize=65536)
def sentence_overlap(question: str, sentence: str, agency: str = "") -> int:
    """How many of the question's Chinese bigrams its sentence holds, the agency's name aside: two figures under the
    same short label (办结, 点击量) are told apart by what their sentences are about (咨询投诉 or 政府信息公开申请)."""
    grams = {question[i : i + 2] for i in range(len(question) - 1)}
    return sum(1 for g in grams if _HAN_PAIR.fullmatch(g) and g in sentence and g not in agency)


@lru_cache(maxsize=65536)
def label_overlap(question: str, label: str) -> float:
    """Share of the label's character bigrams that the question contains: breaks ties between equally good rows."""
    bare = bare_label(label)
    if len(bare) < 2 or not question:
        return 0.0
    return round(shared_bigrams(question, bare) / (len(bare) - 1), 3)


def label_names(concept: Concept, label: str) -> bool:
    """The label is about the concept: a row word in the bare label (or the numbered one: （七）总计), the domain's
    own noun aside (受理政府信息依申请公开总数 is 受理依申请公开 …)."""
    bare = bare_label(label)
    plain = without_domain_noun(bare)
    return any(r in bare or r in label or r in plain for r in concept.rows) \
        and not any(x in bare for x in concept.exclude)


def without_domain_noun(label: str) -> str:
    """政府信息 is what every row of these tables counts: a row written with it names what one written without it
    names."""
    return label.replace("政府信息", "")


# the publishing verb before a list's first item, after a subject or channel ("我局在政府信息公开平台上公开机关简介、")
_VERB_OPENING = re.compile(r"^[^、，,；;]*(公开|发布)(?=[^、，,；;公发]{1,16}、)|^(公开|发布)")
# (examples of everything, "…等群众关心的信息"; "…等重点领域信息" names a kind of its own)
_EXAMPLES_END = re.compile(r"等(?:各类|各项|相关|方面的?|群众关心的|公众关心的|社会关注的)?"
                           r"(?:政府|政务)?(?:信息|内容)?$")


def heading_kind_of_verb(fact: Fact) -> str:
    """"(一)主动公开情况 … 公开局财政预算、机关简介等11条次": the section's heading says which publishing the
    sentence's bare verb is (主动公开) when the figure counts a list of examples (…等), the section's whole; with
    the words before the list ("我局在政府信息公开平台上公开"), which a label cut short may have lost."""
    clause = _clause_of(fact)
    if fact.kind != "prose" or len(fact.path) < 2 or not (verb := _VERB_OPENING.match(clause)) \
            or not _EXAMPLES_END.search(clause):
        return ""
    kind = re.search(rf"[\u4e00-\u9fa5]{{2}}{verb.group(1) or verb.group(2)}", fact.path[-2])
    return kind.group(0) if kind else ""


def words_before_examples(fact: Fact) -> str:
    """"我局在政府信息公开平台上公开" of "…公开机关简介、工作信息…等信息114条": who published them and where."""
    clause = _clause_of(fact)
    verb = _VERB_OPENING.match(clause) if fact.kind == "prose" else None
    return clause[: verb.end()] if verb and _EXAMPLES_END.search(clause) else ""


def _clause_of(fact: Fact) -> str:
    """The words of the figure's clause before it (the label itself when its sentence does not hold its raw)."""
    at = fact.source.find(fact.raw) if fact.raw else -1
    if at < 0:
        return fact.label
    return re.split(r"[，,。；;：:]", re.sub(r"^.*\d{4}\s*年度?", "", fact.source[:at]))[-1].strip()


def concept_match(concept: Concept, fact: Fact) -> tuple[float, str | None]:
    if label_names(concept, fact.label) or (fact.kind == "prose" and text_names(fact.label, concept)
                                             and _says_what_it_needs(concept, fact)):
        return STRONG, None  # a prose figure's label is free text: the ways people say it count too
    if fact.kind == "prose" and (kind := heading_kind_of_verb(fact)) and text_names(kind, concept):
        return STRONG, None  # "(一)主动公开情况 … 公开机关简介、…等信息114条": the section's whole
    if fact.column and any(c == fact.column or c in fact.column for c in concept.columns):
        return STRONG, None
    for label in reversed(fact.path[:-1]):
        if label_names(concept, label):
            return WEAK, label
    return 0.0, None


def _says_what_it_needs(concept: Concept, fact: Fact) -> bool:
    """A concept that is a kind of something (网上 of requests) names a prose figure only where its sentence speaks
    of that something: "公布网上信息1000条" is no count of online requests."""
    words = [w for w in (concept.prose_needs or concept.needs) if not w.isascii()]
    return not words or any(w in fact.label or w in fact.source for w in words)


def text_names(text: str, concept: Concept) -> bool:
    """Free text (a prose figure's label) names the concept, and not a look-alike (同意公开 inside 不同意公开)."""
    if any(x in text for x in concept.exclude):
        return False
    # (one year written several ways: 上一年度结转, 上年度结转 and 上年结转 alike)
    text = last_or_next_year_one_way(text)
    return any(p in text for p in _one_way(concept.rows)) or any(
        p in text or _split_phrase(p).search(text) for p in _one_way(concept.phrases))


_LAST_OR_NEXT_YEAR = re.compile(r"([上下])一?年度?")


def last_or_next_year_one_way(text: str) -> str:
    """上一年度, 上一年, 上年度 written 上年 (下… alike): one year named several ways."""
    return _LAST_OR_NEXT_YEAR.sub(r"\1年", text)


@lru_cache(maxsize=1024)
def _one_way(words: tuple[str, ...]) -> tuple[str, ...]:
    """A concept's Chinese words with their years written one way, once per concept (asked of every figure)."""
    return tuple(last_or_next_year_one_way(w) for w in words if not w.isascii())


@lru_cache(maxsize=4096)
def _split_phrase(phrase: str) -> re.Pattern[str]:
    """A two-word phrase with a word of no meaning of its own between its words (发布信息 in 发布各类信息, 公开信息
    in 公开相关信息), as free text writes it; a gap that names a kind (发布动态类信息) never matches."""
    if not _HAN.fullmatch(phrase):
        return _NEVER
    if phrase.endswith("申请") and len(phrase) in (3, 4):
        # "全年收政府信息公开申请464件": what a request is for (政府信息公开) between the verb and 申请
        return re.compile(re.escape(phrase[:-2]) + _REQUEST_GAP + "申请")
    if len(phrase) != 4:
        return _NEVER
    return re.compile(re.escape(phrase[:2]) + _FILLER_GAP + re.escape(phrase[2:]))


_REQUEST_GAP = r"(?:政府信息公开|政务信息公开|信息公开|政府信息|依申请公开)的?"


_FILLER_GAP = r"(?:各类|各项|各种|相关|有关|全部|所有|了|的|本年度|本年|全年|当年)"


_HAN = re.compile(r"[\u4e00-\u9fa5]+")
_NEVER = re.compile(r"(?!)")


def leaf_concepts(fact: Fact, lexicon_concepts: tuple[Concept, ...], generic: bool = False) -> set[str]:
    """The concepts a row's own label names (generic ones, such as 主动公开, only when asked for)."""
    leaf = bare_label(fact.label)
    plain = without_domain_noun(leaf)
    return {c.id for c in lexicon_concepts if (generic or not c.generic)
            and any(r in leaf or r in plain for r in c.rows) and not any(x in leaf for x in c.exclude)}


def match_facts(concepts: list[Concept], facts: list[Fact], all_concepts: tuple[Concept, ...] = ()) -> list[Match]:
    """Facts covering at least one specific concept asked (or a generic one when nothing specific is asked).

    ``all_concepts`` (the whole lexicon) lets a row that is about something else as well rank lower.
    """
    specific = [c for c in concepts if not c.generic]
    generic = [c for c in concepts if c.generic]
    asked = {c.id for c in concepts}
    matches: list[Match] = []
    for fact in facts:
        covered: set[str] = set()
        strength = 0.0
        via: str | None = None
        for concept in specific:
            s, parent = concept_match(concept, fact)
            if s:
                covered.add(concept.id)
                strength += s
                via = via or parent
        if specific and not covered:
            continue
        for concept in generic:
            s, parent = concept_match(concept, fact)
            if s:
                strength += s / 10 if specific else s
                if not specific:
                    covered.add(concept.id)
                    via = via or parent
        if covered:
            unasked = len(leaf_concepts(fact, all_concepts) - asked) if all_concepts else 0
            matches.append(Match(fact, frozenset(covered), strength, via, unasked))
    return matches


def best_matches(matches: list[Match], question: str = "") -> list[Match]:
    """All matches tied at the best rank, best first (usually one row per report and column)."""
    if not matches:
        return []
    key = max(m.rank_key(question) for m in matches)
    top = [m for m in matches if m.rank_key(question) == key]
    top = [m for m in top if not any(_total_over(m, part) for part in top)] or top
    shortest = min(len(m.fact.path) for m in top)
    return [m for m in top if len(m.fact.path) == shortest or m.via_parent]


_TOTAL_ROW = re.compile(r"总计|合计|总数")


def _total_over(total: Match, part: Match) -> bool:
    """"How many requests did … close because it did not hold the information": the total of a table's results
    (三、本年度办理结果 › 总计, for "close") and one result under it (不掌握) each cover one concept asked; the
    question asks for the part."""
    whole, row = total.fact.path, part.fact.path
    return total.covered != part.covered and total.fact.report_id == part.fact.report_id \
        and total.fact.table == part.fact.table and bool(_TOTAL_ROW.search(whole[-1])) \
        and len(row) > len(whole) and row[: len(whole) - 1] == whole[:-1]


def select_column(matches: list[Match], columns: list[ColumnConcept], question: str = ""
                  ) -> tuple[list[Match], str | None]:
    """Keep the matches in the asked column (总计 or the old format's single column by default); of a row's measure
    columns, the one the question names by its words ("对外公开的总数" → 对外公开总数量), else the headline one."""
    if columns:
        wanted = {c.id for c in columns}
        chosen = [m for m in matches if m.fact.column in wanted or (m.fact.column is None and wanted == {"总计"})]
        if chosen or not _names_a_measure_column(matches, question):
            return chosen, ",".join(sorted(wanted))
        # rows the asked column is not in (历年累计, asked by "截至2024年底", of a table 二 row), whose own measure
        # column the question names by its words (现行有效件数): that column, the time words being its "as of"
    plain = [m for m in matches if m.fact.column in (None, "总计")]
    if plain:
        return plain, None
    # a row with several measure columns (本年制发件数 / 本年废止件数 / 现行有效件数): the headline one — decisions
    # (处理决定数量) or an amount (金额) where the row has one, else the first
    first_cols: dict[tuple, str] = {}
    for m in matches:
        key = (m.fact.report_id, m.fact.path)
        column = m.fact.column or ""
        if key not in first_cols or column_rank(column, question) > column_rank(first_cols[key], question):
            first_cols[key] = column
    return [m for m in matches if first_cols[(m.fact.report_id, m.fact.path)] == (m.fact.column or "")], None


def _names_a_measure_column(matches: list[Match], question: str) -> bool:
    """Rows with measure columns only (no 总计 or single column), one of which the question names by its words."""
    return bool(matches) and all(m.fact.column not in (None, "总计") for m in matches) \
        and any(column_rank(m.fact.column or "", question)[0] for m in matches)


def _is_headline(column: str) -> bool:
    return "决定" in column or "金额" in column


def column_rank(column: str, question: str) -> tuple[int, bool]:
    """A column the question names (two or more of its bigrams; an English question by its words' Chinese, "procurement
    projects" → 采购 项目) first, then the headline one."""
    if question and not re.search(r"[\u4e00-\u9fff]{2}", question):
        question = " ".join(glossary_terms(question))
    named = shared_bigrams(question, column) if question else 0
    return (named if named >= 2 else 0, _is_headline(column))

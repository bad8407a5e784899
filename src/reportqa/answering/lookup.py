"""One figure: the best row of one report (with the rows it is made of), or the reports to choose from."""

from __future__ import annotations

from collections import defaultdict

from ..agencies import without_english_body_names
from ..chunking import format_value
from ..documents import Answer, Fact
from ..facts_match import Match, text_names
from ..lexicon import Concept
from ..parsing.prose_facts import listed_part_of
from ..parsing.similarity import bare_label
from ..questions import Question
from ..wording import (
    say_blank_total,
    say_breakdown,
    say_figure,
    say_not_reported,
    say_prose_differs,
    say_unit_of_text,
    say_which,
)
from .bare_words import DOMAIN_CHARACTERS, is_bare, jieba_words
from .context import Ask
from .extractive import preferred_units
from .facts import sum_facts
from .finder import FactFinder
from .translation import english_terms

_COUNT_UNITS = ("件", "条")  # both count requests in the older tables

MAX_WHICH = 10  # reports listed when the question fits several and names none


def answer_lookup(finder: FactFinder, ask: Ask) -> Answer | None:
    q = ask.q
    matches = finder.find(q, ask.scope, enough=MAX_WHICH + 1)  # more than a few reports: list a few and ask
    if not matches:
        return None
    per_report: dict[str, list[Match]] = defaultdict(list)
    for m in matches:
        per_report[m.fact.report_id].append(m)
    if len(per_report) > 1:
        return ask_which(finder, ask, [group[0] for group in per_report.values()])
    group = next(iter(per_report.values()))
    match = group[0]
    if rivals := _rivals_in_its_sentence(finder, ask, group):
        # the best match stands when the question names what is its own (注销 of 食品经营许可证注销); else the one rival
        # it names, else the question does not say which
        every = [match, *rivals]
        said = tuple(w for c in q.concepts if c.id in rivals[0].covered for w in (*c.phrases, *c.rows)
                     if not w.isascii())
        named = [_owner_named(q, m.fact, [r.fact for r in every if r is not m], said) for m in every]
        if not named[0]:
            if max(named) == 0 or named.count(max(named)) > 1:
                return ask_which(finder, ask, every, within_one=True)
            match = every[named.index(max(named))]
    report = finder.reports.get(match.fact.report_id)
    siblings = [m for m in group if m.via_parent and m.via_parent == match.via_parent
                and m.fact.column == match.fact.column and not finder.names_leaf(q.text, m.fact)]
    if len(siblings) > 1 and len({m.fact.path for m in siblings}) == len(siblings):
        # 行政诉讼中结果被纠正的: the rows of the group named, in the asked column, added up
        used = [m.fact for m in siblings]
        total = sum_facts(used)
        if total is not None:
            text = say_figure(report, q.lang, match.fact, total, match.fact.unit, used)
            return Answer(q.text, found=True, text=text, value=total, unit=match.fact.unit, facts=used)
    part = finder.value_of(match, q.columns, q.text)
    value, unit, used = part.value, part.unit, part.facts
    filled = finder.facts.filled_columns(match.fact) if value is None and match.fact.column == "总计" else []
    if filled and (total := sum_facts(filled)) is not None:
        # 总计 left blank beside filled columns: say so and give the filled cells and their sum
        note = say_blank_total(q.lang)
        text = say_figure(report, q.lang, match.fact, total, unit, filled) + "\n" + note
        return Answer(q.text, found=True, text=text, value=total, unit=unit, facts=filled, notes=[note])
    if value is None:
        return Answer(q.text, found=True, text=say_not_reported(report, q.lang, match.fact), value=None, unit=unit,
                      facts=used)
    notes: list[str] = []
    table_unit = unit
    asked = tuple(u for u in preferred_units(q.text) if u in _COUNT_UNITS)
    if len(used) == 1 and unit in _COUNT_UNITS and asked and unit not in asked \
            and (stated := finder.facts.prose_in_units(match.fact, value, asked)) is not None:
        # "有几件": the table counts in 条, the text says the same figure in 件 — the question's unit, both cited
        notes.append(say_unit_of_text(q.lang, stated, unit))
        unit = stated.unit
    text = say_figure(report, q.lang, match.fact, value, unit, used)
    if len(used) == 1:
        text += say_breakdown(q.lang, _children_with_values(finder, match.fact))
        if match.fact.column in (None, "总计"):
            restated = finder.facts.prose_restatements(match.fact, value, table_unit)
            notes += [say_prose_differs(p, value, table_unit) for p in restated]
    if notes:
        text += "\n" + "\n".join(notes)
    return Answer(q.text, found=True, text=text, value=value, unit=unit, facts=used, notes=notes)


def _rivals_in_its_sentence(finder: FactFinder, ask: Ask, group: list[Match]) -> list[Match]:
    """"厅机关…专职工作人员4人,…,厅属企事业单位专职人员3人": figures of one sentence that count the same asked thing
    (full-time staff) for different owners, each label with words of its own, none a part of another. The lexicon's
    words match both; which one is asked is for the question's other words to say. A narrower kind (清理废止规范性文件
    beside 规范性文件) is no rival: the plain question asks the plain kind."""
    best = group[0].fact
    if best.kind != "prose":
        return []
    # (named by the labels themselves: a heading's words, 不予公开 of 依申请公开信息和不予公开政府信息的情况, tag every
    # figure under it alike)
    shared = [c for c in ask.q.concepts if not c.generic and not c.context and text_names(best.label, c)]
    if not _ends_with_the_thing(best.label, shared):
        return []
    mine = _label_words(best.label)
    return [Match(f, frozenset(c.id for c in shared), 0.0, None) for f in finder.facts.of(best.report_id)
            if f.kind == "prose" and f.source == best.source and f.unit == best.unit and f.value != best.value
            and shared and all(text_names(f.label, c) for c in shared) and _ends_with_the_thing(f.label, shared)
            and (theirs := _label_words(f.label)) - mine and mine - theirs
            and not listed_part_of(f, best) and not listed_part_of(best, f)]


def _ends_with_the_thing(label: str, concepts: list[Concept]) -> bool:
    """The label is an owner and the asked thing (厅属企事业单位 + 专职人员): it ends with a word of the thing."""
    bare = label.removesuffix("数")
    return any(bare.endswith(w) for c in concepts for w in (*c.phrases, *c.rows) if not w.isascii())


def _label_words(label: str, said: tuple[str, ...] = ()) -> frozenset[str]:
    """A label's words that say something (not 信息公开, not 共), the asked thing's own words (``said``) aside."""
    for word in sorted(said, key=len, reverse=True):
        label = label.replace(word, " ")
    return frozenset(w for w in jieba_words(label) if len(w) >= 2 and not is_bare(w))


def _owner_named(q: Question, fact: Fact, others: list[Fact], said: tuple[str, ...] = ()) -> int:
    """How much the question names of the words that set this figure's label apart from the others' (厅属, 企事业单位
    of 厅属企事业单位专职人员 beside 厅机关信息公开专职工作人员): in Chinese written in it, in English as the
    dictionary's words for the question's words, found inside them."""
    own = _label_words(fact.label, said).difference(*(_label_words(o.label, said) for o in others))
    if q.lang == "zh":
        return sum(1 for w in own if w in q.text)
    # (the body's own name, "the department of commerce", is no owner asked: 单位 of "department")
    words = {w for t in english_terms(without_english_body_names(q.text))[0] for w in t.chinese
             if len(w) >= 2 and not is_bare(w)}
    return sum(1 for w in words if w in fact.label and any(w in o or o in w for o in own))


def _children_with_values(finder: FactFinder, fact: Fact) -> list[Fact]:
    if fact.kind != "table":
        return []
    return [f for f in finder.facts.children(fact, fact.path, fact.column) if f.value]


def ask_which(finder: FactFinder, ask: Ask, matches: list[Match], within_one: bool = False) -> Answer:
    """The figures to choose from: of several reports, or (``within_one``) of one report's sentence."""
    options = []
    facts: list[Fact] = []
    more = len(matches) > MAX_WHICH
    for m in matches[:MAX_WHICH]:
        part = finder.value_of(m, ask.q.columns)
        facts += part.facts
        shown = Fact(path=m.fact.path, column=m.fact.column, value=part.value, unit=part.unit, raw=m.fact.raw)
        options.append((finder.reports[m.fact.report_id], m.fact, format_value(shown)))
    return Answer(ask.q.text, found=False, text=say_which(ask.q.lang, options, more, within_one), facts=facts,
                  notes=["ambiguous"])


def answer_by_label(finder: FactFinder, ask: Ask) -> Answer | None:
    """No lexicon concept matched: the row whose own words the question uses (the template's wording)."""
    fact = finder.by_label(ask.q, ask.scope)
    if fact is None or fact.value is None:
        return None
    # two figures of one report under the same words ("宣城市12345…派件247件,泾县12345…派件40件", their places not
    # in the label): the words pick neither
    if any(f.label == fact.label and f.unit == fact.unit and f.value != fact.value and f.kind == fact.kind
           for f in finder.facts.of(fact.report_id)):
        return None
    if set(bare_label(fact.label)) <= DOMAIN_CHARACTERS and _nothing_asked_said(ask, fact):
        # "2022年…政府信息公开行政诉讼有多少件": a label of the domain's own words (政府信息公开24条) in a sentence
        # that names nothing the lexicon read in the question (行政诉讼)
        return None
    report = finder.reports.get(fact.report_id)
    return Answer(ask.q.text, found=True, text=say_figure(report, ask.q.lang, fact, fact.value, fact.unit, [fact]),
                  value=fact.value, unit=fact.unit, facts=[fact])


def _nothing_asked_said(ask: Ask, fact: Fact) -> bool:
    """The question names things (行政诉讼), and the figure's heading and sentence write the words of none of them."""
    things = [c for c in ask.q.concepts if not c.generic and not c.context]
    said = fact.path_text + (fact.source or "")
    return bool(things) and not any(w in said for c in things for w in (*c.phrases, *c.rows) if not w.isascii())

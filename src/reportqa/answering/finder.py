"""Which figures answer a question: candidate facts for its concepts, ranked, one best set per report.

Candidates come from the per-report concept index (``FactBase.naming``), so the work grows with the facts a question
names, not with the corpus. A report's table rows win over its prose figures; a report without tables still answers
from its prose. The value a match stands for may be a cell, a column sum (法人或其他组织) or a group sum
(（三）不予公开).
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from ..agencies import english_department_words, split_agency, without_body_words
from ..documents import Fact, Number, Report
from ..facts_match import (
    STRONG,
    Match,
    best_matches,
    column_rank,
    label_overlap,
    select_column,
    sentence_overlap,
    shared_bigrams,
)
from ..lexicon import ColumnConcept, Concept, Lexicon, glossary_terms
from ..parsing.prose_facts import has_verb, listed_after_it, listed_part_of, own_noun
from ..parsing.similarity import bare_label
from ..questions import Question
from ..scope import Scope
from .extractive import (
    PLAIN_BIGRAMS,
    as_of_a_year_only,
    asks_what_was_published,
    is_remainder,
    part_named,
    preferred_units,
    received_not_published,
    remainder_words,
    speaks_of,
    unasked_part,
)
from .facts import CHANGE_WORDS, READ_AT_ONCE, FactBase, contains_part, is_stated_change, sum_facts
from .meaning import ASKED_THING

APPLICANTS_NONE = ("总计", "历年累计")  # the columns that are no kind of applicant
# A row label must share this share of its character bigrams with the question to be the answer by its own words.
LABEL_MIN_COVERAGE = 0.75
FOUND_MEMO = 32  # questions whose per-layout findings are kept (a ranking asks one question of each report)

# what a question finds in one layout: (position in the report's facts, concepts covered, strength, via, unasked)
Found = tuple[tuple[int, frozenset[str], float, str | None, int], ...]


class Part(NamedTuple):
    """One figure of an answer: the match, the value it stands for, its unit and the facts the value comes from."""

    match: Match
    value: Number | None
    unit: str
    facts: list[Fact]


@dataclass
class FactFinder:
    facts: FactBase
    lexicon: Lexicon
    # question → layout number → what it finds there: which rows answer depends on a report's rows, never on its
    # values, so thousands of reports of a few hundred layouts are each matched once (a ranking over a year)
    _found: OrderedDict[tuple, dict[int, Found]] = field(default_factory=OrderedDict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def reports(self) -> dict[str, Report]:
        return self.facts.reports

    def _found_in_layouts(self, q: Question, concepts: list[Concept], columns: list[ColumnConcept]) -> dict[int, Found]:
        key = (q.text, q.lang, tuple(self.facts.concept_number(c) for c in concepts),
               tuple((c.id, c.sum_of) for c in columns))
        with self._lock:
            memo = self._found.get(key)
            if memo is None:
                memo = self._found[key] = {}
                while len(self._found) > FOUND_MEMO:
                    self._found.popitem(last=False)
            return memo

    def find(self, q: Question, scope: Scope, concepts: Sequence[Concept] | None = None,
             columns: Sequence[ColumnConcept] | None = None, enough: int | None = None) -> list[Match]:
        """The best matches of each report in scope, in the scope's order; with ``enough``, stop once that many
        reports have matched (a lookup that will list reports to choose from needs no more)."""
        concepts = list(q.concepts if concepts is None else concepts)
        columns = list(q.columns if columns is None else columns)
        wanted = {c.id for c in concepts if not c.generic} or {c.id for c in concepts if not c.context} \
            or {c.id for c in concepts}
        widened_concepts = tuple(c for c in concepts if self.lexicon.concept(c.id) != c)
        found_in: list[tuple[str, Found]] = []
        memo = self._found_in_layouts(q, concepts, columns)
        if len(scope.reports) > 1:  # a layout known by its stored fingerprint needs no read of the report
            self.facts.layouts_from_store(scope.reports)
        for n, report in enumerate(scope.reports):
            if n % READ_AT_ONCE == 0:  # facts not read yet are read a few hundred reports at a time, as needed
                self.facts.by_report.load(r.id for r in scope.reports[n : n + READ_AT_ONCE]
                                          if not self.facts.layout_known(r.id))
            layout = self.facts.layout_number(report.id)
            found = memo.get(layout)
            if found is None:
                found = memo[layout] = self._find_in_report(q, report, concepts, columns, wanted, widened_concepts)
            if found:
                found_in.append((report.id, found))
                if enough is not None and len(found_in) >= enough:
                    break
        # the matched cells only: of a report not read, just those
        cells = self.facts.cells({rid: [m[0] for m in found] for rid, found in found_in})
        return [Match(cells[(rid, i)], covered, strength, via, unasked)
                for rid, found in found_in for i, covered, strength, via, unasked in found]

    def _find_in_report(self, q: Question, report: Report, concepts: list[Concept], columns: list[ColumnConcept],
                        wanted: set[str], widened_concepts: tuple[Concept, ...]) -> Found:
        """The best matches of one report (none when it leaves out something asked), as positions in its facts."""
        plain_cols = [c for c in columns if not c.sum_of]
        derived = [c for c in columns if c.sum_of]
        facts = self.facts.of(report.id)
        per_kind: dict[str, list[Match]] = {}
        published = asks_what_was_published(q, q.text)
        for kind in ("table", "prose"):
            pool = [facts[i] for i in self.facts.naming_positions(report.id, wanted, kind, widened_concepts)]
            if published and kind == "prose":  # "政务网发布的信息": 通过政务网收到依申请公开信息1条 is a request
                pool = [f for f in pool if not received_not_published(f)]
            candidates = self.match(concepts, pool)
            if kind == "prose" and columns:  # "其中自然人申请49件": the applicant type is in the prose label
                named = [m for m in candidates if any(p in m.fact.label for c in columns
                                                      for p in (c.id, *c.phrases) if not p.isascii())]
                candidates = named or (candidates if as_of_a_year_only(q.text, columns) else [])
            if derived:
                candidates = [m for m in candidates if m.fact.column in derived[0].sum_of]
            per_kind[kind] = candidates
        # the best table rows, else the best prose figure: one report's exact row must not hide another's answer
        table = best_matches(per_kind["table"], q.text)
        if table and not derived:
            table, _ = select_column(table, plain_cols, q.text)
        chosen = table or self.best_prose(per_kind["prose"], q)
        if table and asks_items_of_information(q) and (prose := self.best_prose(per_kind["prose"], q)) \
                and _text_counts_the_items(q, table, prose[0]):
            chosen = prose
        if not chosen or self.leaves_out(q.text, concepts, report, chosen[0]):
            return ()
        position = {id(f): i for i, f in enumerate(facts)}
        return tuple((position[id(m.fact)], m.covered, m.strength, m.via_parent, m.unasked) for m in chosen)

    def match(self, concepts: Sequence[Concept], facts: list[Fact]) -> list[Match]:
        """``facts_match.match_facts`` over precomputed row tags: facts covering a specific concept asked (or a
        generic one when nothing specific is asked); a row naming specific concepts not asked ranks lower."""
        specific = [c.id for c in concepts if not c.generic]
        generic = [c.id for c in concepts if c.generic]
        asked = {c.id for c in concepts}
        matches: list[Match] = []
        # a concept the question widened (申请 alone for an applicant type) is matched directly, not by its tags
        widened = {c.id: c for c in concepts if self.lexicon.concept(c.id) != c}
        for fact in facts:
            tags = self.facts.tags(fact)
            found = tags.concepts if not widened else \
                {**tags.concepts, **{cid: self.facts.match_widened(c, fact) for cid, c in widened.items()}}
            covered: set[str] = set()
            strength = 0.0
            via: str | None = None
            for cid in specific:
                s, parent = found.get(cid, (0.0, None))
                if s:
                    covered.add(cid)
                    strength += s
                    via = via or parent
            if specific and not covered:
                continue
            for cid in generic:
                s, parent = found.get(cid, (0.0, None))
                if s:
                    strength += s / 10 if specific else s
                    if not specific:
                        covered.add(cid)
                        via = via or parent
            if covered:
                matches.append(Match(fact, frozenset(covered), strength, via, len(tags.leaf - asked)))
        return matches

    def leaves_out(self, question: str, concepts: Sequence[Concept], report: Report, match: Match) -> bool:
        """A specific concept of the question that the figure does not cover, when the question names it by its
        row's own words (a figure for 规章 is no answer to "废止了多少件行政规范性文件") or the report has no figure
        for it at all (访问量): everything asked must be accounted for. A concept reached only through a loose
        phrase of the question does not veto a figure that covers the rest."""
        return any(not c.generic and c.id not in match.covered
                   and (any(r in question for r in c.rows) or not self.facts.has_concept(report, c.id))
                   for c in concepts)

    def best_prose(self, matches: list[Match], q: Question) -> list[Match]:
        """The prose figure whose label spells out most of the question.

        A free-text label matched only through a synonym, sharing no word with a Chinese question (网络诉求 for
        网上申请), is not the thing asked; among the rest the label covering more of the question wins over a shorter
        one it contains (全区共主动公开政府信息 over 公开信息), then the figure whose sentence is about what is
        asked (办结 of 政府信息公开申请, not of 咨询投诉); a remainder (其他应主动公开的政府信息) is no answer unless
        the question asks for the rest too."""
        remainder = remainder_words(q.text)
        strong = [m for m in matches if m.strength >= STRONG and not is_remainder(m.fact.label, remainder)]
        if q.lang == "zh":
            strong = [m for m in strong if shared_bigrams(q.text, m.fact.label)]
        if not CHANGE_WORDS.search(q.text):  # "接收的申请数" is 2036件, not 全年接收申请数量同比增长30%
            strong = [m for m in strong if not is_stated_change(m.fact)]
        if not strong:
            return []
        strong = [self._whole_asked(m, q) for m in strong if not self._unasked_part(m, strong, q)]
        # an English question by its words' Chinese too ("county government portal" → 门户网站: 县政府门户网站,
        # not 市政府网站)
        text = q.text if q.lang == "zh" else " ".join([q.text, *glossary_terms(q.text)])
        best = max(strong, key=lambda m: (len(m.covered) - 2 * m.unasked, not self._names_an_unasked_applicant(m, q),
                                          _part_named_apart(m, strong, q),
                                          _narrows_another(m, strong),
                                          q.lang == "zh" or not _lists_unasked_kinds(m, text, strong),
                                          shared_bigrams(without_body_words(text, m.fact.agency),
                                                         without_body_words(m.fact.label, m.fact.agency)),
                                          label_overlap(text, m.fact.label),
                                          sentence_overlap(text, m.fact.source, m.fact.agency or ""),
                                          m.strength))
        return [self._later_item_named(best, q)]

    def _names_an_unasked_applicant(self, match: Match, q: Question) -> bool:
        """"公民个人提出申请62件" beside "新收63件": a figure whose label names one kind of applicant the question does
        not ask counts that kind's requests, not all of them."""
        asked = {c.id for c in q.columns}
        label = match.fact.label.replace(match.fact.agency or "", "")  # (上海海事大学官方网站: the body, no applicant)
        return match.fact.kind == "prose" and "申请" in label and any(
            p in label for c in self.lexicon.columns if c.id not in (*APPLICANTS_NONE, *asked)
            for p in c.phrases if not p.isascii())

    def _later_item_named(self, match: Match, q: Question) -> Match:
        """"网站发布动态要闻300余条,通知公告11条,…" asked "网站发布通知公告多少条": the list's first item carries the
        channel and the verb the question matched, a later item of the same list is what it names; the first is
        kept when the question names what the first counts (动态要闻)."""
        fact = match.fact
        if fact.kind != "prose":
            return match
        agency = fact.agency or ""
        if q.lang == "zh":
            text = q.text
            places, department = split_agency(agency)
            for name in (agency, department, *places):  # a body's own words are no words of the thing asked
                text = text.replace(name, "|") if len(name) >= 2 else text
        else:  # the reports' words for an English question's, the body's own aside ("education bureau": 教育)
            departments = english_department_words()
            # (the thing "how many" asks, when it says one: "update" of "did … portal update" names no 动态)
            asked = ASKED_THING.search(q.text)
            own = " ".join(w for w in re.findall(r"[A-Za-z][\w'-]*", asked.group(1) if asked else q.text)
                           if w[0].islower() and w.lower() not in departments)
            text = "|".join(w for w in glossary_terms(own) if w not in agency)
        noun = bare_label(own_noun(fact.label))
        if any(noun[i:i + 2] in text and noun[i:i + 2] not in _GENERIC_PAIRS for i in range(len(noun) - 1)):
            return match

        def named_by(label: str) -> bool:  # (in English, by a word of three characters or more: 双随机)
            return label in text if q.lang == "zh" else any(
                len(w) >= 3 and w in label and w not in fact.label for w in text.split("|"))

        named = [f for f in self.facts.of(fact.report_id)
                 if f.kind == "prose" and f.value is not None and listed_after_it(fact, f)
                 and len(label := bare_label(f.label)) >= 2 and named_by(label) and label not in fact.label
                 and (not has_verb(f.label) or q.lang == "zh" and len(label) >= 4)]  # (转发转载指令, named whole)
        if len(named) != 1:
            return match
        return replace(match, fact=named[0])

    def _whole_asked(self, match: Match, q: Question) -> Match:
        """A part counted out under a whole its label does not match ("全镇政府信息公开566条,一是…公开政务信息38条"),
        asked by nothing that sets the part apart: the whole is what is asked, when its own label speaks of the
        thing the part matched (公开 of 全镇政府信息公开; 共制发政府信息316条, made, not all disclosed, does not)."""
        concepts = [c for c in q.concepts if c.id in match.covered]
        if match.fact.kind != "prose" or not concepts:
            return match
        siblings = [f for f in self.facts.of(match.fact.report_id)
                    if f.kind == "prose" and f.source == match.fact.source and f is not match.fact]
        fact, seen = match.fact, {id(match.fact)}
        while whole := next((w for w in siblings if id(w) not in seen and unasked_part(q, fact, w)
                             and all(speaks_of(w.label, c) for c in concepts)), None):
            fact = whole
            seen.add(id(whole))
        return match if fact is match.fact else replace(match, fact=fact)

    @staticmethod
    def _unasked_part(match: Match, others: list[Match], q: Question) -> bool:
        """A figure listed as a part of another candidate ("通过网站公开信息346条，内容包括…法定主动公开内容36条") is no
        answer for the whole's concept unless the question names what sets the part apart (法定)."""
        return any(unasked_part(q, match.fact, o.fact) for o in others)

    def single(self, q: Question, scope: Scope, concepts: Sequence[Concept],
               columns: Sequence[ColumnConcept] | None = None) -> Part | None:
        """The one figure of one report that the concepts name, or None when there is none or several reports."""
        matches = self.find(q, scope, concepts=concepts, columns=columns)
        if not matches or len({m.fact.report_id for m in matches}) > 1:
            return None
        return self.value_of(matches[0], q.columns if columns is None else columns)

    def each_report(self, q: Question, reports: list[Report], concepts: Sequence[Concept]) -> dict[str, Part]:
        """``single`` of each report on its own (report id → its figure; a report without one is left out), found in
        one pass: a ranking or a sum over thousands of reports."""
        first: dict[str, Match] = {}
        for m in self.find(q, Scope(reports), concepts=concepts):
            first.setdefault(m.fact.report_id, m)
        # the other cells each figure is made of (a parent row, the rows under it), read in one go
        wanted: dict[str, list[int]] = {}
        for m in first.values():
            wanted.setdefault(m.fact.report_id, []).extend(self._cells_behind(m, q.columns))
        self.facts.cells({rid: positions for rid, positions in wanted.items() if positions})
        return {rid: self.value_of(m, q.columns) for rid, m in first.items()}

    def distinct_parts(self, q: Question, scope: Scope, kind: str = "table") -> list[Part]:
        """One row per concept of a sum or difference, in the order asked; rows that contain another are dropped.
        ``kind``: the table's rows, or ("prose") the figures of the text a report with no table names them by.

        Each concept takes the best row among those covering it, ranked by how much of the whole question the row
        covers, so 行政复议 in "行政复议和行政诉讼中被依法纠错的" takes 行政复议 › 被依法纠错数, not 行政复议数量.
        """
        concepts = [c for c in q.concepts if not c.generic]
        asked = list(q.concepts)
        if len(concepts) + len(q.columns) < 2:  # 主动公开总数比政府网站的多多少: the generic concept is a side too
            concepts = asked = [replace(c, generic=False) for c in q.concepts]
        if len(q.columns) >= 2:
            parts = []
            for col in q.columns:
                got = self.single(q, scope, q.concepts, [col])
                if got is None:
                    return []
                parts.append(got)
            return parts
        wanted = {c.id for c in asked if not c.generic} or {c.id for c in asked}
        widened = any(self.lexicon.concept(c.id) != c for c in asked)
        if widened:
            return self._distinct_rows(q, concepts, asked, self.facts.scoped(scope.reports))
        return self._distinct_rows(q, concepts, asked, self.facts.naming(scope.reports, wanted, kind),
                                   one_each=kind == "prose")

    def _distinct_rows(self, q: Question, concepts: list[Concept], asked: list[Concept], pool: list[Fact],
                       one_each: bool = False) -> list[Part]:
        """``one_each`` (figures of the text): the parts one sentence gives together (收…申请464件,结转上年度…3件)
        over figures of other sentences that name a concept as well (全区…受理申请961件); with no such sentence, a
        concept two figures answer equally well gives no part."""
        all_matches = self.match(asked, pool)
        if one_each:
            shared = [m.fact.source for m in all_matches
                      if all(any(c.id in o.covered and o.fact.source == m.fact.source for o in all_matches)
                             for c in concepts)]
            if shared:
                all_matches = [m for m in all_matches if m.fact.source == shared[0]]
        plain_cols = [c for c in q.columns if not c.sum_of]
        chosen: list[Match] = []
        for concept in concepts:
            covering = [m for m in all_matches if concept.id in m.covered]
            if plain_cols:
                covering, _ = select_column(covering, plain_cols)
            if not covering:
                return []
            # rank first (现行有效的规章: the row's 现行有效件数 cell covers both words), then the default column
            best, _ = select_column(best_matches(covering, q.text), plain_cols, q.text)
            if one_each and len({m.fact.value for m in best}) > 1 and len({m.fact.report_id for m in best}) == 1:
                # "how many more Weibo posts than WeChat posts": 政务微博主动发布信息141条 over 解决微博投诉问题16件,
                # the one counted as the other things asked are (条), then the one whose label says more of the question
                others = {m.fact.unit for m in all_matches if concept.id not in m.covered}
                best = [m for m in best if m.fact.unit in others] or best
                best = self.best_prose(best, q) or best if len({m.fact.value for m in best}) > 1 else best
            if not best or len({m.fact.report_id for m in best}) > 1 \
                    or one_each and len({m.fact.value for m in best}) > 1:
                return []
            if best[0].fact not in [m.fact for m in chosen]:
                chosen.append(best[0])
        chosen = [m for m in chosen if not any(o is not m and contains_part(m.fact, o.fact) for o in chosen)]
        return [self.value_of(m, q.columns) for m in chosen]

    @staticmethod
    def names_leaf(question: str, fact: Fact) -> bool:
        """"其他处理里面归到“其他”的": the question names the row itself, not just its group (whose own name, 其他处理,
        is taken out first)."""
        if not question:
            return False
        leaf = bare_label(fact.label)
        for parent in fact.path[:-1]:
            question = question.replace(bare_label(parent), " ")
        return len(leaf) >= 2 and leaf in question

    def _parent_asked(self, match: Match, question: str) -> tuple[str, ...] | None:
        """The path of the parent row a weak match stands for (its figure: that row, or the rows under it)."""
        fact = match.fact
        if match.via_parent and match.strength < STRONG and not self.names_leaf(question, fact):
            return fact.path[: list(fact.path).index(match.via_parent) + 1]
        return None

    def _cells_behind(self, match: Match, columns: Sequence[ColumnConcept], question: str = "") -> list[int]:
        """Where the cells ``value_of`` reads besides the match's own stand in its report."""
        fact = match.fact
        if any(c.sum_of for c in columns):
            return self.facts.row_positions(fact)
        prefix = self._parent_asked(match, question)
        if prefix is None:
            return []
        parent = self.facts.cell_position(fact.report_id, fact.table, prefix, fact.column)
        return [parent] if parent is not None else list(self.facts.children_positions(fact, prefix, fact.column))

    def value_of(self, match: Match, columns: Sequence[ColumnConcept], question: str = "") -> Part:
        fact = match.fact
        derived_cols = [c for c in columns if c.sum_of]
        if derived_cols:
            parts = [f for f in self.facts.row_cells(fact) if f.column in derived_cols[0].sum_of]
            return Part(match, sum_facts(parts), fact.unit, parts)
        prefix = self._parent_asked(match, question)
        if prefix is not None:
            parent = self.facts.cell(fact.report_id, fact.table, prefix, fact.column)
            if parent is not None:
                return Part(match, parent.value, parent.unit, [parent])
            parts = self.facts.children(fact, prefix, fact.column)
            return Part(match, sum_facts(parts), fact.unit, parts)
        return Part(match, fact.value, fact.unit, [fact])

    def _more_of_the_question(self, text: str, chosen: Fact, scope: Scope) -> Fact:
        """A figure of the same report whose label spells every word of the chosen one the question uses and more
        of them (本年新增关注用户 over 总关注用户 for 新增了多少关注用户): the chosen one left a word out."""
        report = self.reports.get(chosen.report_id)
        agency = report.agency if report else ""
        for name in (agency, *split_agency(agency)[0]):  # the agency's own name is no word of the thing asked
            text = text.replace(name, "|") if len(name) >= 2 else text  # (市农 of 金华市农业局)

        def used(label: str) -> set[str]:
            bare = bare_label(label)
            return {bare[i : i + 2] for i in range(len(bare) - 1) if bare[i : i + 2] in text}

        words = used(chosen.label)
        best, best_words = chosen, words
        remainder = remainder_words(text)
        mine = [report] if report else []  # the chosen figure came from the scope: its own report only
        for fact in self.facts.scoped(mine) + self.facts.scoped(mine, "prose"):
            if fact.report_id != chosen.report_id or fact.value is None or fact.unit != chosen.unit \
                    or is_remainder(fact.label, remainder):
                continue
            if (more := used(fact.label)) > words and len(more) > len(best_words):
                best, best_words = fact, more
        return best

    def by_label(self, q: Question, scope: Scope) -> Fact | None:
        """No lexicon concept matched: the row or prose figure whose own label the question spells out."""
        best: tuple[float, Fact] | None = None
        for fact in self.facts.scoped(scope.reports) + self.facts.scoped(scope.reports, "prose"):
            label = bare_label(fact.label)
            if len(label) < 3 or fact.value is None:
                continue
            covered = shared_bigrams(q.text, label) / (len(label) - 1)
            score = covered - (0.05 if fact.kind == "prose" else 0)
            if covered >= LABEL_MIN_COVERAGE and (best is None or score > best[0] or score == best[0] and (
                    best[1].path, best[1].report_id) == (fact.path, fact.report_id)
                    and column_rank(fact.column or "", q.text) > column_rank(best[1].column or "", q.text)
                    or score == best[0] and fact.kind == best[1].kind == "prose"
                    and _about_more_of(q.text, fact, best[1])):
                # of one row's measure columns, the one the question names (现行有效件数); of two sentences'
                # 发布信息, the one about what the question names (微信公众号, not 政府网站)
                best = (score, fact)
        if best is None:
            return None
        fact = self._more_of_the_question(q.text, best[1], scope)
        label = bare_label(fact.label)
        if len({f.report_id for f in self.facts.scoped(scope.reports) if bare_label(f.label) == label}) > 1:
            return None
        return fact


_GENERIC_PAIRS = PLAIN_BIGRAMS | {"各类", "相关"}


def _about_more_of(question: str, fact: Fact, other: Fact) -> bool:
    """The prose figure's sentence holds more of the question's words than the other's does."""
    return (sentence_overlap(question, fact.source, fact.agency or "")
            > sentence_overlap(question, other.source, other.agency or ""))


PROSE_WORDS_AHEAD = 2  # character pairs of the question a prose label must name beyond a table row's to replace it


def asks_items_of_information(q: Question) -> bool:
    """A count of items (多少条, "how many items"), not of requests (件, "requests")."""
    units = preferred_units(q.text)
    return bool(units) and units[0] == "条" and "件" not in units


def _text_counts_the_items(q: Question, rows: list[Match], prose: Match) -> bool:
    """Items of information, counted in 条, are the text's: "不予公开多少条" where the table counts refused requests
    (不予公开答复数 0) and the text the information withheld (不予公开41条); "制发政府信息多少条" where a row's
    column (规范性文件: 本年制发件数 0件) is all the lexicon reads and the text's label is the question's
    (共制发政府信息313条)."""
    row = rows[0].fact
    if prose.fact.unit != "条" or prose.covered < rows[0].covered:
        return False
    if all(counts_requests(m.fact) for m in rows) and "申请" not in prose.fact.label:
        return True
    return row.unit != "条" and (shared_bigrams(q.text, prose.fact.label)
                                >= shared_bigrams(q.text, row.path_text) + PROSE_WORDS_AHEAD)


def counts_requests(fact: Fact) -> bool:
    """A row of the request tables: requests received, or replies given (答复), by outcome."""
    return "申请" in fact.table or any("答复" in p or "办理结果" in p or "申请" in p for p in fact.path)


def _part_named_apart(match: Match, others: list[Match], q: Question) -> bool:
    """"How many of the policy interpretations were interpretation products": a part listed under another match
    (更新发布政策解读106条,其中…解读产品41条) that the question names by what sets it apart (products: 产品)."""
    return any(o is not match and match.fact.unit == o.fact.unit and match.fact.label != o.fact.label
               and listed_part_of(match.fact, o.fact) and part_named(q, match.fact, o.fact) for o in others)


_KINDS_LISTED = re.compile(r"([\u4e00-\u9fa5]{2,12}(?:、[\u4e00-\u9fa5]{2,12})+)等")


def _lists_unasked_kinds(match: Match, text: str, others: list[Match]) -> bool:
    """"全年通过网站公开项目建设、河湖长制工作、水资源保护等领域信息60余条": a label listing kinds an English question
    names none of counts those kinds, beside a figure of the channel as a whole (通过网站公开145条). (A Chinese
    question may name the kinds by their field, 民生领域, in words of its own.) With no figure of that channel beside
    it ("通过宿迁档案网站发布工作动态、通知公告等信息175条" and one of 政府信息公开栏目), the list is the channel's
    whole, its kinds examples."""
    label = match.fact.label
    m = _KINDS_LISTED.search(label)
    if m is None:
        return False
    kinds = [re.sub(r"^.*?(?:公开|发布|公布)", "", k) for k in m.group(1).split("、")]
    if any(k[i:i + 2] in text and k[i:i + 2] not in PLAIN_BIGRAMS for k in kinds for i in range(len(k) - 1)):
        return False
    through = _CHANNEL_OF_LIST.match(label[: m.start()] + m.group(1).split("、")[0])
    channel = through.group(1) if through else ""
    return not channel or any(channel in o.fact.label for o in others if o.fact is not match.fact)


# the channel a list of kinds is published through: "通过宿迁档案网站发布…" → 宿迁档案网站
_CHANNEL_OF_LIST = re.compile(r"^(?:.*?(?:通过|在|经由|于))?([\u4e00-\u9fa5]{2,12}?)(?:上|中)?(?:主动)?"
                              r"(?:公开|发布|公布)")


def _narrows_another(match: Match, others: list[Match]) -> bool:
    """"因不服答复引起行政复议3件,1件结果维持,2件结果纠正" and "corrected reconsiderations": a figure after another of
    its sentence, in its unit, covering another thing asked, breaks that one down — it answers both."""
    at = match.fact.source.find(match.fact.raw)
    return at > 0 and any(
        o.fact.source == match.fact.source and o.fact.unit == match.fact.unit and o.covered != match.covered
        and 0 <= o.fact.source.find(o.fact.raw) < at for o in others)



"""Question → ``Answer``: facts first (exact figures with their row path), passages second, abstention otherwise.

The order is one explicit chain of steps (``Answerer.steps``): each step either answers or passes, and an answer whose
unit the question rules out (a count for "what share", 次 for "how many people") passes too. Derived answers (sums,
differences, shares) show their arithmetic; when several reports could answer and the question does not say which,
the answer lists them and asks instead of silently picking one.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import cast

import numpy as np

from ..agencies import (
    agency_aliases,
    bare_place,
    department_mentions_of,
    place_readings,
    reading_of,
    split_agency,
    without_english_body_names,
    words_naming_joined_places,
)
from ..documents import APPLICANT_COLUMNS, Answer, Fact, Hit, Number, Report
from ..embedding import VectorMemo
from ..lexicon import Concept, Lexicon, glossary_entries, glossary_phrases, load_lexicon, platform_names
from ..parsing.prose_facts import (
    REPORT_PARTS_LABEL,
    ROUGH_FIGURE,
    figure_position,
    listed_part_of,
    own_clause,
    text_before,
)
from ..parsing.similarity import bare_label
from ..questions import (
    Intent,
    Question,
    contains_phrase,
    english_lists_several,
    find_mentions,
    lists_items_to_add,
    parse_question,
    phrases_of_things,
    publishes_bare_items,
)
from ..retrieval import Filters, Retriever
from ..scope import Scope, indexed_agencies, indexed_summary, resolve_scope
from ..wording import (
    say_range,
    say_read_from_text,
    say_sum,
    with_rough_inputs_said,
    with_roughness_as_printed,
    with_unit_as_printed,
)
from .apart import (
    ASKS_MULTIPLE,
    alone,
    combine_reports_named_apart,
    growth_of_years_named_apart,
    named_apart,
    ratio_of_reports_named_apart,
)
from .bare_words import DOMAIN_CHARACTERS, is_bare, jieba_words
from .complement import (
    LEAVING_OUT_EN,
    Complement,
    complement_of,
    figures_within,
    parts_taken_out,
    stated_whole,
    what_is_left,
)
from .context import Ask, Retrieval
from .difference import RUNNING_TOTALS
from .extractive import (
    PLAIN_BIGRAMS,
    VERBS_OF_ANY_COUNT,
    ItemFinder,
    another_item_named,
    asks_about_requests,
    asks_what_was_published,
    better_worded,
    bigrams,
    chinese_words,
    counted_in,
    english_glosses,
    english_listed_concepts,
    figure_from_passages,
    glossed_figure,
    handed_over_not_published,
    implied_units,
    names_columns,
    names_item,
    names_specific_words,
    names_the_generic_thing,
    preferred_units,
    published_as_said,
    range_end_not_asked,
    received_not_published,
    said_of_every_item,
    says_gong,
    specific_words,
    sum_items,
    unasked_part,
    unasked_part_in_text,
    unit_fits,
    word_narrowing,
    written_together,
)
from .facts import FactBase, sum_values
from .finder import APPLICANTS_NONE, FactFinder, counts_requests
from .items import (
    ADDED_UP,
    EVERY_KIND_ADDED,
    combine_items,
    english_sum_items,
    every_kind_listed_added_up,
    kinds_counted,
    lists_before_how_many,
    share_of_listed_whole,
)
from .lookup import answer_by_label, answer_lookup
from .meaning import (
    ASKED_THING,
    BARE_MEASURE,
    LABEL_MEMO,
    asked_phrase,
    figure_by_meaning,
    partitive_predicate,
)
from .overall import everything_published
from .prose import PROSE_MIN_SCORE, abstain, answer_from_passages
from .qualifiers import demote_unqualified
from .ranker import Candidate, FigureRanker, by_figure
from .registry import HANDLERS
from .running_totals import said_as_running_total
from .share import (
    ASKS_A_CHANGE,
    SAID_OF_EVERYTHING,
    SHARE_OF,
    STATED_SHARE_WORDS,
    answer_growth,
    asks_computed,
    asks_growth,
    computed_share_of_a_partition,
    computed_share_of_part,
    figure_naming_part,
    rate_of_another_measure,
    share_answer,
    share_phrases,
    stated_share_of_part,
)
from .sum import answer_sum, reports_across
from .translation import brand_names, curated_words, english_terms, figure_by_translation, is_curated, proper_names

log = logging.getLogger(__name__)
_NAMING_NUMBER = re.compile(r"(?<![\d.,])\d{4,}(?![\d.,])")  # 12345 of a hotline's name
# "what share of … disclosures were work information": the part is what follows the verb
SURE_DESPITE_CONCEPT = 0.85  # a figure naming all but one recognised concept answers only when the ranker is this sure
STATED_TOTAL_RANKS = 3  # the ranker's best figures looked at for a total the report states itself
STATED_TOTAL_SHARE = 0.5  # … at this share of the answer threshold: naming every item is evidence of its own
SECTION_POOL = 4  # passages searched per passage returned when a question names a part of the report
_MEASURE = re.compile(r"(?:多少|几)[\u4e00-\u9fa5]?")
_YEAR_WORDS = re.compile(r"(?:19|20)\d{2}\s*年度?|[〇○零一二三四五六七八九]{4}年")


@dataclass(frozen=True)
class Step:
    name: str
    applies: Callable[[Ask], bool]
    run: Callable[[Ask], Answer | None]


_NO_THING_ZH = re.compile(r"多少|几|[条件个项次人篇]|的|了|有|是|一?共|[？?，,。\s]")


def _says_what_it_counts(ask: Ask) -> bool:
    """A side of a comparison that names a thing of its own ("芦庙乡通过政府网站公开的多少条"), not just an agency or a
    year ("2020年多少条")."""
    if ask.q.concepts or ask.q.columns:
        return True
    if ask.q.lang == "en":  # "How many posts to the … disclosure column in 2023?": a thing, not items alone
        return _THING_COUNTED_EN.match(ask.q.text) is not None
    topic = ask.topic
    for place in (p for r in ask.scope.reports for p in split_agency(r.agency)[0]):
        topic = topic.replace(place, "").replace(bare_place(place), "")  # (燕郊高新区 of 燕郊高新区党政办公室)
    return len(re.findall(r"[\u4e00-\u9fa5]", _NO_THING_ZH.sub("", topic))) >= 2


_THING_COUNTED_EN = re.compile(r"(?i)^\s*how many (?!(?:more |fewer )?(?:items?|pieces|information)\b)"
                               r"(?!(?:did|do|does|were|was|are|is|has|have|had|in|of)\b)[a-z]")


def _counts_another_thing(ask: Ask, fact: Fact) -> str:
    """A figure counting another thing than the one asked, whatever its words share: a rate of another measure, or
    texts handed to the archives for a question about what was published ("" when neither)."""
    if fact.unit == "%" and rate_of_another_measure(ask.q, fact.label):
        return "the figure is a rate of a measure the question does not name"
    if handed_over_not_published(fact) and asks_what_was_published(ask.q, ask.topic):
        return "the figure counts texts handed over or filed, not published"
    return ""


ALONE_STEPS = ("glossed in Chinese", "lookup", "row label", "named in translation", "named by meaning",
               "figure in passages")  # the steps that answer one report


class Answerer:
    def __init__(self, reports: list[Report], facts: list[Fact], retriever: Retriever | None,
                 lexicon: Lexicon | None = None, top_k: int = 5,
                 prose_min_score: dict[str, float] | None = None,
                 stored_vectors: Callable[[list[str]], dict[str, np.ndarray]] | None = None,
                 fact_base: FactBase | None = None) -> None:
        """``fact_base``, when given, holds the reports and facts (the engine carries one over between builds)."""
        self.lexicon = fact_base.lexicon if fact_base is not None else lexicon or load_lexicon()
        self.facts = fact_base if fact_base is not None else FactBase(reports, facts, self.lexicon)
        self.finder = FactFinder(self.facts, self.lexicon)
        self.reports = self.facts.reports
        self._report_list = list(self.reports.values())
        self._agencies = indexed_agencies(self._report_list)
        self.retriever = retriever
        self.top_k = top_k
        self.prose_min_score = prose_min_score or PROSE_MIN_SCORE
        self.ranker = (FigureRanker(retriever.query_vectors, retriever.embedder.encode_passages,
                                    stored=stored_vectors) if retriever is not None else None)
        self._label_vectors = (VectorMemo(retriever.embedder.encode_queries, LABEL_MEMO) if retriever is not None
                               else None)
        self.steps = self._steps()

    def indexed_summary(self, lang: str = "zh") -> str:
        return indexed_summary(list(self.reports.values()), lang)

    def answer(self, text: str, report_id: str | None = None, year: int | None = None,
               agency: str | None = None) -> Answer:
        ask = self.prepare(text, report_id, year, agency)
        q, scope = ask.q, ask.scope
        if scope.problem:
            return abstain(self.reports, ask)
        unqualified: Answer | None = None  # a figure that does not name what the question narrows it by
        ranged: Answer | None = None  # "配备1至2名": a range asked of as a whole, said with both its ends
        # "Of the reading points …, how many were set up by prefecture-level departments": the one part listed under
        # a figure found (州直各部门72个 of 94个查阅点) that the predicate names, when no step finds a figure itself
        part_named: Fact | None = None
        for step in self.steps:
            if not step.applies(ask):
                continue
            if step.name == "not in the reports" and ranged is not None:
                return ranged
            if step.name == "not in the reports" and part_named is not None:
                log.debug("answered by the part the predicate names: %s", part_named.label)
                return with_unit_as_printed(replace(self._read_from_text(ask, part_named), passages=list(ask.passages)))
            result = step.run(ask)
            if result is None:
                continue
            if result.found and result.value is not None and (why := self._not_the_answer(step, ask, result)):
                log.debug("step %s: %s", step.name, why)
                if ranged is None and len(result.facts) == 1 and range_end_not_asked(q.text, result.facts[0]) \
                        and _COUNT_ASKED.search(q.text):
                    ranged = self._said_as_a_range(ask, result.facts[0])
                if part_named is None and ask.q.lang == "en" and why.endswith("a part listed under the figure"):
                    part_named = self._part_the_predicate_names(ask, result)
                continue
            challenged = self._challenged(ask, result)
            if challenged is result or not _states_the_figure(q, challenged):
                result = challenged  # a figure the question states itself is context, never the second look's answer
            demoted = demote_unqualified(q, result, self.lexicon)
            if demoted is not result and result.found and result.value is not None:
                # "区政府本级受理了多少件": the whole district's figure does not name 本级; a later step may find
                # the one that does, else the first is shown as related
                log.debug("step %s: does not name %s", step.name, demoted.notes[-1])
                unqualified = unqualified or demoted
                continue
            if unqualified is not None and (result.value is None or not result.found):
                result = unqualified
            log.debug("answered by step %s", step.name)
            if not result.passages and len({f.report_id for f in result.facts}) <= self.top_k:
                # an answer from the facts of more reports than passages are shown cites those facts, not a search
                result.passages = list(ask.passages)
            if result.intent == "lookup":
                result.intent = q.intent.value
            return with_rough_inputs_said(with_roughness_as_printed(with_unit_as_printed(result)))
        return abstain(self.reports, ask)  # unreachable: the last step always answers

    def prepare(self, text: str, report_id: str | None = None, year: int | None = None,
                agency: str | None = None) -> Ask:
        """The question read, scoped and its passages retrieved: what every step is given."""
        q = parse_question(text, self.lexicon)
        scope = resolve_scope(q, self._report_list, report_id, year, agency, self._agencies)
        if q.across is not None and len(reports_across(q, scope)) < 2:  # "各单位一共" within one report
            q = replace(q, intent=q.intent_over_one or q.intent, across=None)
        q = self._normalise(self._without_agency_words(q, scope))
        if q.intent is Intent.LOOKUP and q.across is None \
                and lists_things_to_add(q, self.lexicon, without_agencies(q.text, scope)):
            q = replace(q, intent=Intent.SUM)  # "A网站和B网站一共": a sum, never one figure
        ask = Ask(q, scope, topic_of(q, scope))
        ask.passages = Retrieval(lambda: self.retrieve(q, scope, ask.topic))
        return ask

    def figure_candidates(self, ask: Ask, chosen: Fact | None = None, encode: bool = True) -> list[Candidate]:
        """Every figure the question could ask for, scored (for the answer and for fitting the ranker)."""
        if self.ranker is None:
            return []
        return self.ranker.candidates(ask.q, ask.topic, ask.passages, self.facts.by_report, self.reports,
                                      [r.id for r in ask.scope.reports], chosen, encode)

    @staticmethod
    def challengeable(ask: Ask, result: Answer) -> Fact | None:
        """The one figure a lookup's answer rests on, which the ranker may overrule with a better candidate."""
        if (ask.q.intent is Intent.LOOKUP and result.found and len(result.facts) == 1 and result.value is not None
                and "read from the text" not in result.notes):
            return result.facts[0]
        return None

    def _challenged(self, ask: Ask, result: Answer) -> Answer:
        """The ranker's second look at a lookup's figure: a clearly better figure replaces it. A group's sum (其他处理
        319件, from its rows) is looked at too, with no candidate of its own: a figure the question names more fully
        ("因申请人主动撤回而作其他处理": 含申请人主动撤回157件) wins only above the answer threshold."""
        if self.ranker is None:
            return result
        chosen = self.challengeable(ask, result)
        group_sum = chosen is None and self._group_sum(ask, result)
        if chosen is None and not group_sum:
            return result
        if chosen is not None:
            where = chosen.label + (chosen.source if chosen.kind == "prose" else chosen.path_text)
            if chosen.column is None and not names_columns(ask.q, chosen, where):
                chosen = None  # "截至2009年底累计": a figure of the year alone is no candidate of the lexicon's
        figures = by_figure(self.figure_candidates(ask, chosen, encode=False))
        if not figures:
            return result
        if chosen is not None and (units := preferred_units(ask.q.text)) and counted_in(chosen.unit) not in units:
            # the lexicon's figure is of a kind the question does not ask for ("新增了多少关注用户": 104篇): the
            # others compete without it, in the units asked
            held = sum(p for p, c in figures if (c.fact.value, c.fact.unit) == (chosen.value, chosen.unit))
            figures = [(p / (1 - held), c) for p, c in figures if counted_in(c.fact.unit) in units] \
                if held < 1 else []
            if not figures:
                return result
        # a near tie goes to the figure whose label the question spells out ("被评论了多少次": 被评论5426次, not
        # 被转发2077次 of the same sentence)
        probability, best = max((f for f in figures if f[0] >= figures[0][0] - NEAR_TIE),
                                key=lambda f: (f[1].features.get("label_hits", 0.0), f[0]))
        current = (chosen.value, chosen.unit) if chosen is not None else (result.value, result.unit)
        if group_sum and not _names_more(ask.q.text, best.fact, result.facts):
            return result
        if chosen is not None and unasked_part(ask.q, best.fact, chosen):
            return result  # "共收到申请13件，其中通过…系统收到11件": a part the question does not name is no better
        if (chosen is None and not group_sum or (best.fact.value, best.fact.unit) != current) \
                and probability >= self.ranker.weights.threshold:
            log.debug("the ranker prefers %s to %s", best.text, result.facts[0].path_text)
            return self._read_from_text(ask, best.fact)
        return result

    @staticmethod
    def _group_sum(ask: Ask, result: Answer) -> bool:
        """A lookup answered by adding a group's rows of one report (no row of its own holds the figure)."""
        return (ask.q.intent is Intent.LOOKUP and result.found and len(result.facts) >= 2
                and result.value is not None and "read from the text" not in result.notes
                and len({f.report_id for f in result.facts}) == 1 and all(f.kind == "table" for f in result.facts))

    def _without_agency_words(self, q: Question, scope: Scope) -> Question:
        """Concepts named only inside an agency's name are not asked (行政审批 in 行政审批局, 自然资源 in
        自然资源与生态环境局): the question is read again without the names of the agencies in scope."""
        bare = without_agencies(q.text, scope)
        if q.lang == "en":  # "the Pingtan Public Security Bureau": 公安 of its name is no "security" asked
            agencies = {r.agency for r in scope.reports}
            for english, chinese in sorted(self.lexicon.department_english.items(), key=lambda kv: -len(kv[0])):
                if any(chinese in a for a in agencies):
                    bare = re.sub(rf"(?i)(?<![a-z]){re.escape(english)}(?![a-z])", " ", bare)
            bare = _NEW_AREA.sub(lambda m: " " * len(m.group(0)), self._without_named_applicant_bodies(bare))
        if bare == q.text or len(bare.strip(" ？?。，,")) < 2:
            return q
        inner = parse_question(bare, self.lexicon)
        # a concept of the agency's own name made two things one ("Taking major construction project items and tender
        # items together … the Administrative Approval Bureau"): without it the question lists several to add up
        several = q.intent is Intent.LOOKUP and inner.intent in (Intent.SUM, Intent.DIFFERENCE) and q.across is None
        return replace(q, concepts=inner.concepts, columns=inner.columns,
                       intent=inner.intent if several else q.intent)

    def _without_named_applicant_bodies(self, text: str) -> str:
        """"the Guizhou research institute of culture and history": an applicant type (科研机构) written after a
        place's proper name is a body's own name, not the applicants asked about ("requests from research
        institutes")."""
        for m in reversed(find_mentions(text.lower(), self.lexicon)):
            if m.column is not None and m.column.id in APPLICANT_COLUMNS \
                    and _PROPER_NAME_BEFORE.search(text[: m.start]):
                text = text[: m.start] + " " * (m.end - m.start) + text[m.end:]
        return text

    def _normalise(self, q: Question) -> Question:
        narrow = [c for c in q.columns if not c.sum_of]
        if narrow and any(c.sum_of and all(n.id in c.sum_of for n in narrow) for c in q.columns):
            # "the 'other' category of organisations": the narrower column is the one asked about
            q = replace(q, columns=narrow)
        if any(c.id != "总计" for c in q.columns) and not q.concepts and q.numeric \
                and not any(c.id in RUNNING_TOTALS for c in q.columns):
            # "企业申请了多少件": an applicant type alone asks how many requests that applicant made (合计, a sum's
            # word, is none: "2024年和2025年的监督检查信息合计多少条" asks no requests)
            asked = self.lexicon.concept("applications")
            q = replace(q, concepts=[replace(asked, generic=False, phrases=asked.phrases + ("申请",))])
        if q.lang == "en" and q.numeric and not q.concepts and not q.columns and publishes_bare_items(q.text):
            # "how many items did X publish than Y": everything a body published, its proactive disclosure
            q = replace(q, concepts=[self.lexicon.concept("proactive")])
        return q

    def _steps(self) -> tuple[Step, ...]:
        finder = self.finder
        numeric: Callable[[Ask], bool] = lambda a: a.q.numeric  # noqa: E731
        return (
            # "不属于区政府本级的有多少件", "apart from licensing … items, how many": the whole less the parts named
            Step("what is left", lambda a: len(a.scope.reports) == 1 and a.q.numeric
                 and complement_of(a.q.text) is not None, self._what_is_left),
            # "How many requests did it receive (including those carried over)?": the whole that holds the part
            Step("whole with a part included", lambda a: len(a.scope.reports) == 1 and a.q.numeric
                 and INCLUDED_PART.search(a.q.text) is not None, self._whole_with_part_included),
            # "A是B的多少倍", "how many times as many … as": each side answered alone, the first over the second
            Step("multiple of reports named apart", lambda a: ASKS_MULTIPLE.search(a.q.text) is not None
                 and len(a.scope.reports) == 2, lambda a: ratio_of_reports_named_apart(a, self._answer_alone)),
            # "by what percentage did … grow from 2024 to 2025": the two years' figures, the change over the first
            Step("growth between years", lambda a: a.q.intent in (Intent.SHARE, Intent.DIFFERENCE)
                 and len(a.scope.years) == 2,
                 lambda a: answer_growth(finder, a)),
            # "what share of … were work information": the part by its words, stated (工作信息7条，占20%) or over the
            # figure its sentence lists it under (主动公开3600条，其中动态类信息64条)
            Step("share of a part named", lambda a: a.q.intent is Intent.SHARE and len(a.scope.reports) == 1,
                 self._share_of_part),
            # a share the report states ("占53%") is its own figure: quote it, don't compute one
            # (a share asked to be worked out from the counts is not the rounded one stated: 56% for 25 / 45)
            Step("stated share", lambda a: a.q.intent is Intent.SHARE
                 and not (asks_computed(a.q.text) and ASKS_A_CHANGE.search(a.q.text) is None),
                 self._figure_in_passages),
            # documents classified 不予公开 (a count of the text) are never the request tables' rows
            Step("intent handler", lambda a: a.q.intent in HANDLERS and a.q.intent is not Intent.LOOKUP
                 and not a.q.classified,
                 lambda a: HANDLERS[a.q.intent](finder, a)),
            Step("items by their words", lambda a: a.q.intent in (Intent.SUM, Intent.DIFFERENCE),
                 lambda a: combine_items(finder, a, self._item_by_meaning(a))),
            # "…从2024年到2025年减少了百分之多少": a figure the lexicon does not reach, read from each year's report
            Step("growth of a figure read each year", lambda a: a.q.intent is Intent.SHARE
                 and len(a.scope.years) == 2 and asks_growth(a.q),
                 lambda a: growth_of_years_named_apart(a, self._answer_alone)),
            # "龙归镇和朝阳乡合计…": reports named one by one, each answered alone, then added up or subtracted
            Step("each report named apart", lambda a: a.q.intent in (Intent.SUM, Intent.DIFFERENCE),
                 lambda a: combine_reports_named_apart(a, self._answer_alone, self._side_says_what_it_counts)),
            # "制作、获取的政府信息一共多少条": the report may state the total itself, under a label naming every item
            Step("a total the report states", lambda a: a.q.intent is Intent.SUM and len(a.scope.years) < 2
                 and len(sum_items(a.topic)) >= 2, self._stated_total),
            # "全年收…申请464件,结转上年度…申请3件" and "新收和上年结转的一共": the concepts' figures of the text, when
            # neither a table nor the items' own words gave them
            Step("figures of the text added up", lambda a: a.q.intent is Intent.SUM and len(a.scope.reports) == 1
                 and sum(not c.generic for c in a.q.concepts) >= 2, self._sum_of_text_figures),
            # one figure is no answer to a difference or a sum of several things: say it is not there instead
            # "By how many did … grow": the change the text states itself ("较上一年度上涨了800人")
            Step("a change the text states", lambda a: a.q.intent is Intent.DIFFERENCE and len(a.scope.reports) == 1
                 and ASKS_A_CHANGE.search(a.q.text) is not None, self._change_stated),
            # "发布的三类信息合计多少条": the list of exactly as many figures as the question counts, added up
            Step("kinds counted and added up", lambda a: a.q.numeric and len(a.scope.reports) == 1
                 and kinds_counted(a.q) is not None,
                 lambda a: every_kind_listed_added_up(a, finder.facts.of(a.scope.reports[0].id))),
            Step("no single figure for several", _wants_several, lambda a: abstain(self.reports, a)),
            # "市政府新闻发布会和新闻通气会一共多少场": one concept the lexicon knows for both, yet two figures the
            # report gives, each under its own words: their sum (two words for one thing find one figure: no sum)
            Step("things listed to add up", lambda a: a.q.intent is Intent.LOOKUP and len(a.scope.reports) == 1
                 and lists_items_to_add(a.q.text),
                 lambda a: combine_items(finder, replace(a, q=replace(a.q, intent=Intent.SUM)))),
            # "original articles (原创类信息)": an English question naming its thing in the reports' own words
            Step("glossed in Chinese", lambda a: a.q.lang == "en" and a.q.intent is Intent.LOOKUP
                 and len(a.scope.reports) == 1,
                 lambda a: glossed_figure(a.q, a.topic, finder.facts.scoped(a.scope.reports, "prose"),
                                          self.reports)),
            Step("lookup", lambda a: bool(a.q.concepts or a.q.columns) and a.q.intent is not Intent.PROSE
                 and not a.q.classified,
                 self._lookup),
            Step("row label", numeric, lambda a: answer_by_label(finder, a)),
            # "how many radio live broadcasts": an English thing named by the dictionary's Chinese words for it
            Step("named in translation", lambda a: a.q.lang == "en" and a.q.intent is Intent.LOOKUP
                 and len(a.scope.reports) == 1, self._by_translation),
            # "how many tax and fee incentive policies": an English thing no word list knows, by meaning
            Step("named by meaning", lambda a: a.q.lang == "en" and a.q.intent is Intent.LOOKUP
                 and len(a.scope.reports) == 1 and self._label_vectors is not None, self._by_meaning),
            # no concept reached the question: a figure the best passages state in the question's own words
            Step("figure in passages", lambda a: a.q.numeric and a.q.intent in (Intent.LOOKUP, Intent.SHARE),
                 self._figure_in_passages),
            # "各类信息合计多少条" of a list of kinds with no total stated: the kinds added up
            Step("every kind listed added up", lambda a: a.q.numeric and len(a.scope.reports) == 1,
                 lambda a: every_kind_listed_added_up(a, finder.facts.of(a.scope.reports[0].id))),
            Step("not in the reports", numeric, lambda a: abstain(self.reports, a)),
            Step("passages", lambda a: True, self._passages),
        )

    def _answer_alone(self, ask: Ask, report: Report, side: str | None = None) -> Answer | None:
        """The question as a lookup of this one report, by the steps that answer a lookup, with every check of a
        figure the chain makes (its unit, the question's own figure, qualifiers). ``side``: the report's own side of
        a comparison, asked instead when it says what it counts."""
        one = alone(ask, report)
        if side is not None and _says_what_it_counts(side_ask := self.prepare(side, report_id=report.id)):
            one = alone(side_ask, report)
        for step in self.steps:
            if step.name not in ALONE_STEPS or not step.applies(one):
                continue
            result = step.run(one)
            if result is None:
                continue
            if not result.found or result.value is None:
                return None
            if not unit_fits(one.q.text, result.unit) or stated_in_question(one.q.text, result.value, result.unit) \
                    or self._kind_unsaid(step, one, result):
                continue
            result = demote_unqualified(one.q, result, self.lexicon)
            return result if result.found else None
        return None

    def _side_says_what_it_counts(self, side: str, report: Report) -> bool:
        return _says_what_it_counts(self.prepare(side, report_id=report.id))

    def _lookup(self, ask: Ask) -> Answer | None:
        result = answer_lookup(self.finder, ask)
        if result is not None and result.found and len(result.facts) == 1 and result.facts[0].kind == "prose" \
                and all(c.generic for c in ask.q.concepts) and not ask.q.columns \
                and not is_bare(result.facts[0].label) and (bare := everything_published(
                    ask.q, ask.topic, self.facts.by_report, self.reports, [r.id for r in ask.scope.reports])):
            return bare  # "how many items did X publish": 我局共发布各类政务信息1634条, not 政策解读发布信息29条
        # one figure is a lookup's answer, also when the question said 一共 about one thing ("一共受理了多少件公安业务")
        if result is not None and result.found and len(result.facts) == 1 \
                and ask.q.intent in (Intent.LOOKUP, Intent.SUM) and unit_fits(ask.q.text, result.facts[0].unit):
            # (a figure in a unit the question rules out is no answer to reword: 受理点1个 for requests)
            chosen = result.facts[0]
            result = better_worded(ask.q, ask.topic, chosen, self.facts.of(chosen.report_id), self.reports) or result
        return result

    def _sum_of_text_figures(self, ask: Ask) -> Answer | None:
        """The concepts' figures of the text added up, only when each thing the question lists is one of them (a
        third channel the lexicon does not know is never left out of the sum) and each is counted in the unit asked
        ("多少条信息": 29个 accounts are none)."""
        q = ask.q
        listed = len(english_listed_concepts(q)) if q.lang == "en" else len(sum_items(ask.topic))
        specific = sum(not c.generic for c in q.concepts)
        # (in English every thing listed is one the lexicon knows and adds: "portal, WeChat and physical boards" lists
        # three, "proactive disclosures plus WeChat and Weibo posts" a whole the concepts' figures do not add)
        items = english_sum_items(q.text) if q.lang == "en" else []
        if listed != specific or items and (len(items) != specific or not all(
                any(m.concept and not m.concept.generic for m in find_mentions(i, self.lexicon)) for i in items)):
            return None
        result = answer_sum(self.finder, ask, "prose")
        exact = preferred_units(q.text)
        if result is None or (exact and any(counted_in(f.unit) not in exact for f in result.facts)):
            return None
        if q.lang == "zh" and not published_as_said(said_of_every_item(ask.topic), result.facts):
            return None  # "网站和微信公众号合计公开了多少条": 收到留言26条 and 互动回应4条 published nothing
        return result

    def _not_the_answer(self, step: Step, ask: Ask, result: Answer) -> str:
        """Why a step's figure does not answer the question ("" when it does); the next step is tried then."""
        q = ask.q
        if kind := _of_a_kind_not_asked(q, result) or _ordinal_asked(q) or _negated_in_question(q, result):
            return kind
        if result.unit and _states_the_figure(q, result):
            return "the question states this figure itself: it asks something of it"  # "1189条信息中原创的有多少条"
        if not self._says_what_is_asked(ask, result):
            return "a word of the question is said of another figure"
        if step.name not in ("named in translation", "glossed in Chinese") \
                and self._translation_names_another(ask, result):
            return "the dictionary's words for the asked thing name another figure"
        if self._running_total_not_asked(ask, result):
            return "a running total (截至…累计) answers only a question asking one"
        if step.name in ("figure in passages", "stated share") and self._share_of_another_part(ask, result):
            return "the share's label names nothing of the part asked"
        if len(result.facts) == 1 and (other := _counts_another_thing(ask, result.facts[0])):
            return other
        if step.name in ("lookup", "figure in passages", "stated share") and self._qualifier_left_out(ask, result):
            return "a word of the asked thing names nothing of the figure"
        if named := self._another_figure_named(step, ask, result):
            return named
        if narrower := self._narrower_than_the_figure(step, ask, result):
            return narrower
        if number := self._number_name_unsaid(ask, result):
            return f"the question names {number}, which the figure's row or sentence does not"
        if step.name in _READ_BY_WORDS and (unsaid := self._words_not_read(ask, result)
                                            or self._kind_unsaid(step, ask, result)):
            return unsaid
        if q.intent is Intent.SHARE and ASKS_A_CHANGE.search(q.text) is None and result.unit == "%" \
                and len(result.facts) == 1 and result.facts[0].kind == "prose" \
                and _CHANGE_RATE.search(result.facts[0].text_form) and "占" not in result.facts[0].text_form:
            return "a rate of change (下降29%) is no share"  # "what share … resulted in disclosure"
        if stated_in_question(q.text, result.value, result.unit):
            # "在184条信息中，人事任免类有多少条": the question gives 184; it does not ask for it
            return f"{result.value}{result.unit} is the question's own figure"
        return _not_a_figure_asked(q, result)

    def _narrower_than_the_figure(self, step: Step, ask: Ask, result: Answer) -> str:
        """Why the question asks a narrower thing than the figure counts ("" when it does not): its own words for it,
        a subject it concerns, what the counted ones were, a table's measure, or one of things counted together."""
        if gloss := self._gloss_unwritten(ask, result):
            return f"the question names its thing in the reports' words ({gloss}), which the figure's row or " \
                "sentence does not write"
        if concerned := _concern_unsaid(ask.q, result):
            return f"the question counts only what concerns {concerned}, which the figure's row or sentence never names"
        if predicate := self._predicate_unsaid(ask, result):
            return f"the question asks those that were {predicate}, which the figure's row or sentence never says"
        if part := _part_of_the_whole_unnamed(ask, result):
            return f"the question asks {part}, a part of what the figure counts, which its words do not name"
        if _a_change_not_asked(ask.q, result):
            return "the figure is a change over another year, which the question does not ask"
        if _year_before_asked(ask.q, result) or self._running_total_of_a_later_year(ask.q, result):
            return "the question asks the year before its report's, and the figure is of the report's own year"
        if _a_side_adds_up(ask.q, result):
            return "a side of the comparison adds things up (A plus B), and each side here is one figure"
        if measure := _table_measure_unsaid(ask.q, result):
            return f"the question asks the table's measure {measure}, which the figure's sentence does not state"
        if with_ := _counted_with_another(ask.q, result, self.lexicon):
            return with_
        if excluded := _excluded_by_the_question(ask.q, result):
            return f"the question leaves out {excluded}, which the figure's words count"
        if channel := _channel_unsaid(ask, result, step.name):
            return f"the question asks what went through {channel}, which the figure's sentence does not name"
        if received := _received_something_else(ask.q, result):
            return f"the question asks who received {received}, not requests received"
        if several := _several_counted_together(ask.q, result):
            return f"the question adds up {several}, the figure is one of them"
        if _every_kind_not_counted(ask, result):
            return "the question adds up every kind listed; the figure's words count no whole"
        return self._row_of_another_thing(step, ask, result) or self._twin_named_as_much(ask, result)

    def _twin_named_as_much(self, ask: Ask, result: Answer) -> str:
        """"宣城市12345…派件247件,泾县12345…派件40件": two figures of one sentence under the same words (their
        places and numbers not in the label), the question naming the other's own clause as much as the figure's:
        which one it asks is unknown. The twin's clause, or ""."""
        if len(result.facts) != 1 or result.facts[0].kind != "prose":
            return ""
        fact = result.facts[0]
        twins = [f for f in self.facts.of(fact.report_id) if f.kind == "prose" and f.source == fact.source
                 and f.label == fact.label and f.unit == fact.unit and f.value != fact.value]
        if not twins:
            return ""
        words = {w for w in bigrams(ask.topic) if not any(c.isdigit() for c in w)}

        def named(f: Fact) -> int:  # the question's words in the clause's own words, beyond the shared label
            return len(words & bigrams(own_clause(f).replace(f.label, " ")))
        mine = named(fact)
        twin = next((t for t in twins if named(t) and named(t) >= mine), None)
        return f"the question names {own_clause(twin)} as much" if twin else ""

    def _predicate_unsaid(self, ask: Ask, result: Answer) -> str:
        """"How many of the bureau's WeChat posts were original rather than reposted": what the counted ones were
        (original: 原创) must be said where the figure is; the account's 225 posts, or its reposts, are not them.
        Words the lexicon reads (granted, withheld) are its concepts' business; words the reports write of
        everything say nothing."""
        q = ask.q
        if q.lang != "en" or len(result.facts) != 1 or result.facts[0].kind != "prose" \
                or (m := _OF_THEM_WERE.search(q.text)) is None:
            return ""  # (a table's row is the lexicon's: its concepts say what its figures were)
        said = _NEGATED_REST.split(m.group("what"))[0]
        if _DETERMINER.match(said):
            return ""  # "was the Anyang County housing bureau's reply partly revoked": a clause, not what they were
        said = without_agencies(said, ask.scope)
        for mention in find_mentions(said, self.lexicon):
            said = said[: mention.start] + " " * (mention.end - mention.start) + said[mention.end:]
        fact = result.facts[0]
        where = fact.label + fact.path_text + (fact.column or "") + (fact.source or "")
        # the domain glossary's words only (original: 原创): a general dictionary's senses of "given" or "disclose"
        # are no words the reports write
        for english, chinese in _glossary_terms(said):
            if not set(chinese) & SAID_OF_EVERYTHING and not any(c in where for c in chinese) \
                    and not all(set(c) <= DOMAIN_CHARACTERS for c in chinese):  # ("disclosed": 公开, said of all)
                return english
        return ""

    def _gloss_unwritten(self, ask: Ask, result: Answer) -> str:
        """"How many … requests were fully granted (予以公开)": an English question that glosses its one thing in the
        reports' words is answered by a figure whose row or sentence writes them, not by "申请3件，均…予以答复"."""
        names = tuple(a for r in ask.scope.reports for a in agency_aliases(r.agency))
        glosses = [g for g in english_glosses(ask.q, ask.q.text, names)
                   if len(g) >= 3 and _CJK_ONLY.fullmatch(g) and not _NOT_A_THING_GLOSS.search(g)]
        if len(glosses) != 1 or len(result.facts) != 1:
            return ""  # (a sum's figures are each one item's: the gloss names one of them)
        fact = result.facts[0]
        return "" if glosses[0] in fact.label + fact.path_text + (fact.column or "") + (fact.source or "") \
            else glosses[0]

    def _another_figure_named(self, step: Step, ask: Ask, result: Answer) -> str:
        """Why the question names another figure than the one found ("" when it does not): a part listed under it,
        or another figure's whole label."""
        if (step.name in ("intent handler", "lookup") or ask.q.lang == "en" and step.name in _READ_BY_WORDS) \
                and (part := self._part_asked(ask, result)):
            return f"the question names {part}, a part listed under the figure"  # "网站发布的工作动态…比…多"
        if step.name == "lookup" and (label := self._another_label_named(ask, result)):
            return f"the question names {label}, the label of another figure of the report"
        return ""

    def _another_label_named(self, ask: Ask, result: Answer) -> str:
        """"2022年在门户网站发布草案征集多少条" read by the lexicon's website as 省市场监管局网站发布42条: the question
        writes 草案征集, another figure's whole label (of 4 characters or more), which the figure's label does not
        hold, and which is no whole the figure is listed under ("" when it writes none)."""
        if ask.q.lang != "zh" or len(result.facts) != 1 or result.facts[0].kind != "prose":
            return ""
        fact = result.facts[0]
        for other in self.facts.of(fact.report_id):
            label = bare_label(other.label)
            if other.kind == "prose" and other.value is not None and len(label) >= MIN_NAMED_LABEL \
                    and label in ask.topic and label not in fact.label and bare_label(fact.label) not in label \
                    and not listed_part_of(fact, other) and not listed_part_of(other, fact):
                return label
        return ""

    def _part_asked(self, ask: Ask, result: Answer) -> str:
        """A part listed under a figure of the answer (工作动态76条 under 网站共发布信息260条) that the question names
        word for word — an English question by the glossary's words for it ("on government new media": 政务新媒体发布
        信息66条 under 发布各类信息158条): the part is asked, never its whole ("" when none is)."""
        # (the words of the body's own name say nothing of the part: "the Huludao education bureau" is no 教育通知类)
        asked = without_english_body_names(without_agencies(ask.q.text, ask.scope))
        words = [w for w in _glossary_chinese(asked) if len(w) >= 2] if ask.q.lang == "en" else []
        for fact in result.facts:
            if fact.kind != "prose":
                continue
            for part in self.facts.of(fact.report_id):
                label = bare_label(part.label)
                if part.kind == "prose" and part.source == fact.source and part is not fact \
                        and part.unit == fact.unit and len(label) >= 2 and label not in fact.label \
                        and (label in ask.topic if ask.q.lang == "zh"
                             # (a bare label, 新收63件, says what it counts by its heading: 依申请公开情况)
                             else any(w in label and w not in fact.label + fact.path_text for w in words)
                             or _one_of_the_joined(fact.label, label, words)) \
                        and listed_part_of(part, fact):
                    return label
        part_named = self._part_the_predicate_names(ask, result) if ask.q.lang == "en" else None
        return bare_label(part_named.label) if part_named is not None else ""

    def _part_the_predicate_names(self, ask: Ask, result: Answer) -> Fact | None:
        """"Of the reading points …, how many were set up by prefecture-level departments": 94个查阅点(其中县市22个、
        州直各部门72个) — the one part listed under the figure whose label holds the dictionary's word for a word of the
        predicate (部门 of "departments") that the whole's does not."""
        predicate = partitive_predicate(ask.q)
        if not predicate:
            return None
        words = {c for t in english_terms(predicate)[0] for c in t.chinese
                 if len(c) >= 2 and c not in SAID_OF_EVERYTHING and not set(c) <= DOMAIN_CHARACTERS}
        for fact in result.facts:
            if fact.kind != "prose":
                continue
            named = [part for part in self.facts.of(fact.report_id)
                     if part.kind == "prose" and part.source == fact.source and part is not fact
                     and part.unit == fact.unit and part.value is not None and listed_part_of(part, fact)
                     and any(w in part.label and w not in fact.label for w in words)]
            if len({(bare_label(f.label), f.value) for f in named}) == 1:
                return named[0]
        return None

    def _words_not_read(self, ask: Ask, result: Answer) -> str:
        """Why a figure found by the question's words (no lexicon concept behind it) leaves some of them unread."""
        if ask.q.lang == "zh" and len(result.facts) == 1 \
                and (narrower := word_narrowing(ask.topic, result.facts[0].label)):
            return f"the question asks a narrower kind ({narrower}) than the figure's label names"
        if ask.q.lang == "zh" and len(result.facts) == 1 and (other := another_item_named(ask.topic, result.facts[0])):
            return f"the question asks the item {other}, another of the list the figure's label names"
        if concept := self._concept_unsaid(ask, result):
            return f"the question asks about {concept}, which the figure's sentence never names"
        if name := self._name_the_report_never_reads(ask, result):
            return f"the question names {name}, which no sentence of the report with a figure does"
        return ""

    def _running_total_not_asked(self, ask: Ask, result: Answer) -> bool:
        """"截至2019年底，累计主动公开政府信息64627条" is no answer to "2019年主动公开政府信息一共多少条": a figure
        of the text added up over the years (历年, or 累计 up to a date: 累计 alone is often the year's own) answers
        a question asking a running total only."""
        if len(result.facts) != 1 or result.facts[0].kind != "prose" or any(
                c.id in RUNNING_TOTALS for c in ask.q.columns):
            return False
        return said_as_running_total(result.facts[0])

    def _running_total_of_a_later_year(self, q: Question, result: Answer) -> bool:
        """"截至2017年底累计主动公开多少条" of a 2018 report: its running total is at the end of 2018, not the year
        asked."""
        asked = _UP_TO_END_OF.search(q.text)
        if not asked or not result.facts:
            return False
        year = int(next(g for g in asked.groups() if g))
        return all((f.year or getattr(self.reports.get(f.report_id), "year", None) or year) > year
                   for f in result.facts)

    def _says_what_is_asked(self, ask: Ask, result: Answer) -> bool:
        """A figure read from the text is no answer when a word of the question is said of another figure of its
        sentence ("推送公众号文章248篇，其中原创文章118篇" asked about 原创)."""
        if result.facts and asks_what_was_published(ask.q, ask.topic) \
                and all(received_not_published(f) for f in result.facts):
            return False  # "通过网站发布的信息多少条": 通过网站收到依申请公开信息1条 was received, not published
        if len(result.facts) != 1 or result.facts[0].kind != "prose":
            return True
        fact = result.facts[0]
        report = self.reports.get(fact.report_id)
        words = specific_words(ask.q, ask.topic, self.facts.of(fact.report_id), report.agency if report else "")
        return names_specific_words(fact, words)

    def _figure_in_passages(self, ask: Ask) -> Answer | None:
        found = figure_from_passages(ask.q, ask.topic, ask.passages, self.facts.by_report, self.reports,
                                     [r.id for r in ask.scope.reports])
        if found is None:  # "公开政府信息多少条": nothing narrower named, the report's one figure of all it published
            found = everything_published(ask.q, ask.topic, self.facts.by_report, self.reports,
                                         [r.id for r in ask.scope.reports])
        if self.ranker is None or (found is not None and unit_fits(ask.q.text, found.unit)):
            return found
        # no figure names the question's own words: the ranker's best, if it is confident (an English question) and
        # it names everything the lexicon recognised ("废止了多少" is not answered by 现行有效…698件)
        figures = by_figure(self.figure_candidates(ask))
        if figures and figures[0][0] >= self.ranker.weights.threshold \
                and (not (missed := figures[0][1].features.get("concepts_missed", 0.0))
                     or missed <= 1 and figures[0][0] >= SURE_DESPITE_CONCEPT):
            fact = figures[0][1].fact
            report = self.reports.get(fact.report_id)
            # as for a figure named by the question's words: "how many times", 次 (a count with no unit may be any)
            units = implied_units(ask.q.text) if ask.q.lang == "en" else ()
            if units and fact.unit and fact.unit not in units and fact.unit.lstrip("万") not in units:
                return None
            if names_specific_words(fact, specific_words(ask.q, ask.topic, self.facts.of(fact.report_id),
                                                         report.agency if report else "")) \
                    and names_the_generic_thing(ask.q, fact) \
                    and not unasked_part_in_text(ask.q, fact, self.facts.of(fact.report_id)) \
                    and not self._whole_naming_nothing_asked(ask, fact):
                return self._read_from_text(ask, fact)
        return None

    def _whole_naming_nothing_asked(self, ask: Ask, fact: Fact) -> bool:
        """"How many recruitment and hiring items did the town publish": 主动公开…等共计94条, its parts listed after it
        (…招考录用信息4件…), names none of the English words of the thing asked: the total of the list is no answer
        to one of its kinds, whatever its sentence says."""
        phrase = asked_phrase(ask.q, where=True) if ask.q.lang == "en" else None
        if phrase is None or not any(listed_part_of(f, fact) for f in self.facts.of(fact.report_id)
                                     if f is not fact and _items_alike(f.unit, fact.unit)):
            return False
        terms, _ = english_terms(without_agencies(phrase, ask.scope))
        return bool(terms) and not any(c in fact.label for t in terms for c in t.chinese)

    def _said_as_a_range(self, ask: Ask, end: Fact) -> Answer:
        """Both ends of the range a figure is one end of, quoted, with no single figure as the answer."""
        report = self.reports.get(end.report_id)
        text = say_range(report, ask.q.lang, end)
        return Answer(ask.q.text, found=True, text=text, facts=[end], passages=list(ask.passages), notes=["a range"],
                      intent="lookup")

    def _share_of_another_part(self, ask: Ask, result: Answer) -> bool:
        """"What share of … were community-situation items": a share the text states (全文电子化率100%) answers only
        when its label names the part the question asks of."""
        if ask.q.intent is not Intent.SHARE or result.unit != "%" or len(result.facts) != 1:
            return False
        phrases = share_phrases(without_agencies(ask.q.text, ask.scope))
        if phrases is None:
            return False
        fact = result.facts[0]
        # the words since the sentence's previous share name the part too ("网上公开信息20条,所占比例为30%")
        said = re.split(r"[。；;%％]", fact.source[: fact.source.find(fact.raw)])[-1] if fact.raw in fact.source else ""
        named = STATED_SHARE_WORDS.sub("", said + fact.label) or fact.label
        return figure_naming_part(ask.q, phrases[0], [replace(fact, path=(*fact.path[:-1], named))],
                                  self.lexicon) is None

    def _what_is_left(self, ask: Ask) -> Answer | None:
        """The whole (a figure the question states, else the question without the parts, answered alone) less the
        parts; no figure when either is not found: the whole alone is not what is left of it. A sum that names the
        things left one by one ("除政府网站外,通过A、B和C一共") is left to the steps adding them up."""
        complement = cast(Complement, complement_of(ask.q.text))
        report = ask.scope.reports[0]
        facts = [f for f in self.facts.of(report.id) if f.value is not None]
        whole = self._whole_asked(report, facts, complement.whole_question, complement.whole_question)
        parts = parts_taken_out(ask.q, complement.parts, whole, facts, self.lexicon) if whole is not None else None
        if complement.if_held and not (whole is not None and parts and all(listed_part_of(p, whole) for p in parts)):
            return None  # "本年新收(不含上年结转)": a whole that holds no such part is the answer, read as usual
        left = what_is_left(ask.q, report, whole, parts) if whole is not None and parts else None
        if left is None and ask.q.intent is Intent.SUM and ask.q.lang == "zh" and len(sum_items(ask.topic)) >= 2:
            return None
        return left or abstain(self.reports, ask)

    def _whole_with_part_included(self, ask: Ask) -> Answer | None:
        """The figure that holds the part (收到申请36件(含2021年结转2件)), or the whole and the part as two rows of
        one table added up (本年新收 34 + 上年结转 2); no figure otherwise: the part alone is never the answer."""
        m = cast(re.Match[str], INCLUDED_PART.search(ask.q.text))
        report = ask.scope.reports[0]
        facts = [f for f in self.facts.of(report.id) if f.value is not None]
        whole = self._whole_asked(report, facts, "", ask.q.text[: m.start()] + " " + ask.q.text[m.end():])
        parts = parts_taken_out(ask.q, m["en"] or m["zh"], whole, facts, self.lexicon) if whole else None
        if whole is None or not parts:
            return None  # no figure of the part: the brackets only say what the whole holds (总计, 含上年度结转)
        if all(listed_part_of(p, whole) for p in parts):  # (prose figures only: a table row lists no parts so)
            return self._read_from_text(ask, whole)
        # (the part's row in the whole's column: 上年结转 总计 beside 本年新收 总计)
        parts = [next((f for f in facts if f.kind == "table" and f.table == p.table and f.path == p.path
                       and f.column == whole.column), p) for p in parts]
        if not (whole.kind == "table" and all(p.kind == "table" and p.table == whole.table and p.path != whole.path
                                              and p.column == whole.column for p in parts)):
            return abstain(self.reports, ask)
        used = [whole, *parts]
        total = sum_values([cast(Number, f.value) for f in used])
        text = say_sum(report, ask.q.lang, [(f.label, cast(Number, f.value)) for f in used], total, whole.unit, whole)
        return Answer(ask.q.text, found=True, text=text, value=total, unit=whole.unit, facts=used, intent="sum")

    def _whole_asked(self, report: Report, facts: list[Fact], stated_in: str, asked: str) -> Fact | None:
        """The whole a question takes parts of: the report's figure it states ("Of the town's 20 items"), else the one
        figure answering ``asked`` alone, with every check a lookup's figure gets."""
        if (whole := stated_whole(stated_in, facts)) is not None:
            return whole
        sub = self.prepare(asked, report.id)
        found = None if sub.scope.problem else self._answer_alone(sub, report)
        return found.facts[0] if found is not None and len(found.facts) == 1 else None

    def _share_of_part(self, ask: Ask) -> Answer | None:
        text = without_agencies(ask.q.text, ask.scope)
        facts = self.facts.of(ask.scope.reports[0].id)
        if (listed := share_of_listed_whole(ask.q, text, facts, self.finder)) is not None:
            return listed  # "its portal, WeChat and Weibo output": the whole is the things listed, added up
        if not asks_computed(ask.q.text) and (stated := stated_share_of_part(ask.q, text, facts)) is not None:
            return self._read_from_text(ask, stated)
        computed = computed_share_of_part(ask.q, text, facts, self.reports, self.lexicon)
        if computed is None:
            return self._share_over_the_whole_asked(ask, text, facts) \
                or computed_share_of_a_partition(ask.q, text, facts, self.reports, self.lexicon)
        phrases = share_phrases(text)
        if phrases is None or bigrams(phrases[1]) <= bigrams(computed.facts[-1].label):
            return computed  # the whole the part is listed under is the one the question names
        # "招标公告…信息占全部主动公开信息的比例": the same part over the whole the question names (主动公开政府信息
        # 5769条), not over the list it is said under (通过建设网公开公告通知5648条)
        over_asked = self._share_over_the_whole_asked(ask, text, facts)
        # (a figure listed beside the part under the whole, 公开信息182条 beside 网络问政直通车回应47条 under 主动公开
        # 政府信息311条, is no whole of it, whatever words it shares with the asked whole)
        if over_asked is not None and over_asked.facts[:1] == computed.facts[:1] \
                and not listed_part_of(over_asked.facts[-1], computed.facts[-1]):
            return over_asked
        return computed

    def _share_over_the_whole_asked(self, ask: Ask, text: str, facts: list[Fact]) -> Answer | None:
        """The part by its words over the whole the question names: a figure it states ("Of the street's 155
        proactively disclosed items"), else the whole asked on its own ("全部申请有多少", answered alone)."""
        phrases = share_phrases(text)
        if phrases is None:
            return None
        part_words, whole_words = phrases
        report = ask.scope.reports[0]
        counts = [f for f in facts if f.value is not None and f.unit != "%"]
        # ("the Hangzhou health commission's information requests": how many requests there were, the body in scope)
        asked = f"{whole_words}有多少" if ask.q.lang == "zh" else \
            f"How many {_WHOSE_EN.sub('', whole_words.strip())} were there?"
        whole = self._whole_asked(report, counts, whole_words, asked)
        if whole is None:
            return None
        part = figure_naming_part(ask.q, part_words, figures_within(whole, counts), self.lexicon)
        return share_answer(ask.q, part, whole, report) if part is not None else None

    def _stated_total(self, ask: Ask) -> Answer | None:
        """One of the ranker's best figures whose own label names every item of the sum (its words, not a synonym)."""
        items = sum_items(ask.topic)
        if len(ask.scope.reports) == 1:  # "办理人大建议和政协提案共多少项": 完成人大建议和政协提案61项
            named = [f for f in self.facts.of(ask.scope.reports[0].id) if f.value is not None and f.kind == "prose"
                     and written_together(f.label, items)]
            if named and len({(f.value, f.unit) for f in named}) == 1 and unit_fits(ask.q.text, named[0].unit):
                return self._read_from_text(ask, named[0])
        if self.ranker is None:
            return None
        for probability, candidate in by_figure(self.figure_candidates(ask))[:STATED_TOTAL_RANKS]:
            if probability >= STATED_TOTAL_SHARE * self.ranker.weights.threshold and all(
                    names_item(candidate.fact.label, item) for item in items):
                return self._read_from_text(ask, candidate.fact)
        return None

    def _item_by_meaning(self, ask: Ask) -> ItemFinder | None:
        """The ranker as a second way to find each item of a sum or difference ("计划总结类和其他类"): the item read as
        a question of its own, in the unit the whole question asks for."""
        ranker = self.ranker
        if ranker is None:
            return None
        measure = _MEASURE.search(ask.q.text)
        ask_for = measure.group(0) if measure else "多少"

        def find(item: str, facts: list[Fact], taken: list[Fact]) -> Fact | None:
            by_report: dict[str, list[Fact]] = {}
            for f in facts:
                by_report.setdefault(f.report_id, []).append(f)
            sub = parse_question(f"{item}有{ask_for}", self.lexicon)
            ranked = ranker.candidates(sub, item, ask.passages, by_report, self.reports, list(by_report))
            figures = by_figure([c for c in ranked if c.fact not in taken])
            return figures[0][1].fact if figures and figures[0][0] >= ranker.weights.threshold else None

        return find

    def _prose_in_asked_units(self, ask: Ask, preferred: bool = True) -> list[Fact]:
        """The one report's prose figures in the unit the question's words point to (press conferences: 场, 次), or
        (``preferred`` False) in any unit they allow."""
        units = preferred_units(ask.q.text) if preferred else ()
        return [f for f in self.facts.of(ask.scope.reports[0].id)
                if f.kind == "prose" and f.value is not None and unit_fits(ask.q.text, f.unit)
                and (not units or counted_in(f.unit) in units)]

    def _by_translation(self, ask: Ask) -> Answer | None:
        fact = self._translated_figure(ask)
        return self._read_from_text(ask, fact) if fact is not None else None

    def _translated_figure(self, ask: Ask, any_count: bool = True) -> Fact | None:
        phrase = asked_phrase(ask.q, where=True)
        if phrase is None:
            return None
        # a running total (累计) answers only a question asking for one ("in 2009 alone": not 截至2009年底累计)
        asked = {c.id for c in ask.q.columns}
        kept = [w for c in self.lexicon.columns if c.id not in asked and c.id in RUNNING_TOTALS
                for w in c.phrases if not w.isascii()]
        # (the question's other words, its verb above all, tell apart figures the asked thing names alike)
        rest = without_english_body_names(ask.q.text).replace(phrase.lower(), " ")
        rest = re.sub(r"\b(?:19|20)\d{2}\b|[^\w\s'-]", " ", rest)
        # "how many public resource allocation items": in the units "items" points to (条, 项) first, then in any
        # count it allows (公共资源配置7件: a list counted in 件)
        # (a thing of one word, "posts", is too little to leave the units asked for: 来信7件 is no post)
        thing = without_agencies(phrase, ask.scope)
        wide = any_count and len(english_terms(thing)[0]) >= MIN_TRANSLATED_TERMS
        for preferred in (True, False) if wide else (True,):
            facts = [f for f in self._prose_in_asked_units(ask, preferred) if not any(w in f.label for w in kept)]
            if (found := figure_by_translation(thing, facts, rest)) is not None:
                return found
        return None

    def _row_of_another_thing(self, step: Step, ask: Ask, result: Answer) -> str:
        """A lookup's figure of another thing. "How many new special columns did it open on its portal" read as
        规章 [本年制发件数]: a table row that counts a thing the lexicon knows and the question never asks (rules),
        while a thing the question asks (website) is neither the row's nor its words'. Why, or ""."""
        if step.name != "lookup" or len(result.facts) != 1:
            return ""
        fact = result.facts[0]
        tagged = self.facts.tags(fact).concepts
        if fact.kind == "prose":
            # "How many of its website items were policy interpretations": a thing the question asks that the
            # figure's whole sentence never names (网站发布信息共1342条) is not what it counts
            # (a word of its own, 部分 of 部分公开, is enough: "partly revoked" read as partial is 部分答复内容 here)
            where = fact.source + fact.path_text
            unnamed = [c for c in ask.q.concepts if not c.generic and not c.context and c.id not in _VERBS_OF_ANY_COUNT
                       and c.id not in tagged and not any(b in where for w in c.phrases if not w.isascii()
                                                          for b in bigrams(w) - PLAIN_BIGRAMS)]
            return f"the question asks {unnamed[0].id}, which the figure's sentence never names" if unnamed else ""
        asked_ids = {c.id for c in ask.q.concepts}
        others = [cid for cid in tagged if cid not in asked_ids
                  and not (concept := self.lexicon.concept(cid)).generic and not concept.context]
        words = fact.path_text + (fact.column or "")
        asked = [c for c in ask.q.concepts if not c.generic and not c.context]
        unsaid = [c for c in asked if not _said_in(c, tagged, words)]
        # (a row that writes a thing asked, 危及第三方合法权益 for "为了保护第三方权益", is the one asked, whatever
        # a loose word of the question read as another concept)
        if any(w in fact.path_text for c in asked for w in (*c.phrases, *c.rows) if not w.isascii()):
            return ""
        return f"the row counts {others[0]}, not {unsaid[0].id}" if others and unsaid else ""

    def _kind_unsaid(self, step: Step, ask: Ask, result: Answer) -> str:
        """A thing the lexicon knows that the question asks and the figure read by the dictionary's or the model's
        words does not say: one of two things asked together ("across the portal and its WeChat account": the
        WeChat figure alone), or what became of requests ("how many … did it grant in full": 收到…申请7条); "" when
        the figure says every one."""
        if step.name not in _READ_BY_WORDS or len(result.facts) != 1:
            return ""
        fact = result.facts[0]
        tagged, around = self.facts.tags(fact).concepts, fact.path_text + fact.source  # (its heading, its sentence)
        asked = [c for c in ask.q.concepts if not c.generic and not c.context]
        listed = _listed_together(ask.q.text, asked, self.lexicon)
        said = fact.label + text_before(fact)  # (the figure's own words and those before it)
        if any(c.id in tagged for c in listed) and (left := [c for c in listed if not _said_in(c, tagged, said)
                                                             and not _the_rest_said_by_etc(c, listed, said)]):
            return f"the question asks {left[0].id} too, which the figure's words do not say"
        # "via the portal and notice boards" read as 公众号全年发布信息139条: the figure is of another thing the lexicon
        # knows (WeChat), and says nothing of the one asked (the portal)
        others = {cid for cid in tagged if cid not in {c.id for c in ask.q.concepts}
                  and not (concept := self.lexicon.concept(cid)).generic and not concept.context}
        # (the dictionary's word for the question's own word, in the figure's label, says it: "responses" read as
        # replies by the lexicon, 网络问政直通车回应 by the dictionary)
        in_label = self._dictionary_said(ask.q.text, fact.label)
        unsaid = [c for c in asked if c.id not in _VERBS_OF_ANY_COUNT and not _said_in(c, tagged, said)
                  and c.id not in in_label]
        if others and unsaid and (step.name != "figure in passages"
                                  or others & platform_names() and {c.id for c in unsaid} & platform_names()):
            # (a figure read from the passages only when both are platforms: 微博拥有粉丝 for 微信's followers)
            return f"the figure counts {sorted(others)[0]}, not {unsaid[0].id}"
        if step.name == "figure in passages":
            return self._joined_in_the_label(ask, fact)
        # "how many … items did it proactively disclose" read as 收到…投诉件0件: the figure counts another thing the
        # lexicon knows (complaints), and says nothing the question asks, generic or not
        named = [c for c in ask.q.concepts if not c.context and c.id not in _VERBS_OF_ANY_COUNT]
        if others and named and not any(_said_in(c, tagged, said) or c.id in in_label for c in named):
            return f"the figure counts {sorted(others)[0]}, not {named[0].id}"
        if not asks_about_requests(ask.q.text):
            return ""  # (beyond requests, a channel or a verb, "visits … receive", may go unsaid)
        near = fact.path_text + "".join(re.split(r"[，,；;]", text_before(fact))[-2:]) + fact.label
        if any(c.id == "applications" for c in ask.q.concepts) and not _REQUESTS_NAMED.search(near):
            # "how many requests did it receive" read by meaning as 公开政府信息52037条: nothing of requests is said
            return "the question asks about requests, which the figure's heading and clause never name"
        kind = next((c.id for c in asked if c.id not in _VERBS_OF_ANY_COUNT and not _said_in(c, tagged, around)), "")
        return f"the question asks {kind}, which the figure's words do not say" if kind else ""

    @staticmethod
    def _joined_in_the_label(ask: Ask, fact: Fact) -> str:
        """"How many NPC deputies' suggestions did it handle" read from the passages as 人大建议和政协提案办理11件: the
        label joins two things and the English question's words name the first only. Why, or ""."""
        joined = _JOINED_LABEL.match(fact.label)
        phrase = asked_phrase(ask.q, where=True) if ask.q.lang == "en" else None
        if joined is None or phrase is None:
            return ""
        terms, _ = english_terms(phrase)
        first, second = (any(any(c in joined[side] for c in t.chinese) for t in terms) for side in ("first", "second"))
        return f"the figure counts {joined['first']} together with {joined['second']}" if first and not second else ""

    def _words_of_other_concepts(self, concept_id: str) -> tuple[str, ...]:
        return tuple(w for c in self.lexicon.concepts if c.id != concept_id for w in (*c.phrases, *c.rows)
                     if len(w) >= 2 and not w.isascii())

    def _dictionary_said(self, text: str, label: str) -> set[str]:
        """The concepts of an English question whose own words the dictionary gives a word for that the label holds
        (two characters at least)."""
        return {m.concept.id for m in find_mentions(text, self.lexicon) if m.concept is not None
                and any(len(w) >= 2 and w in label and not is_bare(w) and not set(w) <= DOMAIN_CHARACTERS
                        for t in english_terms(text[m.start:m.end])[0] for w in t.chinese)}

    def _translation_names_another(self, ask: Ask, result: Answer) -> bool:
        """"How many items about its institutions and functions did … disclose": the lexicon's 主动公开 row is no
        answer when the dictionary's words for the asked thing (机构, 职能) name another figure of the text more."""
        q = ask.q
        if q.lang != "en" or q.intent is not Intent.LOOKUP or len(ask.scope.reports) != 1 or len(result.facts) != 1:
            return False
        phrase = asked_phrase(q)
        if phrase is None:
            return False
        terms, missing = english_terms(without_agencies(phrase, ask.scope))
        if missing or not terms:
            return False  # a word the dictionary lacks ("reconsideration") may be what the lexicon's row names
        better = self._translated_figure(ask, any_count=False)  # (overruling takes the units asked: 来信7件 no post)
        if better is None or better.value == result.value:
            return False
        chosen = result.facts[0]
        # a part of a kind the lexicon knows ("in-person": 现场申请) is not overruled by the whole it is listed under
        # (收到申请44件), whatever else the dictionary's words name
        chosen_tags, better_tags = self.facts.tags(chosen).concepts, self.facts.tags(better).concepts
        # (nor a figure of its sentence the lexicon tells apart: 本年度办结39件 beside 收到申请44件(其中:…))
        # (its sentence writing the asked thing before it)
        said = text_before(chosen) + chosen.label
        if chosen.kind == better.kind == "prose" and (listed_part_of(chosen, better) or chosen.source == better.source
                                                      and all(any(c in said for c in t.chinese) for t in terms)) \
                and any(c.id in chosen_tags and c.id not in better_tags for c in q.concepts if not c.generic):
            return False
        chosen_text = chosen.path_text + (chosen.column or "") + chosen.label
        named = sum(any(c in better.label for c in t.chinese) for t in terms)
        # one word ("posts", "documents") is too little to overrule the lexicon: every word of the thing, two or more —
        # or one, naming a figure of another measure in the chosen figure's own sentence ("微信公众号共发布信息81条，
        # 阅读量5743次": the account the lexicon read is every figure's topic there; "reads" is 阅读量's, in 次)
        words = sum(len(t.english.split()) for t in terms)  # "policy document", one glossary term, is two words
        enough = words >= MIN_TRANSLATED_TERMS or (
            chosen.kind == "prose" and better.source == chosen.source and better.unit != chosen.unit)
        return enough and named == len(terms) and named > sum(any(c in chosen_text for c in t.chinese) for t in terms)

    def _qualifier_left_out(self, ask: Ask, result: Answer) -> bool:
        """"How many project-approval items did … proactively publish": the lexicon reached 主动公开 only, and the
        figure's row (主动公开政府信息 251条) has no word for "project" or "approval" — the total is not what is asked.
        Words the reports write of everything (government, information) account for nothing."""
        q = ask.q
        outside = any(not c.generic for c in q.concepts)  # (then only where it went: "on its portal")
        if q.lang != "en" or len(result.facts) != 1 or q.columns \
                or outside and not self._read_outside_the_thing(q) \
                or all(c.context for c in q.concepts) and q.intent is not Intent.SHARE:
            return False  # (a concept only ever context, the requests named in passing, reads no thing asked)
        text = q.text
        for m in find_mentions(q.text, self.lexicon):  # the words the lexicon read are accounted for by its concepts
            text = text[: m.start] + " " * (m.end - m.start) + text[m.end:]
        phrase = asked_phrase(replace(q, text=text))
        share_part = SHARE_OF.search(text) if phrase is None and q.intent is Intent.SHARE else None
        if share_part is not None:
            phrase = share_part.group("part")  # "what share of … disclosures were work information"
        if phrase is None:
            return False
        fact = result.facts[0]
        where = fact.path_text + (fact.column or "") + fact.label + fact.unit  # "percentage points": 个百分点
        terms, _ = english_terms(without_agencies(phrase, ask.scope))
        if outside:  # (beside where it went, only the glossary's words for the thing: "stories" is 稿件 too)
            terms = [t for t in terms if is_curated(t)]
        named = [any(c in where for c in t.chinese) for t in terms if not (t.chinese & SAID_OF_EVERYTHING)]
        if not named:
            return False
        # a stated share's label names its part in few words (政策法规类信息占比): one of the part's words will do;
        # so does a thing asked beside where it went (预决算 for "budget and final-accounts items … on the portal")
        return not any(named) if share_part is not None or outside else not all(named)

    def _read_outside_the_thing(self, q: Question) -> bool:
        """"How many special columns did … maintain on its portal": the lexicon read only where or how (portal), outside
        the thing counted ("special columns", words of no concept), which is still to be named by the figure."""
        asked = ASKED_THING.search(q.text)
        where = _WHERE_EN.search(q.text.lower())
        if asked is None or not asked.group(1).strip() or where is None or BARE_MEASURE.fullmatch(asked.group(1)):
            return False  # ("how many posts … on Weibo": the measure alone, named by where it went)
        mentions = [m for m in find_mentions(q.text, self.lexicon) if m.concept is not None and not m.concept.generic]
        # (every thing the lexicon read is where it went: "on its portal"; a verb, "fully granted", is no where)
        return bool(mentions) and all(where.start("where") <= m.start and m.end <= where.end("where") for m in mentions)

    def _number_name_unsaid(self, ask: Ask, result: Answer) -> str:
        """"How many of the 12345-hotline cases … had been handled": a number the question names a thing by (a
        hotline, a platform; no year, and no figure of the reports in scope) must be written where each figure of the
        answer is stated; the request table's 本年新收 is no count of 12345 cases."""
        numbers = [n for n in _NAMING_NUMBER.findall(ask.q.text) if not (len(n) == 4 and 1900 <= int(n) <= 2099)]
        if not result.facts or not numbers:
            return ""
        # the figures of the answer's own reports (not of every report in scope: thousands at 10^4 reports)
        figures = {str(f.value) for rid in {f.report_id for f in result.facts} for f in self.facts.of(rid)
                   if f.value is not None}
        # (a sum's items are named each by its own words: "mailbox letters and 12345 hotline orders", the number
        # written where one of its figures is)
        said_by = all if len(result.facts) == 1 else any
        for number in numbers:
            if number not in figures and not said_by(number in f.source + f.path_text + f.label for f in result.facts):
                return number
        return ""

    def _concept_unsaid(self, ask: Ask, result: Answer) -> str:
        """A figure found by the words of the asked thing, or by meaning, that says nothing of a thing the lexicon
        read in the question: "How many posts did the WeChat account … publish" is not answered by 通知公告 3条
        (WeChat, a proper name, capitalised inside the sentence: no Chinese word of it in the figure's sentence or
        row); "How many administrative licences did … grant" is not answered by 发布信息288条 (licences, read inside
        the asked noun phrase: not one character of its Chinese words there, 政府信息公开's aside — the lexicon's
        word lists are too short to ask for a whole word: 税费 is "fees", 预决算 "budget"). A verb or a word outside
        the asked thing (receive, on its website) is looser than that and vetoes nothing."""
        q = ask.q
        if len(result.facts) != 1 or q.lang != "en":
            return ""
        fact = result.facts[0]
        where = fact.source + fact.path_text + fact.label
        asked = ASKED_THING.search(q.text)
        for m in find_mentions(q.text, self.lexicon):
            concept = m.concept
            if concept is None:
                continue
            words = [w for w in (*concept.phrases, *concept.rows) if not w.isascii()]
            if not words:
                continue
            if m.start > 0 and q.text[m.start].isupper():
                if not any(w in where for w in words):
                    return concept.id
            elif asked is not None and m.start < asked.end(1) and m.end > asked.start(1):  # ("how many requests")
                said = fact.source + fact.label if fact.source else where
                # (the dictionary's words for the asked word, in the figure's own label: 回应 for "responses")
                if not _concept_said(tuple(words), said, self._words_of_other_concepts(concept.id)) and not any(
                        len(w) >= 2 and w in fact.label and not is_bare(w) and not set(w) <= DOMAIN_CHARACTERS
                        for t in english_terms(q.text[m.start:m.end])[0] for w in t.chinese):
                    return concept.id
        return ""

    def _name_the_report_never_reads(self, ask: Ask, result: Answer) -> str:
        """"How many items did … publish on Douyin (TikTok)": a name an English question gives in pinyin or as a
        brand (no English word, not a place's) that no sentence of the report with a figure reads as (抖音 → douyin)
        has no figure here: the one found is another thing's (the Weibo count)."""
        if ask.q.lang != "en" or len(result.facts) != 1 or result.facts[0].kind != "prose":
            return ""
        fact = result.facts[0]
        report = self.reports.get(fact.report_id)
        names = proper_names(ask.q.text)
        brands = brand_names(ask.q.text)
        if report is None or not (names or brands):
            return ""
        text = report.agency + report.title + "".join(
            dict.fromkeys(f.source for f in self.facts.of(report.id) if f.kind == "prose"))
        said = reading_of(text)
        # its places' names, pinyin or not (乌兰浩特: Ulanhot), and the places a place joins (深汕: Shenzhen-Shanwei)
        own = place_readings(report.agency) | words_naming_joined_places(ask.q.text, report.agency)
        names = [name for name in names if name not in own]
        sentence = "".join(fact.path) + fact.source
        missing = next((n for n in names if n not in said), "")
        # "Douyin (TikTok)": a platform the glossary knows (抖音), written nowhere in the report or not in this
        # figure's sentence (…微信公众号公开信息4681条 is not the Douyin count)
        return missing or next((name for name, words in brands.items()
                                if not any(w in text for w in words) or not any(w in sentence for w in words)), "")

    def _by_meaning(self, ask: Ask) -> Answer | None:
        phrase = asked_phrase(ask.q)
        if phrase is None or self._label_vectors is None:
            return None
        # "how many government information items did X disclose": everything it published, when the report states
        # that figure, not the label nearest in meaning (政府信息公开指南1条)
        if everything := everything_published(ask.q, ask.topic, self.facts.by_report, self.reports,
                                              [r.id for r in ask.scope.reports]):
            return everything
        fact = figure_by_meaning(phrase, self._prose_in_asked_units(ask), self._label_vectors)
        return self._read_from_text(ask, fact) if fact is not None else None

    def _change_stated(self, ask: Ask) -> Answer | None:
        """The one change over another year the report's text states in the unit asked, of the thing the question
        names (its Chinese words, or the dictionary's for English ones) where it states several."""
        changes = [f for f in self._prose_in_asked_units(ask) if f.report_id == ask.scope.reports[0].id
                   and _CHANGE_SAID.search(text_before(f))]
        if len(changes) > 1:
            words = bigrams(ask.topic) if ask.q.lang == "zh" else \
                {w for t in english_terms(without_agencies(ask.topic, ask.scope))[0] for w in t.chinese}
            changes = [f for f in changes if any(w in text_before(f) for w in words)]
        return self._read_from_text(ask, changes[0]) if len(changes) == 1 else None

    def _read_from_text(self, ask: Ask, fact: Fact) -> Answer:
        text = say_read_from_text(self.reports.get(fact.report_id), ask.q.lang, fact, quoted_section=True)
        return Answer(ask.q.text, found=True, text=text, value=fact.value, unit=fact.unit, facts=[fact],
                      notes=["read from the text"], intent="lookup")

    def _passages(self, ask: Ask) -> Answer:
        if ask.q.intent is Intent.LIST and ask.q.concepts:  # the list was not in a table: describe it from the prose
            ask = replace(ask, passages=self.retrieve(replace(ask.q, intent=Intent.PROSE), ask.scope, ask.topic))
        return answer_from_passages(self.reports, ask, self.prose_min_score)

    def retrieve(self, q: Question, scope: Scope, topic: str) -> list[Hit]:
        if self.retriever is None or not scope.reports:
            return []
        ids = tuple(r.id for r in scope.reports)
        # A question that wants a description is answered from prose; table rows would crowd it out.
        wants_prose = q.intent in (Intent.PROSE, Intent.LIST) and not (q.concepts and q.intent is Intent.LIST)
        filters = Filters(report_ids=ids, kind="prose" if wants_prose else None)
        topics = [t for t in self.lexicon.words.section_topics if t.question.search(q.text)] if wants_prose else []
        words = " ".join(chinese_words(q)) or None
        if not topics:
            return self.retriever.search(topic, k=self.top_k, filters=filters, words=words)
        # "存在哪些问题", "what are the plans": every report has that part; its passages come first, in their order
        hits = self.retriever.search(topic, k=self.top_k * SECTION_POOL, filters=filters, words=words)
        under = [h for h in hits if any(t.heading.search(h.passage.section) for t in topics)]
        return (under + [h for h in hits if h not in under])[: self.top_k]


_JOINED = re.compile(r"和|与|及(?!时)|、")


def _one_of_the_joined(whole: str, part: str, words: list[str]) -> bool:
    """"人大建议和政协提案办理共计11件,其中人大建议办理6件" asked of the NPC deputies' suggestions alone: the part is
    one of the things the whole's label joins, the one the question's words name, and they name none of the others."""
    items = [i for i in _JOINED.split(whole) if len(i) >= 2]
    if len(items) < 2 or not words:
        return False
    mine = next((i for i in items if part.startswith(i) or i.startswith(part)), None)
    return mine is not None and any(w in mine for w in words) \
        and not any(w in other and w not in mine for other in items if other is not mine for w in words)


@lru_cache(maxsize=1024)
def _concept_said(words: tuple[str, ...], said: str, others: tuple[str, ...] = ()) -> bool:
    """Whether a sentence names a concept: by one of its words whole (在线留言 says "online" by 在线, though most of
    the concept's words share 网), else by the characters most of its words share, outside the words of other
    concepts (答复书 holds 复 in 答复, a reply, and says nothing of a reconsideration; 复函 says a reply)."""
    if any(w in said for w in words):
        return True
    characters = _core_characters(words)
    for other in sorted(others, key=len, reverse=True):
        if other not in words:
            said = said.replace(other, " ")
    return not characters or bool(characters & set(said))


def _core_characters(words: tuple[str, ...]) -> frozenset[str]:
    """The characters most of a concept's Chinese words share (申, 请 of 申请数量, 受理依申请公开, …), those of
    政府信息公开 aside: what any sentence about the concept writes."""
    counts = Counter(c for w in words for c in set(w))
    return frozenset(c for c, n in counts.items() if 2 * n > len(words) and c not in DOMAIN_CHARACTERS)


def _concern_unsaid(q: Question, result: Answer) -> str:
    """"公示栏公开信息中有多少条涉及安全生产": a count of the things that concern a subject (涉及 + what) is not the
    figure of all of them, unless its row or sentence names the subject (属于国家秘密 for 涉及国家秘密). A subject
    made of the domain's own words (涉及政府信息公开的行政诉讼) narrows nothing. The subject, or ""."""
    if not result.facts:
        return ""
    if q.lang == "en":
        return _concern_unsaid_en(q, result)
    for m in _CONCERNS.finditer(q.text):
        words = [w for w in jieba_words(m.group(1)) if len(w) >= 2 and not is_bare(w) and w not in _NOT_SUBJECT]
        if words and any(not any(w in f.label + f.path_text + (f.source or "") for w in words) for f in result.facts):
            return m.group(1)  # (涉及国家秘密不予公开: 国家秘密 is in 属于国家秘密)
    return ""


_CONCERNS_EN = re.compile(r"(?:\bhow many of\b.+?\b|^\s*of\b[^,?]+,\s*how many\b\s*(?:[a-z]+\s+){0,2}?)"
                          r"(?:(?:concerned|concerning|involved|involving|related to|relating to|were about|dealt with)"
                          # "how many of its national media articles appeared in People's Daily": where a part went
                          r"|(?P<placed>appeared in|appeared on|ran in|were carried by|were published in))"
                          r"\s+(?P<subject>[a-z][a-z' -]{2,40}?)(?=\s+in\s+\d{4}|\s*[?(]|$)",
                          re.IGNORECASE)


def _concern_unsaid_en(q: Question, result: Answer) -> str:
    """"How many of X's 2024 requests concerned land consolidation": every word of the subject, read through the
    dictionary, must be said where the figure is; a word the dictionary lacks cannot be checked and gives no figure.
    Where a part went ("ran in provincial or higher-level media": 省级以上媒体) is said by its head noun and all its
    words but one the dictionary has."""
    m = _CONCERNS_EN.search(q.text)
    if m is None:
        return ""
    subject = m.group("subject")
    # a phrase the glossary knows whole first ("did not exist": 不存在), the dictionary's words for the rest
    curated = [chinese for _, _, chinese in glossary_phrases(subject)]
    for start, end, _ in reversed(glossary_phrases(subject)):
        subject = subject[:start] + " " + subject[end:]
    terms, missing = english_terms(subject)
    placed = bool(m.group("placed"))
    if missing and not placed:
        return m.group("subject")
    for fact in result.facts:
        said_of = [any(c in fact.label + fact.path_text + (fact.source or "") for c in chinese)
                   for chinese in (*curated, *(t.chinese for t in terms))]
        if not all(said_of) and not (placed and said_of and said_of[-1] and sum(said_of) >= len(said_of) - 1):
            return m.group("subject")
    return ""


_NOT_SUBJECT = frozenset({"不予", "不给", "没有", "不能", "无法", "而", "因为", "所以"})
_CONCERNS = re.compile(r"涉及(?:到)?([\u4e00-\u9fa5]{2,8}?)(?=的|方面|类|领域|问题|内容|[？?，,。]|$)")


# "门户网站公开的信息中环境质量信息有多少条": a part (环境质量信息) asked of a whole (门户网站公开的信息)
_PART_OF_WHOLE_ZH = re.compile(r"(?P<whole>[\u4e00-\u9fa5]{2,}?)(?<![其年])(?:中|当中)[，,]?(?:的)?"
                               r"(?P<part>[\u4e00-\u9fa5“”]{2,16}?)(?:有|是|为|共|一共)?(?:多少|几)")
_SAID_OF_ANY = frozenset({"信息", "政府", "公开", "政务", "多少", "条数", "数量"})


def _part_of_the_whole_unnamed(ask: Ask, result: Answer) -> str:
    """The question asks a part of a whole ("…信息中环境质量信息有多少条") and the figure's words (its label, row
    and column) name nothing of that part but words every figure has: the whole's figure, no answer. The part, or
    ""."""
    if ask.q.lang != "zh" or len(result.facts) != 1 or (m := _PART_OF_WHOLE_ZH.search(ask.topic)) is None:
        return ""
    fact = result.facts[0]
    named = fact.path_text + (fact.column or "") + fact.label
    part = m.group("part").strip("“”的")
    pairs = {part[i: i + 2] for i in range(len(part) - 1)} - _SAID_OF_ANY
    return part if pairs and not any(p in named for p in pairs) else ""


# a figure stating a change over another year ("较上一年度上涨了800人", "比去年增加12件")
_CHANGE_SAID = re.compile(r"(?:较|比|同比|环比)[^，,。；;]{0,10}?"
                          r"(?:上涨|增长|增加|减少|下降|提高|降低|上升|增多|减)了?$")


# "当年(不含以前年度累计)新增", "除政府网站外": what the question takes out of the thing it asks
_LEFT_OUT_ZH = re.compile(r"(?:不含|不包含|不包括|不计|除去|扣除|剔除|除了?)(?P<what>[\u4e00-\u9fa5]{2,12}?)"
                          r"(?=以外|之外|外|[）)，,、。？?]|$)"
                          # ("门户网站以外渠道": what is outside the portal, without 的 before the other channels)
                          r"|(?P<outside>[\u4e00-\u9fa5]{2,12}?)(?:以外|之外)(?:的|(?=渠道|方式|途径|平台|媒体))")


def _words_where(fact: Fact) -> str:
    """What a figure's own words are: a row's path and column, a prose figure's words before it in its sentence."""
    if fact.kind == "prose":
        return text_before(fact) or fact.label
    return fact.path_text + (fact.column or "")


# ("besides its press conferences", "without CPPCC proposals": a figure of those, by its own noun, is none of the
# asked ones; no whole less them either, so they are no complement's words — and "另有2名工作人员" after the
# director's words is no figure of the director)
_LEFT_OUT_EN = re.compile(r"\b(?:(?P<leaving>" + LEAVING_OUT_EN + r"|not including)|besides|without)\s+"
                          r"(?P<what>[^,?()]+)", re.IGNORECASE)


def _excluded_by_the_question(q: Question, result: Answer) -> str:
    """"当年(不含以前年度累计)新增主动公开了多少条", "Leaving aside the news items, how many…": a figure whose own
    words name what the question leaves out (累计主动公开…457条; 网站发布动态要闻300余条) is the very figure it
    excludes. The words left out, or ""."""
    if len(result.facts) != 1:
        return ""
    own = _words_where(result.facts[0]) + result.facts[0].label  # (the words after it too: 召开4次新闻发布会)
    if q.lang == "en":
        for m in _LEFT_OUT_EN.finditer(q.text):
            terms, _ = english_terms(m.group("what"))
            named = own if m.group("leaving") else result.facts[0].label
            if terms and all(any(c in named for c in curated_words(t)) for t in terms):
                return m.group("what").strip()
        # ("how many items were not work-news items": the figure of the work news is the one left out)
        if (were_not := _WERE_NOT_EN.search(q.text)) and (terms := english_terms(
                _ITEM_NOUNS_EN.sub(" ", were_not.group("parts")))[0]) \
                and all(any(c in result.facts[0].label for c in curated_words(t)) for t in terms):
            return were_not.group("parts").strip()
        return ""
    for m in _LEFT_OUT_ZH.finditer(q.text):
        what = m.group("what") or m.group("outside")
        if any(w in own for w in jieba_words(what) if len(w) >= 2 and w not in _SAID_OF_ANY):
            return what
    return ""


_WERE_NOT_EN = re.compile(r"\b(?:were|was|are|is)\s+not\s+(?P<parts>[^,?]+?)(?=\?|$)", re.IGNORECASE)
_ITEM_NOUNS_EN = re.compile(r"\b(?:items?|ones?|pieces?|entries|information)\b", re.IGNORECASE)


# "通过网格群发布信息多少条": the channel a question names for what was published
_THROUGH_ZH = re.compile(r"(?P<verb>通过|利用|借助|依托)(?P<channel>[\u4e00-\u9fa5“”]{2,12}?)"
                         r"(?=发布|公开|推送|公布|推出|刊登|转载)")
# "白沙县2023年政务新媒体发布了多少条": a channel as the subject of the publishing verb
_CHANNEL_PUBLISHES_ZH = re.compile(r"(?P<channel>[\u4e00-\u9fa5“”]{0,4}?(?:新媒体|公众号|微博|官网|网站|抖音号?|客户端"
                                   r"|视频号|头条号))(?=(?:共|累计|全年|一共|总共)?(?:发布|推送|推出|刊登|转载))")


def _channel_unsaid(ask: Ask, result: Answer, step: str) -> str:
    """A question naming the channel something went through, answered by a sentence that names nothing of that
    channel (the whole year's 489条 for "通过网格群发布"): the channel, or "". The body's own name is no channel
    (…综合利用工业园区发布), nor a verb inside a word (综合利用)."""
    if len(result.facts) != 1 or result.facts[0].kind != "prose":
        return ""
    fact = result.facts[0]
    if ask.q.lang == "en":  # (a figure read from the passages only: the others were found by the asked words)
        if step == "named by meaning":  # (a sentence naming no channel may be under its heading's: only another)
            return channel if (channel := _channel_unsaid_en(ask.q.text, fact)) and _names_a_channel(fact) else ""
        return _channel_unsaid_en(ask.q.text, fact) if step == "figure in passages" else ""
    text = without_agencies(ask.q.text, ask.scope)
    words = set(jieba_words(text))
    for m in [*_THROUGH_ZH.finditer(text), *_CHANNEL_PUBLISHES_ZH.finditer(text)]:
        if "verb" in m.groupdict() and m.group("verb") not in words:
            continue
        channel = m.group("channel").strip("“”")
        pairs = {channel[i:i + 2] for i in range(len(channel) - 1)} - _SAID_OF_ANY
        if pairs and not any(p in fact.source for p in pairs):
            return channel
    return ""


def _names_a_channel(fact: Fact) -> bool:
    """The figure's sentence, up to the figure, names some channel ("政府网站发布信息180余条")."""
    at = fact.source.find(fact.raw) if fact.raw else -1
    return bool(_ANY_CHANNEL_ZH.search(fact.source[: at + len(fact.raw)] if at >= 0 else fact.source))


_ANY_CHANNEL_ZH = re.compile(r"网站|门户|微信|微博|公众号|订阅号|服务号|抖音|头条|新媒体|公开栏|宣传栏|公示栏|显示屏"
                             r"|报纸|报刊|电视|广播|客户端|政务服务网|政务网")


# "… post on its public notice boards in 2023?": where an English question says it was published
_WHERE_EN = re.compile(r"\b(?:on|through|via)\s+(?:its|their|the)?\s*(?P<where>[a-z][a-z' -]{2,50}?)"
                       r"(?=\s+(?:in|during|for)\s+(?:19|20)\d{2}\b|\s*[?.,]|\s+(?:combined|together|alone)\b"
                       r"|\s+(?:such as|like|including|e\.g\.)\s|$)")  # ("new media such as 'Zui Gaoqing'")
# words for any channel, which say nothing of which one: the word before them names it ("its Toutiao account")
_ANY_CHANNEL_EN = frozenset({"account", "accounts", "platform", "platforms", "channel", "channels", "page", "pages",
                             "site", "sites", "media", "outlet", "outlets"})
# what a channel is called, last in its name: "on information disclosure" is a topic, "on its notice boards" a channel
_CHANNEL_NOUNS_EN = _ANY_CHANNEL_EN | {"board", "noticeboard", "screen", "display", "website", "portal", "column",
                                       "newspaper", "paper", "tv", "television", "radio", "app", "weibo", "wechat",
                                       "microblog", "hotline", "bulletin", "gazette", "kiosk", "terminal", "window",
                                       "wall"}


def _channel_unsaid_en(question: str, fact: Fact) -> str:
    """"How many items did … post on its public notice boards": a figure whose sentence names nothing of the
    channel's own noun (公开栏 for "boards": 微信公众号等新媒体公开…59条 is not theirs). The channel, or ""."""
    m = _WHERE_EN.search(without_english_body_names(question))
    if m is None:
        return ""
    last = re.split(r"[\s'-]+", m.group("where").strip())[-1]
    if last not in _CHANNEL_NOUNS_EN and last.removesuffix("s") not in _CHANNEL_NOUNS_EN:
        return ""
    heads = [_channel_head_words(item) for item in re.split(r",\s*|\s+(?:and|or|plus)\s+", m.group("where"))]
    if any(h is None for h in heads) or not any(heads):
        return ""  # (a channel the glossary does not know may be named otherwise; "all platforms" names none)
    # (the figure's sentence up to the figure: "政府网站发布信息180余条…;通过最高青等新媒体发布…" names new media for
    # a figure after the website's)
    at = fact.source.find(fact.raw) if fact.raw else -1
    where = (fact.source[: at + len(fact.raw)] if at >= 0 else fact.source) + fact.path_text
    return "" if any(w in where for h in heads if h for w in h) else m.group("where")


def _channel_head_words(item: str) -> frozenset[str] | None:
    """The reports' words for a channel's own noun, from the project's glossary only ("new media": 新媒体; "public
    notice boards": 公开栏…; "its WeChat account": 微信), the words for any channel (account, platform) set aside;
    None when the glossary does not know it (the dictionary's senses are too many to veto a figure by)."""
    words = item.strip().lower().replace("-", " ").split()
    entries = glossary_entries()
    while words:
        for n in range(min(3, len(words)), 0, -1):
            tail = " ".join(words[-n:])
            # (a name of several words may end in a word for any channel: "new media", "video channel")
            if (n > 1 or words[-1] not in _ANY_CHANNEL_EN) \
                    and (chinese := entries.get(tail) or entries.get(tail.rstrip("s"))):
                return frozenset(chinese)
        if words[-1] not in _ANY_CHANNEL_EN:
            return None
        words.pop()
    return frozenset()


# "在区政府网两个栏目共公开信息多少条": a count of things whose figures the question adds up
_SEVERAL_TOGETHER_ZH = re.compile(r"(?P<several>[两二三四五六七八九\d]个[\u4e00-\u9fa5]{1,6}?)"
                                  r"(?:[\u4e00-\u9fa5]{0,6}?)(?:共|一共|合计|总共|加起来)")


def _several_counted_together(q: Question, result: Answer) -> str:
    """"两个栏目共公开信息多少条" answered by one column's figure, whose sentence does not say it counts them all:
    what the question adds up, or ""."""
    if q.lang != "zh" or len(result.facts) != 1 or (m := _SEVERAL_TOGETHER_ZH.search(q.text)) is None:
        return ""
    fact = result.facts[0]
    return "" if m.group("several")[:2] in (text_before(fact) or fact.label) else m.group("several")


_TOTALLING = re.compile(r"共|合计|总|累计|全年|各类|全部|所有")


def _every_kind_not_counted(ask: Ask, result: Answer) -> bool:
    """"年报列出的各类主动公开信息加起来一共多少条" answered by one figure whose words say no whole (通过…栏目公开信息
    6条): one kind, not every kind added up."""
    if ask.q.lang != "zh" or len(result.facts) != 1 or result.facts[0].kind != "prose" \
            or not (EVERY_KIND_ADDED.search(ask.topic) and ADDED_UP.search(ask.topic)):
        return False
    fact = result.facts[0]
    return not _TOTALLING.search(text_before(fact) or fact.label)


_RECEIVED_EN = re.compile(r"\breceiv(?:e|ed|ing)\s+(?!(?:in|during|from|by|through|via|over|at|on|for|and|or|a|an|the"
                          r"|any|all|each|every|this|that|these|those|them|it|its|their|total|in total)\b)"
                          r"(?P<what>[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)", re.IGNORECASE)


# "单独收到多少件人大代表建议", "收到人大代表建议多少件": the thing received, written after the count or before it
_RECEIVED_ZH = re.compile(r"收到(?:了)?(?:(?:多少|几)[件条个份封项]?(?P<after>[\u4e00-\u9fa5]{2,12})"
                          r"|(?:的)?(?P<before>[\u4e00-\u9fa5]{2,12}?)(?:共|一共|总共|合计)?(?:多少|几))")


# "Binhai New Area", "Pudong New District": a place's kind (新区), no new thing asked
_NEW_AREA = re.compile(r"(?<=[a-z] )New(?= (?:Area|District|Zone|City)\b)")
# a capitalised word just before (a place's name, "the Guizhou …"), not a question's first word
_PROPER_NAME_BEFORE = re.compile(r"(?:^|(?<=\s))(?!(?:How|What|Which|Of|In|By|For|Did|Does|Do|Is|Are|Was|Were)\s)"
                                 r"[A-Z][a-z'’-]+\s+$")
_EXACT_ASKED = re.compile(r"\bexact(?:ly)?\b|\bprecise(?:ly)?\b|确切|准确|精确", re.IGNORECASE)


def _received_something_else(q: Question, result: Answer) -> str:
    """"How many people received social assistance", "收到多少件人大代表建议": what was received is no request, so
    requests received (未收到政府信息公开申请: 0件) are no answer. The thing received, or ""."""
    if asks_about_requests(q.text) or not result.facts:
        return ""
    if q.lang == "zh":  # (any figure whose words never name the thing received: 收到…投诉件0件 for 建议 too)
        m = _RECEIVED_ZH.search(q.text)
        what = (m.group("after") or m.group("before") or "") if m else ""
        # (收到…投诉举报5件 counts the very thing received)
        said = "".join(text_before(f) + f.label for f in result.facts)
        return "" if any(pair in said for pair in bigrams(what) - PLAIN_BIGRAMS) else what
    if not all(counts_requests(f) for f in result.facts):
        return ""
    m = _RECEIVED_EN.search(q.text)
    return m.group("what") if m else ""


def _a_change_not_asked(q: Question, result: Answer) -> bool:
    """"上一年度的粉丝量是多少" answered by "较上一年度上涨了800人": the figure is how much a thing changed, and the
    question asks no change (grow, 增长, 多了) nor a difference."""
    if len(result.facts) != 1 or result.facts[0].kind != "prose" or q.intent is not Intent.LOOKUP:
        return False
    fact = result.facts[0]
    return bool(_CHANGE_SAID.search(text_before(fact) or fact.label)) and ASKS_A_CHANGE.search(q.text) is None \
        and not re.search(r"多了|少了|多出|\bmore\b|\bfewer\b|\bless\b|\bby how (?:many|much)\b", q.text, re.I)


# "compared with its 2024 website-plus-new-media total": one side of the comparison is a sum
# (or several things of one kind counted on a side: "Gaoyi township's three channels combined", "两个栏目合计")
_PLUS = re.compile(r"\bplus\b|-plus-|加上"
                   r"|\b(?:two|three|four|five|six|[2-9])\s+(?:[a-z-]+\s+)?(?:channels|platforms|columns"
                   r"|accounts|kinds|categories|types)\s+(?:combined|together|in total)\b"
                   r"|[两二三四五六2-9]个(?:渠道|平台|栏目|账号|类别)(?:合计|共|一共|加起来)", re.IGNORECASE)


def _a_side_adds_up(q: Question, result: Answer) -> bool:
    """A difference whose question adds things up on a side, answered by one figure a side."""
    return q.intent is Intent.DIFFERENCE and len(result.facts) == 2 and _PLUS.search(q.text) is not None


_CHANGED_EN = re.compile(r"\b(?:increase|increased|rise|rose|grow|grew|growth|fall|fell|drop|dropped|decrease|decreased"
                         r"|change|changed|more|fewer|less|than|compared|over|from)\b", re.IGNORECASE)


# "非网上咨询有多少": 非 before a word (not 并非, 是非, 除非; not 非常, 非法)
_NEGATED_WORD_ZH = re.compile(r"(?<![并是除莫])非(?!常|法)(?P<word>[\u4e00-\u9fa5]{2})")


def _negated_in_question(q: Question, result: Answer) -> str:
    """"2012年非网上咨询多少人次" read as 网上咨询3人次: the figure counts what the question's 非 sets apart (a label
    that writes 非 itself, 非政府信息, 非遗项目, says what is asked)."""
    if len(result.facts) != 1:
        return ""
    label = result.facts[0].label
    for m in _NEGATED_WORD_ZH.finditer(q.text):
        if m["word"] in label and "非" + m["word"] not in label:
            return f"the question asks what is not {m['word']} (非{m['word']}), which the figure counts"
    return ""


def _ordinal_asked(q: Question) -> str:
    """"第几次位列第一", "for the how-many-th time": a place in a series, which no count of things is."""
    return "the question asks an ordinal (第几), and the figure counts things" if _ORDINAL_ASKED.search(q.text) else ""


_ORDINAL_ASKED = re.compile(r"第几|\bhow[- ]many[- ]th\b|\bwhich (?:time|edition|session|round)\b", re.IGNORECASE)
# "截至2017年底", "by the end of 2017": a running total up to the end of a year
_UP_TO_END_OF = re.compile(r"(?:截至|截止|到)\s*((?:19|20)\d{2})\s*年(?:底|末|12月31日)"
                           r"|\b(?:by|at|as of) the end of ((?:19|20)\d{2})\b", re.IGNORECASE)
_REPORT_OF_A_YEAR = re.compile(r"(?:19|20)\d{2}\s*(?:年度?)?\s*(?:report|年报|报告|工作年度报告)"
                               r"|\breport (?:for|of) (?:19|20)\d{2}", re.IGNORECASE)


def _year_before_asked(q: Question, result: Answer) -> bool:
    """"According to its 2025 report, how many … in the previous year": the year before the named report's is asked,
    which a figure of the report's own year (2025年收到0条) does not answer."""
    if _earlier_year_of_a_named_report(q, result):
        return True
    if "去年" not in q.relative_years or "比去年" in q.relative_years or len(q.years) != 1 \
            or q.intent is not Intent.LOOKUP or ASKS_A_CHANGE.search(q.text) or _CHANGED_EN.search(q.text) \
            or not _REPORT_OF_A_YEAR.search(q.text) or not result.facts:
        return False  # ("by how much did … increase over the previous year": a change, the report's own year's)
    return all((f.year or q.years[0]) == q.years[0] for f in result.facts)


def _earlier_year_of_a_named_report(q: Question, result: Answer) -> bool:
    """"By the end of 2018, how many … judging from its 2019 report": the year before the named report's is asked by
    its number; a figure of the report's own year (历年累计345条, at the end of 2019) does not answer it."""
    named = _REPORT_OF_A_YEAR.search(q.text)
    if not named or q.intent is not Intent.LOOKUP or len(q.years) != 2 or not result.facts:
        return False
    report_year = int(re.search(r"(?:19|20)\d{2}", named.group(0)).group(0))  # type: ignore[union-attr]
    # (only a state at the end of that year: "从2024年结转" in the 2025 report is the report's own figure)
    up_to = _UP_TO_END_OF.search(q.text)
    return up_to is not None and int(next(g for g in up_to.groups() if g)) == report_year - 1 \
        and all(f.year in (None, report_year) for f in result.facts)


def _table_measure_unsaid(q: Question, result: Answer) -> str:
    """"行政处罚的本年处理决定数量": a measure the template's tables count in a column of their own (a generic concept
    with columns: decisions made), asked in Chinese, is not what a sentence counting something else of the same
    thing states ("行政处罚类信息62条" counts items published about penalties). The measure's id, or ""."""
    if q.lang != "zh" or len(result.facts) != 1 or result.facts[0].kind != "prose":
        return ""
    fact = result.facts[0]
    # "有几件决定不予公开": the measure's word as the verb of an outcome asked beside it, no measure of its own
    outcomes = [w for c in q.concepts if not c.generic for w in c.phrases if not w.isascii()]
    for concept in q.concepts:
        words = [w for w in concept.phrases if not w.isascii()]
        said = [m for w in words for m in re.finditer(re.escape(w), q.text)
                if not any(q.text.startswith(o, m.end()) for o in outcomes)]
        if concept.generic and concept.columns and said and not any(w in fact.source + fact.label for w in words):
            return concept.id
    return ""


# concepts a verb of any count names ("visits … receive", "requests … received"): no thing of their own to say
_VERBS_OF_ANY_COUNT = VERBS_OF_ANY_COUNT
_LISTING_GAP = re.compile(r"^[\s,]*(?:[a-z/-]+\s+){0,3}?(?:and|&|和|与|及|以及|、)\s*(?:its|their|the)?\s*(?:own)?\s*$",
                          re.I)


def _said_in(concept: Concept, tagged: Mapping[str, object], text: str) -> bool:
    """The figure is tagged with the concept, or the text around it writes one of its Chinese words."""
    return concept.id in tagged or any(w in text for w in concept.phrases if not w.isascii())


# "(including those carried over)", "(含上年结转)": a part the whole asked holds, in brackets
INCLUDED_PART = re.compile(r"\s*[（(]\s*(?:including|incl\.?|counting)\s+(?:those\s+|the\s+ones\s+)?"
                           r"(?P<en>[^()（）?]+?)\s*[)）]"
                           r"|[（(](?:含|包括|包含)(?P<zh>[^（）()]{2,20}?)(?:在内)?[)）]", re.IGNORECASE)


def _of_a_kind_not_asked(q: Question, result: Answer) -> str:
    """A figure in a unit the question rules out, or the report's count of its own parts for a question not about
    them: why, or ""."""
    if not unit_fits(q.text, result.unit):
        return f"unit {result.unit} does not fit the question"
    if q.intent is Intent.SHARE and result.value is not None and result.unit not in _SHARE_UNITS:
        return f"a share is asked, and {result.value}{result.unit} is a count"  # (294小项 for "what share of …")
    parts = any(f.label == REPORT_PARTS_LABEL for f in result.facts)
    if parts and not _PARTS_ASKED.search(q.text):
        return "the report's count of its own parts answers only a question about its parts"
    if not parts and _REPORTS_PARTS_ASKED.search(q.text):
        return "the question asks the report's own parts, and the figure counts something else"  # (330多个城市)
    return ""


_SHARE_UNITS = frozenset({"%", "倍", "个百分点", "百分点"})
_PARTS_ASKED = re.compile(r"部分|\bparts?\b|\bsections?\b|\bchapters?\b", re.IGNORECASE)
# "How many parts does … report have?", "报告由几部分组成": the report's parts, which only its own count of them answers
_REPORTS_PARTS_ASKED = re.compile(r"(?:报告|年报)[^？?]{0,12}?(?:几|多少)个?部分"
                                  r"|\bhow many (?:parts|sections|chapters)\b[^?]*\breport\b", re.IGNORECASE)
_WHOSE_EN = re.compile(r"^.*?['’]s\s+")  # "the Hangzhou health commission's …": whose, not what


def _the_rest_said_by_etc(concept: Concept, listed: list[Concept], text: str) -> bool:
    """"Its portal and other channels" said as 通过门户网站等发布: a thing that is the rest of a list (其他途径) is
    written by 等 right after another listed thing's word."""
    if not any(w.startswith(_THE_REST) for w in concept.phrases if not w.isascii()):
        return False
    return any(f"{w}等" in text for c in listed if c is not concept for w in (*c.phrases, *c.rows) if not w.isascii())


_THE_REST = ("其他", "其它", "另")


def _listed_together(text: str, asked: list[Concept], lexicon: Lexicon) -> list[Concept]:
    """The things asked that the question lists side by side ("its portal and its WeChat account", "网站和微信"):
    two mentions with nothing but a listing word between them."""
    ids = {c.id for c in asked}
    spots = [m for m in find_mentions(text.lower(), lexicon) if m.concept is not None and m.concept.id in ids]
    together = {c.id for a, b in zip(spots, spots[1:], strict=False)
                if a.concept is not b.concept and (gap := text[a.end: b.start]) and _LISTING_GAP.match(gap)
                for c in (a.concept, b.concept) if c is not None}
    return [c for c in asked if c.id in together]


def _applicants_together(q: Question, result: Answer, lexicon: Lexicon) -> str:
    """"收到公民、法人和其他组织提交的政府信息公开申请55件" asked of legal persons: the sentence counts the requests of
    every kind of applicant it lists, none of one kind alone. The kinds it lists beside the one asked, or ""."""
    kinds = [c for c in lexicon.columns if c.id not in APPLICANTS_NONE]
    # ("from legal persons rather than individuals": individuals are not asked)
    said = _NEGATED_REST.split(q.text)[0].lower()
    asked = {m.column.id for m in find_mentions(said, lexicon) if m.column and m.column.id not in APPLICANTS_NONE}
    if not asked or q.intent is not Intent.LOOKUP or len(result.facts) != 1 or result.facts[0].kind != "prose":
        return ""
    before = text_before(result.facts[0])
    before = before[max((m.end() for m in re.finditer(r"\d", before)), default=0):]  # the figure's own stretch
    named = {c.id for c in kinds if any(p in before for p in c.phrases if not p.isascii())}
    # (其他组织 of 法人及其他组织 is the asked kind's own part, or its whole)
    family = {sub for c in q.columns for sub in c.sum_of} | {c.id for c in kinds if set(c.sum_of) & asked}
    others = named - asked - family
    return "、".join(sorted(others)) if len(named) >= 2 and others else ""


def _named_with_another(q: Question, result: Answer, lexicon: Lexicon) -> str:
    """"包括“新杨村街道”微博和微信公众号，累计发布…信息2100余条" asked of the Weibo account: the sentence's figure
    counts the thing asked joined (和, 、, 及) with another thing of the lexicon's the question does not name — no
    figure of the one asked. The other thing's words, or ""."""
    if len(result.facts) != 1 or result.facts[0].kind != "prose":
        return ""
    fact = result.facts[0]
    at = fact.source.find(fact.raw) if fact.raw else -1
    before = fact.source[:at] if at > 0 else ""
    if not before or "分别" in fact.source:  # "微博、微信分别发布100条、200条": each its own figure
        return ""
    # the figure's own stretch, since the figure before it ("…微信、微博共发布17249条(其中:…政务微博公开370条")
    before = before[max((m.end() for m in re.finditer(r"\d", before)), default=0):]
    asked = {c.id for c in q.concepts if not c.generic}
    if len(asked) != 1:
        return ""  # (a question naming several things may ask their joint figure, under words of its own)
    # (things joined inside a place the figure was published in name the place: "在行政许可和行政处罚双公示中公示了
    # 18件行政许可" counts licences, published under the scheme for both)
    places = [(p.start(), p.end()) for p in _PUBLISHED_IN.finditer(before)]
    mentions = [m for m in find_mentions(before, lexicon) if m.concept is not None and not m.concept.generic
                and not any(start <= m.start and m.end <= end for start, end in places)]
    for first, second in zip(mentions, mentions[1:], strict=False):
        ids = (first.concept.id, second.concept.id)  # type: ignore[union-attr]
        if ids[0] != ids[1] and (ids[0] in asked) != (ids[1] in asked) \
                and _JOINED.fullmatch(before[first.end: second.start]):
            other = second if ids[0] in asked else first
            return before[other.start: other.end]
    return ""


def _counted_with_another(q: Question, result: Answer, lexicon: Lexicon) -> str:
    """Why the figure counts another thing with or instead of the one asked, or ""."""
    if other := _asked_only_where_published(q, result, lexicon):
        return f"the question's thing names only where the figure was published; it counts {other}"
    if with_ := _counted_together(q, result, lexicon) or _named_with_another(q, result, lexicon) \
            or _applicants_together(q, result, lexicon):
        return f"the figure counts what is asked together with {with_}"
    return ""


def _asked_only_where_published(q: Question, result: Answer, lexicon: Lexicon) -> str:
    """"在行政许可和行政处罚双公示中公示了18件行政许可" asked of penalties: the label names the asked thing only in the
    place its figure was published in, and counts another thing of the lexicon's. That thing's words, or ""."""
    if len(result.facts) != 1 or result.facts[0].kind != "prose":
        return ""
    label = result.facts[0].label
    places = [(p.start(), p.end()) for p in _PUBLISHED_IN.finditer(label)]
    if not places:
        return ""
    asked = {c.id for c in q.concepts if not c.generic}
    # (each thing of the lexicon the label names: its concept, its span, and whether it is inside a place)
    # (a channel named in the place is where, as the question may ask it: "posted on the city website")
    named = [(m.concept.id, m.start, m.end, any(start <= m.start and m.end <= end for start, end in places))
             for m in find_mentions(label, lexicon) if m.concept is not None and not m.concept.generic
             and not _ANY_CHANNEL_ZH.search(label[m.start: m.end])]
    outside = [(start, end) for concept, start, end, placed in named if not placed]
    if not asked or not outside or any(concept in asked for concept, _, _, placed in named if not placed):
        return ""
    if any(concept in asked for concept, _, _, placed in named if placed):
        return label[outside[0][0]: outside[0][1]]
    return ""


_PUBLISHED_IN = re.compile(r"在[^在，,。；;]{2,24}?(?:中|上|里|内)"
                           r"(?=[\u4e00-\u9fa5]{0,4}(?:公示|公开|发布|公布|录入|上传|推送))")


# a gloss that is a list (意见征集、草案解读等), a body's name (大足区外事办) or a unit (笔) names no one row
_CJK_ONLY = re.compile(r"[\u4e00-\u9fff“”《》]+")  # ("in 条": a unit asked, no thing)
_NOT_A_THING_GLOSS = re.compile(r"[、，,等]|(?:局|委|办|厅|院|中心|政府|街道|镇|乡|区|县|市|省|州|所|馆)$")
_OF_THEM_WERE = re.compile(r"\bhow many of (?:the |its |their )?.+? (?:were|was) (?P<what>[a-z][a-z ,'-]*?)"
                           r"(?=\s+(?:in|by|from|through|during|on)\b|\s*[?(]|$)", re.IGNORECASE)
_DETERMINER = re.compile(r"\s*(?:the|its|their|his|her|a|an)\b", re.IGNORECASE)
_NEGATED_REST = re.compile(r"\b(?:rather than|instead of|but not|not)\b", re.IGNORECASE)
_JOINED = re.compile(r"[”\"'」』\s]*(?:和|与|及|、|以及)[“\"'「『\s]*")


_COUNT_ASKED = re.compile(r"多少|几|\bhow (?:many|much)\b|\bnumber of\b", re.IGNORECASE)
_AVERAGE = re.compile(r"[日月年周人户]均|平均|\b(?:average|per (?:day|month|week|person|capita))\b", re.IGNORECASE)


def _not_a_figure_asked(q: Question, result: Answer) -> str:
    """Why no one figure answers: a list is asked, an average the figure is not, or the figure is one end of a range
    ("" when none)."""
    if q.intent is Intent.LIST and len(result.facts) == 1 and result.facts[0].kind == "prose":
        return "a list is asked (通过哪些途径); one figure of the text lists nothing"
    if _AVERAGE.search(q.text) and result.facts and not any(_AVERAGE.search(_said_with(f)) for f in result.facts):
        return "the question asks an average (日均), which the figure is not"
    if one_way := _one_way_of_several(q, result):
        return f"the figure counts every way it lists ({one_way} among others), not the one asked"
    if ends := [f.raw for f in result.facts if range_end_not_asked(q.text, f)]:
        return f"the figure is one end of a range ({ends[0]}); the question asks neither end"
    if _EXACT_ASKED.search(q.text) and any(ROUGH_FIGURE.search(f.raw) for f in result.facts):
        return "the question asks an exact figure; the report gives a rough one (…余, …多)"
    return ""


_WAYS_LISTED = re.compile(r"(?:依托|通过|利用|借助|在)(?P<list>[^。；;，,]*?、[^。；;]*?)等"
                          r"(?:多样化|多种|各类|各种)?的?(?:渠道|平台|方式|途径|载体|形式)")
_WAY_KIND = re.compile(r"(?:平台|栏目|网站|账号|公众号)$")


def _one_way_of_several(q: Question, result: Answer) -> str:
    """"依托区政府门户网站信息公开栏目、美篇平台等多样化渠道,累计发布超235条": the figure is of every way listed; a
    question naming one of them (在美篇平台发布了多少条) but not all asks a figure the text does not give ("" when
    it does not)."""
    if len(result.facts) != 1 or result.facts[0].kind != "prose" or q.lang != "zh":
        return ""
    fact = result.facts[0]
    at = figure_position(fact)
    lists = list(_WAYS_LISTED.finditer(fact.source[:at])) if at else []
    listed = lists[-1] if lists else None
    if at is None or listed is None or re.search(r"\d", fact.source[listed.end():at]):
        return ""  # (a figure between the list and this one: the list is that figure's, "其中网站公开92条" its own)
    ways = [w for w in re.split(r"、|和|及|与", listed.group("list")) if len(w) >= 2]
    named = [w for w in ways if w in q.text or len(core := _WAY_KIND.sub("", w)) >= 2 and core in q.text]
    if any(w in fact.label or _WAY_KIND.sub("", w) in fact.label for w in named):
        return ""  # the figure's own words name the way asked ("音视频解读13篇次")
    return named[0] if named and len(named) < len(ways) else ""


def _said_with(fact: Fact) -> str:
    """A figure's label and the words right before it in its sentence (or its table row's path)."""
    if fact.kind != "prose":
        return fact.path_text
    return fact.label + text_before(fact)[-12:]


_PUBLISHED_HEAD = re.compile(r"^(?:在|通过|于|经)[^、，,]{1,30}(?:公开|发布|公布|公示|推送|上传|刊登|录入)了?")


def _counted_together(q: Question, result: Answer, lexicon: Lexicon) -> str:
    """"梁平区卫健委公开了多少条行政许可结果": "其中公开行政许可、行政处罚、行政事业性收费等共75条" counts licences
    with penalties and fees — things listed in the figure's label, each a thing of its own to the lexicon. A question
    naming one of them is not asking for their joint figure. The listed things it does not name ("" when the figure
    answers: a list describing one kind, 处置、预警、方案等信息, names no things of the lexicon's)."""
    if len(result.facts) != 1 or result.facts[0].kind != "prose" or _EVERY_KIND.search(q.text):
        return ""  # ("网站主动发布各类信息多少条" asks the figure of every kind the label lists)
    # (the channel and verb opening the list are where its things went, none of them: "通过…网站主动公开规划信息、…")
    things = [t for t in _PUBLISHED_HEAD.sub("", result.facts[0].label).split("、") if t]
    if len(things) < 2:
        return ""
    concepts = [{m.concept.id for m in find_mentions(t.lower(), lexicon) if m.concept and not m.concept.generic}
                for t in things]
    asked = {c.id for c in q.concepts}
    # (an English question names a listed thing by the glossary's words for it too: "budget and final-accounts")
    glossed = [w for w in _glossary_chinese(q.text) if len(w) >= 2] if q.lang == "en" else []
    named = [n for n, ids in enumerate(concepts) if ids & asked or any(w in things[n] for w in glossed)]
    others = [n for n, ids in enumerate(concepts) if ids and not ids & asked and n not in named]
    after = things[-1].partition("等")[2]
    if len(after) >= 2 and not _KINDS_OF.match(after):
        # "网站、报纸等方式进行政策解读": the list qualifies the thing counted after 等 (its channels), which the
        # question may ask whole; one channel named (通过报刊、微信公众号等媒体公开信息 asked of the WeChat account)
        # against another the question does not write is still not its own figure
        # ("on Weibo alone": one channel asked by itself, in English too)
        alone = q.lang == "en" and _ALONE_EN.search(q.text) is not None
        if q.lang != "zh" and not alone or len(named) != 1 or "等" in q.text or after in q.text:
            return ""  # "垃圾分类、地下管线保护等工作专题": the list asked; "多少条财政信息": what it lists examples of
        others = [n for n, t in enumerate(things) if n not in named and (alone or not concepts[n])
                  and len(item := _LEAD_VERB.sub("", t.partition("等")[0])) >= 2 and item not in q.text]
    if len(named) != 1 or not others:
        return ""
    return "、".join(things[n] for n in others)


_ALONE_EN = re.compile(r"\b(?:alone|by itself|on its own|only|solely|exclusively|specifically)\b", re.IGNORECASE)
_LEAD_VERB = re.compile(r"^(?:[一二三四五六七八九十]是)?(?:全年)?(?:通过|利用|依托|在|以)?")


@lru_cache(maxsize=1024)
def _glossary_terms(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The domain glossary's entries (English, the reports' Chinese words) whose English the text writes."""
    return tuple((english, chinese) for english, chinese in glossary_entries().items()
                 if re.search(rf"(?<![a-z]){re.escape(english)}(?![a-z])", text, re.IGNORECASE))


def _glossary_chinese(text: str) -> tuple[str, ...]:
    """The reports' words for the English words a question writes, those said of every figure (政府, 发布, 信息) or
    of any count (事项) left out: "on government new media" → 政务新媒体, 新媒体."""
    return tuple(c for _, chinese in _glossary_terms(text) for c in chinese
                 if c not in SAID_OF_EVERYTHING and c not in _COUNTED_NOUNS and not set(c) <= DOMAIN_CHARACTERS)


MIN_NAMED_LABEL = 4  # characters of another figure's label the question writes whole to name that figure
_COUNTED_NOUNS = frozenset({"事项", "条目", "项目", "文章", "数量", "篇", "项", "件", "条"})  # "items": no kind


_EVERY_KIND = re.compile(r"各类|各种|所有|全部|\ball (?:kinds|types|categories)\b", re.IGNORECASE)




_KINDS_OF = re.compile(r"^(?:各类|各项|多类|几类|类|方面|内容)")
# a label of two things joined ("人大建议和政协提案办理")
_JOINED_LABEL = re.compile(r"^(?P<first>[\u4e00-\u9fa5]{2,10}?)(?:和|及|与|以及)(?P<second>[\u4e00-\u9fa5]{2,12})$")
_REQUESTS_NAMED = re.compile(r"申请|答复|回复|受理|办理")
_READ_BY_WORDS = ("figure in passages", "named by meaning", "named in translation")  # no lexicon concept behind them

# Chinese words of the domain itself: an English word the dictionary gives one of names no particular thing
NEAR_TIE = 0.02  # the ranker's probabilities this close tell two figures apart no better than chance
_ITEMS = frozenset({"条", "件", "项", "篇"})  # what a list of kinds of information is counted in, one or the other


def _items_alike(unit: str, other: str) -> bool:
    return unit == other or counted_in(unit) in _ITEMS and counted_in(other) in _ITEMS


MIN_TRANSLATED_TERMS = 2  # words of the asked thing the dictionary must find in another figure's label to overrule
MENTION_CHECK_AGENCIES = 8  # a question scoped to more agencies than this is not read for their other names
QUALIFIER_PAIRS = 2  # character pairs of the question a figure must name beyond a group's rows to replace their sum


def _names_more(question: str, fact: Fact, group: list[Fact]) -> bool:
    """A figure of the text that names words of the question which none of the group's rows has (主动撤回 in
    "因申请人主动撤回而作其他处理", against the rows of 其他处理): a qualifier the sum does not account for."""
    rows = bigrams("".join(f.path_text + (f.column or "") for f in group))
    return fact.kind == "prose" and len((bigrams(question) & bigrams(fact.label)) - rows) >= QUALIFIER_PAIRS


# the words of a percentage that is a change (下降29%, 同比增长12%), not a share of a whole
_CHANGE_RATE = re.compile(r"下降|增长|上升|减少|增加|提高|降低|同比|环比|增幅|降幅")


def _states_the_figure(q: Question, answer: Answer) -> bool:
    """A lookup whose answer is a figure the question writes itself ("1189条信息中原创的有多少条")."""
    return q.intent is Intent.LOOKUP and answer.value is not None and stated_in_question(q.text, answer.value,
                                                                                          answer.unit)


def stated_in_question(text: str, value: object, unit: str) -> bool:
    """Whether the question itself writes this figure (184条): context it gives, not what it asks."""
    figure = re.escape(str(value)) + r"\s*" + re.escape(unit) if unit else re.escape(str(value))
    return re.search(rf"(?<![\d.]){figure}", text) is not None


def _wants_several(ask: Ask) -> bool:
    """A difference, or a sum of several things, of several years or of reports the question names apart ("齐齐哈尔
    市和平潭综合执法局…一共"): one figure is never its answer."""
    return ask.q.intent is Intent.DIFFERENCE or (ask.q.intent is Intent.SUM and (
        len(sum_items(ask.topic)) >= 2 or len(ask.scope.years) >= 2 or lists_several_in_english(ask.q)
        or (ask.q.lang == "en" and len(english_sum_items(ask.q.text)) >= 2) or named_apart(ask) is not None))


def lists_several_in_english(q: Question) -> bool:
    """An English sum listing things, the phrases of what the lexicon recognised in it each one thing, two things
    joined by "and" two."""
    return english_lists_several(q.text, phrases_of_things(q.concepts, q.columns))


# the places written just before an agency's name (绥江县 of 绥江县会仪镇), each not a word of the sentence (全县)
_PLACES_BEFORE = (r"(?:(?:(?<![\u4e00-\u9fa5])|(?<=[年的在]))"
                  r"(?:(?![全本该各我年的在和与及或])[\u4e00-\u9fa5]{2,4}?[省市县区旗州])+)?")


def without_agencies(text: str, scope: Scope) -> str:
    agencies = frozenset(r.agency for r in scope.reports)
    for alias in _aliases_longest_first(agencies):
        if alias in text:  # "绥江县会仪镇": the places written before the agency's name scope it too
            text = re.sub(rf"{_PLACES_BEFORE}{re.escape(alias)}", "", text)
    if len(agencies) <= MENTION_CHECK_AGENCIES:  # "平潭综合执法局" names 平潭综合实验区综合执法局办公室 in other words
        for mention in department_mentions_of(text, sorted(agencies)):
            text = text.replace(mention, "")
    return text


@lru_cache(maxsize=16)
def _aliases_longest_first(agencies: frozenset[str]) -> tuple[str, ...]:
    """Every name of these agencies, longest first (then in code-point order, so the same in every process: set order
    follows the hash seed, and two processes read one question differently): a year's scope at 10,000 reports has
    ~10^4 of them, gathered and sorted once, not for every question."""
    return tuple(sorted({a for agency in agencies for a in agency_aliases(agency)}, key=lambda a: (-len(a), a)))


def lists_things_to_add(q: Question, lexicon: Lexicon, topic: str = "") -> bool:
    """A question read as one figure that says to add ("一共", "together") and lists things that are not one thing
    under two names ("在市政府门户网站和省政府外事办网站一共", "A政府…与B街道…合计"): never one figure's answer. Two
    words for one thing (被起诉、打官司: the same concept, each item after the first wholly its words) are one thing.
    ``topic``: the question without the agencies in scope (文化和旅游局 lists nothing)."""
    lowered = q.text.lower()
    says_sum = any(contains_phrase(lowered, p) for p in lexicon.intents.get("sum", ()))
    if q.lang == "zh" and says_gong(q.text) and not says_sum:
        # "在国家级、省级和市级报纸共发表文章多少篇" adds what it lists; "通过政府网、政务公开网等途径共公开" gives
        # examples (等) of one whole
        return len(sum_items(topic or q.text)) >= 2 and not _EXAMPLES_LISTED.search(topic or q.text)
    if q.lang == "en" and lists_before_how_many(q.text) and len(english_sum_items(q.text)) >= 2:
        return True  # "Across its website, WeChat and Weibo, how many items…": a list said to be added up
    if q.lang == "en" and _BOTH.search(lowered):  # "counting both the portal and its WeChat account"
        return lists_several_in_english(q)
    if not says_sum:
        return False
    if q.lang == "en":  # (two things the lexicon reads as one, "its own portal and the provincial government
        # website", are still two a list names)
        return lists_several_in_english(q) or len(english_sum_items(q.text)) >= 2
    items = sum_items(re.sub(r"[“”\"]", "", q.text))
    if len(items) < 2:
        return False
    readings = []
    for item in items:
        found = [m for m in find_mentions(item, lexicon) if m.concept is not None and not m.concept.generic]
        covered = sum(m.end - m.start for m in found)
        readings.append((frozenset(m.concept.id for m in found if m.concept), covered >= ONE_THING_COVER * len(item)))
    # the first item carries the question's context (因为信息公开被起诉): the others must be the concept's words alone
    one_thing = all(ids for ids, _ in readings) and len({ids for ids, _ in readings}) == 1 \
        and all(whole for _, whole in readings[1:])
    return not one_thing


_BOTH = re.compile(r"\bboth\b")
_EXAMPLES_LISTED = re.compile(r"等[\u4e00-\u9fa5]{0,6}?共")
ONE_THING_COVER = 0.8  # share of an item's characters a concept's phrases must cover for it to be that concept alone


def topic_of(q: Question, scope: Scope) -> str:
    """The question without the agency and year that already scope the search: 淮安市 would otherwise pull every
    passage that names the agency (the contact paragraph) to the top."""
    text = _YEAR_WORDS.sub("", without_agencies(q.text, scope))
    return text if len(text.strip(" ？?。，,")) >= 2 else q.text

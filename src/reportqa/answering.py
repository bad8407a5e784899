"""Question → ``Answer``: facts first (exact figures with their row path), passages second, abstention otherwise.

Derived answers (sums, differences, shares) show their arithmetic. When several reports could answer and the question
does not say which, the answer lists them and asks, instead of silently picking one.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from .agencies import agency_aliases
from .chunking import format_value
from .extractive import better_worded, difference_of_items, figure_from_passages, sum_items, sum_of_items, unit_fits
from .documents import Answer, Fact, Hit, Number, Report
from .facts_match import (STRONG, Match, best_matches, label_names, label_overlap, leaf_concepts, match_facts,
                          select_column, text_names)
from .lexicon import Lexicon, load_lexicon
from .parsing.similarity import bare_label
from .questions import Question, parse_question
from .retrieval import Filters, Retriever
from .scope import Scope, indexed_summary, resolve_scope
from .wording import cite, common_prefix, say_figure, say_not_reported

log = logging.getLogger(__name__)
# Dense cosine of the best passage below which a prose answer is "not in the reports"; e5 scores English questions
# against Chinese passages lower than Chinese ones, so each language has its own threshold (calibrated on eval/).
PROSE_MIN_SCORE = {"zh": 0.80, "en": 0.70}


class Answerer:
    def __init__(self, reports: list[Report], facts: list[Fact], retriever: Retriever | None,
                 lexicon: Lexicon | None = None, top_k: int = 5, prose_min_score: dict[str, float] | None = None) -> None:
        self.reports = {r.id: r for r in reports}
        self.facts_by_report: dict[str, list[Fact]] = defaultdict(list)
        for f in facts:
            self.facts_by_report[f.report_id].append(f)
        self.retriever = retriever
        self.lexicon = lexicon or load_lexicon()
        self.top_k = top_k
        self.prose_min_score = prose_min_score or PROSE_MIN_SCORE

    def indexed_summary(self, lang: str = "zh") -> str:
        return indexed_summary(list(self.reports.values()), lang)

    # ---------------------------------------------------------------- entry point
    def answer(self, text: str, report_id: str | None = None, year: int | None = None,
               agency: str | None = None) -> Answer:
        q = parse_question(text, self.lexicon)
        narrow = [c for c in q.columns if not c.sum_of]
        if narrow and any(c.sum_of and all(n.id in c.sum_of for n in narrow) for c in q.columns):
            # "the 'other' category of organisations": the narrower column is the one asked about
            q = replace(q, columns=narrow)
        if q.columns and not q.concepts and q.numeric:
            # "企业申请了多少件": an applicant type alone asks how many requests that applicant made
            asked = self.lexicon.concept("applications")
            q = replace(q, concepts=[replace(asked, generic=False, phrases=asked.phrases + ("申请",))])
        scope = resolve_scope(q, list(self.reports.values()), report_id, year, agency)
        passages = self.retrieve(q, scope)
        if scope.problem:
            return self.abstain(q, scope, passages)
        handler = {"difference": self.answer_difference, "sum": self.answer_sum, "share": self.answer_share,
                   "trend": self.answer_trend, "ranking": self.answer_ranking, "list": self.answer_list}.get(q.intent)
        topic = self.topic_of(q, scope)
        stated = None
        if q.intent == "share":  # a share the report states ("占53%") is its own figure: quote it, don't compute
            stated = figure_from_passages(q, topic, passages, self.facts_by_report, self.reports,
                                          [r.id for r in scope.reports])
        result = stated or (handler(q, scope) if handler else None)
        if result is None and q.intent in ("sum", "difference"):
            result = self.combine_items(q, scope)
        if result is None and (q.intent == "difference"
                               or (q.intent == "sum" and len(sum_items(topic)) >= 2)):
            # one figure is no answer to a difference or a sum of several things: say it is not there instead
            return self.abstain(q, scope, passages)
        if result is None and (q.concepts or q.columns) and q.intent != "prose":
            result = self.answer_lookup(q, scope)
            if result is not None and result.found and len(result.facts) == 1 and q.intent == "lookup":
                chosen = result.facts[0]
                result = better_worded(q, topic, chosen,
                                       self.facts_by_report.get(chosen.report_id, []), self.reports) or result
        if result is None and q.numeric:
            result = self.answer_by_label(q, scope)
        if result is not None and result.found and result.value is not None and not unit_fits(q.text, result.unit):
            result = None  # a count is no answer to "what share" or "how many people": the unit says so
        if result is None and q.numeric and q.intent in ("lookup", "share"):
            # no concept reached the question: a figure the best passages state in the question's own words
            result = figure_from_passages(q, topic, passages, self.facts_by_report, self.reports,
                                          [r.id for r in scope.reports])
        if result is None:
            if q.numeric:
                return self.abstain(q, scope, passages)
            if q.intent == "list" and q.concepts:  # the list was not in a table: describe it from the prose
                passages = self.retrieve(replace(q, intent="prose"), scope)
            return self.answer_from_passages(q, scope, passages)
        result.passages = passages
        result.intent = q.intent if result.intent == "lookup" else result.intent
        return result

    def retrieve(self, q: Question, scope: Scope) -> list[Hit]:
        if self.retriever is None or not scope.reports:
            return []
        ids = tuple(r.id for r in scope.reports)
        # A question that wants a description is answered from prose; table rows would crowd it out.
        kind = "prose" if q.intent in ("prose", "list") and not (q.concepts and q.intent == "list") else None
        return self.retriever.search(self.topic_of(q, scope), k=self.top_k, filters=Filters(report_ids=ids, kind=kind))

    @staticmethod
    def topic_of(q: Question, scope: Scope) -> str:
        """The question without the agency and year that already scope the search: 淮安市 would otherwise pull
        every passage that names the agency (the contact paragraph) to the top."""
        text = q.text
        for alias in sorted({a for r in scope.reports for a in agency_aliases(r.agency)}, key=len, reverse=True):
            text = text.replace(alias, "")
        text = re.sub(r"(?:19|20)\d{2}\s*年度?|[〇○零一二三四五六七八九]{4}年", "", text)
        return text if len(text.strip(" ？?。，,")) >= 2 else q.text

    # ---------------------------------------------------------------- facts
    def scoped_facts(self, scope: Scope, kind: str = "table") -> list[Fact]:
        # a prose figure about another year (2015年受理… in the 2016 report) is not the report's own figure
        return [f for r in scope.reports for f in self.facts_by_report.get(r.id, [])
                if f.kind == kind and (kind == "table" or f.year in (None, r.year))]

    def find(self, q: Question, scope: Scope, concepts=None, columns=None) -> list[Match]:
        concepts = q.concepts if concepts is None else concepts
        columns = q.columns if columns is None else columns
        plain_cols = [c for c in columns if not c.sum_of]
        derived = [c for c in columns if c.sum_of]
        by_report: dict[str, dict[str, list[Match]]] = {"table": defaultdict(list), "prose": defaultdict(list)}
        for kind in ("table", "prose"):
            candidates = match_facts(concepts, self.scoped_facts(scope, kind), self.lexicon.concepts)
            if kind == "prose" and columns:  # "其中自然人申请49件": the applicant type is in the prose label
                candidates = [m for m in candidates
                              if any(p in m.fact.label for c in columns for p in (c.id, *c.phrases) if not p.isascii())]
            if derived:
                candidates = [m for m in candidates if m.fact.column in derived[0].sum_of]
            for m in candidates:
                by_report[kind][m.fact.report_id].append(m)
        # Per report, the best table rows, else its best prose figure: one report's exact row must not hide another
        # report's answer, and a report without tables still answers from its prose.
        matches: list[Match] = []
        for report in scope.reports:
            table = best_matches(by_report["table"].get(report.id, []), q.text)
            if table and not derived:
                table, _ = select_column(table, plain_cols)
            chosen = table or self.best_prose(best_matches(by_report["prose"].get(report.id, []), q.text), q)
            if chosen and not self.asks_for_missing(q, concepts, Scope([report]), chosen[0]):
                matches += chosen
        return matches

    def asks_for_missing(self, q: Question, concepts, scope: Scope, match: Match) -> bool:
        """A specific concept of the question that no fact in scope has (访问量): the figure is not reported."""
        facts = self.scoped_facts(scope) + self.scoped_facts(scope, "prose")
        for concept in concepts:
            if concept.generic or concept.id in match.covered:
                continue
            if not match_facts([concept], facts):
                return True
        return False

    def distinct_parts(self, q: Question, scope: Scope) -> list[tuple[Match, Number | None, str, list[Fact]]]:
        """One row per concept of a sum or difference, in the order asked; rows that contain another are dropped.

        Each concept takes the best row among those covering it, ranked by how much of the whole question the row
        covers, so 行政复议 in "行政复议和行政诉讼中被依法纠错的" takes 行政复议 › 被依法纠错数, not 行政复议数量.
        """
        concepts = [c for c in q.concepts if not c.generic]
        asked = list(q.concepts)
        if len(concepts) + len(q.columns) < 2:  # 主动公开总数比政府网站的多多少: the generic concept is a side too
            concepts = asked = [replace(c, generic=False) for c in q.concepts]
        facts = self.scoped_facts(scope)
        all_matches = match_facts(asked, facts, self.lexicon.concepts)
        if q.columns and len(q.columns) >= 2:
            parts = []
            for col in q.columns:
                got = self.single(q, scope, q.concepts, [col])
                if got is None:
                    return []
                parts.append(got)
            return parts
        chosen: list[Match] = []
        for concept in concepts:
            covering = [m for m in all_matches if concept.id in m.covered]
            plain_cols = [c for c in q.columns if not c.sum_of]
            if plain_cols:
                covering, _ = select_column(covering, plain_cols)
            if not covering:
                return []
            # rank first (现行有效的规章: the row's 现行有效件数 cell covers both words), then the default column
            best, _ = select_column(best_matches(covering, q.text), plain_cols)
            if not best:
                return []
            if len({m.fact.report_id for m in best}) > 1:
                return []
            if best[0].fact not in [m.fact for m in chosen]:
                chosen.append(best[0])
        chosen = [m for m in chosen if not any(o is not m and _contains_part(m.fact, o.fact) for o in chosen)]
        return [(m, *self.value_of(m, q.columns)) for m in chosen]

    @staticmethod
    def best_prose(matches: list[Match], q: Question) -> list[Match]:
        strong = [m for m in matches if m.strength >= STRONG]
        if not strong:
            return []
        return [max(strong, key=lambda m: label_overlap(q.text, m.fact.label))]

    @staticmethod
    def names_leaf(question: str, fact: Fact) -> bool:
        """"其他处理里面归到“其他”的": the question names the row itself, not just its group (whose own name, 其他处理,
        is taken out first)."""
        leaf = bare_label(fact.label)
        for parent in fact.path[:-1]:
            question = question.replace(bare_label(parent), " ")
        return len(leaf) >= 2 and leaf in question

    def value_of(self, match: Match, columns, question: str = "") -> tuple[Number | None, str, list[Fact]]:
        """The figure a match stands for: the cell itself, a column sum (法人或其他组织), or a group sum (（三）不予公开)."""
        fact = match.fact
        derived_cols = [c for c in columns if c.sum_of]
        facts = self.facts_by_report.get(fact.report_id, [])
        if derived_cols:
            parts = [f for f in facts if f.kind == fact.kind and f.table == fact.table and f.path == fact.path
                     and f.column in derived_cols[0].sum_of]
            return _sum(parts), fact.unit, parts
        if match.via_parent and match.strength < STRONG and not self.names_leaf(question, fact):
            depth = list(fact.path).index(match.via_parent) + 1
            prefix = fact.path[:depth]
            parent = [f for f in facts if f.table == fact.table and f.path == prefix and f.column == fact.column]
            if parent:
                return parent[0].value, parent[0].unit, parent
            parts = [f for f in facts if f.table == fact.table and f.path[:depth] == prefix and len(f.path) == depth + 1
                     and f.column == fact.column]
            return _sum(parts), fact.unit, parts
        return fact.value, fact.unit, [fact]

    def answer_lookup(self, q: Question, scope: Scope) -> Answer | None:
        matches = self.find(q, scope)
        if not matches:
            return None
        per_report: dict[str, list[Match]] = defaultdict(list)
        for m in matches:
            per_report[m.fact.report_id].append(m)
        if len(per_report) > 1:
            return self.ask_which(q, [group[0] for group in per_report.values()])
        group = next(iter(per_report.values()))
        match = group[0]
        siblings = [m for m in group if m.via_parent and m.via_parent == match.via_parent
                    and m.fact.column == match.fact.column and not self.names_leaf(q.text, m.fact)]
        if len(siblings) > 1 and len({m.fact.path for m in siblings}) == len(siblings):
            # 行政诉讼中结果被纠正的: the rows of the group named, in the asked column, added up
            used = [m.fact for m in siblings]
            value, unit = _sum(used), match.fact.unit
            if value is not None:
                text = self.say_figure(q, match.fact, value, unit, used)
                return Answer(q.text, found=True, text=text, value=value, unit=unit, facts=used)
        value, unit, used = self.value_of(match, q.columns, q.text)
        filled = self.filled_columns(match.fact) if value is None and match.fact.column == "总计" else []
        if filled and (total := _sum(filled)) is not None:
            # 总计 left blank beside filled columns: say so and give the filled cells and their sum
            value, used = total, filled
            text = self.say_figure(q, match.fact, total, unit, used)
            note = ("The report leaves the total blank; the figure is the sum of its filled columns."
                    if q.lang == "en" else "报告的总计栏为空白，以上为已填各栏之和。")
            return Answer(q.text, found=True, text=text + "\n" + note, value=value, unit=unit, facts=used,
                          notes=[note])
        if value is None:
            return Answer(q.text, found=True, text=self.say_not_reported(q, match.fact), value=None, unit=unit,
                          facts=used)
        text = self.say_figure(q, match.fact, value, unit, used)
        notes = self.prose_notes(match.fact, value, unit) if len(used) == 1 and match.fact.column in (None, "总计") else []
        breakdown = self.breakdown(match.fact, q) if len(used) == 1 else ""
        if breakdown:
            text += breakdown
        if notes:
            text += "\n" + "\n".join(notes)
        return Answer(q.text, found=True, text=text, value=value, unit=unit, facts=used, notes=notes)

    def combine_items(self, q: Question, scope: Scope) -> Answer | None:
        """A sum or difference of things the lexicon does not know, each found by its words in the reports' figures."""
        facts = {r.id: self.scoped_facts(Scope([r]), "table") + self.scoped_facts(Scope([r]), "prose")
                 for r in scope.reports}
        if q.intent == "sum":
            if len(scope.reports) != 1:
                return None
            return sum_of_items(q, self.topic_of(q, scope), facts[scope.reports[0].id], self.reports)
        by_year: dict[int | None, list[Fact]] = {}
        for r in scope.reports:
            by_year.setdefault(r.year, []).extend(facts[r.id])
        if len(scope.reports) != 1 and len(by_year) != len(scope.reports):
            return None  # several reports of one year: which one is meant is unclear
        return difference_of_items(q, by_year, self.reports)

    def filled_columns(self, total: Fact) -> list[Fact]:
        """The filled applicant columns of a row whose 总计 cell is blank (the derived 法人或其他组织 left out)."""
        derived = {c.id for c in self.lexicon.columns if c.sum_of}
        return [f for f in self.facts_by_report.get(total.report_id, []) if f.kind == "table"
                and f.table == total.table and f.path == total.path and f.column not in (None, "总计", *derived)
                and f.value is not None]

    def answer_by_label(self, q: Question, scope: Scope) -> Answer | None:
        """No lexicon concept matched: compare the question with row labels directly (the template's own words)."""
        best: tuple[float, Fact] | None = None
        for fact in self.scoped_facts(scope) + self.scoped_facts(scope, "prose"):
            label = bare_label(fact.label)
            if len(label) < 3 or fact.value is None:
                continue
            covered = sum(1 for i in range(len(label) - 1) if label[i:i + 2] in q.text) / max(1, len(label) - 1)
            score = covered - (0.05 if fact.kind == "prose" else 0)
            if covered >= 0.75 and (best is None or score > best[0]):
                best = (score, fact)
        if best is None:
            return None
        fact = best[1]
        reports = {f.report_id for f in self.scoped_facts(scope) if bare_label(f.label) == bare_label(fact.label)}
        if len(reports) > 1:
            return None
        return Answer(q.text, found=True, text=self.say_figure(q, fact, fact.value, fact.unit, [fact]),
                      value=fact.value, unit=fact.unit, facts=[fact])

    def ask_which(self, q: Question, matches: list[Match]) -> Answer:
        lines = []
        facts = []
        for m in matches:
            value, unit, used = self.value_of(m, q.columns)
            facts += used
            r = self.reports[m.fact.report_id]
            lines.append(f"- {r.agency} {r.year}年：{format_value(_with(m.fact, value, unit))}（{m.fact.path_text}）")
        if q.lang == "en":
            text = "Several reports have this figure; which one do you mean?\n" + "\n".join(lines)
        else:
            text = "多份报告都有这一数字，请指明哪一份（机关或年度）：\n" + "\n".join(lines)
        return Answer(q.text, found=False, text=text, facts=facts, notes=["ambiguous"])

    def single(self, q: Question, scope: Scope, concepts, columns=None) -> tuple[Match, Number | None, str, list[Fact]] | None:
        matches = self.find(q, scope, concepts=concepts, columns=columns)
        if not matches or len({m.fact.report_id for m in matches}) > 1:
            return None
        value, unit, used = self.value_of(matches[0], q.columns if columns is None else columns)
        return matches[0], value, unit, used

    def answer_sum(self, q: Question, scope: Scope) -> Answer | None:
        parts = self.distinct_parts(q, scope)
        if len(parts) < 2 or any(v is None for _, v, _, _ in parts) or len({u for _, _, u, _ in parts}) > 1:
            return None
        total = _sum_values([v for _, v, _, _ in parts])  # type: ignore[misc]
        unit = parts[0][2]
        formula = " + ".join(f"{self.part_label(m, q)} {v}" for m, v, _, _ in parts) + f" = {total}{unit}"
        facts = [f for p in parts for f in p[3]]
        text = (f"Total: **{total} {unit}** ({formula}). " if q.lang == "en" else f"合计 **{total}{unit}**（{formula}）。")
        text += self.cite(facts[0], q.lang)
        return Answer(q.text, found=True, text=text, value=total, unit=unit, facts=facts, intent="sum")

    def with_whole(self, q: Question, part: tuple[Match, Number | None, str, list[Fact]]) -> list:
        """"新闻发布会总次数比其中主要负责同志参加的多几次": one row covers every concept asked, and the other side is
        the row it belongs to (its nearest parent naming one of the concepts). Whole first, then the part."""
        match = part[0]
        facts = self.facts_by_report.get(match.fact.report_id, [])
        for depth in range(len(match.fact.path) - 1, 0, -1):
            parent = next((f for f in facts if f.table == match.fact.table and f.path == match.fact.path[:depth]
                           and f.column == match.fact.column and f.value is not None), None)
            if parent is not None and any(label_names(c, parent.label) for c in q.concepts if not c.generic):
                whole = Match(parent, frozenset(), STRONG, None)
                return [(whole, parent.value, parent.unit, [parent]), part]
        return [part]

    @staticmethod
    def part_label(m: Match, q: Question) -> str:
        label = bare_label(m.fact.label)
        return f"{label}（{m.fact.column}）" if q.columns and m.fact.column else label

    def answer_difference(self, q: Question, scope: Scope) -> Answer | None:
        agencies = list(dict.fromkeys(r.agency for r in scope.reports))
        if len(scope.years) >= 2 and q.concepts:
            sides = []
            for y in scope.years[:2]:
                sub = Scope([r for r in scope.reports if r.year == y], [y])
                got = self.single(q, sub, q.concepts)
                if got is None or got[1] is None:
                    return self._missing_year(q, y) if not sub.reports else None
                sides.append((f"{y}年", got))
        elif len(agencies) == 2 and len(scope.reports) == 2 and q.concepts:
            # "A局收到的申请比B局多几件": the same thing in two agencies' reports, in the order the question names them
            ordered = sorted(scope.reports, key=lambda r: _first_mention(q.text, r.agency))
            sides = []
            for r in ordered:
                got = self.single(q, Scope([r], [r.year] if r.year else []), q.concepts)
                if got is None or got[1] is None:
                    return None
                sides.append((r.agency, got))
        else:
            parts = self.distinct_parts(q, scope)
            if len(parts) == 1:
                parts = self.with_whole(q, parts[0])
            if len(parts) < 2:
                return None
            sides = [(self.part_label(p[0], q), p) for p in parts[:2]]
        (la, (ma, a, ua, fa)), (lb, (_, b, ub, fb)) = sides
        if a is None or b is None or ua != ub:
            return None
        diff = a - b  # type: ignore[operator]
        value = abs(diff)
        word_zh = "多" if diff >= 0 else "少"
        if q.lang == "en":
            text = (f"{la}: {a} {ua}; {lb}: {b} {ub}. Difference: **{value} {ua}** ({a} − {b} = {diff}). "
                    + self.cite(ma.fact, "en"))
        else:
            text = (f"{la} {a}{ua}，{lb} {b}{ub}，前者比后者{word_zh} **{value}{ua}**（{a} − {b} = {diff}）。"
                    + self.cite(ma.fact, "zh"))
        return Answer(q.text, found=True, text=text, value=value, unit=ua, facts=fa + fb, intent="difference")

    def _missing_year(self, q: Question, year: int) -> Answer:
        return Answer(q.text, found=False, text=f"{year}年没有这一数字。" + self.indexed_summary(q.lang))

    def answer_share(self, q: Question, scope: Scope) -> Answer | None:
        specific = [c for c in q.concepts if not c.generic] or q.concepts
        if not specific:
            return None
        got = self.single(q, scope, specific[:1] + [c for c in q.concepts if c.generic])
        if got is None or got[1] is None:
            return None
        match, num, unit, used = got
        if len(specific) >= 2:
            den_got = self.single(q, scope, specific[1:2])
            if den_got is None or den_got[1] is None:
                return None
            den_label, den, den_facts = den_got[0].fact.label, den_got[1], den_got[3]
        else:
            parent = self.parent_total(match.fact, used)
            if parent is None:
                return None
            den_label, den, den_facts = parent.label, parent.value, [parent]
        if not den:
            return None
        pct = (Decimal(str(num)) / Decimal(str(den)) * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        label = match.fact.label if len(used) == 1 else (match.via_parent or match.fact.label)
        formula = f"{num} / {den} = {pct}%"
        cited = replace(match.fact, path=common_prefix([f.path for f in used]) or match.fact.path)
        if q.lang == "en":
            text = f"{label}: {num} of {den} ({den_label}) = **{pct}%** ({formula}). " + self.cite(cited, "en")
        else:
            text = f"{label} {num}{unit}，占{den_label} {den}{unit} 的 **{pct}%**（{formula}）。" + self.cite(cited, "zh")
        return Answer(q.text, found=True, text=text, value=pct, unit="%", facts=used + den_facts, intent="share")

    def parent_total(self, fact: Fact, used: list[Fact]) -> Fact | None:
        """The denominator of a share: the parent row, or the total of the table's results (template)."""
        facts = self.facts_by_report.get(fact.report_id, [])
        depth = min(len(f.path) for f in used) - 1
        for d in range(depth, 0, -1):
            parent = [f for f in facts if f.table == fact.table and f.path == fact.path[:d] and f.column == fact.column
                      and f.value is not None]
            if parent:
                return parent[0]
        totals = [f for f in facts if f.table == fact.table and f.column == fact.column and f.value is not None
                  and len(f.path) >= 2 and bare_label(f.path[-1]) == "总计" and f.path[0] == fact.path[0]]
        return totals[0] if totals else None

    def answer_trend(self, q: Question, scope: Scope) -> Answer | None:
        if not q.concepts:
            return None
        series: list[tuple[str, Number]] = []
        facts: list[Fact] = []
        agencies = {r.agency for r in scope.reports}
        for r in sorted(scope.reports, key=lambda r: (r.year or 0)):
            got = self.single(q, Scope([r], [r.year] if r.year else []), q.concepts)
            if got is None or got[1] is None:
                continue
            x = f"{r.year}" if len(agencies) == 1 else f"{r.agency} {r.year}"
            series.append((x, got[1]))
            facts += got[3]
        if not series:
            return None
        unit = facts[0].unit
        body = "，".join(f"{x}年 {v}{unit}" if len(agencies) == 1 else f"{x}年 {v}{unit}" for x, v in series)
        text = (f"Series: {body}. " if q.lang == "en" else f"各年度数字：{body}。") + self.cite(facts[0], q.lang)
        if len(series) == 1:
            text += " 只有一个年度的数据。" if q.lang != "en" else " Only one year is indexed."
        return Answer(q.text, found=True, text=text, value=series[-1][1], unit=unit, facts=facts, intent="trend",
                      series=series)

    def answer_ranking(self, q: Question, scope: Scope) -> Answer | None:
        if not q.concepts:
            return None
        rows: list[tuple[Number, Report, list[Fact]]] = []
        for r in scope.reports:
            got = self.single(q, Scope([r], [r.year] if r.year else []), q.concepts)
            if got is not None and got[1] is not None:
                rows.append((got[1], r, got[3]))
        if not rows:
            return None
        lowest = any(w in q.text for w in ("最少", "最低", "fewest", "lowest"))
        rows.sort(key=lambda t: t[0], reverse=not lowest)
        top_value, top, used = rows[0]
        unit = used[0].unit
        listing = "；".join(f"{r.agency} {r.year}年 {v}{unit}" for v, r, _ in rows)
        text = (f"{top.agency} ({top.year}): {top_value} {unit}. All: {listing}" if q.lang == "en"
                else f"{'最少' if lowest else '最多'}的是 {top.agency}（{top.year}年）：**{top_value}{unit}**。全部：{listing}")
        return Answer(q.text, found=True, text=text, value=top_value, unit=unit,
                      facts=[f for _, _, fs in rows for f in fs], intent="ranking",
                      series=[(f"{r.agency} {r.year}", v) for v, r, _ in rows])

    def answer_list(self, q: Question, scope: Scope) -> Answer | None:
        matches = self.find(q, scope)
        if not matches or len({m.fact.report_id for m in matches}) > 1:
            return None
        m = matches[0]
        facts = self.facts_by_report[m.fact.report_id]
        prefix = m.fact.path if m.strength >= STRONG else m.fact.path[: list(m.fact.path).index(m.via_parent) + 1]
        children = [f for f in facts if f.table == m.fact.table and f.path[: len(prefix)] == prefix
                    and len(f.path) == len(prefix) + 1 and f.column in (None, "总计")]
        if not children:
            return None
        unit = children[0].unit
        items = "；".join(f"{bare_label(f.label)} {format_value(f)}" for f in children)
        group = replace(children[0], path=prefix)
        text = (f"{prefix[-1]}: {items}. " if q.lang == "en" else f"{bare_label(prefix[-1])}分为：{items}。") + self.cite(group, q.lang)
        return Answer(q.text, found=True, text=text, value=None, unit=unit, facts=children, intent="list")

    # ---------------------------------------------------------------- passages and abstention
    def answer_from_passages(self, q: Question, scope: Scope, passages: list[Hit]) -> Answer:
        if not passages or passages[0].score < self.prose_min_score[q.lang]:
            return self.abstain(q, scope, passages)
        top = passages[0]
        r = self.reports.get(top.passage.report_id)
        source = f"《{r.title}》" if r else ""
        if q.lang == "en":
            text = f"From {source} {top.passage.section}:\n> {top.passage.text}"
        else:
            text = f"据{source}「{top.passage.section}」：\n> {top.passage.text}"
        return Answer(q.text, found=True, text=text, passages=passages, intent="prose")

    def abstain(self, q: Question, scope: Scope, passages: list[Hit]) -> Answer:
        problem = scope.problem
        if problem.startswith("unknown-year:"):
            y = problem.split(":", 1)[1]
            text = (f"No report for {y} is indexed. " if q.lang == "en" else f"索引中没有{y}年度的报告。")
        elif problem.startswith("unknown-agency:"):
            a = problem.split(":", 1)[1]
            text = (f"No report of {a} is indexed. " if q.lang == "en" else f"索引中没有「{a}」的报告。")
        else:
            text = ("The indexed reports do not contain this. " if q.lang == "en" else "已索引的报告中没有找到这一信息。")
        return Answer(q.text, found=False, text=text + self.indexed_summary(q.lang), passages=passages,
                      intent=q.intent, notes=[problem] if problem else [])

    # ---------------------------------------------------------------- wording (see wording.py)
    def cite(self, fact: Fact, lang: str) -> str:
        return cite(self.reports.get(fact.report_id), fact, lang)

    def say_figure(self, q: Question, fact: Fact, value: Number, unit: str, used: list[Fact]) -> str:
        return say_figure(self.reports.get(fact.report_id), q.lang, fact, value, unit, used)

    def say_not_reported(self, q: Question, fact: Fact) -> str:
        return say_not_reported(self.reports.get(fact.report_id), q.lang, fact)

    def breakdown(self, fact: Fact, q: Question) -> str:
        children = [f for f in self.facts_by_report.get(fact.report_id, []) if f.kind == "table"
                    and f.table == fact.table and len(f.path) == len(fact.path) + 1 and f.path[:-1] == fact.path
                    and f.column == fact.column and f.value]
        if not children:
            return ""
        items = ("，" if q.lang != "en" else ", ").join(f"{bare_label(c.label)} {c.value}" for c in children)
        return f" Of which: {items}." if q.lang == "en" else f"其中：{items}。"

    def prose_notes(self, fact: Fact, value: Number, unit: str) -> list[str]:
        """Where the report's prose gives this figure differently (3.7万多条 vs 37353条)."""
        if fact.kind != "table":
            return []
        concepts = [self.lexicon.concept(c) for c in leaf_concepts(fact, self.lexicon.concepts, generic=True)]
        if not concepts:
            return []
        notes = []
        for p in self.facts_by_report.get(fact.report_id, []):
            if p.kind != "prose" or not all(text_names(p.label, c) for c in concepts):
                continue
            if not _same_unit(p.unit, unit):
                continue
            stated, table_value = _scaled(p), Decimal(str(value))
            # the same quantity written differently (3.7万多条 for 37353条), not a part of it (区政府受理62件 of 244)
            if stated != table_value and table_value and abs(stated - table_value) / table_value <= Decimal("0.1"):
                notes.append(f"注意：正文写作「{p.raw}」（{p.source[:60]}），与表格的 {value}{unit} 不同；以表格为准。")
        return notes[:2]


def _first_mention(text: str, agency: str) -> int:
    """Where the question first names an agency (by any of its aliases), for the order of a comparison."""
    spots = [text.find(a) for a in agency_aliases(agency) if a and text.find(a) >= 0]
    return min(spots) if spots else len(text)


def _contains_part(whole: Fact, part: Fact) -> bool:
    """``whole`` includes ``part``: a parent row (4.不同意公开 of its 其中 rows) or the 总计 column of the same row."""
    if whole.table != part.table:
        return False
    if len(part.path) > len(whole.path) and part.path[: len(whole.path)] == whole.path:
        return True
    return part.path == whole.path and whole.column == "总计" and part.column not in (None, "总计")


def _sum(facts: list[Fact]) -> Number | None:
    values = [f.value for f in facts if f.value is not None]
    return _sum_values(values) if values else None


def _sum_values(values: list[Number]) -> Number:
    total: Number = 0
    for v in values:
        total = total + v  # int + Decimal stays exact
    return total


def _with(fact: Fact, value: Number | None, unit: str) -> Fact:
    return Fact(path=fact.path, column=fact.column, value=value, unit=unit, raw=fact.raw)


def _same_unit(prose_unit: str, table_unit: str) -> bool:
    return prose_unit.lstrip("万") == table_unit.lstrip("万")


def _scaled(fact: Fact) -> Decimal:
    value = Decimal(str(fact.value))
    return value * 10000 if fact.unit.startswith("万") and fact.unit != "万元" else value

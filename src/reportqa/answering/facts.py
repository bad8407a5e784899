"""The indexed facts, reached by report, by row and by concept.

A question touches the facts of the concepts it names in the reports in scope, never every fact of the corpus: each
report gets a concept → facts index on first use. Which concepts a row names depends only on its kind, path and column,
and those repeat in every report of a format, so the matching is done once per distinct row and shared.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from ..documents import Fact, Number, Report
from ..facts_match import concept_match, leaf_concepts, text_names
from ..lexicon import Concept, Lexicon
from ..parsing.similarity import bare_label

RowKey = tuple[str, str, tuple[str, ...], str | None]  # kind, table, path, column


@dataclass(frozen=True)
class RowTags:
    """What a row (or prose figure) names, precomputed once per distinct row: its concepts with their strength and the
    parent label a weak match came through, and the specific concepts its own label names (for ranking)."""

    concepts: dict[str, tuple[float, str | None]]
    leaf: frozenset[str]


class FactBase:
    def __init__(self, reports: list[Report], facts: list[Fact], lexicon: Lexicon) -> None:
        self.reports = {r.id: r for r in reports}
        self.lexicon = lexicon
        self.by_report: dict[str, list[Fact]] = defaultdict(list)
        for f in facts:
            self.by_report[f.report_id].append(f)
        self._scoped: dict[tuple[str, str], list[Fact]] = {}
        self._tags: dict[RowKey, RowTags] = {}
        self._by_concept: dict[str, dict[str, list[int]]] = {}
        self._indexed: dict[str, list[Fact]] = {}
        self._by_row: dict[str, tuple[dict[RowKey, Fact], dict[tuple[str, tuple[str, ...], str | None],
                                                                list[Fact]]]] = {}
        self._widened: dict[tuple[int, RowKey], tuple[float, str | None]] = {}
        self._by_widened: dict[tuple[str, Concept], list[int]] = {}
        # a widened concept is hashed once per use, not once per fact (hashing a Concept is most of a match's cost)
        self._concept_numbers: dict[Concept, int] = {}
        self._row_keys: dict[str, list[RowKey]] = {}  # each report's indexed facts' row keys

    @classmethod
    def updated(cls, previous: FactBase, reports: list[Report], facts: list[Fact], kept: set[str]) -> FactBase:
        """A fact base over ``reports`` that takes the ``kept`` reports' facts, and every index built over them, from
        ``previous``; ``facts`` are the other reports'. What a row names is shared as is (it depends only on the row
        and the lexicon), so a new report costs its own facts, not a re-read of the corpus."""
        base = cls(reports, facts, previous.lexicon)
        kept = kept & base.reports.keys() & previous.reports.keys()
        for rid in kept:
            if rid in previous.by_report:
                base.by_report[rid] = previous.by_report[rid]
        base.by_report = defaultdict(list, sorted(base.by_report.items()))  # the store's order, as a fresh load
        base._tags, base._widened, base._concept_numbers = previous._tags, previous._widened, previous._concept_numbers
        for name in ("_by_concept", "_indexed", "_by_row", "_row_keys"):
            getattr(base, name).update((rid, v) for rid, v in getattr(previous, name).items() if rid in kept)
        base._scoped.update((key, v) for key, v in previous._scoped.items() if key[0] in kept)
        base._by_widened.update((key, v) for key, v in previous._by_widened.items() if key[0] in kept)
        return base

    def of(self, report_id: str) -> list[Fact]:
        return self.by_report.get(report_id, [])

    def scoped(self, reports: list[Report], kind: str = "table") -> list[Fact]:
        """A report's table facts, or its prose figures about its own year (2015年受理… in the 2016 report is not
        the 2016 figure)."""
        out: list[Fact] = []
        for r in reports:
            key = (r.id, kind)
            if key not in self._scoped:
                self._scoped[key] = [f for f in self.of(r.id) if f.kind == kind
                                     and (kind == "table" or f.year in (None, r.year))]
            out += self._scoped[key]
        return out

    def naming(self, reports: list[Report], concept_ids: set[str], kind: str,
               widened: tuple[Concept, ...] = ()) -> list[Fact]:
        """The scoped facts of ``kind`` that name at least one of the concepts (in label, parent or column); a
        concept the question widened (申请 alone for an applicant type) by its own match, indexed per report too."""
        out: list[Fact] = []
        widened_ids = {c.id for c in widened}
        for r in reports:
            index = self._concept_index(r)
            facts = self._indexed[r.id]
            positions = {i for cid in concept_ids - widened_ids for i in index.get(cid, ())}
            for concept in widened:
                positions.update(self._widened_index(r, concept))
            out += [facts[i] for i in sorted(positions) if facts[i].kind == kind]  # the report's own order
        return out

    def _widened_index(self, report: Report, concept: Concept) -> list[int]:
        key = (report.id, concept)
        found = self._by_widened.get(key)
        if found is None:
            self._concept_index(report)
            number = self._concept_number(concept)
            facts = self._indexed[report.id]
            found = self._by_widened[key] = [i for i, row in enumerate(self._row_keys[report.id])
                                             if self._match_widened(number, concept, row, facts[i])[0]]
        return found

    def _concept_number(self, concept: Concept) -> int:
        return self._concept_numbers.setdefault(concept, len(self._concept_numbers))

    def warm(self) -> None:
        """Build every report's concept index now, so no question pays for a report's first use (a question across
        all agencies would otherwise index each of them)."""
        for report in list(self.reports.values()):
            self._concept_index(report)
            self._rows(report.id)

    def has_concept(self, report: Report, concept_id: str) -> bool:
        return bool(self._concept_index(report).get(concept_id))

    def _concept_index(self, report: Report) -> dict[str, list[int]]:
        """concept id → positions in the report's indexed facts (its table facts, then its own-year prose figures)."""
        index = self._by_concept.get(report.id)
        if index is None:
            index = defaultdict(list)
            facts = self._indexed[report.id] = self.scoped([report]) + self.scoped([report], "prose")
            for i, f in enumerate(facts):
                for cid in self.tags(f).concepts:
                    index[cid].append(i)
            self._row_keys[report.id] = [(f.kind, f.table or "", f.path, f.column) for f in facts]
            self._by_concept[report.id] = index
        return index

    def match_widened(self, concept: Concept, fact: Fact) -> tuple[float, str | None]:
        """``concept_match`` of a concept the question widened (申请 alone for an applicant type), once per distinct
        row and concept, like the row tags."""
        return self._match_widened(self._concept_number(concept), concept,
                                   (fact.kind, fact.table or "", fact.path, fact.column), fact)

    def _match_widened(self, number: int, concept: Concept, row: RowKey, fact: Fact) -> tuple[float, str | None]:
        found = self._widened.get((number, row))
        if found is None:
            found = self._widened[(number, row)] = concept_match(concept, fact)
        return found

    def tags(self, fact: Fact) -> RowTags:
        key: RowKey = (fact.kind, fact.table or "", fact.path, fact.column)
        tags = self._tags.get(key)
        if tags is None:
            matched = {c.id: concept_match(c, fact) for c in self.lexicon.concepts}
            tags = RowTags(concepts={cid: m for cid, m in matched.items() if m[0]},
                           leaf=frozenset(leaf_concepts(fact, self.lexicon.concepts)))
            self._tags[key] = tags
        return tags

    # ---------------------------------------------------------------- rows of one report's tables
    def cell(self, report_id: str, table: str | None, path: tuple[str, ...], column: str | None) -> Fact | None:
        return self._rows(report_id)[0].get(("table", table or "", path, column))

    def children(self, fact: Fact, prefix: tuple[str, ...], column: str | None) -> list[Fact]:
        """The rows directly under ``prefix`` in ``fact``'s table, in ``column``."""
        return self._rows(fact.report_id)[1].get((fact.table or "", prefix, column), [])

    def _rows(self, report_id: str) -> tuple[dict[RowKey, Fact], dict[tuple[str, tuple[str, ...], str | None],
                                                                      list[Fact]]]:
        """A report's table cells by row key, and by parent row (the rows directly under it, in report order)."""
        rows = self._by_row.get(report_id)
        if rows is None:
            cells: dict[RowKey, Fact] = {}
            under: dict[tuple[str, tuple[str, ...], str | None], list[Fact]] = defaultdict(list)
            for f in self.of(report_id):
                if f.kind == "table":
                    cells.setdefault((f.kind, f.table or "", f.path, f.column), f)
                    if f.path:
                        under[(f.table or "", f.path[:-1], f.column)].append(f)
            rows = self._by_row[report_id] = (cells, dict(under))
        return rows

    def row_cells(self, fact: Fact) -> list[Fact]:
        """Every column of ``fact``'s row."""
        return [f for f in self.of(fact.report_id) if f.kind == fact.kind and f.table == fact.table
                and f.path == fact.path]

    def filled_columns(self, total: Fact) -> list[Fact]:
        """The filled applicant columns of a row whose 总计 cell is blank (the derived 法人或其他组织 left out)."""
        derived = {c.id for c in self.lexicon.columns if c.sum_of}
        return [f for f in self.row_cells(total) if f.column not in (None, "总计", *derived) and f.value is not None]

    def parent_total(self, fact: Fact, used: list[Fact]) -> Fact | None:
        """The denominator of a share: the parent row, or the total of the table's results (template)."""
        depth = min(len(f.path) for f in used) - 1
        for d in range(depth, 0, -1):
            parent = self.cell(fact.report_id, fact.table, fact.path[:d], fact.column)
            if parent is not None and parent.value is not None:
                return parent
        totals = [f for f in self.of(fact.report_id) if f.kind == "table" and f.table == fact.table
                  and f.column == fact.column and f.value is not None and len(f.path) >= 2
                  and bare_label(f.path[-1]) == "总计" and f.path[0] == fact.path[0]]
        return totals[0] if totals else None

    def prose_restatements(self, fact: Fact, value: Number, unit: str) -> list[Fact]:
        """Prose figures of the same report that state this table figure differently (3.7万多条 for 37353条), not
        a part of it (区政府受理62件 of 244)."""
        if fact.kind != "table":
            return []
        concepts = [self.lexicon.concept(c) for c in leaf_concepts(fact, self.lexicon.concepts, generic=True)]
        if not concepts:
            return []
        table_value = Decimal(str(value))
        out = []
        for p in self.of(fact.report_id):
            if p.kind != "prose" or not all(text_names(p.label, c) for c in concepts):
                continue
            if p.unit.lstrip("万") != unit.lstrip("万"):
                continue
            stated = scaled(p)
            if stated != table_value and table_value and abs(stated - table_value) / table_value <= Decimal("0.1"):
                out.append(p)
        return out[:2]


def scaled(fact: Fact) -> Decimal:
    """A prose figure in units of one (3.7万条 → 37000)."""
    value = Decimal(str(fact.value))
    return value * 10000 if fact.unit.startswith("万") and fact.unit != "万元" else value


def sum_values(values: list[Number]) -> Number:
    total: Number = 0
    for v in values:
        total = total + v  # int + Decimal stays exact
    return total


def sum_facts(facts: list[Fact]) -> Number | None:
    values = [f.value for f in facts if f.value is not None]
    return sum_values(values) if values else None


def contains_part(whole: Fact, part: Fact) -> bool:
    """``whole`` includes ``part``: a parent row (4.不同意公开 of its 其中 rows) or the 总计 column of the same row."""
    if whole.table != part.table:
        return False
    if len(part.path) > len(whole.path) and part.path[: len(whole.path)] == whole.path:
        return True
    return part.path == whole.path and whole.column == "总计" and part.column not in (None, "总计")

"""The indexed facts, reached by report, by row and by concept.

A question touches the facts of the concepts it names in the reports in scope, never every fact of the corpus: each
report gets a concept → facts index on first use. Which concepts a row names depends only on its kind, path and column,
and those repeat in every report of a format, so the matching is done once per distinct row and shared.
"""

from __future__ import annotations

import itertools
import re
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from ..documents import Fact, Number, Report
from ..fact_layout import LayoutKey, layout_fingerprint, layout_key
from ..facts_match import concept_match, leaf_concepts, text_names
from ..lexicon import Concept, Lexicon
from ..parsing.similarity import bare_label
from ..store import Interner

ReadFacts = Callable[[list[str], Interner], list[Fact]]  # the facts of these reports, in report order (a store's)


class StoredLayouts(Protocol):
    """What a store keeps of each report's layout: its fingerprint, and its facts cell by cell."""

    def layout_fingerprints(self, report_ids: list[str]) -> dict[str, str]: ...
    def facts_at(self, keys: list[tuple[str, int]],
                 interner: Interner | None = None) -> dict[tuple[str, int], Fact]: ...

READ_AT_ONCE = 500  # reports per read: one query per few hundred reports, not one per report
CELLS_KEPT = 200_000  # single cells read of reports not read whole, the latest kept (~50 MB)

RowKey = tuple[str, str, tuple[str, ...], str | None]  # kind, table, path, column


@dataclass(frozen=True)
class RowTags:
    """What a row (or prose figure) names, precomputed once per distinct row: its concepts with their strength and the
    parent label a weak match came through, and the specific concepts its own label names (for ranking)."""

    concepts: dict[str, tuple[float, str | None]]
    leaf: frozenset[str]


class FactsByReport(Mapping[str, list[Fact]]):
    """Each report's facts, read from the store the first time a question needs them and kept.

    Reading every fact at start-up cost ~10 s at 10,000 reports, for questions that mostly touch a few reports; a
    question over many reports reads those it lacks in a few queries (``load``)."""

    def __init__(self, report_ids: Iterable[str], facts: Iterable[Fact], read: ReadFacts | None) -> None:
        self._ids = dict.fromkeys(report_ids)
        self._read = read
        self._loaded: dict[str, list[Fact]] = {}
        for f in facts:
            self._loaded.setdefault(f.report_id, []).append(f)
        if read is None:  # everything there is was given
            self._loaded = {rid: [] for rid in self._ids} | self._loaded
        self._interner = Interner()
        self._lock = threading.Lock()  # one read of a report, whichever thread asks first

    def __getitem__(self, report_id: str) -> list[Fact]:
        found = self._loaded.get(report_id)
        if found is None:
            if report_id not in self._ids:
                raise KeyError(report_id)
            self.load([report_id])
            found = self._loaded[report_id]
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def load(self, report_ids: Iterable[str]) -> None:
        """Read the facts of those of these reports not read yet, a few hundred reports a query."""
        if self._read is None:
            return
        missing = [rid for rid in dict.fromkeys(report_ids) if rid in self._ids and rid not in self._loaded]
        if not missing:
            return
        with self._lock:
            missing = [rid for rid in missing if rid not in self._loaded]
            for i in range(0, len(missing), READ_AT_ONCE):
                part = missing[i : i + READ_AT_ONCE]
                grouped: dict[str, list[Fact]] = {rid: [] for rid in part}
                for f in self._read(part, self._interner):
                    grouped[f.report_id].append(f)
                self._loaded.update(grouped)

    @property
    def interner(self) -> Interner:
        return self._interner

    def read_already(self, report_id: str) -> list[Fact] | None:
        """The report's facts if read, else None (nothing is read)."""
        return self._loaded.get(report_id)

    def loaded(self) -> dict[str, list[Fact]]:
        """The reports read so far, with their facts."""
        return dict(self._loaded)

    def take_over(self, facts: Mapping[str, list[Fact]], interner: Interner) -> None:
        """Facts another fact base read of reports stored as they were then (a new build keeps them)."""
        self._loaded.update((rid, v) for rid, v in facts.items() if rid in self._ids)
        self._interner = interner


@dataclass
class Layout:
    """Where a report's facts stand, position by position, whatever their values: the concepts each names, its cell
    and the rows under each row. Reports of one format and vintage share one (362 layouts among 10,000 generated
    reports), so these indexes are built and held once per layout, not once per report."""

    number: int  # which layout, for memos of what a question finds in it
    row_keys: tuple[RowKey, ...]  # every fact's row, in the report's order
    indexed: tuple[int, ...]  # the facts questions read: table facts and prose figures about the report's own year
    concepts: dict[str, list[int]]  # concept id → positions of indexed facts that name it
    cells: dict[RowKey, int]  # a table row's first cell
    under: dict[tuple[str, tuple[str, ...], str | None], list[int]]  # (table, parent path, column) → rows under it
    widened: dict[int, list[int]]  # a concept the question widened (its number) → positions that match it
    rows: dict[tuple[str, str, tuple[str, ...]], list[int]] | None = None  # (kind, table, path) → its cells


class FactBase:
    def __init__(self, reports: list[Report], facts: list[Fact], lexicon: Lexicon,
                 read: ReadFacts | None = None, stored: StoredLayouts | None = None) -> None:
        """``facts`` are the reports' facts; with ``read``, only some of them, and the others are read on first use;
        with ``stored``, a report whose layout is known by its stored fingerprint is read cell by cell."""
        self.reports = {r.id: r for r in reports}
        self._stored = stored
        self._by_fingerprint: dict[str, Layout] = {}
        self._fingerprint_of: dict[str, str | None] = {}  # report id → its stored fingerprint (None: none stored)
        self._cells_read: OrderedDict[tuple[str, int], Fact] = OrderedDict()  # cells of reports not read whole
        self._cells_lock = threading.Lock()
        self.lexicon = lexicon
        self.by_report = FactsByReport(self.reports, facts, read)
        self._scoped: dict[tuple[str, str], list[Fact]] = {}
        self._tags: dict[RowKey, RowTags] = {}
        self._layouts: dict[LayoutKey, Layout] = {}
        self._layout_of: dict[str, Layout] = {}
        self._layout_numbers = itertools.count()  # never one number for two layouts, whichever thread builds them
        self._widened: dict[tuple[int, RowKey], tuple[float, str | None]] = {}
        # a widened concept is hashed once per use, not once per fact (hashing a Concept is most of a match's cost)
        self._concept_numbers: dict[Concept, int] = {}

    @classmethod
    def updated(cls, previous: FactBase, reports: list[Report], kept: set[str], read: ReadFacts,
                stored: StoredLayouts | None = None) -> FactBase:
        """A fact base over ``reports`` that takes the ``kept`` reports' facts, and every index built over them, from
        ``previous``; the others' facts are read on first use. What a row names is shared as is (it depends only on
        the row and the lexicon), so a new report costs its own facts, not a re-read of the corpus."""
        base = cls(reports, [], previous.lexicon, read, stored)
        kept = kept & base.reports.keys() & previous.reports.keys()
        base.by_report.take_over({rid: v for rid, v in previous.by_report.loaded().items() if rid in kept},
                                 previous.by_report.interner)
        base._tags, base._widened, base._concept_numbers = previous._tags, previous._widened, previous._concept_numbers
        base._layouts, base._layout_numbers = previous._layouts, previous._layout_numbers
        base._by_fingerprint = previous._by_fingerprint  # a fingerprint names the same layout in every build
        base._layout_of.update((rid, v) for rid, v in previous._layout_of.items() if rid in kept)
        base._scoped.update((key, v) for key, v in previous._scoped.items() if key[0] in kept)
        return base

    def of(self, report_id: str) -> list[Fact]:
        return self.by_report.get(report_id, [])

    def layouts_from_store(self, reports: list[Report]) -> None:
        """Give the reports not read yet their layout by their stored fingerprint, reading one report per layout
        not built yet: a question over thousands of reports then reads only the cells that answer (``cells``). A
        report without a fingerprint, or whose layout is not built from it, is read as before."""
        if self._stored is None:
            return
        unread = [r.id for r in reports if r.id not in self._layout_of and self.by_report.read_already(r.id) is None]
        unasked = [rid for rid in unread if rid not in self._fingerprint_of]
        if unasked:
            stored = self._stored.layout_fingerprints(unasked)
            self._fingerprint_of.update((rid, stored.get(rid)) for rid in unasked)
        first: dict[str, str] = {}  # fingerprint not built yet → the report that builds it
        for rid in unread:
            fingerprint = self._fingerprint_of.get(rid)
            if fingerprint is not None and fingerprint not in self._by_fingerprint:
                first.setdefault(fingerprint, rid)
        self.by_report.load(first.values())
        for rid in first.values():
            self._layout(rid)
        for rid in unread:
            fingerprint = self._fingerprint_of.get(rid)
            layout = self._by_fingerprint.get(fingerprint) if fingerprint is not None else None
            if layout is not None:
                self._layout_of.setdefault(rid, layout)

    def cells(self, wanted: dict[str, list[int]]) -> dict[tuple[str, int], Fact]:
        """The facts at these positions of each report: from its facts when read, else only those cells from the
        store."""
        out: dict[tuple[str, int], Fact] = {}
        unread: list[tuple[str, int]] = []
        with self._cells_lock:
            for rid, positions in wanted.items():
                facts = self.by_report.read_already(rid)
                if facts is not None:
                    out.update(((rid, i), facts[i]) for i in positions)
                    continue
                for i in positions:
                    cell = self._cells_read.get((rid, i))
                    if cell is None:
                        unread.append((rid, i))
                    else:
                        out[(rid, i)] = cell
        if unread:
            if self._stored is None:
                return {**out, **{key: self.of(key[0])[key[1]] for key in unread}}
            read = self._stored.facts_at(unread, self.by_report.interner)
            out.update(read)
            with self._cells_lock:
                self._cells_read.update(read)
                while len(self._cells_read) > CELLS_KEPT:
                    self._cells_read.popitem(last=False)
        return out

    def _at(self, report_id: str, positions: Iterable[int]) -> list[Fact]:
        positions = list(positions)
        found = self.cells({report_id: positions})
        return [found[(report_id, i)] for i in positions]

    def row_positions(self, fact: Fact) -> list[int]:
        """Where every column of ``fact``'s row stands in its report."""
        layout = self._layout(fact.report_id)
        if layout.rows is None:
            rows: dict[tuple[str, str, tuple[str, ...]], list[int]] = defaultdict(list)
            for i, k in enumerate(layout.row_keys):
                rows[k[:3]].append(i)
            layout.rows = dict(rows)
        return layout.rows.get((fact.kind, fact.table or "", fact.path), [])

    def cell_position(self, report_id: str, table: str | None, path: tuple[str, ...], column: str | None) -> int | None:
        return self._layout(report_id).cells.get(("table", table or "", path, column))

    def children_positions(self, fact: Fact, prefix: tuple[str, ...], column: str | None) -> tuple[int, ...]:
        return tuple(self._layout(fact.report_id).under.get((fact.table or "", prefix, column), ()))

    def scoped(self, reports: list[Report], kind: str = "table") -> list[Fact]:
        """A report's table facts, or its prose figures about its own year (2015年受理… in the 2016 report is not
        the 2016 figure)."""
        out: list[Fact] = []
        self.by_report.load(r.id for r in reports if (r.id, kind) not in self._scoped)
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
        concept the question widened (申请 alone for an applicant type) by its own match, indexed per layout too."""
        out: list[Fact] = []
        self.by_report.load(r.id for r in reports)  # those not read, in a few queries (not one a report)
        for r in reports:
            facts = self.of(r.id)
            out += [facts[i] for i in self.naming_positions(r.id, concept_ids, kind, widened)]
        return out

    def naming_positions(self, report_id: str, concept_ids: set[str], kind: str,
                         widened: tuple[Concept, ...] = ()) -> list[int]:
        """``naming`` for one report, as positions in its facts (``of``), in the report's order."""
        layout = self._layout(report_id)
        facts = self.of(report_id)
        widened_ids = {c.id for c in widened}
        positions = {i for cid in concept_ids - widened_ids for i in layout.concepts.get(cid, ())}
        for concept in widened:
            positions.update(self._widened_positions(layout, facts, concept))
        return [i for i in sorted(positions) if facts[i].kind == kind]

    def _widened_positions(self, layout: Layout, facts: list[Fact], concept: Concept) -> list[int]:
        number = self._concept_number(concept)
        found = layout.widened.get(number)
        if found is None:
            found = layout.widened[number] = [i for i in layout.indexed if self._match_widened(
                number, concept, layout.row_keys[i], facts[i])[0]]
        return found

    def _concept_number(self, concept: Concept) -> int:
        return self._concept_numbers.setdefault(concept, len(self._concept_numbers))

    def concept_number(self, concept: Concept) -> int:
        """A small number standing for the concept (a widened one too): cheaper to hash than the concept."""
        return self._concept_number(concept)

    def layout_known(self, report_id: str) -> bool:
        return report_id in self._layout_of

    def layout_number(self, report_id: str) -> int:
        """Which layout the report's facts have: reports with the same one find the same rows for a question."""
        return self._layout(report_id).number

    def warm(self, whole: bool = True) -> None:
        """Build every report's indexes now, so no question pays for a report's first use (a question across all
        agencies would otherwise read and index each of them). Not ``whole`` (a database several servers share):
        a report whose stored fingerprint names a layout is not read, a question reads the cells it needs of it
        (at 10,000 reports: 0.7 s instead of 16 s and ~230 MB less, but a ranking over all of them reads ~10,000
        cells a question, p95 ~350 ms instead of ~70 ms on SQLite)."""
        if not whole:
            self.layouts_from_store(list(self.reports.values()))
        self.by_report.load(rid for rid in self.reports if rid not in self._layout_of)
        for report_id in list(self.reports):
            self._layout(report_id)

    def has_concept(self, report: Report, concept_id: str) -> bool:
        return bool(self._layout(report.id).concepts.get(concept_id))

    def _layout(self, report_id: str) -> Layout:
        """The report's layout, found among those built by the rows and years of its facts, else built."""
        layout = self._layout_of.get(report_id)
        if layout is None:
            facts = self.of(report_id)
            report = self.reports.get(report_id)
            year = report.year if report is not None else None
            key = layout_key(facts, year)
            layout = self._layouts.get(key)
            if layout is None:
                layout = self._layouts[key] = self._new_layout(key, facts)
                self._by_fingerprint[layout_fingerprint(key)] = layout
            self._layout_of[report_id] = layout
        return layout

    def _new_layout(self, key: LayoutKey, facts: list[Fact]) -> Layout:
        row_keys = tuple(k[:4] for k in key)
        indexed = tuple(i for i, k in enumerate(key) if k[4])
        concepts: dict[str, list[int]] = defaultdict(list)
        for i in indexed:
            for cid in self.tags(facts[i]).concepts:
                concepts[cid].append(i)
        cells: dict[RowKey, int] = {}
        under: dict[tuple[str, tuple[str, ...], str | None], list[int]] = defaultdict(list)
        for i, f in enumerate(facts):
            if f.kind == "table":
                cells.setdefault(row_keys[i], i)
                if f.path:
                    under[(f.table or "", f.path[:-1], f.column)].append(i)
        return Layout(number=next(self._layout_numbers), row_keys=row_keys, indexed=indexed, concepts=dict(concepts),
                      cells=cells, under=dict(under), widened={})

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
        i = self.cell_position(report_id, table, path, column)
        return None if i is None else self._at(report_id, [i])[0]

    def children(self, fact: Fact, prefix: tuple[str, ...], column: str | None) -> list[Fact]:
        """The rows directly under ``prefix`` in ``fact``'s table, in ``column``."""
        return self._at(fact.report_id, self.children_positions(fact, prefix, column))

    def row_cells(self, fact: Fact) -> list[Fact]:
        """Every column of ``fact``'s row."""
        return self._at(fact.report_id, self.row_positions(fact))

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

    def prose_naming(self, fact: Fact) -> list[Fact]:
        """The report's prose figures whose labels name every concept of this table figure's row."""
        if fact.kind != "table":
            return []
        concepts = [self.lexicon.concept(c) for c in leaf_concepts(fact, self.lexicon.concepts, generic=True)]
        if not concepts:
            return []
        return [p for p in self.of(fact.report_id)
                if p.kind == "prose" and p.value is not None and all(text_names(p.label, c) for c in concepts)]

    def prose_restatements(self, fact: Fact, value: Number, unit: str) -> list[Fact]:
        """Prose figures of the same report that state this table figure differently (3.7万多条 for 37353条), not
        a part of it (区政府受理62件 of 244)."""
        table_value = Decimal(str(value))
        out = []
        for p in self.prose_naming(fact):
            if p.unit.lstrip("万") != unit.lstrip("万"):
                continue
            stated = scaled(p)
            if stated != table_value and table_value and abs(stated - table_value) / table_value <= Decimal("0.1"):
                out.append(p)
        return out[:2]

    def prose_in_units(self, fact: Fact, value: Number, units: tuple[str, ...]) -> Fact | None:
        """The report's text stating this table figure in one of ``units`` (the table counts requests in 条, the
        text "受理依申请公开14件"): same concepts, same value."""
        return next((p for p in self.prose_naming(fact) if p.unit in units
                     and Decimal(str(p.value)) == Decimal(str(value))), None) if units else None


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


# the words of a change a report states of a figure (全年接收申请数量同比增长30%)
_CHANGE_OF_A_FIGURE = r"同比|比上年|较上年|比去年|较去年|增长|下降|增幅|降幅|减少|增加"
_STATED_CHANGE = re.compile(_CHANGE_OF_A_FIGURE)
# … and the words of a question asking a change, a rate or a share
CHANGE_WORDS = re.compile(_CHANGE_OF_A_FIGURE + r"|上升|提高|回落"
                          r"|\b(?:grow|grew|grown|growth|increase[sd]?|rise|rose|risen|fall|fell|fallen|drop(?:ped)?"
                          r"|decline[sd]?|decrease[sd]?|change[sd]?|percent(?:age)?|rate|share|proportion)\b"
                          r"|百分之|百分比|占比|比例|比重|%", re.IGNORECASE)


def is_stated_change(fact: Fact) -> bool:
    """A rate of change the report states of a figure (同比增长30%): never the figure itself."""
    return fact.unit in ("%", "个百分点") and _STATED_CHANGE.search(fact.label) is not None

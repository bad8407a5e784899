"""The passages of a build as columns, and the table that shows them by global row.

Every passage's report, order, section, kind, year and agency must be at hand (filters, keys and vector fields need
them), its text only when it is shown. Held as a tuple per passage they cost ~7 µs each to read from SQLite and
~150 bytes each: 3.6 s and ~70 MB at 10,000 reports (462k passages). As integer columns with the strings listed once
they are written beside a segment's vectors (``rows.npz``) and read back in milliseconds.
"""

from __future__ import annotations

import logging
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import overload

import numpy as np

from .documents import Passage
from .store import PassageRow

log = logging.getLogger(__name__)

ROWS_FILE = "rows.npz"  # a segment's passage columns; optional: a segment without it is read from the store
NO_YEAR = -1
ReadTexts = Callable[[list[tuple[str, int]]], dict[tuple[str, int], tuple[str, str]]]
_INTS = ("report", "ord", "section", "kind", "year", "agency")
_STRINGS = ("reports", "sections", "agencies")


class PassageGone(LookupError):
    """A passage of the build is no longer in the store as it was indexed."""


@dataclass(frozen=True)
class PassageColumns:
    """One column per field; ``report``, ``section`` and ``agency`` index their string lists, ``kind`` is 1 for a
    table passage, ``year`` NO_YEAR when the report has none."""

    ids: list[str]
    report: np.ndarray
    ord: np.ndarray
    section: np.ndarray
    kind: np.ndarray
    year: np.ndarray
    agency: np.ndarray
    reports: list[str]
    sections: list[str]
    agencies: list[str]

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def empty(cls) -> PassageColumns:
        return cls.from_rows([])

    @classmethod
    def from_rows(cls, rows: Iterable[PassageRow | Passage]) -> PassageColumns:
        """Columns of passage rows in order; a Passage's order is its place among its report's passages given."""
        ids: list[str] = []
        ints: list[tuple[int, int, int, int, int, int]] = []
        strings: tuple[dict[str, int], dict[str, int], dict[str, int]] = ({}, {}, {})
        reports, sections, agencies = strings
        seen: dict[str, int] = {}
        for p in rows:
            ord_ = p.ord if isinstance(p, PassageRow) else seen.get(p.report_id, 0)
            seen[p.report_id] = ord_ + 1
            ids.append(p.id)
            year = NO_YEAR if p.year is None else int(p.year)
            ints.append((reports.setdefault(p.report_id, len(reports)), ord_,
                         sections.setdefault(p.section, len(sections)), int(p.kind == "table"), year,
                         agencies.setdefault(p.agency or "", len(agencies))))
        table = np.asarray(ints, np.int32).reshape(-1, len(_INTS))
        columns = {name: np.ascontiguousarray(table[:, i]) for i, name in enumerate(_INTS)}
        return cls(ids, **columns, reports=list(reports), sections=list(sections), agencies=list(agencies))

    @classmethod
    def concat(cls, parts: Sequence[PassageColumns]) -> PassageColumns:
        """One table of the parts in order, their string lists merged."""
        if len(parts) == 1:
            return parts[0]
        if not parts:
            return cls.empty()
        merged: tuple[dict[str, int], dict[str, int], dict[str, int]] = ({}, {}, {})
        ints: dict[str, list[np.ndarray]] = {name: [] for name in _INTS}
        ids: list[str] = []
        for part in parts:
            ids += part.ids
            for name in ("ord", "kind", "year"):
                ints[name].append(getattr(part, name))
            for name, plural, into in zip(("report", "section", "agency"), _STRINGS, merged, strict=True):
                remap = np.fromiter((into.setdefault(s, len(into)) for s in getattr(part, plural)), np.int32,
                                    len(getattr(part, plural)))
                ints[name].append(remap[getattr(part, name)] if len(remap) else getattr(part, name))
        columns = {name: np.concatenate(arrays).astype(np.int32) for name, arrays in ints.items()}
        return cls(ids, **columns, reports=list(merged[0]), sections=list(merged[1]), agencies=list(merged[2]))

    def slice(self, start: int, stop: int) -> PassageColumns:
        columns = {n: getattr(self, n)[start:stop] for n in _INTS}
        return PassageColumns(self.ids[start:stop], **columns, reports=self.reports, sections=self.sections,
                              agencies=self.agencies)

    def row(self, i: int) -> PassageRow:
        year = int(self.year[i])
        return PassageRow(self.ids[i], self.reports[self.report[i]], int(self.ord[i]), self.sections[self.section[i]],
                          "table" if self.kind[i] else "prose", None if year == NO_YEAR else year,
                          self.agencies[self.agency[i]])

    def rows_by(self, codes: np.ndarray, labels: Sequence) -> dict:
        """Global rows grouped by a coded column (``report`` with ``reports``, ...), ascending within each group."""
        order = np.argsort(codes, kind="stable").astype(np.int64)
        counts = np.bincount(codes, minlength=len(labels))
        groups = np.split(order, np.cumsum(counts)[:-1]) if len(labels) else []
        return {labels[i]: rows for i, rows in enumerate(groups) if len(rows)}

    def rows_of_report(self) -> dict[str, np.ndarray]:
        return self.rows_by(self.report, self.reports)

    def rows_of_year(self) -> dict[int | None, np.ndarray]:
        years, codes = np.unique(self.year, return_inverse=True)
        labels = [None if y == NO_YEAR else int(y) for y in years.tolist()]
        return self.rows_by(codes.astype(np.int64).ravel(), labels)

    # -- a segment's file --
    def save(self, folder: Path) -> None:
        """Write ``rows.npz`` into the folder atomically (it may be added to a segment written before it existed)."""
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".npz")
        try:
            with os.fdopen(fd, "wb") as fh:
                arrays: dict[str, np.ndarray] = {n: getattr(self, n) for n in _INTS}
                arrays.update({n: np.asarray(getattr(self, n), dtype=str) for n in _STRINGS})
                np.savez(fh, **arrays)  # type: ignore[arg-type]
            os.replace(tmp, folder / ROWS_FILE)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, folder: Path, ids: list[str], report_ids: Sequence[str]) -> PassageColumns | None:
        """A segment's columns, or None when it has none or they do not fit its passages (the store is read)."""
        try:
            with np.load(folder / ROWS_FILE, allow_pickle=False) as data:
                ints = {n: data[n].astype(np.int32) for n in _INTS}
                strings = {n: data[n].tolist() for n in _STRINGS}
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
            log.warning("segment %s: %s unreadable (%s), its passages are read from the store", folder.name,
                        ROWS_FILE, type(exc).__name__)
            return None
        columns = cls(ids, **ints, **strings)
        if any(len(a) != len(ids) for a in ints.values()) or sorted(columns.reports) != sorted(report_ids):
            log.warning("segment %s: %s does not fit its passages, they are read from the store", folder.name,
                        ROWS_FILE)
            return None
        return columns


class PassageRows(Sequence[PassageRow]):
    """The table's rows as PassageRow tuples, made when asked for."""

    def __init__(self, columns: PassageColumns) -> None:
        self.columns = columns

    def __len__(self) -> int:
        return len(self.columns)

    @overload
    def __getitem__(self, i: int) -> PassageRow: ...
    @overload
    def __getitem__(self, i: slice) -> list[PassageRow]: ...
    def __getitem__(self, i: int | slice) -> PassageRow | list[PassageRow]:
        if isinstance(i, slice):
            return [self.columns.row(j) for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self.columns.row(i)

    def __iter__(self) -> Iterator[PassageRow]:
        return (self.columns.row(i) for i in range(len(self)))


class PassageTable(Sequence[Passage]):
    """A build's passages by global row; the text is read from the store when a passage is shown."""

    def __init__(self, columns: PassageColumns | Sequence[PassageRow], read_texts: ReadTexts) -> None:
        self.columns = columns if isinstance(columns, PassageColumns) else PassageColumns.from_rows(columns)
        self.rows = PassageRows(self.columns)
        self._read_texts = read_texts

    def __len__(self) -> int:
        return len(self.columns)

    def __getitem__(self, i: int | slice) -> Passage:  # type: ignore[override]
        if isinstance(i, slice):
            raise TypeError("slice PassageTable.rows instead")
        passage = self.take([i])[0]
        if passage is None:
            raise PassageGone(f"passage {self.rows[i].id} is no longer in the store")
        return passage

    def __iter__(self) -> Iterator[Passage]:
        for start in range(0, len(self), 2000):
            yield from (p for p in self.take(range(start, min(start + 2000, len(self)))) if p is not None)

    def take(self, rows: Iterable[int]) -> list[Passage | None]:
        """The passages at these rows, read in one query; None for one the store no longer holds as it was indexed
        (a report stored again since: the next build has it)."""
        light = [self.rows[i] for i in rows]
        texts = self._read_texts([(r.report_id, r.ord) for r in light])
        out: list[Passage | None] = []
        for r in light:
            found = texts.get((r.report_id, r.ord))
            if found is None or found[0] != r.id:
                log.warning("passage %s of report %s changed in the store since it was indexed", r.id, r.report_id)
                out.append(None)
                continue
            out.append(Passage(id=r.id, report_id=r.report_id, section=r.section, text=found[1],
                               kind="table" if r.kind == "table" else "prose", year=r.year, agency=r.agency))
        return out

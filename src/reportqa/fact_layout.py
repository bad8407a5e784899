"""A report's fact layout: its rows in order (kind, table, path, column) and which figures are about its own year.

Reports of one format and vintage share a layout, and a question finds the same rows in every report of a layout. So
the layout's fingerprint is stored with each report: a question over thousands of reports reads the facts of one
report per layout and, of every other report, only the cells that answer (``ReportStore.facts_at``), instead of
every fact of every report in scope.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from .documents import Fact

LayoutKey = tuple[tuple[str, str, tuple[str, ...], str | None, bool], ...]


def layout_key(facts: Iterable[Fact], year: int | None) -> LayoutKey:
    """Each fact's row, and whether questions read it: table facts, and prose figures about the report's year (a
    2016 report's "2015年受理…" is not its own figure)."""
    return tuple((f.kind, f.table or "", tuple(f.path), f.column,
                  f.kind == "table" or (f.kind == "prose" and f.year in (None, year))) for f in facts)


def layout_fingerprint(key: LayoutKey) -> str:
    return hashlib.sha1(json.dumps(key, ensure_ascii=False).encode("utf-8")).hexdigest()

"""Which template version a report fills in (template-2019 or template-2021)."""

from __future__ import annotations

from collections.abc import Sequence

from ...documents import Fact
from .labels import TEMPLATE_2019, TEMPLATE_2021, TemplateLabels, label_core, split_numbered_parts
from .regions import Regions


def detect_version(regions: Regions, labels: TemplateLabels) -> str | None:
    """template-2019 or template-2021 from the words only one version uses; None when neither shows."""
    markers = labels.version_markers()
    strings: set[str] = set()
    long_texts: list[str] = []
    for kind in ("二", "三"):
        for rows in regions.tables[kind]:
            for row in rows:
                for cell in row:
                    strings.update(label_core(p) for p in split_numbered_parts(cell))
                    long_texts.append(label_core(cell))
        for line in regions.lines[kind]:
            strings.update(label_core(t) for t in line.split())
            long_texts.append(label_core(line))
    counts = {}
    for version, cores in markers.items():
        counts[version] = sum(1 for c in cores if c in strings or (len(c) >= 8 and any(c in t for t in long_texts)))
    best = max(counts, key=lambda v: counts[v])
    if counts[best] == 0 or list(counts.values()).count(counts[best]) > 1:
        return None
    return best


def version_from_rows(facts: Sequence[Fact], labels: TemplateLabels) -> str:
    """Without marker words: a 2019 table has （六）其他处理 as a row of figures, a 2021 table has sub-rows there."""
    leaf_2019 = {r.path for r in labels.table3_rows if not r.is_group and r.versions == frozenset({TEMPLATE_2019})}
    paths = {f.path for f in facts}
    if paths & leaf_2019 and not any(len(p) == 3 and p[:2] in {q[:2] for q in leaf_2019} for p in paths):
        return TEMPLATE_2019
    return TEMPLATE_2021

"""The template's labels (data in ``template_labels.toml``) and how a written label is compared with them.

Reports wrap, renumber and reword the template's labels, so labels are compared by their core (no numbering, no
explanatory parenthetical, no punctuation) and by similarity, never by exact wording.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from importlib import resources
from types import MappingProxyType
from typing import Literal

TableKind = Literal["二", "三", "四"]
TEMPLATE_2021 = "template-2021"
TEMPLATE_2019 = "template-2019"

MATCH_THRESHOLD = 0.6  # least label similarity for a row to count as a template row
STRONG_MATCH = 0.9


# --------------------------------------------------------------------------------------------------------------------
# the template's labels (data in template_labels.toml)


@dataclass(frozen=True)
class RowTemplate:
    """A row (or a row group) of table 三 in template order."""

    path: tuple[str, ...]
    cores: tuple[str, ...]  # label_core of the label and of its aliases
    ancestor_cores: tuple[str, ...]
    versions: frozenset[str]
    index: int
    is_group: bool = False


@dataclass(frozen=True)
class Table2Item:
    """An item of table 二 (规章, 行政许可, …) with its 第二十条 section and its columns per template version."""
    section: str
    label: str
    cores: tuple[str, ...]
    versions: frozenset[str]
    columns: Mapping[str, tuple[str, ...]]  # template version → the item's columns


@dataclass(frozen=True)
class TemplateLabels:
    """Everything the parser knows about the template, read from template_labels.toml."""
    versions: tuple[str, ...]
    table2_title: str
    table2_header_label: str
    table2_default_unit: str
    table2_units: Mapping[str, str]
    table2_column_aliases: Mapping[str, tuple[str, ...]]
    table2_sections: tuple[str, ...]
    table2_items: tuple[Table2Item, ...]
    table3_title: str
    table3_unit: str
    table3_columns: tuple[str, ...]
    table3_super_headers: tuple[str, ...]
    table3_column_groups: tuple[str, ...]
    table3_column_aliases: Mapping[str, tuple[str, ...]]
    table3_rows: tuple[RowTemplate, ...]  # leaf rows and group nodes, in template order
    table4_title: str
    table4_unit: str
    table4_columns: tuple[str, ...]
    table4_groups: tuple[tuple[str, ...], ...]
    table4_column_aliases: Mapping[str, tuple[str, ...]]

    def table2_columns(self) -> set[str]:
        return {c for item in self.table2_items for cols in item.columns.values() for c in cols}

    def table3_candidates(self, version: str | None) -> list[RowTemplate]:
        """Rows of one version (all when None); a row that is a group in this version but a leaf in the other
        (2019's （六）其他处理) stays, so a subtotal row written for it still finds its place."""
        if version is None:
            return list(self.table3_rows)
        prefixes = {r.path[:d] for r in self.table3_rows if version in r.versions for d in range(1, len(r.path))}
        return [r for r in self.table3_rows if version in r.versions or r.path in prefixes]

    def version_markers(self) -> dict[str, set[str]]:
        """Label cores that only one template version has (column names, row labels), for telling versions apart."""
        per_version: dict[str, set[str]] = {v: set() for v in self.versions}
        for item in self.table2_items:
            for version, cols in item.columns.items():
                per_version[version].update(label_core(c) for c in cols)
            for version in item.versions:
                per_version[version].update(item.cores)
        for row in self.table3_rows:
            if not row.is_group:
                for version in row.versions:
                    per_version[version].update(row.cores)
        every_core: dict[str, set[str]] = {v: set(c) for v, c in per_version.items()}
        for row in self.table3_rows:
            for version in row.versions:
                every_core[version].update(row.ancestor_cores)
        markers = {}
        for version, cores in per_version.items():
            others = set().union(*(c for v, c in every_core.items() if v != version))
            markers[version] = {c for c in cores if c not in others and len(c) >= 4}
        return markers


def _frozen_aliases(data: Mapping[str, Sequence[str]]) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({k: tuple(v) for k, v in data.items()})


_DATA_PACKAGE = __name__.rsplit(".", 2)[0]  # reportqa.parsing: template_labels.toml lies there, not in this package


@functools.lru_cache(maxsize=1)
def load_template_labels() -> TemplateLabels:
    """The template's labels from ``template_labels.toml`` (read once; immutable)."""
    text = resources.files(_DATA_PACKAGE).joinpath("template_labels.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    versions = tuple(data["versions"])
    t2, t3, t4 = data["table2"], data["table3"], data["table4"]

    items = []
    for section in t2["sections"]:
        section_versions = frozenset(section.get("versions", versions))
        for item in section["items"]:
            names = [item["label"], *item.get("aliases", [])]
            items.append(Table2Item(
                section=section["name"], label=item["label"], cores=tuple(label_core(n) for n in names),
                versions=frozenset(item.get("versions", section_versions)),
                columns=MappingProxyType({v: tuple(c) for v, c in section["columns"].items()}),
            ))

    rows: list[RowTemplate] = []
    seen_groups: set[tuple[str, ...]] = set()
    leaf_paths = {tuple(r["path"]) for r in t3["rows"]}
    for entry in t3["rows"]:
        path = tuple(entry["path"])
        row_versions = frozenset(entry.get("versions", versions))
        for depth in range(1, len(path)):
            group = path[:depth]
            if group not in seen_groups and group not in leaf_paths:
                seen_groups.add(group)
                rows.append(RowTemplate(
                    path=group, cores=(label_core(group[-1]),), ancestor_cores=tuple(label_core(g) for g in group[:-1]),
                    versions=frozenset(versions), index=len(rows), is_group=True,
                ))
        names = [path[-1], *entry.get("aliases", [])]
        rows.append(RowTemplate(
            path=path, cores=tuple(label_core(n) for n in names),
            ancestor_cores=tuple(label_core(g) for g in path[:-1]),
            versions=row_versions, index=len(rows),
        ))

    return TemplateLabels(
        versions=versions,
        table2_title=t2["title"], table2_header_label=t2["header_label"], table2_default_unit=t2["default_unit"],
        table2_units=MappingProxyType(dict(t2.get("units", {}))),
        table2_column_aliases=_frozen_aliases(t2.get("column_aliases", {})),
        table2_sections=tuple(s["name"] for s in t2["sections"]), table2_items=tuple(items),
        table3_title=t3["title"], table3_unit=t3["unit"], table3_columns=tuple(t3["columns"]),
        table3_super_headers=tuple(t3.get("super_headers", [])),
        table3_column_groups=tuple(t3.get("column_groups", {})),
        table3_column_aliases=_frozen_aliases(t3.get("column_aliases", {})), table3_rows=tuple(rows),
        table4_title=t4["title"], table4_unit=t4["unit"], table4_columns=tuple(t4["columns"]),
        table4_groups=tuple(tuple(g) for g in t4["groups"]),
        table4_column_aliases=_frozen_aliases(t4.get("column_aliases", {})),
    )


# --------------------------------------------------------------------------------------------------------------------
# text normalisation and similarity

_LEADING_NUMBER = re.compile(
    r"^(?:\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}[、.]|\(\d{1,2}\)|\d{1,2}(?:[、.)]|\.)(?!\d))"
)
_INNER_NUMBER = re.compile(r"(?<=[^\d(])"
                           r"(?=\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,2}、|\d{1,2}[、.](?=\D))")
_PARENTHETICAL = re.compile(r"\([^()]*(?:\)|$)")
TOP_HEADING = re.compile(r"^[一二三四五六七八九十]{1,2}[、.]")


def normalize_text(text: str) -> str:
    """NFKC (full-width forms and punctuation to ASCII) with all whitespace removed: "商业 企业" == "商业\\n企业"."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


def label_core(text: str) -> str:
    """What a label says, for comparison: no leading numbering ("（三）", "1．", "1、"), no explanatory parenthetical,
    no punctuation."""
    s = _LEADING_NUMBER.sub("", normalize_text(text), count=1)
    previous = None
    while previous != s:
        previous, s = s, _PARENTHETICAL.sub("", s)
    return "".join(ch for ch in s if ch.isalnum())


def split_numbered_parts(text: str) -> list[str]:
    """Split "（三）不予公开1.属于国家秘密" (a parent label written before its first child) into its labels."""
    s = normalize_text(text)
    return [part for part in _INNER_NUMBER.split(s) if part] if s else []


def label_similarity(template_core: str, text_core: str) -> float:
    """How well a row's text matches a template label: mostly how much of the template label it contains (in order),
    partly how little else it contains. Only runs of two or more characters count (a lone shared character is
    chance in Chinese), and a short template label ("其他", "予以公开") must make up at least half of the text."""
    if not template_core or not text_core:
        return 0.0
    if template_core == text_core:
        return 1.0
    least_run = 1 if len(template_core) <= 2 else 2
    matcher = SequenceMatcher(None, template_core, text_core, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks() if block.size >= least_run)
    coverage, precision = matched / len(template_core), matched / len(text_core)
    score = 0.75 * coverage + 0.25 * precision
    if len(template_core) <= 4 and precision < 0.5:
        score = min(score, 0.5)
    return score


def clean_label(text: str) -> str:
    """A label as written, tidied for use as a path element: whitespace and explanatory parentheticals dropped."""
    s = normalize_text(text)
    s = re.sub(r"\((?![一二三四五六七八九十\d]{1,3}\))[^()]*(?:\)|$)", "", s)
    s = s.replace("(", "（").replace(")", "）")
    return s or normalize_text(text)


def column_name(text: str, names: Sequence[str], aliases: Mapping[str, Sequence[str]]) -> str | None:
    core = label_core(text)
    if not core:
        return None
    for name in names:
        if core == label_core(name):
            return name
    for name, alternatives in aliases.items():
        if name in names and core in {label_core(a) for a in alternatives}:
            return name
    return None

"""A loaded document → ``Report``: metadata, sections, table facts (whichever format), prose facts, warnings."""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

from ..documents import Block, Fact, LoadedDocument, Report, ReportFormat
from . import checks
from .metadata import detect_metadata, is_signature_line
from .prose_facts import extract_prose_facts
from .sections import split_sections
from .tables_old import is_statistics_table, parse_statistics_table

log = logging.getLogger(__name__)


def report_id_for(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def parse_report(doc: LoadedDocument, report_id: str, *, agency: str | None = None, year: int | None = None,
                 synthetic: bool = False) -> Report:
    lines = [b.text for b in doc.blocks if b.kind == "text"]
    meta = detect_metadata(lines, Path(doc.source).stem)
    facts, fmt = _parse_tables(doc.blocks)
    sections = split_sections(_prose_paragraphs(doc.blocks, meta.title))
    prose = extract_prose_facts(sections)
    if fmt is None:
        fmt = "prose-only"
    report = Report(id=report_id, title=meta.title, agency=agency or meta.agency, year=year or meta.year,
                    format=fmt, source=Path(doc.source).name, sections=sections, facts=facts + prose,
                    warnings=list(doc.warnings), synthetic=synthetic)
    for fact in report.facts:
        fact.report_id, fact.year, fact.agency = report.id, report.year, report.agency
    if fmt == "old-table":
        report.warnings += checks.check_old_table(facts)
    else:
        report.warnings += checks.check_template(facts) + checks.check_table4(facts)
    report.warnings += checks.check_prose_against_table(report.facts)
    if not report.agency:
        report.warnings.append("发布机关未能从正文识别（可在导入时用 --agency 指定）")
    if report.year is None:
        report.warnings.append("年度未能从正文识别（可在导入时用 --year 指定）")
    return report


def _parse_tables(blocks: list[Block]) -> tuple[list[Fact], ReportFormat | None]:
    facts: list[Fact] = []
    fmt: ReportFormat | None = None
    for block in blocks:
        if block.kind == "table" and is_statistics_table(block.rows):
            facts += parse_statistics_table(block.rows)
            fmt = "old-table"
    if fmt is None:
        try:
            from .tables_template import parse_template_tables
        except ImportError:  # pragma: no cover - the template parser is optional while it is being built
            return facts, None
        template_facts, template_fmt = parse_template_tables(blocks)
        if template_fmt:
            return template_facts, template_fmt  # type: ignore[return-value]
    return facts, fmt


def _prose_paragraphs(blocks: list[Block], title: str = "") -> list[str]:
    """Text blocks that are prose: not the title (or a line of it), a table's caption or the signature block."""
    paragraphs: list[str] = []
    for i, block in enumerate(blocks):
        if block.kind != "text":
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        nxt2 = blocks[i + 2] if i + 2 < len(blocks) else None
        is_caption = len(block.text) <= 30 and any(b is not None and b.kind == "table" for b in (nxt, nxt2))
        compact = re.sub(r"\s+", "", block.text)
        if is_caption or is_signature_line(block.text) or (title and len(compact) <= 80 and compact in title):
            continue
        paragraphs.append(block.text)
    return paragraphs

"""A loaded document → ``Report``: metadata, sections, table facts (whichever format), prose facts, warnings."""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

from ..documents import Block, Fact, LoadedDocument, Report, ReportFormat
from . import checks
from .flat_table import find_flat_table
from .metadata import detect_metadata, is_signature_line, report_start
from .page_chrome import PageHeader, clean_page_lines, header_table_fields
from .prose_facts import PREVIOUS_YEAR, extract_prose_facts, with_request_unit
from .run_on import split_run_on
from .sections import split_sections
from .tables_old import is_statistics_table, parse_statistics_table
from .template.flat import flat_template_lines, piped_template_cells

log = logging.getLogger(__name__)


# What the parsers make of a file changes between releases (new layouts read, better labels). A report stored by an
# older parser is parsed again the next time its file is ingested; raise this whenever the facts or sections a file
# gives change.
PARSER_VERSION = "2026.12.08-98"


def report_id_for(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def parse_report(doc: LoadedDocument, report_id: str, *, agency: str | None = None, year: int | None = None,
                 synthetic: bool = False) -> Report:
    blocks, header, flat_warnings = prepare_blocks(doc.blocks)
    lines = [b.text for b in blocks if b.kind == "text"]
    meta = detect_metadata(lines, Path(doc.source).stem, header)
    facts, fmt = _parse_tables(blocks)
    sections = split_sections(_prose_paragraphs(blocks, meta.title))
    prose = with_request_unit(extract_prose_facts(sections), facts)
    if fmt is None:
        fmt = "prose-only"
    report = Report(id=report_id, title=meta.title or Path(doc.source).stem, agency=agency or meta.agency,
                    year=year or meta.year, format=fmt, source=Path(doc.source).name, sections=sections,
                    facts=facts + prose, warnings=list(doc.warnings) + flat_warnings, synthetic=synthetic)
    # the year before, for a figure said of it ("比上年（31件）"): none when the report's own year is not known
    report.facts = [f for f in report.facts if f.year != PREVIOUS_YEAR or report.year]
    for fact in report.facts:
        # a prose figure keeps the other year its sentence names (2015年受理…in the 2016 report)
        fact.report_id, fact.agency = report.id, report.agency
        if fact.year == PREVIOUS_YEAR and report.year:
            fact.year = report.year - 1
        other_year = fact.kind == "prose" and fact.year is not None and fact.year != meta.year
        fact.year = fact.year if other_year else report.year
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


_SITE_NAME = re.compile(r"^[\u4e00-\u9fa5（）()]{2,30}$")  # a name alone on its line: no sentence, no figure


def prepare_blocks(blocks: list[Block]) -> tuple[list[Block], PageHeader, list[str]]:
    """Blocks as the parsers expect them from any source, saved web pages included: without the page saver's header
    and the site's chrome, a flattened statistics table recovered as a grid, a run-on line cut into paragraphs."""
    page_fields: list[tuple[str, str]] = []
    if len(blocks) > 1 and blocks[0].kind == "text" and _SITE_NAME.match(blocks[0].text.strip()) \
            and blocks[1].kind == "table" and header_table_fields(blocks[1].rows) is not None:
        blocks = blocks[1:]  # the site's name above the page's field table ("淄博高新技术产业开发区管理委员会")
    while blocks and blocks[0].kind == "table" and (fields := header_table_fields(blocks[0].rows)) is not None:
        page_fields += fields  # the page's own field table (发布机构 …) opens the file: metadata, not the report's
        blocks = blocks[1:]
    text_lines = [b.text for b in blocks if b.kind == "text"]
    cleaned, header = clean_page_lines(text_lines)
    for role, value in reversed(page_fields):
        if value and role != "other":
            header.fields[role] = value  # the table comes first: its fields before the header lines'

    start = report_start([c for c in cleaned if c is not None])
    texts = iter(cleaned)
    kept: list[Block] = []
    seen = 0
    for block in blocks:
        if block.kind != "text":
            if seen >= start:  # site menus above the title: tables there are layout, not the report's
                kept.append(block)
            continue
        text = next(texts)
        if text is None:
            continue
        seen += 1
        if seen > start:
            kept.append(Block(kind="text", text=text))
    blocks = kept
    has_grid = any(b.kind == "table" and is_statistics_table(b.rows) for b in blocks)
    prose = "\n".join(b.text for b in blocks if b.kind == "text")
    version = _template_version_hint(prose)
    out: list[Block] = []
    warnings: list[str] = []
    for block in blocks:
        if block.kind != "text":
            out.append(block)
            continue
        if not has_grid and (piped := piped_template_cells(block.text)) is not None:
            before, cells = piped
            out += [Block(kind="text", text=t) for t in split_run_on(before) if t]
            out += [Block(kind="text", text=cell) for cell in cells]
            continue
        template = None if has_grid else flat_template_lines(block.text, version)
        if template is not None:
            out += [Block(kind="text", text=t) for line in template.lines for t in split_run_on(line)]
            warnings += template.warnings
            continue
        table = None if has_grid else find_flat_table(block.text, prose)
        if table is None:
            out += [Block(kind="text", text=t) for t in split_run_on(block.text)]
            continue
        before, after = block.text[: table.start].strip(), block.text[table.end:].strip()
        out += [Block(kind="text", text=t) for t in split_run_on(before) if t]
        out.append(Block(kind="table", rows=table.grid()))
        out += [Block(kind="text", text=t) for t in split_run_on(after) if t]
        warnings += table.warnings
        has_grid = True
    return out, header, warnings


def _template_version_hint(text: str) -> str:
    """The 2019 template's table 二 names its columns 本年新制作数量 / 本年新公开数量 / 对外公开总数量 (written with
    spaces inside by some pages: "本年新 制作数量")."""
    compact = re.sub(r"\s+", "", text)
    return "template-2019" if "本年新制作数量" in compact or "对外公开总数量" in compact else "template-2021"


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

"""``generate_report``: one synthetic report, deterministic in its seed."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from ..documents import Number
from . import old2008, old_table
from . import template2021 as t21
from .agencies import AgencyName, parse_agency, random_agency
from .mess import Mess, random_mess
from .model import Inconsistency, Item, SyntheticReport, SynthFormat
from .prose import (
    ProseChoices,
    choose_prose,
    old2008_caption,
    old2008_paragraphs,
    old_paragraphs,
    old_table_caption,
    table_intros,
    template_paragraphs,
)


def _rng(seed: int, purpose: str) -> random.Random:
    """One random stream per purpose, so adding a choice in one place does not change the figures elsewhere."""
    return random.Random(f"{seed}:{purpose}")


def _agency(agency: str | AgencyName | None, seed: int) -> AgencyName:
    if isinstance(agency, AgencyName):
        return agency
    if agency:
        parsed = parse_agency(agency)
        if parsed is None:
            raise ValueError(f"not an agency name this generator knows how to read: {agency!r} "
                             "(use reportqa.synth.agencies.AgencyName for a custom one)")
        return parsed
    return random_agency(_rng(seed, "agency"))


def generate_report(seed: int, fmt: SynthFormat = "template-2021", agency: str | AgencyName | None = None,
                    year: int | None = None, inconsistencies: bool = False, *, mess: Mess | None = None,
                    old_variant: old_table.OldVariant | old2008.Old2008Variant | None = None,
                    table_intros_in_sections: bool | None = None, new_total: int | None = None,
                    carried_in: dict[str, int] | None = None, inconsistency_kinds: Sequence[str] | None = None,
                    old_edition: str | None = None) -> SyntheticReport:
    """A synthetic report with its truth facts.

    ``agency`` is a full name made by ``reportqa.synth.agencies`` (or an ``AgencyName``; None draws one from the
    seed); ``year`` defaults to 2016–2018 for the old format, 2008–2014 for its 2008 edition and 2021–2024 for the
    template. ``old_edition`` picks the old format's table: "2015" (统计指标/单位/统计数, the default) or "2008"
    (指标名称/计量单位/2013年度/历年累计; also chosen by passing an ``old2008.Old2008Variant``). ``mess`` and
    ``old_variant`` pin how the tables are written (default: drawn from the seed). ``new_total`` and ``carried_in``
    (per applicant column: last year's 结转下年度) let a caller make consecutive years of one agency agree.
    ``inconsistencies`` writes some figures wrong on purpose and records them in ``report.inconsistencies``
    (template: two of row_total, balance, results_total, table4_total unless ``inconsistency_kinds`` names them;
    old format: parent_sum).
    """
    if fmt not in ("old-table", "template-2021"):
        raise ValueError(f"unknown format {fmt!r}: use 'old-table' or 'template-2021'")
    edition = old_edition or ("2008" if isinstance(old_variant, old2008.Old2008Variant) else "2015")
    if edition not in ("2015", "2008") or (fmt == "template-2021" and old_edition):
        raise ValueError(f"unknown old-format edition {old_edition!r}: use '2015' or '2008' with 'old-table'")
    if edition == "2008" and old_variant is not None and not isinstance(old_variant, old2008.Old2008Variant):
        raise ValueError("the 2008 edition takes an old2008.Old2008Variant")
    name = _agency(agency, seed)
    if year is None:
        years = ((2016, 2017, 2018) if edition == "2015" else old2008.YEARS) if fmt == "old-table" else (
            2021, 2022, 2023, 2024)
        year = _rng(seed, "year").choice(years)
    mess = mess if mess is not None else random_mess(_rng(seed, "mess"))
    intros = table_intros_in_sections if table_intros_in_sections is not None else _rng(seed, "intro").random() < 0.5
    choices = choose_prose(_rng(seed, "prose"))
    if fmt == "old-table" and edition == "2008":
        return _old2008_report(seed, name, year, mess, old_variant, choices, inconsistencies,  # type: ignore[arg-type]
                               new_total)
    if fmt == "old-table":
        return _old_report(seed, name, year, mess, old_variant, choices, inconsistencies,  # type: ignore[arg-type]
                           new_total)
    return _template_report(seed, name, year, mess, choices, inconsistencies, intros, new_total, carried_in,
                            inconsistency_kinds)


def _template_report(seed: int, agency: AgencyName, year: int, mess: Mess, choices: ProseChoices,
                     inconsistencies: bool, intros: bool, new_total: int | None, carried_in: dict[str, int] | None,
                     kinds: Sequence[str] | None) -> SyntheticReport:
    figures = t21.generate_figures(_rng(seed, "figures"), agency, new_total, carried_in)
    found, keep = (t21.inject_inconsistencies(_rng(seed, "inconsistencies"), figures, kinds) if inconsistencies
                   else ([], set()))
    tables, facts = t21.build_tables(figures, _rng(seed, "cells"), mess, keep)
    t3, t4 = figures.table3, figures.table4
    stated: dict[str, Number] = {
        "new": t3[(t21.NEW, "总计")], "carried": t3[(t21.CARRIED, "总计")], "carry_on": t3[(t21.CARRY_ON, "总计")],
        "normative_made": figures.table2[(("第二十条第（一）项", "行政规范性文件"), "本年制发件数")],
        "reconsideration": t4[(t21.GROUPS4[0], "总计")],
        "lawsuits": t4[(t21.GROUPS4[1], "总计")] + t4[(t21.GROUPS4[2], "总计")],
    }
    fee_rng = _rng(seed, "fee")
    fee_text = ("本年度未收取政府信息公开信息处理费。" if fee_rng.random() < 0.8
                else f"本年度依法收取信息处理费{fee_rng.randint(1, 20) * 100}元。")
    sections = template_paragraphs(agency, year, choices, stated, fee_text)
    intro = table_intros(year, stated)
    by_name = {t.name: t for t in tables}
    items: list[Item] = [*sections["preamble"], *sections["一"]]
    for key in ("二", "三", "四"):
        items += sections[key]
        if intros:
            items.append(intro[key])
        items.append(by_name[key])
    items += [*sections["五"], *sections["六"], *sections["signature"]]
    return SyntheticReport(seed=seed, format="template-2021", agency=agency.full, year=year,
                           title=sections["preamble"][0].text, items=items, facts=facts, inconsistencies=found,
                           variant={"mess": mess.as_dict(), "table_intros": intros})


def _old_report(seed: int, agency: AgencyName, year: int, mess: Mess, variant: old_table.OldVariant | None,
                choices: ProseChoices, inconsistencies: bool, received: int | None) -> SyntheticReport:
    variant = variant if variant is not None else old_table.random_variant(_rng(seed, "variant"))
    values = old_table.old_figures(_rng(seed, "figures"), received, agency.full)
    previous = old_table.old_figures(_rng(seed, "previous"), None, agency.full) if variant.extra_column else None
    lines = old_table.layout_rows(variant, mess)
    found: list[Inconsistency] = []
    keep: set[str] = set()
    if inconsistencies:
        column = old_table.value_columns(variant)[0]
        injected, keep = old_table.inject_parent_sum(_rng(seed, "inconsistencies"), values, lines, column)
        found = [injected] if injected else []
    table, facts = old_table.build_table(values, previous, _rng(seed, "cells"), mess, variant, lines, keep)
    trainings = values["meetings.trainings"] if "meetings.trainings" in old_table.concept_paths(lines) else None
    items: list[Item] = [*old_paragraphs(agency, year, choices, values, trainings), *old_table_caption(year), table]
    title = items[0].text  # type: ignore[union-attr]
    return SyntheticReport(seed=seed, format="old-table", agency=agency.full, year=year, title=title,
                           items=items, facts=facts, inconsistencies=found,
                           variant={"mess": mess.as_dict(), "old_variant": variant.as_dict()},
                           concepts=old_table.concept_paths(lines))


def _old2008_report(seed: int, agency: AgencyName, year: int, mess: Mess, variant: old2008.Old2008Variant | None,
                    choices: ProseChoices, inconsistencies: bool, received: int | None) -> SyntheticReport:
    variant = variant if variant is not None else old2008.random_variant(_rng(seed, "variant2008"))
    mess = old2008.table_mess(mess)
    lines = old2008.layout_lines(variant)
    values = old2008.figures_2008(_rng(seed, "figures"), variant, year, agency.full, received)
    found: list[Inconsistency] = []
    keep: set[str] = set()
    if inconsistencies:
        found, keep = old2008.inject_parent_sum(_rng(seed, "inconsistencies"), values, lines)
    table, facts = old2008.build_table(values, _rng(seed, "cells"), mess, variant, lines, year, keep)
    units = {line.key: line.unit for line in lines}
    labels = {line.key: re.sub(r"^(?:其中[：:])?\d+[、.]", "", line.cell) for line in lines}
    prose, stated = old2008_paragraphs(agency, year, choices, values, labels, units, variant.stated,
                                       _rng(seed, "phrasing2008").randrange(9))
    items: list[Item] = [*prose, *old2008_caption(year, variant.numbered_caption), table]
    inconsistent = {line.key for line in lines if line.path in {i.path for i in found}}
    ambiguous = old2008.glued_ambiguous(table, lines, values, stated, inconsistent)
    flat = {"one_line": variant.one_line, "caption_inline": variant.caption_inline,
            "prose_joiner": variant.prose_joiner}
    return SyntheticReport(seed=seed, format="old-table", agency=agency.full, year=year, title=prose[0].text,
                           items=items, facts=facts, inconsistencies=found,
                           variant={"mess": mess.as_dict(), "old_variant": variant.as_dict(),
                                    "prose_states": sorted(stated)},
                           concepts=old2008.concept_paths(lines), edition="2008", flat=flat,
                           glued_ambiguous=tuple(ambiguous))


__all__ = ["generate_report"]

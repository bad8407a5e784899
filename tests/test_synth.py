"""Synthetic reports: generated figures add up, every file type and layout reads back to exactly the truth facts,
injected inconsistencies are flagged, and nothing synthetic can land in corpus/.

benchmarks/roundtrip.py runs many more reports. The blank-cell tests and the check tests near the end started as
strict xfails for bugs this round trip found (layout.py, checks.py) and are regression tests now that those are fixed.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from reportqa.config import Settings
from reportqa.loaders import load_document
from reportqa.parsing.layout import split_text_blocks
from reportqa.synth import (
    COMBINATIONS,
    FORMATS,
    SYNTHETIC_NOTICE,
    SYNTHETIC_TITLE_PREFIX,
    TIDY,
    CorpusGuardError,
    OldVariant,
    generate_report,
    old_table,
    random_mess,
    render_text,
    write_report,
)
from reportqa.synth import template2021 as t21
from reportqa.synth.generate import _rng
from reportqa.synth.roundtrip import diff_facts, run_roundtrip

ROUND_TRIPS = 60


def _seeded_variants(seed: int, fmt: str, layout: str) -> dict:
    """The seed's own mess and old-format variant."""
    mess = random_mess(_rng(seed, "mess"))
    variant = old_table.random_variant(_rng(seed, "variant"))
    return {"mess": mess, "old_variant": variant if fmt == "old-table" else None}


def _cases(n: int) -> list[tuple[int, str, str, str]]:
    return [(seed, FORMATS[seed % 2], *COMBINATIONS[(seed // 2) % len(COMBINATIONS)]) for seed in range(n)]


# --------------------------------------------------------------------------------------------------------------------
# the generator


def test_same_seed_same_report():
    a, b = generate_report(11, "template-2021"), generate_report(11, "template-2021")
    assert a.facts == b.facts and render_text(a, "tabs") == render_text(b, "tabs")
    assert generate_report(12, "template-2021").facts != a.facts


def test_named_agency_and_year_are_used():
    report = generate_report(3, "template-2021", "青禾市东湖区卫生健康委员会", 2022)
    assert (report.agency, report.year) == ("青禾市东湖区卫生健康委员会", 2022)
    assert report.title == "【合成】青禾市东湖区卫生健康委员会2022年政府信息公开工作年度报告"
    with pytest.raises(ValueError):
        generate_report(3, "template-2021", "某某单位", 2022)
    with pytest.raises(ValueError):
        generate_report(3, "template-2019")  # type: ignore[arg-type]


def _cells(report) -> dict:
    """Truth as (table, path, column) → value with "not reported" counted as nothing, for the sums."""
    return {(f.table, f.path, f.column): (f.value or 0) for f in report.facts}


@pytest.mark.parametrize("seed", range(12))
def test_template_figures_follow_the_templates_rules(seed):
    cells = _cells(generate_report(seed, "template-2021"))
    for path in t21.ROWS3:
        assert cells[(t21.T3, path, "总计")] == sum(cells[(t21.T3, path, c)] for c in t21.APPLICANTS), path
    for column in t21.COLUMNS3:
        new, carried, total, carry_on = (cells[(t21.T3, p, column)] for p in (t21.NEW, t21.CARRIED, t21.TOTAL,
                                                                               t21.CARRY_ON))
        assert new + carried == total + carry_on, column
        assert total == sum(cells[(t21.T3, r.path, column)] for r in t21.RESULT_ROWS), column
    for group in t21.GROUPS4:
        assert cells[(t21.T4, group, "总计")] == sum(cells[(t21.T4, group, c)] for c in t21.COLUMNS4[:4])


@pytest.mark.parametrize("seed", range(12))
def test_old_figures_add_up(seed):
    report = generate_report(seed, "old-table")
    column = old_table.value_columns(OldVariant(**report.variant["old_variant"]))[0]
    values = {f.path: (f.value or 0) for f in report.facts if f.column == column}
    paths = report.concepts
    checked = 0
    for row in old_table.walk():
        present = [paths[c.key] for c in row.children if c.key in paths]
        if row.sums and row.key in paths and present:
            assert values[paths[row.key]] == sum(values[p] for p in present), row.key
            checked += 1
    assert checked >= 4


def test_template_truth_covers_the_contract():
    report = generate_report(5, "template-2021")
    keys = {(f.table, f.path, f.column) for f in report.facts}
    assert len(keys) == len(report.facts) == 10 + 25 * 7 + 15
    assert (t21.T2, ("第二十条第（八）项", "行政事业性收费"), "本年收费金额") in keys
    assert (t21.T3, ("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"), "商业企业") in keys
    assert (t21.T4, ("行政诉讼", "复议后起诉"), "尚未审结") in keys
    fee = report.fact(t21.T2, ("第二十条第（八）项", "行政事业性收费"), "本年收费金额")
    assert fee.unit == "万元" and (fee.value is None or isinstance(fee.value, (int, Decimal)))


def test_messy_cells_mean_what_they_say():
    """Across many reports, every mess shows up in the truth: blanks as None, commas and units stripped."""
    facts = [f for seed in range(40) for f in generate_report(seed, FORMATS[seed % 2]).facts]
    assert any(f.value is None and f.raw in ("", "—", "/", "\u3000") for f in facts)
    assert any("," in f.raw and isinstance(f.value, int) and f.value >= 1000 for f in facts)
    assert any(f.raw.endswith("万元") and isinstance(f.value, Decimal) and f.unit == "万元" for f in facts)
    assert all(f.value is None or isinstance(f.value, (int, Decimal)) for f in facts)


# --------------------------------------------------------------------------------------------------------------------
# synthetic data stays marked and out of corpus/


def test_refuses_to_write_into_the_project_corpus(tmp_path):
    corpus = Settings().corpus_dir
    before = sorted(p.name for p in corpus.iterdir()) if corpus.is_dir() else []
    report = generate_report(1, "template-2021")
    for target in (corpus, corpus / "sub"):
        with pytest.raises(CorpusGuardError):
            write_report(report, target, "txt")
    assert (sorted(p.name for p in corpus.iterdir()) if corpus.is_dir() else []) == before
    assert write_report(report, tmp_path / "corpus", "txt").is_file()  # another folder called corpus is fine


@pytest.mark.parametrize("file_type, layout", COMBINATIONS)
def test_every_file_is_marked_synthetic(tmp_path, file_type, layout):
    report = generate_report(21, "template-2021")
    text = "\n".join(b.text for b in load_document(write_report(report, tmp_path, file_type, layout)).blocks)
    assert SYNTHETIC_TITLE_PREFIX in text and SYNTHETIC_NOTICE in text


# --------------------------------------------------------------------------------------------------------------------
# the round trip


@pytest.mark.parametrize("seed, fmt, file_type, layout", _cases(ROUND_TRIPS),
                         ids=[f"{s}-{f}-{t}-{layout}" for s, f, t, layout in _cases(ROUND_TRIPS)])
def test_round_trip(tmp_path, seed, fmt, file_type, layout):
    report = generate_report(seed, fmt, **_seeded_variants(seed, fmt, layout))
    trip = run_roundtrip(report, tmp_path, file_type, layout)
    assert not trip.error, trip.describe()
    assert trip.exact, trip.describe(limit=10)
    assert (trip.parsed.agency, trip.parsed.year, trip.parsed.format) == (report.agency, report.year, fmt)
    assert trip.parsed.warnings == [], "a consistent report must not raise check warnings"


@pytest.mark.parametrize("kind", ["row_total", "balance", "results_total"])
@pytest.mark.parametrize("seed", [2, 9])
def test_template_inconsistencies_are_flagged(tmp_path, seed, kind):
    report = generate_report(seed, "template-2021", inconsistencies=True, inconsistency_kinds=[kind])
    trip = run_roundtrip(report, tmp_path, "md", "markdown")
    assert trip.exact, trip.describe()
    (found,) = report.inconsistencies
    assert found.written_value != found.consistent_value
    assert any(all(m in w for m in found.mentions) for w in trip.parsed.warnings), (found, trip.parsed.warnings)


@pytest.mark.parametrize("seed", [0, 2, 4, 6])
def test_old_format_parent_sum_is_flagged(tmp_path, seed):
    variant = replace(old_table.random_variant(_rng(seed, "variant")), extra_column=False, renamed=())
    report = generate_report(seed, "old-table", inconsistencies=True, old_variant=variant)
    trip = run_roundtrip(report, tmp_path, "html", "utf8")
    assert trip.exact, trip.describe()
    (found,) = report.inconsistencies
    assert any(found.mentions[0] in w for w in trip.parsed.warnings), (found, trip.parsed.warnings)


# --------------------------------------------------------------------------------------------------------------------
# empty cells in text layouts: layout.py bugs this round trip found (now fixed), kept as regression tests


def test_cell_per_line_empty_cell_in_the_middle_of_a_row():
    """Word's text export writes an empty cell as a lone tab; it must not end the row (fixed in layout.py)."""
    text = ("\t统计指标\n\t单位\n\t统计数\n\t上年数\n\n"
            "\t（一）收到申请数\n\t件\n\t\n\t12\n\n"
            "\t（二）申请办结数\n\t件\n\t5\n\t6\n")
    (table,) = [b for b in split_text_blocks(text) if b.kind == "table"]
    assert table.rows[1] == ["（一）收到申请数", "件", "", "12"]


def test_round_trip_with_blank_cells_one_cell_per_line(tmp_path):
    report = generate_report(49, "template-2021")  # blank_rate 1.0, blank mark "" (an empty cell), none first
    assert report.variant["mess"]["blank_marks"] == ("",)
    trip = run_roundtrip(report, tmp_path, "txt", "cells")
    assert trip.exact, trip.describe()


def test_cell_per_line_row_starting_with_an_empty_cell():
    """A lone-tab line right after the blank line between rows is the row's empty first cell."""
    text = "\t规章\n\t1\n\t2\n\n\t行政规范性文件\n\t3\n\t4\n\n\t\n\t5\n\t6\n"
    tables = [b.rows for b in split_text_blocks(text) if b.kind == "table"]
    assert tables == [[["规章", "1", "2"], ["行政规范性文件", "3", "4"], ["", "5", "6"]]]


def test_round_trip_table4_starting_with_a_blank_cell(tmp_path):
    """Table 四's one figure row starts with a blank 结果维持 cell."""
    blank_first = replace(TIDY, blank_rate=1.0, blank_marks=("",))
    report = next(r for r in (generate_report(s, "template-2021", mess=blank_first) for s in range(100))
                  if r.fact("四、政府信息公开行政复议、行政诉讼情况", ("行政复议",), "结果维持").raw == "")
    trip = run_roundtrip(report, tmp_path, "txt", "cells")
    assert trip.exact, trip.describe()


def test_tab_separated_row_with_all_figures_blank():
    """A row of blank figures (规章 followed by three empty cells) stays in the tab table."""
    text = ("第二十条第（一）项\t\t\t\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
            "规章\t\t\t\n行政规范性文件\t5\t1\t60\n")
    tables = [b.rows for b in split_text_blocks(text) if b.kind == "table"]
    assert len(tables) == 1 and ["规章", "", "", ""] in tables[0]


def test_round_trip_with_blank_cells_tab_separated(tmp_path):
    report = generate_report(49, "template-2021")  # blank_rate 1.0, blank mark "" (an empty cell)
    assert report.variant["mess"]["blank_marks"] == ("",)
    trip = run_roundtrip(report, tmp_path, "txt", "tabs")
    assert trip.exact, trip.describe()


# --------------------------------------------------------------------------------------------------------------------
# the checks' former gaps, found by the round trip: regression tests now


def test_prose_refusals_are_not_compared_with_the_granted_row(tmp_path):
    variant = OldVariant(renamed=("replied.granted",))
    report = generate_report(4, "old-table", old_variant=variant)
    trip = run_roundtrip(report, tmp_path, "md", "markdown")
    assert trip.exact
    assert trip.parsed.warnings == []


def test_table4_total_inconsistency_is_flagged(tmp_path):
    report = generate_report(2, "template-2021", inconsistencies=True, inconsistency_kinds=["table4_total"])
    trip = run_roundtrip(report, tmp_path, "md", "markdown")
    assert trip.exact
    (found,) = report.inconsistencies
    assert any(found.mentions[0] in w for w in trip.parsed.warnings)


def test_old_table_with_extra_column_is_checked(tmp_path):
    variant = OldVariant(extra_column=True)
    report = generate_report(0, "old-table", inconsistencies=True, old_variant=variant)
    trip = run_roundtrip(report, tmp_path, "md", "markdown")
    assert trip.exact
    (found,) = report.inconsistencies
    assert any(found.mentions[0] in w for w in trip.parsed.warnings)


def test_diff_facts_sees_value_type_unit_and_missing():
    report = generate_report(8, "template-2021")
    facts = [replace(f) for f in report.facts]
    assert diff_facts(report.facts, facts) == []
    fee = next(f for f in facts if f.column == "本年收费金额")
    fee.unit = "元"
    first = next(f for f in facts if isinstance(f.value, int))
    first.value = Decimal(first.value)
    diffs = diff_facts(report.facts, [f for f in facts if f is not facts[-1]])
    assert len(diffs) == 3

"""Synthetic annual reports for testing: generated figures that add up, prose that states some of them, optional
deliberate inconsistencies, written as .txt/.md/.html/.docx/.pdf in the layouts real files come in — together with
the truth facts a correct parser must read back.

    from reportqa.synth import generate_report, write_report
    report = generate_report(7, "template-2021", "青禾市东湖区卫生健康委员会", 2022)
    path = write_report(report, tmp_dir, "docx")
    # report.facts: kind "table" Fact objects with the parsers' conventions

    old = generate_report(7, "old-table", old_edition="2008")  # the 2008–2014 table (2013年度 / 历年累计)
    write_report(old, tmp_dir, "txt", "flat-glued")  # a saved web page: the table glued into one line
    # old.facts_for("flat-glued"): the truth without the rows that cannot be split uniquely

Every synthetic report is marked: its title starts with 【合成】 and its text says 本报告为测试合成数据. Writing into
the project's ``corpus/`` folder is refused.
"""

from .agencies import AgencyName, parse_agency, random_agency
from .generate import generate_report
from .mess import TIDY, Mess, random_mess
from .model import (
    FORMATS,
    SYNTHETIC_NOTICE,
    SYNTHETIC_TITLE_PREFIX,
    Inconsistency,
    Merge,
    Paragraph,
    SyntheticReport,
    Table,
)
from .old2008 import Old2008Variant
from .old_table import OldVariant
from .render import (
    COMBINATIONS,
    FILE_TYPES,
    FLAT_COMBINATIONS,
    FLAT_LAYOUTS,
    LAYOUTS,
    CorpusGuardError,
    combinations_for,
    render_html,
    render_text,
    write_report,
)

__all__ = [
    "generate_report", "write_report", "render_text", "render_html", "SyntheticReport", "Inconsistency", "Mess",
    "TIDY", "random_mess", "OldVariant", "AgencyName", "parse_agency", "random_agency", "FORMATS", "FILE_TYPES",
    "LAYOUTS", "COMBINATIONS", "CorpusGuardError", "SYNTHETIC_NOTICE", "SYNTHETIC_TITLE_PREFIX", "Merge",
    "Paragraph", "Table", "Old2008Variant", "FLAT_LAYOUTS", "FLAT_COMBINATIONS", "combinations_for",
]

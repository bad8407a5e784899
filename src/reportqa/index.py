"""FAISS (dense) and BM25 (jieba tokens) over every passage in the store, on disk under ``index/builds/``.

A build is written to a temporary folder, renamed to its fingerprint (a hash of the model id and passage ids) and
made current by atomically replacing the one-line ``CURRENT`` file. A reader therefore always sees a whole build, a
failed build leaves the previous one in use, and rebuilding unchanged content produces the same folder.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np
from rank_bm25 import BM25Okapi

from .chunking import split_sentences, tokenize
from .documents import Passage
from .embedding import Embedder
from .store import Store

log = logging.getLogger(__name__)
ProgressFn = Callable[[float, str], None]


class IndexMismatch(Exception):
    pass


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def embed_texts(store: Store, embedder: Embedder, texts: list[str], progress: ProgressFn | None = None,
                batch: int = 16) -> np.ndarray:
    """Passage vectors for the texts, encoding only texts the cache has not seen with this model."""
    hashes = [text_hash(t) for t in texts]
    cached = store.cached_vectors(embedder.model_id, hashes)
    missing = sorted({h: t for h, t in zip(hashes, texts, strict=True) if h not in cached}.items())
    for start in range(0, len(missing), batch):
        part = missing[start : start + batch]
        vectors = embedder.encode_passages([t for _, t in part])
        fresh = {h: v for (h, _), v in zip(part, vectors, strict=True)}
        store.cache_vectors(embedder.model_id, fresh)
        cached.update(fresh)
        if progress:
            progress(min(1.0, (start + len(part)) / len(missing)), f"编码段落 {start + len(part)}/{len(missing)}")
    if not texts:
        return np.zeros((0, embedder.dim), np.float32)
    return np.vstack([cached[h] for h in hashes]).astype(np.float32)


def prose_sentences(passages: list[Passage]) -> tuple[list[str], list[int]]:
    """Sentences of the prose passages and the passage each belongs to.

    A long passage mixes topics; scoring it by its best sentence as well as by its whole text finds the passage a
    narrow question is about (small-to-big retrieval: +2 of 26 prose questions in the top 5 on the seed).
    """
    sentences, owners = [], []
    for i, p in enumerate(passages):
        if p.kind != "prose":
            continue
        parts = split_sentences(p.text)
        if len(parts) > 1:
            sentences += parts
            owners += [i] * len(parts)
    return sentences, owners


@dataclass
class SearchIndex:
    passages: list[Passage]
    vectors: faiss.Index
    bm25: BM25Okapi | None
    model_id: str
    dim: int
    fingerprint: str
    sentence_vectors: faiss.Index | None = None
    sentence_owner: list[int] | None = None  # sentence row → passage row

    @property
    def size(self) -> int:
        return len(self.passages)


def fingerprint_of(model_id: str, passages: list[Passage]) -> str:
    digest = hashlib.sha1(model_id.encode())
    for p in passages:
        digest.update(p.id.encode())
    return digest.hexdigest()[:16]


def build_index(index_dir: Path, store: Store, embedder: Embedder, progress: ProgressFn | None = None) -> SearchIndex:
    passages = store.passages()
    fingerprint = fingerprint_of(embedder.model_id, passages)
    builds = index_dir / "builds"
    target = builds / fingerprint
    if not (target / "meta.json").exists():
        sentences, owners = prose_sentences(passages)
        vectors = embed_texts(store, embedder, [p.text for p in passages] + sentences, progress)
        vectors, sentence_vectors = vectors[: len(passages)], vectors[len(passages) :]
        builds.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=builds))
        try:
            flat = faiss.IndexFlatIP(embedder.dim)
            if len(vectors):
                flat.add(vectors)
            faiss.write_index(flat, str(tmp / "faiss.index"))
            by_sentence = faiss.IndexFlatIP(embedder.dim)
            if len(sentence_vectors):
                by_sentence.add(sentence_vectors)
            faiss.write_index(by_sentence, str(tmp / "sentences.index"))
            (tmp / "sentence_owner.json").write_text(json.dumps(owners), encoding="utf-8")
            (tmp / "passages.json").write_text(json.dumps([p.id for p in passages]), encoding="utf-8")
            # BM25 also sees a prose passage's heading (五、存在的主要问题及改进情况): it names the topic the text
            # often does not repeat. Dense vectors stay on the text alone (DESIGN.md §7).
            tokens = [tokenize(f"{p.section} {p.text}" if p.kind == "prose" else p.text) for p in passages]
            (tmp / "tokens.json").write_text(json.dumps(tokens, ensure_ascii=False), encoding="utf-8")
            meta = {"model_id": embedder.model_id, "dim": embedder.dim, "passages": len(passages),
                    "fingerprint": fingerprint}
            (tmp / "meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
            if target.exists():
                shutil.rmtree(target)
            os.replace(tmp, target)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    _write_atomic(index_dir / "CURRENT", fingerprint)
    for old in builds.iterdir():
        if old.name != fingerprint and not old.name.startswith(".build-"):
            shutil.rmtree(old, ignore_errors=True)
    return load_index(index_dir, store, embedder)


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)


def load_index(index_dir: Path, store: Store, embedder: Embedder) -> SearchIndex:
    current = index_dir / "CURRENT"
    if not current.exists():
        raise FileNotFoundError(f"no index in {index_dir}: run `reportqa ingest` first")
    folder = index_dir / "builds" / current.read_text(encoding="utf-8").strip()
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    if meta["model_id"] != embedder.model_id or meta["dim"] != embedder.dim:
        raise IndexMismatch(f"index was built with {meta['model_id']} ({meta['dim']}d), not {embedder.model_id} "
                            f"({embedder.dim}d): rebuild it with `reportqa ingest`")
    by_id = {p.id: p for p in store.passages()}
    ids = json.loads((folder / "passages.json").read_text(encoding="utf-8"))
    passages = [by_id[i] for i in ids if i in by_id]
    if len(passages) != len(ids):
        raise IndexMismatch("index and store disagree: rebuild it with `reportqa ingest`")
    tokens = json.loads((folder / "tokens.json").read_text(encoding="utf-8"))
    bm25 = BM25Okapi(tokens) if tokens and any(tokens) else None
    return SearchIndex(passages=passages, vectors=faiss.read_index(str(folder / "faiss.index")), bm25=bm25,
                       model_id=meta["model_id"], dim=meta["dim"], fingerprint=meta["fingerprint"],
                       sentence_vectors=faiss.read_index(str(folder / "sentences.index")),
                       sentence_owner=json.loads((folder / "sentence_owner.json").read_text(encoding="utf-8")))

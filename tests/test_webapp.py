"""Fast tests of the web app's pure helpers and handlers (no browser, no model: a fake engine)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import gradio as gr

from reportqa import webapp
from reportqa.config import Settings
from reportqa.documents import Answer, Fact, Hit, Passage, Report, Section
from reportqa.engine import IngestResult
from reportqa.lexicon import load_lexicon

T = "政府信息公开情况统计表"


def fact(*path: str, value=1, column=None, unit="件", kind="table", table=T, rid="r1", year=2017, agency="甲区人民政府",
         raw=None, source="") -> Fact:
    return Fact(path=tuple(path), column=column, value=value, unit=unit, raw=raw if raw is not None else str(value),
                kind=kind, table=table, source=source, report_id=rid, year=year, agency=agency)


SEED_FACTS = [
    fact("三、依申请公开情况", "（一）收到申请数", value=244),
    fact("三、依申请公开情况", "（一）收到申请数", "1.当面申请数", value=138),
    fact("三、依申请公开情况", "（三）申请答复数", value=244),
    fact("三、依申请公开情况", "（三）申请答复数", "2.同意公开答复数", value=128),
    fact("三、依申请公开情况", "（三）申请答复数", "4.不同意公开答复数", value=19),
    fact("三、依申请公开情况", "（三）申请答复数", "4.不同意公开答复数", "涉及国家秘密", value=0),
    fact("八、机构建设和保障经费情况", "（四）政府信息公开专项经费", value=Decimal("85.4"), unit="万元"),
    fact("三、依申请公开政府信息情况", "明确不予公开的", kind="prose", table="", value=19, raw="19件",
         source="明确“不予公开”的19件（不是条例所指政府信息14件）"),
]


def report(rid="r1", agency="甲区人民政府", year=2017, facts=None, warnings=None, sections=None) -> Report:
    return Report(id=rid, title=f"{year}年度政府信息公开工作年度报告", agency=agency, year=year, format="old-table",
                  source=f"{rid}.txt", sections=sections or [Section(("一、工作概况",), "2017年，工作稳步推进。")],
                  facts=list(SEED_FACTS if facts is None else facts), warnings=warnings or [])


# ---------------------------------------------------------------------------------------------------- escaping
def test_escape_markdown_text_shows_html_and_markdown_as_characters() -> None:
    text = "正文<script>alert(1)</script> [链接](javascript:alert(3)) ![i](http://x/y.png) `code` $x$ _a_ http://evil.example"
    out = webapp.escape_markdown_text(text)
    assert "<script>" not in out and "&lt;script&gt;" in out
    for active in ("[", "]", "`", "$", "_", "http://"):
        assert active not in out


def test_escape_markdown_text_shows_apostrophes_and_quotes_as_written() -> None:
    out = webapp.escape_markdown_text("Xiaogan's \"open\" government <b>")
    assert "Xiaogan's" in out and '"open"' in out and "&#x27;" not in out and "&lt;b&gt;" in out


def test_escape_markdown_text_keeps_the_answerers_bold_lists_and_quotes() -> None:
    out = webapp.escape_markdown_text("合计 **19件**。\n- 甲 2017年：11件\n> 引用的段落")
    assert "**19件**" in out and "\n- 甲" in out and "\n> 引用的段落" in out


def test_highlight_terms_escapes_and_marks_case_insensitively() -> None:
    out = webapp.highlight_terms("A <b>Refused</b> request; refused again", ["refused"])
    assert out.count("<mark>") == 2 and "&lt;b&gt;" in out and "<b>" not in out


def test_highlight_terms_merges_overlapping_terms() -> None:
    assert webapp.highlight_terms("不予公开的19件", ["不予公开", "公开的"]) == "<mark>不予公开的</mark>19件"
    assert webapp.highlight_terms("x<script>", []) == "x&lt;script&gt;"


def test_query_terms_keep_short_phrases_whole() -> None:
    assert webapp.query_terms("不予公开") == ["不予公开"]
    terms = webapp.query_terms("网上申请有多少件")
    assert terms[0] == "网上申请有多少件" and "网上" in terms and "申请" in terms
    assert webapp.query_terms("  ") == []


# ---------------------------------------------------------------------------------------------------- tables
def test_rebuild_tables_groups_by_table_and_brings_back_heading_rows() -> None:
    grids = webapp.rebuild_tables(SEED_FACTS)
    assert [g.title for g in grids] == [T]  # prose facts are not table rows
    paths = [p for p, _ in grids[0].rows]
    assert paths[0] == ("三、依申请公开情况",)  # a heading row without a figure
    assert grids[0].rows[0][1] == {}
    assert ("三、依申请公开情况", "（三）申请答复数", "4.不同意公开答复数") in paths
    assert grids[0].columns == [None]


def test_rebuild_tables_template_columns_in_report_order() -> None:
    facts = [fact("一、本年新收政府信息公开申请数量", column=c, value=v, table="三、收到和处理政府信息公开申请情况")
             for c, v in (("自然人", 3001), ("商业企业", 53), ("总计", 3119))]
    grid = webapp.rebuild_tables(facts)[0]
    assert grid.columns == ["自然人", "商业企业", "总计"]
    assert len(grid.rows) == 1 and grid.rows[0][1]["总计"].value == 3119
    html = webapp.grid_html(grid)
    assert "<th>自然人</th>" in html and ">3119<" in html


def test_grid_html_escapes_labels_and_marks_rows() -> None:
    hostile = fact("三、情况", "<img src=x onerror=alert(1)>", value=None, raw="—")
    grid = webapp.rebuild_tables([hostile])[0]
    html = webapp.grid_html(grid, highlight=frozenset({hostile.path}), warned=frozenset({hostile.path}))
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'class="rq-hit rq-warnrow"' in html and "rq-na" in html and "未填报" in html


def test_context_grid_shows_ancestors_siblings_and_children() -> None:
    target = SEED_FACTS[4]  # 4.不同意公开答复数
    grid = webapp.context_grid(target, SEED_FACTS)
    paths = [p for p, _ in grid.rows]
    assert ("三、依申请公开情况", "（三）申请答复数") in paths  # parent
    assert ("三、依申请公开情况", "（三）申请答复数", "2.同意公开答复数") in paths  # sibling
    assert ("三、依申请公开情况", "（三）申请答复数", "4.不同意公开答复数", "涉及国家秘密") in paths  # child
    assert ("三、依申请公开情况", "（一）收到申请数", "1.当面申请数") not in paths  # elsewhere
    assert webapp.context_grid(SEED_FACTS[-1], SEED_FACTS) is None  # prose


def test_warned_paths_finds_rows_named_in_warnings() -> None:
    r = report(warnings=["「（三）申请答复数」244件 ≠ 1.属于… = 243"])
    assert webapp.warned_paths(r) == frozenset({("三、依申请公开情况", "（三）申请答复数")})


def test_report_view_escapes_sections_and_highlights_warnings() -> None:
    r = report(warnings=["「（三）申请答复数」244件 ≠ 243"],
               sections=[Section(("一、<b>概况</b>",), "正文<script>alert(1)</script>")])
    html = webapp.report_view_html(r, (8, 3))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<b>概况" not in html
    assert "rq-warn" in html and "rq-warnrow" in html
    assert "统计表（由数字重建）" in html and "正文中的数字" in html and ">85.4<" in html


# ---------------------------------------------------------------------------------------------------- chat
def seed_answer(**kw) -> Answer:
    hit = Hit(Passage(id="p", report_id="r1", section="三、依申请公开政府信息情况",
                      text="明确“不予公开”的19件<script>alert(1)</script>", year=2017, agency="甲区人民政府"), 0.91)
    defaults = dict(question="2017年有多少申请被拒绝公开？", found=True,
                    text="甲区人民政府 2017年不同意公开答复数：**19件**。来源：《2017年度…》", value=19, unit="件",
                    facts=[SEED_FACTS[4]], passages=[hit])
    defaults.update(kw)
    return Answer(**defaults)


def test_render_answer_has_figure_source_table_and_passages() -> None:
    out = webapp.render_answer(seed_answer(), [report()], lambda rid: SEED_FACTS)
    assert "**19件**" in out
    assert "rq-hit" in out and "4.不同意公开答复数" in out  # the table row in context
    assert "支持段落" in out and "<mark>19件</mark>" in out
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "已索引的报告" not in out


def test_render_answer_not_found_lists_the_indexed_reports() -> None:
    answer = seed_answer(found=False, text="索引中没有2020年度的报告。", value=None, facts=[], passages=[])
    out = webapp.render_answer(answer, [report(), report("r2", "乙市人民政府", 2018)], lambda rid: [])
    assert "已索引的报告" in out and "乙市人民政府 2018年" in out
    ambiguous = seed_answer(found=False, notes=["ambiguous"], facts=[], passages=[])
    assert "已索引的报告" not in webapp.render_answer(ambiguous, [report()], lambda rid: [])


def test_render_answer_prose_fact_shows_its_sentence() -> None:
    out = webapp.render_answer(seed_answer(facts=[SEED_FACTS[-1]], passages=[]), [report()], lambda rid: SEED_FACTS)
    assert "（正文 prose）" in out and "<mark>19件</mark>" in out


def test_scope_values() -> None:
    assert webapp.scope_value(webapp.ALL) is None and webapp.scope_value("") is None
    assert webapp.scope_value("r1") == "r1"
    assert webapp.year_value("2017") == 2017
    assert webapp.year_value(webapp.ALL) is None and webapp.year_value(None) is None


# ---------------------------------------------------------------------------------------------------- compare
def test_concept_names_are_chinese_first() -> None:
    lexicon = load_lexicon()
    names = dict((cid, name) for name, cid in webapp.concept_choices(lexicon.concepts))
    assert names["refused"].startswith("拒绝")
    assert all(name and not name.isascii() for name in names.values())
    assert webapp.trend_question(lexicon.concept("online")) == "网上历年变化趋势"


def test_points_from_answer_reads_one_or_several_agencies() -> None:
    f17 = fact("x", value=19, year=2017, agency="甲区人民政府")
    f18 = fact("x", value=3, year=2018, agency="乙市人民政府", rid="r2")
    one = Answer("q", True, "t", value=19, unit="件", facts=[f17], intent="trend", series=[("2017", 19)])
    points = webapp.points_from_answer(one, "甲区人民政府")
    assert [(p.agency, p.year, p.value, p.facts) for p in points] == [("甲区人民政府", 2017, 19, [f17])]
    two = Answer("q", True, "t", value=3, unit="件", facts=[f17, f18], intent="trend",
                 series=[("甲区人民政府 2017", 19), ("乙市人民政府 2018", 3)])
    assert [(p.agency, p.year, p.value) for p in webapp.points_from_answer(two, "")] == [
        ("甲区人民政府", 2017, 19), ("乙市人民政府", 2018, 3)]
    assert webapp.points_from_answer(Answer("q", False, "no"), "甲") == []


def test_points_from_facts_fallback_takes_exact_values() -> None:
    concept = load_lexicon().concept("refused")
    points = webapp.points_from_facts(concept, SEED_FACTS, [report()])
    assert [(p.value, p.facts[0].label) for p in points] == [(19, "4.不同意公开答复数")]


def test_compare_frames_keep_exact_numbers_and_sources() -> None:
    p = webapp.ComparePoint("甲区人民政府", 2017, Decimal("85.4"), "万元", [SEED_FACTS[6]])
    numbers = webapp.compare_numbers_frame([p], {"r1": report()})
    row = numbers.iloc[0]
    assert row["数值 Value"] == "85.4" and row["单位 Unit"] == "万元"
    assert "（四）政府信息公开专项经费：85.4万元" in row["来源 Source"]
    assert list(webapp.compare_frame([p])["label"]) == ["2017"]


def test_sources_text_for_a_sum_names_the_parent_and_the_parts() -> None:
    parts = [fact("三、结果", "（三）不予公开", "1.国家秘密", value=2, column="总计"),
             fact("三、结果", "（三）不予公开", "2.其他", value=31, column="总计")]
    text = webapp.sources_text(parts, {"r1": report()})
    assert "三、结果 › （三）不予公开（总计）：1.国家秘密 2 + 2.其他 31" in text


# ---------------------------------------------------------------------------------------------------- search
def test_matching_facts_by_concept_or_substring() -> None:
    found = webapp.matching_facts("不予公开", SEED_FACTS)
    assert found and found[0].label == "4.不同意公开答复数"
    assert [f.label for f in webapp.matching_facts("专项经费", SEED_FACTS)] == ["（四）政府信息公开专项经费"]
    assert webapp.matching_facts("   ", SEED_FACTS) == []


def test_search_frame_highlights_safely() -> None:
    hit = Hit(Passage(id="p", report_id="r1", section="s", text="<b>不予公开</b>", year=2017), 0.5)
    frame = webapp.search_frame([hit], {"r1": report()}, ["不予公开"])
    assert frame.iloc[0]["内容 Text"] == "&lt;b&gt;<mark>不予公开</mark>&lt;/b&gt;"
    assert frame.iloc[0]["报告 Report"] == "甲区人民政府 2017年 · r1"


# ---------------------------------------------------------------------------------------------------- upload
def test_token_ok() -> None:
    assert not webapp.token_ok("anything", "")  # no token configured: nothing is accepted
    assert not webapp.token_ok("", "s3cret") and not webapp.token_ok(None, "s3cret")
    assert not webapp.token_ok("s3cret ", "s3cret")
    assert webapp.token_ok("s3cret", "s3cret")


def test_stage_uploads_copies_under_safe_names_and_refuses_other_types(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    good = src / "报告.txt"
    good.write_text("x", encoding="utf-8")
    bad = src / "tool.exe"
    bad.write_bytes(b"MZ")
    staged, rejected = webapp.stage_uploads([good, bad], tmp_path / "stage")
    assert [p.name for p in staged] == ["报告.txt"] and staged[0].read_text(encoding="utf-8") == "x"
    assert list(rejected) == ["tool.exe"]
    assert webapp.safe_upload_name("../../etc/passwd.txt") == "passwd.txt"
    assert webapp.safe_upload_name("a\\b\\c.md") == "c.md"
    long_name = "平潭综合实验区" * 40 + "2023年度政府信息公开工作年度报告.pdf"
    assert webapp.safe_upload_name(long_name).endswith(".pdf") and len(webapp.safe_upload_name(long_name)) == 180


def test_ingest_result_html_reports_each_file_by_name() -> None:
    result = IngestResult(added=["a.txt"], unchanged=["b.pdf"], errors={"c.docx": "no report text"},
                          warnings={"a.txt": ["「（三）」244 ≠ 243 <x>"]})
    html = webapp.ingest_result_html(result, {"d.exe": "unsupported"}, ["a.txt", "b.pdf", "c.docx", "d.exe"],
                                     {"reports": 2}, {"a.txt": "识别为 甲 2018年"})
    for name in ("a.txt", "b.pdf", "c.docx", "d.exe", "no report text", "unsupported", "识别为 甲 2018年"):
        assert name in html
    assert "&lt;x&gt;" in html and "<x>" not in html and "错误 errors 2" in html


def test_a_file_chosen_twice_is_shown_once() -> None:
    html = webapp.ingest_result_html(IngestResult(added=["a.txt"]), {}, ["a.txt", "a.txt"], {"reports": 1})
    assert html.count("已加入 added") == 1


# ------------------------------------------------------------------------------------------ handlers over a fake engine
@dataclass
class FakeStore:
    reports: list[Report]

    def counts(self) -> dict[str, int]:
        return {"reports": len(self.reports), "facts": 8, "passages": 3, "embeddings": 3}

    def report_counts(self) -> dict[str, tuple[int, int]]:
        return {r.id: (len(r.facts), 1) for r in self.reports}


@dataclass
class FakeEngine:
    settings: Settings = field(default_factory=lambda: Settings(admin_token=""))
    asked: list[dict] = field(default_factory=list)
    ingested: list[list[Path]] = field(default_factory=list)
    _reports: list[Report] = field(default_factory=lambda: [report(), report("r2", "乙市人民政府", 2018, facts=[])])

    def __post_init__(self) -> None:
        self.store = FakeStore(self._reports)

    def reports(self) -> list[Report]:
        return self._reports

    def report(self, rid: str) -> Report | None:
        return next((r for r in self._reports if r.id == rid), None)

    def facts(self, ids=None) -> list[Fact]:
        return [f for r in self._reports for f in r.facts if ids is None or r.id in ids]

    def ask(self, question: str, **scope) -> Answer:
        self.asked.append({"question": question, **scope})
        if question == "boom":
            raise RuntimeError("answerer bug")
        if "趋势" in question:
            return Answer(question, True, "各年度数字", value=19, unit="件", facts=[SEED_FACTS[4]], intent="trend",
                          series=[("2017", 19)])
        return seed_answer(question=question)

    def ingest(self, paths, **kw) -> IngestResult:
        paths = list(paths)
        self.ingested.append(paths)
        broken = [p for p in paths if "broken" in Path(p).name]
        if broken:
            raise ValueError(f"parser bug on {broken[0].name}")
        return IngestResult(added=[Path(p).name for p in paths])


def test_ask_passes_the_scope_to_the_engine() -> None:
    engine = FakeEngine()
    h = webapp.WebHandlers(engine)
    history, kept, box, plot = h.ask("网上申请有多少件", [], "r1", "2017", "甲区人民政府")
    assert engine.asked == [{"question": "网上申请有多少件", "report": "r1", "year": 2017, "agency": "甲区人民政府"}]
    assert [m["role"] for m in history] == ["user", "assistant"] and kept == history and box == ""
    assert plot["visible"] is False
    h.ask("问题", history, webapp.ALL, webapp.ALL, webapp.ALL)
    assert engine.asked[-1] == {"question": "问题", "report": None, "year": None, "agency": None}


def test_ask_with_a_series_draws_a_chart() -> None:
    _, _, _, plot = webapp.WebHandlers(FakeEngine()).ask("拒绝历年变化趋势", [], webapp.ALL, webapp.ALL, webapp.ALL)
    assert plot["visible"] is True and list(plot["value"]["value"]) == [19.0]


def test_compare_asks_a_trend_per_agency_and_filters_years() -> None:
    engine = FakeEngine()
    plot, numbers, note = webapp.WebHandlers(engine).compare("refused", ["甲区人民政府"], ["2017"])
    assert engine.asked[0] == {"question": "拒绝历年变化趋势", "agency": "甲区人民政府"}
    assert plot["visible"] is True and list(numbers["数值 Value"]) == ["19"]
    plot, numbers, _ = webapp.WebHandlers(engine).compare("refused", ["甲区人民政府"], ["2016"])
    assert plot["visible"] is False and numbers.empty


def test_upload_refused_without_a_configured_token_or_with_a_wrong_one(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("x", encoding="utf-8")
    disabled = FakeEngine()
    assert "REPORTQA_ADMIN_TOKEN" in webapp.WebHandlers(disabled).upload("x", [str(f)], "", "",
                                                                         progress=lambda *a, **k: None)
    assert disabled.ingested == []
    enabled = FakeEngine(settings=Settings(admin_token="s3cret"))
    h = webapp.WebHandlers(enabled)
    assert "口令不正确" in h.upload("wrong", [str(f)], "", "", progress=lambda *a, **k: None)
    assert enabled.ingested == []
    out = h.upload("s3cret", [str(f)], "", "", progress=lambda *a, **k: None)
    assert "已加入 added" in out and [p.name for p in enabled.ingested[0]] == ["a.txt"]
    assert not enabled.ingested[0][0].exists()  # the staging copy is gone afterwards


def test_build_app_is_a_blocks_without_analytics() -> None:
    app = webapp.build_app(FakeEngine())
    assert isinstance(app, gr.Blocks) and app.analytics_enabled is False
    kwargs = webapp.launch_kwargs(Settings())
    assert kwargs["server_name"] == "127.0.0.1" and kwargs["server_port"] == 7860
    assert kwargs["max_file_size"] == 1, "upload disabled: Gradio's upload route takes nothing"
    assert webapp.launch_kwargs(Settings(admin_token="t"))["max_file_size"] == "50mb"


def test_arg_parser_reads_host_port_index() -> None:
    args = webapp.build_arg_parser().parse_args(["--host", "0.0.0.0", "--port", "8000", "--index", "/tmp/i"])
    assert (args.host, args.port, args.index) == ("0.0.0.0", 8000, Path("/tmp/i"))


def test_upload_reports_an_unexpected_parser_failure_by_file_name(tmp_path: Path) -> None:
    good, broken = tmp_path / "good.txt", tmp_path / "broken.pdf"
    good.write_text("x", encoding="utf-8")
    broken.write_bytes(b"%PDF")
    engine = FakeEngine(settings=Settings(admin_token="s3cret"))
    out = webapp.WebHandlers(engine).upload("s3cret", [str(good), str(broken)], "", "", progress=lambda *a, **k: None)
    assert "broken.pdf" in out and "ValueError: parser bug on broken.pdf" in out
    assert "已加入 added" in out  # good.txt, ingested on its own after the batch failed
    assert [len(batch) for batch in engine.ingested] == [2, 1, 1]


def test_ask_survives_an_engine_error() -> None:
    history, _, _, plot = webapp.WebHandlers(FakeEngine()).ask("boom", [], webapp.ALL, webapp.ALL, webapp.ALL)
    assert "RuntimeError" in history[-1]["content"] and plot["visible"] is False


def test_the_conversation_keeps_its_last_twenty_questions() -> None:
    engine = FakeEngine()
    h = webapp.WebHandlers(engine)
    history: list[dict] = []
    for i in range(25):
        history, kept, _, _ = h.ask(f"问题{i}", history, webapp.ALL, webapp.ALL, webapp.ALL)
    assert len(history) == 40 and history == kept
    assert history[0]["role"] == "user" and "问题5" in history[0]["content"]

"""The required answering examples on the seed engine (answer quality is tuned elsewhere)."""

TITLE = "2017年度政府信息公开工作年度报告"
PROBLEMS = "六、主要问题及改进措施"


def test_refused_in_2017(engine):
    a = engine.ask("2017年有多少申请被拒绝公开？")
    assert a.found is True
    assert a.value == 19 and a.unit == "件"
    assert "不同意公开答复数" in a.text
    assert TITLE in a.text  # names the report
    assert any(f.path[-1] == "4.不同意公开答复数" and f.value == 19 for f in a.facts)


def test_refused_in_english(engine):
    a = engine.ask("how many requests were refused in 2017")
    assert a.found is True
    assert a.value == 19 and a.unit == "件"


def test_online_requests(engine):
    a = engine.ask("网上申请有多少件")
    assert a.found is True
    assert a.value == 11 and a.unit == "件"


def test_main_problems_prose(engine):
    a = engine.ask("存在哪些主要问题？")
    assert a.found is True
    assert a.value is None
    assert a.passages and a.passages[0].passage.section.startswith(PROBLEMS)
    assert PROBLEMS in a.text  # the answer quotes and names that section


def test_fiscal_revenue_is_not_in_the_reports(engine):
    a = engine.ask("2017年财政收入是多少")
    assert a.found is False
    assert a.value is None


def test_unindexed_year_names_the_indexed_year(engine):
    a = engine.ask("2016年收到多少申请")
    assert a.found is False
    assert "2016" in a.text
    assert "2017" in a.text


# --------------------------------------------------------------------------------------------------------------------
# Beyond the seed: the real 2024 template report, a prose-only report, several reports at once.

import shutil  # noqa: E402
from decimal import Decimal  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from reportqa.config import Settings  # noqa: E402
from reportqa.engine import Engine  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
PROSE_ONLY = """杭州市西湖区市场监督管理局2019年政府信息公开工作年度报告

一、总体情况
2019年，我局全年主动公开政府信息1520条，其中通过政府网站公开1380条，通过政务微博公开140条。
三、收到和处理政府信息公开申请情况
2019年共收到政府信息公开申请56件，其中自然人申请49件，法人或其他组织申请7件。已全部办结，其中予以公开31件，部分公开9件，不予公开5件，无法提供8件，不予处理3件。
五、存在的主要问题及改进情况
主要问题是公开内容不够全面，解读形式较为单一。下一步将加强政策解读，提升公开质量。

杭州市西湖区市场监督管理局
2020年1月20日
"""


@pytest.fixture(scope="module")
def corpus_engine(tmp_path_factory, embedder):
    """The shipped corpus (seed 2017, old format; 淮安市 2024, national template) plus a prose-only report."""
    root = tmp_path_factory.mktemp("answering-corpus")
    shutil.copytree(CORPUS, root / "corpus")
    (root / "corpus" / "xihu-2019.txt").write_text(PROSE_ONLY, encoding="utf-8")
    eng = Engine(Settings(index_dir=root / "index", corpus_dir=root / "corpus"), embedder=embedder)
    eng.ingest([root / "corpus"])
    yield eng
    eng.close()


@pytest.mark.parametrize("question,value,unit", [
    ("淮安市2024年收到多少政府信息公开申请？", 3119, "件"),
    ("淮安市2024年企业申请了多少件", 53, "件"),
    ("淮安市2024年法人或其他组织申请了多少件", 118, "件"),  # the sum of the five columns
    ("淮安市2024年不予公开的有多少件", 178, "件"),  # the sum of the eight （三） rows
    ("淮安市2024年行政诉讼一共多少件", 46, "件"),  # both 行政诉讼 groups
    ("淮安市2024年行政复议结果被纠正的有多少", 64, "件"),
    ("淮安市2024年行政复议维持的比纠正的多多少", 8, "件"),
    ("淮安市2024年收取了多少信息处理费", 3940, "元"),  # prose only in the template's section 六
    ("淮安市2024年行政事业性收费金额是多少", Decimal("96171.6"), "万元"),
    ("淮安市2024年不予公开占多少比例", Decimal("5.84"), "%"),
    ("How many requests did Huai'an receive in 2024?", 3119, "件"),
    ("西湖区市监局2019年收到多少申请", 56, "件"),  # prose-only report: prose facts
    ("西湖区市监局2019年自然人申请多少件", 49, "件"),
    ("西湖区市监局2019年不予公开多少件", 5, "件"),
])
def test_figures_beyond_the_seed(corpus_engine, question, value, unit):
    a = corpus_engine.ask(question)
    assert a.found, a.text
    assert (a.value, a.unit) == (value, unit), a.text


def test_share_shows_its_formula(corpus_engine):
    a = corpus_engine.ask("淮安市2024年不予公开占多少比例")
    assert "178 / 3050" in a.text and "（三）不予公开" in a.text


@pytest.mark.parametrize("question,reason", [
    ("淮安市2023年收到多少申请", "2023"),  # year not indexed
    ("淮安市卫健委2024年收到多少申请", "淮安市卫健委"),  # a department that is not indexed
    ("杭州市上城区2019年收到多少申请", "上城区"),
])
def test_abstains_and_says_what_is_missing(corpus_engine, question, reason):
    a = corpus_engine.ask(question)
    assert a.found is False
    assert reason in a.text and "已索引的报告" in a.text


def test_several_reports_and_no_scope_asks_which(corpus_engine):
    a = corpus_engine.ask("收到多少申请？")
    assert a.found is False
    assert "244" in a.text and "3119" in a.text and "56" in a.text  # each candidate with its figure


def test_report_scope_picks_one(corpus_engine):
    a = corpus_engine.ask("收到多少申请？", report="huaian-2024")
    assert (a.found, a.value) == (True, 3119)


def test_prose_and_table_disagreement_is_noted(corpus_engine):
    a = corpus_engine.ask("瓯海区2017年主动公开了多少条政府信息")
    assert a.value == 37353
    assert any("3.7万多条" in n for n in a.notes)


def test_difference_between_a_row_and_its_part(engine):
    a = engine.ask("2017年瓯海区新闻发布会总次数比主要负责同志参加的次数多几次？")
    assert (a.found, a.value, a.unit) == (True, 18, "次")
    assert "29 − 11" in a.text


@pytest.fixture(scope="module")
def template2019_engine(tmp_path_factory, embedder):
    """A hand-written 2019-template report (invented agency and figures) as markdown tables."""
    root = tmp_path_factory.mktemp("template2019")
    (root / "corpus").mkdir()
    shutil.copy(Path(__file__).parent / "fixtures" / "template2019_mingchuan.md", root / "corpus")
    eng = Engine(Settings(index_dir=root / "index", corpus_dir=root / "corpus"), embedder=embedder)
    eng.ingest([root / "corpus"])
    yield eng
    eng.close()


@pytest.mark.parametrize("question,value,unit", [
    ("行政许可决定有多少", 45210, "件"),  # the headline column of a 2019 table 二 row
    ("行政许可项目数量", 320, "项"),
    ("政府集中采购总金额是多少", Decimal("52310.5"), ""),  # the table prints no unit: none is supplied
    ("规范性文件对外公开总数量", 86, "件"),
    ("本年新公开了多少规范性文件", 12, "件"),
    ("不予公开多少件", 34, "件"),
    ("明川区2019年行政诉讼一共多少件", 20, "件"),
    ("其他处理多少件", 65, "件"),
    ("How many requests did companies file?", 35, "件"),
])
def test_2019_template(template2019_engine, question, value, unit):
    report = template2019_engine.reports()[0]
    assert (report.format, report.agency, report.year) == ("template-2019", "澄湖市明川区人民政府", 2019)
    assert report.warnings == []
    a = template2019_engine.ask(question)
    assert (a.found, a.value, a.unit) == (True, value, unit), a.text


def test_english_problems_question_quotes_the_problems_part_not_the_preamble(engine):
    a = engine.ask("What shortcomings did the report admit?")
    assert a.found is True and a.passages
    assert a.passages[0].passage.section.startswith(PROBLEMS)


def test_a_question_for_a_name_is_not_answered_with_a_count(engine):
    a = engine.ask("2017年的行政诉讼是哪个法院审理的？")
    assert a.value is None


def test_a_breakdown_no_table_makes_gives_no_figure(engine):
    a = engine.ask("2017年男性申请人提出了多少件申请？")
    assert a.found is False and a.value is None
    assert "男性" in a.text

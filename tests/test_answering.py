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

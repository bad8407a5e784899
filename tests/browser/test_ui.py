"""End-to-end: a real ``python app.py`` in headless Chromium, as a citizen and a staff member would use it.

The tests share one server (fresh index built from corpus/ on first start); the upload tests add reports to it, so
the tests that look at the seed report accept what those add.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ui_helpers import (
    ADMIN_TOKEN,
    BOT_MESSAGES,
    ask,
    choose,
    last_answer,
    open_app,
    open_tab,
    running_app,
    save_screenshot,
    upload_files,
)

pytestmark = pytest.mark.browser

SMALL_REPORT = """测试市人民政府2018年政府信息公开工作年度报告

一、工作概况
2018年，测试市继续推进政府信息公开工作。
二、依申请公开情况
2018年共受理政府信息公开申请30件。

政府信息公开情况统计表
（2018年度）
统计指标	单位	统计数
三、依申请公开情况	——\t
（一）收到申请数	件	30
1.当面申请数	件	10
2.网络申请数	件	20
（三）申请答复数	件	30
4.不同意公开答复数	件	3
"""

HOSTILE_REPORT = """恶意县人民政府2016年政府信息公开工作年度报告

一、工作概况
2016年本县公开政府信息。<script>alert(1)</script> 另见 <img src=x onerror=alert(2)> 与 [链接](javascript:alert(3))。
二、存在的主要问题
制度建设还需加强。
"""


def test_chat_answers_with_figure_and_source(page, screenshot_dir: Path) -> None:
    ask(page, "2017年有多少申请被拒绝公开？")
    answer = last_answer(page)
    text = answer.inner_text()
    assert "19件" in text
    assert "2017年度政府信息公开工作年度报告" in text  # the source report
    assert "不同意公开答复数" in text  # the row
    answer.get_by_text("来源：表格原行").click()  # expand: the table row in its context
    hit = answer.locator("tr.rq-hit")
    hit.first.wait_for(state="visible")
    assert "4.不同意公开答复数" in hit.first.inner_text() and "19" in hit.first.inner_text()
    assert answer.locator("tr").count() > 3  # the neighbouring rows are shown too
    answer.evaluate("e => e.scrollIntoView({block: 'start'})")
    save_screenshot(page, screenshot_dir, "chat.png")
    answer.get_by_text("支持段落").click()
    assert answer.locator(".rq-passage").first.is_visible()


def test_chat_english_trend_and_not_found(page, screenshot_dir: Path) -> None:
    ask(page, "how many requests were refused in 2017")
    assert "19" in last_answer(page).inner_text()
    ask(page, "拒绝公开的申请历年变化趋势")
    page.locator("#chat-plot").wait_for(state="visible")  # Answer.series is drawn
    page.locator("#chat-plot canvas, #chat-plot svg").first.wait_for(state="visible")
    save_screenshot(page, screenshot_dir, "chat-trend.png")
    ask(page, "2020年有多少申请被拒绝？")
    text = last_answer(page).inner_text()
    assert "2020" in text and "已索引的报告" in text and "温州市瓯海区人民政府" in text


def test_chat_example_button_asks(page) -> None:
    page.get_by_role("button", name="网上申请有多少件").click()
    page.wait_for_function("(sel) => document.querySelectorAll(sel).length > 0", arg=BOT_MESSAGES)
    assert "11件" in last_answer(page).inner_text()


def test_reports_tab_rebuilds_the_table(page, screenshot_dir: Path) -> None:
    open_tab(page, "报告 · Reports")
    table = page.locator("#reports-table")
    table.get_by_text("温州市瓯海区人民政府").filter(visible=True).first.click()
    viewer = page.locator("#report-viewer")
    viewer.get_by_text("统计表（由数字重建）").wait_for(state="visible")
    row = viewer.locator("tr", has_text="4.不同意公开答复数").first
    assert "19" in row.inner_text()
    assert viewer.locator("table.rq-table td", has_text="三、依申请公开情况").first.is_visible()
    assert viewer.locator("summary", has_text="六、主要问题及改进措施").first.is_visible()  # the sections
    save_screenshot(page, screenshot_dir, "reports.png")


def test_compare_draws_a_chart_with_exact_numbers(page, screenshot_dir: Path) -> None:
    open_tab(page, "对比 · Compare")
    page.locator("#compare-button").click()
    plot = page.locator("#compare-plot")
    plot.wait_for(state="visible")
    plot.locator("canvas, svg").first.wait_for(state="visible")
    numbers = page.locator("#compare-table")
    numbers.get_by_text("不同意公开答复数", exact=False).filter(visible=True).first.wait_for()
    assert "19" in numbers.inner_text() and "温州市瓯海区人民政府" in numbers.inner_text()
    save_screenshot(page, screenshot_dir, "compare.png")


def test_upload_needs_the_token(page, tmp_path: Path, screenshot_dir: Path) -> None:
    report = tmp_path / "测试市2018年报告.txt"
    report.write_text(SMALL_REPORT, encoding="utf-8")
    open_tab(page, "上传 · Upload")
    upload_files(page, [report])
    page.locator("#upload-button").click()
    result = page.locator("#upload-result")
    result.get_by_text("口令不正确").wait_for(state="visible")
    page.locator("#upload-token input").fill(ADMIN_TOKEN)
    page.locator("#upload-button").click()
    result.get_by_text("已加入 added").wait_for(state="visible", timeout=120_000)
    assert report.name in result.inner_text()
    save_screenshot(page, screenshot_dir, "upload.png")
    open_tab(page, "报告 · Reports")
    page.locator("#reports-table").get_by_text("测试市人民政府").filter(visible=True).first.wait_for()
    open_tab(page, "问答 · Ask")
    choose(page, "scope-agency", "测试市人民政府")
    ask(page, "网上申请有多少件")
    assert "20件" in last_answer(page).inner_text()  # the scope selector reaches Engine.ask


def test_search_with_year_filter_opens_report(page, screenshot_dir: Path) -> None:
    open_tab(page, "检索 · Search")
    page.locator("#search-query textarea, #search-query input").first.fill("不予公开")
    choose(page, "search-year", "2017年")
    page.locator("#search-button").click()
    hits = page.locator("#search-hits")
    hits.locator("mark").filter(visible=True).first.wait_for()
    body = hits.inner_text()  # report labels read "机关 2017年 · file"
    assert "2017年 · " in body and "2018年 · " not in body and "2016年 · " not in body
    page.locator("#search-facts").get_by_text("不同意公开答复数", exact=False).filter(visible=True).first.wait_for()
    save_screenshot(page, screenshot_dir, "search.png")
    hits.locator("[data-testid='cell-0-2']").click()  # the first result's section
    page.locator("#report-viewer").get_by_text("统计表（由数字重建）").wait_for(state="visible")
    assert page.locator("#report-viewer").get_by_text("温州市瓯海区人民政府").first.is_visible()


def test_report_text_is_shown_never_run(page, dialogs: list[str], tmp_path: Path) -> None:
    report = tmp_path / "hostile-2016.txt"
    report.write_text(HOSTILE_REPORT, encoding="utf-8")
    open_tab(page, "上传 · Upload")
    page.locator("#upload-token input").fill(ADMIN_TOKEN)
    upload_files(page, [report])
    page.locator("#upload-button").click()
    page.locator("#upload-result").get_by_text("已加入 added").wait_for(state="visible", timeout=120_000)

    open_tab(page, "报告 · Reports")
    page.locator("#reports-table").get_by_text("恶意县人民政府").filter(visible=True).first.click()
    viewer = page.locator("#report-viewer")
    viewer.get_by_text("<script>alert(1)</script>").first.wait_for(state="visible")
    assert "<img src=x onerror=alert(2)>" in viewer.inner_text()
    assert viewer.locator("script, img").count() == 0

    open_tab(page, "检索 · Search")
    page.locator("#search-query textarea, #search-query input").first.fill("alert")
    page.locator("#search-button").click()
    page.locator("#search-hits").get_by_text("<script>", exact=False).filter(visible=True).first.wait_for()

    open_tab(page, "问答 · Ask")
    ask(page, "恶意县2016年工作概况怎么样？")
    answer = last_answer(page)
    answer.get_by_text("支持段落").click()
    assert "<script>alert(1)</script>" in answer.inner_text()
    assert page.locator("#chatbot script, #chatbot img[src='x'], #chatbot a[href^='javascript']").count() == 0
    page.wait_for_timeout(500)
    assert dialogs == []


def test_upload_disabled_without_a_configured_token(app, browser, tmp_path: Path) -> None:
    """A second app on a copy of the index, started without REPORTQA_ADMIN_TOKEN: the tab says how to enable it."""
    index = tmp_path / "index"
    shutil.copytree(app.index_dir, index)
    with running_app(index, admin_token=None) as plain:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        open_app(page, plain.url)
        open_tab(page, "上传 · Upload")
        notice = page.locator("#upload-disabled").get_by_text("REPORTQA_ADMIN_TOKEN")
        notice.wait_for(state="visible")  # the tab renders after the click returns; a busy machine is slower
        assert notice.is_visible()
        assert page.locator("#upload-button").is_disabled()
        assert page.locator("#upload-token input").is_disabled()
        context.close()

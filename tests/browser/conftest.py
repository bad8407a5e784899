"""Fixtures for the end-to-end tests: one real ``python app.py`` (fresh index, corpus/ ingested on first start,
REPORTQA_ADMIN_TOKEN set) and one headless Debian Chromium for the whole session; a fresh page per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from ui_helpers import ADMIN_TOKEN, ROOT, RunningApp, chromium_browser, chromium_path, open_app, running_app

SCREENSHOTS = ROOT / "docs" / "screenshots"
NO_CHROMIUM = "Debian chromium is not installed (apt-get install -y chromium fonts-wqy-microhei)"


@pytest.fixture(scope="session")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    if chromium_path() is None:
        pytest.skip(NO_CHROMIUM)
    with running_app(tmp_path_factory.mktemp("reportqa-app") / "index", admin_token=ADMIN_TOKEN) as running:
        yield running


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if chromium_path() is None:
        pytest.skip(NO_CHROMIUM)
    with chromium_browser() as b:
        yield b


@pytest.fixture
def dialogs() -> list[str]:
    """Messages of every alert/confirm/prompt a page opened (each is dismissed)."""
    return []


@pytest.fixture
def page(browser, app: RunningApp, dialogs: list[str]):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()

    def on_dialog(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.set_default_timeout(30_000)
    open_app(page, app.url)
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


"""Start a real ``python app.py`` on a free port and drive it with Debian's headless Chromium.

Shared by the browser tests (tests/browser/conftest.py) and benchmarks/ui_latency.py.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ADMIN_TOKEN = "browser-test-token-7d41"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
START_TIMEOUT_S = 240.0
log = logging.getLogger(__name__)


def chromium_path() -> str | None:
    return shutil.which("chromium")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class RunningApp:
    url: str
    process: subprocess.Popen
    log_path: Path
    started_in_s: float
    index_dir: Path

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]
        except OSError:
            return ""


def wait_until_serving(url: str, process: subprocess.Popen, log_path: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"app.py exited with {process.returncode}:\n"
                               f"{log_path.read_text(encoding='utf-8', errors='replace')[-4000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        time.sleep(0.25)
    raise TimeoutError(f"app.py did not answer on {url} within {timeout:.0f} s")


@contextmanager
def running_app(index_dir: Path, *, admin_token: str | None = ADMIN_TOKEN,
                timeout: float = START_TIMEOUT_S) -> Iterator[RunningApp]:
    """``python app.py --port <free> --index <index_dir>``, until the block ends (then terminated)."""
    port = free_port()
    env = dict(os.environ, PYTHONUNBUFFERED="1", GRADIO_ANALYTICS_ENABLED="False")
    env.pop("REPORTQA_ADMIN_TOKEN", None)
    if admin_token:
        env["REPORTQA_ADMIN_TOKEN"] = admin_token
    index_dir.mkdir(parents=True, exist_ok=True)
    log_path = index_dir.parent / f"app-{port}.log"
    url = f"http://127.0.0.1:{port}/"
    started = time.monotonic()
    with open(log_path, "wb") as out:
        process = subprocess.Popen([sys.executable, str(ROOT / "app.py"), "--port", str(port), "--index",
                                    str(index_dir)], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    app = RunningApp(url, process, log_path, 0.0, index_dir)
    try:
        wait_until_serving(url, process, log_path, timeout)
        app.started_in_s = time.monotonic() - started
        log.info("app.py serving %s after %.1f s", url, app.started_in_s)
        yield app
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@contextmanager
def chromium_browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if path is None:
        raise RuntimeError("Debian chromium is not installed (apt-get install -y chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


# ---------------------------------------------------------------- page actions on the reportqa UI
BOT_MESSAGES = "#chatbot .message-row.bot-row"


def open_app(page, url: str) -> float:
    """Load the app and wait until the question box is ready; returns the seconds it took."""
    started = time.perf_counter()
    page.goto(url, wait_until="domcontentloaded")
    page.locator("#question textarea").wait_for(state="visible", timeout=60_000)
    return time.perf_counter() - started


def open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()


def ask(page, question: str, timeout_ms: int = 30_000) -> float:
    """Type a question, press Enter and wait for the new answer on screen; returns the seconds it took."""
    before = page.locator(BOT_MESSAGES).count()
    box = page.locator("#question textarea")
    box.fill(question)
    started = time.perf_counter()
    box.press("Enter")
    page.wait_for_function(
        "([sel, n]) => document.querySelectorAll(sel).length > n", arg=[BOT_MESSAGES, before], timeout=timeout_ms)
    elapsed = time.perf_counter() - started
    return elapsed


def last_answer(page):
    return page.locator(BOT_MESSAGES).last


def choose(page, elem_id: str, option: str) -> None:
    """Pick an option of a gr.Dropdown by its visible text."""
    page.locator(f"#{elem_id} input").first.click()
    page.get_by_role("option", name=option, exact=True).first.click()
    page.keyboard.press("Escape")


def upload_files(page, paths: list[Path], attempts: int = 3) -> None:
    """Put files into the upload box and wait until it lists them.

    The tab's children mount when the tab is first shown; a file set on an input that is then re-rendered is lost,
    so the files are set again when they do not show up."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.locator("#upload-button").wait_for(state="visible")
    for attempt in range(attempts):
        page.locator("#upload-files input[type=file]").set_input_files([str(p) for p in paths])
        try:
            for p in paths:
                page.locator("#upload-files").get_by_text(p.name).first.wait_for(state="visible", timeout=10_000)
            return
        except PlaywrightTimeout:
            if attempt == attempts - 1:
                raise
            log.warning("upload box did not list %s; setting the files again", [p.name for p in paths])


def save_screenshot(page, folder: Path, name: str, max_height: int = 1600) -> Path:
    """The whole page, cut at ``max_height`` pixels (a report viewer can be very long)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    height = min(max_height, page.evaluate("() => document.documentElement.scrollHeight"))
    page.screenshot(path=str(path), full_page=True, clip={"x": 0, "y": 0, "width": 1280, "height": height})
    return path

"""Fixtures for `prog studio`: a real server (`prog studio DIR --no-browser --port 0`) in a
subprocess over a copy of the examples, an HTTP client, and Debian's chromium driven by
Playwright. Where a tool is missing the tests skip, except in CI (CI=true), where a missing
tool is a failure."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
ADDRESS = re.compile(r"http://127\.0\.0\.1:(\d+)/\?token=([\w-]+)")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
STARTUP_SECONDS = 30


def missing(what: str) -> None:
    """Skip for want of `what`, or fail in CI, where every tool must be there."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing, and CI must run the studio's tests")
    pytest.skip(f"{what} is missing")


@dataclass
class Studio:
    """A running `prog studio`: its folder, address parts and process."""

    folder: Path
    port: int
    token: str
    process: subprocess.Popen[str]

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        return f"{self.base}/?token={self.token}"

    def client(self):
        import httpx

        return httpx.Client(base_url=self.base, headers={"X-Prog-Token": self.token}, timeout=30)

    def kill(self) -> None:
        """Stop it the hard way, as a closed laptop lid or a crash would."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


def start_studio(folder: Path) -> Studio:
    """Start `prog studio FOLDER --no-browser --port 0` and read the address it prints."""
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        missing("the studio extra (starlette, uvicorn)")
    process = subprocess.Popen(
        [sys.executable, "-m", "dsl", "studio", str(folder), "--no-browser", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    seen = []
    for line in process.stdout:
        seen.append(line)
        match = ADDRESS.search(line)
        if match:
            # Keep reading what it prints, so a full pipe never stalls the server.
            threading.Thread(target=process.stdout.read, daemon=True).start()
            return Studio(folder, int(match.group(1)), match.group(2), process)
    process.wait(STARTUP_SECONDS)
    raise AssertionError("prog studio printed no address:\n" + "".join(seen))


@pytest.fixture
def programs(tmp_path: Path) -> Path:
    """A copy of the examples: the tests change files and keep sessions in it."""
    folder = tmp_path / "programs"
    shutil.copytree(EXAMPLES, folder)
    return folder


@pytest.fixture
def studio(programs: Path) -> Iterator[Studio]:
    running = start_studio(programs)
    yield running
    running.stop()


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("playwright (pip)")
    if not os.path.exists(CHROMIUM):
        missing(f"chromium ({CHROMIUM}; apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    problems: list[str] = []
    opened.on("pageerror", lambda error: problems.append(str(error)))
    yield opened
    context.close()
    assert problems == [], f"the page raised: {problems}"


def prog_run_json(folder: Path, *args: str) -> list[dict]:
    """The steps of `prog run ARGS… --json`, run in `folder` as a clinician would."""
    result = subprocess.run(
        [sys.executable, "-m", "dsl", "run", *args, "--json"],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)["steps"]


def wait_count(page, selector: str, count: int) -> None:
    """Wait until `selector` matches `count` elements (a function, as the page's CSP allows
    no string evaluation)."""
    page.wait_for_function(
        "([selector, count]) => document.querySelectorAll(selector).length === count",
        arg=[selector, count],
    )


def screenshot(page, name: str) -> Path:
    """Write a screenshot as a test artefact (test-artifacts/NAME.png)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path

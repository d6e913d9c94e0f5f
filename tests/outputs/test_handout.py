"""`prog handout`: a printable A4 page a patient can follow, as self-contained HTML (seen in
a real headless Chromium, with a screenshot kept as a test artefact) and as PDF (read back
with pdftotext); from a session log it holds the alternatives kept, not those undone."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest

from dsl.api import load_path, run
from dsl.outputs.home import home_program
from tests.conftest import EXAMPLES, ROOT

ARTEFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]
GOLFER = EXAMPLES / "golfer.prog"
NARROW = "Place your right foot a little closer in towards your other foot"
FORWARD = "Place your right foot a little further forward"
TURNED_IN = "Turn your right foot in a little, toes pointing inwards"


def need(tool: str | None, what: str) -> str:
    """The tool's path; a skip where it is missing, but a failure in CI (CI is set there)."""
    if tool and Path(tool).exists():
        return tool
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing in CI: .ci/run installs it")
    pytest.skip(f"{what} is not installed")


def flat(text: str) -> str:
    """Whitespace collapsed, so text wrapped by a page compares with a sentence."""
    return re.sub(r"\s+", " ", text).strip()


def prog(*args: str, cwd: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "dsl", *args], input=stdin, cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def golfer_exercises() -> list[str]:
    """The movement sentence of every exercise of the golfer's handout (no session)."""
    checked = load_path(str(GOLFER)).checked
    assert checked is not None
    steps = list(run(checked))
    return [e.words.movement for e in home_program(checked, steps).exercises]


def test_html_handout_is_self_contained_and_complete(tmp_path):
    done = prog("handout", str(GOLFER), "-o", "golfer.html", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "handout written to golfer.html" in done.stderr
    html = (tmp_path / "golfer.html").read_text(encoding="utf-8")
    for banned in ("<script", "<link", " src=", "@import", "url("):
        assert banned not in html
    assert re.findall(r"https?://[^\"'<> ]+", html) == ["http://www.w3.org/2000/svg"]
    text = flat(unescape(re.sub(r"<[^>]+>", " ", html)))
    assert "Golfer — right glute med" in text and "Side: right hip" in text
    for sentence in golfer_exercises():
        assert flat(sentence) in text
    assert "How much: 3 sets of 8" in text and "Easing off: stage 2 of 3" in text
    assert "What you should feel" in text and "When to stop" in text
    assert [f"Day {d}" in text for d in range(1, 8)] == [True] * 7 and "Pain 0–10" in text
    for option in (NARROW, FORWARD, TURNED_IN):  # no session: the clinician picks one
        assert option in text


def test_default_name_never_replaces_a_file(tmp_path):
    shutil.copy(GOLFER, tmp_path / "golfer.prog")
    first = prog("handout", "golfer.prog", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    written = (tmp_path / "golfer.html").read_text(encoding="utf-8")
    (tmp_path / "golfer.html").write_text("my notes", encoding="utf-8")
    again = prog("handout", "golfer.prog", cwd=tmp_path)
    assert again.returncode == 2
    assert "golfer.html exists already; name the file to write with -o" in again.stderr
    assert (tmp_path / "golfer.html").read_text(encoding="utf-8") == "my notes"
    named = prog("handout", "golfer.prog", "-o", "golfer.html", cwd=tmp_path)
    assert named.returncode == 0
    assert (tmp_path / "golfer.html").read_text(encoding="utf-8") == written


def test_o_never_writes_over_a_program_a_session_log_or_an_include(tmp_path):
    """`-o` through a link to the program, to a session log, or naming a file the program
    includes is refused before anything is written; every file is as it was."""
    (tmp_path / "lib.html").write_text("define warm:\n    pivot frontal x10\n", encoding="utf-8")
    (tmp_path / "main.prog").write_text(
        'target right glute-med\ninclude "lib.html"\nuse warm\nretest\n', encoding="utf-8"
    )
    (tmp_path / "notes.jsonl").write_text('{"a session": 1}\n', encoding="utf-8")
    (tmp_path / "out.html").symlink_to("main.prog")
    (tmp_path / "log.pdf").symlink_to("notes.jsonl")
    kept = {path: path.read_bytes() for path in tmp_path.iterdir()}
    for out, why in [
        ("out.html", "a file this handout reads"),
        ("log.pdf", "a program or a session log"),
        ("lib.html", "a file this handout reads"),
    ]:
        done = prog("handout", "main.prog", "-o", out, cwd=tmp_path)
        assert done.returncode == 2, done.stderr
        assert f"-o {out} is {why}; a handout is never written over one" in done.stderr
    assert {path: path.read_bytes() for path in tmp_path.iterdir()} == kept


def test_o_replaces_a_handout_whole_keeping_its_permissions(tmp_path):
    """An earlier handout is replaced in one step (a temporary file renamed over it), with
    the permissions it had; nothing else is left in the folder."""
    shutil.copy(GOLFER, tmp_path / "golfer.prog")
    old = tmp_path / "golfer.html"
    old.write_text("an older handout\n" * 10_000, encoding="utf-8")
    old.chmod(0o640)
    done = prog("handout", "golfer.prog", "-o", "golfer.html", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = old.read_text(encoding="utf-8")
    assert text.startswith("<!doctype html>") and "an older handout" not in text
    assert old.stat().st_mode & 0o777 == 0o640
    assert sorted(path.name for path in tmp_path.iterdir()) == ["golfer.html", "golfer.prog"]


def test_bad_requests_get_one_line_and_exit_2(tmp_path):
    wrong = prog("handout", str(GOLFER), "-o", "golfer.docx", cwd=tmp_path)
    assert wrong.returncode == 2 and "must end in .html or .pdf" in wrong.stderr
    missing = prog("handout", "nothing.prog", "-o", "x.html", cwd=tmp_path)
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    (tmp_path / "bad.prog").write_text("pivot sideways\n", encoding="utf-8")
    bad = prog("handout", "bad.prog", "-o", "x.html", cwd=tmp_path)
    assert bad.returncode == 1 and "P002" in bad.stderr
    (tmp_path / "empty.prog").write_text("# nothing yet\n", encoding="utf-8")
    empty = prog("handout", "empty.prog", "-o", "x.html", cwd=tmp_path)
    assert empty.returncode == 1
    assert "empty.prog has no movement statement: there is nothing to hand out" in empty.stderr
    for done in (wrong, missing, bad, empty):
        assert "Traceback" not in done.stderr
    assert not (tmp_path / "x.html").exists()


def test_pdf_without_weasyprint_says_what_to_install(cli, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # as if it were not installed
    result = cli("handout", str(GOLFER), "-o", str(tmp_path / "golfer.pdf"))
    assert result.exit_code == 2
    assert result.stderr.strip() == "prog: PDF needs WeasyPrint: pip install 'prog[pdf]'"
    assert not (tmp_path / "golfer.pdf").exists()


def test_the_handout_in_a_real_browser(tmp_path):
    need(CHROMIUM, "Chromium (/usr/bin/chromium)")
    playwright = pytest.importorskip("playwright.sync_api") if not os.environ.get("CI") else (
        __import__("playwright.sync_api", fromlist=["sync_playwright"])
    )
    done = prog("handout", str(GOLFER), "-o", "golfer.html", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    page_url = (tmp_path / "golfer.html").as_uri()
    fetched: list[str] = []
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 900, "height": 1200})
            page.on("request", lambda request: fetched.append(request.url))
            page.goto(page_url)
            body = flat(page.inner_text("body"))
            assert page.title() == "Golfer — right glute med — your exercises"
            for sentence in golfer_exercises():
                assert flat(sentence) in body
            assert page.locator("li.exercise").count() == len(golfer_exercises())
            assert page.locator("table.grid tbody tr").count() == 7
            assert page.locator("table.grid thead th").count() == 2 + 8 + 1
            assert page.locator("svg[role=img] g[data-step]").count() == 23
            assert page.locator("text=When to stop").is_visible()
            ARTEFACTS.mkdir(exist_ok=True)
            shot = ARTEFACTS / "handout-golfer.png"
            page.screenshot(path=str(shot), full_page=True, timeout=60_000)
            assert shot.stat().st_size > 20_000
            page.emulate_media(media="print")
            assert page.locator("section.clinician").evaluate(
                "e => getComputedStyle(e).breakBefore"
            ) == "page"
        finally:
            browser.close()
    assert fetched == [page_url]  # nothing from the network


def test_pdf_reads_back_with_every_exercise_and_the_grid(tmp_path):
    need(shutil.which("pdftotext"), "pdftotext (poppler-utils)")
    if not os.environ.get("CI"):
        pytest.importorskip("weasyprint")
    done = prog("handout", str(GOLFER), "-o", "golfer.pdf", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "golfer.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "(A4)" in info.stdout
    text = flat(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                               check=True).stdout)
    assert "Golfer — right glute med" in text
    for sentence in golfer_exercises():
        assert flat(sentence) in text
    assert all(f"Day {d}" in text for d in range(1, 8)) and "Pain 0–" in text
    assert "For the clinician" in text and "When to stop" in text
    ARTEFACTS.mkdir(exist_ok=True)
    shutil.copy(pdf, ARTEFACTS / "handout-golfer.pdf")


def session_log(folder: Path, outcomes: list[str]) -> Path:
    """A real `prog step` session of the golfer's program, answered with `outcomes`."""
    shutil.copy(GOLFER, folder / "golfer.prog")
    trace = prog("run", "golfer.prog", "--outcomes", ",".join(outcomes), "--json", cwd=folder)
    steps = json.loads(trace.stdout)["steps"]
    keys = "".join((s["outcome"][0] if s["op"] == "retest" else "") + "\n" for s in steps)
    done = prog("step", "golfer.prog", "--log", "session.jsonl", cwd=folder, stdin=keys)
    assert done.returncode == 0, done.stderr
    return folder / "session.jsonl"


def test_a_handout_from_a_session_holds_only_what_was_kept(tmp_path):
    # narrow: worse (undone); forward: better (kept); turned-in never tried
    log = session_log(tmp_path, ["better", "same", "worse", "better", "better", "better"])
    done = prog("handout", "golfer.prog", "--session", str(log), "-o", "home.html",
                cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "home.html").read_text(encoding="utf-8")
    page = html.split('<section class="clinician">')[0]
    patient = flat(unescape(re.sub(r"<[^>]+>", " ", page)))
    assert FORWARD in patient
    assert NARROW not in patient and TURNED_IN not in patient
    assert "choose one of these" not in patient
    # the kept alternative is one exercise of its own (then tapered with the rest)
    assert patient.count(FORWARD + ".") == 1 and "Day Date 1 2 3 4 5 6 7 8 9 Pain" in patient
    assert "session.jsonl" in html


def test_a_session_of_another_program_is_refused(tmp_path):
    log = session_log(tmp_path, ["better"] * 6)
    changed = (tmp_path / "golfer.prog").read_text(encoding="utf-8") + "note \"changed\"\n"
    (tmp_path / "golfer.prog").write_text(changed, encoding="utf-8")
    done = prog("handout", "golfer.prog", "--session", str(log), "-o", "home.html",
                cwd=tmp_path)
    assert done.returncode == 2
    assert "was written for another version of golfer.prog" in done.stderr
    not_a_log = prog("handout", "golfer.prog", "--session", "golfer.prog", "-o", "h.html",
                     cwd=tmp_path)
    assert not_a_log.returncode == 2 and "not a prog session log" in not_a_log.stderr

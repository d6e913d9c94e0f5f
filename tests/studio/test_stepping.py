"""Stepping at the plinth in a real browser: the golfer program stepped with the buttons
writes the same steps as `prog run --outcomes … --json`; a killed server loses no answer and
the page offers to resume; a second tab cannot answer; `prog step` and the page resume each
other's sessions, and never both at once."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from dsl.session_log import read
from tests.studio.conftest import Studio, prog_run_json, screenshot, start_studio

# The golfer's retests: fire (better), specific (same), narrow foot (worse, undone),
# forward foot (better, kept), after the taper (better), at a disadvantage (same).
ANSWERS = ["better", "same", "worse", "better", "better", "same"]
BUTTON = {"better": "Better", "same": "Same", "worse": "Worse"}


# What `prog run --json` adds to each step for the patient (spec §10 allows more keys); a
# session log keeps the trace's own keys.
SPOKEN = ("instruction", "dose", "progress", "why")


def expected_steps(folder: Path, answers: list[str]) -> list[dict]:
    """The steps of `prog run golfer.prog --outcomes … --json`, as a session log keeps them."""
    steps = run_json(folder, answers)
    return [{k: v for k, v in step.items() if k not in SPOKEN} for step in steps]


def run_json(folder: Path, answers: list[str]) -> list[dict]:
    return prog_run_json(folder, "golfer.prog", "--outcomes", ",".join(answers))


def session_logs(folder: Path) -> list[Path]:
    return sorted((folder / "sessions").glob("golfer-*.jsonl"))


def open_stepping(page, studio: Studio) -> None:
    page.goto(studio.url)
    page.wait_for_selector("#file-picker option[value='golfer.prog']", state="attached")
    page.select_option("#file-picker", "golfer.prog")
    page.locator(".cm-content").get_by_text('program "Golfer').wait_for()
    page.get_by_role("tab", name="Step with patient").click()


SETTLED = "() => document.getElementById('step-live').dataset.answered || '0'"
CHANGED = "(before) => (document.getElementById('step-live').dataset.answered || '0') !== before"


def press(page, name: str, key: str | None = None) -> None:
    """Press one button (or its key) and wait until the server's answer is shown."""
    before = page.evaluate(SETTLED)
    if key is None:
        page.get_by_role("button", name=name).click()
    else:
        page.keyboard.press(key)
    page.wait_for_function(CHANGED, arg=before)


def answer(page, answers: list[str], *, keyboard: bool = False) -> None:
    """Press Next step through ordinary steps and give `answers` at the retests, in order."""
    pending = list(answers)
    while pending:
        if page.get_by_role("button", name="Better").is_enabled():
            outcome = pending.pop(0)
            press(page, BUTTON[outcome], outcome[0] if keyboard else None)
        else:
            press(page, "Next step", "Enter" if keyboard else None)


def finish(page) -> None:
    """Press Next step until the program is done."""
    words = page.locator("#step-words")
    while "The program is done" not in (words.text_content() or ""):
        press(page, "Next step")


def test_stepping_golfer_with_the_buttons_logs_the_same_steps_as_prog_run(studio, page) -> None:
    open_stepping(page, studio)
    page.get_by_role("button", name="Start a new session").click()
    page.locator("#step-where").get_by_text("Step 1 ").wait_for()
    screenshot(page, "step-1280")
    answer(page, ANSWERS[:2])
    # The patient reads the same words as `prog run` gives for that step.
    run = run_json(studio.folder, ANSWERS)
    words = page.locator("#step-words").text_content()
    assert words == run[8]["instruction"] and page.locator("#step-where").text_content() == (
        "Step 9 · phase specific"
    )
    # Inside `try until better` the page says which alternative is being tried.
    assert page.locator("#step-alternative").text_content() == (
        "Trying until better: alternative 1 of 3"
    )
    answer(page, ANSWERS[2:3])
    press(page, "Next step")  # the undo of the narrow foot
    assert "alternative 2 of 3" in (page.locator("#step-alternative").text_content() or "")
    screenshot(page, "step-try-1280")
    answer(page, ANSWERS[3:])
    finish(page)
    (log,) = session_logs(studio.folder)
    recorded = read(str(log))
    assert recorded.ended
    assert recorded.steps == expected_steps(studio.folder, ANSWERS)
    # prog report's view is one click away.
    page.get_by_role("button", name="See what worked").click()
    page.get_by_role("table", name="What works").wait_for()
    assert page.get_by_role("table", name="Retests").locator("tbody tr").count() == 6
    screenshot(page, "report-1280")


def test_keyboard_alone_steps_and_answers(studio, page) -> None:
    open_stepping(page, studio)
    page.keyboard.press("Tab")
    page.get_by_role("button", name="Start a new session").focus()
    page.keyboard.press("Enter")
    page.locator("#step-where").get_by_text("Step 1 ").wait_for()
    answer(page, ANSWERS[:3], keyboard=True)
    page.keyboard.press("b")  # not a retest: a hint, and nothing recorded
    page.get_by_text("Nothing to answer here").wait_for()
    press(page, "Undo", "u")  # take back the `worse`: that retest is asked again
    page.get_by_text("Took back the answer").wait_for()
    answer(page, ["better"], keyboard=True)
    press(page, "Stop", "q")
    page.get_by_text("The session is stopped.").wait_for()
    (log,) = session_logs(studio.folder)
    assert [o for _, o in read(str(log)).answers] == ["better", "same", "better"]


def test_a_killed_server_loses_no_answer_and_the_page_resumes(programs, browser) -> None:
    first = start_studio(programs)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        open_stepping(page, first)
        page.get_by_role("button", name="Start a new session").click()
        page.locator("#step-where").get_by_text("Step 1 ").wait_for()
        answer(page, ANSWERS[:3])
        first.kill()  # the laptop lid closes: no goodbye, no last line
        (log,) = session_logs(programs)
        assert [o for _, o in read(str(log)).answers] == ANSWERS[:3]

        second = start_studio(programs)
        try:
            open_stepping(page, second)
            resume = page.get_by_role("button", name="Resume the session started")
            resume.wait_for()
            screenshot(page, "resume-1280")
            resume.click()
            page.get_by_role("group", name="Answers").wait_for()
            page.get_by_text("For the clinician").click()
            page.get_by_text("better, same, worse").wait_for()
            answer(page, ANSWERS[3:])
            finish(page)
        finally:
            second.stop()
    finally:
        first.stop()
        context.close()
    recorded = read(str(log))
    assert recorded.ended
    assert recorded.steps == expected_steps(programs, ANSWERS)


def test_a_second_tab_is_told_the_session_is_open_elsewhere(studio, browser) -> None:
    contexts = [browser.new_context() for _ in range(2)]
    one, two = (context.new_page() for context in contexts)
    try:
        open_stepping(one, studio)
        one.get_by_role("button", name="Start a new session").click()
        one.locator("#step-where").get_by_text("Step 1 ").wait_for()
        open_stepping(two, studio)
        two.get_by_role("button", name="Resume the session started").click()
        two.get_by_role("alert").get_by_text("open in another tab").wait_for()
        assert two.locator("[data-button=next]").is_hidden()
        # The first tab still answers, and its answer is the only one in the log.
        answer(one, ANSWERS[:1])
    finally:
        for context in contexts:
            context.close()
    (log,) = session_logs(studio.folder)
    assert [o for _, o in read(str(log)).answers] == ["better"]


def prog_step(folder: Path, *args: str, answers: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dsl", "step", "golfer.prog", *args],
        input=answers,
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=60,
    )


def test_prog_step_resumes_the_pages_session_but_not_while_it_is_open(studio, page) -> None:
    open_stepping(page, studio)
    page.get_by_role("button", name="Start a new session").click()
    page.locator("#step-where").get_by_text("Step 1 ").wait_for()
    answer(page, ANSWERS[:2])
    (log,) = session_logs(studio.folder)
    name = str(log.relative_to(studio.folder))
    busy = prog_step(studio.folder, "--resume", name, answers="\n")
    assert busy.returncode == 2
    assert "is open in another session" in busy.stderr and "studio" in busy.stderr
    press(page, "Stop")
    page.get_by_text("The session is stopped.").wait_for()
    done = read(str(log)).done
    rest = "".join(
        f"{s['outcome'][0] if s['op'] == 'retest' else ''}\n"
        for s in expected_steps(studio.folder, ANSWERS)
        if s["n"] > done
    )
    resumed = prog_step(studio.folder, "--resume", name, answers=rest)
    assert resumed.returncode == 0, resumed.stderr
    recorded = read(str(log))
    assert recorded.ended
    assert recorded.steps == expected_steps(studio.folder, ANSWERS)


def test_the_page_resumes_a_session_prog_step_started(studio, page) -> None:
    (studio.folder / "sessions").mkdir()
    started = prog_step(
        studio.folder, "--log", "sessions/golfer-desk.jsonl", answers="\n\n\n\nb\nq\n"
    )
    assert started.returncode == 0, started.stderr
    open_stepping(page, studio)
    page.get_by_role("button", name="Resume the session started").click()
    page.get_by_role("group", name="Answers").wait_for()
    answer(page, ANSWERS[1:])
    finish(page)
    recorded = read(str(studio.folder / "sessions" / "golfer-desk.jsonl"))
    assert recorded.ended
    assert recorded.steps == expected_steps(studio.folder, ANSWERS)


def test_a_reload_mid_session_offers_to_resume_it(studio, page) -> None:
    open_stepping(page, studio)
    page.get_by_role("button", name="Start a new session").click()
    page.locator("#step-where").get_by_text("Step 1 ").wait_for()
    answer(page, ANSWERS[:1])
    where = page.locator("#step-where").text_content()
    page.reload()
    page.locator(".cm-content").get_by_text("program ").first.wait_for()
    page.select_option("#file-picker", "golfer.prog")
    page.get_by_role("tab", name="Step with patient").click()
    page.get_by_role("button", name="Resume the session started").click()
    page.get_by_role("group", name="Answers").wait_for()
    assert page.locator("#step-where").text_content() == where
    answer(page, ANSWERS[1:])
    finish(page)
    (log,) = session_logs(studio.folder)
    assert read(str(log)).steps == expected_steps(studio.folder, ANSWERS)


def test_stopping_the_server_records_where_the_session_stopped(studio, page) -> None:
    open_stepping(page, studio)
    page.get_by_role("button", name="Start a new session").click()
    page.locator("#step-where").get_by_text("Step 1 ").wait_for()
    answer(page, ANSWERS[:1])
    studio.stop()  # Ctrl-C or a shutdown: the session is stopped as `prog step` stops one
    (log,) = session_logs(studio.folder)
    last = json.loads(log.read_text(encoding="utf-8").splitlines()[-1])
    assert last["event"] == "stop" and last["next"] == read(str(log)).done + 1
    assert not (log.parent / (log.name + ".lock")).exists()

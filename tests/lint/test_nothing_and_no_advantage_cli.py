"""P110 (nothing to run), P111 (advantage 0), indentation a clinician gets wrong, and the
repository's own examples under `prog lint` and `prog fmt --check`, through the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
T = "target right glute-med\n"


def prog(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR",)}
    return subprocess.run(
        [sys.executable, "-m", "dsl", *args],
        cwd=cwd,
        env={**env, "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("", "no statement"),
        ("# a plan for Tuesday\n", "no statement"),
        (T + 'program "Later"\n', "no movement statement"),
        (T + "define warm-up:\n    pivot frontal x10\n", "only defines"),
    ],
    ids=["empty", "comments", "context", "defines"],
)
def test_nothing_to_run_is_said_by_lint_and_run(tmp_path: Path, text: str, what: str) -> None:
    (tmp_path / "plan.prog").write_text(text, encoding="utf-8")
    linted = prog("lint", "--isolated", "plan.prog", cwd=tmp_path)
    assert linted.returncode == 1
    assert f"plan.prog:1:1: P110 warning: nothing to run: the file has {what}" in linted.stdout
    ran = prog("run", "plan.prog", cwd=tmp_path)
    assert ran.returncode == 0
    assert "Nothing to run: this file has no movement statement" in ran.stdout


def test_a_library_says_noqa_and_is_clean(tmp_path: Path) -> None:
    (tmp_path / "lib.prog").write_text(
        "define warm-up:  # noqa: P110\n    pivot frontal x10\n", encoding="utf-8"
    )
    linted = prog("lint", "--isolated", "lib.prog", cwd=tmp_path)
    assert linted.returncode == 0, linted.stdout


def test_a_step_with_no_favorable_motion_left_is_p111(tmp_path: Path) -> None:
    text = T + "pivot sagittal x10\nretest\ndisadvantage flexion\nretest\n"
    (tmp_path / "plan.prog").write_text(text, encoding="utf-8")
    linted = prog("lint", "--isolated", "plan.prog", cwd=tmp_path)
    assert linted.returncode == 1
    assert (
        "plan.prog:4:1: P111 warning: after `disadvantage flexion` the right glute-med has no "
        "favorable motion left (advantage 0/3)" in linted.stdout
    )
    assert linted.stdout.count("P111") == 1  # once, where it starts, not at every step after


@pytest.mark.parametrize("code", ["P110", "P111"])
def test_explain_has_a_page_for_each_new_code(code: str) -> None:
    page = prog("explain", code)
    assert page.returncode == 0
    for heading in ("What it means", "Why it matters", "How to fix it", "Bad", "Good"):
        assert heading in page.stdout.splitlines()


def test_the_first_line_indented_is_an_error_on_that_line(tmp_path: Path) -> None:
    text = "    target right glute-med\n    pivot frontal x10\n    retest\n"
    (tmp_path / "plan.prog").write_text(text, encoding="utf-8")
    linted = prog("lint", "--isolated", "plan.prog", cwd=tmp_path)
    assert linted.returncode == 1
    assert linted.stdout.startswith(
        "plan.prog:1:5: P001 error: the first line is indented; a program starts at the left margin"
    )
    assert "Found 1 error in 1 file." in linted.stdout  # nothing knocked on


def test_the_first_statement_indented_under_a_comment_is_the_same_error(tmp_path: Path) -> None:
    text = "# plan\n    pivot frontal x10\n    retest\n"
    (tmp_path / "plan.prog").write_text(text, encoding="utf-8")
    checked = prog("check", "plan.prog", cwd=tmp_path)
    assert checked.returncode == 1
    assert checked.stdout.startswith(
        "plan.prog:2:5: P001 error: the first line is indented; a program starts at the left margin"
    )


def test_lines_indented_under_a_broken_first_line_are_not_called_the_first(
    tmp_path: Path,
) -> None:
    (tmp_path / "plan.prog").write_text("(bad\n  pivot frontal\nretest\n", encoding="utf-8")
    checked = prog("check", "plan.prog", cwd=tmp_path)
    assert checked.returncode == 1
    assert "P001 error: unexpected character `(`" in checked.stdout
    assert "the first line is indented" not in checked.stdout


def test_a_bad_indent_is_reported_on_its_own_line(tmp_path: Path) -> None:
    text = T + "phase fire:\n    pivot frontal x10\n  retest\n"
    (tmp_path / "plan.prog").write_text(text, encoding="utf-8")
    linted = prog("lint", "--isolated", "plan.prog", cwd=tmp_path)
    assert "plan.prog:4:1: P001 error: this line's indentation matches no block" in linted.stdout


def test_an_unindented_phase_body_is_told_to_indent(tmp_path: Path) -> None:
    text = T + "phase fire:\npivot frontal x10\nretest\n"
    (tmp_path / "plan.prog").write_text(text, encoding="utf-8")
    linted = prog("lint", "--isolated", "plan.prog", cwd=tmp_path)
    assert "phase `fire` has no statements: the lines after it are not indented" in linted.stdout
    assert "indent the lines that belong to `phase fire` by 4 spaces" in linted.stdout
    ran = prog("run", "plan.prog", cwd=tmp_path)
    assert "(no phase)" in ran.stdout
    assert "come after `phase fire:` but are not indented under it" in ran.stdout


def test_the_repository_examples_lint_clean_and_are_formatted() -> None:
    assert prog("lint", "examples").returncode == 0
    checked = prog("fmt", "--check", "examples/")
    assert checked.returncode == 0, checked.stderr
    assert "would reformat" not in checked.stderr
    # The one-liner keeps its one line because the settings say so (fmt-exclude); named
    # on its own it is still formatted, and --isolated ignores the settings.
    assert prog("fmt", "--check", "--isolated", "examples/").returncode == 1


def test_a_nul_byte_is_shown_visibly_never_raw(tmp_path: Path) -> None:
    (tmp_path / "plan.prog").write_bytes(b"target right glute-med\npivot fr\x00ontal\nretest\n")
    linted = prog("lint", "--isolated", "plan.prog", cwd=tmp_path)
    assert linted.returncode == 1
    assert "\x00" not in linted.stdout
    assert "2 | pivot fr\u2400ontal" in linted.stdout
    caret = next(line for line in linted.stdout.splitlines() if line.endswith("^"))
    assert caret.index("^") == linted.stdout.splitlines()[2].index("\u2400")
    assert "invisible control character (shown as `\u2400`)" in linted.stdout


def test_more_outcomes_than_retests_is_a_warning_naming_the_unused(tmp_path: Path) -> None:
    (tmp_path / "plan.prog").write_text(T + "pivot frontal x10\nretest\n", encoding="utf-8")
    for extra in ([], ["--json"]):
        ran = prog("run", "plan.prog", "--outcomes", "better,same,worse", *extra, cwd=tmp_path)
        assert ran.returncode == 0
        assert ran.stderr == (
            "prog: warning: 3 outcomes were given but the program has 1 retest; the last 2 "
            "(same, worse) were not used. Was the list written for another version of the "
            "program?\n"
        )
    exact = prog("run", "plan.prog", "--outcomes", "better", cwd=tmp_path)
    assert exact.stderr == ""


def test_a_file_of_notes_asks_nothing_of_the_patient_and_run_still_shows_the_notes(
    tmp_path: Path,
) -> None:
    (tmp_path / "plan.prog").write_text(T + 'note "rest day"\n', encoding="utf-8")
    linted = prog("lint", "--isolated", "plan.prog", cwd=tmp_path)
    assert linted.returncode == 1
    assert (
        "P110 warning: nothing to run: the file has no movement statement, so `prog run` and "
        "`prog step` have nothing for the patient to do" in linted.stdout
    )
    ran = prog("run", "plan.prog", cwd=tmp_path)
    assert ran.returncode == 0 and 'note "rest day"' in ran.stdout

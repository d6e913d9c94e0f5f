"""Everyday slips get a message that says what to type, with the caret under the slip, and
no knock-on warnings: `prog lint` as a new clinician meets it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dsl.cli import main

T = "target right glute-med\n"
GOLF = "sport golf\n" + T


def lint(tmp_path: Path, text: str) -> tuple[int, str]:
    program = tmp_path / "plan.prog"
    program.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", "--isolated", str(program)])
    return result.exit_code, result.stdout.replace(str(program), "plan.prog")


def shown(output: str) -> list[tuple[str, str, str]]:
    """Each diagnostic as (first line, caret line, help line or "")."""
    out = []
    blocks = output.split("\nplan.prog:")
    for block in blocks:
        lines = block.strip("\n").splitlines()
        if not lines or "Found" in lines[0]:
            continue
        first = lines[0] if lines[0].startswith("plan.prog:") else "plan.prog:" + lines[0]
        caret = next((line for line in lines if line.lstrip(" |").startswith("^")), "")
        help_line = next((line for line in lines if "= help:" in line), "")
        out.append((first, caret.split("| ", 1)[-1], help_line.split("help: ", 1)[-1]))
    return out


SLIPS = [
    (
        'programme "Golfer"\n' + T + "pivot frontal\nretest\n",
        "plan.prog:1:1: P001 error: `programme` does not start a statement; "
        "did you mean `program`?",
        "^^^^^^^^^",
        "type `program`",
    ),
    (
        "target right glute med\npivot frontal\nretest\n",
        "plan.prog:1:14: P001 error: `glute med` is one word here; did you mean `glute-med`?",
        "             ^^^^^^^^^",
        "joined with hyphens",
    ),
    (
        T + "pivot frontal\ndriver right hand overhead-left\nretest\n",
        "plan.prog:3:8: P001 error: `right hand` is one word here; did you mean `right-hand`?",
        "       ^^^^^^^^^^",
        "joined with hyphens",
    ),
    (
        T + "pivot frontal\ndriver right-hand overhead left\nretest\n",
        "plan.prog:3:19: P001 error: `overhead left` is one word here; "
        "did you mean `overhead-left`?",
        "                  ^^^^^^^^^^^^^",
        "joined with hyphens",
    ),
    (
        T + "pivot frontal\nretest single leg squat\n",
        "plan.prog:3:8: P001 error: `single leg squat` is one word here; "
        "did you mean `single-leg-squat`?",
        "       ^^^^^^^^^^^^^^^^",
        "joined with hyphens",
    ),
    (
        T + "pivot frontal\ndriver right\u2013hand overhead-left\nretest\n",
        "plan.prog:3:13: P001 error: `\u2013` is an en dash; type `-`",
        "            ^",
        "type `-` instead",
    ),
    (
        T + "pivot frontal\ndriver right\u2014hand overhead-left\nretest\n",
        "plan.prog:3:13: P001 error: `\u2014` is an em dash; type `-`",
        "            ^",
        "type `-` instead",
    ),
    (
        "program \u201cGolfer\u201d\n" + T + "pivot frontal\nretest\n",
        'plan.prog:1:9: P001 error: `\u201c` is a curly quote; type `"`',
        "        ^^^^^^^^",
        'type `"` instead',
    ),
    (
        T + "pivot frontal 3 x 8\nretest\n",
        "plan.prog:2:15: P001 error: a dose is one word: `3x8`, not `3 x 8`",
        "              ^^^^^",
        "write a dose without spaces",
    ),
    (
        "sport golf right-handed\n" + T + "function golf.backswing\nretest\n",
        "plan.prog:1:12: P001 error: `right-handed` is written `handed right` after the "
        "sport's name",
        "           ^^^^^^^^^^^^",
        "`sport NAME handed right`",
    ),
]


@pytest.mark.parametrize(("text", "first", "caret", "help_text"), SLIPS, ids=lambda v: v[:18])
def test_a_slip_says_what_to_type(tmp_path, text, first, caret, help_text):
    code, output = lint(tmp_path, text)
    assert code == 1
    found = shown(output)
    assert len(found) == 1, output  # one slip, one diagnostic: nothing knocked on
    assert found[0][0] == first
    assert found[0][1] == caret
    assert help_text in found[0][2]


def test_a_broken_target_line_adds_no_missing_target_warning(tmp_path):
    code, output = lint(tmp_path, "target right\npivot frontal\nretest\n")
    assert code == 1
    assert "P001" in output
    assert "P101" not in output


def test_a_broken_sport_line_adds_no_sport_not_on_error(tmp_path):
    text = "sport golf handed\n" + T + "function golf.backswing\ndriver left-hand golf.swing\n"
    code, output = lint(tmp_path, text + "retest\n")
    assert code == 1
    assert [d[0].split(": ")[1] for d in shown(output)] == ["P001 error"]
    assert "P003" not in output


def test_a_slip_mended_is_checked_as_meant(tmp_path):
    """After `glute med`, the rest is checked as if `glute-med` was typed: a real problem
    further down is still found, and nothing else."""
    text = "target right glute med\npivot frontl\nretest\n"
    _, output = lint(tmp_path, text)
    assert [d[0].split(": ")[1] for d in shown(output)] == ["P001 error", "P002 error"]
    assert "did you mean `frontal`?" in output


def test_an_unknown_join_is_not_suggested(tmp_path):
    code, output = lint(tmp_path, T + "pivot frontal\ndriver right hund overhead-left\nretest\n")
    assert code == 1
    assert "right-hund" not in output
    assert "P002" not in output  # the line is left out, not guessed at

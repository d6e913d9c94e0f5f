"""`prog export --format csv`: one row per step, in a fixed column order, with the figures
`prog run --json` gives for the same answers; a file written for a spreadsheet."""

from __future__ import annotations

import codecs
import csv
import io

import pytest

from dsl.session_log import read
from tests.export.conftest import GOLFER_ANSWERS, GOLFER_KEYS, LEFT_ANSWERS, LEFT_KEYS

COLUMNS = [
    "n", "phase", "line", "op", "text", "instruction", "dose",
    "sagittal", "frontal", "transverse", "favorable", "advantage", "test", "outcome",
    "note", "file", "progress", "why", "exercise",
]  # fmt: skip


def parsed(text: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert reader.fieldnames == COLUMNS
    return list(reader)


def assert_rows_match_trace(rows: list[dict[str, str]], trace: dict) -> None:
    assert len(rows) == len(trace["steps"])
    for row, step in zip(rows, trace["steps"], strict=True):
        assert int(row["n"]) == step["n"]
        assert row["phase"] == (step["phase"] or "")
        assert int(row["line"]) == step["line"]
        assert (row["op"], row["text"]) == (step["op"], step["text"])
        for plane, value in step["drive"].items():
            assert float(row[plane]) == round(value, 2)
        assert row["favorable"].split() == step["favorable"]
        assert int(row["advantage"]) == step["advantage"]
        assert row["test"] == step.get("test", "")
        assert row["outcome"] == step.get("outcome", "")
        assert row["note"] == step.get("note", "")
        # the patient's words, as `prog run` tells them
        assert row["instruction"] == step["instruction"]
        for key in ("dose", "progress", "why"):
            assert row[key] == step.get(key, "")


@pytest.mark.parametrize("program", ["golfer.prog", "left-hip.prog"])
def test_rows_are_the_steps_of_prog_run(clinic, program):
    done = clinic.export(program, "--format", "csv")
    assert done.exit_code == 0, done.stderr
    assert not done.stdout.startswith("\ufeff")  # stdout goes to tools: no BOM
    assert done.stdout_bytes.count(b"\r\n") == len(done.stdout.splitlines())  # RFC 4180
    rows = parsed(done.stdout)
    assert_rows_match_trace(rows, clinic.trace(program, []))
    assert {row["outcome"] for row in rows if row["op"] == "retest"} == {"unrecorded"}


@pytest.mark.parametrize(
    ("program", "keys", "answers"),
    [("golfer.prog", GOLFER_KEYS, GOLFER_ANSWERS), ("left-hip.prog", LEFT_KEYS, LEFT_ANSWERS)],
)
def test_with_a_session_rows_carry_its_outcomes(clinic, program, keys, answers):
    log = clinic.session(program, keys)
    done = clinic.export(program, "--format", "csv", "--session", log)
    assert done.exit_code == 0, done.stderr
    rows = parsed(done.stdout)
    trace = clinic.trace(program, answers)
    # the steps the session reached (a session stopped early has done no more), as on the
    # handout made from the same log
    trace["steps"] = trace["steps"][: read(log).done]
    assert_rows_match_trace(rows, trace)
    answered = [row["outcome"] for row in rows if row["op"] == "retest"][: len(answers)]
    assert answered == answers


def test_doses_are_the_base_movements_in_force(clinic):
    rows = parsed(clinic.export("golfer.prog", "--format", "csv").stdout)
    assert [row["dose"] for row in rows[:5]] == ["10 times"] * 4 + ["3 sets of 8"]
    assert {row["dose"] for row in rows[4:]} == {"3 sets of 8"}  # drivers, tapers: still 3x8
    assert rows[10]["op"] == "undo" and "undone" in rows[10]["why"]
    assert [row["progress"] for row in rows if row["op"] == "taper"] == [
        "1 of 3",
        "2 of 3",
        "3 of 3",
    ]


def test_a_file_for_a_spreadsheet_starts_with_a_bom_and_reads_back(clinic):
    out = clinic.folder / "golfer.csv"
    done = clinic.export("golfer.prog", "--format", "csv", "-o", str(out))
    assert (done.exit_code, done.stdout) == (0, "")
    data = out.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    rows = parsed(data.decode("utf-8-sig"))
    assert rows == parsed(clinic.export("golfer.prog", "--format", "csv").stdout)


def test_a_note_that_looks_like_a_formula_is_not_one(clinic, cli):
    program = clinic.folder / "formula.prog"
    program.write_text('pivot frontal x10\nnote "=HYPERLINK(1)"\nretest\n', encoding="utf-8")
    rows = parsed(cli("export", str(program), "--format", "csv").stdout)
    assert rows[1]["note"] == "'=HYPERLINK(1)"
    assert float(rows[1]["frontal"]) == 3.0


def test_steps_from_an_included_file_name_it(clinic, cli):
    (clinic.folder / "lib.prog").write_text(
        "define warm-up:\n    pivot sagittal x10\n", encoding="utf-8"
    )
    program = clinic.folder / "main.prog"
    program.write_text('include "lib.prog"\nuse warm-up\nretest\n', encoding="utf-8")
    rows = parsed(cli("export", str(program), "--format", "csv").stdout)
    trace = clinic.trace("main.prog", [])
    assert [row["file"] for row in rows] == [step.get("file", "") for step in trace["steps"]]
    assert [(row["op"], row["line"]) for row in rows] == [("pivot", "2"), ("retest", "3")]
    assert rows[0]["file"].endswith("lib.prog")

"""A session log is input like any other: a damaged header is a clear error naming its
line, a damaged or crafted step is a damaged line with its number, and the report never
calls a log complete when an answer may be missing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.robust.run import prog

OK = "pivot frontal; retest\n"


@pytest.fixture
def logged(tmp_path: Path) -> Path:
    """A folder with `ok.prog` and `s.jsonl`: its session, stepped to the end."""
    (tmp_path / "ok.prog").write_text(OK, encoding="utf-8")
    done = prog("step", "ok.prog", "--log", "s.jsonl", cwd=tmp_path, stdin="\nb\n")
    assert done.returncode == 0, done.stderr
    return tmp_path


def lines(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / "s.jsonl").read_text().splitlines()]


def rewrite(folder: Path, records: list[dict]) -> None:
    text = "".join(json.dumps(record) + "\n" for record in records)
    (folder / "s.jsonl").write_text(text, encoding="utf-8")


def report(folder: Path) -> dict:
    done = prog("report", "s.jsonl", "--json", cwd=folder)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_whole_session_is_complete(logged: Path) -> None:
    data = report(logged)
    assert data["complete"] is True
    assert data["damaged_lines"] == []


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("includes", 5, "`includes` should be a list"),
        ("includes", [5], "each of `includes` should be an object"),
        ("vocabulary", [], "`vocabulary` should be an object"),
        ("vocabulary", {"golf": 1}, "the version of `golf` in `vocabulary` should be a text"),
        ("trace", "x", "`trace` should be an object"),
        ("program", 7, "`program` should be a text"),
    ],
)
@pytest.mark.parametrize("command", [("report",), ("step", "ok.prog", "--resume")])
def test_a_damaged_header_is_an_error_naming_line_1(
    logged: Path, command: tuple[str, ...], field: str, value: object, problem: str
) -> None:
    records = lines(logged)
    records[0][field] = value
    rewrite(logged, records)
    done = prog(*command, "s.jsonl", cwd=logged)
    assert done.returncode == 2
    assert f"s.jsonl:1: the session log's header is damaged: {problem}" in done.stderr


def test_prog_session_true_is_not_a_header(logged: Path) -> None:
    records = lines(logged)
    records[0]["prog_session"] = True
    rewrite(logged, records)
    done = prog("report", "s.jsonl", cwd=logged)
    assert done.returncode == 2
    assert "is not a prog session log (line 1 is not its header)" in done.stderr


@pytest.mark.parametrize(
    "change",
    [
        {"n": 0},
        {"n": -3},
        {"n": True},
        {"n": 1.5},
        {"tweaks": 5},
        {"tweaks": [{"kind": 1}]},
        {"disadvantaged": "adduction"},
        {"base": 3},
        {"op": None},
    ],
    ids=repr,
)
def test_a_crafted_step_is_a_damaged_line_and_loses_no_answer(logged: Path, change: dict) -> None:
    records = lines(logged)
    crafted = {"event": "step", "step": {**records[1]["step"], **change}}
    rewrite(logged, [*records[:-1], crafted, records[-1]])  # just before the end line
    data = report(logged)
    assert data["damaged_lines"] == [4]
    assert [r["outcome"] for r in data["retests"]] == ["better"]  # the answer is kept
    assert data["complete"] is False


@pytest.mark.parametrize("n", [0, True, "2"])
def test_a_crafted_retraction_is_a_damaged_line(logged: Path, n: object) -> None:
    records = lines(logged)
    rewrite(logged, [*records[:-1], {"event": "retract", "n": n}, records[-1]])
    data = report(logged)
    assert data["damaged_lines"] == [4]
    assert [r["outcome"] for r in data["retests"]] == ["better"]


def test_a_damaged_line_makes_the_report_incomplete(logged: Path) -> None:
    text = (logged / "s.jsonl").read_text().splitlines()
    text.insert(2, '{"event":"step","step":{"n":2,"op":"ret')  # a write cut short
    (logged / "s.jsonl").write_text("\n".join(text) + "\n")
    data = report(logged)
    assert data["damaged_lines"] == [3]
    assert data["complete"] is False


def test_a_missing_step_makes_the_report_incomplete(logged: Path) -> None:
    records = lines(logged)
    del records[1]  # step 1 lost; step 2 and the end are there
    rewrite(logged, records)
    data = report(logged)
    assert data["damaged_lines"] == []
    assert data["complete"] is False

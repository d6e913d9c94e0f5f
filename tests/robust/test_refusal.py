"""Refusal in proportion to the limit, not to the input: the over-100,000-steps error is
found from the text before parsing, and no diagnostic repeats more than an excerpt of a
long word or line. (Time is measured in bench/refusals.py, never asserted here.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dsl import api
from dsl.api import load_text
from dsl.diagnostics import MAX_ECHO, bounded
from dsl.step_ceiling import over_ceiling
from tests.robust.run import prog

MIB = 1024 * 1024


def test_a_5_mb_line_of_retest_is_refused_at_its_100_001st_statement(tmp_path: Path) -> None:
    (tmp_path / "line.prog").write_bytes(b"retest;" * (5 * MIB // 7 - 16))
    done = prog("check", "line.prog", cwd=tmp_path)
    assert done.returncode == 1
    assert "line.prog:1:700001: P005 error: the program expands to more than 100,000 steps" in (
        done.stdout
    )
    assert len(done.stdout) < 1000  # an excerpt of the line, not the line


def test_200_000_lines_are_refused_at_line_100_001(tmp_path: Path) -> None:
    (tmp_path / "lines.prog").write_bytes(b"retest\n" * 200_000)
    done = prog("lint", "--format", "json", "lines.prog", cwd=tmp_path)
    assert done.returncode == 1
    [found] = json.loads(done.stdout)
    assert (found["code"], found["line"], found["col"]) == ("P005", 100_001, 1)


def test_the_ceiling_is_found_without_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api, "parse", lambda source: pytest.fail("parsed a refused program"))
    loaded = load_text("phase long:\n" + "    pivot frontal x10; retest\n" * 50_001)
    assert [(d.code, d.span.line) for d in loaded.diagnostics] == [("P005", 50_002)]
    assert not loaded.ok


def test_exactly_100_000_statements_are_left_to_the_checker() -> None:
    assert over_ceiling("retest\n" * 100_000, "t.prog") is None
    assert over_ceiling("retest\n" * 100_001, "t.prog") is not None


@pytest.mark.parametrize(
    "padding",
    [
        'program "; retest; retest"\n',  # inside a string
        "# ; retest; retest\n",  # inside a comment
        "define d:\n" + "    retest\n" * 3,  # a define that is never used
        "define d: retest; retest; retest\n",
        "retested\n",  # not the keyword
    ],
)
def test_only_statements_outside_defines_count(padding: str) -> None:
    """Text that holds no step is never counted: with it, a program of exactly 100,000
    steps is still left to the checker, and one more step is refused."""
    text = padding * 3 + "retest\n" * 100_000
    assert over_ceiling(text, "t.prog") is None
    assert over_ceiling(text + "retest\n", "t.prog") is not None


def test_a_5_mb_unknown_word_gives_a_short_message(tmp_path: Path) -> None:
    (tmp_path / "word.prog").write_bytes(b"pivot " + b"a" * (5 * MIB - 64) + b"\nretest\n")
    text = prog("check", "word.prog", cwd=tmp_path)
    assert text.returncode == 1
    assert "P002 error: unknown plane `" + "a" * MAX_ECHO + "…`" in text.stdout
    assert len(text.stdout) < 1000
    as_json = prog("lint", "--format", "json", "word.prog", cwd=tmp_path)
    assert len(as_json.stdout) < 5000
    messages = [d["message"] for d in json.loads(as_json.stdout)]
    assert all(len(message) < 200 for message in messages)


@pytest.mark.parametrize("output", ["github", "sarif"])
def test_every_format_stays_short_on_a_long_line(tmp_path: Path, output: str) -> None:
    (tmp_path / "long.prog").write_bytes(b"pivot frontal; " * 40_000 + b"foo bar\n")
    done = prog("lint", "--format", output, "long.prog", cwd=tmp_path)
    assert done.returncode == 1
    assert "foo" in done.stdout  # the error is reported...
    assert "pivot frontal; " * 8 not in done.stdout  # ...without the line around it


LONG = "w" * (MAX_ECHO + 1)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (f"unknown plane `{LONG}` here", f"unknown plane `{'w' * MAX_ECHO}…` here"),
        (f"a tab\t{LONG}\tbetween", f"a tab\t{'w' * MAX_ECHO}…\tbetween"),
        (f"a line\n{LONG}\nend", f"a line\n{'w' * MAX_ECHO}…\nend"),
        ("`" + "w" * MAX_ECHO + "`" + "x" * MAX_ECHO + "` stays: no word is too long", None),
        ("words " * 20 + "w" * MAX_ECHO, None),
    ],
    ids=["backticks", "tabs", "line-ends", "backticks-split", "short-words"],
)
def test_a_message_repeats_an_excerpt_of_a_long_word_only(text: str, shown: str | None) -> None:
    """`bounded` cuts a word (a run without spaces, tabs, line ends or backticks) of more
    than MAX_ECHO characters, whatever separates it; a message of short words is as it was."""
    assert bounded(text) == (shown if shown is not None else text)

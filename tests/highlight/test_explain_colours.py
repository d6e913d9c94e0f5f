"""`prog explain` shows its example programs coloured by the prog lexer on a terminal, and
the same words plain on a pipe or with NO_COLOR (without importing Pygments at all)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pexpect

ANSI = re.compile(r"\x1b\[[0-9;]*m")
PROG = os.path.join(os.path.dirname(sys.executable), "prog")
# rich's ANSI theme for a keyword (bright blue) and a vocabulary word (bright cyan).
KEYWORD, VOCABULARY = "\x1b[94m", "\x1b[96m"


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return {**env, "TERM": "xterm-256color", "COLUMNS": "100", **extra}


def on_a_terminal(*args: str, **extra: str) -> str:
    child = pexpect.spawn(
        PROG,
        list(args),
        env=environment(**extra),
        encoding="utf-8",
        timeout=120,
        dimensions=(60, 100),
    )
    child.expect(pexpect.EOF)
    return child.before.replace("\r\n", "\n")


def good_example(text: str) -> list[str]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if ANSI.sub("", line) == "Good")
    return lines[start + 1 :]


def test_examples_are_coloured_on_a_terminal() -> None:
    shown = on_a_terminal("explain", "P102")
    example = good_example(shown)
    driver = next(line for line in example if "driver" in line)
    assert driver.startswith("    ")
    assert f"{KEYWORD}driver" in driver
    assert f"{VOCABULARY}right-hand" in driver and f"{VOCABULARY}overhead-left" in driver
    assert [ANSI.sub("", line) for line in example][:3] == [
        "    target right glute-med",
        "    pivot sagittal x10",
        "    retest single-leg-squat",
    ]


def test_examples_are_plain_with_no_color() -> None:
    shown = on_a_terminal("explain", "P102", NO_COLOR="1")
    assert ANSI.search(shown) is None
    assert "    driver right-hand overhead-left" in good_example(shown)


def test_examples_are_plain_on_a_pipe_and_pygments_stays_unloaded() -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "dsl", "explain", "P102"],
        env=environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert ANSI.search(result.stdout) is None
    assert "    driver right-hand overhead-left" in good_example(result.stdout)
    assert "pygments" not in result.stderr

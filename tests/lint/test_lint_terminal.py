"""Diagnostics in colour on a terminal, plain text on a pipe or with NO_COLOR: the same
words either way (the pre-commit hook and the CI log read the plain ones)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pexpect

ANSI = re.compile(r"\x1b\[[0-9;]*m")
PROG = os.path.join(os.path.dirname(sys.executable), "prog")


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return {**env, "TERM": "xterm", "COLUMNS": "200", **extra}


def on_a_terminal(program: Path, **extra: str) -> str:
    child = pexpect.spawn(
        PROG,
        ["lint", "--isolated", str(program)],
        env=environment(**extra),
        encoding="utf-8",
        timeout=120,
        dimensions=(40, 200),
    )
    child.expect(pexpect.EOF)
    return child.before.replace("\r\n", "\n")


def on_a_pipe(program: Path, **extra: str) -> str:
    return subprocess.run(
        [PROG, "lint", "--isolated", str(program)],
        env=environment(**extra),
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout


def test_colour_on_a_terminal_plain_elsewhere_and_the_same_words(tmp_path: Path) -> None:
    program = tmp_path / "plan.prog"
    program.write_text("target right glute-med\npivot frontl x10\nretest\n", encoding="utf-8")
    coloured = on_a_terminal(program)
    plain = on_a_pipe(program)
    assert ANSI.search(coloured)
    assert "\x1b[" not in plain
    assert "plan.prog:2:7: P002 error: unknown plane `frontl`; did you mean `frontal`?" in plain
    assert ANSI.sub("", coloured).strip() == plain.strip()
    assert "\x1b[" not in on_a_terminal(program, NO_COLOR="1")
    assert ANSI.search(on_a_pipe(program, FORCE_COLOR="1"))

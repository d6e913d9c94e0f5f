"""Fixtures for the `prog step` tests: a program with a `try`, a taper and an include, and a
`prog` that runs as a real process (through a pipe or a pseudo-terminal)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from dsl.session_log import Recorded, read

LIBRARY = """\
define warm-up:
    pivot sagittal x10
    pivot transverse x10
"""

PROGRAM = """\
program "Knee-saver — right glute med"
target right glute-med
include "lib.prog"

phase fire:
    use warm-up
    pivot frontal x10
    retest single-leg-squat

phase specific:
    driver right-hand overhead-left
    retest
    try until better:
        foot right narrow
        foot right forward
        foot right turned-in
    note "keep the knee over the second toe"

phase carryover:
    taper all over 2
    retest
    disadvantage adduction
    retest
"""

TIMEOUT = 30  # seconds; generous, the machine is shared


class Prog:
    """`prog` run as a separate process in the folder of the test program."""

    # Answers for PROGRAM that reach every path: the `try` undoes twice, then keeps.
    answers = ("better", "same", "worse", "same", "better", "better", "worse")
    timeout = TIMEOUT

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "200"}

    @property
    def argv(self) -> list[str]:
        return [sys.executable, "-m", "dsl"]

    def __call__(self, *args: str, input: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.argv, *args],
            input=input,
            capture_output=True,
            text=True,
            cwd=self.folder,
            env=self.env,
            timeout=TIMEOUT * 4,
        )

    def trace(self, answers: Sequence[str]) -> list[dict]:
        """The steps `prog run --outcomes … --json` gives for these answers, without the
        patient's words that `prog run` adds (a session log keeps the trace's own keys)."""
        outcomes = ["--outcomes", ",".join(answers)] if answers else []
        done = self("run", "prog.prog", *outcomes, "--json")
        assert done.returncode == 0, done.stderr
        words = ("instruction", "dose", "progress", "why")
        steps = json.loads(done.stdout)["steps"]
        assert all("instruction" in step for step in steps)
        return [{k: v for k, v in step.items() if k not in words} for step in steps]

    def log(self, name: str = "session.jsonl") -> Recorded:
        return read(str(self.folder / name))

    @staticmethod
    def typed(steps: list[dict]) -> str:
        """What a clinician types to walk these steps: Enter, or the retest's answer."""
        return "".join((s["outcome"][0] if s["op"] == "retest" else "") + "\n" for s in steps)


@pytest.fixture
def prog(tmp_path: Path) -> Prog:
    (tmp_path / "lib.prog").write_text(LIBRARY, encoding="utf-8")
    (tmp_path / "prog.prog").write_text(PROGRAM, encoding="utf-8")
    return Prog(tmp_path)

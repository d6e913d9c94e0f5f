"""Fixtures for `prog export`: example programs in a temporary folder, sessions of them made
by `prog step` itself, and the trace `prog run --json` gives for the same answers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES


class Clinic:
    """A folder with the examples, and `prog` run in-process on them."""

    def __init__(self, folder: Path, cli) -> None:
        self.folder = folder
        self.cli = cli
        for name in ("golfer.prog", "left-hip.prog"):
            shutil.copy(EXAMPLES / name, folder / name)

    def path(self, name: str) -> str:
        return str(self.folder / name)

    def export(self, program: str, *args: str):
        return self.cli("export", self.path(program), *args)

    def trace(self, program: str, answers: list[str]) -> dict:
        """What `prog run --outcomes … --json` prints for these answers."""
        outcomes = ["--outcomes", ",".join(answers)] if answers else []
        done = self.cli("run", self.path(program), *outcomes, "--json")
        assert done.exit_code == 0, done.stderr
        return json.loads(done.stdout)

    def session(self, program: str, keys: list[str], name: str = "session.jsonl") -> str:
        """Step through `program` with `prog step --log`, typing `keys` (Enter is "")."""
        log = self.path(name)
        done = self.cli("step", self.path(program), "--log", log, input="\n".join(keys) + "\n")
        assert done.exit_code == 0, done.output
        return log


@pytest.fixture
def clinic(tmp_path: Path, cli) -> Clinic:
    return Clinic(tmp_path, cli)


# Answers typed at the golfer's retests, then `q`: the first `try` alternative is worse
# (taken off), the second is better (kept); the session stops before the taper ends.
GOLFER_KEYS = ["", "", "", "b", "", "", "", "s", "", "w", "", "", "b", "", "q"]
GOLFER_ANSWERS = ["better", "same", "worse", "better"]
# The left hip: every retest answered, every `try` alternative same, so all are taken off.
LEFT_KEYS = ["", "", "b", "", "b", "", "s", "", "", "s", "", "", "s", "", "", "", "", "b", "", "w"]
LEFT_ANSWERS = ["better", "better", "same", "same", "same", "better", "worse"]

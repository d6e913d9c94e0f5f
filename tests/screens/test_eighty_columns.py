"""Every screen read in an 80-column terminal: nothing wider, no number or word broken.

Each command runs on a real pseudo-terminal 80 columns wide, and again through a pipe (where
nothing is wrapped). Every word on the terminal must be a word of the piped text: a number
split as `+2.` / `00`, or a word as `wi` / `th`, or one cut short with `…`, would not be.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
BOX = re.compile(r"[│┃━─┏┓┗┛┡┩┣┫╇╋┳┻┯┷┼┠┨┌┐└┘├┤┬┴╸╺]+")


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "FORCE_COLOR")}
    return {**env, "TERM": "xterm", "NO_COLOR": "1"}


def on_a_terminal(folder: Path, *args: str, keys: str = "") -> str:
    seen = io.StringIO()
    child = pexpect.spawn(
        sys.executable,
        ["-m", "dsl", *args],
        cwd=str(folder),
        env=environment(),
        encoding="utf-8",
        timeout=60,
        dimensions=(200, 80),
    )
    child.logfile_read = seen
    for key in keys.split("\n")[:-1] if keys else []:
        child.expect_exact(") > ")
        child.sendline(key)
    child.expect(pexpect.EOF)
    child.close()
    return ANSI.sub("", seen.getvalue()).replace("\r", "")


def on_a_pipe(folder: Path, *args: str, keys: str = "") -> str:
    done = subprocess.run(
        [sys.executable, "-m", "dsl", *args],
        cwd=folder,
        env=environment(),
        input=keys,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done.stdout


def words(text: str) -> set[str]:
    return set(BOX.sub(" ", text).split())


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(EXAMPLES / "golfer.prog", tmp_path)
    return tmp_path


GOLFER_KEYS = "\n\n\ns\n\n\n\ns\n\nb\n\n\n\nb\n\nb\n"

SCREENS = {
    "run": (["run", "golfer.prog", "--outcomes", "same,same,better,better,better"], ""),
    "step": (["step", "golfer.prog", "--no-log"], GOLFER_KEYS),
    "vocab": (["vocab"], ""),
    "explain": (["explain", "P102"], ""),
    "explain-list": (["explain"], ""),
    "help": (["--help"], ""),
    "step-help": (["step", "--help"], ""),
}


@pytest.mark.parametrize("screen", SCREENS)
def test_a_screen_at_80_columns_breaks_no_word(folder: Path, screen: str) -> None:
    args, keys = SCREENS[screen]
    shown = on_a_terminal(folder, *args, keys=keys)
    piped = on_a_pipe(folder, *args, keys=keys)
    lines = shown.splitlines()
    assert len(lines) > 3
    assert max(len(line.rstrip()) for line in lines) <= 80
    assert "…" not in shown
    assert "..." not in shown.replace("[ARGS]...", "")
    broken = words(shown) - words(piped)
    assert not broken, f"split or cut at 80 columns: {sorted(broken)[:10]}"


def test_the_report_of_a_session_at_80_columns(folder: Path) -> None:
    on_a_pipe(folder, "step", "golfer.prog", "--log", "golfer.jsonl", keys=GOLFER_KEYS)
    shown = on_a_terminal(folder, "report", "golfer.jsonl")
    piped = on_a_pipe(folder, "report", "golfer.jsonl")
    assert "foot right narrow" in shown
    assert max(len(line.rstrip()) for line in shown.splitlines()) <= 80
    assert "…" not in shown
    assert not words(shown) - words(piped)
    assert all(line == line.rstrip() for line in piped.splitlines())
    assert max(len(line) for line in piped.splitlines()) < 165


def test_explain_uses_the_whole_width_of_a_wide_terminal(folder: Path) -> None:
    child = pexpect.spawn(
        sys.executable,
        ["-m", "dsl", "explain", "P102"],
        env=environment(),
        encoding="utf-8",
        timeout=60,
        dimensions=(200, 140),
    )
    child.expect(pexpect.EOF)
    lines = ANSI.sub("", child.before).replace("\r", "").splitlines()
    assert max(len(line.rstrip()) for line in lines) > 100  # not held at 88 or 80


def test_the_step_prompt_and_help_list_the_keys(folder: Path) -> None:
    shown = on_a_terminal(folder, "step", "golfer.prog", "--no-log", keys="q\n")
    assert "(Enter next, u take back, q stop, ? keys) >" in shown
    help_text = " ".join(on_a_pipe(folder, "step", "--help").split())
    for key in ("Enter next step", "b, s, w at a retest: better, same, worse", "u take back"):
        assert key in help_text
    assert "? these keys again" in help_text


def test_top_level_help_gives_each_command_whole(folder: Path) -> None:
    text = " ".join(on_a_terminal(folder, "--help").split())
    assert "..." not in text[text.index("Commands:") :]
    assert "What diagnostic CODE means, why it matters and how to fix it (no CODE: list all)." in (
        text
    )
    assert "The plugins found, their version, API version, package and any load failure." in text

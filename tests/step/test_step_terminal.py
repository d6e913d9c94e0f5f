"""`prog step` on a real pseudo-terminal: what the clinician sees, Ctrl-C, a killed process,
and a resume that ends with exactly the trace of an uninterrupted session."""

from __future__ import annotations

import re
import signal
import sys

import pexpect
import pytest

from dsl.stepping import NEXT_PROMPT, RETEST_PROMPT

LOG = "session.jsonl"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def plain(text: str) -> str:
    """Terminal output without escape sequences or carriage returns."""
    return ANSI.sub("", text).replace("\r", "")


@pytest.fixture
def terminal(prog):
    """Start `prog step prog.prog ARGS…` on a pseudo-terminal; every child is closed after."""
    children: list[pexpect.spawn] = []

    def start(*args: str) -> pexpect.spawn:
        child = pexpect.spawn(
            sys.executable,
            ["-m", "dsl", "step", "prog.prog", *args],
            cwd=str(prog.folder),
            env=prog.env,
            encoding="utf-8",
            timeout=prog.timeout,
            dimensions=(50, 200),
        )
        children.append(child)
        return child

    yield start
    for child in children:
        child.close(force=True)


def walk(child: pexpect.spawn, steps: list[dict]) -> None:
    """Answer each step as the clinician would, after seeing it on the screen."""
    for step in steps:
        retest = step["op"] == "retest"
        child.expect_exact(RETEST_PROMPT if retest else NEXT_PROMPT)
        assert f"{step['n']:>4}  {step['text']}" in plain(child.before)
        child.sendline(step["outcome"][0] if retest else "")


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def test_a_whole_session_on_a_terminal(prog, terminal):
    expected = prog.trace(prog.answers)
    child = terminal("--log", LOG)
    walk(child, expected)
    child.expect_exact(f"End of the program: {len(expected)} steps, 7 answer(s).")
    assert finish(child) == 0
    assert prog.log().steps == expected


def test_hints_on_a_terminal(prog, terminal):
    child = terminal()
    child.expect_exact(NEXT_PROMPT)
    child.sendline("w")
    child.expect_exact("Nothing to answer here: press Enter to go on.")
    child.sendline("x")
    child.expect_exact("`x` means nothing here")
    child.sendline("q")
    child.expect_exact("Stopped before step 1; 0 answer(s) so far.")
    assert finish(child) == 0


@pytest.mark.parametrize("stop_at", [10, 11], ids=["at-a-step", "at-a-retest"])
def test_ctrl_c_keeps_every_answer_and_resume_finishes_the_same(prog, terminal, stop_at):
    expected = prog.trace(prog.answers)
    answered = expected[: stop_at - 1]
    child = terminal("--log", LOG)
    walk(child, answered)
    child.expect_exact(RETEST_PROMPT if expected[stop_at - 1]["op"] == "retest" else NEXT_PROMPT)
    child.sendintr()
    child.expect_exact(f"\nInterrupted before step {stop_at}")  # on a line of its own
    child.expect_exact(f"go on with: prog step prog.prog --resume {LOG}")
    assert finish(child) == 130

    log = prog.log()
    assert log.steps == answered
    assert [o for _, o in log.answers] == [s["outcome"] for s in answered if s["op"] == "retest"]

    child = terminal("--resume", LOG)
    child.expect_exact(f"Going on at step {stop_at}.")
    walk(child, expected[stop_at - 1 :])
    child.expect_exact("End of the program")
    assert finish(child) == 0
    assert prog.log().steps == expected


@pytest.mark.parametrize("end", ["killed", "terminal-closed"])
def test_a_session_cut_off_loses_no_answer_and_resumes(prog, terminal, end):
    expected = prog.trace(prog.answers)
    answered = expected[:8]  # the last one is the retest answered `worse`
    child = terminal("--log", LOG)
    walk(child, answered)
    child.expect_exact(NEXT_PROMPT)  # the next step is on screen: the answer is on disk
    if end == "killed":
        child.kill(signal.SIGKILL)
        child.expect(pexpect.EOF)
        child.close()
        assert child.signalstatus == signal.SIGKILL
    else:
        child.close(force=True)  # the terminal goes away under the session
        assert not child.isalive()

    log = prog.log()
    assert log.steps == answered
    assert log.damaged == []

    child = terminal("--resume", LOG)
    child.expect_exact(
        "Resuming session.jsonl: 8 step(s) done, answers so far: better, same, worse."
    )
    walk(child, expected[8:])
    child.expect_exact("End of the program")
    assert finish(child) == 0
    assert prog.log().steps == expected


def test_take_back_on_a_terminal(prog, terminal):
    first = prog.trace(prog.answers)
    corrected = prog.trace(["worse", *prog.answers[1:]])
    child = terminal("--log", LOG)
    walk(child, first[:4])
    child.expect_exact(NEXT_PROMPT)
    child.sendline("u")
    child.expect_exact("Took back the answer to step 4 (better): asking again.")
    walk(child, corrected[3:])
    child.expect_exact("End of the program")
    assert finish(child) == 0
    assert prog.log().steps == corrected

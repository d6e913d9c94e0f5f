"""Every bundled example runs, and its trace equals the golden file kept beside the tests.

A change in a golden trace is a change in meaning: it shows in review. To accept one on
purpose: `PROG_UPDATE_GOLDEN=1 pytest tests/core/test_examples.py`.
"""

from __future__ import annotations

import json
import os

import pytest

from tests.conftest import EXAMPLES, ROOT

GOLDEN = ROOT / "tests" / "golden"
OUTCOMES = "better,same,worse,better,better,same,worse,better,same,better,better,worse"
PROGRAMS = sorted(p for p in EXAMPLES.glob("*.prog"))


def test_there_are_examples_of_every_kind_the_clinic_needs():
    names = {p.stem for p in PROGRAMS}
    assert {"golfer", "one-liner", "tennis-forehand", "left-hip", "clinic-warmup",
            "whole-method"} <= names


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.stem)
def test_example_trace_matches_golden(program, cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = cli("run", f"examples/{program.name}", "--outcomes", OUTCOMES, "--json")
    assert result.exit_code == 0, result.stderr
    trace = json.loads(result.stdout)
    golden = GOLDEN / f"{program.stem}.json"
    if os.environ.get("PROG_UPDATE_GOLDEN"):
        golden.write_text(json.dumps(trace, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert trace == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.stem)
def test_example_runs_readably(program, cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = cli("run", f"examples/{program.name}", "--outcomes", OUTCOMES)
    assert result.exit_code == 0, result.stderr
    assert "advantage:" in result.stdout and "drive:" in result.stdout


def test_golfer_shows_each_step_of_the_method(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = cli("run", "examples/golfer.prog", "--outcomes", "better,better,same,worse,better")
    out = result.stdout
    for expected in ("phase fire", "phase specific", "phase carryover", "pivot frontal x10",
                     "driver right-hand overhead-left", "retest single-leg-squat  →  better",
                     "taper all over 3", "disadvantage adduction", "at 67%"):
        assert expected in out, expected

"""`prog run` tells each step in the patient's words, and `--chart` draws the drive."""

from __future__ import annotations

import json

from tests.conftest import ROOT


def test_run_shows_the_patients_words_dose_test_taper_and_why(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = cli("run", "examples/golfer.prog", "--outcomes", "better,same,worse,better")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert (
        "patient: Stand on your right leg; swing your left foot out to the side and back "
        "past it. Do it 10 times." in out
    )
    assert "patient: Check your single leg squat: is it better, the same or worse" in out
    assert "Do 3 sets of 8." in out
    for k in (1, 2, 3):
        assert f"patient ({k} of 3): " in out
    assert "why: worse, so undone" in out
    assert "why: trying this: it stays only if it makes things better" in out
    assert "drive: " in out  # the clinician's figures are still there


def test_run_json_adds_the_words_and_keeps_the_trace(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = cli("run", "examples/left-hip.prog", "--outcomes", "better,same,same,better", "--json")
    trace = json.loads(result.stdout)
    first = trace["steps"][0]
    assert first["instruction"] == (
        "Stand on your left leg; swing your right foot out to the side and back past it. "
        "Do it 10 times."
    )
    assert first["dose"] == "10 times" and first["text"] == "pivot frontal x10"
    tapers = [s for s in trace["steps"] if s["op"] == "taper"]
    assert [s["progress"] for s in tapers] == ["1 of 3", "2 of 3", "3 of 3"]
    undo = next(s for s in trace["steps"] if s["op"] == "undo")
    assert undo["why"] == "the same, not better, so undone"


def test_run_chart_draws_the_drive_in_80_columns(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = cli("run", "examples/whole-method.prog", "--chart")
    assert result.exit_code == 0, result.stderr
    chart = result.stdout.split("drive per plane across the steps (−3 … +3)\n", 1)[1]
    lines = chart.splitlines()
    assert lines[0].startswith("phase") and "fir" in lines[0]
    assert [line[:12] for line in lines[1:7:2]] == ["sagittal   +", "frontal    +",
                                                    "transverse +"]
    assert lines[7].startswith("advantage")
    assert all(len(line) <= 80 for line in lines)
    assert "\x1b" not in result.stdout


def test_chart_and_json_together_is_bad_usage(cli):
    result = cli("run", str(ROOT / "examples" / "golfer.prog"), "--chart", "--json")
    assert result.exit_code == 2
    assert "use one of them" in result.stderr

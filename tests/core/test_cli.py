"""`prog run` and `prog check` as a user and a CI job see them: output, streams, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import EXAMPLES, ROOT

GOLFER = str(EXAMPLES / "golfer.prog")


def test_run_json_prints_only_the_trace_on_stdout(cli):
    result = cli("run", GOLFER, "--json", "--outcomes", "b,s,w")
    assert result.exit_code == 0
    trace = json.loads(result.stdout)
    assert trace["program"] == "Golfer — right glute med"
    assert trace["sports"] == [{"name": "golf", "handed": "right"}]
    assert [s["outcome"] for s in trace["steps"] if s["op"] == "retest"][:3] == [
        "better", "same", "worse"
    ]
    assert result.stderr == ""


def test_outcomes_accept_words_and_letters_in_any_case(cli):
    words = cli("run", GOLFER, "--json", "--outcomes", "better,Same,WORSE").stdout
    letters = cli("run", GOLFER, "--json", "--outcomes", "b,s,w").stdout
    assert words == letters


def test_bad_outcome_is_a_usage_error(cli):
    result = cli("run", GOLFER, "--outcomes", "better,maybe")
    assert result.exit_code == 2
    assert "`maybe` is not an outcome" in result.stderr


def test_run_of_a_program_with_errors_shows_them_and_exits_1(cli, tmp_path):
    bad = tmp_path / "bad.prog"
    bad.write_text("pivot frontl x10\n")
    result = cli("run", str(bad), "--json")
    assert result.exit_code == 1
    assert result.stdout == ""
    expected = f"{bad}:1:7: P002 error: unknown plane `frontl`; did you mean `frontal`?"
    assert expected in result.stderr
    assert "1 | pivot frontl x10" in result.stderr
    assert "  |       ^^^^^^" in result.stderr


def test_unreadable_file_exits_2(cli, tmp_path):
    result = cli("run", str(tmp_path / "missing.prog"))
    assert result.exit_code == 2 and "cannot read" in result.stderr
    result = cli("check", str(tmp_path))
    assert result.exit_code == 2


def test_stdin_with_a_dash(cli):
    result = cli("run", "-", "--json", input="pivot frontal\nretest\n")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["file"] == "<stdin>"


def test_check_several_files(cli, tmp_path):
    good = tmp_path / "good.prog"
    good.write_text("target right glute-med\npivot frontal\nretest\n")
    bad = tmp_path / "bad.prog"
    bad.write_text("pivot\nfoot right narow\n")
    result = cli("check", str(good), str(bad))
    assert result.exit_code == 1
    assert f"{bad}:1:6: P001 error" in result.stdout
    assert f"{bad}:2:12: P002 error" in result.stdout
    assert "Found 2 errors in 2 files." in result.stdout
    assert cli("check", str(good)).exit_code == 0


def test_check_reports_only_p0_codes(cli, tmp_path):
    warn = tmp_path / "warn.prog"
    warn.write_text("pivot frontal\ndriver right-hand overhead-left\n")  # P101, P107 in lint
    result = cli("check", str(warn))
    assert result.exit_code == 0 and "P1" not in result.stdout


def _prog(*args: str, env: dict[str, str] | None = None, cwd: str | None = None):
    return subprocess.run(
        [sys.executable, "-m", "dsl", *args], capture_output=True, text=True, timeout=120,
        env={**os.environ, **(env or {})}, cwd=cwd,
    )


def test_python_m_dsl_is_the_same_program_from_any_folder(tmp_path):
    result = _prog("run", GOLFER, "--json", cwd=str(tmp_path))
    assert result.returncode == 0 and json.loads(result.stdout)["steps"]
    assert _prog("--version").stdout.startswith("prog, version")


def test_plain_text_without_a_terminal_and_with_no_color():
    for env in ({}, {"NO_COLOR": "1", "FORCE_COLOR": ""}):
        result = _prog("run", GOLFER, env=env)
        assert result.returncode == 0
        assert "\x1b[" not in result.stdout


def test_console_script_is_installed():
    script = os.path.join(os.path.dirname(sys.executable), "prog")
    result = subprocess.run([script, "run", "examples/one-liner.prog"], capture_output=True,
                            text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0 and "disadvantage adduction" in result.stdout


def test_colour_on_a_terminal_and_plain_text_with_no_color_even_there():
    import pexpect

    script = os.path.join(os.path.dirname(sys.executable), "prog")
    shown = {}
    for label, extra in (("colour", {}), ("plain", {"NO_COLOR": "1"})):
        env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
        child = pexpect.spawn(script, ["run", GOLFER], env={**env, "TERM": "xterm", **extra},
                              encoding="utf-8", timeout=120)
        child.expect(pexpect.EOF)
        shown[label] = child.before
    assert "\x1b[" in shown["colour"]
    assert "\x1b[" not in shown["plain"] and "pivot frontal x10" in shown["plain"]

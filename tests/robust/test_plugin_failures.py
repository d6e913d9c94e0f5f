"""A plugin that fails to load is off: its words are unknown and its rules do not run. So
`prog lint` and `prog check` report it as a P004 on the run, in every output format, and
exit 1, unless the project's settings leave that plugin out. Nothing a plugin prints, at
import or in a rule, reaches standard output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.robust.plugins import install
from tests.robust.run import prog

PROGRAM = "target right glute-med\npivot frontal\nretest\n"
BROKEN = "the plugin `broken` raised RuntimeError: kaput; its words and rules are off"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder with a clean program, and a plugin `broken` that raises at import."""
    module = install(tmp_path / "site", "broken", "yield from ()")
    module.write_text(module.read_text() + "\nraise RuntimeError('kaput')\n")
    (tmp_path / "ok.prog").write_text(PROGRAM, encoding="utf-8")
    return tmp_path


def run(folder: Path, *args: str, env: dict[str, str] | None = None):
    return prog(*args, cwd=folder, env={"PYTHONPATH": str(folder / "site"), **(env or {})})


def test_lint_text_reports_it_on_the_run(project: Path) -> None:
    done = run(project, "lint", "ok.prog")
    assert done.returncode == 1
    assert f"<plugins>:1:1: P004 error: {BROKEN}" in done.stdout
    assert "Found 1 error in 1 file." in done.stdout


def test_lint_json_is_no_longer_empty(project: Path) -> None:
    done = run(project, "lint", "--format", "json", "ok.prog")
    assert done.returncode == 1
    assert [(d["file"], d["code"], d["message"]) for d in json.loads(done.stdout)] == [
        ("<plugins>", "P004", BROKEN)
    ]


def test_lint_github_and_sarif_carry_it(project: Path) -> None:
    github = run(project, "lint", "--format", "github", "ok.prog")
    assert github.returncode == 1
    assert github.stdout == f"::error file=<plugins>,line=1,col=1,title=P004::{BROKEN}\n"
    sarif = run(project, "lint", "--format", "sarif", "ok.prog")
    assert sarif.returncode == 1
    [result] = json.loads(sarif.stdout)["runs"][0]["results"]
    assert (result["ruleId"], result["level"]) == ("P004", "error")
    assert result["message"]["text"].startswith(BROKEN + "\n")


def test_check_reports_it(project: Path) -> None:
    done = run(project, "check", "ok.prog")
    assert done.returncode == 1
    assert f"<plugins>:1:1: P004 error: {BROKEN}" in done.stdout


def test_settings_that_leave_it_out_pass(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.prog]\nplugins = ["golf", "tennis"]\n', encoding="utf-8"
    )
    for command in ("lint", "check"):
        done = run(project, command, "ok.prog")
        assert done.returncode == 0, done.stdout
        assert "P004" not in done.stdout


def test_settings_that_name_it_report_it_on_their_line(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.prog]\nplugins = ["golf", "broken"]\n', encoding="utf-8"
    )
    done = run(project, "lint", "--format", "json", "ok.prog")
    assert done.returncode == 1
    [found] = json.loads(done.stdout)
    assert (found["file"], found["line"], found["code"]) == ("pyproject.toml", 2, "P004")


def test_prog_plugins_env_naming_it_reports_it(project: Path) -> None:
    done = run(project, "lint", "ok.prog", env={"PROG_PLUGINS": "broken"})
    assert done.returncode == 1
    assert "P004 error: the plugin `broken` raised RuntimeError: kaput" in done.stdout


@pytest.mark.parametrize("where", ["import", "rule"])
def test_what_a_plugin_prints_goes_to_stderr(tmp_path: Path, where: str) -> None:
    body = "print('chatter from the rule')\nyield from ()"
    module = install(tmp_path / "site", "chatty", body)
    if where == "import":
        module.write_text("print('chatter at import')\n" + module.read_text())
    (tmp_path / "ok.prog").write_text(PROGRAM, encoding="utf-8")
    done = run(tmp_path, "lint", "--format", "json", "ok.prog")
    found = json.loads(done.stdout)  # stdout is the JSON and nothing else
    assert [d["code"] for d in found] == ["Z102"]
    assert f"chatter {'at import' if where == 'import' else 'from the rule'}" in done.stderr
    trace = run(tmp_path, "run", "--json", "ok.prog")
    assert json.loads(trace.stdout)["steps"]

"""A project picks the installed plugins it uses: `[tool.prog] plugins = [...]`, or
`prog --plugins NAMES` for one command; `prog plugins` says which are used and why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.plugins.dists import distribution, prog

ROWING = """
from dsl.plugin import Effect, Phase, Plugin, Sport
plugin = Plugin(name="rowing", version="2.0.0", api_version=1,
                sports=[Sport("rowing", phases=[Phase("catch", Effect(sagittal=3))])])
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    distribution(folder, "rowing", ROWING)
    return folder


@pytest.fixture
def project(tmp_path) -> Path:
    (tmp_path / "pyproject.toml").write_text('[tool.prog]\nplugins = ["golf", "rowing"]\n')
    (tmp_path / "serve.prog").write_text("sport tennis\nfunction tennis.serve\nretest\n")
    (tmp_path / "row.prog").write_text(
        "target right glute-med\nsport rowing\nfunction rowing.catch\nretest\n"
    )
    return tmp_path


def reports(result) -> dict[str, dict]:
    return {r["name"]: r for r in json.loads(result.stdout)}


def test_prog_plugins_shows_which_are_used_and_why(site, project):
    result = prog(site, "plugins", "--json", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    found = reports(result)
    assert found["golf"]["status"] == found["rowing"]["status"] == "ok"
    assert found["golf"]["why"] == "named in pyproject.toml [tool.prog] plugins"
    assert found["tennis"]["status"] == "disabled"
    assert found["tennis"]["why"] == "not named in pyproject.toml [tool.prog] plugins"
    text = prog(site, "plugins", cwd=project).stdout
    assert "disabled" in text and "not named in pyproject.toml" in text


def test_a_sport_the_project_does_not_use_is_a_clear_p004(site, project):
    result = prog(site, "lint", "serve.prog", cwd=project)
    assert result.returncode == 1
    assert (
        "P004 error: the `tennis` plugin is installed but not used here (not named in "
        "pyproject.toml [tool.prog] plugins)"
    ) in " ".join(result.stdout.split())
    assert "unknown setting" not in result.stderr
    assert prog(site, "lint", "row.prog", cwd=project).returncode == 0


def test_without_the_setting_every_installed_plugin_is_used(site, tmp_path):
    found = reports(prog(site, "plugins", "--json", cwd=tmp_path))
    assert {found[n]["status"] for n in ("golf", "tennis", "rowing")} == {"ok"}
    assert found["rowing"]["why"].startswith("default: no plugins setting")


def test_the_command_line_overrides_the_settings(site, project):
    result = prog(site, "--plugins", "tennis", "run", "serve.prog", cwd=project)
    assert result.returncode == 0, result.stderr
    found = reports(prog(site, "--plugins", "tennis", "plugins", "--json", cwd=project))
    assert found["tennis"]["status"] == "ok" and found["golf"]["status"] == "disabled"
    assert found["tennis"]["why"] == "named in --plugins (or PROG_PLUGINS)"
    none = reports(prog(site, "--plugins", "", "plugins", "--json", cwd=project))
    assert {r["status"] for r in none.values()} == {"disabled"}


def test_a_named_plugin_that_is_not_installed_fails_the_listing(site, project):
    (project / "pyproject.toml").write_text('[tool.prog]\nplugins = ["golf", "cricket"]\n')
    result = prog(site, "plugins", "--json", cwd=project)
    assert result.returncode == 1
    cricket = reports(result)["cricket"]
    assert cricket["code"] == "P004"
    assert cricket["problem"] == "is named in pyproject.toml [tool.prog] plugins but not installed"


def test_a_malformed_setting_is_a_clear_usage_error(site, project):
    (project / "pyproject.toml").write_text("[tool.prog]\nplugins = [1, 2]\n")
    result = prog(site, "run", "row.prog", cwd=project)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "prog: pyproject.toml [tool.prog] plugins: expected a list of strings"
    )


def test_a_required_plugin_the_project_does_not_use_is_reported_as_such(site, project):
    (project / "pyproject.toml").write_text(
        '[tool.prog]\nplugins = ["golf"]\nrequire-plugins = ["tennis"]\n'
    )
    result = prog(site, "lint", "--format", "json", "row.prog", cwd=project)
    messages = [d["message"] for d in json.loads(result.stdout) if d["code"] == "P004"]
    assert messages[0].startswith(
        "the required plugin `tennis` is installed but not used here (not named in "
    )


def test_lint_reports_a_plugin_the_settings_name_that_failed(site, project):
    (project / "pyproject.toml").write_text('[tool.prog]\nplugins = ["golf", "cricket"]\n')
    result = prog(site, "lint", "--format", "json", "row.prog", cwd=project)
    assert result.returncode == 1
    (found,) = [d for d in json.loads(result.stdout) if d["file"] == "pyproject.toml"]
    assert (found["line"], found["col"], found["code"]) == (2, 1, "P004")
    assert found["message"] == (
        "the plugin `cricket` is named in pyproject.toml [tool.prog] plugins but not installed"
    )


def test_a_misspelt_plugin_on_the_command_line_gets_a_guess_and_says_where_to_fix_it(
    site, project
):
    result = prog(site, "--plugins", "glof", "lint", "--format", "json", "row.prog", cwd=project)
    (found,) = [d for d in json.loads(result.stdout) if d["file"] == "<plugins>"]
    assert found["message"] == (
        "the plugin `glof` is named in --plugins (or PROG_PLUGINS) but not installed "
        "(did you mean `golf`?); its words and rules are off"
    )
    assert found["help"].startswith("fix its name in --plugins (or PROG_PLUGINS), or install it")

"""The plugin guide's example works when copied out of the repository: it is built and
installed as its own distribution, and prog and the plugin's own tests run with it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

EXAMPLE = ROOT / "docs" / "examples" / "prog-running"
GUIDE = ROOT / "docs" / "plugins.md"


def test_the_guide_shows_the_example_files_exactly():
    guide = GUIDE.read_text(encoding="utf-8")
    for name in ("pyproject.toml", "prog_running/__init__.py", "tests/test_running.py"):
        block = re.search(rf"`{re.escape(name)}`:\n\n```[a-z]+\n(.*?)```", guide, re.S)
        assert block is not None, name
        assert block.group(1) == (EXAMPLE / name).read_text(encoding="utf-8"), name


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    work = tmp_path_factory.mktemp("outside")
    copy = work / "prog-running"
    shutil.copytree(EXAMPLE, copy)
    site = work / "site"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--target",
            str(site),
            str(copy),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    env = {**os.environ, "PYTHONPATH": str(site)}
    return copy, env


def test_prog_finds_the_installed_plugin(installed):
    copy, env = installed
    result = subprocess.run(
        [sys.executable, "-m", "dsl", "plugins", "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=copy.parent,
        timeout=120,
    )
    reports = {r["name"]: r for r in json.loads(result.stdout)}
    assert reports["running"]["status"] == "ok"
    assert reports["running"]["package"] == "prog-running"
    assert (reports["running"]["version"], reports["running"]["api_version"]) == ("1.0.0", 1)
    vocab = subprocess.run(
        [sys.executable, "-m", "dsl", "vocab", "--sport", "running", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    statements = {item["statement"] for item in json.loads(vocab.stdout)["items"]}
    assert "function running.midstance" in statements
    assert "driver left-hand running.arm-drive" in statements


def test_the_plugins_own_tests_pass_with_the_kit(installed):
    copy, env = installed
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(copy / "tests")],
        capture_output=True,
        text=True,
        env=env,
        cwd=copy,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 passed" in result.stdout


def test_its_rule_is_explained_and_linted(installed):
    copy, env = installed
    program = copy / "bad.prog"
    program.write_text("target right glute-med\nsport running\npivot frontal\nretest\n")
    lint = subprocess.run(
        [sys.executable, "-m", "dsl", "lint", str(program)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert lint.returncode == 1 and "R101" in lint.stdout
    explain = subprocess.run(
        [sys.executable, "-m", "dsl", "explain", "R101"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert explain.returncode == 0 and "gait cycle" in explain.stdout


def test_the_guides_commands_and_program_run_with_the_installed_plugin(installed):
    from tests.plugins.test_guide import blocks

    copy, env = installed
    (commands,) = [b for b in blocks("sh") if "prog-running" in b]
    lines = commands.splitlines()
    # pip and pytest are run by the fixture and by test_the_plugins_own_tests_pass_with_the_kit
    assert lines[0] == "pip install './prog-running[test]'"
    assert lines[-1] == "pytest prog-running/tests"
    for line in lines[1:-1]:
        assert line.startswith("prog "), line
        result = subprocess.run(
            [sys.executable, "-m", "dsl", *line.split()[1:]],
            capture_output=True, text=True, env=env, cwd=copy.parent, timeout=120,
        )
        assert result.returncode == 0, line + result.stdout + result.stderr
        assert "running" in result.stdout
    (program,) = blocks("prog")
    check = subprocess.run(
        [sys.executable, "-m", "dsl", "check", "-"],
        input=program, capture_output=True, text=True, env=env, timeout=120,
    )
    assert check.returncode == 0, check.stdout

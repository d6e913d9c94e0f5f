"""`prog plugin new NAME` writes a distribution that works at once: built and installed as
its own distribution, its tests pass with the kit and `prog plugins` lists it `ok`."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from dsl.plugin import API_LEVEL
from tests.plugins.dists import install, plugin_tests, prog

FILES = [
    "pyproject.toml",
    "README.md",
    "prog_hockey/__init__.py",
    "tests/test_prog_hockey.py",
    "examples/hockey.prog",
]


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("author")
    result = prog([], "plugin", "new", "hockey", cwd=work)
    assert result.returncode == 0, result.stderr
    for name in FILES:
        assert f"hockey/{name}" in result.stdout
    return work


@pytest.fixture(scope="module")
def site(made) -> Path:
    target = made / "site"
    install(made / "hockey", target)
    return target


def test_the_distribution_is_complete(made):
    folder = made / "hockey"
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) == sorted(
        FILES
    )
    project = tomllib.loads((folder / "pyproject.toml").read_text())["project"]
    assert project["entry-points"]["prog.plugins"] == {"hockey": "prog_hockey:plugin"}
    assert project["optional-dependencies"]["test"][0].startswith("pytest")
    assert any(d.startswith("prog") for d in project["optional-dependencies"]["test"])
    source = (folder / "prog_hockey" / "__init__.py").read_text()
    assert f"api_version={API_LEVEL!r}," in source
    tests = (folder / "tests" / "test_prog_hockey.py").read_text()
    assert tests.index("kit.assert_loaded()") < tests.index("def test_")
    assert "source" in (folder / "README.md").read_text().lower()


def test_its_own_tests_pass_once_installed(made, site):
    result = plugin_tests(made / "hockey", site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 passed" in result.stdout


def test_prog_lists_it_ok_and_lints_its_example_clean(made, site):
    reports = {r["name"]: r for r in json.loads(prog(site, "plugins", "--json").stdout)}
    assert reports["hockey"]["status"] == "ok"
    assert reports["hockey"]["package"] == "prog-hockey"
    lint = prog(site, "lint", str(made / "hockey" / "examples" / "hockey.prog"))
    assert lint.returncode == 0, lint.stdout
    bad = prog(site, "lint", "-", stdin="target right glute-med\nsport hockey\npivot frontal\n"
               "retest\n")
    assert "H101" in bad.stdout
    assert prog(site, "explain", "H101").returncode == 0


def test_it_never_overwrites(tmp_path):
    (tmp_path / "hockey").mkdir()
    (tmp_path / "hockey" / "notes.txt").write_text("mine")
    result = prog([], "plugin", "new", "hockey", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "prog: hockey already exists; prog plugin new never overwrites\n"
    assert [p.name for p in (tmp_path / "hockey").iterdir()] == ["notes.txt"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Hockey!", "`Hockey!` is not a sport name: use a lower-case word"),
        ("overhead", "`overhead` is a word of prog's core; choose another sport name"),
        ("golf", "an installed plugin already has the sport `golf`"),
        ("", "`` is not a sport name"),  # the working folder exists: the name is the problem
        (".", "`.` is not a sport name"),
    ],
)
def test_a_bad_name_is_a_clear_usage_error(tmp_path, name, message):
    result = prog([], "plugin", "new", name, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"prog: {message}")
    assert list(tmp_path.iterdir()) == []


def test_the_guides_scaffold_commands_are_the_ones_tested_here():
    from tests.plugins.test_guide import blocks

    (commands,) = [b for b in blocks("sh") if "plugin new" in b]
    assert commands.splitlines() == [
        "prog plugin new hockey",  # the `made` fixture
        "pip install './hockey[test]'",  # the `site` fixture (without dependencies)
        "pytest hockey/tests",  # test_its_own_tests_pass_once_installed
        "prog plugins",  # test_prog_lists_it_ok_and_lints_its_example_clean
    ]


def test_its_tests_fail_loudly_once_it_would_be_left_out(tmp_path):
    """The author changes the prefix to golf's: every kit test fails with prog's reason."""
    assert prog([], "plugin", "new", "cricket", cwd=tmp_path).returncode == 0
    source = tmp_path / "cricket" / "prog_cricket" / "__init__.py"
    text = source.read_text().replace('code_prefix="C"', 'code_prefix="G"')
    source.write_text(text.replace('"C101"', '"G101"'))
    site = tmp_path / "site"
    install(tmp_path / "cricket", site)
    result = plugin_tests(tmp_path / "cricket", site)
    assert result.returncode == 1
    assert "5 errors" in result.stdout or "5 failed" in result.stdout, result.stdout
    assert "plugin cricket would be left out: claims the code prefix 'G', which golf" in (
        result.stdout
    )

"""Plugins found through real entry points: broken ones are reported as P004 and left out,
and every other plugin and the core keep working, in every command.

Each fake plugin is a real distribution on disk (`tests.plugins.dists`) on `PYTHONPATH` of a
real `prog` process, which finds it exactly as it finds an installed one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tests.plugins.dists import distribution, prog

GOOD_SPORT = """
from dsl.plugin import Effect, Handed, Phase, Plugin, Sport
plugin = Plugin(name="rowing", version="2.0.0",
                sports=[Sport("rowing", phases=[Phase("catch", Handed.same(Effect(sagittal=3)))])])
"""

BROKEN = {
    "fails-import": ("import no_such_module_anywhere\n", "failed to import"),
    "raises": ("def plugin():\n    raise RuntimeError('kaput')\n", "raised RuntimeError: kaput"),
    "nonsense": ("plugin = 'a string'\n", "gave a str, not a dsl.plugin.Plugin"),
    "clash": (
        "from dsl.plugin import Plugin, Sport\n"
        "plugin = Plugin(name='clash', version='1', sports=[Sport('golf')])\n",
        "claims the sport 'golf', which golf already owns",
    ),
    "bad-prefix": (
        "from dsl.plugin import Plugin, Rule\n"
        "plugin = Plugin(name='bad-prefix', version='1', code_prefix='B',\n"
        "                rules=[Rule('P901', 'x', check=lambda ctx: [])])\n",
        "outside its prefix",
    ),
    "future": (
        "from dsl.plugin import Plugin\n"
        "plugin = Plugin(name='future', version='1', api_version=99)\n",
        "written for plugin API 99",
    ),
    "wild-effect": (
        "from dsl.plugin import Effect, Handed, Phase, Plugin, Sport\n"
        "plugin = Plugin(name='wild-effect', version='1', sports=[Sport('wild-effect', "
        "phases=[Phase('x', Handed.same(Effect(frontal=9)))])])\n",
        "outside -3..3",
    ),
    "exits": ("import sys\nsys.exit(3)\n", "exited while loading"),
    "base-exception": (
        "class Escape(BaseException):\n    pass\n\ndef plugin():\n    raise Escape('out')\n",
        "raised Escape: out",
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    distribution(folder, "rowing", GOOD_SPORT)
    for name, (source, _) in BROKEN.items():
        distribution(folder, name, source)
    return folder


def test_prog_plugins_reports_every_failure_and_keeps_the_good_ones(site):
    result = prog(site, "plugins", "--json")
    assert result.returncode == 1  # a plugin failed: CI notices
    reports = {r["name"]: r for r in json.loads(result.stdout)}
    for name in ("golf", "tennis", "rowing"):
        assert reports[name]["status"] == "ok", reports[name]
    assert reports["rowing"]["version"] == "2.0.0"
    assert reports["rowing"]["package"] == "fake_rowing"
    for name, (_, reason) in BROKEN.items():
        assert reports[name]["status"] == "failed"
        assert reason in reports[name]["problem"], (name, reports[name]["problem"])


def test_a_plugin_that_prints_cannot_corrupt_json_on_stdout(tmp_path):
    distribution(tmp_path, "chatty", "print('hello from chatty')\n" + GOOD_SPORT)
    result = prog(tmp_path, "plugins", "--json")
    assert [r["status"] for r in json.loads(result.stdout) if r["name"] == "rowing"] == ["ok"]
    assert "hello from chatty" in result.stderr
    run = prog(tmp_path, "run", "-", "--json", stdin="sport rowing\nfunction rowing.catch\n")
    assert json.loads(run.stdout)["steps"][0]["drive"]["sagittal"] == 3.0


def test_the_text_table_names_each_failure(site):
    out = prog(site, "plugins").stdout
    assert "rowing" in out and "failed" in out and "kaput" in out


def test_run_and_lint_keep_working_with_broken_plugins_installed(site):
    golfer = str(EXAMPLES / "golfer.prog")
    assert prog(site, "run", golfer, "--json").returncode == 0
    assert prog(site, "vocab", "--sport", "rowing").returncode == 0
    # A broken plugin is off, so lint says so on the run (P004) and fails, while the
    # program itself is clean; leaving the broken ones out makes it pass.
    lint = prog(site, "lint", "--format", "json", golfer)
    assert lint.returncode == 1
    found = json.loads(lint.stdout)
    assert found and {(d["file"], d["code"]) for d in found} == {("<plugins>", "P004")}
    chosen = prog(site, "lint", golfer, env={"PROG_PLUGINS": "golf,tennis,rowing"})
    assert chosen.returncode == 0, chosen.stdout


def test_a_program_that_needs_a_broken_plugin_gets_p004_on_its_sport_line(site):
    result = prog(site, "check", "-", stdin="sport raises\npivot frontal\n")
    assert result.returncode == 1
    assert (
        "<stdin>:1:7: P004 error: the `raises` plugin raised RuntimeError: kaput" in result.stdout
    )


def test_a_good_third_party_sport_is_usable(site):
    result = prog(site, "run", "-", "--json", stdin="sport rowing\nfunction rowing.catch\n")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["steps"][0]["drive"]["sagittal"] == 3.0

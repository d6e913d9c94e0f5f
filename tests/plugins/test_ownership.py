"""Plugin ownership (spec §11, v1.1): prog's own plugins load first and keep their sports,
words and code prefixes; between other plugins the one that loads later (by entry-point
name) is left out, whatever the order of `sys.path`; the core's words are reserved. Each
refusal is a P004 that names both sides, the winner and why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tests.plugins.dists import distribution, prog

CRICKET = """
from dsl.plugin import Effect, Phase, Plugin, Rule, Sport
plugin = Plugin(name="cricket", version="0.3.0", api_version=1, code_prefix="G",
                sports=[Sport("cricket", phases=[Phase("delivery", Effect(frontal=1))])],
                rules=[Rule("G901", "bowled", check=lambda ctx: [])])
"""
AGOLF = """
from dsl.plugin import Effect, Phase, Plugin, Sport
plugin = Plugin(name="agolf", version="2.1.0", api_version=1,
                sports=[Sport("golf", phases=[Phase("putt", Effect(sagittal=1))])])
"""
SECOND_GOLF = """
from dsl.plugin import Plugin
plugin = Plugin(name="golf", version="9.0", api_version=1)
"""
OVERHEAD = """
from dsl.plugin import Direction, Effect, Plugin, Sport
plugin = Plugin(name="lifting", version="1.0", api_version=1,
                sports=[Sport("lifting", directions=[
                    Direction("overhead", {"both-hands": Effect(sagittal=3)})])])
"""


def rowing(entry: str, phase: str) -> str:
    return (
        "from dsl.plugin import Effect, Phase, Plugin, Sport\n"
        f"plugin = Plugin(name={entry!r}, version='1.0', api_version=1,\n"
        f"    sports=[Sport('rowing', phases=[Phase({phase!r}, Effect(sagittal=1))])])\n"
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    distribution(folder, "cricket", CRICKET, version="0.3.0")
    distribution(folder, "agolf", AGOLF, version="2.1.0")
    distribution(folder, "lifting", OVERHEAD)
    distribution(folder, "golf", SECOND_GOLF)  # the entry point `golf`, from fake_golf
    distribution(folder, "minigolf", SECOND_GOLF)  # a plugin named golf under another name
    return folder


def reports(site, *args: str) -> dict[str, dict]:
    result = prog(site, *args, "plugins", "--json")
    return {r["name"]: r for r in json.loads(result.stdout)}


def test_a_plugin_claiming_golfs_prefix_is_left_out_and_golf_keeps_it(site):
    found = reports(site)
    assert found["golf"]["status"] == "ok"
    cricket = found["cricket"]
    assert cricket["status"] == "failed" and cricket["code"] == "P004"
    assert cricket["problem"] == (
        "claims the code prefix 'G', which golf already owns; golf keeps it and cricket is "
        "left out (golf comes with prog, and prog's own plugins load first)"
    )
    assert (cricket["version"], cricket["api_version"]) == ("0.3.0", 1)


def test_a_plugin_declaring_the_sport_golf_is_left_out(site):
    agolf = reports(site)["agolf"]
    assert agolf["status"] == "failed"
    assert "claims the sport 'golf', which golf already owns; golf keeps it and agolf" in (
        agolf["problem"]
    )
    assert agolf["version"] == "2.1.0"


def test_golf_programs_still_run_clean(site):
    golfer = str(EXAMPLES / "golfer.prog")
    run = prog(site, "run", golfer)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "backswing" in run.stdout
    # The refused plugins are reported on the run (P004), never in the golf program.
    lint = prog(site, "lint", "--format", "json", golfer)
    assert lint.returncode == 1, lint.stdout
    assert {(d["file"], d["code"]) for d in json.loads(lint.stdout)} == {("<plugins>", "P004")}
    chosen = prog(site, "lint", golfer, env={"PROG_PLUGINS": "golf,tennis"})
    assert chosen.returncode == 0, chosen.stdout


def test_a_program_that_needs_the_refused_plugin_gets_p004_naming_both(site):
    result = prog(site, "check", "-", stdin="sport cricket\npivot frontal\n")
    assert result.returncode == 1
    assert "<stdin>:1:7: P004 error: the `cricket` plugin claims the code prefix 'G', " in (
        result.stdout
    )
    assert "golf keeps it" in result.stdout


def test_prog_plugins_text_shows_the_code_and_the_known_version(site):
    out = prog(site, "plugins").stdout
    line = next(line for line in out.splitlines() if "cricket" in line)
    assert "0.3.0" in line and "failed P004" in line


def test_a_core_direction_word_is_reserved(site):
    lifting = reports(site)["lifting"]
    assert lifting["status"] == "failed"
    assert "claims the direction 'overhead', a word of prog's core" in lifting["problem"]
    result = prog(site, "check", "-", stdin="sport lifting\ndriver both-hands overhead\n")
    assert "P004" in result.stdout and "a word of prog's core" in result.stdout


@pytest.mark.parametrize("reverse", [False, True])
def test_between_third_parties_the_later_entry_point_is_left_out(tmp_path, reverse):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    distribution(one, "rowing", rowing("rowing", "catch"))
    distribution(two, "zrowing", rowing("zrowing", "drive"))
    sites = [two, one] if reverse else [one, two]  # the order of sys.path does not matter
    found = reports(sites)
    assert found["rowing"]["status"] == "ok"
    assert found["zrowing"]["problem"] == (
        "claims the sport 'rowing', which rowing already owns; rowing keeps it and zrowing is "
        "left out (plugins load in the order of their entry-point names, and `rowing` comes "
        "before `zrowing`)"
    )
    ran = prog(sites, "run", "-", "--json", stdin="sport rowing\nfunction rowing.catch\n")
    assert ran.returncode == 0, ran.stderr


def test_a_second_golf_entry_point_or_plugin_name_is_left_out(site):
    result = prog(site, "plugins", "--json")
    listed = [r["name"] for r in json.loads(result.stdout)]
    assert listed.count("golf") == 1  # the one prog shows first is prog's own
    found = {r["name"]: r for r in json.loads(result.stdout)}
    assert found["golf"]["package"] == "prog" and found["golf"]["status"] == "ok"
    assert found["golf (fake_golf)"]["problem"] == (
        "is published under the entry-point name `golf`, which the distribution prog already "
        "uses for its plugin; that one keeps it and this one is left out (prog's own plugins "
        "load first)"
    )
    assert found["minigolf"]["problem"].startswith(
        "claims the plugin name 'golf', which golf already owns; golf keeps it and `minigolf` "
        "is left out"
    )

"""`api_version`: a plugin is loaded when written for this prog's major API version and at
most its minor one; one that leaves the field out is taken as written for 1 (fixed, never
the installed prog's version), so the check can catch it when the major version moves on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dsl.plugin import API_LEVEL, API_MINOR, API_VERSION, Plugin
from dsl.testkit import PluginKit
from tests.plugins.dists import distribution, prog

MAJOR, MINOR, SPEAKS = API_VERSION, API_MINOR, API_LEVEL

CASES = {
    "unpinned": ("", "ok", None),
    "this-minor": (f"api_version='{MAJOR}.{MINOR}'", "ok", None),
    "as-int": (f"api_version={MAJOR}", "ok", None),
    "next-minor": (
        f"api_version='{MAJOR}.{MINOR + 1}'",
        "failed",
        f"is written for plugin API {MAJOR}.{MINOR + 1}; this prog speaks {SPEAKS}",
    ),
    "next-major": (
        f"api_version={MAJOR + 1}",
        "failed",
        f"is written for plugin API {MAJOR + 1}; this prog speaks {SPEAKS}",
    ),
    "nonsense": (
        "api_version='latest'",
        "failed",
        f"api_version 'latest' is not a version such as 1 or '1.1' (this prog speaks {SPEAKS})",
    ),
}


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, dict]:
    site: Path = tmp_path_factory.mktemp("site")
    for name, (argument, _, _) in CASES.items():
        source = (
            "from dsl.plugin import Plugin\n"
            f"plugin = Plugin(name={name!r}, version='3.2.1', {argument})\n"
        )
        distribution(site, name, source)
    result = prog(site, "plugins", "--json")
    return {r["name"]: r for r in json.loads(result.stdout)}


@pytest.mark.parametrize("name", CASES)
def test_each_api_version_is_loaded_or_refused(found, name):
    _, status, problem = CASES[name]
    report = found[name]
    assert report["status"] == status, report
    assert report["problem"] == problem
    assert report["version"] == "3.2.1"  # known, even when refused


def test_an_unpinned_plugin_reports_api_1(found):
    assert found["unpinned"]["api_version"] == 1


def test_an_unpinned_plugin_is_refused_once_the_major_version_moves_on(monkeypatch):
    monkeypatch.setattr("dsl.plugin.API_VERSION", MAJOR + 1)
    monkeypatch.setattr("dsl.plugin_checks.API_LEVEL", f"{MAJOR + 1}.0")
    kit = PluginKit(Plugin(name="old", version="1.0"))
    assert not kit.ok
    assert kit.report.problem == f"is written for plugin API 1; this prog speaks {MAJOR + 1}.0"

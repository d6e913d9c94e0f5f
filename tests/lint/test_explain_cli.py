"""`prog explain`: every code, core and plugin, with its meaning, the clinical why (quoting
the method), the fix and a bad and a good example."""

from __future__ import annotations

import pytest
from click.testing import CliRunner, Result
from lint_plugins import registry

from dsl import registry as registry_module
from dsl.cli import main
from dsl.diagnostics import CORE_CODES


def explain(*args: str) -> Result:
    return CliRunner().invoke(main, ["explain", *args])


@pytest.mark.parametrize("code", sorted(CORE_CODES))
def test_every_core_code(code: str) -> None:
    result = explain(code.lower())
    assert result.exit_code == 0
    severity, title = CORE_CODES[code]
    lines = result.stdout.splitlines()
    assert lines[0] == f"{code} {severity}: {title}"
    for heading in ("What it means", "Why it matters", "How to fix it", "Bad", "Good"):
        assert heading in lines
    bad = lines.index("Bad")
    assert lines[bad + 1].startswith("    ")


def test_the_method_is_quoted() -> None:
    text = " ".join(explain("P102").stdout.split())
    assert (
        "“Again, I tend to re-test after each change to the movement as what works is "
        "important to know.”" in text
    )
    assert "Once I’ve tweaked the movement" in " ".join(explain("P104").stdout.split())


def test_a_plugin_code(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry_module, "installed", lambda: registry("testball"))
    result = explain("X101")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        "X101 warning: a transverse pivot in a testball program  (from the testball plugin)"
    )
    assert "Testball is played square on" in result.stdout
    assert "    pivot transverse x10" in result.stdout
    listing = explain().stdout.splitlines()
    assert listing[-1] == "X101  warning a transverse pivot in a testball program  (testball)"


def test_listing_every_code(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry_module, "installed", lambda: registry("testball"))
    result = explain()
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "P001  error   syntax error"
    assert [line[:4] for line in result.stdout.splitlines()[: len(CORE_CODES)]] == sorted(
        CORE_CODES
    )


def test_an_unknown_code_suggests_a_close_one() -> None:
    result = explain("P1O2")
    assert result.exit_code == 2
    assert result.stderr == (
        "prog: no code `P1O2`; did you mean P102? (`prog explain` lists every code)\n"
    )

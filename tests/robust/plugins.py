"""Misbehaving plugins, installed for real (a module and its `.dist-info` on PYTHONPATH,
as `tests.plugins.dists` writes them): a rule that misbehaves as a test says, beside a
rule that behaves."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.plugins.dists import distribution

HEAD = """\
from dsl.plugin import Finding, Plugin, Rule
from dsl.nodes import Span


def _ok(ctx):
    yield Finding(ctx.program.statements[0].span, "a finding of the well-behaved rule Z102")


"""


def install(site: Path, name: str, rule_body: str) -> Path:
    """Install plugin `name` into `site` (through `tests.plugins.dists.distribution`), with
    rule Z101 running `rule_body` (the body of `def check(ctx):`) and a well-behaved rule
    Z102 beside it; returns the plugin's module file, for a test to add to."""
    body = textwrap.indent(textwrap.dedent(rule_body).strip("\n"), "    ")
    source = (
        HEAD
        + f"def check(ctx):\n{body}\n\n\n"
        + f"plugin = Plugin(name={name!r}, version='1.0.0', code_prefix='Z', rules=[\n"
        + "    Rule(code='Z101', summary='misbehaves', check=check),\n"
        + "    Rule(code='Z102', summary='behaves', check=_ok),\n"
        + "])\n"
    )
    site.mkdir(parents=True, exist_ok=True)
    distribution(site, name, source)
    return site / f"fake_{name}.py"

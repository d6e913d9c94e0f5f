"""Misbehaving plugins, installed for real: a folder on PYTHONPATH holding a module and the
`.dist-info` metadata that declares it in the `prog.plugins` entry-point group, the way
an installer leaves them. prog finds them as it finds any installed plugin."""

from __future__ import annotations

import textwrap
from pathlib import Path

HEAD = """\
from dsl.plugin import Finding, Plugin, Rule
from dsl.nodes import Span


def _ok(ctx):
    yield Finding(ctx.program.statements[0].span, "a finding of the well-behaved rule Z102")


"""


def install(site: Path, name: str, rule_body: str) -> Path:
    """Install plugin `name` (module `prog_NAME`) into `site`, with rule Z101 running
    `rule_body` (the body of `def check(ctx):`) and a well-behaved rule Z102 beside it."""
    module = f"prog_{name}"
    body = textwrap.indent(textwrap.dedent(rule_body).strip("\n"), "    ")
    source = (
        HEAD
        + f"def check(ctx):\n{body}\n\n\n"
        + f"PLUGIN = Plugin(name={name!r}, version='1.0.0', code_prefix='Z', rules=[\n"
        + "    Rule(code='Z101', summary='misbehaves', check=check),\n"
        + "    Rule(code='Z102', summary='behaves', check=_ok),\n"
        + "])\n"
    )
    site.mkdir(parents=True, exist_ok=True)
    (site / f"{module}.py").write_text(source, encoding="utf-8")
    info = site / f"{module}-1.0.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {module}\nVersion: 1.0.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[prog.plugins]\n{name} = {module}:PLUGIN\n", encoding="utf-8"
    )
    return site

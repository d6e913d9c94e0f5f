"""Plugins for the lint tests, built with the public plugin API and loaded through the
registry exactly as installed ones are: a small sport with a rule, a plugin whose rule
raises, and one that fails to import."""

from __future__ import annotations

from collections.abc import Iterator

from dsl.plugin import Direction, Effect, Finding, Handed, Phase, Plugin, Rule, RuleContext, Sport
from dsl.registry import Registry, build


def _no_transverse(ctx: RuleContext) -> Iterator[Finding]:
    for step in ctx.steps:
        if step.text.startswith("pivot transverse"):
            yield Finding(step.node.span, "testball players never pivot in the transverse plane")


def _raises(ctx: RuleContext) -> Iterator[Finding]:
    raise ValueError("boom")
    yield  # pragma: no cover


def _not_a_finding(ctx: RuleContext) -> Iterator[Finding]:
    yield "nothing useful"  # type: ignore[misc]


TESTBALL = Plugin(
    name="testball",
    version="1.0.0",
    code_prefix="X",
    sports=[
        Sport(
            name="testball",
            phases=[Phase("swing", Handed(trail=Effect(frontal=1), lead=Effect(frontal=-1)))],
            directions=[Direction("reach", {"left-hand": Handed.same(Effect(frontal=1))})],
        )
    ],
    rules=[
        Rule(
            code="X101",
            summary="a transverse pivot in a testball program",
            check=_no_transverse,
            explain="Testball is played square on: a transverse pivot trains nothing it needs.",
            bad="pivot transverse x10\nretest\n",
            good="pivot frontal x10\nretest\n",
        )
    ],
)

RAISING = Plugin(
    name="shaky",
    version="0.1.0",
    code_prefix="Y",
    rules=[
        Rule(code="Y101", summary="raises", check=_raises),
        Rule(code="Y102", summary="yields a string", check=_not_a_finding, severity="info"),
    ],
)


def _fails_to_import() -> Plugin:
    raise ImportError("No module named 'prog_broken'")


def registry(*names: str) -> Registry:
    """A registry of the named test plugins (`testball`, `shaky`, `broken`)."""
    loaders = {
        "testball": lambda: TESTBALL,
        "shaky": lambda: RAISING,
        "broken": _fails_to_import,
    }
    return build([(name, "prog-tests", loaders[name]) for name in names])

"""The test kit for plugin authors: load one plugin on its own, then run and lint with it.

    from dsl.testkit import PluginKit
    from prog_running import plugin

    kit = PluginKit(plugin)
    kit.assert_loaded()
    assert kit.codes("sport running\\npivot frontal") == ["P101", "P107"]
    steps = kit.steps("sport running\\nfunction running.stance\\nretest", outcomes=["better"])
    assert steps[0]["drive"] == {"sagittal": 1.0, "frontal": 2.0, "transverse": 0.0}

The kit builds a registry from the core and the given plugin only, so a test sees exactly
what that plugin adds, whatever else is installed. With pytest the `prog_kit` fixture (from
`dsl.testkit.fixtures`, loaded automatically once prog is installed) makes kits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from dsl.api import Loaded, load_text, run
from dsl.diagnostics import Diagnostic
from dsl.plugin import Plugin
from dsl.registry import PluginReport, Registry, build
from dsl.trace import document

__all__ = ["PluginKit"]


class PluginKit:
    """One plugin, loaded exactly as prog loads an installed one, but alone."""

    def __init__(self, plugin: Plugin | Callable[[], Plugin], name: str | None = None) -> None:
        entry_name = name or getattr(plugin, "name", None) or "plugin-under-test"
        self.registry: Registry = build([(entry_name, "test-kit", lambda: plugin)])
        self.report: PluginReport = self.registry.reports[0]

    @property
    def ok(self) -> bool:
        return self.report.status == "ok"

    def assert_loaded(self) -> None:
        """Fail with prog's own P004 wording if the plugin would be left out."""
        assert self.ok, f"plugin {self.report.name} would be left out: {self.report.problem}"

    def load(self, text: str, name: str = "test.prog") -> Loaded:
        return load_text(text, name, self.registry)

    def check(self, text: str) -> list[Diagnostic]:
        """The P0xx diagnostics of `text` (syntax and meaning, as `prog check`)."""
        return self.load(text).diagnostics

    def lint(self, text: str, select: Iterable[str] | None = None) -> list[Diagnostic]:
        """Every diagnostic `prog lint` gives for `text` (optionally only some codes)."""
        from dsl.lint.engine import lint_text

        found = lint_text(text, "test.prog", registry=self.registry)
        if select is not None:
            wanted = tuple(select)
            found = [d for d in found if d.code.startswith(wanted)]
        return found

    def codes(self, text: str) -> list[str]:
        """The codes `prog lint` reports for `text`, in order."""
        return [d.code for d in self.lint(text)]

    def trace(self, text: str, outcomes: Iterable[str] = ()) -> dict[str, Any]:
        """The trace of `prog run --json` for `text`; fails on any error diagnostic."""
        loaded = self.load(text)
        errors = [d for d in loaded.diagnostics if d.severity == "error"]
        assert loaded.checked is not None and not errors, "\n".join(
            f"{d.span.line}:{d.span.col}: {d.code} {d.message}" for d in errors
        )
        return document(loaded.checked, run(loaded.checked, list(outcomes)))

    def steps(self, text: str, outcomes: Iterable[str] = ()) -> list[dict[str, Any]]:
        return list(self.trace(text, outcomes)["steps"])

    def assert_rule_examples(self) -> None:
        """Each rule's `bad` example must raise its code, and its `good` example must not."""
        for rule, _ in self.registry.rules:
            assert rule.bad, f"{rule.code} has no bad example"
            assert rule.code in self.codes(rule.bad), f"{rule.code} is silent on its bad example"
            if rule.good:
                found = self.codes(rule.good)
                assert rule.code not in found, f"{rule.code} fires on its good example"

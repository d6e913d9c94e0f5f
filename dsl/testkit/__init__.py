r"""The test kit for plugin authors: load one plugin as prog would, then run and lint with it.

    >>> from dsl.plugin import Effect, Phase, Plugin, Sport
    >>> from dsl.testkit import PluginKit
    >>> plugin = Plugin(name="rowing", version="1.0.0", api_version=1,
    ...                 sports=[Sport("rowing", phases=[Phase("catch", Effect(sagittal=2))])])
    >>> kit = PluginKit(plugin)
    >>> kit.assert_loaded()
    >>> kit.codes("sport rowing\npivot frontal\n")
    ['P101', 'P107']
    >>> kit.steps("sport rowing\nfunction rowing.catch\nretest\n", ["better"])[0]["drive"]
    {'sagittal': 2.0, 'frontal': 0.0, 'transverse': 0.0}

The kit first loads the plugin next to the plugins that come with prog, exactly as an
installation would: if it would be left out there (a clash with a built-in's code prefix, a core
word, a bad effect…), every method of the kit fails with prog's own reason, whichever a
test calls first. It then builds a registry from the core and the given plugin only, so a
test sees exactly what that plugin adds, whatever else is installed.

With pytest, the `prog_kit` fixture (from `dsl.testkit.fixtures`, registered through the
``pytest11`` entry point when prog is installed) makes kits: ``kit = prog_kit(plugin)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from dsl.api import Loaded, load_text, run
from dsl.diagnostics import Diagnostic
from dsl.plugin import Plugin
from dsl.registry import PluginReport, Registry, Source, build, discover, ships_with_prog
from dsl.trace import document

__all__ = ["PluginKit"]

KIT_PACKAGE = "test-kit"


def _prog_own(plugin: object) -> list[Source]:
    """The plugins that come with prog, except `plugin` itself (a built-in's own tests)."""
    out = []
    for name, package, loader in discover():
        if not ships_with_prog(package):
            continue
        try:
            same = loader() is plugin
        except Exception:  # a broken built-in is reported by `prog plugins`, not here
            same = False
        if not same:
            out.append((name, package, loader))
    return out


class PluginKit:
    """One plugin, loaded exactly as prog loads an installed one, then on its own."""

    def __init__(self, plugin: Plugin | Callable[[], Plugin], name: str | None = None) -> None:
        entry_name = name or getattr(plugin, "name", None) or "plugin-under-test"
        under_test: Source = (entry_name, KIT_PACKAGE, lambda: plugin)
        beside = build([*_prog_own(plugin), under_test])
        self.report: PluginReport = next(r for r in beside.reports if r.package == KIT_PACKAGE)
        self.registry: Registry = build([under_test])

    @property
    def ok(self) -> bool:
        return self.report.status == "ok"

    def assert_loaded(self) -> None:
        """Fail with prog's own P004 wording if the plugin would be left out."""
        assert self.ok, f"plugin {self.report.name} would be left out: {self.report.problem}"

    def load(self, text: str, name: str = "test.prog") -> Loaded:
        """`text` read and checked with the plugin (every other method goes through here or
        `lint`, so each one fails first if the plugin would be left out)."""
        self.assert_loaded()
        return load_text(text, name, self.registry)

    def check(self, text: str) -> list[Diagnostic]:
        """The P0xx diagnostics of `text` (syntax and meaning, as `prog check`)."""
        return self.load(text).diagnostics

    def lint(self, text: str, select: Iterable[str] | None = None) -> list[Diagnostic]:
        """Every diagnostic `prog lint` gives for `text` (optionally only some codes)."""
        from dsl.lint.engine import lint_text

        self.assert_loaded()
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
        self.assert_loaded()
        for rule, _ in self.registry.rules:
            assert rule.bad, f"{rule.code} has no bad example"
            assert rule.code in self.codes(rule.bad), f"{rule.code} is silent on its bad example"
            if rule.good:
                found = self.codes(rule.good)
                assert rule.code not in found, f"{rule.code} fires on its good example"

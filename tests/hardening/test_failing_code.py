"""A lint rule that raises (even `sys.exit`), a plugin that fails, or a fault of prog's own
on one file becomes a diagnostic or a message naming it, and everything else still runs:
the other rules on that file, and every other file, in one process or in several."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from dsl import registry as registry_module
from dsl.lint import engine
from dsl.lint.config import Settings
from dsl.plugin import Finding, Plugin, Rule, RuleContext
from dsl.registry import Registry, build

POISON = 'note "poison"'


def _fussy(ctx: RuleContext) -> Iterator[Finding]:
    """Fails on the one file that holds the poison note; finds a `use` everywhere else."""
    for step in ctx.steps:
        if step.note == "poison":
            raise RuntimeError("cannot stand this file")
        if step.note == "exit":
            sys.exit(3)
    for step in ctx.steps[:1]:
        yield Finding(step.node.span, "first step seen by the fussy rule")


FUSSY = Plugin(
    name="fussy",
    version="1.0.0",
    code_prefix="Z",
    rules=[Rule(code="Z101", summary="fails on poison", check=_fussy)],
)


def _failing_loader() -> Plugin:
    raise RuntimeError("kaput at import")


@pytest.fixture
def fussy_registry(monkeypatch: pytest.MonkeyPatch) -> Registry:
    test_registry = build([("fussy", "t", lambda: FUSSY), ("broken", "t", _failing_loader)])
    monkeypatch.setattr(registry_module, "installed", lambda: test_registry)
    monkeypatch.setattr(engine, "installed", lambda: test_registry)
    return test_registry


def write_files(folder: Path, count: int, poisoned: dict[int, str]) -> list[str]:
    names = []
    for number in range(count):
        extra = poisoned.get(number, 'note "fine"')
        text = f"target right glute-med\npivot frontal x10\n{extra}\nretest\n"
        path = folder / f"p{number:02d}.prog"
        path.write_text(text, encoding="utf-8")
        names.append(str(path))
    return names


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_raising_rule_is_p004_on_its_file_and_the_rest_goes_on(
    fussy_registry: Registry, tmp_path: Path, jobs: int
) -> None:
    count = engine.POOL_MIN_FILES + 2  # enough for worker processes when jobs > 1
    names = write_files(tmp_path, count, {3: POISON, 7: 'note "exit"'})
    reports = engine.lint_many(names, Settings(), jobs=jobs)
    assert [report.failure for report in reports] == [None] * count
    codes = {Path(r.name).name: sorted(d.code for d in r.diagnostics) for r in reports}
    assert codes["p03.prog"] == ["P004"] and codes["p07.prog"] == ["P004"]
    assert all(
        found == ["Z101"] for name, found in codes.items() if name not in ("p03.prog", "p07.prog")
    )
    (failure,) = reports[3].diagnostics
    assert "Z101" in failure.message and "`fussy` plugin" in failure.message
    assert "RuntimeError: cannot stand this file" in failure.message
    assert "SystemExit" in reports[7].diagnostics[0].message


def test_a_plugin_that_fails_to_load_is_reported_and_the_others_work(
    fussy_registry: Registry,
) -> None:
    (broken,) = [r for r in fussy_registry.reports if r.status == "failed"]
    assert broken.name == "broken" and "kaput at import" in (broken.problem or "")
    assert [rule.code for rule, _ in fussy_registry.rules] == ["Z101"]


def test_a_fault_of_prog_on_one_file_fails_that_file_only(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    names = write_files(tmp_path, 3, {})
    load_path = engine.load_path

    def faulty(name: str, *args: object, **kwargs: object) -> object:
        if name.endswith("p01.prog"):
            raise ValueError("a bug met on this file")
        return load_path(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "load_path", faulty)
    reports = engine.lint_many(names, Settings(), jobs=1)
    assert reports[0].failure is None and reports[2].failure is None
    assert reports[1].failure is not None and "ValueError: a bug met" in reports[1].failure

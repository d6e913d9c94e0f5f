"""Every code's cases from the table, through the public lint API; and every `prog explain`
example: its bad program shows its code, its good one does not."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_cases import CASES, Case
from lint_plugins import registry

from dsl.diagnostics import CORE_CODES
from dsl.explain import CORE, everything
from dsl.lint.engine import lint_path, lint_text
from dsl.registry import Registry


def _lint(case: Case, tmp_path: Path, plugins: Registry) -> list[tuple[str, int]]:
    if case.files:
        for name, text in case.files.items():
            (tmp_path / name).write_text(text, encoding="utf-8")
        main = tmp_path / "main.prog"
        main.write_text(case.text, encoding="utf-8")
        report = lint_path(str(main), registry=plugins)
        assert report.failure is None
        found = report.diagnostics
    else:
        found = lint_text(case.text, "case.prog", registry=plugins)
    return [(d.code, d.span.line) for d in found]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_case(case: Case, tmp_path: Path) -> None:
    found = _lint(case, tmp_path, registry(*case.plugins))
    codes = [code for code, _ in found]
    if case.expect == "pass":
        assert case.code not in codes, found
    else:
        assert case.code in codes, found
        if case.line is not None:
            assert (case.code, case.line) in found, found


def test_every_code_has_a_failing_and_a_passing_case() -> None:
    for code in CORE_CODES:
        kinds = {case.expect for case in CASES if case.code == code}
        assert kinds == {"fail", "pass"}, code


# `everything` fills P003's examples in with an installed sport: here, testball.
EXAMPLES = [
    (code, kind, getattr(explanation, kind))
    for code, explanation in sorted(everything(registry("testball")).items())
    for kind in ("bad", "good")
    if code in CORE and code != "P004"  # P004's examples need a broken plugin
]


@pytest.mark.parametrize(("code", "kind", "text"), EXAMPLES, ids=lambda v: str(v)[:12])
def test_explain_examples(code: str, kind: str, text: str) -> None:
    plugins = registry("testball")
    codes = [d.code for d in lint_text(text, "example.prog", registry=plugins)]
    if kind == "bad":
        assert code in codes
    else:
        assert code not in codes
        assert not [c for c in codes if c.startswith("P")], codes


def test_plugin_rule_failures_name_the_rule_and_plugin() -> None:
    found = lint_text("target right glute-med\npivot frontal\nretest\n", registry=registry("shaky"))
    messages = [d.message for d in found if d.code == "P004"]
    assert messages == [
        "lint rule Y101 of the `shaky` plugin raised ValueError: boom; its findings are left out",
        "lint rule Y102 of the `shaky` plugin gave str, not a Finding; its findings are left out",
    ]


def test_step_rules_skip_a_program_with_errors() -> None:
    text = "pivot frontl x100\ndriver right-hand overhead-left\nfoot right narrow\n"
    codes = {d.code for d in lint_text(text, registry=registry())}
    assert codes == {"P002", "P101", "P109"}  # text rules run; P102, P104, P107 do not


def test_define_used_twice_reports_once() -> None:
    text = (
        "target right glute-med\ndefine both:\n    driver right-hand overhead-left\n"
        "    foot right narrow\npivot frontal\nretest\nuse both\nretest\ntaper all\nretest\n"
        "use both\nretest\ntaper all\nretest\n"
    )
    found = [(d.code, d.span.line) for d in lint_text(text, registry=registry())]
    assert found.count(("P102", 4)) == 1

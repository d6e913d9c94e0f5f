"""No `eval` or `exec` anywhere in the project's own code: a program, a settings file or a
cache is data, and nothing in prog turns data into code."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ("dsl", "grammar", "plugins", "tests", "bench")
FORBIDDEN = {"eval", "exec"}


def sources() -> list[Path]:
    return sorted(path for folder in FOLDERS for path in (ROOT / folder).rglob("*.py"))


def calls_forbidden(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name in FORBIDDEN:  # eval(…), exec(…), builtins.eval(…)
                lines.append(node.lineno)
    return lines


def test_no_eval_or_exec_is_called() -> None:
    found = {}
    for path in sources():
        lines = calls_forbidden(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        if lines:
            found[str(path.relative_to(ROOT))] = lines
    assert found == {}
    assert len(sources()) > 20  # the scan did look at the project


def test_the_scan_sees_a_call() -> None:
    assert calls_forbidden(ast.parse("import builtins\nx = eval('1')\nbuiltins.exec('')")) == [2, 3]

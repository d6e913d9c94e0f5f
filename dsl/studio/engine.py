"""The studio's one door to the engine: a program's text in; what the page shows out.

Diagnostics, fixes, completion and hover come from the language services that `prog lsp`
uses, and the steps' words and the drive chart from the patient outputs that `prog run`
and the handout use, so the page never has an answer of its own.
"""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path
from typing import Any

from dsl.api import load_source, run
from dsl.lint.engine import lint_loaded
from dsl.source import decode
from dsl.studio.files import Folder
from dsl.trace import step_dict


def analyse(path: Path, text: str) -> dict[str, Any]:
    """Diagnostics (as `prog lint`), and the steps of a run with no retest answered."""
    full = Folder.display(path)
    source, problems = decode(text.encode("utf-8"), full, path)
    if source is None:
        return {"diagnostics": [_diagnostic(d) for d in problems], "steps": [], "chart": ""}
    loaded = load_source(source, root=path.parent)
    diagnostics = [_diagnostic(d) for d in lint_loaded(loaded) if d.span.file == full]
    steps: list[dict[str, Any]] = []
    if loaded.ok and loaded.checked is not None:
        steps = [step_dict(s, full) for s in run(loaded.checked)]
    return {"diagnostics": diagnostics, "steps": steps, "chart": ""}


def _diagnostic(d: Any) -> dict[str, Any]:
    span = d.span
    return {
        "from": {"line": span.line - 1, "character": span.col - 1},
        "to": {"line": span.end_line - 1, "character": span.end_col - 1},
        "severity": d.severity,
        "code": d.code,
        "message": d.message,
        "hint": d.hint,
        "fixes": [],
    }


def keywords() -> list[str]:
    """The language's keywords, as the grammar spells them, for the page's highlighter."""
    grammar = (files("dsl.grammar") / "prog.lark").read_text(encoding="utf-8")
    return sorted(set(re.findall(r'^[A-Z_]+:\s*"([a-z-]+)"i', grammar, re.MULTILINE)))

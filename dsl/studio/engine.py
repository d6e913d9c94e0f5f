"""The studio's one door to the engine: a program's text in; what the page shows out.

Diagnostics, fixes, completion and hover come from the language services (`dsl.services`)
that `prog lsp` uses, and the steps' words and the drive chart from the patient outputs that
`prog run` and the handout use, so the page never has an answer of its own. This module only
turns their values into JSON for the page.
"""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path
from typing import Any

from dsl import services
from dsl.api import run
from dsl.services import Document, Position, Range
from dsl.trace import step_dict


def document(path: Path, text: str) -> Document:
    return Document(text, str(path))


def analyse(path: Path, text: str) -> dict[str, Any]:
    """Diagnostics as `prog lint` gives them, each with its quick fixes, and the steps of a
    run with no retest answered yet."""
    doc = document(path, text)
    out = []
    for d in services.diagnose(doc):
        fixes = services.code_actions(doc, d.range, [d])
        out.append(
            {
                "from": _position(d.range.start),
                "to": _position(d.range.end),
                "severity": d.severity,
                "code": d.code,
                "message": d.message,
                "hint": d.hint,
                "file": d.file,
                "fixes": [_fix(f) for f in fixes],
            }
        )
    steps: list[dict[str, Any]] = []
    loaded = doc.loaded
    if loaded.ok and loaded.checked is not None:
        steps = [step_dict(s, doc.name) for s in run(loaded.checked)]
    return {"diagnostics": out, "steps": steps, "chart": ""}


def complete(path: Path, text: str, line: int, character: int) -> dict[str, Any]:
    items = services.complete(document(path, text), Position(line, character))
    return {
        "items": [
            {
                "label": c.label,
                "kind": c.kind,
                "detail": c.detail,
                "documentation": c.documentation,
                "replace": _range(c.replace) if c.replace else None,
            }
            for c in items
        ]
    }


def hover(path: Path, text: str, line: int, character: int) -> dict[str, Any]:
    found = services.hover(document(path, text), Position(line, character))
    if found is None:
        return {"contents": None}
    return {"contents": found.markdown, "range": _range(found.range)}


def format_edits(path: Path, text: str) -> dict[str, Any]:
    edits = services.format_edits(document(path, text))
    return {"edits": [_edit(e) for e in edits]}


def keywords() -> list[str]:
    """The language's keywords, as the grammar spells them, for the page's highlighter."""
    grammar = (files("dsl.grammar") / "prog.lark").read_text(encoding="utf-8")
    return sorted(set(re.findall(r'^[A-Z_]+:\s*"([a-z-]+)"i', grammar, re.MULTILINE)))


def _position(pos: Position) -> dict[str, int]:
    return {"line": pos.line, "character": pos.character}


def _range(range_: Range) -> dict[str, Any]:
    return {"start": _position(range_.start), "end": _position(range_.end)}


def _edit(edit: services.TextEdit) -> dict[str, Any]:
    return {"range": _range(edit.range), "new_text": edit.new_text}


def _fix(fix: services.Fix) -> dict[str, Any]:
    return {"title": fix.title, "edits": [_edit(e) for e in fix.edits], "preferred": fix.preferred}

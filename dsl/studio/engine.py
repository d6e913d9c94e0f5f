"""The studio's one door to the engine: a program's text in; what the page shows out.

Diagnostics, fixes, completion and hover come from the language services (`dsl.services`)
that `prog lsp` uses, and the steps' words and the drive chart from the patient outputs that
`prog run` and the handout use, so the page never has an answer of its own. This module only
turns their values into JSON for the page.
"""

from __future__ import annotations

import threading
from itertools import islice
from pathlib import Path
from typing import Any

from dsl import services
from dsl.api import run
from dsl.checker import Checked
from dsl.highlight.words import words
from dsl.outputs.chart import drive_svg
from dsl.outputs.words import program_words
from dsl.reparse import Reusable
from dsl.services import Document, Position, Range
from dsl.trace import step_dict

# The last clean parse of each file the page sent, so that a keystroke parses again only
# the blocks it changed (`dsl.reparse`). What is kept is known by its text and its line, so
# what any earlier text of the same file kept is right to reuse.
_EARLIER: dict[str, Reusable] = {}
_EARLIER_KEPT = 16  # files
_EARLIER_LOCK = threading.Lock()  # the page's requests are answered in a pool of threads


def document(path: Path, text: str) -> Document:
    return Document(text, str(path), earlier=_EARLIER.get(str(path)))


def _remember(doc: Document) -> None:
    """Keep what `doc`, checked, kept of its parse, for its file's next text."""
    reusable = doc.loaded.reusable
    if reusable is None or doc.path is None:
        return
    with _EARLIER_LOCK:
        _EARLIER.pop(doc.path, None)
        _EARLIER[doc.path] = reusable
        while len(_EARLIER) > _EARLIER_KEPT:
            del _EARLIER[next(iter(_EARLIER))]


def analyse(path: Path, text: str) -> dict[str, Any]:
    """Diagnostics as `prog lint` gives them, each with its quick fixes, and the steps of a
    run with no retest answered yet."""
    doc = document(path, text)
    found = services.diagnose(doc)
    fixes: dict[int, list[services.Fix]] = {}  # by the diagnostic each mends
    for fix in services.code_actions(doc, doc.whole(), found):
        fixes.setdefault(id(fix.diagnostic), []).append(fix)
    out = []
    for d in found:
        out.append(
            {
                "from": _position(d.range.start),
                "to": _position(d.range.end),
                "severity": d.severity,
                "code": d.code,
                "message": d.message,
                "hint": d.hint,
                "file": d.file,
                "fixes": [_fix(f) for f in fixes.get(id(d), [])],
            }
        )
    loaded = doc.loaded
    _remember(doc)
    if not loaded.ok or loaded.checked is None:
        return {"diagnostics": out, "steps": [], "chart": ""}
    steps = list(run(loaded.checked))
    shown = [
        step_dict(step, doc.name) | said.trace_keys()
        for step, said in zip(steps, program_words(loaded.checked, steps), strict=True)
    ]
    return {"diagnostics": out, "steps": shown, "chart": drive_svg(steps)}


def words_at(checked: Checked, answers: list[str], n: int) -> dict[str, str]:
    """What `prog run --json` says to the patient at step `n` of a run answered `answers`.

    The words of a step depend on the steps before it (a dose given earlier, how far a taper
    has got), so the run is walked again up to `n`: cheap next to a patient doing a step.
    """
    steps = list(islice(run(checked, answers), n))
    return program_words(checked, steps)[-1].trace_keys() if steps else {}


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


def language() -> dict[str, list[str]]:
    """The keywords and the core's vocabulary words, for the page's highlighter: the lists
    every highlighter of prog takes (`dsl.highlight.words`, read from the grammar)."""
    found = words()
    vocabulary = {w for s in found.statements for kind in s.vocabulary.values() for w in kind}
    return {"keywords": list(found.keywords), "vocabulary": sorted(vocabulary)}


def _position(pos: Position) -> dict[str, int]:
    return {"line": pos.line, "character": pos.character}


def _range(range_: Range) -> dict[str, Any]:
    return {"start": _position(range_.start), "end": _position(range_.end)}


def _edit(edit: services.TextEdit) -> dict[str, Any]:
    return {"range": _range(edit.range), "new_text": edit.new_text}


def _fix(fix: services.Fix) -> dict[str, Any]:
    return {"title": fix.title, "edits": [_edit(e) for e in fix.edits], "preferred": fix.preferred}

"""Diagnostics for a document: a `Document` in; what `prog lint` reports for that file out,
as ranges in the document's text.

The same engine as `prog lint` (`dsl.lint.engine.lint_loaded`) with the same settings
(`[tool.prog]` found from the document's path: select, ignore, per-file-ignores) and
`# noqa`, so the editor and CI never disagree. A problem inside an included file is shown
on the `include` line that brought it in, its message prefixed with where it really is.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from dsl import diagnostics as core
from dsl import nodes as n
from dsl.lint.engine import lint_loaded
from dsl.parser import paused_gc
from dsl.services.document import Document, Position, Range, never_raises

INTERNAL = "internal"  # the code of the one diagnostic given when prog itself fails


@dataclass(frozen=True)
class Diagnostic:
    """One problem at a range of the document. `severity` is error, warning or info;
    `suggestion` is the close word a `did you mean` names; `file` is the included file the
    problem is really in (None: this document)."""

    range: Range
    code: str
    severity: str
    message: str
    hint: str | None = None
    suggestion: str | None = None
    file: str | None = None


def _failure(message: str, code: str = INTERNAL) -> list[Diagnostic]:
    return [Diagnostic(Range(Position(0, 0), Position(0, 0)), code, core.ERROR, message)]


def _internal() -> list[Diagnostic]:
    return _failure("prog could not check this text (an internal error); please report it")


@never_raises(_internal)
def diagnose(doc: Document) -> list[Diagnostic]:
    """Every lint diagnostic of the document, sorted by position."""
    try:
        with paused_gc():
            found = lint_loaded(doc.loaded, doc.lint_settings, doc.vocabulary_registry)
    except RecursionError:
        return _failure("nested too deeply to lint", "P005")
    out = [_placed(doc, d) for d in found]
    return sorted(out, key=lambda d: (d.range.start, d.range.end, d.code))


def _placed(doc: Document, diagnostic: core.Diagnostic) -> Diagnostic:
    span = diagnostic.span
    if doc.owns(span):
        where, file, message = doc.span_range(span), None, diagnostic.message
    else:
        where = _include_line(doc, span.file)
        file = span.file
        shown = os.path.relpath(span.file, os.path.dirname(doc.name)) if doc.path else span.file
        message = f"{shown}:{span.line}:{span.col}: {diagnostic.message}"
    return Diagnostic(
        where,
        diagnostic.code,
        diagnostic.severity,
        message,
        diagnostic.hint,
        diagnostic.suggestion,
        file,
    )


def _include_line(doc: Document, file: str) -> Range:
    """The path of the `include` that brings in `file` (else the first include)."""
    program = doc.program
    includes = [s for s in program.statements if isinstance(s, n.Include)] if program else []
    folder = os.path.dirname(doc.name) if doc.path else ""
    for include in includes:
        if os.path.normpath(os.path.join(folder, include.path)) == os.path.normpath(file):
            return doc.span_range(include.path_span)
    if includes:
        return doc.span_range(includes[0].path_span)
    return Range(Position(0, 0), Position(0, 0))

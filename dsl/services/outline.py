"""The shape of a document: a `Document` in; its outline (phases and defines), the `define`
a `use` runs (across includes), and the ranges of its blocks for folding out.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from dsl import nodes as n
from dsl.services.document import Document, Position, Range, never_raises, statements


@dataclass(frozen=True)
class Symbol:
    """A phase or define: `range` is the whole block, `selection` its name."""

    name: str
    kind: str  # "phase" or "define"
    range: Range
    selection: Range
    detail: str = ""


@dataclass(frozen=True)
class Location:
    """A range in a file: `path` is None for the document itself."""

    path: str | None
    range: Range


@never_raises(list)
def symbols(doc: Document) -> list[Symbol]:
    """The document's phases and defines, in order, for an outline."""
    program = doc.program
    out = []
    for statement in program.statements if program is not None else ():
        if isinstance(statement, n.Phase | n.Define):
            count = len(statement.body)
            detail = f"{count} statement{'' if count == 1 else 's'}"
            out.append(
                Symbol(
                    statement.name.text,
                    statement.op,
                    doc.span_range(statement.span),
                    doc.span_range(statement.name.span),
                    detail,
                )
            )
    return out


@never_raises(lambda: None)
def definition(doc: Document, pos: Position) -> Location | None:
    """Where the `define` named by the `use` at `pos` is (here or in an included file), or
    the file an `include` at `pos` names."""
    checked = doc.loaded.checked
    for statement in statements(doc.program):
        if not doc.owns(statement.span):
            continue
        if isinstance(statement, n.Use) and doc.span_range(statement.name.span).contains(pos):
            info = checked.defines.get(statement.name.text) if checked is not None else None
            if info is None:
                return None
            span = info.node.name.span
            if doc.owns(span):
                return Location(None, doc.span_range(span))
            return Location(os.path.abspath(span.file), _plain_range(span))
        if (
            isinstance(statement, n.Include)
            and doc.path
            and doc.span_range(statement.path_span).contains(pos)
        ):
            target = os.path.join(os.path.dirname(doc.name), statement.path)
            if os.path.isfile(target):
                start = Position(0, 0)
                return Location(os.path.normpath(target), Range(start, start))
    return None


def _plain_range(span: n.Span) -> Range:
    return Range(
        Position(span.line - 1, span.col - 1), Position(span.end_line - 1, span.end_col - 1)
    )


@never_raises(list)
def folding(doc: Document) -> list[Range]:
    """The line ranges of the document's blocks that span more than one line."""
    out = []
    for statement in statements(doc.program):
        if isinstance(statement, n.Block) and doc.owns(statement.span):
            where = doc.span_range(statement.span)
            if where.end.line > where.start.line:
                out.append(where)
    return out

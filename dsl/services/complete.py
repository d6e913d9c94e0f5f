"""Completion: a document and a position in; the words that may stand there out.

The statement being typed is read from its line up to the position (a statement is one
line, or one `;`-separated part of it): its keyword and the words after it say what the
grammar expects next, and `dsl.services.words` gives the words of that kind in force for
this document (its sports, target, defines and includes). Inside a comment or a string
nothing is offered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dsl import nodes as n
from dsl.services import words
from dsl.services.document import Document, Position, Range, never_raises

# Strings (closed or not), comments, words, the punctuation that splits statements, the rest.
_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"?|#.*|[A-Za-z0-9][A-Za-z0-9.-]*|\.|[;:,]|\S')
_WORD_CHAR = re.compile(r"[A-Za-z0-9.-]")


@dataclass(frozen=True)
class Completion:
    """One word to offer. `kind` is what the grammar wants there (keyword, plane, limb,
    direction, sport direction, phase, side, position, motion, define, sport, muscle, …);
    `replace` is the part of the word already typed, which the completion replaces."""

    label: str
    kind: str
    detail: str = ""
    documentation: str = ""
    replace: Range | None = None


@dataclass(frozen=True)
class Place:
    """The statement the cursor is in: its words before the cursor, and the word being
    typed (`prefix`, from `start` to `end` on the line)."""

    words: list[str]
    prefix: str
    start: int
    end: int
    header: str | None  # the block header of an inline block on the same line (`try`)


def place(line: str, character: int) -> Place | None:
    """Where `character` is in `line`, or None inside a comment or a string."""
    start = character
    while start > 0 and _WORD_CHAR.match(line[start - 1]):
        start -= 1
    end = character
    while end < len(line) and _WORD_CHAR.match(line[end]):
        end += 1
    statement: list[str] = []
    header: str | None = None
    for match in _TOKEN.finditer(line[:start]):
        token = match.group()
        if token.startswith("#"):
            return None
        if token.startswith('"') and (len(token) == 1 or not token.endswith('"')):
            return None  # an open string runs to the cursor
        if token == ";":
            statement = []
        elif token == ":":
            header, statement = (statement[0] if statement else None), []
        else:
            statement.append(token.lower())
    return Place(statement, line[start:character], start, end, header)


@never_raises(list)
def complete(doc: Document, pos: Position) -> list[Completion]:
    """The words that may stand at `pos`, each with its meaning and, for a movement, its
    effect on the document's target hip."""
    line = doc.line(pos.line)
    if not 0 <= pos.character <= len(line):
        return []
    where = place(line, pos.character)
    if where is None:
        return []
    scope = words.scope_of(doc)
    for sport in _sports_on(doc, pos.line):  # the word being typed is not on yet
        scope.sports.pop(sport, None)
    if not where.words:
        found = words.keywords(
            scope,
            started=_started(doc, pos.line),
            in_try=where.header == "try" or _in_try(doc, pos.line),
        )
    else:
        found = words.expected(where.words[0], where.words[1:], scope)
    replace = Range(Position(pos.line, where.start), Position(pos.line, where.end))
    return [Completion(w.label, w.kind, w.detail, w.documentation, replace) for w in found]


def _sports_on(doc: Document, line: int) -> list[str]:
    """The sports the `sport` statements on 0-based `line` name."""
    program = doc.program
    if program is None:
        return []
    return [
        statement.name.text.lower()
        for statement in program.statements
        if isinstance(statement, n.SportLine) and statement.span.line - 1 == line
    ]


def _started(doc: Document, line: int) -> bool:
    """Whether a movement statement comes before 0-based `line` (context lines are over)."""
    program = doc.program
    if program is None:
        return False
    for statement in program.statements:
        if statement.span.line - 1 >= line:
            return False
        if not isinstance(statement, (*n.CONTEXT, n.Define)):
            return True
    return False


def _in_try(doc: Document, line: int) -> bool:
    """Whether 0-based `line` is in the indented body of a `try until better:` header."""
    text = doc.line(line)
    indent = len(text) - len(text.lstrip(" "))
    if not text.strip():
        indent = len(text)
    for number in range(line - 1, max(line - 200, -1), -1):
        above = doc.line(number)
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        above_indent = len(above) - len(above.lstrip(" "))
        if above_indent < indent:
            return above.strip().lower().startswith("try") and above.rstrip().endswith(":")
        if above_indent == 0:
            return False
    return False

"""Parsing a document again after an edit: a text and what the last clean parse of the
same document kept in; the parse out, with only the top-level blocks that changed parsed.

An editor sends the whole text at every keystroke, and parsing is most of what checking it
costs. But a program's top level is a list of statements and blocks, each starting at the
left margin, that the grammar reads one after another and never in the light of another
(strings and comments end with their line): so a file is cut into *pieces* at each line
that starts a statement at the left margin, and a piece that is the same text at the same
line as before has the same statements as before, spans included. A changed piece is
parsed on its own, with as many blank lines in front of it as there are lines above it, so
its tokens stand where they do in the file.

Only clean parses are reused: a piece with a syntax error (or any other finding of the
parser: a tab in the indentation, a stray block) sends the whole text through the parser,
where recovery, slips and their wording see the whole file as they always do. The property
tests check that the pieces give exactly the statements a whole parse gives.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from dsl import nodes as n
from dsl.diagnostics import Diagnostic
from dsl.parser import parse
from dsl.record import record
from dsl.source import Source

# A line that starts a statement at the left margin: not blank, not indented, not a comment.
_STARTS_TOP = re.compile(r"[^ \t\r\n#]")

Piece = tuple[int, str]  # (its first line, from 1; its text)


@record
class Reusable:
    """What a clean parse of one text keeps for the next text of the same document: each
    piece's statements, by the piece."""

    name: str
    known: frozenset[str]
    pieces: dict[Piece, tuple[n.Statement, ...]]


def pieces(text: str) -> list[Piece]:
    """The text cut at each line that starts a statement at the left margin (the first
    piece also holds whatever comes before the first such line). A piece holds the blank
    lines below it, so a block typed at the end changes the piece before it too: that one
    is parsed again, which costs a little time and nothing else."""
    lines = text.split("\n")
    starts = [0] + [i for i in range(1, len(lines)) if _STARTS_TOP.match(lines[i])]
    ends = [*starts[1:], len(lines)]
    return [
        (start + 1, "\n".join(lines[start:end]) + "\n")
        for start, end in zip(starts, ends, strict=True)
    ]


def parse_again(
    source: Source, known: frozenset[str], earlier: Reusable | None
) -> tuple[n.Program, list[Diagnostic], Reusable | None]:
    """The parse of `source` (as `parser.parse` gives it), reusing `earlier`'s pieces that
    are unchanged; and what the next text may reuse (None unless this parse was clean)."""
    cut = pieces(source.text)
    if earlier is None or earlier.name != source.name or earlier.known != known:
        return _whole(source, known, cut)
    statements: list[n.Statement] = []
    kept: dict[Piece, tuple[n.Statement, ...]] = {}
    for piece in cut:
        found = earlier.pieces.get(piece)
        if found is None:
            first, text = piece
            program, problems = parse(Source(source.name, "\n" * (first - 1) + text, None), known)
            if problems or program.broken:
                return _whole(source, known, cut)
            found = program.statements
        kept[piece] = found
        statements.extend(found)
    return n.Program(source.name, tuple(statements)), [], Reusable(source.name, known, kept)


def _whole(
    source: Source, known: frozenset[str], cut: list[Piece]
) -> tuple[n.Program, list[Diagnostic], Reusable | None]:
    """The whole text parsed; its statements shared out to the pieces if it parsed clean."""
    program, diagnostics = parse(source, known)
    if diagnostics or program.broken:
        return program, diagnostics, None
    firsts = [first for first, _ in cut]
    by_piece: list[list[n.Statement]] = [[] for _ in cut]
    for statement in program.statements:
        by_piece[bisect_right(firsts, statement.span.line) - 1].append(statement)
    kept = {piece: tuple(found) for piece, found in zip(cut, by_piece, strict=True)}
    return program, diagnostics, Reusable(source.name, known, kept)

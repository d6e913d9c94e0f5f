"""The formatter: a parsed program and its source text in; the text in canonical layout out.

The layout: each statement on its own line in its canonical form (`dsl.canonical`: lower
case, single spaces, normalised doses), blocks indented by 4 spaces, inline blocks and
`;` lines spread out one statement per line. Comments stay where they were: a comment on a
line of its own stays on a line of its own, at the indentation of the block it was in; a
comment after a statement stays after it (on a `;` line, after the last statement of that
line). A run of blank lines becomes one; blank lines at the start and end go.

Only the AST decides what is written, so formatting cannot change what a program means;
`same_shape` lets the caller prove it on the result before writing anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from dsl import canonical
from dsl import nodes as n
from dsl.comments import Comment, comments
from dsl.diagnostics import ERROR, Diagnostic
from dsl.parser import parse
from dsl.source import Source

INDENT = "    "


@dataclass
class _Item:
    """One output line: a statement (with its trailing comment) or a comment alone."""

    line: int  # source line it comes from
    depth: int
    text: str
    col: int = 1  # source column (indentation + 1) of a statement
    header: bool = False
    trailing: str | None = None
    comment: bool = False  # a comment on a line of its own


def _statements(statements: tuple[n.Statement, ...], depth: int) -> list[_Item]:
    items = []
    for statement in statements:
        span = statement.header_span if isinstance(statement, n.Block) else statement.span
        items.append(
            _Item(
                span.line,
                depth,
                canonical.text(statement),
                span.col,
                header=isinstance(statement, n.Block),
            )
        )
        if isinstance(statement, n.Block):
            items.extend(_statements(statement.body, depth + 1))
    return items


def _indent_at(statements: list[_Item], depth: int) -> int | None:
    """The source indentation of the latest statement at `depth`."""
    for item in reversed(statements):
        if item.depth == depth:
            return item.col - 1
    return None


def _comment_depth(comment: Comment, before: list[_Item], after: _Item | None) -> int:
    """The block depth a comment on a line of its own belongs to.

    It can sit anywhere from the depth of the next statement to the depth inside the block
    of the previous one; of those, the deepest whose source indentation it reaches.
    """
    statements = [item for item in before if not item.comment]
    previous = statements[-1] if statements else None
    high = (previous.depth + (1 if previous.header else 0)) if previous else 0
    low = min(after.depth if after is not None else 0, high)
    indent = comment.col - 1
    for depth in range(high, low, -1):
        if after is not None and depth == after.depth:
            known: int | None = after.col - 1
        else:
            known = _indent_at(statements, depth)
        if known is not None and known <= indent:
            return depth
    return low


def format_program(program: n.Program, text: str) -> str:
    """`text` (the source of `program`) in canonical layout."""
    statements = _statements(program.statements, 0)
    found = comments(text)
    # A trailing comment goes with the last statement that starts on its line.
    last_on_line = {item.line: item for item in statements}
    for line, comment in found.items():
        if not comment.alone and line in last_on_line:
            last_on_line[line].trailing = comment.text
    alone = sorted(
        (c for c in found.values() if c.alone or c.line not in last_on_line), key=lambda c: c.line
    )
    items: list[_Item] = []
    next_statement = 0
    for comment in alone:
        while next_statement < len(statements) and statements[next_statement].line < comment.line:
            items.append(statements[next_statement])
            next_statement += 1
        after = statements[next_statement] if next_statement < len(statements) else None
        depth = _comment_depth(comment, items, after)
        items.append(_Item(comment.line, depth, comment.text, comment=True))
    items.extend(statements[next_statement:])
    return _write(items, text.split("\n"))


def _write(items: list[_Item], source: list[str]) -> str:
    out: list[str] = []
    previous: _Item | None = None
    for item in items:
        if previous is not None and previous.line < item.line:
            between = source[previous.line : item.line - 1]
            if any(not line.strip() for line in between):
                out.append("")
        line = INDENT * item.depth + item.text
        if item.trailing is not None:
            line += "  " + item.trailing
        out.append(line)
        previous = item
    return "\n".join(out) + "\n" if out else ""


def shape(statements: tuple[n.Statement, ...]) -> tuple[object, ...]:
    """What a program says, without where it says it: canonical texts and block nesting.

    Two programs of the same shape produce the same steps, so a formatted text whose shape
    equals the original's means the same.
    """
    return tuple(
        (canonical.text(s), shape(s.body) if isinstance(s, n.Block) else ()) for s in statements
    )


def only_tabs(errors: list[Diagnostic], text: str) -> bool:
    """Whether every error is a tab in an indentation, which formatting itself mends."""
    lines = text.split("\n")
    for error in errors:
        line = lines[error.span.line - 1] if error.span.line <= len(lines) else ""
        indentation = line[: len(line) - len(line.lstrip(" \t"))]
        if error.code != "P001" or error.span.col != 1 or "\t" not in indentation:
            return False
    return True


def formattable(program: n.Program | None, text: str, diagnostics: list[Diagnostic]) -> bool:
    """Whether `program` can be formatted: it parsed, and its only errors are tabs."""
    errors = [d for d in diagnostics if d.severity == ERROR]
    return program is not None and (not errors or only_tabs(errors, text))


def reformat(program: n.Program, text: str) -> str | None:
    """`text` in canonical layout, proven to mean the same by parsing it again; None if
    it would not (a fault of the formatter's: the caller leaves the text as it was)."""
    formatted = format_program(program, text)
    again, problems = parse(Source(program.file, formatted, None))
    if shape(again.statements) != shape(program.statements) or any(
        d.severity == ERROR for d in problems
    ):
        return None
    return formatted

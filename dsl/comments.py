"""Comments: source text in; where each line's `#` comment starts, and its text, out.

The grammar throws comments away, so the tools that care about them (the linter's
`# noqa`, the formatter that keeps them where they were) scan the lines here. A `#` inside
a double-quoted string (`note "see #3"`) starts no comment.
"""

from __future__ import annotations

from dsl.record import record


@record
class Comment:
    """A `#` comment on one line: 1-based line and column of the `#`, text from `#` on."""

    line: int
    col: int
    text: str
    alone: bool  # nothing but blanks before it on its line

    @property
    def end_col(self) -> int:
        return self.col + len(self.text)


def comment_start(line: str) -> int | None:
    """The 0-based index of the `#` that starts this line's comment, or None."""
    if "#" not in line:  # most lines: no need to walk them character by character
        return None
    in_string = False
    escaped = False
    for index, char in enumerate(line):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char == "#":
            return index
    return None


def comments(text: str) -> dict[int, Comment]:
    """Every comment in `text`, by line number."""
    found: dict[int, Comment] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        start = comment_start(line)
        if start is not None:
            body = line[start:].rstrip()
            found[number] = Comment(number, start + 1, body, not line[:start].strip())
    return found

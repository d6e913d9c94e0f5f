"""The step ceiling, seen from the text: a program's source in; a P005 if it plainly holds
more than 100,000 steps, before it is parsed, out.

Spec §7 asks for the over-100,000-steps error "quickly, whatever the shape". The checker
finds it without expanding a `use`, but only after parsing, and parsing costs time in
proportion to the statements: a 5 MB line of `retest;` is 750,000 of them, seconds of work
to be told the program is too long. Every movement or progression statement outside a
`define` is at least one step (`ops.step_count`), so counting those in the text, with
regular expressions over the whole text rather than a loop over its statements, is a
lower bound on the steps. Past the ceiling the file is refused at once.

The count looks only at statement keywords after a line start, a `;` or a header's `:`,
in text whose strings, comments and `define` blocks have been blanked out (kept as
spaces, so positions stay put): it can count a statement the checker would reject (an
unknown word), never one that is not there. A file whose text holds more than 100,000 such
statements is refused even if some of them have errors: it is too long either way.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import islice

from dsl.checker import MAX_STEPS
from dsl.diagnostics import Diagnostic, make
from dsl.nodes import Span
from dsl.syntax import KEYWORDS, STATEMENT_KEYWORDS

# Each statement but these is one step or more wherever it runs (a `try`'s alternative is
# three): context lines and block headers are none, and `use` may be none.
NO_STEP = {"PROGRAM", "TARGET", "SPORT", "INCLUDE", "USE", "PHASE", "DEFINE", "TRY"}
STEP_KEYWORDS = sorted(KEYWORDS[name] for name in STATEMENT_KEYWORDS - NO_STEP)


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    """The step statement, a string or comment, a `define` with its block, and a line's
    text: compiled when a text is first long enough to need them, not when every `prog
    lint` starts."""
    statement = re.compile(
        r"(?:^|[;:])[ \t]*(?:" + "|".join(STEP_KEYWORDS) + r")(?![A-Za-z0-9.-])",
        re.IGNORECASE | re.ASCII | re.MULTILINE,
    )
    # A string (closed, or running to the line's end) or a comment.
    quoted = re.compile(r'"(?:[^"\\\n]|\\[^\n])*"?|#[^\n]*')
    # A `define` header, at any depth, with the lines of its block (deeper, or blank).
    define = re.compile(
        r"^([ \t]*)define(?![A-Za-z0-9.-])[^\n]*(?:\n(?:\1[ \t]+[^\n]*|[ \t]*(?=\n)))*",
        re.IGNORECASE | re.ASCII | re.MULTILINE,
    )
    return statement, quoted, define, re.compile(r"[^\n]+")


def _blank(match: re.Match[str]) -> str:
    return _patterns()[3].sub(lambda part: " " * len(part.group()), match.group())


def over_ceiling(text: str, name: str) -> Diagnostic | None:
    """A P005 at the statement that takes `text` past `MAX_STEPS` steps, if its statements
    outside defines already do; None otherwise (the checker still counts what `use` adds)."""
    if text.count("\n") + text.count(";") + text.count(":") < MAX_STEPS:
        return None  # too few statements to hold that many steps: no need to look
    statement, quoted, define, _ = _patterns()
    plain = quoted.sub(lambda m: " " * len(m.group()), text)
    plain = define.sub(_blank, plain)
    past = next(islice(statement.finditer(plain), MAX_STEPS, None), None)
    if past is None:
        return None
    start = past.end() - len(past.group().lstrip(";: \t"))
    line = plain.count("\n", 0, start) + 1
    col = start - (plain.rfind("\n", 0, start) + 1) + 1
    return make(
        "P005",
        f"the program expands to more than {MAX_STEPS:,} steps",
        Span(name, line, col, line, col + past.end() - start),
        hint="split it into several programs; a session of that many steps is not one "
        "a clinician can run",
    )

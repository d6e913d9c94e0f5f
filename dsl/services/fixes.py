"""Quick fixes: a document, a range and the diagnostics there in; the edits that mend them out.

- a word the vocabulary does not know (P002 and others with a `did you mean`): replace it
  with the suggestion;
- a sport's word without its `sport` line (P003): add `sport NAME` with the context lines
  at the top;
- two kinds of tweak with no retest between (P102): insert a `retest` before the statement;
- any warning or info: add `# noqa: CODE` to its line (errors cannot be silenced);
- a `# noqa` that silences nothing (P108 on the directive): take out the code it names, or
  the whole directive when that was its only code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from dsl import nodes as n
from dsl.comments import comment_start
from dsl.lint.noqa import Directive, directives, silenceable
from dsl.services.diagnose import Diagnostic, diagnose
from dsl.services.document import Document, Position, Range, TextEdit, never_raises

_SPORT = re.compile(r"`sport ([a-z0-9][a-z0-9-]*)`")
_UNKNOWN = re.compile(r"unknown [^`]*`([^`]+)`")
_NAMED = re.compile(r"`# noqa: ([A-Z0-9]+)`")  # the code a P108 about a directive names


@dataclass(frozen=True)
class Fix:
    """One quick fix: a title for the menu, the diagnostic it mends (one of those it was
    given, so a client can point at that one, not at another of the same code), and its
    edits."""

    title: str
    diagnostic: Diagnostic
    edits: list[TextEdit]
    preferred: bool = False

    @property
    def code(self) -> str:
        return self.diagnostic.code


@never_raises(list)
def code_actions(
    doc: Document, range: Range, diagnostics: list[Diagnostic] | None = None
) -> list[Fix]:
    """The fixes for `diagnostics` (default: the document's own) that touch `range`."""
    found = diagnose(doc) if diagnostics is None else diagnostics
    out: list[Fix] = []
    for diagnostic in found:
        if diagnostic.file is not None or not diagnostic.range.overlaps(range):
            continue
        for make in _FIXERS:
            out.extend(make(doc, diagnostic, found))
    return out


def _suggestion(doc: Document, diagnostic: Diagnostic, _: list[Diagnostic]) -> Iterator[Fix]:
    guess = diagnostic.suggestion
    if not guess:
        return
    written = doc.slice(diagnostic.range)
    where = diagnostic.range
    match = _UNKNOWN.search(diagnostic.message)
    unknown = match.group(1) if match else written
    if unknown != written.lower() and unknown in written.lower():
        # `SPORT.WROGN`: the message names only the part that is wrong.
        offset = written.lower().index(unknown)
        start = Position(where.start.line, where.start.character + offset)
        where = Range(start, Position(start.line, start.character + len(unknown)))
        written = unknown
    if not written or written.lower() == guess:
        return
    yield Fix(
        f"Replace `{written}` with `{guess}`",
        diagnostic,
        [TextEdit(where, guess)],
        preferred=True,
    )


def _sport_line(doc: Document, diagnostic: Diagnostic, _: list[Diagnostic]) -> Iterator[Fix]:
    if diagnostic.code != "P003":
        return
    match = _SPORT.search(diagnostic.message)
    if match is None:
        return
    sport = match.group(1)
    at = Position(_context_end(doc), 0)
    yield Fix(
        f"Add `sport {sport}` at the top",
        diagnostic,
        [TextEdit(Range(at, at), f"sport {sport}\n")],
        preferred=True,
    )


def _context_end(doc: Document) -> int:
    """The 0-based line after the last context line at the top (else the first statement's)."""
    program = doc.program
    line = 0
    for statement in program.statements if program is not None else ():
        if not isinstance(statement, n.CONTEXT):
            return line if line else statement.span.line - 1
        line = statement.span.end_line
    return line


def _retest(doc: Document, diagnostic: Diagnostic, _: list[Diagnostic]) -> Iterator[Fix]:
    if diagnostic.code != "P102":
        return
    start = diagnostic.range.start
    text = doc.line(start.line)
    indentation = text[: start.character]
    at = Range(start, start)
    if indentation.strip():  # after a `;` or a block header on the same line
        new = "retest; "
    else:
        new = "retest\n" + indentation
    yield Fix("Insert `retest` before this line", diagnostic, [TextEdit(at, new)])


def _directive_at(doc: Document, diagnostic: Diagnostic) -> Directive | None:
    """The `# noqa` directive a diagnostic is about (a P108 sits on the directive itself)."""
    number = diagnostic.range.start.line
    directive = directives(doc.line(number), doc.name).get(1)
    if directive is None or diagnostic.code != "P108":
        return None
    if diagnostic.range.start.character != directive.span.col - 1:
        return None
    return directive


def _stale_noqa(doc: Document, diagnostic: Diagnostic, found: list[Diagnostic]) -> Iterator[Fix]:
    """A `# noqa` that silences nothing: take out the codes the P108s on it name (the
    directive, when those were all its codes), as the warning's help says. `found` are the
    document's diagnostics, as `code_actions` has them: the document is not linted again."""
    directive = _directive_at(doc, diagnostic)
    if directive is None:
        return
    stale = {  # every code of this directive a P108 says silences nothing: all go at once
        named.group(1)
        for other in [diagnostic, *found]
        if other.code == "P108"
        and other.range.start == diagnostic.range.start
        and (named := _NAMED.match(other.message)) is not None
    }
    number = diagnostic.range.start.line
    text = doc.line(number)
    start, end = directive.span.col - 1, directive.span.end_col - 1
    kept = [c for c in directive.codes or () if c not in stale]
    if stale and kept:
        edit = TextEdit(Range(Position(number, start), Position(number, end)), _written(kept))
        gone = ", ".join(f"`{code}`" for code in directive.codes or () if code in stale)
        yield Fix(f"Remove {gone} from the `# noqa`", diagnostic, [edit], preferred=True)
        return
    if text[end:].strip():  # something written after it in the comment: keep that a comment
        mark = "#" if comment_start(text) == start else ""
        edit = TextEdit(Range(Position(number, start), Position(number, end)), mark)
    else:  # the directive ends the line: take it and the blanks before it
        start = len(text[:start].rstrip())
        edit = TextEdit(Range(Position(number, start), Position(number, len(text))), "")
    yield Fix("Remove the `# noqa`", diagnostic, [edit], preferred=True)


def _written(codes: list[str]) -> str:
    return "# noqa: " + ", ".join(codes)


def _noqa(doc: Document, diagnostic: Diagnostic, _: list[Diagnostic]) -> Iterator[Fix]:
    code = diagnostic.code
    if not silenceable(code) or not re.fullmatch(r"[A-Z]{1,2}[0-9]{3}", code):
        return
    if _directive_at(doc, diagnostic) is not None:
        return  # silencing a warning about the directive would only add another
    number = diagnostic.range.start.line
    text = doc.line(number)
    directive = directives(text, doc.name).get(1)
    if directive is not None and directive.codes is None:
        return  # a blanket directive already silences every code on the line
    if directive is not None:
        end = Position(number, directive.span.end_col - 1)
        edit = TextEdit(Range(end, end), f", {code}")
    else:
        stripped = len(text.rstrip())
        edit = TextEdit(
            Range(Position(number, stripped), Position(number, len(text))), f"  # noqa: {code}"
        )
    yield Fix(f"Silence {code} on this line (`# noqa: {code}`)", diagnostic, [edit])


# Each takes the document, a diagnostic and all the document's diagnostics it was given.
_FIXERS: tuple[Callable[[Document, Diagnostic, list[Diagnostic]], Iterator[Fix]], ...] = (
    _suggestion,
    _sport_line,
    _retest,
    _stale_noqa,
    _noqa,
)

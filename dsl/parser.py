"""Parser: `Source` text in; a `nodes.Program` and syntax diagnostics (P001, P005) out.

One LALR parser with the contextual lexer and an indentation postlexer; Lark builds its
tables, which are kept between runs in the user's cache folder (`grammar_cache`). The
AST is built while parsing, with spans taken from the tokens themselves: no Lark tree is
built and `propagate_positions` is not needed, which saves about a third of the parse
time. Well-formed text is read a statement at a time by one regular expression
(`line_parser`); what it is not sure of goes through a lean loop over the stored tables
(`lalr`), without importing Lark; anything else through Lark's loop, so every syntax error
is worded from Lark's own exception. The cyclic garbage collector is paused while a text
is parsed: the parse makes objects that all live on, and collecting among them only costs
time (a fifth more on a big file). Lark objects never leave this module.

After a syntax error the offending line is mended if a common slip explains it (`slips`:
`glute med` for `glute-med`, an en dash for `-`), and the text parsed again as if the
repair had been typed, so the rest of the file is checked as the clinician meant it; a line
no repair explains is blanked instead. Either way one file reports several errors (up to
`MAX_SYNTAX_ERRORS`), the good lines are still checked, and a blanked context line is
named in `Program.broken`, so no stage reports it missing as well.
Each new attempt parses the whole text again, so the attempts share a budget of
`MAX_REPARSED` characters: a program-sized file gets all its tries, while a multi-megabyte
one stops after its first error or two instead of taking minutes.
The results of the last few small texts are kept: an included library is parsed once per
process, not once per program that includes it.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, cast

from dsl import grammar_cache, lalr, line_parser, syntax
from dsl import nodes as n
from dsl.diagnostics import Diagnostic, make
from dsl.lalr import Token
from dsl.line_parser import MAX_DIGITS, unescape
from dsl.source import Source

MAX_SYNTAX_ERRORS = 20
MAX_REPARSED = 4 * 1024 * 1024  # characters parsed again after syntax errors, in all
MAX_DEPTH = 32
REMEMBERED = 64  # parse results kept, for texts up to REMEMBERED_SIZE characters
REMEMBERED_SIZE = 16 * 1024  # a library of a few hundred lines; keeps the memo small


class _Stop(Exception):
    """A problem after which parsing this file is pointless (nesting limit, bad indentation)."""

    def __init__(self, diagnostic: Diagnostic, *, fatal: bool) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic
        self.fatal = fatal


class _Indenter:
    """The indentation postlexer (Lark's protocol: `process`, `always_accept`): a line end
    that opens or closes blocks also yields INDENT or DEDENT tokens, with a clear error for
    tabs and the depth limit."""

    NL_type = "_NL"
    INDENT_type = "_INDENT"
    DEDENT_type = "_DEDENT"
    always_accept = (NL_type,)
    tab_len = 4

    def __init__(self, builder: _AstBuilder) -> None:
        self.builder = builder
        self.indent_level = [0]

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        """Lark's loop: every token of `stream`, with the blocks' INDENTs and DEDENTs."""
        self.indent_level = [0]
        first = True
        for token in stream:
            if token.type == self.NL_type:
                yield from self.handle_NL(token)
            else:
                column = token.column or 1
                if first and column > 1:
                    # The first line has no line end before it to carry its indentation:
                    # open its block here, so it is an indented line like any other.
                    self.indent_level.append(column - 1)
                    yield Token.new_borrow_pos(self.INDENT_type, "", token)
                yield token
            first = False
        while len(self.indent_level) > 1:
            self.indent_level.pop()
            yield Token(self.DEDENT_type, "")

    def handle_NL(self, token: Token) -> Iterator[Token]:
        yield token
        last = token.rsplit("\n", 1)[1]
        # A token that ends in a comment ends the file: there is nothing left to indent.
        indent_str = last if not last.strip() else ""
        line = (token.end_line or 1) if "\n" in token else (token.line or 1)
        if "\t" in indent_str:
            self.builder.report(
                make(
                    "P001",
                    "a tab in the indentation; indent with spaces",
                    self.builder.span_at(line, 1, len(indent_str) + 1),
                    hint="`prog fmt` rewrites the file with 4 spaces per level",
                )
            )
        indent = indent_str.count(" ") + indent_str.count("\t") * self.tab_len
        if indent > self.indent_level[-1]:
            if len(self.indent_level) > MAX_DEPTH:
                raise _Stop(
                    make(
                        "P005",
                        f"blocks nested deeper than {MAX_DEPTH} levels",
                        # At the line's first word, after its indentation: under a caret as
                        # wide as the indentation the line itself was cut from the view.
                        self.builder.span_at(line, len(indent_str) + 1, len(indent_str) + 2),
                    ),
                    fatal=True,
                )
            self.indent_level.append(indent)
            yield Token.new_borrow_pos(self.INDENT_type, indent_str, token)
            return
        while indent < self.indent_level[-1]:
            self.indent_level.pop()
            yield Token.new_borrow_pos(self.DEDENT_type, indent_str, token)
        if indent != self.indent_level[-1]:
            raise _Stop(
                make(
                    "P001",
                    "this line's indentation matches no block above it",
                    self.builder.span_at(line, 1, indent + 1),
                    hint="indent each block by the same amount (4 spaces)",
                ),
                fatal=False,
            )


class _AstBuilder:
    """Builds `nodes` from tokens as the parser reduces each rule."""

    def __init__(self) -> None:
        self.file = ""
        self.diagnostics: list[Diagnostic] = []

    def reset(self, file: str) -> None:
        self.file = file
        self.diagnostics = []

    def report(self, diagnostic: Diagnostic) -> None:
        self.diagnostics.append(diagnostic)

    def span_at(self, line: int, col: int, end_col: int) -> n.Span:
        return n.Span(self.file, line, col, line, end_col)

    def _span(self, token: Any) -> n.Span:
        return n.Span(self.file, token.line, token.column, token.end_line, token.end_column)

    def _word(self, token: Any) -> n.Word:
        return n.Word(token.lower(), self._span(token))

    def _stmt_span(self, first: Any, last: Any) -> n.Span:
        """From the first token to the end of `last`: a token, or a node with a span."""
        if isinstance(last, str):  # a token: the lean loop's or Lark's
            token: Any = last
            return n.Span(self.file, first.line, first.column, token.end_line, token.end_column)
        end = last.span
        return n.Span(self.file, first.line, first.column, end.end_line, end.end_col)

    def _number(self, token: Token, digits: str | None = None) -> int:
        digits = digits if digits is not None else token.lstrip("xX").rstrip("smSM")
        if len(digits) > MAX_DIGITS:
            self.report(
                make("P005", f"the number `{digits[:12]}…` is too large", self._span(token))
            )
            return 10**MAX_DIGITS
        return int(digits)

    # --- file and blocks ---------------------------------------------------------------

    def start(self, children: list[n.Statement]) -> list[n.Statement]:
        return children

    def inline_body(self, children: list[n.Statement]) -> tuple[bool, list[n.Statement]]:
        return (True, children)

    def _block(self, cls: type, children: list[Any], header_end: int) -> Any:
        keyword = children[0]
        header = children[:header_end]
        rest = children[header_end:]
        inline = len(rest) == 1 and isinstance(rest[0], tuple)
        body = tuple(rest[0][1]) if inline else tuple(rest)
        header_span = self._stmt_span(keyword, header[-1])
        span = header_span.to(body[-1].span) if body else header_span
        extra = {"name": self._word(children[1])} if cls in (n.Phase, n.Define) else {}
        return cls(span=span, body=body, inline=inline, header_span=header_span, **extra)

    def phase(self, children: list[Any]) -> n.Phase:
        return self._block(n.Phase, children, 2)

    def define(self, children: list[Any]) -> n.Define:
        return self._block(n.Define, children, 2)

    def try_(self, children: list[Any]) -> n.Try:
        return self._block(n.Try, children, 3)

    def stray_block(self, children: list[n.Statement]) -> n.StrayBlock:
        first = children[0].span
        return n.StrayBlock(
            span=first.to(children[-1].span), body=tuple(children), inline=False, header_span=first
        )

    # --- statements --------------------------------------------------------------------

    def program(self, c: list[Token]) -> n.ProgramTitle:
        return n.ProgramTitle(self._stmt_span(c[0], c[1]), unescape(c[1]))

    def target(self, c: list[Token]) -> n.Target:
        return n.Target(self._stmt_span(c[0], c[2]), self._word(c[1]), self._word(c[2]))

    def sport(self, c: list[Token]) -> n.SportLine:
        handed = self._word(c[3]) if len(c) == 4 else None
        return n.SportLine(self._stmt_span(c[0], c[-1]), self._word(c[1]), handed)

    def include(self, c: list[Token]) -> n.Include:
        return n.Include(self._stmt_span(c[0], c[1]), unescape(c[1]), self._span(c[1]))

    def pivot(self, c: list[Any]) -> n.Pivot:
        return n.Pivot(self._stmt_span(c[0], c[-1]), self._word(c[1]), c[2] if len(c) > 2 else None)

    def function(self, c: list[Any]) -> n.Function:
        dose = c[2] if len(c) > 2 else None
        return n.Function(self._stmt_span(c[0], c[-1]), self._word(c[1]), dose)

    def driver(self, c: list[Token]) -> n.Driver:
        return n.Driver(self._stmt_span(c[0], c[2]), self._word(c[1]), self._word(c[2]))

    def foot(self, c: list[Token]) -> n.Foot:
        return n.Foot(self._stmt_span(c[0], c[2]), self._word(c[1]), self._word(c[2]))

    def surface(self, c: list[Token]) -> n.Surface:
        direction = self._word(c[2]) if len(c) > 2 else None
        return n.Surface(self._stmt_span(c[0], c[-1]), self._word(c[1]), direction)

    def ground_reaction(self, c: list[Token]) -> n.GroundReaction:
        return n.GroundReaction(self._stmt_span(c[0], c[1]), self._word(c[1]))

    def retest(self, c: list[Token]) -> n.Retest:
        test = self._word(c[1]) if len(c) > 1 else None
        return n.Retest(self._stmt_span(c[0], c[-1]), test)

    def undo(self, c: list[Token]) -> n.Undo:
        return n.Undo(self._span(c[0]))

    def taper(self, c: list[Token]) -> n.Taper:
        over = over_span = None
        words = c[1:]
        if len(c) >= 3 and c[-2].type == "OVER":
            over, over_span = self._number(c[-1]), self._span(c[-1])
            words = c[1:-2]
        ref = tuple(self._word(t) for t in words)
        return n.Taper(self._stmt_span(c[0], c[-1]), ref, over, over_span)

    def disadvantage(self, c: list[Token]) -> n.Disadvantage:
        reverse = c[-1].type == "REVERSE"
        words = c[1:-1] if reverse else c[1:]
        motions = tuple(self._word(t) for t in words)
        return n.Disadvantage(self._stmt_span(c[0], c[-1]), motions, reverse)

    def restore(self, c: list[Token]) -> n.Restore:
        return n.Restore(self._stmt_span(c[0], c[-1]), tuple(self._word(t) for t in c[1:]))

    def note(self, c: list[Token]) -> n.Note:
        return n.Note(self._stmt_span(c[0], c[1]), unescape(c[1]))

    def use(self, c: list[Token]) -> n.Use:
        return n.Use(self._stmt_span(c[0], c[1]), self._word(c[1]))

    def dose(self, c: list[Token]) -> n.Dose:
        token = c[-1]
        span = self._stmt_span(c[0], token)
        if token.type == "DURATION":
            amount = self._number(token)
            unit = token[-1].lower()
            return n.Dose(span, seconds=amount * 60 if unit == "m" else amount, unit=unit)
        if token.type == "SETS_REPS":
            sets, reps = token.lower().split("x")
            return n.Dose(span, sets=self._number(token, sets), reps=self._number(token, reps))
        return n.Dose(span, reps=self._number(token))


# Lark calls a rule's callback by the rule's name; `try` is a Python keyword.
setattr(_AstBuilder, "try", _AstBuilder.try_)

# `g_regex_flags`: keywords are matched without regard to case in ASCII only (spec §2:
# words are ASCII), so `pıvot`, `PİVOT` or `ſport` are not read as `pivot` or `sport`, as
# Python's Unicode case folding would read them.
OPTIONS = {
    "parser": "lalr",
    "lexer": "contextual",
    "maybe_placeholders": False,
    "g_regex_flags": re.ASCII,
}


@lru_cache(maxsize=1)
def _builder() -> _AstBuilder:
    """The one AST builder: where the loops report, and the file they parse."""
    return _AstBuilder()


@lru_cache(maxsize=1)
def _parser() -> tuple[grammar_cache.Tables, _AstBuilder, lalr.Runner | None]:
    """The stored tables, the AST builder, and the lean loop over them (if it can run):
    read only when the line parser leaves a text to the loops, so a clean file's lint
    does not load them at all."""
    builder = _builder()
    indenter = _Indenter(builder)
    tables = grammar_cache.Tables(syntax.grammar_text(), OPTIONS, indenter)
    return tables, builder, lalr.Runner.for_tables(tables.runner, builder, indenter)


@lru_cache(maxsize=1)
def _lark() -> Any:
    """Lark's own parser over the same tables, for texts the lean loop leaves to it."""
    tables, builder, _ = _parser()
    return tables.lark(builder)


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection inside: for work that makes many objects that all live."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def parse(
    source: Source, known: frozenset[str] = frozenset()
) -> tuple[n.Program, list[Diagnostic]]:
    """Parse one source text; every syntax error found, in order, with a location.

    `known` is the vocabulary in force: a slip's repair that makes a known word is preferred.
    """
    if len(source.text) > REMEMBERED_SIZE:
        with paused_gc():
            return _parse(source, known)
    program, diagnostics = _remembered(source.name, source.text, known)
    return program, list(diagnostics)


@lru_cache(maxsize=REMEMBERED)
def _remembered(
    name: str, text: str, known: frozenset[str]
) -> tuple[n.Program, tuple[Diagnostic, ...]]:
    with paused_gc():
        program, diagnostics = _parse(Source(name, text, None), known)
    return program, tuple(diagnostics)


CONTEXT_KEYWORDS = ("program", "target", "sport", "include")
GAVE_UP = "*"  # in `Program.broken`: parsing stopped, every line may be missing


def _parse(source: Source, known: frozenset[str]) -> tuple[n.Program, list[Diagnostic]]:
    builder = _builder()
    text = source.text if source.text.endswith("\n") else source.text + "\n"
    errors: list[Diagnostic] = []
    blanked: set[int] = set()
    repaired: set[int] = set()
    broken: set[str] = set()
    statements: list[n.Statement] = []
    while True:
        builder.reset(source.name)
        indentation = False
        try:
            statements = cast(list[n.Statement], _run(builder, text))
            break
        except _Stop as stop:
            diagnostic, indentation = stop.diagnostic, True
            if stop.fatal:
                return n.Program(source.name, ()), [*errors, diagnostic]
        except _SyntaxError as error:
            diagnostic = syntax.describe(error.lark_error, source.name, text)
        line = diagnostic.span.line
        if line not in repaired:  # after a repair, a second error on its line is a knock-on
            errors.append(diagnostic)
        reparsed = len(text) * (len(errors) + len(repaired))
        if len(errors) >= MAX_SYNTAX_ERRORS or line in blanked or reparsed > MAX_REPARSED:
            # Parsing gave up: nothing of the file is known, so nothing is "missing" either.
            return n.Program(source.name, (), (*CONTEXT_KEYWORDS, GAVE_UP)), errors
        mended = None if line in repaired or indentation else _mend(text, diagnostic, known)
        if mended is not None:
            errors[-1], text = mended
            repaired.add(line)
            continue
        blanked.add(line)
        first = text.split("\n")[line - 1].split(None, 1)[:1]
        broken.add(first[0].lower() if first else "")
        text = _blank_line(text, line)
    diagnostics = errors + builder.diagnostics
    diagnostics.extend(_stray_blocks(statements, blanked, source.name, file_start=True))
    return n.Program(source.name, tuple(statements), tuple(sorted(broken))), diagnostics


def _mend(
    text: str, diagnostic: Diagnostic, known: frozenset[str]
) -> tuple[Diagnostic, str] | None:
    """The diagnostic worded as the slip it is, and the text with its line mended; None if
    no common slip explains the error (`slips`)."""
    from dsl import slips  # only after a syntax error: a clean parse never loads it

    lines = text.split("\n")
    number = diagnostic.span.line
    if not 1 <= number <= len(lines) or diagnostic.code != "P001":
        return None
    line = lines[number - 1]
    span = diagnostic.span
    repair = None
    keywords = syntax.KEYWORDS.values()
    if diagnostic.suggestion and span.end_line == span.line:  # a misspelt keyword
        own = slips.Repair(
            span.col, span.end_col, diagnostic.suggestion, diagnostic.message, diagnostic.hint or ""
        )
        mended = own.apply(line)
        if slips.plausible(mended, known, keywords) and _parses(mended):
            repair = own
    if repair is None:
        repair = slips.best(line, _parses, known, keywords)
    if repair is None:
        return None
    mended = repair.apply(line)
    lines[number - 1] = mended + " " * max(0, len(line) - len(mended))  # columns stay put
    located = n.Span(span.file, number, repair.col, number, repair.end_col)
    return (
        make("P001", repair.message, located, hint=repair.hint, suggestion=repair.text),
        "\n".join(lines),
    )


def _parses(line: str) -> bool:
    """True if `line`, taken on its own, is a well-formed statement (or block header)."""
    builder = _builder()
    file = builder.file
    builder.reset(file)
    try:
        _run(builder, line.strip() + "\n")
        return True
    except (_SyntaxError, _Stop):
        return False
    finally:
        builder.reset(file)


class _SyntaxError(Exception):
    """Lark's loop found a syntax error (Lark's exception, for `syntax.describe`)."""

    def __init__(self, lark_error: Any) -> None:
        super().__init__(str(lark_error))
        self.lark_error = lark_error


def _run(builder: _AstBuilder, text: str) -> Any:
    """The statements of `text`: by the line parser if it is sure, else by the lean loop if
    it can, else (and for every error) by Lark's, after forgetting whatever the lean loop
    had reported. A line no statement's pattern takes goes to Lark's loop straight: it is
    most often a syntax error (a tenth of a lint of an untidy library was the lean loop
    reading up to errors), and Lark's loop reads a well-formed one too."""
    lean = True
    try:
        return line_parser.parse(text, builder.file)
    except line_parser.NoStatement:  # the lean loop would only read up to the error
        lean = False
    except Exception:  # Unsure, or a fault of its own: the loops below are always right
        pass
    _, _, runner = _parser()
    if runner is not None and lean:
        try:
            return runner.parse(text)
        except Exception:
            builder.reset(builder.file)
    from lark.exceptions import UnexpectedInput

    try:
        return _lark().parse(text)
    except UnexpectedInput as error:
        raise _SyntaxError(error) from None


def _blank_line(text: str, line: int) -> str:
    """The text with line `line` (1-based) turned into spaces, so positions stay put."""
    lines = text.split("\n")
    if 1 <= line <= len(lines):
        lines[line - 1] = " " * len(lines[line - 1])
    return "\n".join(lines)


def _stray_blocks(
    statements: list[n.Statement], blanked: set[int], file: str, file_start: bool = False
) -> Iterator[Diagnostic]:
    """P001 for indented lines with no header, unless their header was already reported.

    A header with a syntax error is blanked before the re-parse, which leaves its block
    "stray"; that block must not be reported a second time. A stray block that is the
    file's first statement, with no blanked line before it, is an indented first line
    (blank lines and comments above it aside).
    """
    previous_end = 0
    for statement in statements:
        if isinstance(statement, n.StrayBlock):
            header_blanked = any(previous_end < line < statement.span.line for line in blanked)
            if file_start and not header_blanked:
                yield make(
                    "P001",
                    "the first line is indented; a program starts at the left margin",
                    statement.header_span,
                    hint="delete the spaces before the first statement (and as many before "
                    "each line of the same block); only a block's lines are indented",
                )
            elif not header_blanked:
                yield make(
                    "P001",
                    "this line is indented, but the line above opens no block",
                    statement.header_span,
                    hint="a block starts with a header that ends in `:` "
                    "(`phase NAME:`, `define NAME:`, `try until better:`)",
                )
        file_start = False
        if isinstance(statement, n.Block):
            yield from _stray_blocks(list(statement.body), blanked, file)
        previous_end = statement.span.end_line

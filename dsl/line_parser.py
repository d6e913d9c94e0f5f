"""A parser for well-formed text, a statement at a time: program text in; its statements out.

The statements of a `.prog` file are short and their shapes few, so one regular
expression can read a whole statement (its keyword, its words, its dose) where the LALR
loop (`lalr`) lexes, shifts and reduces each token in Python. On the clean programs a
library holds that is most of what parsing cost, and parsing is about half of what a lint
costs. This parser builds the very nodes the AST builder would, with the same spans.

Lines indented under no header (after a line blanked for a syntax error, most often) are
read as a stray block, as the grammar has them. It reads only what it is sure of, and
raises `Unsure` for anything else: a character or a statement no pattern here takes
(`NoStatement`), a tab in the indentation, an indented first line, a dedent to a depth no
block has, a number too long to be a dose, a block nested near the depth limit, a word
where the grammar could also read a keyword (`taper foot over`). The caller then parses
the same text with the LALR loop, and every syntax error is still worded from Lark's own
exception. The fuzz tests hold it to that: on any text it accepts, it builds
exactly what the LALR loop builds.

Where the grammar lets a keyword touch a word (`pivot frontal for30s`), the patterns here
want a blank between them and leave the text to Lark's loop: rare in a file, and never
wrong that way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from dsl import nodes as n
from dsl.lalr import Unsure


class NoStatement(Unsure):
    """A line that no statement's pattern takes: most often a syntax error, which only
    Lark's loop can word, so the caller goes to it straight."""


MAX_DIGITS = 9  # numbers up to 999,999,999; anything longer is a typo, not a dose
MAX_OPEN = 30  # blocks open at once; deeper goes to the LALR loop, which enforces the limit

# The grammar's terminals (`grammar/prog.lark`), as its lexer matches them; a test holds
# each to the grammar file. Used atomic, as a lexer takes the longest match and keeps it.
TERMINALS = {
    "WORD": r"[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9][A-Za-z0-9-]*)?",
    "NUMBER": r"[0-9]+",
    "REPS": r"[xX][0-9]+",
    "SETS_REPS": r"[0-9]+[xX][0-9]+",
    "DURATION": r"[0-9]+[smSM]",
    "STRING": r'"(?:[^"\\\n]|\\["\\])*"',
}
_WORD, _NUMBER, _REPS, _SETS_REPS, _DURATION, _STRING = (
    f"(?>{TERMINALS[name]})"
    for name in ("WORD", "NUMBER", "REPS", "SETS_REPS", "DURATION", "STRING")
)
_GAP = r"[ \t]+"
_DOSE = (
    rf"(?:{_GAP}(?:(?P<{{0}}reps>{_REPS})|(?P<{{0}}sets>{_SETS_REPS})"
    rf"|(?P<{{0}}for>for){_GAP}(?P<{{0}}time>{_DURATION})))?"
)
_WORDS = rf"{_WORD}(?:[ \t]*,[ \t]*{_WORD})*"

# Each simple statement's shape: keyword, then its parts as named groups. A statement's
# group is named for it; a part's group is named for the statement and the part.
_SHAPES = {
    "program": rf"program[ \t]*(?P<program_text>{_STRING})",
    "target": rf"target{_GAP}(?P<target_side>{_WORD}){_GAP}(?P<target_muscle>{_WORD})",
    "sport": rf"sport{_GAP}(?P<sport_name>{_WORD})(?:{_GAP}handed{_GAP}(?P<sport_hand>{_WORD}))?",
    "include": rf"include[ \t]*(?P<include_path>{_STRING})",
    "pivot": rf"pivot{_GAP}(?P<pivot_plane>{_WORD})" + _DOSE.format("pivot_"),
    "function": rf"function{_GAP}(?P<function_phase>{_WORD})" + _DOSE.format("function_"),
    "driver": rf"driver{_GAP}(?P<driver_limb>{_WORD}){_GAP}(?P<driver_direction>{_WORD})",
    "foot": rf"foot{_GAP}(?P<foot_side>{_WORD}){_GAP}(?P<foot_position>{_WORD})",
    "surface": rf"surface{_GAP}(?P<surface_kind>{_WORD})(?:{_GAP}(?P<surface_direction>{_WORD}))?",
    "ground_reaction": rf"ground-reaction{_GAP}(?P<ground_reaction_level>{_WORD})",
    "retest": rf"retest(?:{_GAP}(?P<retest_test>{_WORD}))?",
    "undo": r"undo",
    "taper": (
        rf"taper{_GAP}(?P<taper_first>{_WORD})(?:{_GAP}(?P<taper_second>{_WORD}))?"
        rf"(?:{_GAP}over{_GAP}(?P<taper_over>{_NUMBER}))?"
    ),
    "disadvantage": (
        rf"disadvantage{_GAP}(?P<disadvantage_motions>{_WORDS})"
        rf"(?P<disadvantage_reverse>{_GAP}reverse)?"
    ),
    "restore": rf"restore{_GAP}(?P<restore_motions>{_WORDS})",
    "note": rf"note[ \t]*(?P<note_text>{_STRING})",
    "use": rf"use{_GAP}(?P<use_name>{_WORD})",
}
# A statement, the blanks after it, and what may follow: `;`, a comment or the line's end.
_STATEMENT = re.compile(
    "(?:" + "|".join(f"(?P<{kind}>{shape})" for kind, shape in _SHAPES.items()) + ")"
    r"[ \t]*(?=[;#]|\Z)",
    re.ASCII | re.IGNORECASE,
)
_HEADER = re.compile(
    rf"(?:(?P<phase>phase){_GAP}(?P<phase_name>{_WORD})"
    rf"|(?P<define>define){_GAP}(?P<define_name>{_WORD})"
    rf"|(?P<try>try){_GAP}until{_GAP}(?P<try_end>better))[ \t]*:[ \t]*",
    re.ASCII | re.IGNORECASE,
)
_AFTER_SEMICOLON = re.compile(r";[ \t]*")
_ONE_WORD = re.compile(_WORD, re.ASCII)
_COMMA = re.compile(r"[ \t]*,[ \t]*")


def unescape(quoted: str) -> str:
    """A STRING token's text: without its quotes, with `\\"` and `\\\\` read (the LALR
    loop's builder reads strings with this too)."""
    inner = quoted[1:-1]
    return re.sub(r'\\(["\\])', r"\1", inner) if "\\" in inner else inner


class _Line:
    """Makes the nodes of one line: its file, its number and its text."""

    __slots__ = ("file", "match", "number", "text")

    def __init__(self, file: str, number: int, text: str) -> None:
        self.file, self.number, self.text = file, number, text
        self.match: Any = None

    def span(self, start: int, end: int) -> n.Span:
        return n.Span(self.file, self.number, start + 1, self.number, end + 1)

    def part(self, group: str) -> n.Span:
        start, end = self.match.span(group)
        return n.Span(self.file, self.number, start + 1, self.number, end + 1)

    def word(self, group: str) -> n.Word:
        match = self.match
        start, end = match.span(group)
        text = match.group(group)
        return n.Word(text.lower(), n.Span(self.file, self.number, start + 1, self.number, end + 1))

    def maybe(self, group: str) -> n.Word | None:
        return self.word(group) if self.match.start(group) >= 0 else None

    def words(self, group: str) -> tuple[n.Word, ...]:
        """The words of a comma-separated list, each with its own span."""
        start, end = self.match.span(group)
        text, out = self.text, []
        pos = start
        while True:
            found = _ONE_WORD.match(text, pos)
            assert found is not None  # the statement's pattern matched these words
            out.append(n.Word(found.group().lower(), self.span(found.start(), found.end())))
            pos = found.end()
            if pos >= end:
                return tuple(out)
            comma = _COMMA.match(text, pos)
            assert comma is not None
            pos = comma.end()

    def dose(self, prefix: str) -> n.Dose | None:
        match = self.match
        if match.start(prefix + "reps") >= 0:
            start, end = match.span(prefix + "reps")
            return n.Dose(self.span(start, end), reps=_number(match.group(prefix + "reps")[1:]))
        if match.start(prefix + "sets") >= 0:
            start, end = match.span(prefix + "sets")
            sets, reps = match.group(prefix + "sets").lower().split("x")
            return n.Dose(self.span(start, end), sets=_number(sets), reps=_number(reps))
        if match.start(prefix + "for") >= 0:
            time = match.group(prefix + "time")
            amount, unit = _number(time[:-1]), time[-1].lower()
            span = self.span(match.start(prefix + "for"), match.end(prefix + "time"))
            return n.Dose(span, seconds=amount * 60 if unit == "m" else amount, unit=unit)
        return None


def _number(digits: str) -> int:
    if len(digits) > MAX_DIGITS:
        raise Unsure("a number too long to be a dose")  # the LALR loop's builder reports it
    return int(digits)


def _taper(line: _Line, span: n.Span) -> n.Taper:
    match = line.match
    second = match.group("taper_second")
    if second is not None and second.lower() == "over":
        raise Unsure("`over` where a word or the keyword may stand")
    ref = (line.word("taper_first"),) + ((line.word("taper_second"),) if second else ())
    if match.start("taper_over") >= 0:
        return n.Taper(span, ref, _number(match.group("taper_over")), line.part("taper_over"))
    return n.Taper(span, ref, None, None)


_BUILD: dict[str, Callable[[_Line, n.Span], n.Statement]] = {
    "program": lambda line, span: n.ProgramTitle(span, unescape(line.match.group("program_text"))),
    "target": lambda line, span: n.Target(
        span, line.word("target_side"), line.word("target_muscle")
    ),
    "sport": lambda line, span: n.SportLine(
        span, line.word("sport_name"), line.maybe("sport_hand")
    ),
    "include": lambda line, span: n.Include(
        span, unescape(line.match.group("include_path")), line.part("include_path")
    ),
    "pivot": lambda line, span: n.Pivot(span, line.word("pivot_plane"), line.dose("pivot_")),
    "function": lambda line, span: n.Function(
        span, line.word("function_phase"), line.dose("function_")
    ),
    "driver": lambda line, span: n.Driver(
        span, line.word("driver_limb"), line.word("driver_direction")
    ),
    "foot": lambda line, span: n.Foot(span, line.word("foot_side"), line.word("foot_position")),
    "surface": lambda line, span: n.Surface(
        span, line.word("surface_kind"), line.maybe("surface_direction")
    ),
    "ground_reaction": lambda line, span: n.GroundReaction(
        span, line.word("ground_reaction_level")
    ),
    "retest": lambda line, span: n.Retest(span, line.maybe("retest_test")),
    "undo": lambda line, span: n.Undo(span),
    "taper": _taper,
    "disadvantage": lambda line, span: n.Disadvantage(
        span,
        line.words("disadvantage_motions"),
        line.match.start("disadvantage_reverse") >= 0,
    ),
    "restore": lambda line, span: n.Restore(span, line.words("restore_motions")),
    "note": lambda line, span: n.Note(span, unescape(line.match.group("note_text"))),
    "use": lambda line, span: n.Use(span, line.word("use_name")),
}


Make = Callable[[n.Span, tuple[n.Statement, ...], bool, n.Span], n.Block]


class _Open:
    """A block whose header has been read and whose body is still being read."""

    __slots__ = ("body", "header", "make")

    def __init__(self, make: Make, header: n.Span | None) -> None:
        """`header`: the header's span; None for a stray block, whose first statement's
        span stands for it."""
        self.make, self.header = make, header
        self.body: list[n.Statement] = []

    def close(self, *, inline: bool = False) -> n.Block:
        body = tuple(self.body)
        header = self.header if self.header is not None else body[0].span
        return self.make(header.to(body[-1].span) if body else header, body, inline, header)


def _stray(span: n.Span, body: tuple[n.Statement, ...], inline: bool, header: n.Span) -> n.Block:
    return n.StrayBlock(span, body, inline, header)


def _opened(line: _Line) -> _Open:
    """The block a header line opens (`line.match` is the header's match)."""
    match = line.match
    if match.start("try") >= 0:
        return _Open(n.Try, line.span(match.start("try"), match.end("try_end")))
    kind = "phase" if match.start("phase") >= 0 else "define"
    cls = n.Phase if kind == "phase" else n.Define
    name = line.word(kind + "_name")

    def make(span: n.Span, body: tuple[n.Statement, ...], inline: bool, header: n.Span) -> n.Block:
        return cls(span, body, inline, header, name)

    return _Open(make, line.span(match.start(kind), match.end(kind + "_name")))


def parse(text: str, file: str) -> list[n.Statement]:
    """The statements of `text` (which ends with a line end), as the LALR loop would build
    them for `file`; `Unsure` when this parser cannot be sure of that."""
    top: list[n.Statement] = []
    body = top  # where the next statement goes
    stack: list[_Open] = []  # the blocks open around the current line
    indents = [0]  # the indentation of each open block's lines, the file's first
    waiting: _Open | None = None  # a header that ended its line: its body is indented below
    statement_at, header_at = _STATEMENT.match, _HEADER.match
    build, line_of = _BUILD, _Line
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw[:-1] if raw.endswith("\r") else raw
        content = line.lstrip(" ")
        rest = content.lstrip(" \t")
        if not rest or rest[0] == "#":
            continue  # a blank line or a comment: the indenter never sees it
        if content[0] == "\t":
            raise Unsure("a tab in the indentation")  # the LALR loop's indenter reports it
        indent = len(line) - len(content)
        if waiting is not None:
            if indent > indents[-1]:  # the header's block opens
                if len(indents) > MAX_OPEN:
                    raise Unsure("blocks nested near the depth limit")
                stack.append(waiting)
                indents.append(indent)
                body = waiting.body
                waiting = None
            else:  # the header's block is empty
                body.append(waiting.close())
                waiting = None
        elif indent > indents[-1]:  # indented under no header: a stray block, as Lark reads it
            if number == 1:
                raise Unsure("an indented first line")  # no line end before it: no indent
            if len(indents) > MAX_OPEN:
                raise Unsure("blocks nested near the depth limit")
            stray = _Open(_stray, None)
            stack.append(stray)
            indents.append(indent)
            body = stray.body
        while indent < indents[-1]:
            indents.pop()
            block = stack.pop().close()
            body = stack[-1].body if stack else top
            body.append(block)
        if indent != indents[-1]:
            raise Unsure("an indentation that opens or matches no block")
        current = line_of(file, number, line)
        pos = indent
        opened = None
        header = header_at(line, pos)
        if header is not None:
            current.match = header
            opened = _opened(current)
            pos = header.end()
            if pos == len(line) or line[pos] == "#":
                waiting = opened  # its body is on the lines below (or it is empty)
                continue
        statements = opened.body if opened is not None else body
        while True:
            match: Any = statement_at(line, pos)
            if match is None:
                raise NoStatement("no statement this parser knows here")
            kind = match.lastgroup
            current.match = match
            start, end = match.span(kind)
            statements.append(build[kind](current, current.span(start, end)))
            pos = match.end()
            if pos == len(line) or line[pos] == "#":
                break
            after = _AFTER_SEMICOLON.match(line, pos)
            assert after is not None  # the statement's pattern looked ahead for `;`
            pos = after.end()
            if pos == len(line) or line[pos] == "#":
                break  # a `;` ends the line
        if opened is not None:
            body.append(opened.close(inline=True))
    if waiting is not None:
        body.append(waiting.close())
    while stack:
        block = stack.pop().close()
        (stack[-1].body if stack else top).append(block)
    return top

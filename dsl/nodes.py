"""The AST: small immutable records, each with the `Span` of source text it came from.

The parser builds these from its tokens; nothing downstream re-reads source text or sees
a Lark object. Words are lower-cased here, so every later stage compares plain strings.
"""

from __future__ import annotations

from collections.abc import Iterator

from dsl.record import record


@record
class Span:
    """Where something is: file, 1-based line and column, end column exclusive."""

    file: str
    line: int
    col: int
    end_line: int
    end_col: int

    def to(self, other: Span) -> Span:
        """The span from the start of this one to the end of `other`."""
        return Span(self.file, self.line, self.col, other.end_line, other.end_col)


@record
class Word:
    """One word of a statement (lower case), with its own span for pin-pointed messages."""

    text: str
    span: Span


@record
class Dose:
    """`x10`, `3x10`, `for 30s`, `for 2m`: sets and reps, or a duration in seconds."""

    span: Span
    sets: int | None = None
    reps: int | None = None
    seconds: int | None = None
    unit: str = ""  # "s" or "m" as written, for the canonical text

    def text(self) -> str:
        if self.seconds is not None:
            amount = self.seconds // 60 if self.unit == "m" else self.seconds
            return f"for {amount}{self.unit}"
        if self.sets is not None:
            return f"{self.sets}x{self.reps}"
        return f"x{self.reps}"


@record
class Statement:
    """Base of every statement: its keyword (as `op` in the trace) and span."""

    span: Span

    @property
    def op(self) -> str:
        return _OPS[type(self)]


# --- context ---------------------------------------------------------------------------


@record
class ProgramTitle(Statement):
    title: str


@record
class Target(Statement):
    side: Word
    muscle: Word


@record
class SportLine(Statement):
    name: Word
    handed: Word | None


@record
class Include(Statement):
    path: str
    path_span: Span


# --- movement --------------------------------------------------------------------------


@record
class Pivot(Statement):
    plane: Word
    dose: Dose | None


@record
class Function(Statement):
    phase: Word
    dose: Dose | None


@record
class Driver(Statement):
    limb: Word
    direction: Word


@record
class Foot(Statement):
    side: Word
    position: Word


@record
class Surface(Statement):
    kind: Word  # "slope" or "flat"
    direction: Word | None


@record
class GroundReaction(Statement):
    level: Word


# --- progression -----------------------------------------------------------------------


@record
class Retest(Statement):
    test: Word | None


@record
class Undo(Statement):
    pass


@record
class Taper(Statement):
    ref: tuple[Word, ...]  # `foot`, `foot right`, `driver left-hand`, `all`, …
    over: int | None
    over_span: Span | None


@record
class Disadvantage(Statement):
    motions: tuple[Word, ...]
    reverse: bool


@record
class Restore(Statement):
    motions: tuple[Word, ...]  # a single `all` restores everything


@record
class Note(Statement):
    text: str


# --- structure -------------------------------------------------------------------------


@record
class Block(Statement):
    """A header with a body. `inline` is true for `phase fire: pivot frontal; retest`."""

    body: tuple[Statement, ...]
    inline: bool
    header_span: Span


@record
class Phase(Block):
    name: Word


@record
class Define(Block):
    name: Word


@record
class Try(Block):
    pass


@record
class Use(Statement):
    name: Word


@record
class StrayBlock(Block):
    """Indented lines under a line that opens no block; kept so their contents are checked."""


@record
class Program:
    """One parsed file. `broken` holds the first word of each line that had a syntax error
    and was left out (`target`, `pivot`, …; `*` when parsing gave up), so no stage reports
    what it stood for as missing as well."""

    file: str
    statements: tuple[Statement, ...]
    broken: tuple[str, ...] = ()


_OPS: dict[type, str] = {
    ProgramTitle: "program",
    Target: "target",
    SportLine: "sport",
    Include: "include",
    Pivot: "pivot",
    Function: "function",
    Driver: "driver",
    Foot: "foot",
    Surface: "surface",
    GroundReaction: "ground-reaction",
    Retest: "retest",
    Undo: "undo",
    Taper: "taper",
    Disadvantage: "disadvantage",
    Restore: "restore",
    Note: "note",
    Phase: "phase",
    Define: "define",
    Try: "try",
    Use: "use",
    StrayBlock: "block",
}

CONTEXT = (ProgramTitle, Target, SportLine, Include)
TWEAKS = (Driver, Foot, Surface, GroundReaction)
BASES = (Pivot, Function)


def anchor(statement: Statement) -> Span:
    """Where a finding about a statement points: a block's header, else the statement."""
    return statement.header_span if isinstance(statement, Block) else statement.span


def last_statement(statements: tuple[Statement, ...]) -> Statement | None:
    """The last statement that runs, looking into phases (not into a `try` or a `define`).

    Findings about the whole program sit here, so `# noqa` on that line silences them.
    """
    for statement in reversed(statements):
        if isinstance(statement, (Define, *CONTEXT)):
            continue
        if isinstance(statement, Phase | StrayBlock) and statement.body:
            return last_statement(statement.body) or statement
        return statement
    return None


def in_place(statements: tuple[Statement, ...]) -> Iterator[Statement]:
    """The statements with each stray block's body in its place: an indented line with no
    header above it (a syntax error) still counts where it stands, so nothing is reported
    missing, or misplaced, only because it was indented."""
    for statement in statements:
        if isinstance(statement, StrayBlock):
            yield from in_place(statement.body)
        else:
            yield statement


def unindented_body(phase: Phase, statements: tuple[Statement, ...]) -> Statement | None:
    """The statement that follows an empty `phase NAME:` at its own level, when it is one
    that could have been its body: the phase's lines were most likely meant to be indented
    under it. None when the phase is not empty, or nothing of the kind follows it."""
    if phase.body or phase.inline:
        return None
    siblings = list(in_place(statements))
    for index, statement in enumerate(siblings):
        if statement is phase:
            following = siblings[index + 1] if index + 1 < len(siblings) else None
            if following is None or isinstance(following, (Phase, Define, *CONTEXT)):
                return None
            return following
    return None


def unindented_phases(statements: tuple[Statement, ...]) -> list[tuple[int, str]]:
    """(header line, name) of each empty phase whose lines were left unindented under it."""
    return [
        (statement.header_span.line, statement.name.text)
        for statement in statements
        if isinstance(statement, Phase) and unindented_body(statement, statements) is not None
    ]


def unplaced_after(orphaned: list[tuple[int, str]], line: int) -> str | None:
    """The name of the last unindented phase (from `unindented_phases`) above `line`."""
    above = [name for header, name in orphaned if header < line]
    return above[-1] if above else None

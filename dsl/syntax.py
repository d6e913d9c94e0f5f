"""Syntax knowledge in words: the grammar file, and Lark's parse errors turned into P001s.

A clinician reads "expected a plane after `pivot` (sagittal, frontal or transverse)", never
a token name. The messages come from what the parser expected next and which statement it
was in the middle of.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from dsl.diagnostics import Diagnostic, closest, make
from dsl.lalr import Token
from dsl.nodes import Span
from dsl.record import record

if TYPE_CHECKING:
    from lark.exceptions import UnexpectedInput, UnexpectedToken


def grammar_text() -> str:
    """The grammar: package data `dsl.grammar` when installed, `grammar/` in a checkout.

    A wheel installs the grammar as the folder `dsl/grammar/`, beside this module. In a
    source checkout (tests run from the repository, or an editable install) the same file
    is the top-level `grammar/` folder. Both are read as plain files: `importlib.resources`
    would find them too, but importing it costs a pre-commit hook more than reading them.
    """
    here = Path(__file__).resolve().parent
    for folder in (here / "grammar", here.parent / "grammar"):
        try:
            return (folder / "prog.lark").read_text(encoding="utf-8")
        except FileNotFoundError:
            continue
    raise FileNotFoundError(
        f"prog.lark is in neither {here / 'grammar'} nor {here.parent / 'grammar'}"
    )


@record
class StatementKeyword:
    """One statement of the grammar, described for everyone who talks about it: its meaning
    (hover and completion), what the n-th word after it is in words (syntax errors), the
    kinds of core vocabulary word it takes and what a free word names there (highlighters).

    `STATEMENTS` is the one hand-written table about statements; a test holds it to the
    grammar file, so a statement added to `prog.lark` cannot go without its line here.
    """

    keyword: str  # as written: `ground-reaction`
    meaning: str  # what it does (spec §3)
    words: tuple[str, ...] = ()  # the n-th word after the keyword, in words; the last repeats
    vocabulary: tuple[str, ...] = ()  # kinds of core word (`dsl.highlight.words.VOCABULARY`)
    free: str = "word"  # what a free word (one in no list: a test, a phase name) names

    @property
    def terminal(self) -> str:
        """The grammar's name for the keyword: `GROUND_REACTION`."""
        return self.keyword.upper().replace("-", "_")


_A_SIDE = "a side (left or right)"

# Every statement, in the order completion offers them.
STATEMENTS: dict[str, StatementKeyword] = {
    s.keyword: s
    for s in (
        StatementKeyword("program", 'the program\'s title: `program "TITLE"`'),
        StatementKeyword(
            "target",
            "the muscle worked on: `target SIDE MUSCLE` (default right glute-med)",
            (_A_SIDE, "a muscle such as glute-med"),
            ("side", "muscle"),
        ),
        StatementKeyword(
            "sport",
            "turns on a sport plugin's words: `sport NAME [handed left|right]`",
            ("a sport's name (`prog plugins` lists them)",),
            ("side",),
            free="sport",
        ),
        StatementKeyword("include", 'brings in the defines of another file: `include "PATH.prog"`'),
        StatementKeyword(
            "pivot",
            "base movement: a pivot in a plane, the target leg the stance leg",
            ("a plane (sagittal, frontal or transverse)",),
            ("plane",),
        ),
        StatementKeyword(
            "function",
            "base movement: a phase of a sport's function (`SPORT.PHASE`)",
            ("a sport phase (SPORT.PHASE)",),
            free="sport-phase",
        ),
        StatementKeyword(
            "driver",
            "adds a driver: a limb moving a way that drives the hip (one per limb)",
            (
                "a limb (left-hand, right-hand, both-hands, pelvis or head)",
                "a direction such as overhead-left",
            ),
            ("limb", "direction"),
        ),
        StatementKeyword(
            "foot",
            "a foot tweak: `foot SIDE POSITION`",
            (_A_SIDE, "a foot position such as narrow or turned-in"),
            ("side", "foot-position"),
        ),
        StatementKeyword(
            "surface",
            "a sloped surface under the stance foot, or `surface flat` to remove it",
            ("`slope` or `flat`", "eversion or inversion"),
            ("surface",),
        ),
        StatementKeyword(
            "ground-reaction",
            "adds ground reaction force (`none` removes it)",
            ("a level (low, medium, high or none)",),
            ("level",),
        ),
        StatementKeyword(
            "retest",
            "re-assess; keep only what works (`retest TEST`)",
            ("a test name such as single-leg-squat",),
            free="test",
        ),
        StatementKeyword("undo", "removes the most recently applied tweak that is still active"),
        StatementKeyword(
            "taper",
            "takes tweaks away gradually: `taper REF [over N]`",
            ("what to taper (foot, driver, surface, ground-reaction or all)", "a side or limb"),
            ("taper-reference", "side", "limb"),
        ),
        StatementKeyword(
            "disadvantage",
            "takes away a motion that helps the target muscle, so it fires even then",
            ("a motion such as adduction",),
            ("motion",),
        ),
        StatementKeyword(
            "restore",
            "ends a disadvantage (`restore all`)",
            ("a motion such as adduction, or all",),
            ("motion", "all"),
        ),
        StatementKeyword("note", 'a note for the clinician and the patient: `note "TEXT"`'),
        StatementKeyword(
            "use", "runs a `define` in place", ("the name of a define",), free="define"
        ),
        StatementKeyword(
            "phase", "a named stage of the program: `phase NAME:`", ("a phase name",), free="phase"
        ),
        StatementKeyword(
            "define",
            "a named, reusable sequence: `define NAME:`",
            ("a name for the define",),
            free="define",
        ),
        StatementKeyword(
            "try", "tries each tweak in turn until a retest comes out better: `try until better:`"
        ),
    )
}

# Every keyword by its grammar name: the statements', and those inside a statement.
KEYWORDS = {s.terminal: s.keyword for s in STATEMENTS.values()} | {
    name.upper(): name for name in ("handed", "over", "reverse", "until", "better", "for")
}

STATEMENT_KEYWORDS = {s.terminal for s in STATEMENTS.values()}

# What the n-th word after a keyword is, in words: a statement's, and `handed`'s.
WORD_ROLES: dict[str, tuple[str, ...]] = {
    s.terminal: s.words for s in STATEMENTS.values() if s.words
} | {"HANDED": ("left or right",)}

TERMINALS = {
    "STRING": 'a quoted text such as "Warm-up"',
    "NUMBER": "a number",
    "REPS": "a dose (x10, 3x10, for 30s)",
    "SETS_REPS": "a dose (x10, 3x10, for 30s)",
    "FOR": "a dose (x10, 3x10, for 30s)",
    "DURATION": "a duration such as 30s or 2m",
    "_NL": "the end of the line",
    "SEMICOLON": "`;`",
    "COLON": "`:`",
    "COMMA": "`,`",
    "_INDENT": "an indented block",
    "_DEDENT": "the end of the block",
    "$END": "the end of the file",
}


def _current_statement(error: UnexpectedToken) -> tuple[str | None, int]:
    """The keyword of the statement being parsed, and how many words follow it so far."""
    try:
        stack: list[Any] = error.interactive_parser.parser_state.value_stack
    except AttributeError:
        return None, 0
    words = 0
    for value in reversed(stack):
        if not isinstance(value, str):  # a token (Lark's or prog's), not a built node
            break
        kind: str = getattr(value, "type", "")
        if kind == "WORD":
            words += 1
        elif kind in WORD_ROLES:
            if kind == "HANDED":
                return "HANDED", words
            if kind in STATEMENT_KEYWORDS:
                return kind, words
        elif kind not in KEYWORDS and kind != "COMMA":
            break
    return None, 0


def _expected_words(expected: set[str], keyword: str | None, words: int) -> list[str]:
    said: list[str] = []
    if "WORD" in expected:
        roles = WORD_ROLES.get(keyword or "", ())
        said.append(roles[min(words, len(roles) - 1)] if roles else "a word")
    statement_starts = expected & STATEMENT_KEYWORDS
    if len(statement_starts) > 3:
        said.append("a statement such as `pivot frontal` or `retest`")
    else:
        said.extend(f"`{KEYWORDS[t]}`" for t in sorted(statement_starts))
    for terminal in sorted(expected - statement_starts - {"WORD"}):
        text = TERMINALS.get(terminal) or (
            f"`{KEYWORDS[terminal]}`" if terminal in KEYWORDS else None
        )
        if text and text not in said:
            said.append(text)
    return said


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


def _shown(token: Token) -> str:
    if token.type == "_NL":
        return "the end of the line"
    if token.type == "_INDENT":
        return "an indented line"
    if token.type in ("_DEDENT", "$END"):
        return "the end of the block" if token.type == "_DEDENT" else "the end of the file"
    return f"`{token}`"


def describe(error: UnexpectedInput, file: str, text: str) -> Diagnostic:
    """One P001 for a Lark parse error, located and worded for a clinician."""
    from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedToken

    from dsl import slips  # error paths only: a clean parse never loads them
    from dsl.lookalikes import non_ascii_word

    line = max(getattr(error, "line", 1) or 1, 1)
    col = max(getattr(error, "column", 1) or 1, 1)
    at = error.token.start_pos if isinstance(error, UnexpectedToken) else error.pos_in_stream
    lookalike = non_ascii_word(text, at or 0, file, line, col, sorted(KEYWORDS.values()))
    if lookalike is not None:  # `pıvot`, `ſport`: a word with a letter beyond ASCII
        return lookalike
    if isinstance(error, UnexpectedCharacters):
        position = error.pos_in_stream or 0
        char = text[position] if 0 <= position < len(text) else ""
        span = Span(file, line, col, line, col + 1)
        if char == '"':
            return make(
                "P001",
                'this text has no closing `"`',
                span,
                hint='a text is written on one line, between double quotes: "…"',
            )
        if char == "\t":
            return make("P001", "a tab here; use spaces", span)
        typographic = slips.typographic_hint(char)
        if typographic is not None:
            plain, name = slips.TYPOGRAPHIC[char]
            return make("P001", f"`{char}` is {name}; type `{plain}`", span, hint=typographic)
        shown = repr(char)[1:-1] if not char.isprintable() or char.isspace() else char
        return make("P001", f"unexpected character `{shown}`", span, hint=_hint_for(char))
    if isinstance(error, UnexpectedToken):
        token = error.token
        keyword, words = _current_statement(error)
        expected = set(error.accepts or error.expected)
        wanted = _join(_expected_words(expected, keyword, words))
        end_col = token.end_column if token.end_line == token.line and token.end_column else col + 1
        if token.type in ("_NL", "$END", "_DEDENT", "_INDENT"):
            line, col, end_col = _end_of_line(text, token)
        if token.type == "WORD" and keyword is None and expected & STATEMENT_KEYWORDS:
            return _not_a_statement(token, file, line, col, end_col)
        glued = _glued_keyword(error, token)
        if glued is not None:
            found = _not_a_statement(glued, file, line, glued.column or col, end_col)
            if found.suggestion is None:
                return found
            return make(
                "P001",
                found.message,
                found.span,
                hint=f"type `{found.suggestion}`, then a space before what follows it",
                suggestion=found.suggestion,
            )
        elif token.type in _ENDS and keyword is not None:
            where = f"after `{KEYWORDS[keyword]}`"
            message = (
                f"expected {wanted} {where}"
                if wanted
                else f"this `{KEYWORDS[keyword]}` is incomplete"
            )
        elif token.type in _ENDS:
            message = f"the line ends too soon; expected {wanted}"
        elif token.type == "_INDENT":
            message = "this line is indented, but the line above opens no block"
        else:
            message = f"unexpected {_shown(token)}" + (f"; expected {wanted}" if wanted else "")
        span = Span(file, line, col, line, max(end_col, col + 1))
        return make("P001", message, span, hint=_hint_for_token(token, expected))
    if isinstance(error, UnexpectedEOF):
        return make(
            "P001",
            "the file ends in the middle of a statement",
            Span(file, line, col, line, col + 1),
        )
    return make("P001", str(error).splitlines()[0], Span(file, line, col, line, col + 1))


_ENDS = ("_NL", "$END", "_DEDENT")


def _not_a_statement(token: Token, file: str, line: int, col: int, end_col: int) -> Diagnostic:
    """A line that starts with a word that is no statement: `pivto frontal`, `foo`."""
    word = str(token).lower()
    statements = sorted(KEYWORDS[t] for t in STATEMENT_KEYWORDS)
    guess = closest(word, statements)
    message = f"`{token}` does not start a statement"
    if guess is not None:
        message += f"; did you mean `{guess}`?"
    return make(
        "P001",
        message,
        Span(file, line, col, line, max(end_col, col + 1)),
        hint="a line starts with a statement: " + ", ".join(statements),
        suggestion=guess,
    )


def _glued_keyword(error: UnexpectedToken, token: Token) -> Token | None:
    """`programme`, `pivots`: a keyword and a word with no space between, which the lexer
    read as two. The whole word, as one token, so the caret goes under all of it."""
    try:
        stack: list[Any] = error.interactive_parser.parser_state.value_stack
    except AttributeError:
        return None
    before: Any = stack[-1] if stack else None
    if token.type != "WORD" or getattr(before, "type", None) not in STATEMENT_KEYWORDS:
        return None
    if (before.line, before.end_column) != (token.line, token.column):
        return None
    return Token(
        "WORD",
        str(before) + str(token),
        line=before.line,
        column=before.column,
        end_line=token.end_line,
        end_column=token.end_column,
    )


def _end_of_line(text: str, token: Token, *, before: bool = False) -> tuple[int, int, int]:
    """Where to point for an error at a line end: just after the line's last character.

    With `before`, the line that ends is the one above the token's (a header whose block is
    missing, reported when the parser meets the next statement).
    """
    line = token.line if token.line and token.line > 0 else text.count("\n")
    if before:
        line -= 1
    lines = text.split("\n")
    while line > 1 and not lines[line - 1].split("#", 1)[0].strip():
        line -= 1
    content = lines[line - 1].split("#", 1)[0].rstrip() if line <= len(lines) else ""
    col = len(content) + 1
    return line, col, col + 1


def _hint_for(char: str) -> str | None:
    if char and (ord(char) < 0x20 or ord(char) == 0x7F):
        picture = chr(0x2400 + ord(char)) if ord(char) < 0x20 else "\u2421"
        return (
            f"an invisible control character (shown as `{picture}`), often left by a copy "
            "and paste; delete it"
        )
    if char in "()[]{}":
        return "brackets are not part of the language; write the words on their own"
    if char == "'":
        return 'texts are written between double quotes: "…"'
    return None


def _hint_for_token(token: Token, expected: set[str]) -> str | None:
    spaced_dose = token.type == "NUMBER" or (token.type == "WORD" and token.lower() == "x")
    if spaced_dose and "REPS" in expected:
        return "write a dose without spaces: x10, 3x10, or `for 30s`"
    if token.type == "_INDENT":
        return "a block starts with a header that ends in `:`"
    if "COLON" in expected:
        return "a block header ends with `:`"
    return None

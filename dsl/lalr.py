"""A lean LALR(1) loop over tables Lark built: program text in; the AST builder's result out.

Lark builds everything this loop runs: the parse table, the per-state scanners of its
contextual lexer, the shape of every rule. `lalr_tables` copies them out of a built Lark
as plain data, which `grammar_cache` keeps as JSON; this module runs them without
importing Lark at all, which is most of what `prog lint` on one file would otherwise pay
before reading a byte. The one loop lexes, indents and parses, calling the AST builder's
methods directly where Lark's general loop would also make a `Tree` for every inlined
`_rule`, stack a generator per layer and check assertions meant for other grammars.

It is only for well-formed text. At the first thing it does not expect (a character no
terminal matches, a token the table has no action for, anything the indenter or the
builder raises) it raises `Unsure`, and the caller parses the same text again with Lark:
every syntax error, its message and its position, is Lark's own. The indenter is asked
about every line end except one at the current depth indented with spaces only, where an
indenter passes the line end on and does nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

Build = Callable[[list[Any]], Any]
Reduce = tuple[int, Build, str]  # (symbols taken off the stack, builder, rule name)
END = "$END"


# A first line that starts with blanks and then a statement: the indenter opens a block
# before its first token, which this loop leaves to Lark's. Blanks before a comment or the
# line's end are only blanks.
_INDENTED_FIRST = re.compile(r"[ \t]+[^ \t\r\n#]")


class Unsure(Exception):
    """The text needs Lark's own loop: it has an error, or something this loop skips."""


class Token(str):
    """A token: its text, its terminal and where it is. The same shape as Lark's `Token`
    (the AST builder reads both), without importing Lark."""

    __slots__ = (
        "column",
        "end_column",
        "end_line",
        "end_pos",
        "line",
        "start_pos",
        "type",
        "value",
    )

    type: str
    value: str
    start_pos: int | None
    end_pos: int | None
    line: int | None
    column: int | None
    end_line: int | None
    end_column: int | None

    def __new__(
        cls,
        type: str,
        value: str,
        start_pos: int | None = None,
        line: int | None = None,
        column: int | None = None,
        end_line: int | None = None,
        end_column: int | None = None,
        end_pos: int | None = None,
    ) -> Token:
        token = str.__new__(cls, value)
        token.type, token.value, token.start_pos, token.end_pos = type, value, start_pos, end_pos
        token.line, token.column, token.end_line, token.end_column = (
            line,
            column,
            end_line,
            end_column,
        )
        return token

    @classmethod
    def new_borrow_pos(cls, type_: str, value: str, borrow: Any) -> Token:
        """A token of type `type_` standing where `borrow` stands."""
        return cls(
            type_,
            value,
            borrow.start_pos,
            borrow.line,
            borrow.column,
            borrow.end_line,
            borrow.end_column,
            borrow.end_pos,
        )

    def __repr__(self) -> str:
        return f"Token({self.type!r}, {self.value!r})"


class Indenting(Protocol):
    """What the loop needs of the indentation postlexer."""

    NL_type: str
    DEDENT_type: str
    indent_level: list[int]

    def handle_NL(self, token: Token) -> Iterable[Token]: ...


class _Lexing:
    """What the lexer needs in one parser state: its scanners, what it ignores, keywords."""

    __slots__ = ("ignore", "ignore_inline", "keywords", "match", "newline", "scanners")

    def __init__(self, stored: dict[str, Any]) -> None:
        self.scanners = tuple(re.compile(pattern, flags) for pattern, flags in stored["scanners"])
        self.match = self.scanners[0].match if len(self.scanners) == 1 else self._first_match
        self.ignore = frozenset(stored["ignore"])
        self.newline = frozenset(stored["newline"])
        self.ignore_inline = self.ignore - self.newline  # ignored, and never a line end
        self.keywords: dict[str, dict[str, str]] = stored["keywords"]

    def _first_match(self, text: str, pos: int) -> re.Match[str] | None:
        for scanner in self.scanners:
            match = scanner.match(text, pos)
            if match is not None:
                return match
        return None


class Runner:
    """Parses texts with stored tables, one AST builder and one indenter."""

    def __init__(self, tables: dict[str, Any], builder: Any, indenter: Indenting) -> None:
        """Raises `Unsure` when the builder does not fit the tables (see `for_tables`)."""
        reduces: list[Reduce] = [
            (rule[1], _build(rule, builder), rule[0]) for rule in tables["rules"]
        ]
        self.actions: list[dict[str, int | Reduce]] = [
            {
                symbol: action if action.__class__ is int else reduces[action[0]]
                for symbol, action in row.items()
            }
            for row in tables["actions"]
        ]
        self.start: int = tables["start"]
        self.end: int = tables["end"]
        self.stored_lexings: list[dict[str, Any]] = tables["lexings"]
        self.lexing_index: list[int] = tables["lexing_of"]  # state -> stored lexing
        self.compiled: dict[int, _Lexing] = {}  # stored lexing -> its compiled scanners
        self.by_state: dict[int, _Lexing] = {}  # state -> its lexing, once met
        self.indenter = indenter

    @classmethod
    def for_tables(cls, tables: Any, builder: Any, indenter: Indenting) -> Runner | None:
        """A runner, or None when the tables are missing or the builder does not fit them
        (then every text goes to Lark's loop)."""
        if not isinstance(tables, dict):
            return None
        if any(hasattr(builder, terminal) for terminal in tables.get("terminals", ())):
            return None  # Lark would pass those tokens through the builder
        try:
            return cls(tables, builder, indenter)
        except (Unsure, KeyError, IndexError, TypeError, ValueError, re.error):
            return None

    def _lexing_for(self, state: int) -> _Lexing:
        try:
            index = self.lexing_index[state]
            lexing = self.compiled.get(index)
            if lexing is None:
                lexing = self.compiled[index] = _Lexing(self.stored_lexings[index])
        except (IndexError, KeyError, TypeError, re.error) as error:
            raise Unsure(str(error)) from None
        self.by_state[state] = lexing
        return lexing

    def parse(self, text: str) -> Any:
        """The builder's result for `text`; `Unsure` when Lark's loop should judge it.

        One loop lexes a token in the parser state the previous token left, lets the
        indenter see line ends, and shifts each token after the reductions it calls for;
        when the text is read, the open blocks close and the end reduces to the result.
        """
        if _INDENTED_FIRST.match(text):
            raise Unsure("the first line is indented")  # Lark's loop and the indenter say so
        indenter = self.indenter
        indenter.indent_level = [0]
        actions, lexing_of, end_state = self.actions, self.by_state, self.end
        nl_type = indenter.NL_type
        new, token_class = str.__new__, Token
        states: list[int] = [self.start]
        values: list[Any] = []
        pos, line, line_start, size = 0, 1, 0, len(text)
        last: Token | None = None
        while True:
            if pos < size:
                lexing = lexing_of.get(states[-1]) or self._lexing_for(states[-1])
                match = lexing.match(text, pos)
                if match is None:
                    raise Unsure("no terminal matches here")
                type_ = match.lastgroup
                stop = match.end()
                if type_ in lexing.ignore_inline:  # spaces between words: nothing to count
                    pos = stop
                    continue
                value = match.group()
                next_line, next_start = line, line_start
                if type_ in lexing.newline and "\n" in value:
                    next_line += value.count("\n")
                    next_start = pos + value.rindex("\n") + 1
                if type_ in lexing.ignore:
                    pos, line, line_start = stop, next_line, next_start
                    continue
                keywords = lexing.keywords.get(type_)  # type: ignore[arg-type]
                if keywords is not None:
                    if not value.isascii():
                        raise Unsure("case-folding beyond ASCII")
                    type_ = keywords.get(value.lower(), type_)
                token = new(token_class, value)
                token.type, token.value = type_, value  # type: ignore[assignment]
                token.start_pos, token.end_pos = pos, stop
                token.line, token.column = line, pos - line_start + 1
                token.end_line, token.end_column = next_line, stop - next_start + 1
                pos, line, line_start = stop, next_line, next_start
                pending: Iterable[Token] = (token,)
                if type_ == nl_type:
                    margin = text[next_start:stop]
                    if margin.strip(" ") or len(margin) != indenter.indent_level[-1]:
                        pending = indenter.handle_NL(token)  # a block opens or closes
                    # Else a line at the current depth, indented with spaces: the indenter
                    # would pass the line end on and nothing else, so it is not asked.
            else:
                pending = self._closing(last)
            for last in pending:
                type_ = last.type
                while True:
                    action = actions[states[-1]].get(type_)
                    if action is None:
                        raise Unsure(f"no action for {type_}")
                    if action.__class__ is int:
                        if type_ == END:
                            raise Unsure("the end shifted")
                        states.append(action)  # type: ignore[arg-type]
                        values.append(last)
                        break
                    taken, build, origin = action  # type: ignore[misc]
                    if taken:
                        children = values[-taken:]
                        del values[-taken:]
                        del states[-taken:]
                    else:
                        children = []
                    values.append(build(children))
                    states.append(actions[states[-1]][origin])  # type: ignore[arg-type]
                    if type_ == END and states[-1] == end_state:
                        return values[-1]

    def _closing(self, last: Token | None) -> Iterator[Token]:
        """The end of the text: a dedent for each block still open, then the end."""
        indenter = self.indenter
        while len(indenter.indent_level) > 1:
            indenter.indent_level.pop()
            if last is None:
                raise Unsure("blocks open in an empty text")
            last = Token.new_borrow_pos(indenter.DEDENT_type, "", last)
            yield last
        yield Token.new_borrow_pos(END, "", last) if last else Token(END, "", 0, 1, 1)


def _build(rule: list[Any], builder: Any) -> Build:
    """What a reduction of `rule` returns, exactly as Lark's tree builder would shape it:
    filtered-out tokens dropped, `_rule` children spliced in, the builder's method called.
    An inlined `_rule` returns its children as a list for its parent to splice."""
    name, size, keep = rule
    if name.startswith("_"):
        if hasattr(builder, name):
            raise Unsure(f"the builder has a method for the inlined rule {name}")
        method = None
    else:
        method = getattr(builder, name, None)
        if method is None:
            raise Unsure(f"the builder has no method for {name}")
    pick = _picker([(index, expand) for index, expand in keep], size)
    if method is None:
        return pick or _same
    if pick is None:
        return method  # type: ignore[no-any-return]
    return lambda children: method(pick(children))


def _same(children: list[Any]) -> list[Any]:
    return children


def _picker(keep: list[tuple[int, bool]], size: int) -> Build | None:
    """The children a rule passes on; None when that is all of them, unchanged."""
    if not any(expand for _, expand in keep):
        if len(keep) == size:
            return None
        indices = [index for index, _ in keep]
        return lambda children: [children[index] for index in indices]

    def pick(children: list[Any]) -> list[Any]:
        out: list[Any] | None = None
        for index, expand in keep:
            if out is None:
                # A repetition is a left-recursive `_rule`: grow its list in place (each
                # value is used once) rather than copy it at every item, which is quadratic.
                out = children[index] if expand else [children[index]]
            elif expand:
                out += children[index]
            else:
                out.append(children[index])
        return out if out is not None else []

    return pick

"""A lean LALR(1) loop over Lark's own tables: program text in; the AST builder's result out.

Lark builds everything used here: the parse table, the per-state scanners of its
contextual lexer, the shape of every rule. This module only runs them, in one loop that
lexes, indents and parses, calling the AST builder's methods directly where Lark's general
loop would also make a `Tree` for every inlined `_rule`, stack a generator per layer and
check assertions meant for other grammars. On this grammar that halves the parse time.

It is only for well-formed text. At the first thing it does not expect (a character no
terminal matches, a token the table has no action for, anything the indenter or the
builder raises) it raises `Unsure`, and the caller parses the same text again with Lark:
every syntax error, its message and its position, is Lark's own. `Runner.for_lark` gives
None for a grammar or options it was not written for (rule aliases, `?rule`s, kept
tokens, parentheses in the indenter), and then every text goes to Lark. The indenter is
asked about every line end except one at the current depth indented with spaces only,
where Lark's `Indenter` (and prog's) passes the line end on and does nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from lark import Lark, Token
from lark.indenter import Indenter
from lark.lexer import PatternStr, UnlessCallback
from lark.parsers.lalr_analysis import Shift

Build = Callable[[list[Any]], Any]
Reduce = tuple[int, Build, str]  # (symbols taken off the stack, builder, rule name)
END = "$END"


class Unsure(Exception):
    """The text needs Lark's own loop: it has an error, or something this loop skips."""


class _Lexing:
    """What the lexer needs in one parser state: its scanners, what it ignores, keywords."""

    __slots__ = ("ignore", "keywords", "newline", "scanners")

    def __init__(self, basic: Any) -> None:
        scanner = basic.scanner  # builds Lark's scanner for this state
        self.scanners = tuple(scanner._mres)
        self.ignore = basic.ignore_types
        self.newline = basic.newline_types
        self.keywords: dict[str, dict[str, str]] = {}
        for type_, callback in basic.callback.items():
            if not isinstance(callback, UnlessCallback):
                raise TypeError(f"lexer callback on {type_}")
            self.keywords[type_] = _keywords(callback.scanner.terminals)


def _keywords(terminals: list[Any]) -> dict[str, str]:
    """Lower-case keyword text -> terminal, for keywords matched case-insensitively."""
    found = {}
    for terminal in terminals:
        pattern = terminal.pattern
        if not isinstance(pattern, PatternStr) or "i" not in pattern.flags:
            raise TypeError(f"keyword {terminal.name} is case-sensitive")
        found[pattern.value.lower()] = terminal.name
    return found


class Runner:
    """Parses texts with one Lark parser's tables, lexers, AST builder and indenter."""

    def __init__(
        self,
        actions: dict[int, dict[str, int | Reduce]],
        start: int,
        end: int,
        lexers: dict[int, Any],
        indenter: Indenter,
    ) -> None:
        self.actions = actions
        self.start = start
        self.end = end
        self.lexers = lexers
        self.indenter = indenter
        self.lexing: dict[int, _Lexing] = {}

    @classmethod
    def for_lark(cls, parser: Lark, builder: Any, indenter: Indenter) -> Runner | None:
        """A runner for `parser`, or None when it uses something this loop does not do."""
        try:
            options = parser.options
            if options.parser != "lalr" or options.lexer != "contextual":
                return None
            if options.maybe_placeholders or options.keep_all_tokens or options.tree_class:
                return None
            if indenter.OPEN_PAREN_types or indenter.CLOSE_PAREN_types:
                return None
            if any(hasattr(builder, terminal.name) for terminal in parser.terminals):
                return None  # Lark would pass those tokens through the builder
            builds: dict[Any, Build] = {}
            for rule in parser.rules:
                build = _build(rule, builder)
                if build is None:
                    return None
                builds[rule] = build
            frontend = parser.parser
            table = frontend.parser.parser.parse_table
            actions: dict[int, dict[str, int | Reduce]] = {}
            for state, row in table.states.items():
                actions[state] = {
                    symbol: arg
                    if action is Shift
                    else (len(arg.expansion), builds[arg], arg.origin.name)
                    for symbol, (action, arg) in row.items()
                }
                if not isinstance(state, int):
                    return None  # the loop tells a shift (a state number) by its type
            (start_name,) = options.start
            lexers = frontend.lexer.lexer.lexers  # the contextual lexer behind the postlexer
            return cls(
                actions,
                table.start_states[start_name],
                table.end_states[start_name],
                lexers,
                indenter,
            )
        except (AttributeError, KeyError, TypeError, ValueError):
            return None  # a Lark whose insides differ: let Lark do all the work

    def _lexing_for(self, state: int) -> _Lexing:
        try:
            lexing = self.lexing[state] = _Lexing(self.lexers[state])
        except (AttributeError, KeyError, TypeError) as error:
            raise Unsure(str(error)) from None
        return lexing

    def parse(self, text: str) -> Any:
        """The builder's result for `text`; `Unsure` when Lark's loop should judge it.

        One loop lexes a token in the parser state the previous token left, lets the
        indenter see line ends, and shifts each token after the reductions it calls for;
        when the text is read, the open blocks close and the end reduces to the result.
        """
        indenter = self.indenter
        indenter.paren_level = 0
        indenter.indent_level = [0]
        actions, lexing_of, end_state = self.actions, self.lexing, self.end
        nl_type = indenter.NL_type
        new, token_class = str.__new__, Token
        states: list[int] = [self.start]
        values: list[Any] = []
        pos, line, line_start, size = 0, 1, 0, len(text)
        last: Token | None = None
        while True:
            if pos < size:
                lexing = lexing_of.get(states[-1]) or self._lexing_for(states[-1])
                for scanner in lexing.scanners:
                    match = scanner.match(text, pos)
                    if match is not None:
                        break
                else:
                    raise Unsure("no terminal matches here")
                type_ = match.lastgroup
                value = match.group()
                stop = match.end()
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
                token.type, token.value, token.start_pos, token.end_pos = type_, value, pos, stop
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


def _build(rule: Any, builder: Any) -> Build | None:
    """What a reduction of `rule` returns, exactly as Lark's tree builder would shape it:
    filtered-out tokens dropped, `_rule` children spliced in, the builder's method called.
    An inlined `_rule` returns its children as a list for its parent to splice."""
    options = rule.options
    if rule.alias or options.template_source or options.expand1 or options.keep_all_tokens:
        return None
    name = rule.origin.name
    keep = [
        (index, not symbol.is_term and symbol.name.startswith("_"))
        for index, symbol in enumerate(rule.expansion)
        if not (symbol.is_term and symbol.filter_out)
    ]
    if name.startswith("_"):
        if hasattr(builder, name):
            return None
        method = None
    else:
        method = getattr(builder, name, None)
        if method is None or getattr(method, "visit_wrapper", None) is not None:
            return None
    pick = _picker(keep, len(rule.expansion))
    if method is None:
        return pick or _same
    if pick is None:
        return method
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

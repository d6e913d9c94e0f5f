"""The lean loop's tables: a built `Lark` in; plain data (lists, dicts, text) out.

`lalr.Runner` runs these without Lark; `grammar_cache` keeps them as JSON. Everything is
read off Lark's own objects: the LALR table (a shift is a state number, a reduction names
its rule), each state's scanners as pattern text, the terminals each state ignores or
counts lines in, the keywords matched case-insensitively, and each rule's shape (which
children it keeps and which it splices in). A grammar or option the loop was not written
for (rule aliases, `?rule`s, kept tokens, lexer callbacks other than keywords) gives
None, and then Lark's loop parses every text.
"""

from __future__ import annotations

from typing import Any

from lark import Lark
from lark.lexer import PatternStr, UnlessCallback
from lark.parsers.lalr_analysis import Shift


def extract(parser: Lark) -> dict[str, Any] | None:
    """The tables for `lalr.Runner`, or None when the loop cannot run this parser."""
    try:
        options = parser.options
        if options.parser != "lalr" or options.lexer != "contextual":
            return None
        if options.maybe_placeholders or options.keep_all_tokens or options.tree_class:
            return None
        rules = list(parser.rules)
        shapes = [_shape(rule) for rule in rules]
        if any(shape is None for shape in shapes):
            return None
        number = {rule: index for index, rule in enumerate(rules)}
        frontend = parser.parser
        table = frontend.parser.parser.parse_table
        if sorted(table.states) != list(range(len(table.states))):
            return None  # the loop keeps states in a list, by number
        actions = [
            {
                symbol: arg if action is Shift else [number[arg]]
                for symbol, (action, arg) in table.states[state].items()
            }
            for state in range(len(table.states))
        ]
        (start,) = options.start
        lexers = frontend.lexer.lexer.lexers  # the contextual lexer behind the postlexer
        lexings: list[dict[str, Any]] = []
        seen: dict[int, int] = {}
        lexing_of = []
        for state in range(len(table.states)):
            basic = lexers[state]
            if id(basic) not in seen:
                seen[id(basic)] = len(lexings)
                lexings.append(_lexing(basic))
            lexing_of.append(seen[id(basic)])
        return {
            "actions": actions,
            "rules": shapes,
            "start": table.start_states[start],
            "end": table.end_states[start],
            "lexings": lexings,
            "lexing_of": lexing_of,
            "terminals": sorted(terminal.name for terminal in parser.terminals),
        }
    except (AttributeError, KeyError, TypeError, ValueError):
        return None  # a Lark whose insides differ: let Lark do all the work


def _lexing(basic: Any) -> dict[str, Any]:
    """One state's lexer: its scanners' patterns, ignored and line-counting terminals, and
    keyword -> terminal for each terminal that keywords are told apart from."""
    scanner = basic.scanner  # builds Lark's scanner for this state
    keywords = {}
    for type_, callback in basic.callback.items():
        if not isinstance(callback, UnlessCallback):
            raise TypeError(f"lexer callback on {type_}")
        keywords[type_] = _keywords(callback.scanner.terminals)
    return {
        "scanners": [[compiled.pattern, compiled.flags] for compiled in scanner._mres],
        "ignore": sorted(basic.ignore_types),
        "newline": sorted(basic.newline_types),
        "keywords": keywords,
    }


def _keywords(terminals: list[Any]) -> dict[str, str]:
    """Lower-case keyword text -> terminal, for keywords matched case-insensitively."""
    found = {}
    for terminal in terminals:
        pattern = terminal.pattern
        if not isinstance(pattern, PatternStr) or "i" not in pattern.flags:
            raise TypeError(f"keyword {terminal.name} is case-sensitive")
        found[pattern.value.lower()] = terminal.name
    return found


def _shape(rule: Any) -> list[Any] | None:
    """[name, symbols in the expansion, [[index, splice?] for each child kept]], or None
    for a rule Lark's tree builder would shape in a way the loop does not copy."""
    options = rule.options
    if rule.alias or options.template_source or options.expand1 or options.keep_all_tokens:
        return None
    keep = [
        [index, not symbol.is_term and symbol.name.startswith("_")]
        for index, symbol in enumerate(rule.expansion)
        if not (symbol.is_term and symbol.filter_out)
    ]
    return [rule.origin.name, len(rule.expansion), keep]

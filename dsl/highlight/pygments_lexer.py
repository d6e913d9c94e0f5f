"""`.prog` text in; Pygments tokens out: the lexer behind `pygmentize -l prog`, Sphinx and
MkDocs code blocks (```` ```prog ````), rich's `Syntax`, and the examples `prog explain` shows.

It is registered under the `pygments.lexers` entry point (alias `prog`, files `*.prog`), so
any tool that uses Pygments finds it once prog is installed. Pygments needs no extra of its
own: rich, which prog depends on, depends on it, so it is always there. It is still a
thousand-odd lines of import, so only commands that colour a program import this module.

A statement's keyword opens a state for the rest of the statement (to `;`, `:`, a comment
or the line's end) in which the words that statement takes are vocabulary: `foot` in
`taper foot` is a taper reference, not the foot statement. Every list comes from
`dsl.highlight.words`, shared with the TextMate grammar.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from pygments.lexer import RegexLexer, bygroups, default
from pygments.token import (
    Comment,
    Error,
    Keyword,
    Name,
    Number,
    Punctuation,
    String,
    Whitespace,
)

from dsl.highlight.words import NOQA, WORD_CHAR, Statement, Words, alternatives, words

END = f"(?!{WORD_CHAR})"

# What a free word names, by the statement's role for it.
NAME_TOKENS = {
    "phase": Name.Label,
    "define": Name.Function,
    "sport": Name.Namespace,
    "sport-phase": Name.Builtin,
    "test": Name,
    "word": Name,
}


def _shared(w: Words) -> list[Any]:
    """What any statement may hold besides its own words: strings, doses, sport words."""
    return [
        (r"[ \t]+", Whitespace),
        (r'"', String.Double, "string"),
        (f"(?:{w.sets_reps}|{w.reps}|{w.duration}){END}", Number),
        (f"{w.number}{END}", Number.Integer),
        (f"({w.part})(\\.)({w.part}){END}", bygroups(Name.Namespace, Punctuation, Name.Builtin)),
        (r",", Punctuation),
    ]


def _statement(statement: Statement, w: Words) -> list[Any]:
    rules: list[Any] = []
    if statement.keywords:
        rules.append((f"(?:{alternatives(statement.keywords)}){END}", Keyword))
    vocabulary = [word for kind in statement.vocabulary.values() for word in kind]
    if vocabulary:
        rules.append((f"(?:{alternatives(vocabulary)}){END}", Name.Builtin))
    rules.extend(_shared(w))
    rules.append((f"{w.part}{END}", NAME_TOKENS[statement.name]))
    rules.append(default("#pop"))
    return rules


def _tokens() -> dict[str, list[Any]]:
    w = words()
    root: list[Any] = [
        (r"\r?\n", Whitespace),
        (f"{NOQA}.*$", Comment.Special),
        (r"#.*$", Comment.Single),
        (r"[;:]", Punctuation),
    ]
    tokens: dict[str, list[Any]] = {"root": root}
    for statement in w.statements:
        state = f"statement-{statement.keyword}"
        root.append((f"{re.escape(statement.keyword)}{END}", Keyword, state))
        tokens[state] = _statement(statement, w)
    root.extend(_shared(w))
    root.append((f"{w.part}{END}", Name))
    root.append((r".", Error))
    tokens["string"] = [
        (r'\\["\\]', String.Escape),
        (r'[^"\\\r\n]+', String.Double),
        (r'"', String.Double, "#pop"),
        (r"\\", Error),
        default("#pop"),  # the line ended inside the string: P001 says so
    ]
    return tokens


class ProgLexer(RegexLexer):
    """Pygments lexer for `.prog` progression programs."""

    name = "prog"
    aliases: ClassVar[list[str]] = ["prog"]
    filenames: ClassVar[list[str]] = ["*.prog"]
    mimetypes: ClassVar[list[str]] = ["text/x-prog"]
    flags = re.IGNORECASE | re.MULTILINE
    tokens: ClassVar[dict[str, list[Any]]] = _tokens()

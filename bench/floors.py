"""What prog is measured against: file texts in; the same texts read, or tokenized by a
bare regular expression, or parsed by Lark's Earley parser, out.

The tokenizer is the floor for any lexer written in Python: one compiled alternation of
the grammar's own terminals (taken from `prog.lark` through Lark, so they are the very
same tokens), run with `finditer`, keeping each token's type, text and position.

Earley cannot run prog's indentation postlexer: its dynamic lexer reads characters, not
a token stream. So it is compared on the same programs rewritten without indentation,
each block on one line after its `:` (a `try` inside a phase, which cannot be written
inline, keeps its first alternative), with the two terminals the postlexer makes given
patterns no text contains. prog parses exactly the same rewritten texts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lark import Lark

from dsl import syntax
from dsl.comments import comment_start


def read(paths: Sequence[Path]) -> list[str]:
    texts = []
    for path in paths:
        with open(path, "rb") as handle:
            texts.append(handle.read().decode("utf-8"))
    return texts


class Tokenizer:
    """A bare regular-expression tokenizer of the grammar's terminals."""

    def __init__(self) -> None:
        grammar = Lark(syntax.grammar_text(), parser="lalr", lexer="basic")
        ignore = set(grammar.ignore_tokens)
        terminals = sorted(
            grammar.terminals,
            key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name),
        )
        self.ignore = ignore
        self.pattern = re.compile(
            "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terminals)
        )

    def tokens(self, text: str) -> list[tuple[str | None, str, int]]:
        ignore = self.ignore
        return [
            (m.lastgroup, m.group(), m.start())
            for m in self.pattern.finditer(text)
            if m.lastgroup not in ignore
        ]

    def files(self, paths: Sequence[Path]) -> int:
        """Read and tokenize every file; the number of tokens."""
        count = 0
        for text in read(paths):
            count += len(self.tokens(text))
        return count


def earley() -> Lark:
    """Lark's Earley parser (dynamic lexer) on prog's grammar."""
    grammar = syntax.grammar_text().replace(
        "%declare _INDENT _DEDENT", '_INDENT: "\\x00indent"\n_DEDENT: "\\x00dedent"'
    )
    return Lark(grammar, parser="earley", lexer="dynamic", maybe_placeholders=False)


def one_line_blocks(text: str) -> str:
    """`text` with every block written on its header's line (see the module docstring)."""
    out: list[str] = []
    header: str | None = None
    body: list[str] = []
    in_try = False
    for raw in text.split("\n"):
        start = comment_start(raw)
        line = (raw if start is None else raw[:start]).rstrip()
        if not line.strip():
            continue
        depth = (len(line) - len(line.lstrip())) // 4
        line = line.strip()
        if depth == 0:
            if header is not None:
                out.append(f"{header} {'; '.join(body)}")
                header, body = None, []
            if line.endswith(":"):
                header = line
            else:
                out.append(line)
        elif line == "try until better:":
            in_try = True
        elif depth == 1 or in_try:
            body.append(line)
            in_try = False
    if header is not None:
        out.append(f"{header} {'; '.join(body)}")
    return "\n".join(out) + "\n"


def parse_all(parser: Any, texts: Sequence[str]) -> None:
    for text in texts:
        parser.parse(text)

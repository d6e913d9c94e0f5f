"""A program's text in; the Pygments lexer's tokens out, each with its line (from 1) and
column (from 0), whitespace left out: what the editor highlighters are compared with."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from pygments.token import Whitespace, _TokenType

from dsl.highlight.pygments_lexer import ProgLexer


def pygments_words(text: str) -> Iterator[tuple[int, int, _TokenType, str]]:
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    for index, kind, value in ProgLexer().get_tokens_unprocessed(text):
        if kind in Whitespace or not value.strip():
            continue
        line = bisect_right(starts, index)
        yield line, index - starts[line - 1], kind, value

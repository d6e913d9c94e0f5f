"""Hypothesis strategies for broken programs: valid ones (from `tests.strategies`) with
their tokens deleted, swapped or duplicated, odd Unicode and stray bytes let in, numbers
made huge, blocks nested deep and lines made long, and texts that were never programs.
"""

from __future__ import annotations

import re

from hypothesis import strategies as st

from tests.strategies import programs

# Pieces a mutation may splice in: keywords out of place, punctuation, near-miss words,
# characters with a past (tabs, CR, NUL, BOM, line and paragraph separators, bidi
# controls, combining marks, non-ASCII digits and letters that fold to ASCII ones).
ODD = [
    *"\t\r\x00\x0b\x0c\ufeff\u2028\u2029\u202e\u0301\u0663\uff11\u212a\u0130\u017fßé😀\ud7ff",
    *"\"\\#:;,.-('x0",
    *("\r\n", "  ", "\n    "),
]
_SPOKEN = """
    pivot frontal driver foot retest try until better taper over all disadvantage restore
    note use define phase program target sport golf golf.swing include undo for handed
    reverse surface slope ground-reaction function x10 3x10 30s 2m PIVOT Frontal frontl
    pivto left-hand overhead-left a.b.c
"""
WORDS = _SPOKEN.split()
HUGE = ["x" + "9" * 40, "9" * 40 + "x9", "9" * 40 + "s", "over " + "9" * 30, "1" * 400]
TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"?|\s+|[^\s";:,#]+|.', re.DOTALL)


def _pieces(text: str) -> list[str]:
    return TOKEN.findall(text)


@st.composite
def mutated_programs(draw: st.DrawFn) -> str:
    """A valid program with one to four of its tokens deleted, swapped, duplicated or
    replaced, or odd material inserted."""
    pieces = _pieces(draw(programs())) or [""]
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(pieces) - 1))
        kind = draw(st.sampled_from(("delete", "swap", "duplicate", "replace", "insert")))
        if kind == "delete" and len(pieces) > 1:
            del pieces[at]
        elif kind == "swap":
            other = draw(st.integers(0, len(pieces) - 1))
            pieces[at], pieces[other] = pieces[other], pieces[at]
        elif kind == "duplicate":
            pieces.insert(at, pieces[at])
        else:
            new = draw(st.one_of(st.sampled_from(ODD + WORDS + HUGE), st.text(max_size=6)))
            if kind == "replace":
                pieces[at] = new
            else:
                pieces.insert(at, new)
    return "".join(pieces)


@st.composite
def damaged_bytes(draw: st.DrawFn) -> bytes:
    """A valid program's UTF-8 with a few bytes overwritten or inserted."""
    data = bytearray(draw(programs()).encode("utf-8"))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, max(0, len(data) - 1)))
        value = draw(st.integers(0, 255))
        if draw(st.booleans()) and data:
            data[at] = value
        else:
            data.insert(at, value)
    return bytes(data)


def odd_texts() -> st.SearchStrategy[str]:
    """Text that was never a program: any characters, or program words in any order."""
    return st.one_of(
        st.text(max_size=300),
        st.lists(st.sampled_from(ODD + WORDS + HUGE), max_size=60).map("".join),
        st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
    )


@st.composite
def deep_blocks(draw: st.DrawFn) -> str:
    """Blocks nested around the 32-level limit, headers of any kind, inline or not."""
    depth = draw(st.integers(1, 40))
    lines = []
    for level in range(depth):
        header = draw(st.sampled_from(("phase p{}:", "define d{}:", "try until better:")))
        lines.append("    " * level + header.format(level))
    body = draw(st.sampled_from(("retest", "driver head rotate-left", "use d0", "pivot frontal")))
    lines.append("    " * depth + body)
    return "\n".join(lines) + "\n"


@st.composite
def long_lines(draw: st.DrawFn) -> str:
    """One line holding many statements, or one very long word, string or comment."""
    count = draw(st.integers(1, 3000))
    kind = draw(st.sampled_from(("statements", "word", "string", "comment")))
    if kind == "statements":
        statement = draw(st.sampled_from(("pivot frontal", "retest", 'note "n"', "undo")))
        return "; ".join([statement] * count) + "\n"
    if kind == "word":
        return "retest " + "a" * count * 10 + "\n"
    if kind == "string":
        return 'note "' + "é" * count * 10 + '"\n'
    return "retest  # " + "#" * count * 10 + "\n"

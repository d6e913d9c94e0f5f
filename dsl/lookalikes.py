"""Words with letters beyond ASCII: a text and where the lexer stopped in; a P001 naming the
whole word, with the ASCII word it looks like, out.

Spec §2: words are lower-case ASCII letters, digits and `-`, and keywords are matched
without regard to case. Python's case-insensitive matching is Unicode's, under which
`pıvot` (dotless i), `PİVOT` (dotted capital I) and `ſport` (long s) are `pivot` and
`sport`; the grammar is compiled with ASCII matching (`parser.OPTIONS`) so they are not
keywords. What the lexer then sees is a bad character in the middle of a word, and this
module words that error as the slip it is: `pıvot` is not a word prog reads; did you mean
`pivot`?
"""

from __future__ import annotations

import unicodedata

from dsl.diagnostics import MAX_ECHO, Diagnostic, closest, make
from dsl.nodes import Span

# Letters that Unicode folds onto an ASCII letter without a decomposition NFKD could find.
_FOLDS = str.maketrans({"ı": "i", "ſ": "s", "ĸ": "k", "ß": "ss"})


def _in_word(char: str) -> bool:
    return char.isalnum() or char in "-."


def as_ascii(word: str) -> str:
    """The ASCII word `word` looks like: case folded, accents and look-alikes taken off."""
    folded = unicodedata.normalize("NFKD", word.translate(_FOLDS).casefold().translate(_FOLDS))
    return "".join(char for char in folded if char.isascii())


def non_ascii_word(
    text: str, position: int, file: str, line: int, col: int, known: list[str]
) -> Diagnostic | None:
    """A P001 for the word around `position` (at `line`:`col`) if it has a letter beyond
    ASCII; None when the error there is something else. `known` are the words to suggest
    (the keywords)."""
    if not 0 <= position < len(text) or not _in_word(text[position]):
        return None
    # A keyword's look-alike is short: past MAX_ECHO letters either way the word is none,
    # and the plain syntax error (with its bounded echo) says enough, at once.
    start, end = position, position
    while start > 0 and _in_word(text[start - 1]):
        start -= 1
        if position - start > MAX_ECHO:
            return None
    while end < len(text) and _in_word(text[end]):
        end += 1
        if end - position > MAX_ECHO:
            return None
    word = text[start:end]
    if word.isascii():
        return None
    odd = next(char for char in word if not char.isascii())
    plain = as_ascii(word)
    # Every letter has an ASCII look-alike (`ſingle`): suggest the word it looks like; a
    # letter with none (`ØVER`) leaves a slip, for which the closest keyword is the guess.
    whole = all(as_ascii(char) for char in word)
    guess = plain if plain in known or (whole and plain[:1].isalnum()) else None
    if guess is None and plain:
        guess = closest(plain, known)
    message = (
        f"`{word}` is not a word prog reads: words are written in ASCII letters, "
        f"and `{odd}` is not one"
    )
    if guess is not None:
        message += f"; did you mean `{guess}`?"
    first = col - (position - start)
    return make(
        "P001",
        message,
        Span(file, line, first, line, first + len(word)),
        hint="keywords and words are ASCII (a-z, 0-9 and -); type the word again",
        suggestion=guess,
    )

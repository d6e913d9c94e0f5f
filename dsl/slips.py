"""Common slips: a line with a syntax error in; the repair a clinician most likely meant out.

A clinician types as they write: `glute med` for `glute-med`, `right hand` for
`right-hand`, `single leg squat` for `single-leg-squat`, `3 x 8` for `3x8`, `programme` for
`program`, `right-handed` for `handed right`; a word processor turns `-` into an en dash and
`"` into curly quotes. Each slip is a syntax error the parser can only call "unexpected".

`repairs` proposes every way of mending one line (joining neighbouring words with a hyphen
or nothing, closing up a spaced dose, plain characters for typographic ones, the words of a
handedness in prog's order). The parser keeps the ones after which the line parses, and
`best` picks one, preferring repairs whose words the vocabulary knows. The parser then
reports the slip with the repair as its suggestion, and goes on as if the repair had been
typed, so one slip makes one diagnostic and no knock-on warnings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise

# Characters a word processor or a phone puts in place of the ones prog reads, each with
# what to type instead and the name a clinician knows it by.
TYPOGRAPHIC: dict[str, tuple[str, str]] = {
    "\u2013": ("-", "an en dash"),
    "\u2014": ("-", "an em dash"),
    "\u2010": ("-", "a typographic hyphen"),
    "\u2011": ("-", "a non-breaking hyphen"),
    "\u2212": ("-", "a minus sign"),
    "\u201c": ('"', "a curly quote"),
    "\u201d": ('"', "a curly quote"),
    "\u201e": ('"', "a low curly quote"),
    "\u00ab": ('"', "a guillemet"),
    "\u00bb": ('"', "a guillemet"),
    "\u00a0": (" ", "a non-breaking space"),
}

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9.-]*")
_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"?')
# `3 x 8`, `3x 8`, `3 x8`, `x 10`: a dose with spaces in it (one without is no slip).
_SPACED_DOSE = re.compile(r"(?<![0-9A-Za-z-])(?:[0-9]+\s*)?[xX]\s*[0-9]+\b")
_HANDED = re.compile(r"\b(right|left)-handed\b", re.IGNORECASE)
_MAX_JOINED = 4  # words joined into one: `single leg squat` is three
MAX_LINE = 300  # characters: a one-line program of a dozen statements fits


@dataclass(frozen=True)
class Repair:
    """Replace columns `col`..`end_col` (1-based, end exclusive) of the line by `text`."""

    col: int
    end_col: int
    text: str
    message: str  # the diagnostic's message: what the slip is and what to type
    hint: str
    joined: bool = False  # joins neighbouring words: the vocabulary decides between joins
    closed_up: bool = False  # joined with nothing between (`righthand`), not a hyphen

    def apply(self, line: str) -> str:
        return line[: self.col - 1] + self.text + line[self.end_col - 1 :]


def typographic_hint(char: str) -> str | None:
    """What to type instead of a typographic character, or None if `char` is not one."""
    if char not in TYPOGRAPHIC:
        return None
    plain, name = TYPOGRAPHIC[char]
    shown = "a space" if plain == " " else f"`{plain}`"
    return f"this is {name} (`{char}`), as a word processor types it; type {shown} instead"


def repairs(line: str, words: list[re.Match[str]]) -> Iterator[Repair]:
    """Every repair worth trying on `line`, the most specific first; none for a line longer
    than a clinician types (`MAX_LINE`), where trying them all would cost more than it helps.
    `words` are the line's words (`_words`), which `best` splits once for its own use too."""
    if len(line) > MAX_LINE:
        return
    yield from _typographic(line)
    for match in _HANDED.finditer(line):
        side = match.group(1).lower()
        yield Repair(
            match.start() + 1,
            match.end() + 1,
            f"handed {side}",
            f"`{match.group(0)}` is written `handed {side}` after the sport's name",
            f"a sport line reads `sport NAME handed {side}` (right is the default)",
        )
    for match in _SPACED_DOSE.finditer(line):
        closed = re.sub(r"\s+", "", match.group(0)).lower()
        if closed != match.group(0).lower():
            yield Repair(
                match.start() + 1,
                match.end() + 1,
                closed,
                f"a dose is one word: `{closed}`, not `{match.group(0)}`",
                "write a dose without spaces: x10 (reps), 3x10 (sets × reps), or `for 30s`",
            )
    yield from _joins(line, words)


def _typographic(line: str) -> Iterator[Repair]:
    """All typographic characters of the line at once, replaced by what prog reads."""
    found = [i for i, char in enumerate(line) if char in TYPOGRAPHIC]
    if not found:
        return
    first, last = found[0], found[-1]
    fixed = "".join(TYPOGRAPHIC[c][0] if c in TYPOGRAPHIC else c for c in line[first : last + 1])
    char = line[first]
    yield Repair(
        first + 1,
        last + 2,
        fixed,
        f"`{char}` is {TYPOGRAPHIC[char][1]}; type `{TYPOGRAPHIC[char][0]}`",
        typographic_hint(char) or "",
    )


def _words(line: str) -> list[re.Match[str]]:
    """The words of `line` outside texts and comments."""
    code = _STRING.sub(lambda m: " " * len(m.group(0)), line.split("#", 1)[0])
    return list(_WORD.finditer(code))


def _joins(line: str, words: list[re.Match[str]]) -> Iterator[Repair]:
    """Runs of 2 to 4 neighbouring `words` of `line` joined by `-`, then by nothing."""
    for size in range(2, _MAX_JOINED + 1):
        for start in range(len(words) - size + 1):
            run = words[start : start + size]
            if any(len(m.group(0)) < 2 for m in run):  # `retest a b`: no word was split
                continue
            if any(not line[a.end() : b.start()].isspace() for a, b in pairwise(run)):
                continue
            parts = [m.group(0).lower() for m in run]
            shown = line[run[0].start() : run[-1].end()]
            for glue in ("-", ""):
                joined = glue.join(parts)
                yield Repair(
                    run[0].start() + 1,
                    run[-1].end() + 1,
                    joined,
                    f"`{shown}` is one word here; did you mean `{joined}`?",
                    "prog's words are joined with hyphens: glute-med, right-hand, "
                    "overhead-left, single-leg-squat",
                    joined=True,
                    closed_up=not glue,
                )


# Statements whose words after the keyword are free (a test, a phase or a define's name).
FREE_WORDS = ("retest", "phase", "define", "use")
_DOSE_OR_NUMBER = re.compile(r"(?:[0-9]+|[0-9]*x[0-9]+|[0-9]+[sm])")


def plausible(line: str, known: Iterable[str], keywords: Iterable[str]) -> bool:
    """True if every word of `line` is a keyword, a dose, a word the vocabulary knows, or
    a free word where the statement takes one: a repair that leaves an unknown word would
    only swap one error for another, so the parser does not go on as if it were typed."""
    return _plausible([m.group(0).lower() for m in _words(line)], {*known, *keywords})


def _plausible(words: list[str], allowed: set[str]) -> bool:
    """`plausible` for a line's `words` (lower case), `allowed` the known words and keywords."""
    if not words:
        return True
    free = words[0] in FREE_WORDS
    return all(
        word in allowed or _DOSE_OR_NUMBER.fullmatch(word) or (free and index > 0)
        for index, word in enumerate(words)
    )


def best(
    line: str,
    parses: Callable[[str], bool],
    known: Iterable[str] = (),
    keywords: Iterable[str] = (),
) -> Repair | None:
    """The repair to suggest for `line`, or None when no repair makes it parse into words
    that are all known or free (`plausible`).

    Any other kind of repair comes before a join. Among joins, one whose joined word the
    vocabulary knows wins, then a hyphen before nothing, then the fewest words joined.

    The line is split into words once, and the allowed words gathered once, for all the
    repairs tried (there are dozens on a line of a few words): a join's line has the same
    words but for the run it makes one, so its words are those of the line, spliced.
    """
    vocabulary = set(known)
    allowed = {*vocabulary, *keywords}
    found = _words(line)
    words = [m.group(0).lower() for m in found]
    first = {m.start(): index for index, m in enumerate(found)}
    last = {m.end(): index for index, m in enumerate(found)}
    ranked: list[tuple[tuple[bool, bool, int], Repair]] = []
    for order, repair in enumerate(repairs(line, found)):
        mended = repair.apply(line)
        if repair.joined:
            start, end = first[repair.col - 1], last[repair.end_col - 1] + 1
            mended_words = [*words[:start], repair.text, *words[end:]]
        else:
            mended_words = [m.group(0).lower() for m in _words(mended)]
        if not _plausible(mended_words, allowed) or not parses(mended):
            continue
        if not repair.joined:
            return repair
        ranked.append(((repair.text not in vocabulary, repair.closed_up, order), repair))
    return min(ranked, key=lambda item: item[0])[1] if ranked else None

"""Diagnostics: one value type for every problem any stage finds, and the core's codes.

No stage prints. Each returns `Diagnostic`s; the CLI sorts and renders them. The code
catalogue here is the single source of each code's severity and one-line title; the longer
story for `prog explain` lives in `dsl.explain`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from operator import attrgetter

from dsl.nodes import Span
from dsl.record import record

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITY_RANK = {INFO: 0, WARNING: 1, ERROR: 2}


@record
class Diagnostic:
    code: str
    severity: str
    message: str
    span: Span
    hint: str | None = None
    suggestion: str | None = None  # the close word a `did you mean` names


# The order diagnostics are shown in: by file, line, column, code, then message (so that
# two findings at one place always come in the same order). One C call a diagnostic: a
# lint may sort 200,000.
SHOWN_ORDER = attrgetter("span.file", "span.line", "span.col", "code", "message")


def in_shown_order(found: Iterable[Diagnostic]) -> list[Diagnostic]:
    """`found` sorted in `SHOWN_ORDER`, each once (a library's finding comes with every
    file that includes it). Equal diagnostics have equal keys, so a repeat is looked for
    only among those at one key: hashing every diagnostic (its span too, field by field)
    cost more than the sort, and a lint may show 200,000."""
    out: list[Diagnostic] = []
    last: tuple[object, ...] | None = None
    here: list[Diagnostic] = []  # those kept at the key `last`
    for diagnostic in sorted(found, key=SHOWN_ORDER):
        key = SHOWN_ORDER(diagnostic)
        if key != last:
            last, here = key, [diagnostic]
        elif diagnostic in here:
            continue
        else:
            here.append(diagnostic)
        out.append(diagnostic)
    return out


# code -> (severity, title). Titles are the rule descriptions of `prog explain` and SARIF.
CORE_CODES: dict[str, tuple[str, str]] = {
    "P001": (ERROR, "syntax error"),
    "P002": (ERROR, "a word the vocabulary in force does not know in that place"),
    "P003": (ERROR, "a sport's word used without its `sport` line"),
    "P004": (ERROR, "a plugin failed to load or misbehaved"),
    "P005": (ERROR, "a limit broken, an include outside the root, or a cycle"),
    "P006": (ERROR, "a disadvantage that is not allowed"),
    "P007": (ERROR, "a context statement in the wrong place, or repeated"),
    "P101": (WARNING, "no `target`: right glute-med assumed"),
    "P102": (WARNING, "two kinds of tweak applied with no `retest` between them"),
    "P103": (WARNING, "`taper`, `undo` or `restore` of something that is not active"),
    "P104": (WARNING, "tweaks still active at the end: no carryover to the pure function"),
    "P105": (WARNING, "`disadvantage` while tweaks are active, or before any `retest`"),
    "P106": (WARNING, "a foot position replaced by its opposite on the same foot"),
    "P107": (WARNING, "the program does not end with a `retest` after its last change"),
    "P108": (WARNING, "an unused `define`, an empty phase, or a `try` with one alternative"),
    "P109": (WARNING, "a dose out of the usual range"),
    "P110": (WARNING, "nothing to run: the file has no movement statement"),
    "P111": (WARNING, "a step leaves the target muscle no favorable motion (advantage 0)"),
    "P201": (INFO, "a driver replaced another on the same limb"),
    "P202": (INFO, "a tweak that does not change the drive"),
}


# The most of one word (a run without spaces or backticks) that a message repeats: a word
# of the input is echoed in messages, and a 5 MB "word" must not make 5 MB messages.
MAX_ECHO = 60
MAX_TEXT = 400  # and the most of a whole message or help line (a plugin's, say)
_LONG_WORD = re.compile(r"[^\s`]{" + str(MAX_ECHO + 1) + ",}")


def bounded(text: str) -> str:
    """`text` with every word longer than `MAX_ECHO` characters cut to an excerpt and `…`,
    and the whole cut at `MAX_TEXT` characters.

    Every diagnostic's message and help go through here (`make`, and the lint engine for a
    plugin's findings), so no input, however long one of its words or lines, is repeated
    whole in text, JSON, GitHub or SARIF output."""
    if len(text) <= MAX_ECHO:
        return text
    if len(text) <= MAX_TEXT:
        return _bounded_line(text)
    return _bounded(text)


def _bounded(text: str) -> str:
    # A word is inside one of the text's space-separated pieces, so pieces no longer than
    # `MAX_ECHO` hold no long word: found in half the time the search takes.
    if max(map(len, text.split(" "))) > MAX_ECHO:
        text = _LONG_WORD.sub(lambda match: match.group()[:MAX_ECHO] + "…", text)
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT] + "…"


# A text of a line or two is remembered: the same help line and many of the same messages
# come with finding after finding (a lint of a library may make 200,000), and a look-up
# costs a tenth of the search for a long word. A longer text is not: it would be kept.
_bounded_line = lru_cache(maxsize=1024)(_bounded)


def make(
    code: str,
    message: str,
    span: Span,
    *,
    hint: str | None = None,
    suggestion: str | None = None,
) -> Diagnostic:
    """A core diagnostic, its severity taken from the catalogue; message and help `bounded`."""
    return Diagnostic(
        code,
        CORE_CODES[code][0],
        bounded(message),
        span,
        bounded(hint) if hint is not None else None,
        suggestion,
    )


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate closest to `word`, if one is close enough to be worth suggesting."""
    import difflib  # only for a word that is not known, which a clean program never has

    options = list(candidates)
    # A match needs 2 * common / (len(word) + len(candidate)) >= 0.6, so a word over
    # 7/3 of the longest candidate matches none: say so without comparing a huge word.
    if not options or 3 * len(word) > 7 * max(map(len, options)):
        return None
    matches = difflib.get_close_matches(word, options, n=3, cutoff=0.6)
    # Two letters swapped (`P190` for `P109`) is the likeliest slip among close matches.
    swapped = [m for m in matches if len(m) == len(word) and sorted(m) == sorted(word)]
    best = swapped or matches
    return best[0] if best else None


def unknown_word(
    code: str,
    what: str,
    word: str,
    span: Span,
    candidates: Iterable[str],
    *,
    hint: str | None = None,
) -> Diagnostic:
    """`unknown plane `frontl``, with `did you mean `frontal`?` when one is close."""
    options = sorted(set(candidates))
    guess = closest(word, options)
    message = f"unknown {what} `{word}`"
    if guess is not None:
        message += f"; did you mean `{guess}`?"
    if hint is None and options and len(options) <= 12:
        hint = f"{what}s here: " + ", ".join(options)
    return make(code, message, span, hint=hint, suggestion=guess)


def worst(diagnostics: Iterable[Diagnostic]) -> int:
    """The highest severity rank among `diagnostics`, -1 when there are none."""
    return max((SEVERITY_RANK[d.severity] for d in diagnostics), default=-1)

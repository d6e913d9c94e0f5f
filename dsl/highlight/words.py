"""The grammar file and the core vocabulary in; the words a highlighter colours out.

Both highlighters (the Pygments lexer and the generated TextMate grammar) take their word
lists from here and nowhere else, so they cannot drift from the language or from each other:
keywords and the shape of words and doses are read from `prog.lark`, vocabulary words from
`dsl.vocabulary` and `dsl.hip`. Which kinds of vocabulary word each statement takes (the
grammar says `WORD` everywhere; meaning is the checker's) is `dsl.syntax.STATEMENTS`, the one
table about statements. A statement the grammar has and that table lacks is an error when the
lists are built, so a new statement cannot go uncoloured unnoticed.

Words are case-insensitive on input (spec §2), so every highlighter matches them so.
A sport's words are not listed: plugins are installed separately, and their words are
always qualified (`SPORT.WORD`) or free words, which every highlighter colours by shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dsl.hip import MOTIONS, PLANES
from dsl.syntax import STATEMENTS, grammar_text
from dsl.vocabulary import (
    CORE_DIRECTIONS,
    CORE_LIMBS,
    CORE_MUSCLES,
    FOOT_AXIS,
    GROUND_EFFECTS,
    GROUND_OFF,
    RESTORE_ALL,
    SIDES,
    SURFACE_EFFECTS,
    SURFACE_KINDS,
    TAPER_KINDS,
)

# The core vocabulary by kind, in the order a reader meets them (spec §3).
VOCABULARY: dict[str, tuple[str, ...]] = {
    "side": SIDES,
    "plane": PLANES,
    "limb": CORE_LIMBS,
    "direction": CORE_DIRECTIONS,
    "foot-position": tuple(FOOT_AXIS),
    "surface": (*SURFACE_KINDS, *SURFACE_EFFECTS),
    "level": (*GROUND_EFFECTS, GROUND_OFF),
    "motion": tuple(MOTIONS),
    "muscle": tuple(CORE_MUSCLES),
    "taper-reference": TAPER_KINDS,
    "all": (RESTORE_ALL,),
}


@dataclass(frozen=True)
class Statement:
    """One statement for a highlighter: its keyword, the other keywords it may hold
    (`over`, `handed`, `for`…), its vocabulary words by kind, and what a free word names."""

    keyword: str
    keywords: tuple[str, ...]
    vocabulary: dict[str, tuple[str, ...]]
    name: str


@dataclass(frozen=True)
class Words:
    """Everything a highlighter needs: the statements, and the grammar's shapes of a word,
    a qualified sport word and the doses, as regular expressions both Python's `re` and
    TextMate's Oniguruma read the same way."""

    statements: tuple[Statement, ...]
    part: str  # one part of a word: `swing`; a word is PART or SPORT.PART
    reps: str
    sets_reps: str
    duration: str
    number: str

    @property
    def keywords(self) -> tuple[str, ...]:
        """Every keyword, statement keywords first."""
        seen = dict.fromkeys(s.keyword for s in self.statements)
        for statement in self.statements:
            seen.update(dict.fromkeys(statement.keywords))
        return tuple(seen)


_KEYWORD = re.compile(r'^([A-Z_]+): "([a-z-]+)"i$', re.MULTILINE)
_PATTERN = re.compile(r"^([A-Z_]+): /(.+)/$", re.MULTILINE)
_RULE = re.compile(r"^([a-z_]+): (.+)$", re.MULTILINE)
_SYMBOL = re.compile(r'"[^"]*"|[A-Za-z_]+')


def _symbols(body: str) -> list[str]:
    return _SYMBOL.findall(body)


@lru_cache(maxsize=1)
def words() -> Words:
    """The lists, read from the grammar file and the vocabulary (once per process)."""
    text = grammar_text()
    keywords = dict(_KEYWORD.findall(text))
    patterns = dict(_PATTERN.findall(text))
    rules = dict(_RULE.findall(text))

    def keywords_in(body: str, expand: bool) -> list[str]:
        """The keywords a rule's body names, with those of the all-terminal rules it uses
        (`dose`: `for`), as the grammar writes them."""
        found: list[str] = []
        for symbol in _symbols(body):
            if symbol in keywords:
                found.append(keywords[symbol])
            elif (
                expand
                and symbol in rules
                and all(s.startswith('"') or s.isupper() for s in _symbols(rules[symbol]))
            ):
                found.extend(keywords_in(rules[symbol], expand=False))
        return found

    statements = []
    for body in rules.values():
        first, *_ = _symbols(body)
        if first not in keywords:
            continue
        keyword, *others = keywords_in(body, expand=True)
        described = STATEMENTS.get(keyword)
        if described is None:
            raise LookupError(
                f"the grammar has a statement `{keyword}` that dsl.syntax.STATEMENTS "
                "does not describe: say what it means and which vocabulary it takes"
            )
        statements.append(
            Statement(
                keyword,
                tuple(dict.fromkeys(others)),
                {kind: VOCABULARY[kind] for kind in described.vocabulary},
                described.free,
            )
        )
    missing = set(STATEMENTS) - {s.keyword for s in statements}
    if missing:
        raise LookupError(f"dsl.syntax.STATEMENTS names statements not in the grammar: {missing}")
    qualified = re.fullmatch(r"(?P<part>.+)\(\\\.(?P=part)\)\?", patterns["WORD"])
    if qualified is None:
        raise LookupError(f"WORD in the grammar is not PART(\\.PART)?: {patterns['WORD']}")
    return Words(
        tuple(statements),
        part=qualified["part"],
        reps=patterns["REPS"],
        sets_reps=patterns["SETS_REPS"],
        duration=patterns["DURATION"],
        number=patterns["NUMBER"],
    )


def alternatives(items: tuple[str, ...] | list[str]) -> str:
    """A regular expression matching any of the words, longest first, escaped (a `-`
    outside a character class needs no escape, and reads better without one)."""
    ordered = sorted(set(items), key=lambda w: (-len(w), w))
    return "|".join(re.escape(item).replace("\\-", "-") for item in ordered)


# A character that may continue a word: what ends a word is anything else.
WORD_CHAR = "[A-Za-z0-9.-]"
NOQA = r"#\s*(?i:noqa)\b"

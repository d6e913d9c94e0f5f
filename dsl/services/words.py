"""The words in force at a place in a document: a statement's keyword and the words before
the place in; what kind of word the grammar expects there and the words of that kind (core
and plugins, for the document's sports, target and defines) out, each with its meaning.

Completion offers these words and hover explains them, so both read the same tables. The
statement keywords come from the grammar file itself (`prog.lark`), the words from the
registry (`dsl.registry`, `dsl.vocabulary`): a plugin's words appear once its sport line is
there. A statement's meaning is in `dsl.syntax.STATEMENTS`, the one table about statements;
what completion offers after its keyword is `AFTER` here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from dsl import nodes as n
from dsl.checker import DEFAULT_TARGET
from dsl.highlight.words import words as grammar_words
from dsl.hip import MOTIONS, PLANES, Effect
from dsl.parser import CONTEXT_KEYWORDS
from dsl.registry import Registry
from dsl.services.document import Document, statements
from dsl.syntax import STATEMENTS
from dsl.vocabulary import (
    CORE_DIRECTIONS,
    FOOT_AXIS,
    GROUND_EFFECTS,
    PLANE_EFFECTS,
    SIDES,
    SURFACE_EFFECTS,
    TAPER_KINDS,
    TWEAK_KINDS,
    Vocabulary,
    mirror,
)

PLANE_DOCS = {
    "sagittal": "the other foot moves forward and back past the stance leg (flexion, extension)",
    "frontal": "the other foot moves across and out past the stance leg (adduction, "
    "abduction): the biggest direct effect on the glute med",
    "transverse": "the other foot turns the pelvis round the stance leg (rotation)",
}
FOOT_DOCS = {
    "narrow": "feet closer together",
    "wide": "feet further apart",
    "forward": "this foot a little ahead",
    "back": "this foot a little behind",
    "turned-in": "toes turned in",
    "turned-out": "toes turned out",
}
LEVEL_DOCS = {"none": "removes the ground reaction"}
TAPER_DOCS = {
    "foot": "every foot tweak (or one foot's: `taper foot right`)",
    "driver": "every driver (or one limb's: `taper driver right-hand`)",
    "surface": "the sloped surface",
    "ground-reaction": "the ground reaction",
    "all": "every active tweak",
}


@dataclass
class Scope:
    """What a document has in force: registry, sports (name → handedness), target, defines
    and the retests already named."""

    registry: Registry
    sports: dict[str, str] = field(default_factory=dict)
    side: str = DEFAULT_TARGET[0]
    muscle: str = DEFAULT_TARGET[1]
    defines: dict[str, str] = field(default_factory=dict)  # name -> where ("file:line")
    tests: list[str] = field(default_factory=list)

    @property
    def left(self) -> bool:
        return self.side == "left"

    def handed(self, sport: str) -> str:
        return self.sports.get(sport, "right")


def scope_of(doc: Document) -> Scope:
    """What `doc` has in force, from its checked program (the defaults where it has none)."""
    scope = Scope(doc.vocabulary_registry)
    checked = doc.loaded.checked
    if checked is None:
        return scope
    scope.sports = dict(checked.sports)
    scope.side, scope.muscle = checked.target_side, checked.target_muscle
    for name, info in checked.defines.items():
        span = info.node.name.span
        file = "line " if doc.owns(span) else f"{os.path.basename(span.file)}:"
        scope.defines[name] = f"{file}{span.line}"
    tests = [s.test.text for s in statements(doc.program) if isinstance(s, n.Retest) and s.test]
    scope.tests = list(dict.fromkeys(tests))
    return scope


@dataclass(frozen=True)
class Word:
    """A word that may stand at a place, with its kind and meaning."""

    label: str
    kind: str  # keyword, plane, limb, direction, side, position, … (what the grammar wants)
    detail: str = ""
    documentation: str = ""


def effect_text(effect: Effect | None) -> str:
    """`F+3` style, or `none`; `?` when the combination is not in the vocabulary."""
    return effect.describe() if effect is not None else "?"


def plane_table(effect: Effect) -> str:
    """`sagittal 0 · frontal +3 · transverse 0`."""
    return " · ".join(
        f"{plane} {value:+g}" if value else f"{plane} 0"
        for plane, value in zip(PLANES, effect.as_tuple(), strict=True)
    )


# --- what may stand after a keyword ----------------------------------------------------


def expected(keyword: str, before: list[str], scope: Scope) -> list[Word]:
    """The words that may come after `keyword` and the statement's words `before` so far."""
    finder = AFTER.get(keyword)  # None: the writer's own words, or a line's first word
    return finder(before, scope) if finder is not None else []


def _keywords(scope: Scope) -> list[Word]:
    """The grammar's statement keywords, in the order of `STATEMENTS`."""
    order = list(STATEMENTS)
    keywords = (statement.keyword for statement in grammar_words().statements)
    return [Word(k, "keyword", STATEMENTS[k].meaning) for k in sorted(keywords, key=order.index)]


def _planes(before: list[str], scope: Scope) -> list[Word]:
    if before:
        return []
    return [
        Word(plane, "plane", f"pivot {plane}: {effect_text(effect)}", PLANE_DOCS[plane])
        for plane, effect in PLANE_EFFECTS.items()
    ]


def _phases(before: list[str], scope: Scope) -> list[Word]:
    if before:
        return []
    vocabulary = scope.registry.vocabulary
    out = []
    for sport in scope.sports:
        entry = vocabulary.sports.get(sport)
        if entry is None:
            continue
        for phase in sorted(entry.phases):
            effect = vocabulary.phase_effect(
                sport, phase, left_target=scope.left, handed=scope.handed(sport)
            )
            out.append(
                Word(
                    f"{sport}.{phase}",
                    "phase",
                    f"{sport} phase: {effect_text(effect)}",
                    entry.docs.get(f"phase:{phase}", ""),
                )
            )
    return out


def limbs(scope: Scope) -> list[str]:
    """The limbs in force: the core's and those of the document's sports."""
    vocabulary = scope.registry.vocabulary
    return [
        limb for limb, sport in vocabulary.limbs.items() if sport is None or sport in scope.sports
    ]


def directions(limb: str, scope: Scope) -> list[str]:
    """The directions `limb` can drive for this document: the core's and its sports'.

    For a left target the statement is mirrored before the look-up (spec §4), so the
    directions are those of the mirrored limb, mirrored back.
    """
    vocabulary = scope.registry.vocabulary
    looked_up = mirror(limb) if scope.left else limb
    out = []
    for direction in vocabulary.directions_for(looked_up):
        sport = direction.partition(".")[0] if "." in direction else None
        if sport is not None and sport not in scope.sports:
            continue
        out.append(mirror(direction) if scope.left else direction)
    return out


def driver_effect(limb: str, direction: str, scope: Scope) -> Effect | None:
    """The effect of `driver LIMB DIRECTION` for this document, qualified or not."""
    vocabulary = scope.registry.vocabulary
    handed = "right"
    if "." in direction or direction not in CORE_DIRECTIONS:
        qualified = _qualify(direction, "direction", scope)
        if qualified is None:
            return None
        direction, handed = qualified, scope.handed(qualified.partition(".")[0])
    return vocabulary.driver_effect(limb, direction, left_target=scope.left, handed=handed)


def _qualify(word: str, kind: str, scope: Scope) -> str | None:
    """`NAME` → `SPORT.NAME` when exactly one active sport has it; `SPORT.NAME` as is when
    SPORT is active and has it. A sport whose `sport` line is not there has no words in
    force, as the checker says (P003): hover gives them no meaning and no effect."""
    vocabulary = scope.registry.vocabulary
    if "." in word:
        sport, _, name = word.partition(".")
        entry = vocabulary.sports.get(sport) if sport in scope.sports else None
        names = (entry.phases if kind == "phase" else entry.directions) if entry else ()
        return word if name in names else None
    owners = vocabulary.sport_of_phase if kind == "phase" else vocabulary.sport_of_direction
    active = [sport for sport in owners(word) if sport in scope.sports]
    return f"{active[0]}.{word}" if len(active) == 1 else None


def sport_not_on(word: str, scope: Scope) -> str:
    """Why `SPORT.NAME` means nothing here when SPORT is installed but its `sport` line is
    not there (the checker's P003, in a hover's words); "" for any other word."""
    sport = word.partition(".")[0] if "." in word else None
    if sport is None or sport in scope.sports or sport not in scope.registry.vocabulary.sports:
        return ""
    return f"a {sport} word, but `sport {sport}` is not on: its words count once that line is there"


def phase_effect(word: str, scope: Scope) -> tuple[str, Effect] | None:
    """`SPORT.PHASE` (or `PHASE`) → (qualified name, effect for this document)."""
    qualified = _qualify(word, "phase", scope)
    if qualified is None:
        return None
    sport, _, phase = qualified.partition(".")
    effect = scope.registry.vocabulary.phase_effect(
        sport, phase, left_target=scope.left, handed=scope.handed(sport)
    )
    return qualified, effect


def word_doc(sport_word: str, kind: str, scope: Scope) -> str:
    """A plugin's documentation of one of its phases or directions."""
    qualified = _qualify(sport_word, kind, scope)
    if qualified is None:
        return ""
    sport, _, name = qualified.partition(".")
    entry = scope.registry.vocabulary.sports[sport]
    return entry.docs.get(f"{kind}:{name}", "")


def _limbs(before: list[str], scope: Scope) -> list[Word]:
    if not before:
        return [Word(limb, "limb", "limb") for limb in limbs(scope)]
    if len(before) == 1:
        limb = before[0]
        out = []
        for direction in directions(limb, scope):
            effect = driver_effect(limb, direction, scope)
            kind = "sport direction" if "." in direction else "direction"
            doc = word_doc(direction, "direction", scope) if "." in direction else ""
            detail = f"driver {limb} {direction}: {effect_text(effect)}"
            out.append(Word(direction, kind, detail, doc))
        return out
    return []


def foot_effect(side: str, position: str, scope: Scope) -> Effect:
    return Vocabulary.foot_effect(side, position, left_target=scope.left)


def _foot(before: list[str], scope: Scope) -> list[Word]:
    if not before:
        return [Word(side, "side", "the left or the right foot") for side in SIDES]
    if len(before) == 1 and before[0] in SIDES:
        side = before[0]
        return [
            Word(
                position,
                "position",
                f"foot {side} {position}: {effect_text(foot_effect(side, position, scope))}",
                FOOT_DOCS[position],
            )
            for position in FOOT_AXIS
        ]
    return []


def _surface(before: list[str], scope: Scope) -> list[Word]:
    if not before:
        return [
            Word("slope", "surface", "a slope under the stance foot: `surface slope DIRECTION`"),
            Word("flat", "surface", "removes the slope"),
        ]
    if before == ["slope"]:
        return [
            Word(d, "slope", f"surface slope {d}: {effect_text(e)}")
            for d, e in SURFACE_EFFECTS.items()
        ]
    return []


def _ground(before: list[str], scope: Scope) -> list[Word]:
    if before:
        return []
    out = [
        Word(level, "level", f"ground-reaction {level}: {effect_text(effect)}")
        for level, effect in GROUND_EFFECTS.items()
    ]
    return [*out, Word("none", "level", LEVEL_DOCS["none"])]


def _retest(before: list[str], scope: Scope) -> list[Word]:
    if before:
        return []
    return [Word(test, "test", "a test already used in this program") for test in scope.tests]


def _taper(before: list[str], scope: Scope) -> list[Word]:
    over = [Word("over", "keyword", "over how many steps: `over N` (1 to 20, default 3)")]
    if not before:
        return [Word(kind, "taper", TAPER_DOCS[kind]) for kind in TAPER_KINDS]
    if "over" in before:
        return []
    if len(before) == 1 and before[0] == "foot":
        return [*(Word(side, "side", f"the {side} foot's tweaks") for side in SIDES), *over]
    if len(before) == 1 and before[0] == "driver":
        return [*(Word(limb, "limb", f"the {limb} driver") for limb in limbs(scope)), *over]
    return over


def favorable(scope: Scope) -> list[str]:
    muscle = scope.registry.vocabulary.muscles.get(scope.muscle)
    return [motion.name for motion in muscle.favorable] if muscle is not None else []


def _disadvantage(before: list[str], scope: Scope) -> list[Word]:
    if "reverse" in before:
        return []
    words = [
        Word(motion, "motion", f"a favorable motion of the {scope.muscle}: take it away")
        for motion in favorable(scope)
        if motion not in before
    ]
    if before and before[-1] != ",":
        return [Word("reverse", "keyword", "make the plane's drive point the other way")]
    return words


def _restore(before: list[str], scope: Scope) -> list[Word]:
    if before and before[-1] != ",":
        return []
    words = [Word(m, "motion", "give this motion back") for m in MOTIONS if m not in before]
    return words if before else [Word("all", "keyword", "end every disadvantage"), *words]


def _use(before: list[str], scope: Scope) -> list[Word]:
    if before:
        return []
    return [
        Word(name, "define", f"define {name} ({where})") for name, where in scope.defines.items()
    ]


def _sport(before: list[str], scope: Scope) -> list[Word]:
    sports = scope.registry.vocabulary.sports
    if not before:
        return [
            Word(name, "sport", f"the {entry.owner} plugin's sport")
            for name, entry in sports.items()
            if name not in scope.sports
        ]
    if len(before) == 1:
        return [Word("handed", "keyword", "the player's hand: `handed left|right`")]
    if before[-1] == "handed":
        return [Word(side, "side", f"a {side}-handed player") for side in SIDES]
    return []


def _target(before: list[str], scope: Scope) -> list[Word]:
    if not before:
        return [Word(side, "side", f"the {side} hip") for side in SIDES]
    if len(before) == 1:
        muscles = scope.registry.vocabulary.muscles.values()
        return [
            Word(m.name, "muscle", "helped by " + ", ".join(x.name for x in m.favorable))
            for m in muscles
        ]
    return []


def _try(before: list[str], scope: Scope) -> list[Word]:
    if not before:
        return [Word("until", "keyword", "try until better:")]
    if before == ["until"]:
        return [Word("better", "keyword", "try until better:")]
    return []


# What may follow a statement's keyword, for the statements whose words come from a list
# (the vocabulary, the sports, the document's tests and defines, `until better`). A statement
# missing here takes the writer's own words (a title, a path, a note, a name) or none
# (`undo`): there is nothing to offer.
AFTER = {
    "target": _target,
    "sport": _sport,
    "pivot": _planes,
    "function": _phases,
    "driver": _limbs,
    "foot": _foot,
    "surface": _surface,
    "ground-reaction": _ground,
    "retest": _retest,
    "taper": _taper,
    "disadvantage": _disadvantage,
    "restore": _restore,
    "use": _use,
    "try": _try,
}


def keywords(scope: Scope, *, started: bool, in_try: bool) -> list[Word]:
    """The statements that may open a line here: in a `try` only tweaks; context lines only
    before the first movement."""
    words = _keywords(scope)
    if in_try:
        return [w for w in words if w.label in TWEAK_KINDS]
    if started:
        return [w for w in words if w.label not in CONTEXT_KEYWORDS]
    return words

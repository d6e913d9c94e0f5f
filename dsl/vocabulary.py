"""The vocabulary in force: the core's words and effects (spec §3–§4) plus the plugins'.

The core tables are data, written for a right target hip. `Vocabulary` merges them with
what plugins contribute and answers look-ups; mirroring for a left target happens here, so
no other module knows that left and right are symmetric.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dsl.hip import MOTIONS, Effect, Handed, Motion, favorable_motions
from dsl.record import record

SIDES = ("left", "right")
PLANE_EFFECTS = {
    "sagittal": Effect(sagittal=2),
    "frontal": Effect(frontal=3),
    "transverse": Effect(transverse=2),
}

CORE_LIMBS = ("left-hand", "right-hand", "both-hands", "pelvis", "head")
HANDS = ("left-hand", "right-hand", "both-hands")


def _core_drivers() -> dict[tuple[str, str], Effect]:
    table = {
        ("right-hand", "overhead-left"): Effect(frontal=2),
        ("left-hand", "overhead-left"): Effect(frontal=1),
        ("right-hand", "overhead-right"): Effect(frontal=-1),
        ("left-hand", "overhead-right"): Effect(frontal=-2),
        ("both-hands", "overhead-left"): Effect(frontal=2),
        ("both-hands", "overhead-right"): Effect(frontal=-2),
        ("pelvis", "forward"): Effect(sagittal=-1),
        ("pelvis", "back"): Effect(sagittal=1),
        ("pelvis", "rotate-right"): Effect(transverse=1),
        ("pelvis", "rotate-left"): Effect(transverse=-1),
        ("head", "rotate-right"): Effect(transverse=1),
        ("head", "rotate-left"): Effect(transverse=-1),
    }
    for hand in HANDS:
        table[(hand, "overhead")] = Effect(sagittal=-1)
        table[(hand, "forward")] = Effect(sagittal=1)
        table[(hand, "down")] = Effect(sagittal=2)
        table[(hand, "back")] = Effect(sagittal=-1)
        table[(hand, "rotate-right")] = Effect(transverse=2)
        table[(hand, "rotate-left")] = Effect(transverse=-2)
    return table


CORE_DRIVERS = _core_drivers()
CORE_DIRECTIONS = (
    "overhead-left",
    "overhead-right",
    "overhead",
    "forward",
    "down",
    "back",
    "rotate-left",
    "rotate-right",
)

# Foot positions: their axis (opposites share one) and effect, per foot, for a right target.
FOOT_AXIS = {
    "narrow": "width",
    "wide": "width",
    "forward": "stance",
    "back": "stance",
    "turned-in": "turn",
    "turned-out": "turn",
}
FOOT_OPPOSITE = {
    "narrow": "wide",
    "wide": "narrow",
    "forward": "back",
    "back": "forward",
    "turned-in": "turned-out",
    "turned-out": "turned-in",
}
FOOT_EFFECTS = {
    ("right", "narrow"): Effect(frontal=1),
    ("right", "wide"): Effect(frontal=-1),
    ("right", "forward"): Effect(sagittal=1),
    ("right", "back"): Effect(sagittal=-1),
    ("right", "turned-in"): Effect(transverse=1),
    ("right", "turned-out"): Effect(transverse=-1),
    ("left", "narrow"): Effect(frontal=1),
    ("left", "wide"): Effect(frontal=-1),
    ("left", "forward"): Effect(sagittal=-1),
    ("left", "back"): Effect(sagittal=1),
    ("left", "turned-in"): Effect(),
    ("left", "turned-out"): Effect(),
}
SURFACE_KINDS = ("slope", "flat")  # `surface slope DIRECTION`, `surface flat`
SURFACE_EFFECTS = {
    "eversion": Effect(frontal=1, transverse=1),
    "inversion": Effect(frontal=-1, transverse=-1),
}
GROUND_EFFECTS = {
    "low": Effect(sagittal=1),
    "medium": Effect(sagittal=1, frontal=1),
    "high": Effect(sagittal=1, frontal=1, transverse=1),
}
CORE_MUSCLES = {
    "glute-med": ("flexion", "adduction", "internal-rotation"),
    "glute-max": ("flexion", "adduction", "internal-rotation"),
}
GROUND_OFF = "none"  # `ground-reaction none` removes it
TWEAK_KINDS = ("driver", "foot", "surface", "ground-reaction")  # what `try` and P102 weigh
TAPER_KINDS = ("foot", "driver", "surface", "ground-reaction", "all")
RESTORE_ALL = "all"  # `restore all` ends every disadvantage
CORE_OWNER = "core"


def mirror(word: str) -> str:
    """`left-hand` ↔ `right-hand`, `overhead-left` ↔ `overhead-right`; other words unchanged."""
    if "left" not in word and "right" not in word:
        return word
    out = []
    for part in word.replace(".", "-.-").split("-"):
        out.append({"left": "right", "right": "left"}.get(part, part))
    return "-".join(out).replace("-.-", ".")


def flip(side: str) -> str:
    return "left" if side == "right" else "right"


@record
class MuscleEntry:
    name: str
    favorable: tuple[Motion, ...]
    owner: str


@dataclass
class SportEntry:
    """One sport's words, already keyed for look-up."""

    name: str
    owner: str  # the plugin that contributed it
    phases: dict[str, Handed] = field(default_factory=dict)
    directions: set[str] = field(default_factory=set)
    limbs: set[str] = field(default_factory=set)
    docs: dict[str, str] = field(default_factory=dict)
    instructions: dict[str, str] = field(default_factory=dict)  # "phase:NAME" -> patient words


@dataclass
class Vocabulary:
    """Every word in force. Sport words are owned by their sport and need its `sport` line."""

    drivers: dict[tuple[str, str], Handed] = field(default_factory=dict)
    limbs: dict[str, str | None] = field(default_factory=dict)  # limb -> sport (None: core)
    sports: dict[str, SportEntry] = field(default_factory=dict)
    muscles: dict[str, MuscleEntry] = field(default_factory=dict)

    @classmethod
    def core(cls) -> Vocabulary:
        vocabulary = cls()
        for key, effect in CORE_DRIVERS.items():
            vocabulary.drivers[key] = Handed.same(effect)
        for limb in CORE_LIMBS:
            vocabulary.limbs[limb] = None
        for name, favorable in CORE_MUSCLES.items():
            vocabulary.muscles[name] = MuscleEntry(name, favorable_motions(favorable), CORE_OWNER)
        return vocabulary

    def words(self) -> frozenset[str]:
        """Every word in force, core and sports' (qualified `SPORT.WORD` and not): what a
        did-you-mean for a slip prefers to suggest."""
        words = {*SIDES, *self.muscles, *self.limbs, *self.all_directions(), *PLANE_EFFECTS}
        words.update(FOOT_AXIS, SURFACE_EFFECTS, GROUND_EFFECTS, TAPER_KINDS, MOTIONS)
        words.update((*SURFACE_KINDS, GROUND_OFF, RESTORE_ALL, "handed", *self.sports))
        for sport in self.sports.values():
            for word in (*sport.phases, *sport.directions, *sport.limbs):
                words.update((word, f"{sport.name}.{word}"))
        return frozenset(words)

    # --- look-ups used by the checker --------------------------------------------------

    def directions_for(self, limb: str, *, left_target: bool = False) -> list[str]:
        """The directions `limb` can drive, as a program for that target writes them."""
        if left_target:
            return sorted(mirror(d) for (owner, d) in self.drivers if owner == mirror(limb))
        return sorted(direction for (owner, direction) in self.drivers if owner == limb)

    def limbs_for(self, direction: str, *, left_target: bool = False) -> list[str]:
        """The limbs that can drive `direction`, as a program for that target writes them."""
        if left_target:
            wanted = mirror(direction)
            return sorted(mirror(limb) for (limb, d) in self.drivers if d == wanted)
        return sorted(limb for (limb, d) in self.drivers if d == direction)

    def all_directions(self) -> set[str]:
        return {direction for (_, direction) in self.drivers}

    def sport_of_phase(self, name: str) -> list[str]:
        """The sports that have a phase called `name` (unqualified)."""
        return [sport.name for sport in self.sports.values() if name in sport.phases]

    def sport_of_direction(self, name: str) -> list[str]:
        return [sport.name for sport in self.sports.values() if name in sport.directions]

    def phase_effect(self, sport: str, phase: str, *, left_target: bool, handed: str) -> Effect:
        """A sport phase's effect on the target hip, mirrored for a left target."""
        if left_target:
            handed = flip(handed)
        return self.sports[sport].phases[phase].pick(handed)

    def driver_effect(
        self, limb: str, direction: str, *, left_target: bool, handed: str
    ) -> Effect | None:
        """The effect of `driver LIMB DIRECTION`, or None when that limb cannot drive so."""
        if left_target:
            limb, direction, handed = mirror(limb), mirror(direction), flip(handed)
        entry = self.drivers.get((limb, direction))
        return entry.pick(handed) if entry is not None else None

    @staticmethod
    def foot_effect(side: str, position: str, *, left_target: bool) -> Effect:
        if left_target:
            side = flip(side)
        return FOOT_EFFECTS[(side, position)]

    @staticmethod
    def motion(name: str) -> Motion | None:
        return MOTIONS.get(name)

"""The synthetic corpus: a seed in; realistic `.prog` files on disk out.

Small files are what a clinic keeps: one program per patient (about 50 lines, every kind of
statement: phases, defines and an include of the clinic's library, pivots and sport
functions with doses, drivers, foot positions, surfaces, ground reaction, retests after each
change, a `try`, undo, taper, disadvantage and restore, notes), so `prog lint` does all its
work on them: parse, check, run the steps, every rule. They follow the method the way a
clinic whose CI runs `prog lint` would have them: each tweak is one that changes the drive,
on a limb or foot not already in use, and sport words appear in the sport's own stance;
no step leaves the target muscle without a favorable motion (P111), and the one motion a
carryover takes away is never its last. So the library lints clean and the bench measures
the linting, not the printing of warnings. The words and effects come from the vocabulary
in force (core and installed sports), the drive from `dsl.hip`, as the linter computes it.

The big file is a clinic's catalogue: a library of `define`s, one million lines long. A
program that runs more than 100,000 steps is an error (spec §7), so a file that size can
only be a library; linting it parses and checks every statement and runs the text rules,
but runs no steps. It is also far over the 5 MiB input limit, which is why the bench hands
it to the library functions directly (see `run.py`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from dsl.hip import Effect, Motion, drive, favorable_now
from dsl.registry import installed
from dsl.vocabulary import (
    FOOT_AXIS,
    GROUND_EFFECTS,
    PLANE_EFFECTS,
    SURFACE_EFFECTS,
    Vocabulary,
)

TESTS = ("single-leg-squat", "step-down", "hop", "lateral-step", "bridge")
MUSCLES = ("glute-med", "glute-max")
NOTES = (
    "keep the knee over the second toe",
    "slow on the way down, three seconds",
    "stop if the pain goes above 3 out of 10",
    "let the arm lead the pelvis",
    "breathe out on the effort",
)
LIBRARY = "lib/warmups.prog"
LIBRARY_DEFINES = ("warm-up", "hip-opener", "balance-prep")
FILES_PER_CLINIC = 100


@dataclass
class _Patient:
    """What the program being written has in force, so each new line makes sense."""

    side: str
    sport: str | None
    handed: str
    favorable: tuple[Motion, ...]  # the target muscle's, in plane order
    base: Effect = field(default_factory=Effect)
    on_function: bool = False  # the base is a sport function, not a pivot
    tweaks: dict[str, Effect] = field(default_factory=dict)  # slot -> effect
    used_slots: set[str] = field(default_factory=set)


class _Writer:
    """Lines for one file, drawn from one seeded random source."""

    def __init__(self, rng: random.Random, vocabulary: Vocabulary, patient: _Patient) -> None:
        self.rng = rng
        self.vocabulary = vocabulary
        self.patient = patient

    def dose(self) -> str:
        return self.rng.choice(
            (
                f" x{self.rng.randint(5, 15)}",
                f" {self.rng.randint(2, 4)}x{self.rng.randint(6, 12)}",
                f" for {self.rng.choice((20, 30, 45))}s",
                "",
            )
        )

    def retest(self) -> str:
        return "retest" if self.rng.random() < 0.5 else f"retest {self.rng.choice(TESTS)}"

    def note(self) -> str:
        return f'note "{self.rng.choice(NOTES)}"'

    def pivot(self) -> str:
        planes = [p for p in sorted(PLANE_EFFECTS) if self._steady(PLANE_EFFECTS[p])]
        plane = self.rng.choice(planes)
        self.patient.base, self.patient.on_function = PLANE_EFFECTS[plane], False
        return f"pivot {plane}{self.dose()}"

    def function(self) -> str:
        patient = self.patient
        assert patient.sport is not None
        left = patient.side == "left"
        effects = {
            phase: self.vocabulary.phase_effect(
                patient.sport, phase, left_target=left, handed=patient.handed
            )
            for phase in sorted(self.vocabulary.sports[patient.sport].phases)
        }
        phase = self.rng.choice([p for p, effect in effects.items() if self._steady(effect)])
        patient.base, patient.on_function = effects[phase], True
        return f"function {patient.sport}.{phase}{self.dose()}"

    def base(self) -> str:
        return self.function() if self.patient.sport else self.pivot()

    def _candidates(self) -> list[tuple[str, str, Effect]]:
        """(slot, statement, effect) for every tweak that could go on now."""
        patient, left = self.patient, self.patient.side == "left"
        found = []
        for limb, direction in sorted(self.vocabulary.drivers):
            sport = direction.partition(".")[0] if "." in direction else None
            if sport is not None and (sport != patient.sport or not patient.on_function):
                continue
            effect = self.vocabulary.driver_effect(
                limb, direction, left_target=left, handed=patient.handed
            )
            if effect is not None:
                found.append((f"driver {limb}", f"driver {limb} {direction}", effect))
        for side in ("left", "right"):
            for position, axis in sorted(FOOT_AXIS.items()):
                effect = Vocabulary.foot_effect(side, position, left_target=left)
                found.append((f"foot {side} {axis}", f"foot {side} {position}", effect))
        for direction, effect in sorted(SURFACE_EFFECTS.items()):
            found.append(("surface", f"surface slope {direction}", effect))
        for level, effect in sorted(GROUND_EFFECTS.items()):
            found.append(("ground-reaction", f"ground-reaction {level}", effect))
        return found

    def _drive(self, tweaks: dict[str, Effect]) -> tuple[float, float, float]:
        return drive(self.patient.base, ((effect, 100) for effect in tweaks.values()), ())

    def _favorable(
        self,
        base: Effect,
        tweaks: dict[str, Effect],
        disadvantaged: tuple[tuple[Motion, bool], ...] = (),
    ) -> set[str]:
        """The target's favorable motions the drive points their way (the advantage)."""
        values = drive(base, ((effect, 100) for effect in tweaks.values()), disadvantaged)
        return set(favorable_now(values, self.patient.favorable))

    def _steady(self, base: Effect, tweaks: dict[str, Effect] | None = None) -> bool:
        """Whether a motion stays favorable from `base` alone to `base` with every tweak.

        The drive is linear in the tweaks' intensity, so such a motion stays favorable
        at every step of a taper back to `base` alone: no step, now or in the carryover,
        leaves the muscle at advantage 0 (P111). Keeping this true after each line is
        what lets every later base change and taper find a choice that keeps it.
        """
        tweaks = self.patient.tweaks if tweaks is None else tweaks
        return bool(self._favorable(base, {}) & self._favorable(base, tweaks))

    def tweak(self, *, keep: bool = True) -> str | None:
        """A tweak on a free limb, foot or surface that changes the drive and keeps a
        favorable motion (see `_steady`), or None."""
        patient = self.patient
        now = self._drive(patient.tweaks)
        alone = self._favorable(patient.base, {})
        options = []
        for slot, line, effect in self._candidates():
            if slot in patient.used_slots:
                continue
            values = self._drive({**patient.tweaks, slot: effect})
            if values != now and alone.intersection(favorable_now(values, patient.favorable)):
                options.append((slot, line, effect))
        if not options:
            return None
        slot, line, effect = self.rng.choice(options)
        if keep:
            patient.tweaks[slot] = effect
            patient.used_slots.add(slot)
        return line

    def group(self) -> list[str]:
        """A few lines of the method: a tweak and its retest, a try, an undone tweak, …"""
        roll = self.rng.random()
        if roll < 0.15:
            return [self.note()]
        if roll < 0.25 and self.patient.sport:
            return [self.function(), self.retest()]
        tweak = self.tweak()
        if tweak is None:
            return [self.retest()]
        if roll < 0.40:  # tried, no better: taken off again
            undo = "undo"
            if tweak.startswith(("surface", "ground-reaction")):
                undo = "surface flat" if tweak.startswith("surface") else "ground-reaction none"
            self.patient.tweaks.pop(next(reversed(self.patient.tweaks)))
            return [tweak, self.retest(), undo, self.retest()]
        if roll < 0.55:  # the first alternative is the one kept when it tests better
            others = [self.tweak(keep=False) for _ in range(self.rng.randint(1, 3))]
            alternatives = [tweak, *(other for other in others if other and other != tweak)]
            if len(alternatives) >= 2:
                return ["try until better:", *(f"    {line}" for line in alternatives)]
        return [tweak, self.retest()]

    def block(self, size: int) -> list[str]:
        """About `size` lines that start with a base movement and its retest."""
        lines = [self.base(), self.retest()]
        while len(lines) < size:
            lines += self.group()
        return lines

    def warm_up(self, size: int) -> list[str]:
        """Base movements and retests only: what a define of warm-ups holds."""
        lines: list[str] = []
        while len(lines) < size:
            lines += [self.pivot(), self.retest()]
        return lines[:size]

    def carryover(self) -> list[str]:
        """Taper every tweak on the pure function, then fire with a motion taken away that
        leaves the muscle another favorable one."""
        lines = [self.base(), self.retest()]
        if self.patient.tweaks:  # a taper of nothing is a finding (P103)
            lines += [f"taper all over {self.rng.randint(2, 5)}", self.retest()]
            self.patient.tweaks.clear()
        reverse = self.rng.random() < 0.3
        motion = self.rng.choice(
            [
                motion.name
                for motion in self.patient.favorable
                if self._favorable(self.patient.base, {}, ((motion, reverse),))
            ]
        )
        return [
            *lines,
            f"disadvantage {motion}{' reverse' if reverse else ''}",
            self.retest(),
            f"restore {motion}",
            self.retest(),
            self.note(),
        ]


def _indent(lines: list[str]) -> list[str]:
    return [f"    {line}" for line in lines]


def program(rng: random.Random, vocabulary: Vocabulary, number: int) -> str:
    """One patient's program of about 50 lines, including the clinic's library."""
    sport = rng.choice((None, *sorted(vocabulary.sports)))
    side, muscle, handed = rng.choice(("left", "right")), rng.choice(MUSCLES), "right"
    favorable = vocabulary.muscles[muscle].favorable
    writer = _Writer(rng, vocabulary, _Patient(side, sport, handed, favorable))
    lines = [f"# patient {number}: {side} {muscle}" + (f", {sport}" if sport else "")]
    lines += [f'program "Patient {number} — {side} {muscle}"', f"target {side} {muscle}"]
    if sport:
        handed = writer.patient.handed = rng.choice(("left", "right"))
        lines.append(f"sport {sport} handed {handed}")
    lines.append(f'include "{LIBRARY}"')
    lines += ["", "define prep:", *_indent(writer.warm_up(4))]
    fire = [f"use {rng.choice(LIBRARY_DEFINES)}", "use prep", *writer.warm_up(4)]
    lines += ["", "phase fire:", *_indent(fire)]
    lines += ["", "phase specific:", *_indent(writer.block(18))]
    lines += ["", "phase carryover:", *_indent(writer.carryover())]
    return "\n".join(lines) + "\n"


def _glute_med(vocabulary: Vocabulary) -> tuple[Motion, ...]:
    """The favorable motions of the glute-med: the target of the catalogue, and the
    default target that a library's defines are checked for."""
    return vocabulary.muscles["glute-med"].favorable


def library(rng: random.Random, vocabulary: Vocabulary) -> str:
    """A clinic's `lib/warmups.prog`: the defines its programs include."""
    writer = _Writer(rng, vocabulary, _Patient("right", None, "right", _glute_med(vocabulary)))
    lines = ["# the clinic's shared warm-ups"]
    for name in LIBRARY_DEFINES:
        # A library has nothing of its own to run (P110), as the rule's hint says to mark.
        header = f"define {name}:" + ("  # noqa: P110" if name == LIBRARY_DEFINES[0] else "")
        lines += ["", header, *_indent([*writer.warm_up(2), writer.note()])]
    return "\n".join(lines) + "\n"


def catalogue(lines: int, seed: int = 1) -> str:
    """A library of defines, `lines` lines long: the big file."""
    rng = random.Random(seed)
    vocabulary = installed().vocabulary
    sport = sorted(vocabulary.sports)[0] if vocabulary.sports else None
    # A library: nothing of its own to run (P110).
    out = ['program "The clinic\'s catalogue"  # noqa: P110', "target right glute-med"]
    if sport:
        out.append(f"sport {sport}")
    number = 0
    while len(out) < lines - 50:
        number += 1
        patient = _Patient("right", sport, "right", _glute_med(vocabulary))
        writer = _Writer(rng, vocabulary, patient)
        out += ["", f"define block-{number}:", *_indent(writer.block(44))]
    out += ["# the end of the catalogue"] * (lines - len(out))
    return "\n".join(out) + "\n"


def write_corpus(folder: Path, files: int, seed: int = 1) -> list[Path]:
    """`files` files under `folder`, in clinics of 100 (99 programs and their library)."""
    rng = random.Random(seed)
    vocabulary = installed().vocabulary
    written: list[Path] = []
    clinic = 0
    while len(written) < files:
        clinic_folder = folder / f"clinic-{clinic:03d}"
        (clinic_folder / "lib").mkdir(parents=True, exist_ok=True)
        lib = clinic_folder / LIBRARY
        lib.write_text(library(rng, vocabulary), encoding="utf-8")
        written.append(lib)
        for number in range(1, min(FILES_PER_CLINIC, files - len(written) + 1)):
            path = clinic_folder / f"patient-{number:03d}.prog"
            text = program(rng, vocabulary, clinic * FILES_PER_CLINIC + number)
            path.write_text(text, encoding="utf-8")
            written.append(path)
        clinic += 1
    return written

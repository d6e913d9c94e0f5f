"""The home program: a program and the steps of one run of it in; the exercises the patient
does, numbered, phase by phase, out. This is prog's one definition of *an exercise*: the
handout lists these, the FHIR export makes one ServiceRequest of each, and the CSV export
numbers its rows with them.

An exercise is one prescription the patient carries out between retests: a base movement,
each stage of a taper, a disadvantage, a restore, an `undo` statement. Drivers and tweaks
added to the exercise being built with no retest between them are that exercise built up,
so they fold into it (a movement with two hand drivers added before the next retest is one).
Retests and notes are not exercises (the notes are kept beside them), nor is a step that
leaves the patient nothing to do.

A `try` alternative is an exercise only when it is kept. From a session log the one kept
(its retest better) is an exercise of its own and the ones undone are trials on the
exercise in force; from the program alone nothing was answered, so each alternative is an
option for the clinician to pick in clinic.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from dsl.checker import Checked
from dsl.interpreter import Step
from dsl.nodes import Dose
from dsl.outputs.words import CHANGES, Context, Narrator, StepWords, tweak_clause
from dsl.vocabulary import TWEAK_KINDS, Vocabulary

BUILDS = ("pivot", "function", *TWEAK_KINDS)  # an exercise that further tweaks fold into
# A kept alternative is no longer on trial: the patient is told why it stays.
KEPT_WHY = "you tried this in clinic and it made things better, so it stays"


@dataclass(frozen=True)
class Exercise:
    """One exercise: its number, the step whose prescription it is (the last one that built
    it), its words, the base movement's dose in force, and the motions held back as written
    (`adduction reverse`). `kept` marks a `try` alternative a session kept."""

    number: int
    step: Step
    phase: str | None
    words: StepWords
    dose: Dose | None
    held_back: tuple[str, ...]
    kept: bool = False


@dataclass(frozen=True)
class Trial:
    """A `try` alternative that is not an exercise: undone in the session (`outcome` is its
    retest's answer), or, with no session, an option (`outcome` None). `on` is the number of
    the exercise in force when it was tried (None before any); `clause` its patient words."""

    step: Step
    clause: str
    outcome: str | None
    on: int | None


@dataclass
class Section:
    """One phase of the home program: its exercises, the `try` alternatives not kept, and
    the clinician's notes."""

    phase: str | None
    exercises: list[Exercise] = field(default_factory=list)
    trials: list[Trial] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def options(self) -> list[str]:
        """The alternatives left to the clinician (no session answered them), in words."""
        return [trial.clause for trial in self.trials if trial.outcome is None]


@dataclass
class HomeProgram:
    """The exercises of one run, phase by phase, with every step's words and, for each step
    that makes or builds an exercise, that exercise's number."""

    sections: list[Section]
    words: list[StepWords]
    number_of: dict[int, int]  # step n -> the exercise it makes or builds up

    @property
    def exercises(self) -> list[Exercise]:
        """Every exercise, in order (numbered from 1 with no gap)."""
        return [exercise for section in self.sections for exercise in section.exercises]

    @property
    def trials(self) -> list[Trial]:
        return [trial for section in self.sections for trial in section.trials]

    def in_force(self, n: int) -> int | None:
        """The number of the exercise being done at step `n` (None before the first)."""
        at = bisect_right(self._made, n)
        return self.number_of[self._made[at - 1]] if at else None

    @cached_property
    def _made(self) -> list[int]:
        """The steps that make or build an exercise, in order: what `in_force` searches,
        once per step of an export, so it must not scan them all each time. Exercises are
        numbered in the order of their steps, so the last one made is the one in force."""
        return sorted(self.number_of)


def home_program(
    checked: Checked, steps: Sequence[Step], vocabulary: Vocabulary | None = None
) -> HomeProgram:
    """The home program of a run of `checked` (a phase met again starts a new section)."""
    context = Context.of(checked, vocabulary)
    narrator = Narrator(context)
    answered = _answered(steps)
    sections: list[Section] = []
    words: list[StepWords] = []
    number_of: dict[int, int] = {}
    number = 0  # the exercise in force (0: none yet); numbers only grow
    built = False  # the last exercise can still take tweaks (no retest since)
    pending: Exercise | None = None  # a `try` alternative not yet settled
    outcome = "unrecorded"  # the last retest's answer
    for step in steps:
        said = narrator.words(step)
        words.append(said)
        if not sections or sections[-1].phase != step.phase:
            sections.append(Section(step.phase))
            built = False
        section = sections[-1]
        if step.op == "retest":
            built = False
            outcome = step.outcome or "unrecorded"
        if step.in_try:
            if step.op in TWEAK_KINDS:
                pending = _exercise(number + 1, step, said, narrator, kept=True)
            elif step.op == "retest" and pending is not None and step.outcome == "better":
                pending = dataclasses.replace(
                    pending, words=dataclasses.replace(pending.words, why=KEPT_WHY)
                )
                section.exercises.append(pending)
                number = number_of[pending.step.n] = pending.number
                pending = None
            elif step.op == "undo" and pending is not None:
                tweak = pending.step.tweaks[-1]
                clause = tweak_clause(tweak.kind, tweak.name, context)
                tried = outcome if answered else None
                section.trials.append(Trial(pending.step, clause, tried, number or None))
                pending = None
            continue
        if step.op == "note" and step.note:
            section.notes.append(step.note)
        if step.op not in CHANGES or step.missed or not said.movement:
            continue
        if built and step.op in TWEAK_KINDS and section.exercises:
            number_of[step.n] = number
            section.exercises[-1] = _exercise(number, step, said, narrator)
            continue
        number = number_of[step.n] = number + 1
        section.exercises.append(_exercise(number, step, said, narrator))
        built = step.op in BUILDS
    shown = [s for s in sections if s.exercises or s.trials or s.notes]
    return HomeProgram(shown, words, number_of)


def _exercise(
    number: int, step: Step, said: StepWords, narrator: Narrator, *, kept: bool = False
) -> Exercise:
    """The exercise `step` prescribes, with the dose and holds the narrator has in force."""
    held = tuple(f"{m} reverse" if narrator.reverse.get(m) else m for m in step.disadvantaged)
    dose = narrator.dose if step.base is not None else None
    return Exercise(number, step, step.phase, said, dose, held, kept)


def _answered(steps: Sequence[Step]) -> bool:
    """True when the run has answers (a session): an undone alternative was really tried."""
    return any(s.op == "retest" and s.outcome not in (None, "unrecorded") for s in steps)

"""The home program: the steps of a run (with their words) in; the exercises a patient does,
phase by phase, out.

An exercise is a step that changes what the patient does (a base movement, a tweak, a
taper's stage, a disadvantage, a restore, an undo). Tweaks added to the same exercise with
no retest between are one exercise built up, so they fold into it. Retests and notes are
not exercises: the notes are kept beside them.

A `try` alternative that was undone is not part of the program. From a session log only the
kept one appears; from the program alone (no answers) no alternative is kept, so each is
listed as an option the clinician picks in clinic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from dsl.interpreter import Step
from dsl.outputs.words import CHANGES, Context, StepWords, tweak_clause

TWEAK_OPS = ("driver", "foot", "surface", "ground-reaction")


@dataclass
class Exercise:
    """One exercise of the home program: its number, the step it stands for, its words."""

    number: int
    step: int
    phase: str | None
    words: StepWords


@dataclass
class Section:
    """One phase of the home program: its exercises, the options left to the clinician
    (alternatives of a `try` not settled), and the clinician's notes."""

    phase: str | None
    exercises: list[Exercise] = field(default_factory=list)
    options: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def home_program(
    steps: Sequence[Step], words: Sequence[StepWords], context: Context
) -> list[Section]:
    """The exercises of a run, phase by phase (a phase met again starts a new section)."""
    sections: list[Section] = []
    number = 0
    built = False  # the last exercise can still take tweaks (no retest since)
    pending: tuple[Step, StepWords] | None = None  # a `try` alternative not yet settled
    answered = _answered(steps)
    for step, said in zip(steps, words, strict=True):
        if not sections or sections[-1].phase != step.phase:
            sections.append(Section(step.phase))
            built = False
        section = sections[-1]
        if step.in_try:
            if step.op == "undo":
                if pending is not None and not answered:
                    tweak = pending[0].tweaks[-1]
                    section.options.append(tweak_clause(tweak.kind, tweak.name, context))
                pending = None
            elif step.op in TWEAK_OPS:
                pending = (step, said)
            elif step.op == "retest" and pending is not None and step.outcome == "better":
                number += 1
                section.exercises.append(Exercise(number, pending[0].n, step.phase, pending[1]))
                pending = None
            continue
        if step.op == "note" and step.note:
            section.notes.append(step.note)
        if step.op == "retest":
            built = False
        if step.op not in CHANGES or step.missed:
            continue
        if built and step.op in TWEAK_OPS and section.exercises:
            last = section.exercises[-1]
            section.exercises[-1] = Exercise(last.number, step.n, step.phase, said)
            continue
        number += 1
        section.exercises.append(Exercise(number, step.n, step.phase, said))
        built = step.op in ("pivot", "function", *TWEAK_OPS)
    return [s for s in sections if s.exercises or s.options or s.notes]


def _answered(steps: Sequence[Step]) -> bool:
    """True when the run has answers (a session): an undone alternative was really tried."""
    return any(s.op == "retest" and s.outcome not in (None, "unrecorded") for s in steps)


def exercises(sections: Sequence[Section]) -> list[Exercise]:
    """Every exercise of the home program, in order."""
    return [exercise for section in sections for exercise in section.exercises]

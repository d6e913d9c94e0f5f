"""A checked program, and optionally its session log, in; the steps an export writes out.

The exporters (FHIR, CSV) need more than the trace: the patient's words for each step
(from `words`, as `prog run` tells them), the dose in force at each step, which
steps give the patient something new to do (an *exercise*), which retests the session
answered and when, and which `try` alternatives the session took off because their retest
was not better. They also need an identity for the program (and session) so that the same
input always gives the same output. All of that is worked out here, once.

With a session log the program is run with the log's answers, so the steps are exactly the
session's (spec §10: same answers, same trace) and, if the session stopped early, the rest
of the program follows with its retests unrecorded.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from dsl.api import run
from dsl.checker import Checked
from dsl.interpreter import Step
from dsl.nodes import Disadvantage, Dose, Function, Pivot
from dsl.outputs.words import StepWords, program_words
from dsl.session_log import Recorded

# Steps that do not give the patient a new prescription. An `undo` inside a `try` goes
# back to the exercise before the alternative; an `undo` statement is a change of its own.
NOT_EXERCISES = frozenset({"retest", "note"})


@dataclass(frozen=True)
class Moment:
    """One step as the exporters see it."""

    step: Step
    words: StepWords  # what the patient is told at this step, as `prog run` tells it
    dose: Dose | None  # the dose of the base movement in force
    held_back: tuple[str, ...]  # disadvantaged motions as written: `adduction reverse`
    exercise: bool  # the patient has a new prescription to carry out at this step
    answered: bool  # a retest the session answered (always False without a session)
    at: str | None  # when the session dealt with this step
    taken_off: bool  # a `try` alternative whose answered retest was not better
    in_force: int | None  # `n` of the exercise being done at this step (None before any)


@dataclass(frozen=True)
class Course:
    """The steps of one program, with what the session (if any) made of them."""

    checked: Checked
    moments: list[Moment]
    identity: str  # hex digest of the program's text and includes (and the session's)
    session: Recorded | None

    @property
    def file(self) -> str:
        return self.checked.program.file


def course(checked: Checked, fingerprint: dict[str, Any], session: Recorded | None) -> Course:
    """Run `checked` (with the session's answers, if any) and annotate every step.

    `fingerprint` is `session_log.fingerprint` of the program: the hashes that identify it.
    """
    answers = [outcome for _, outcome in session.answers] if session else []
    answered = {n for n, _ in session.answers} if session else set()
    times = session.times if session else {}
    steps = list(run(checked, answers))
    taken_off = _taken_off(steps, answered)
    said = program_words(checked, steps)
    moments: list[Moment] = []
    dose: Dose | None = None
    reverse: dict[str, bool] = {}
    in_force: int | None = None
    before_alternative: int | None = None
    for step, words in zip(steps, said, strict=True):
        if isinstance(step.node, Pivot | Function):
            dose = step.node.dose
        if isinstance(step.node, Disadvantage) and step.op == "disadvantage":
            reverse.update((motion.text, step.node.reverse) for motion in step.node.motions)
        exercise = _is_exercise(step)
        if exercise:
            if step.in_try and step.op != "undo":
                before_alternative = in_force
            in_force = step.n
        elif step.in_try and step.op == "undo":
            in_force = before_alternative
        moments.append(
            Moment(
                step=step,
                words=words,
                dose=dose if step.base is not None else None,
                held_back=tuple(
                    f"{m} reverse" if reverse.get(m) else m for m in step.disadvantaged
                ),
                exercise=exercise,
                answered=step.n in answered,
                at=times.get(step.n),
                taken_off=step.n in taken_off,
                in_force=in_force,
            )
        )
    return Course(checked, moments, _identity(fingerprint, session), session)


def _is_exercise(step: Step) -> bool:
    """A step that changes what the patient does: not a retest, a note, an undo inside a
    `try` (back to what was done before), nor a taper, undo or restore that found nothing."""
    if step.op in NOT_EXERCISES or step.missed:
        return False
    if step.op == "undo" and step.in_try:
        return False
    return step.base is not None or bool(step.tweaks)


def _taken_off(steps: list[Step], answered: set[int]) -> set[int]:
    """`n` of each `try` alternative whose retest the session answered, not `better`."""
    out: set[int] = set()
    for before, retest in pairwise(steps):
        if (
            retest.op == "retest"
            and retest.in_try
            and retest.n in answered
            and retest.outcome != "better"
            and before.in_try
            and before.op != "undo"
        ):
            out.add(before.n)
    return out


def _identity(fingerprint: dict[str, Any], session: Recorded | None) -> str:
    """A digest that changes with the program's text, its includes, and the session."""
    parts: dict[str, Any] = {
        "sha256": fingerprint.get("sha256"),
        "includes": sorted(str(item.get("sha256")) for item in fingerprint.get("includes") or []),
    }
    if session is not None:
        parts["session"] = {"started": session.header.get("started"), "answers": session.answers}
    text = json.dumps(parts, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

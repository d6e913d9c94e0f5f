"""A run's text for people: steps and headings in; styled segments out, without rich.

Each piece is a list of (text, style) segments, styles named as rich names them. On a
terminal `dsl.render` makes rich text of them, in colour; on a pipe `prog run` writes
their text as it is, and so never imports rich (whose printing was most of the time of a
long run written to a file). One layout, two ways of writing it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dsl import messages
from dsl.hip import MOTIONS, PLANES
from dsl.interpreter import Step
from dsl.messages import Segments

if TYPE_CHECKING:
    from dsl.outputs.words import StepWords

OUTCOME_STYLE = {"better": "bold green", "same": "yellow", "worse": "bold red", "unrecorded": "dim"}
PAD = "      "
_SAGITTAL, _FRONTAL, _TRANSVERSE = PLANES
SEPARATOR = " · "  # between the items of a step's line (planes of the drive, changes)


def _first_motions() -> dict[tuple[int, int], str]:
    """The first motion named for each plane and direction (+1, -1)."""
    out: dict[tuple[int, int], str] = {}
    for motion in MOTIONS.values():
        out.setdefault((motion.plane, motion.sign), motion.name)
    return out


_MOTION_WORDS = _first_motions()  # looked up three times a step: a long run has many


def _motion_word(plane: int, value: float) -> str:
    if value == 0:
        return "neutral"
    return _MOTION_WORDS[(plane, 1 if value > 0 else -1)]


def step(s: Step, changed: Sequence[str] | None = None, said: StepWords | None = None) -> Segments:
    """One step for a clinician: what the patient does, the prescription, the drive.

    `changed` (from `prog step`) adds a line saying what is different from the step before;
    `said` the step in the patient's words (`dsl.outputs.words`).
    """
    return _said(s, changed, said) + _state(s)[0]


def step_plain(s: Step, said: StepWords | None = None) -> str:
    """`step`'s text, as `messages.plain` makes it, for a pipe: what describes the state is
    joined once per state, not once per step of a long run, and the step's own lines are
    written straight as text, not as segments then joined (a third of writing a long
    run's steps). A test holds it to `step` on every step of every example."""
    text = f"{s.n:>4}  {s.text}"
    if s.outcome is not None:
        text += f"  →  {s.outcome}"
    if s.note is not None:
        text += "  (note)"
    text += "\n"
    if said is not None:
        if said.instruction:
            text += f"{PAD}{_patient_label(said)}{said.instruction}\n"
        if said.why:
            text += f"{PAD}why: {said.why}\n"
    return text + _state(s)[1]


def _said(s: Step, changed: Sequence[str] | None, said: StepWords | None) -> Segments:
    """The step's own lines: its number and words, what changed, the patient's words."""
    out: Segments = [(f"{s.n:>4}  ", "bold"), (s.text, "bold")]
    if s.outcome is not None:
        out += [("  →  ", ""), (s.outcome, OUTCOME_STYLE.get(s.outcome, ""))]
    if s.note is not None:
        out.append(("  (note)", "dim"))
    out.append(("\n", ""))
    if changed is not None:
        out += [(PAD + "changed: ", "dim"), (SEPARATOR.join(changed) + "\n", "cyan")]
    if said is not None:
        out += patient_words(said)
    return out


# A state's lines and their text, by what they show. A long run repeats its states (each
# `use` of a define walks the same ones again), so each is described once; when there are
# many the memo starts again (dropping the oldest one at a time cost two microseconds an
# entry: a dict finds its first entry by walking past the holes its deletions left).
_STATES: dict[tuple[object, ...], tuple[Segments, str]] = {}
_STATES_KEPT = 4096


def _state(s: Step) -> tuple[Segments, str]:
    """What is prescribed at step `s` and what it asks of the hip (the `doing`,
    `disadvantaged`, `drive` and `advantage` lines), and their plain text."""
    tweaks = tuple([(t.kind, t.name, t.intensity) for t in s.tweaks])
    key = (s.base, tweaks, s.disadvantaged, s.drive, s.favorable, s.advantage)
    found = _STATES.get(key)
    if found is None:
        if len(_STATES) >= _STATES_KEPT:
            _STATES.clear()
        lines = _describe_state(s.base, tweaks, s.disadvantaged, s.drive, s.favorable, s.advantage)
        found = _STATES[key] = (lines, messages.plain(lines))
    return found


def _describe_state(
    base: str | None,
    tweaks: tuple[tuple[str, str, int], ...],
    disadvantaged: tuple[str, ...],
    drive: tuple[float, float, float],
    favorable: tuple[str, ...],
    advantage: int,
) -> Segments:
    doing = "".join(
        f" + {kind} {name}" + (f" at {intensity}%" if intensity != 100 else "")
        for kind, name, intensity in tweaks
    )
    prescription = (base or "no base movement yet") + doing
    out: Segments = [(PAD + "doing: ", "dim"), (prescription + "\n", "")]
    if disadvantaged:
        out += [(PAD + "disadvantaged: ", "dim"), (", ".join(disadvantaged) + "\n", "magenta")]
    sagittal, frontal, transverse = drive
    planes = (
        f"{_SAGITTAL} {sagittal:+.2f} ({_motion_word(0, sagittal)}){SEPARATOR}"
        f"{_FRONTAL} {frontal:+.2f} ({_motion_word(1, frontal)}){SEPARATOR}"
        f"{_TRANSVERSE} {transverse:+.2f} ({_motion_word(2, transverse)})\n"
    )
    out += [
        (PAD + "drive: ", "dim"),
        (planes, ""),
        (PAD + "advantage: ", "dim"),
        (f"{advantage}/3", "bold green" if advantage == 3 else "bold"),
    ]
    if favorable:
        out.append((" — " + ", ".join(favorable), ""))
    return out


def patient_words(said: StepWords) -> Segments:
    """The step as the patient is told it: the sentence (with its dose, or the check at a
    retest), `1 of 3` on a taper's steps, and why a change was made."""
    out: Segments = []
    if said.instruction:
        out += [(PAD + _patient_label(said), "dim"), (said.instruction + "\n", "green")]
    if said.why:
        out += [(PAD + "why: ", "dim"), (said.why + "\n", "italic")]
    return out


def _patient_label(said: StepWords) -> str:
    return f"patient ({said.progress}): " if said.progress else "patient: "


def chart_heading() -> Segments:
    return [("\ndrive per plane across the steps (−3 … +3)", "bold underline")]


def phase_heading(name: str | None) -> Segments:
    return [(f"\nphase {name}" if name else "\n(no phase)", "bold underline")]


def unplaced_note(phase: str) -> Segments:
    """Under `(no phase)`: why steps written after `phase NAME:` are in no phase."""
    return [
        (
            f"(these lines come after `phase {phase}:` but are not indented under it, so "
            "they belong to no phase: see `prog explain P108`)",
            "yellow",
        )
    ]


def heading(title: str | None, target: str, sports: dict[str, str]) -> Segments:
    out: Segments = [(title or "(untitled program)", "bold"), (f" — target {target}", "")]
    for name, handed in sports.items():
        out.append((f" — {name}, {handed}-handed", ""))
    return out

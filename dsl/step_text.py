"""A run's text for people: steps and headings in; styled segments out, without rich.

Each piece is a list of (text, style) segments, styles named as rich names them. On a
terminal `dsl.render` makes rich text of them, in colour; on a pipe `prog run` writes
their text as it is, and so never imports rich (whose printing was most of the time of a
long run written to a file). One layout, two ways of writing it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

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
    prescription = s.base or "no base movement yet"
    tweaks = [
        f"{t.kind} {t.name}" + (f" at {t.intensity}%" if t.intensity != 100 else "")
        for t in s.tweaks
    ]
    out += [
        (PAD + "doing: ", "dim"),
        (prescription + "".join(f" + {t}" for t in tweaks) + "\n", ""),
    ]
    if s.disadvantaged:
        out += [(PAD + "disadvantaged: ", "dim"), (", ".join(s.disadvantaged) + "\n", "magenta")]
    sagittal, frontal, transverse = s.drive  # written out: three a step, a long run has many
    planes = (
        f"{_SAGITTAL} {sagittal:+.2f} ({_motion_word(0, sagittal)}){SEPARATOR}"
        f"{_FRONTAL} {frontal:+.2f} ({_motion_word(1, frontal)}){SEPARATOR}"
        f"{_TRANSVERSE} {transverse:+.2f} ({_motion_word(2, transverse)})\n"
    )
    out += [
        (PAD + "drive: ", "dim"),
        (planes, ""),
        (PAD + "advantage: ", "dim"),
        (f"{s.advantage}/3", "bold green" if s.advantage == 3 else "bold"),
    ]
    if s.favorable:
        out.append((" — " + ", ".join(s.favorable), ""))
    return out


def patient_words(said: StepWords) -> Segments:
    """The step as the patient is told it: the sentence (with its dose, or the check at a
    retest), `1 of 3` on a taper's steps, and why a change was made."""
    out: Segments = []
    if said.instruction:
        label = f"patient ({said.progress}): " if said.progress else "patient: "
        out += [(PAD + label, "dim"), (said.instruction + "\n", "green")]
    if said.why:
        out += [(PAD + "why: ", "dim"), (said.why + "\n", "italic")]
    return out


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

"""Plain words: steps (and the vocabulary in force) in; what the patient is told out.

A step's sentence joins its base movement, drivers, tweaks (foot, surface, ground
reaction), any disadvantage, and the dose ("3 sets of 8"), in words a patient follows at
home (spec §14). The core's words are in `phrases`; a sport's come from its plugin's
`instruction`s (plugin API 1.1), with a generated sentence where a plugin has none.

Mirroring law: everything is worded for a right target, as effects are. For a left
target the statement is mirrored first and `left`/`right` are swapped in the finished
sentence, so a mirrored program reads exactly as the original with the sides swapped.

    >>> from dsl.api import load_text, run
    >>> checked = load_text("target right glute-med; pivot frontal x10").checked
    >>> print(program_words(checked, run(checked))[0].instruction)
    Stand on your right leg; swing your left foot out to the side and back past it. Do it 10 times.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from dsl import nodes
from dsl.checker import DEFAULT_TAPER, Checked
from dsl.interpreter import DEFAULT_TEST, Step, Tweak
from dsl.outputs import phrases
from dsl.record import record
from dsl.vocabulary import HANDS, Vocabulary, flip, mirror

CHANGES = ("pivot", "function", "driver", "foot", "surface", "ground-reaction", "taper",
           "disadvantage", "restore", "undo")


@record
class StepWords:
    """What the patient is told at one step.

    `instruction` is the whole sentence for the step: the movement with its dose, or at a
    retest the check to make, or a note's text. `movement` is what the patient is doing at
    that point (without the dose), `dose` the dose alone ("3 sets of 8", "10 times",
    "for 30 seconds"; "" when the program gives none), `test` the check's name at a retest,
    `outcome` its answer, `progress` "1 of 3" on a taper's steps, `why` the reason for a
    change the patient may wonder about ("the same, not better, so undone").
    """

    n: int
    op: str
    phase: str | None
    instruction: str
    movement: str
    dose: str = ""
    test: str = ""
    outcome: str = ""
    progress: str = ""
    why: str = ""
    note: str = ""

    def trace_keys(self) -> dict[str, str]:
        """The keys `prog run --json` and the studio add to a step (spec §10 allows more
        keys): the patient's `instruction`, and `dose`, `progress` and `why` where given."""
        out = {"instruction": self.instruction}
        out.update({k: getattr(self, k) for k in ("dose", "progress", "why") if getattr(self, k)})
        return out


@dataclass(frozen=True)
class Context:
    """Whom the words are for: the target side, each active sport's hand, and the vocabulary
    (for the plugins' instructions)."""

    side: str = "right"
    sports: dict[str, str] = field(default_factory=dict)  # sport -> handed
    vocabulary: Vocabulary = field(default_factory=Vocabulary.core)

    @classmethod
    def of(cls, checked: Checked, vocabulary: Vocabulary | None = None) -> Context:
        """The context of a checked program; the installed plugins' vocabulary by default."""
        if vocabulary is None:
            from dsl.registry import installed

            vocabulary = installed().vocabulary
        return cls(checked.target_side, dict(checked.sports), vocabulary)

    @property
    def left(self) -> bool:
        return self.side == "left"


# --- one vocabulary item -------------------------------------------------------------------


def base_sentence(base: str, context: Context) -> str:
    """`pivot frontal` or `function SPORT.PHASE` in; the patient's sentence (no dose) out."""
    return _told(_base(base, context), context)


def tweak_clause(kind: str, name: str, context: Context, intensity: int = 100) -> str:
    """A tweak as the trace names it (`driver`, `right-hand overhead-left`) in; its clause out,
    lower case, to join into a sentence. A tapered one says how much is left."""
    clause = _tweak(kind, name, context)
    if intensity != 100:
        clause += ", " + phrases.portion(intensity)
    return phrases.swap_sides(clause) if context.left else clause


def hold_back_sentence(motion: str, reverse: bool, context: Context) -> str:
    """`disadvantage MOTION [reverse]` in; what the patient keeps from doing (or does instead)."""
    table = phrases.REVERSE if reverse else phrases.HOLD_BACK
    return _told("Throughout, " + table[motion], context)


def dose_words(dose: nodes.Dose | None) -> str:
    """`x10` → `10 times`, `3x8` → `3 sets of 8`, `for 30s` → `for 30 seconds`; None → ``."""
    if dose is None:
        return ""
    if dose.seconds is not None:
        if dose.unit == "m":
            minutes = dose.seconds // 60
            return f"for {minutes} minute{'s' if minutes != 1 else ''}"
        return f"for {dose.seconds} second{'s' if dose.seconds != 1 else ''}"
    reps = dose.reps or 0
    if dose.sets is not None:
        return f"{dose.sets} set{'s' if dose.sets != 1 else ''} of {reps}"
    return "once" if reps == 1 else f"{reps} times"


def test_sentence(test: str | None) -> str:
    """A retest's check in plain words; `retest` alone asks how it is now."""
    if not test or test == DEFAULT_TEST:
        return "Check how it is now: better, the same or worse than before?"
    return f"Check your {phrases.spoken(test)}: is it better, the same or worse than before?"


# --- steps ---------------------------------------------------------------------------------


class Narrator:
    """Words for the steps of one run, fed in order: it remembers what a single step does
    not carry (the base's dose, a disadvantage's `reverse`, how far a taper has got, the
    last retest's answer)."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self.dose: nodes.Dose | None = None
        self.reverse: dict[str, bool] = {}
        self.taper: tuple[nodes.Statement | None, int] = (None, 0)
        self.last_outcome: str | None = None

    def words(self, step: Step) -> StepWords:
        """The words of `step`, the next step of the run."""
        node = step.node
        if isinstance(node, nodes.Pivot | nodes.Function):
            self.dose = node.dose
        if isinstance(node, nodes.Disadvantage) and step.op == "disadvantage":
            self.reverse.update((m.text, node.reverse) for m in node.motions)
        progress = self._progress(step)
        movement = prescription_words(step, self.context, self.reverse)
        dose = dose_words(self.dose) if movement else ""
        instruction = movement + (f" {_cap(_do(dose))}" if dose else "")
        test = outcome = note = ""
        if step.op == "retest":
            test = phrases.spoken(step.test or DEFAULT_TEST)
            outcome = step.outcome or ""
            instruction = test_sentence(step.test)
        elif step.note is not None:
            note = instruction = step.note
        why = self._why(step, progress)
        if step.op == "retest":
            self.last_outcome = step.outcome
        return StepWords(step.n, step.op, step.phase, instruction, movement, dose, test,
                         outcome, progress, why, note)

    def _progress(self, step: Step) -> str:
        if step.op != "taper" or step.missed:
            self.taper = (None, 0)
            return ""
        node, done = self.taper
        over = getattr(step.node, "over", None) or DEFAULT_TAPER
        k = done + 1 if node is step.node and done < over else 1
        self.taper = (step.node, k)
        return f"{k} of {over}"

    def _why(self, step: Step, progress: str) -> str:
        if step.op == "undo" and step.in_try:
            said = {"worse": "worse", "same": "the same, not better"}
            return f"{said.get(self.last_outcome or '', 'not recorded as better')}, so undone"
        if step.missed:
            return "nothing to change here"
        if step.in_try and step.op != "retest":
            return "trying this: it stays only if it makes things better"
        match step.op:
            case "undo":
                return "taken off"
            case "taper":
                k, over = progress.split(" of ")
                if k == over:
                    return "the extra help is gone: back to the plain movement"
                return "easing off the extra help, bit by bit"
            case "disadvantage":
                return "harder on purpose, so the muscle learns to work even without help"
            case "restore":
                return "the extra challenge is over"
        return ""


def step_words(step: Step, narrator: Narrator) -> StepWords:
    """One step's words; `narrator` must have seen every earlier step of the same run."""
    return narrator.words(step)


def program_words(
    checked: Checked, steps: Iterable[Step], vocabulary: Vocabulary | None = None
) -> list[StepWords]:
    """The words of every step of a run of `checked`, in order."""
    return [words for _, words in each_step_words(checked, steps, vocabulary)]


def each_step_words(
    checked: Checked, steps: Iterable[Step], vocabulary: Vocabulary | None = None
) -> Iterator[tuple[Step, StepWords]]:
    """Each step of a run of `checked` with its words, one at a time: for output that is
    written as the run goes, holding no more than one step."""
    narrator = Narrator(Context.of(checked, vocabulary))
    for step in steps:
        yield step, narrator.words(step)


def prescription_words(
    step: Step, context: Context, reverse: dict[str, bool] | None = None
) -> str:
    """What the patient is doing at `step`, in sentences, without the dose; "" before any
    movement. `reverse` says which disadvantaged motions were taken away in reverse."""
    return movement_words(step.base, step.tweaks, step.disadvantaged, context, reverse)


def movement_words(
    base: str | None,
    tweaks: Iterable[Tweak],
    disadvantaged: Iterable[str],
    context: Context,
    reverse: dict[str, bool] | None = None,
) -> str:
    """A prescription (base, active tweaks, motions taken away) in sentences, no dose."""
    sentences: list[str] = []
    drivers: list[str] = []
    for tweak in tweaks:
        clause = _tweak(tweak.kind, tweak.name, context)
        if tweak.intensity != 100:
            clause += ", " + phrases.portion(tweak.intensity)
        if tweak.kind == "driver" and base is not None:
            drivers.append(clause)
        else:
            sentences.append(clause)
    if base is not None:
        sentences.insert(0, _base(base, context))
    if drivers:
        sentences.insert(1, "as you do, " + "; and ".join(drivers))
    for motion in disadvantaged:
        table = phrases.REVERSE if (reverse or {}).get(motion) else phrases.HOLD_BACK
        sentences.append("throughout, " + table[motion])
    text = " ".join(_cap(s) + "." for s in sentences)
    return phrases.swap_sides(text) if context.left else text


# --- the words in a right target's frame ---------------------------------------------------


def _base(base: str, context: Context) -> str:
    kind, _, what = base.partition(" ")
    if kind == "pivot":
        return phrases.PIVOTS[what]
    sport, _, phase = what.partition(".")
    entry = context.vocabulary.sports.get(sport)
    instruction = entry.instructions.get(f"phase:{phase}", "") if entry else ""
    if not instruction:
        instruction = (
            f"go through the {phrases.spoken(phase)} of your {sport} movement, slowly, "
            "as you were shown"
        )
    return _handed(instruction, sport, context)


def _tweak(kind: str, name: str, context: Context) -> str:
    """A tweak's clause for a right target (mirrored in and out for a left one)."""
    first, _, second = name.partition(" ")
    if kind == "driver":
        limb, direction = (mirror(first), mirror(second)) if context.left else (first, second)
        return _driver(limb, direction, context)
    if kind == "foot":
        side = flip(first) if context.left else first
        return phrases.fill(phrases.FOOT[second], foot=f"your {side} foot")
    if kind == "surface":
        return phrases.SURFACE[second]
    return phrases.GROUND[name]


def _driver(limb: str, direction: str, context: Context) -> str:
    who = _limb(limb, context)
    if "." in direction:
        sport, _, own = direction.partition(".")
        entry = context.vocabulary.sports.get(sport)
        instruction = entry.instructions.get(f"direction:{own}", "") if entry else ""
        if not instruction:
            instruction = f"let {{limb}} lead a {sport} {phrases.spoken(own)} movement"
        return _handed(phrases.fill(instruction, limb=who), sport, context)
    if (limb, direction) in phrases.OTHER_DRIVERS:
        return phrases.OTHER_DRIVERS[(limb, direction)]
    if limb in HANDS or direction in phrases.HAND_DRIVERS:
        return phrases.fill(phrases.HAND_DRIVERS[direction], limb=who)
    return f"move {who} {phrases.spoken(direction)}"


def _limb(limb: str, context: Context) -> str:
    if limb in phrases.LIMBS:
        return phrases.LIMBS[limb]
    for entry in context.vocabulary.sports.values():
        if entry.instructions.get(f"limb:{limb}"):
            return entry.instructions[f"limb:{limb}"]
    return f"your {phrases.spoken(limb)}"


def _handed(instruction: str, sport: str, context: Context) -> str:
    """Fill `{trail}`/`{lead}` with the sides of the player's hand, in the right frame."""
    handed = context.sports.get(sport, "right")
    if context.left:
        handed = flip(handed)
    return phrases.fill(instruction, trail=handed, lead=flip(handed))


def _told(clause: str, context: Context) -> str:
    text = _cap(clause)
    return phrases.swap_sides(text) if context.left else text


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _do(dose: str) -> str:
    """The dose as an instruction: `Do it 10 times.`, `Do 3 sets of 8.`, `Keep going for …`."""
    if dose.startswith("for "):
        return f"keep going {dose}."
    if " set" in dose:
        return f"do {dose}."
    return f"do it {dose}."

"""The public plugin API (version 1.1): what a sport plugin declares, as plain data.

This is the only module a plugin imports from prog (with `dsl.testkit` for its tests). Its
shape is versioned by `API_VERSION`: a new optional field is a minor change; removing or
changing the meaning of a field raises the version, and prog reports a plugin written for a
version it does not speak as P004 instead of guessing.

A plugin is a `Plugin` value (or a zero-argument callable that returns one) published under
the entry-point group ``prog.plugins``. Effects are written for a **right** target hip; sport
items give two columns, `trail` and `lead` (see `Handed`). Plugins add words and rules, never
grammar: every tool reads every sport's programs with the one grammar.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import field
from typing import TYPE_CHECKING, Any

from dsl.function_checks import (
    back_to_pure_function,
    disadvantage_in_function,
    driver_on_function,
    end_span,
    once,
    phase_change_retested,
    sport_phase,
)
from dsl.hip import MOTIONS, PLANES, Effect, Handed
from dsl.nodes import Program, Span, Statement
from dsl.record import record

if TYPE_CHECKING:
    from dsl.interpreter import Step, Tweak

API_VERSION = 1  # the major version: a plugin declaring 1 (or "1.0", "1.1") loads
API_MINOR = 1  # 1.1 added the optional patient-facing `instruction` of phases, directions, limbs
API_LEVEL = f"{API_VERSION}.{API_MINOR}"
# What a plugin that leaves out `api_version` is taken as written for: 1, the version in which
# the field could be left out. Fixed for good, never `API_VERSION`: an unpinned plugin then
# still loads on every 1.x prog, and is refused (P004) once the major version moves on.
UNPINNED_API_VERSION = 1
ENTRY_POINT_GROUP = "prog.plugins"

__all__ = [
    "API_LEVEL",
    "API_MINOR",
    "API_VERSION",
    "ENTRY_POINT_GROUP",
    "MOTIONS",
    "PLANES",
    "UNPINNED_API_VERSION",
    "Direction",
    "Effect",
    "Finding",
    "Handed",
    "Limb",
    "Muscle",
    "Phase",
    "Plugin",
    "Program",
    "Rule",
    "RuleContext",
    "Span",
    "Sport",
    "Statement",
    "Step",
    "Tweak",
    "back_to_pure_function",
    "disadvantage_in_function",
    "driver_on_function",
    "end_span",
    "hand_driver",
    "once",
    "phase_change_retested",
    "speaks",
    "sport_phase",
]


@record(guarded=True)
class Phase:
    """A phase of a sport's function, used as `function SPORT.PHASE`.

    `instruction` (API 1.1) is what the patient reads: one plain sentence, imperative, no
    jargon. `{trail}` and `{lead}` in it become `right` or `left` for the player's hand.
    """

    name: str
    effect: Handed | Effect  # an `Effect` alone means the same for both hands
    doc: str = ""
    source: str = ""  # where the numbers come from, so a clinician can challenge them
    instruction: str = ""


@record(guarded=True)
class Direction:
    """A sport's driver direction, used as `driver LIMB SPORT.DIRECTION`.

    `effects` maps each limb that can drive this way to its effect on a right target hip.
    `instruction` (API 1.1) is the patient's words for the movement, with `{limb}` where the
    limb goes ("swing {limb} through a slow swing"); `{trail}` and `{lead}` as in `Phase`.
    """

    name: str
    effects: Mapping[str, Handed | Effect]
    doc: str = ""
    source: str = ""
    instruction: str = ""


@record(guarded=True)
class Limb:
    """A limb the core does not have (the core has left-hand, right-hand, both-hands,
    pelvis, head). Its name may contain `left`/`right`, which mirroring swaps.

    `instruction` (API 1.1) is how the patient's sentence names it ("your left knee")."""

    name: str
    doc: str = ""
    instruction: str = ""


@record(guarded=True)
class Sport:
    """A sport's vocabulary, activated in a program by `sport NAME [handed left|right]`."""

    name: str
    phases: Sequence[Phase] = ()
    directions: Sequence[Direction] = ()
    limbs: Sequence[Limb] = ()
    doc: str = ""


@record(guarded=True)
class Muscle:
    """A target muscle and the motions that help it fire (at most one per plane)."""

    name: str
    favorable: tuple[str, ...]
    doc: str = ""


@record(guarded=True)
class Finding:
    """One problem a rule found: where, what to tell the clinician, and how to fix it
    (`hint`, shown as the `help:` line; without one, the help line points to
    `prog explain CODE`)."""

    span: Span
    message: str
    hint: str | None = None


@record(guarded=True)
class RuleContext:
    """What a lint rule sees: the checked program and the steps of one run of it.

    The linter runs the program as if every retest came out `better` (so each `try` keeps
    its first alternative); `steps` are those steps, in order.
    """

    program: Program
    steps: Sequence[Step]
    target_side: str
    target_muscle: str
    sports: dict[str, str]  # active sport -> handedness


@record(guarded=True)
class Rule:
    """A lint rule. `code` must start with the plugin's `code_prefix`.

    `check` is called with a `RuleContext` and yields `Finding`s. `explain` is the longer
    story for `prog explain CODE`: why it matters clinically; `bad` and `good` are small
    programs that show it.
    """

    code: str
    summary: str
    check: Callable[[RuleContext], Iterable[Finding]]
    severity: str = "warning"
    explain: str = ""
    bad: str = ""
    good: str = ""


@record(guarded=True)
class Plugin:
    """Everything one plugin contributes."""

    name: str
    version: str
    api_version: int | str = UNPINNED_API_VERSION  # 1, "1.0" or "1.1"
    sports: Sequence[Sport] = ()
    muscles: Sequence[Muscle] = ()
    rules: Sequence[Rule] = ()
    code_prefix: str = ""
    doc: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def speaks(api_version: object) -> bool:
    """True when a plugin declaring `api_version` (1, "1", "1.0", "1.1") can be loaded: same
    major version, and a minor version no newer than this prog's."""
    major, _, minor = str(api_version).partition(".")
    if isinstance(api_version, bool) or not major.isdigit() or not (minor or "0").isdigit():
        return False
    return int(major) == API_VERSION and int(minor or 0) <= API_MINOR


def hand_driver(
    name: str,
    *,
    lead_hand: Handed,
    trail_hand: Handed,
    both_hands: Handed | None = None,
    doc: str = "",
    source: str = "",
    instruction: str = "",
) -> Direction:
    """A hand driver written by role rather than by side.

    `lead_hand.trail` is what the lead hand driving this way asks of the trail hip, and so
    on. For a right target, a right-handed player's lead hand is the left hand and the right
    hip is the trail hip; a left-handed player's lead hand is the right hand and the right
    hip is the lead hip. This helper fills the left-hand/right-hand table from that.
    """
    effects: dict[str, Handed | Effect] = {
        "left-hand": Handed(trail=lead_hand.trail, lead=trail_hand.lead),
        "right-hand": Handed(trail=trail_hand.trail, lead=lead_hand.lead),
    }
    if both_hands is not None:
        effects["both-hands"] = both_hands
    return Direction(
        name=name, effects=effects, doc=doc, source=source, instruction=instruction
    )


def __getattr__(name: str) -> Any:
    """`Step` and `Tweak`, what a rule's `ctx.steps` hold, are part of this contract; they
    live in the interpreter, imported only when a plugin asks for them by name (the
    interpreter needs the plugin host, which needs this module)."""
    if name in ("Step", "Tweak"):
        from dsl import interpreter

        return getattr(interpreter, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""Resolved statements: what the checker hands the interpreter.

Each op keeps its AST `node` (for the trace's line, file and text) and carries everything
already looked up: effects mirrored for the target side, motions, define bodies. The
interpreter therefore never consults the vocabulary and never fails on a word.
"""

from __future__ import annotations

from dsl import nodes as n
from dsl.hip import Effect, Motion
from dsl.record import record


@record
class Op:
    node: n.Statement


@record
class SetBase(Op):
    name: str  # "pivot frontal", "function SPORT.PHASE"
    effect: Effect


@record
class AddTweak(Op):
    kind: str  # driver, foot, surface, ground-reaction
    name: str  # the statement's words after its keyword, sport words qualified
    slot: tuple[str, ...]  # tweaks sharing a slot replace each other
    effect: Effect


@record
class RemoveTweak(Op):
    """`surface flat` or `ground-reaction none`."""

    kind: str


@record
class Retest(Op):
    test: str | None


@record
class Try(Op):
    alternatives: tuple[AddTweak, ...]


@record
class Undo(Op):
    pass


@record
class Taper(Op):
    kind: str | None  # None: all tweaks
    qualifier: str | None  # a foot's side or a driver's limb
    over: int


@record
class Disadvantage(Op):
    motions: tuple[Motion, ...]
    reverse: bool


@record
class Restore(Op):
    motions: tuple[Motion, ...] | None  # None: all


@record
class Note(Op):
    text: str


@record
class Use(Op):
    name: str


@record
class Phase(Op):
    name: str
    body: tuple[Op, ...]


def step_count(op: Op, define_counts: dict[str, int]) -> int:
    """How many steps `op` can produce at most (a `try` counted as if nothing is kept)."""
    if isinstance(op, Phase):
        return sum(step_count(child, define_counts) for child in op.body)
    if isinstance(op, Use):
        return define_counts.get(op.name, 0)
    if isinstance(op, Try):
        return 3 * len(op.alternatives)
    if isinstance(op, Taper):
        return op.over
    return 1

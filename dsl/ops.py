"""Resolved statements: what the checker hands the interpreter.

Each op keeps its AST `node` (for the trace's line, file and text) and carries everything
already looked up: effects mirrored for the target side, motions, define bodies. The
interpreter therefore never consults the vocabulary and never fails on a word.
"""

from __future__ import annotations

from dataclasses import dataclass

from dsl import nodes as n
from dsl.hip import Effect, Motion


@dataclass(frozen=True, slots=True)
class Op:
    node: n.Statement


@dataclass(frozen=True, slots=True)
class SetBase(Op):
    name: str  # "pivot frontal", "function SPORT.PHASE"
    effect: Effect


@dataclass(frozen=True, slots=True)
class AddTweak(Op):
    kind: str  # driver, foot, surface, ground-reaction
    name: str  # the statement's words after its keyword, sport words qualified
    slot: tuple[str, ...]  # tweaks sharing a slot replace each other
    effect: Effect


@dataclass(frozen=True, slots=True)
class RemoveTweak(Op):
    """`surface flat` or `ground-reaction none`."""

    kind: str


@dataclass(frozen=True, slots=True)
class Retest(Op):
    test: str | None


@dataclass(frozen=True, slots=True)
class Try(Op):
    alternatives: tuple[AddTweak, ...]


@dataclass(frozen=True, slots=True)
class Undo(Op):
    pass


@dataclass(frozen=True, slots=True)
class Taper(Op):
    kind: str | None  # None: all tweaks
    qualifier: str | None  # a foot's side or a driver's limb
    over: int


@dataclass(frozen=True, slots=True)
class Disadvantage(Op):
    motions: tuple[Motion, ...]
    reverse: bool


@dataclass(frozen=True, slots=True)
class Restore(Op):
    motions: tuple[Motion, ...] | None  # None: all


@dataclass(frozen=True, slots=True)
class Note(Op):
    text: str


@dataclass(frozen=True, slots=True)
class Use(Op):
    name: str


@dataclass(frozen=True, slots=True)
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

"""Interpreter: a `Checked` program and retest outcomes in; a generator of `Step`s out.

`steps()` yields one step at a time, so `prog run` drains it, `prog step` shows each step
as it comes and asks for the outcome only when a retest needs one, and the linter reads the
same steps. The prescription is a value (`Prescription`) replaced at every step, never
mutated, so a step keeps exactly what was asked at that moment.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from dsl import canonical, nodes, ops
from dsl.checker import Checked
from dsl.hip import Effect, Motion, drive, favorable_now, taper_intensity
from dsl.record import record

OUTCOMES = ("better", "same", "worse")
UNRECORDED = "unrecorded"
DEFAULT_TEST = "retest"


@record
class Tweak:
    """An active tweak. `replaced` is the tweak it took the slot of, which `undo` brings back.

    `seq` counts applications, so the active tweaks are always in the order applied and a
    tweak brought back by `undo` returns to its own place in that order.
    """

    kind: str
    name: str
    slot: tuple[str, ...]
    effect: Effect
    seq: int
    intensity: int = 100
    replaced: Tweak | None = None

    def at(self, intensity: int) -> Tweak:
        """This tweak at another intensity (a taper's step): made directly, not by
        `record.replace`, as a taper remakes every tweak it holds at every step."""
        return Tweak(
            self.kind, self.name, self.slot, self.effect, self.seq, intensity, self.replaced
        )


@record
class Prescription:
    """What is prescribed at a point of the walk; a new one at every change."""

    base: tuple[str, Effect] | None = None
    tweaks: tuple[Tweak, ...] = ()
    disadvantaged: tuple[tuple[Motion, bool], ...] = ()

    def with_tweaks(self, tweaks: tuple[Tweak, ...]) -> Prescription:
        return Prescription(self.base, tweaks, self.disadvantaged)


@record
class Step:
    """One step of the trace (spec §10), plus what changed, for the linter and `prog step`."""

    n: int
    op: str
    node: nodes.Statement
    phase: str | None
    label: str | None  # the step's words when not the statement's own (a named retest)
    base: str | None
    tweaks: tuple[Tweak, ...]
    disadvantaged: tuple[str, ...]
    drive: tuple[float, float, float]
    favorable: tuple[str, ...]
    advantage: int
    test: str | None = None
    outcome: str | None = None
    note: str | None = None
    replaced: Tweak | None = None  # a tweak this step's tweak took the place of
    missed: bool = False  # a taper, undo or restore that found nothing active
    removed: tuple[Tweak, ...] = ()  # tweaks this step took away
    in_try: bool = False

    @property
    def text(self) -> str:
        """The step's words as the trace shows them: the statement's canonical text unless
        the step has words of its own. Made when asked: the linter rarely needs them."""
        if self.label is not None:
            return self.label
        node = self.node
        known = _TEXTS.get(id(node))
        if known is not None:
            return known[1]
        if len(_TEXTS) >= _TEXTS_KEPT:
            _TEXTS.clear()
        said = canonical.text(node)
        _TEXTS[id(node)] = (node, said)
        return said


# Each statement's canonical text, by the statement itself (its identity: a statement's
# hash would walk all its parts). A run passes the same statements again and again (every
# `use` of a define, every step of a taper), and a long run's text asked for each step's
# words a tenth of its time. The statement is kept with its text, so no other object can
# have its identity while it is here; when there are many, the memo starts again (a lint
# passes each file's statements once or a few times, so whatever it held is done with).
_TEXTS: dict[int, tuple[nodes.Statement, str]] = {}
_TEXTS_KEPT = 4096


OutcomeSource = Callable[["Step"], str]
_OUTCOME = Step.__record_index__["outcome"]  # type: ignore[attr-defined]


def outcomes_from(answers: list[str]) -> OutcomeSource:
    """Outcomes in order from a list (``--outcomes``); `unrecorded` once they run out."""
    remaining = iter(answers)

    def next_outcome(_: Step) -> str:
        return next(remaining, UNRECORDED)

    return next_outcome


class _Run:
    """The walk through one program; holds the counter, the phase and the prescription."""

    def __init__(self, checked: Checked, outcome: OutcomeSource) -> None:
        self.checked = checked
        self.outcome = outcome
        self.count = 0
        self.phase: str | None = None
        self.state = Prescription()
        # The last state driven: its drive, favorable motions and disadvantaged motions.
        self.driven: tuple[
            Prescription | None, tuple[float, float, float], tuple[str, ...], tuple[str, ...]
        ] = (None, (0.0, 0.0, 0.0), (), ())
        self.last_test: str | None = None
        self.applied = 0

    def step(
        self,
        op: str,
        node: nodes.Statement,
        text: str | None = None,
        *,
        test: str | None = None,
        note: str | None = None,
        replaced: Tweak | None = None,
        missed: bool = False,
        removed: tuple[Tweak, ...] = (),
        in_try: bool = False,
        asked: bool = False,
    ) -> Step:
        """The step `op` makes now. `asked`: a retest, whose outcome `self.outcome` gives
        when shown the step; the step is then made again with it (a record is never
        changed, and a copy by `record.replace` costs twice as much)."""
        state = self.state
        base = state.base
        if state is not self.driven[0]:  # a retest or a note leaves the drive as it was
            values = drive(
                base[1] if base else None,
                [(t.effect, t.intensity) for t in state.tweaks],
                state.disadvantaged,
            )
            self.driven = (
                state,
                values,
                tuple(favorable_now(values, self.checked.favorable)),
                tuple([m.name for m, _ in state.disadvantaged]),
            )
        _, values, favorable, disadvantaged = self.driven
        self.count += 1
        # Positional: a step is made for every line of a trace, and Step has 18 fields.
        fields: list[Any] = [
            self.count,
            op,
            node,
            self.phase,
            text,
            base[0] if base else None,
            state.tweaks,
            disadvantaged,
            values,
            favorable,
            len(favorable),
            test,
            None,
            note,
            replaced,
            missed,
            removed,
            in_try,
        ]
        made = Step(*fields)
        if not asked:
            return made
        fields[_OUTCOME] = self.outcome(made)
        return Step(*fields)

    def retest(self, node: nodes.Statement, test: str | None, *, in_try: bool = False) -> Step:
        if test is not None:
            self.last_test = test
        name = self.last_test or DEFAULT_TEST
        text = f"retest {self.last_test}" if self.last_test else "retest"
        return self.step("retest", node, text, test=name, in_try=in_try, asked=True)

    # --- prescription changes ------------------------------------------------------------

    def add(self, op: ops.AddTweak) -> Tweak | None:
        tweaks = list(self.state.tweaks)
        replaced = None
        for tweak in tweaks:
            if tweak.slot == op.slot:
                replaced = tweak
                tweaks.remove(tweak)
                break
        self.applied += 1
        tweaks.append(Tweak(op.kind, op.name, op.slot, op.effect, self.applied, replaced=replaced))
        self.state = self.state.with_tweaks(tuple(tweaks))
        return replaced

    def undo(self) -> Tweak | None:
        if not self.state.tweaks:
            return None
        *rest, last = self.state.tweaks
        if last.replaced is not None:
            rest = sorted([*rest, last.replaced], key=lambda tweak: tweak.seq)
        self.state = self.state.with_tweaks(tuple(rest))
        return last

    # --- the walk ------------------------------------------------------------------------

    def run(self, body: tuple[ops.Op, ...]) -> Iterator[Step]:
        """Every step of `body`. Phases and defines are followed with a stack of our own,
        so a chain of ten thousand defines that each use the next runs like any other
        program (no RecursionError), and each step passes through one generator, not one
        per level of nesting."""
        stack = [_Frame(iter(body))]
        on_stack: set[str] = set()  # defines being run; one that runs itself is refused
        handlers = self._handlers()
        while stack:
            frame = stack[-1]
            op = next(frame.pending, None)
            if op is None:
                stack.pop()
                on_stack.discard(frame.define or "")
                if frame.phase_set:
                    self.phase = frame.outer_phase
            elif isinstance(op, ops.Phase):
                stack.append(_Frame(iter(op.body), phase_set=True, outer_phase=self.phase))
                self.phase = op.name
            elif isinstance(op, ops.Use):
                if op.name in on_stack:
                    raise ValueError(f"`{op.name}` uses itself; the checker reports this (P005)")
                on_stack.add(op.name)
                stack.append(_Frame(iter(self.checked.defines[op.name].body), define=op.name))
            else:
                made = handlers[op.__class__](op)
                if made.__class__ is Step:
                    yield made  # type: ignore[misc]
                else:
                    yield from made  # type: ignore[misc]

    def _handlers(self) -> dict[type, Callable[[Any], Step | Iterator[Step]]]:
        """The op types' handlers: most make one step, made only when the walk reaches the
        op (a retest asks for its outcome then); `try` and `taper` are generators of their
        steps. A table, not a `match`: an op is looked up once, not tested class by class."""
        return {
            ops.SetBase: self.set_base,
            ops.AddTweak: self.add_tweak,
            ops.RemoveTweak: self.remove_tweak,
            ops.Retest: lambda op: self.retest(op.node, op.test),
            ops.Try: self.run_try,
            ops.Undo: self.run_undo,
            ops.Taper: self.run_taper,
            ops.Disadvantage: self.disadvantage,
            ops.Restore: self.restore,
            ops.Note: lambda op: self.step("note", op.node, note=op.text),
        }

    def set_base(self, op: ops.SetBase) -> Step:
        state = self.state
        self.state = Prescription((op.name, op.effect), state.tweaks, state.disadvantaged)
        return self.step(op.node.op, op.node)

    def add_tweak(self, op: ops.AddTweak) -> Step:
        replaced = self.add(op)
        return self.step(op.kind, op.node, replaced=replaced)

    def remove_tweak(self, op: ops.RemoveTweak) -> Step:
        state = self.state
        gone = tuple(t for t in state.tweaks if t.kind == op.kind)
        self.state = state.with_tweaks(tuple(t for t in state.tweaks if t not in gone))
        return self.step(op.node.op, op.node, removed=gone, missed=not gone)

    def run_undo(self, op: ops.Undo) -> Step:
        last = self.undo()
        return self.step("undo", op.node, missed=last is None, removed=(last,) if last else ())

    def disadvantage(self, op: ops.Disadvantage) -> Step:
        state = self.state
        kept = tuple(d for d in state.disadvantaged if d[0] not in op.motions)
        added = tuple((m, op.reverse) for m in op.motions)
        self.state = Prescription(state.base, state.tweaks, kept + added)
        return self.step("disadvantage", op.node)

    def restore(self, op: ops.Restore) -> Step:
        state = self.state
        active = {motion for motion, _ in state.disadvantaged}
        kept: tuple[tuple[Motion, bool], ...] = ()
        if op.motions is None:
            missed = not active
        else:
            kept = tuple(d for d in state.disadvantaged if d[0] not in op.motions)
            missed = any(motion not in active for motion in op.motions)
        self.state = Prescription(state.base, state.tweaks, kept)
        return self.step("restore", op.node, missed=missed)

    def run_try(self, op: ops.Try) -> Iterator[Step]:
        for alternative in op.alternatives:
            replaced = self.add(alternative)
            yield self.step(alternative.kind, alternative.node, replaced=replaced, in_try=True)
            retest = self.retest(alternative.node, None, in_try=True)
            yield retest
            if retest.outcome == "better":
                return
            last = self.undo()
            yield self.step(
                "undo", alternative.node, "undo", removed=(last,) if last else (), in_try=True
            )

    def run_taper(self, op: ops.Taper) -> Iterator[Step]:
        def matches(tweak: Tweak) -> bool:
            if op.kind is None:
                return True
            if tweak.kind != op.kind:
                return False
            return op.qualifier is None or tweak.slot[1] == op.qualifier

        # Active tweaks have distinct slots, so a slot names one tweak through the taper.
        starts = {t.slot: t.intensity for t in self.state.tweaks if matches(t)}
        if not starts:
            yield self.step("taper", op.node, missed=True)
            return
        for k in range(1, op.over + 1):
            kept: list[Tweak] = []
            removed: list[Tweak] = []
            for tweak in self.state.tweaks:
                start = starts.get(tweak.slot)
                if start is None:
                    kept.append(tweak)
                    continue
                tapered = tweak.at(taper_intensity(start, op.over, k))
                (removed if k == op.over else kept).append(tapered)
            self.state = self.state.with_tweaks(tuple(kept))
            yield self.step("taper", op.node, removed=tuple(removed))


@dataclass
class _Frame:
    """A body being run: the ops left, and what to restore when it ends."""

    pending: Iterator[ops.Op]
    define: str | None = None
    phase_set: bool = False
    outer_phase: str | None = None


def steps(checked: Checked, outcome: OutcomeSource | None = None) -> Iterator[Step]:
    """Step through `checked`; `outcome` answers each retest (default: all unrecorded)."""
    run = _Run(checked, outcome or outcomes_from([]))
    yield from run.run(checked.body)

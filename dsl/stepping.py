"""Stepping: a checked program, typed lines and recorded answers in; a walk one step at a time out.

This is `prog step` without the screen: it decides what to show, what a typed line means and
what goes in the log, and leaves drawing and reading to a `Screen`. The interpreter asks for
an outcome only when it reaches a retest, so the session asks the clinician at that moment.

Taking an answer back (`u`) cannot rewind a generator, and what follows a retest depends on
its answer (a `try` keeps or undoes its tweak), so the walk starts again from the first step
and replays the answers still in force without showing them. Resuming a log is the same
replay. Both are cheap next to the time it takes a patient to do one step.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from dsl.checker import Checked
from dsl.hip import PLANES
from dsl.interpreter import OUTCOMES, Step, steps
from dsl.session_log import Writer

OUTCOME_KEYS = {key: outcome for outcome in OUTCOMES for key in (outcome, outcome[0])}

NEXT_PROMPT = "(Enter next, u take back, q stop, ? keys) > "
RETEST_PROMPT = "(b better, s same, w worse, u take back, q stop, ? keys) > "
HELP = (
    "Enter goes to the next step. At a retest type b, s or w (or better, same, worse) and "
    "Enter. u takes back the last answer and asks that retest again. q stops; every answer "
    "kept in the log stays there, and --resume goes on from it. ? shows these keys again."
)


class Screen(Protocol):
    """What a session needs from a terminal (or a test)."""

    def show(self, step: Step, changed: Sequence[str]) -> None:
        """Show one step and what changed since the step before it."""

    def read(self, prompt: str) -> str | None:
        """Ask for one line; None when the input has ended."""

    def say(self, text: str, kind: str = "info") -> None:
        """A message: kind is `info`, `hint` or `warning`."""


class _Stop(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _TakeBack(Exception):
    """The last answer was taken back: walk again from the start."""


def changes(before: Step | None, after: Step) -> list[str]:
    """What changed from one step to the next, in a clinician's words; `nothing` if nothing."""
    out: list[str] = []
    old_base = before.base if before else None
    if after.base != old_base:
        out.append(f"base {old_base} → {after.base}" if old_base else f"base {after.base}")
    old = {t.slot: t for t in before.tweaks} if before else {}
    new = {t.slot: t for t in after.tweaks}
    for slot, tweak in new.items():
        was = old.get(slot)
        label = f"{tweak.kind} {tweak.name}"
        if was is None:
            out.append(f"added {label}")
        elif was.name != tweak.name:
            out.append(f"{label} instead of {was.kind} {was.name}")
        elif was.intensity != tweak.intensity:
            out.append(f"{label} {was.intensity}% → {tweak.intensity}%")
    out.extend(f"took away {t.kind} {t.name}" for slot, t in old.items() if slot not in new)
    old_motions = set(before.disadvantaged) if before else set()
    out.extend(f"disadvantaged {m}" for m in after.disadvantaged if m not in old_motions)
    out.extend(f"restored {m}" for m in sorted(old_motions - set(after.disadvantaged)))
    old_drive = before.drive if before else (0.0, 0.0, 0.0)
    for plane, was_value, value in zip(PLANES, old_drive, after.drive, strict=True):
        if round(was_value, 2) != round(value, 2):
            out.append(f"{plane} {was_value:+.2f} → {value:+.2f}")
    old_advantage = before.advantage if before else 0
    if old_advantage != after.advantage:
        out.append(f"advantage {old_advantage} → {after.advantage}")
    return out or ["nothing"]


class Session:
    """One clinician's walk through one program, with the answers recorded so far.

    `answers` are (step number, outcome) pairs to replay and `done` the last step already
    dealt with (both from a log when resuming); the walk shows steps from `done + 1` on.
    """

    def __init__(
        self,
        checked: Checked,
        screen: Screen,
        log: Writer | None = None,
        answers: Sequence[tuple[int, str]] = (),
        done: int = 0,
    ) -> None:
        self.checked = checked
        self.screen = screen
        self.log = log
        self.answers = list(answers)
        self.done = done
        self._previous: Step | None = None

    def run(self) -> str:
        """Step until the end or a stop. Returns why it ended: end, quit, eof or interrupt."""
        try:
            self._walk_until_settled()
            reason = "end"
        except _Stop as stop:
            reason = stop.reason
        except KeyboardInterrupt:
            reason = "interrupt"
        if self.log is not None:
            if reason == "end":
                self.log.end()
            else:
                self.log.stop(reason, self.done + 1)
        return reason

    def _walk_until_settled(self) -> None:
        while True:
            try:
                self._walk()
                return
            except _TakeBack:
                continue

    def _walk(self) -> None:
        replay = iter(self.answers)
        self.answers = []
        self._previous = None

        def outcome(pending: Step) -> str:
            if pending.n <= self.done:
                recorded = next(replay, None)
                if recorded is not None:
                    return recorded[1]
                self.done = pending.n - 1  # the program changed (--force): ask from here
            return self._ask_outcome(pending)

        walk: Iterator[Step] = steps(self.checked, outcome)
        for step in walk:
            if step.outcome is not None:
                self.answers.append((step.n, step.outcome))
            if step.n > self.done:
                if step.op != "retest":
                    self._show_and_wait(step)
                if self.log is not None:
                    self.log.step(step)
                self.done = step.n
            self._previous = step

    # --- talking to the clinician --------------------------------------------------------

    def _show_and_wait(self, step: Step) -> None:
        self.screen.show(step, changes(self._previous, step))
        while True:
            word = self._read(NEXT_PROMPT)
            if word == "":
                return
            if word in OUTCOME_KEYS:
                self.screen.say("Nothing to answer here: press Enter to go on.", "hint")
            elif not self._common(word):
                self.screen.say(
                    f"`{word}` means nothing here: Enter goes on, u takes back the last "
                    "answer, q stops, ? explains.",
                    "hint",
                )

    def _ask_outcome(self, pending: Step) -> str:
        self.screen.show(pending, changes(self._previous, pending))
        while True:
            word = self._read(RETEST_PROMPT)
            if word in OUTCOME_KEYS:
                return OUTCOME_KEYS[word]
            if word == "":
                self.screen.say("This is a retest: type b, s or w, then Enter.", "hint")
            elif not self._common(word):
                self.screen.say(
                    f"`{word}` is not an outcome: type b (better), s (same) or w (worse).",
                    "hint",
                )

    def _read(self, prompt: str) -> str:
        line = self.screen.read(prompt)
        if line is None:
            raise _Stop("eof")
        return line.strip().lower()

    def _common(self, word: str) -> bool:
        """Handle the keys that mean the same at every step; False if `word` is none of them."""
        if word in ("q", "quit"):
            raise _Stop("quit")
        if word in ("u", "take back"):
            self._take_back()
            return True
        if word in ("?", "h", "help"):
            self.screen.say(HELP)
            return True
        return False

    def _take_back(self) -> None:
        if not self.answers:
            self.screen.say("There is no answer to take back yet.", "hint")
            return
        n, outcome = self.answers.pop()
        if self.log is not None:
            self.log.retract(n, outcome)
        self.done = n - 1
        self.screen.say(f"Took back the answer to step {n} ({outcome}): asking again.")
        raise _TakeBack

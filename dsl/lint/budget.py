"""A lint rule's time budget: seconds in; a rule's run stopped with `OverBudget` when it
runs longer, out.

A rule is code from a plugin, and a rule that never returns would hang `prog lint` and
every CI job that runs it. Each rule's run on each file gets `seconds()` of wall time
(`PROG_RULE_SECONDS`, default 10; 0 turns the budget off). The budget is an interval
timer (`setitimer`, SIGALRM): Python code in a rule, whatever it loops on or sleeps in,
is stopped by an exception raised where it is, and the rule is reported (P004).
`OverBudget` is a `BaseException`, so a rule's `except Exception` does not swallow it; the
timer fires again every 50 ms until the rule is left, so a rule that catches it once is
stopped the next time. A rule that catches every exception, every time, for `GRACE`
seconds past its budget cannot be stopped from inside the process: prog then says which
rule it was on standard error and exits with code 2 at once, rather than hang.

What the timer cannot interrupt: a rule blocked inside one C call that does not return
to Python (a catastrophic regular expression, a blocking read with signals masked).
Signals are delivered to the main thread only, so the budget holds in the main thread of
a process, which is where `prog lint` and its worker processes run rules; elsewhere (a
library user linting from a thread) a rule runs without one. An enclosing interval timer
(a test's clock) is put back, less the time spent, when the block ends.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from types import FrameType
from typing import Any, TypeVar

T = TypeVar("T")

DEFAULT_SECONDS = 10.0
SECONDS_ENV = "PROG_RULE_SECONDS"
REPEAT = 0.05  # seconds between reminders once the budget is spent
GRACE = 1.0  # seconds of reminders a rule may swallow before prog gives up on the process


class OverBudget(BaseException):
    """A rule ran past its time budget (a BaseException: `except Exception` lets it by)."""


def seconds() -> float:
    """The budget in force: `PROG_RULE_SECONDS` if it is a number, else the default."""
    try:
        value = float(os.environ.get(SECONDS_ENV, DEFAULT_SECONDS))
    except ValueError:
        return DEFAULT_SECONDS
    return value if value >= 0 else DEFAULT_SECONDS


class _Running:
    """The rule being timed: whose it is and when its budget ends (one at a time)."""

    who: object = ""
    deadline = 0.0
    active = False  # a reminder that comes as a rule ends is ignored, not raised


def _expire(signum: int, frame: FrameType | None) -> None:
    if not _Running.active:
        return
    now = time.monotonic()
    if now < _Running.deadline:  # the file's alarm, early for this rule: wait for its own
        signal.setitimer(signal.ITIMER_REAL, _Running.deadline - now, REPEAT)
        return
    if now > _Running.deadline + GRACE:  # every reminder swallowed: give up
        sys.stderr.write(
            f"prog: {_Running.who} ran past its time budget and would not stop; "
            "prog stopped without finishing\n"
        )
        sys.stderr.flush()
        os._exit(2)
    raise OverBudget


class Timer:
    """Times the rules run on one file: ``with Timer(seconds) as timer:`` installs the
    alarm's handler and arms the interval timer once, then `timer.run(who, work)` gives
    each rule its own budget.

    The alarm is set for the file, not for each rule: it is due when the first rule's
    budget would end, and no rule's budget ends sooner than that. A rule only records its
    deadline; an alarm that comes before the running rule's deadline sets itself again for
    that deadline. So a file whose rules all end in time costs two system calls, however
    many rules it has, and a rule is still stopped at its own deadline.

    Off (`run` just calls) when `seconds` is 0 or there is no interval timer or this is
    not the main thread. An enclosing interval timer is put back on leaving, less the
    time spent; one due sooner than a rule's budget ends the rule by then."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.on = (
            seconds > 0
            and hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
        )
        self._previous: Any = None
        self._outer = (0.0, 0.0)
        self._start = 0.0

    def __enter__(self) -> Timer:
        if self.on:
            self._previous = signal.signal(signal.SIGALRM, _expire)
            self._start = time.monotonic()
            self._outer = signal.setitimer(signal.ITIMER_REAL, 0)
            outer = self._outer[0]
            signal.setitimer(
                signal.ITIMER_REAL, min(self.seconds, outer) if outer else self.seconds, REPEAT
            )
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.on:
            return
        signal.setitimer(signal.ITIMER_REAL, 0)
        _Running.active = False
        previous = self._previous if self._previous is not None else signal.SIG_DFL
        signal.signal(signal.SIGALRM, previous)
        outer, interval = self._outer
        if outer:
            left = max(outer - (time.monotonic() - self._start), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left, interval)

    def run(self, who: object, work: Callable[[], T]) -> T:
        """`work()`, raising `OverBudget` in it once it has run `seconds`; `str(who)` names
        it for the message if it cannot be stopped, made only then (a lint runs every rule
        on every file)."""
        if not self.on:
            return work()
        now = time.monotonic()
        budget = self.seconds
        outer = self._outer[0]
        if outer:
            budget = max(min(budget, outer - (now - self._start)), 0.001)
        _Running.who, _Running.deadline = who, now + budget
        _Running.active = True
        try:
            return work()
        finally:
            _Running.active = False

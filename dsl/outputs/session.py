"""A session log and its program in; the steps of that session, replayed, out.

A `prog step` log keeps every answer with the program's hash. Replaying the answers through
the interpreter gives exactly the steps of the session (as `prog step --resume` does), as
`Step`s with everything the words and the chart need; the steps after the last one the
session reached are left out.
"""

from __future__ import annotations

from itertools import takewhile

from dsl.checker import Checked
from dsl.interpreter import Step, outcomes_from
from dsl.interpreter import steps as walk
from dsl.session_log import LogError, Recorded, fingerprint, read, same_program
from dsl.source import Source


def session_steps(checked: Checked, source: Source, log: str) -> tuple[list[Step], Recorded]:
    """The steps of the session kept in `log`, which must be a log of this very program.

    Raises `LogError` with a message for the clinician when the log cannot be read, is not
    a session log, was written for another version of the program, or has no step in it.
    """
    recorded = read(log)
    if not same_program(recorded.header, fingerprint(source, checked)):
        raise LogError(
            f"{log} was written for another version of {source.name} (its text has changed "
            "since the session); give the program the session was run with"
        )
    if recorded.done == 0:
        raise LogError(f"{log} has no step in it yet: nothing was done in that session")
    answers = [outcome for _, outcome in recorded.answers]
    run = walk(checked, outcomes_from(answers))
    return list(takewhile(lambda step: step.n <= recorded.done, run)), recorded

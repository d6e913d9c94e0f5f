"""A session log and its program in; the steps of that session, replayed, out.

A `prog step` log keeps every answer with the program's hash. Replaying the answers through
the interpreter gives exactly the steps of the session (as `prog step --resume` does), as
`Step`s with everything the words and the chart need. The steps after the last one the
session reached are left out: they were not done, so nothing came of them for the patient.
This is the one replay the handout and the exports share, so both show the same session;
`steps_of` also makes the one choice they share, between a session and a plain run.
"""

from __future__ import annotations

from itertools import takewhile
from pathlib import Path

from dsl.checker import Checked
from dsl.interpreter import Step, outcomes_from
from dsl.interpreter import steps as walk
from dsl.session_log import LogError, Recorded, fingerprint, read, same_program
from dsl.source import Source


def steps_of(
    checked: Checked, source: Source, log: str | None
) -> tuple[list[Step], Recorded | None]:
    """What a handout or an export shows: the steps of the session in `log`, or without a
    log the program run as written (every retest unrecorded) and no session.

    Raises `LogError` as `session_steps` does.
    """
    if log is None:
        return list(walk(checked)), None
    return session_steps(checked, source, log)


def session_steps(checked: Checked, source: Source, log: str) -> tuple[list[Step], Recorded]:
    """The steps of the session kept in `log`, which must be a log of this very program.

    Raises `LogError` with a message for the clinician when the log cannot be read, is not
    a session log, was written for another version of the program, or has no step in it.
    """
    recorded = read(log)
    if not same_program(recorded.header, fingerprint(source, checked)):
        raise LogError(_another_program(log, str(recorded.header.get("program")), source.name))
    if recorded.done == 0:
        raise LogError(f"{log} has no step in it yet: nothing was done in that session")
    answers = [outcome for _, outcome in recorded.answers]
    run = walk(checked, outcomes_from(answers))
    return list(takewhile(lambda step: step.n <= recorded.done, run)), recorded


def _another_program(log: str, was: str, name: str) -> str:
    """Why a log of another program, or of this one before it changed, is refused."""
    wrong = "so its answers would be put on the wrong retests"
    if Path(was).name != Path(name).name:
        return f"{log} is a session of {was}, not of {name}, {wrong}"
    return (
        f"{log} was written for another version of {Path(name).name} (the program or a file "
        f"it includes differs since the session), {wrong}; give the program the session was "
        "run with"
    )

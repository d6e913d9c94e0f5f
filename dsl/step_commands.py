"""What `prog step` and `prog report` do, between the CLI's arguments and the screen.

Every refusal happens before the first step is shown and before anything is written, so a
wrong `--log` or `--resume` never costs the clinician a record.
"""

from __future__ import annotations

import json
import shlex
import sys

from dsl import render, session_log, session_place, session_report, step_view
from dsl.api import run
from dsl.checker import Checked
from dsl.commands import EXIT_CLEAN, EXIT_FAILURE, load_runnable
from dsl.nodes import unindented_phases
from dsl.registry import installed
from dsl.session_log import LogError, Recorded, Writer
from dsl.source import display_path, same_file
from dsl.stepping import HELP, Session

EXIT_INTERRUPTED = 130  # what a shell expects after Ctrl-C


def _fail(message: str) -> int:
    print(f"prog: {message}", file=sys.stderr)
    return EXIT_FAILURE


def step_command(
    file: str, log: str | None, resume: str | None, force: bool, no_log: bool = False
) -> int:
    problem = _usage_problem(file, log, resume, force, no_log)
    if problem:
        return _fail(problem)
    loaded, code = load_runnable(file)
    if loaded is None or loaded.checked is None or loaded.source is None:
        return code
    checked = loaded.checked
    if next(iter(run(checked)), None) is None:  # before a log is made: there is no session
        print(
            f"Nothing to run: {file} has no movement statement, so there is no step to take "
            "(see `prog explain P110`). No session was kept.",
        )
        return EXIT_CLEAN
    current = session_log.fingerprint(loaded.source, checked)
    vocabulary = {r.name: r.version for r in installed().reports if r.status == "ok"}
    screen = step_view.Terminal(unindented_phases(checked.program.statements))
    try:
        recorded = _resumable(resume, file, current, force) if resume else None
        if recorded is not None and recorded.ended:
            screen.say(f"The session in {recorded.path} already reached the end of the program.")
            screen.say(f"See what worked: prog report {shlex.quote(recorded.path)}")
            return EXIT_CLEAN
        if not (log or resume or no_log):
            log = _default_log(file)
        writer = _writer(
            log, resume, checked, session_log.header(file, current, checked, vocabulary)
        )
    except LogError as error:
        return _fail(str(error))
    screen.out.print(
        render.heading(
            checked.title, f"{checked.target_side} {checked.target_muscle}", checked.sports
        )
    )
    if writer is not None and not resume:
        screen.say(f"Keeping this session in {writer.path}")
    elif writer is None:
        screen.say("Not keeping this session (--no-log).", "warning")
    screen.say(HELP, "hint")
    answers, done = (recorded.answers, recorded.done) if recorded else ([], 0)
    if recorded is not None and writer is not None:
        changed = not session_log.same_program(recorded.header, current)
        writer.resume(current, vocabulary, forced=changed)
        _tell_resumed(screen, recorded, vocabulary, changed)
    session = Session(checked, screen, writer, answers, done)
    try:
        reason = session.run()
    except LogError as error:
        return _fail(f"{error}; the answers before this step are kept in it")
    finally:
        if writer is not None:
            writer.close()
    _tell_ending(screen, session, reason, file, writer)
    return EXIT_INTERRUPTED if reason == "interrupt" else EXIT_CLEAN


def _usage_problem(
    file: str, log: str | None, resume: str | None, force: bool, no_log: bool
) -> str | None:
    if file == "-":
        return "prog step needs the program in a file: standard input carries the answers"
    if no_log and (log or resume):
        return "--no-log keeps nothing; give it without --log or --resume"
    if log and resume and not same_file(log, resume):
        return "--resume goes on writing its own log; give --log or --resume, not both"
    if force and not resume:
        return "--force only makes sense with --resume"
    return None


def _default_log(file: str) -> str:
    """A new log in the program's sessions folder (spec §12), named as prog names files."""
    try:
        path = session_place.default_log_path(file)
    except OSError as error:
        raise LogError(
            f"cannot keep the session: {error}; give --log FILE.jsonl, or --no-log to keep nothing"
        ) from None
    return display_path(path)


def _writer(log: str | None, resume: str | None, checked: Checked, header: dict) -> Writer | None:
    """The log to write to: the resumed one, a new one starting with `header`, or none."""
    if resume:
        return Writer.append(resume, checked.program.file)
    if log:
        return Writer.create(log, checked.program.file, header)
    return None


def _resumable(path: str, file: str, current: dict, force: bool) -> Recorded:
    """The log at `path`, if it was written for this program (or `force` says go on anyway)."""
    recorded = session_log.read(path)
    changed = session_log.changed_since(recorded, current, file, recorded.path, file)
    if changed is None or force:
        return recorded
    raise LogError(
        f"{changed}; start a new session with --log, or replay the answers anyway with --force"
    )


def _tell_resumed(
    screen: step_view.Terminal, recorded: Recorded, vocabulary: dict, changed: bool
) -> None:
    if changed:
        screen.say(
            "The program has changed since the log was written: the recorded answers are "
            "replayed in order, and asked again where they run out (--force).",
            "warning",
        )
    if recorded.damaged:
        lines = ", ".join(str(n) for n in recorded.damaged)
        screen.say(f"Skipped damaged line(s) {lines} of {recorded.path}: a write cut short.")
    for name, version in (recorded.header.get("vocabulary") or {}).items():
        if vocabulary.get(name) != version:
            now = vocabulary.get(name, "not installed")
            screen.say(f"The {name} plugin was {version} then and is {now} now.", "warning")
    answers = ", ".join(outcome for _, outcome in recorded.answers) or "none yet"
    screen.say(
        f"Resuming {recorded.path}: {recorded.done} step(s) done, answers so far: {answers}. "
        f"Going on at step {recorded.done + 1}."
    )


def _tell_ending(
    screen: step_view.Terminal, session: Session, reason: str, file: str, writer: Writer | None
) -> None:
    answered = len(session.answers)
    if reason == "end":
        screen.say(f"End of the program: {session.done} steps, {answered} answer(s).")
        if writer is not None:
            screen.say(
                f"The session is in {writer.path}; see what worked: "
                f"prog report {shlex.quote(writer.path)}"
            )
        return
    why = {"quit": "Stopped", "eof": "Input ended", "interrupt": "Interrupted"}[reason]
    screen.say(f"{why} before step {session.done + 1}; {answered} answer(s) so far.")
    if writer is not None:
        screen.say(
            f"Every answer is kept in {writer.path}; go on with: "
            f"prog step {shlex.quote(file)} --resume {shlex.quote(writer.path)}"
        )
    else:
        screen.say("Nothing was saved (--no-log).", "warning")


def report_command(log: str, as_json: bool) -> int:
    try:
        recorded = session_log.read(log)
    except LogError as error:
        return _fail(str(error))
    data = session_report.build(recorded)
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        step_view.report(data)
    return EXIT_CLEAN

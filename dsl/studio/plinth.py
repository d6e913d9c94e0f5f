"""Stepping for the page: a program and the page's button presses in; the step to show out.

`prog step` asks for a line and waits; the page sends one request per button. This module
joins the two without a second implementation: each open session runs the very
`stepping.Session` of `prog step` in a thread, with a `PageScreen` whose `read` waits for
the next button press. So taking back, resuming and the session log (same format, one
fsync'd line per answer, the same lock) are exactly those of `prog step`, and either can
resume a session the other started.

A session belongs to one page (a browser tab, named by a client id it makes): another tab
is told the session is open elsewhere. A tab that has not been heard from for a while (it
was closed) loses the session to the next tab that opens it.
"""

from __future__ import annotations

import os
import queue
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dsl import ops, session_log, session_report
from dsl.api import load_path
from dsl.checker import Checked
from dsl.diagnostics import ERROR
from dsl.interpreter import Step
from dsl.registry import installed
from dsl.session_log import LogError, Writer
from dsl.session_place import SESSIONS, default_log_path
from dsl.source import display_path
from dsl.stepping import RETEST_PROMPT, Session
from dsl.studio import engine
from dsl.studio.files import Folder
from dsl.trace import step_dict

# What each button sends to the session, as the key `prog step` reads.
KEYS = {"next": "", "better": "b", "same": "s", "worse": "w", "undo": "u", "stop": "q"}
ABANDONED_AFTER = 20.0  # seconds without a word from the owning tab
ANSWER_TIMEOUT = 30.0


class Busy(Exception):
    """The session is open in another tab or another `prog step`."""


class Unusable(Exception):
    """The program has errors, or the log cannot be used: the message says which."""


@dataclass
class PageScreen:
    """A `stepping.Screen` for the page: keeps what to show; `read` waits for a button."""

    shown: tuple[Step, Sequence[str]] | None = None
    prompt: str = ""
    messages: list[dict[str, str]] = field(default_factory=list)
    presses: queue.Queue[str | None] = field(default_factory=queue.Queue)
    waiting: threading.Event = field(default_factory=threading.Event)

    def show(self, step: Step, changed: Sequence[str]) -> None:
        self.shown = (step, changed)

    def read(self, prompt: str) -> str | None:
        self.prompt = prompt
        self.waiting.set()
        return self.presses.get()

    def say(self, text: str, kind: str = "info") -> None:
        self.messages.append({"text": text, "kind": kind})


class Plinth:
    """One open session: its `stepping.Session` in a thread, the owner, the log."""

    def __init__(
        self,
        program: str,
        checked: Checked,
        writer: Writer,
        log: str,
        answers: Sequence[tuple[int, str]] = (),
        done: int = 0,
    ) -> None:
        self.program = program
        self.log = log
        self.checked = checked
        self.screen = PageScreen()
        self.session = Session(checked, self.screen, writer, answers, done)
        self.writer = writer
        self.alternatives = _alternatives(checked.body)
        self.reason: str | None = None
        self.failure: str | None = None
        # The patient's words of the step on screen, by (step, answers so far): the page
        # asks for the state at every press and every heartbeat, and the words walk the run.
        self._said: tuple[tuple[int, tuple[str, ...]], dict[str, str]] | None = None
        self.owner: str | None = None
        self.seen = 0.0
        self._press = threading.Lock()
        self._thread = threading.Thread(target=self._run, name=f"session {log}", daemon=True)
        self._thread.start()
        self._settle()

    def _run(self) -> None:
        try:
            self.reason = self.session.run()
        except LogError as error:
            self.failure = f"{error}; the answers before this step are kept in it"
            self.reason = "failure"
        except Exception as error:  # never a hung page: say so, keep what is logged
            self.failure = (
                f"internal error: {type(error).__name__}: {error}; the answers so far are kept"
            )
            self.reason = "failure"
        finally:
            self.writer.close()
            self.screen.waiting.set()

    def _settle(self) -> None:
        """Wait until the session asks for the next press or has ended."""
        self.screen.waiting.wait(ANSWER_TIMEOUT)

    # --- the page's requests -------------------------------------------------------------

    def claim(self, client: str) -> None:
        """Make `client` the owner, unless another tab owns the session and is still there."""
        now = time.monotonic()
        if self.owner not in (None, client) and now - self.seen < ABANDONED_AFTER:
            raise Busy("this session is open in another tab or window; answer it there")
        self.owner, self.seen = client, now

    def release(self, client: str) -> None:
        if self.owner == client:
            self.owner = None

    def press(self, client: str, button: str) -> dict[str, Any]:
        """One button press from the owning page; the state after it."""
        self.claim(client)
        with self._press:
            if self.reason is None:
                self.screen.messages.clear()
                self.screen.waiting.clear()
                self.screen.presses.put(KEYS[button])
                self._settle()
        return self.state()

    def close(self) -> None:
        """The server is stopping: stop the session as the end of input would (logged)."""
        if self.reason is None:
            self.screen.presses.put(None)
            self._thread.join(5)

    @property
    def open(self) -> bool:
        return self.reason is None

    def state(self) -> dict[str, Any]:
        """What the page shows: the step, whether it is a retest, messages, the answers."""
        out: dict[str, Any] = {
            "log": self.log,
            "program": self.program,
            "title": self.checked.title,
            "target": f"{self.checked.target_side} {self.checked.target_muscle}",
            "ended": self.reason,
            "failure": self.failure,
            "retest": self.reason is None and self.screen.prompt == RETEST_PROMPT,
            "done": self.session.done,
            "answers": [[n, outcome] for n, outcome in self.session.answers],
            "messages": list(self.screen.messages),
            "step": None,
        }
        if self.screen.shown is not None and self.reason is None:
            step, changed = self.screen.shown
            shown = step_dict(step, self.checked.program.file)
            answered = tuple(outcome for _, outcome in self.session.answers)
            if self._said is None or self._said[0] != (step.n, answered):
                said = engine.words_at(self.checked, list(answered), step.n)
                self._said = ((step.n, answered), said)
            shown.update(self._said[1])
            shown["changed"] = list(changed)
            shown["alternative"] = self.alternatives.get(id(step.node))
            shown["in_try"] = step.in_try
            out["step"] = shown
        return out


def _alternatives(body: Sequence[ops.Op]) -> dict[int, list[int]]:
    """For each `try until better` alternative's statement: [its number, how many]."""
    found: dict[int, list[int]] = {}
    for op in _walk(body):
        if isinstance(op, ops.Try):
            for number, alternative in enumerate(op.alternatives, start=1):
                found[id(alternative.node)] = [number, len(op.alternatives)]
    return found


def _walk(body: Sequence[ops.Op]) -> Iterator[ops.Op]:
    for op in body:
        yield op
        for child in ("body", "alternatives"):
            inner = getattr(op, child, None)
            if isinstance(inner, tuple):
                yield from _walk(inner)


class Plinths:
    """Every session open in this server, by log path (as the page names it)."""

    def __init__(self) -> None:
        self._open: dict[str, Plinth] = {}
        self._lock = threading.Lock()

    def get(self, log: str) -> Plinth | None:
        plinth = self._open.get(log)
        return plinth if plinth is not None and plinth.open else None

    def start(
        self, program: str, path: Path, client: str, name: Callable[[Path], str | None]
    ) -> Plinth:
        """A new session of the program at `path`, logged in its sessions folder; `name`
        gives the page's name for the log (None when it is outside the studio's folder)."""
        checked, current, vocabulary = _load(path)
        try:
            log_path = new_log_path(path)
        except OSError as error:
            raise Unusable(f"cannot keep the session beside the program: {error}") from None
        log = name(log_path)
        if log is None:
            raise Unusable("the sessions folder is outside the studio's folder")
        header = session_log.header(checked.program.file, current, checked, vocabulary)
        try:
            writer = Writer.create(str(log_path), checked.program.file, header)
        except LogError as error:
            raise Unusable(str(error)) from None
        return self._opened(Plinth(program, checked, writer, log), client)

    def resume(self, program: str, path: Path, log_path: Path, log: str, client: str) -> Plinth:
        """Go on with the session kept at `log_path`, as `prog step --resume` does."""
        with self._lock:
            plinth = self.get(log)
        if plinth is not None:
            plinth.claim(client)
            return plinth
        checked, current, vocabulary = _load(path)
        try:
            recorded = session_log.read(str(log_path))
        except LogError as error:
            raise Unusable(str(error)) from None
        if recorded.ended:
            raise Unusable("this session already reached the end of the program")
        changed = session_log.changed_since(recorded, current, program, log, str(path))
        if changed is not None:
            raise Unusable(f"{changed}; start a new session")
        try:
            writer = Writer.append(str(log_path), checked.program.file)
        except session_log.LogBusy as error:
            raise Busy(str(error)) from None
        except LogError as error:
            raise Unusable(str(error)) from None
        writer.resume(current, vocabulary, forced=False)
        plinth = Plinth(program, checked, writer, log, recorded.answers, recorded.done)
        return self._opened(plinth, client)

    def _opened(self, plinth: Plinth, client: str) -> Plinth:
        plinth.claim(client)
        with self._lock:
            self._open[plinth.log] = plinth
        return plinth

    def close_all(self) -> None:
        for plinth in list(self._open.values()):
            plinth.close()


def _load(path: Path) -> tuple[Checked, dict[str, Any], dict[str, str]]:
    """The checked program, its fingerprint and the vocabulary, as `prog step` takes them."""
    loaded = load_path(display_path(path))
    errors = [d for d in loaded.diagnostics if d.severity == ERROR]
    if errors or loaded.checked is None or loaded.source is None:
        first = errors[0].message if errors else "it cannot be read"
        raise Unusable(f"the program has errors to fix before stepping ({first})")
    current = session_log.fingerprint(loaded.source, loaded.checked)
    vocabulary = {r.name: r.version for r in installed().reports if r.status == "ok"}
    return loaded.checked, current, vocabulary


def sessions_of(program: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Each session log kept beside `program` (in its sessions folder) for that program,
    newest first, with what the page lists: started, steps done, ended."""
    folder = program.parent / SESSIONS
    if not folder.is_dir():
        return
    logs = sorted(folder.glob("*.jsonl"), key=lambda p: p.stat().st_mtime, reverse=True)
    for log in logs:
        try:
            recorded = session_log.read(str(log))
        except LogError:
            continue
        if os.path.basename(str(recorded.header.get("program", ""))) != program.name:
            continue
        yield (
            log,
            {
                "started": recorded.header.get("started"),
                "done": recorded.done,
                "ended": recorded.ended,
                "answers": [outcome for _, outcome in recorded.answers],
            },
        )


def report(folder: Folder, log: str) -> dict[str, Any]:
    """`prog report --json`'s data for the log the page names `log`, its files named as
    the page names them: the page never sees where the studio's folder is on the disk."""
    try:
        data = session_report.build(session_log.read(str(folder.resolve(log, suffix=".jsonl"))))
    except LogError as error:
        raise Unusable(str(error)) from None
    program = data.get("program")
    if isinstance(program, str):
        data["program"] = folder.relative(Path(program)) or os.path.basename(program)
    return data | {"log": log}


def new_log_path(program: Path) -> Path:
    """Where a new session of `program` is kept: its sessions folder beside it, named as
    `prog step` names them. Never the user's data folder: the studio stays inside its folder."""
    folder = program.parent / SESSIONS
    folder.mkdir(exist_ok=True)
    return default_log_path(program, folder=folder)

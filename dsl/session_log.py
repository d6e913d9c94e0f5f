"""Session log: the record of one `prog step` session in; JSON lines on disk out, and back.

A session happens with a patient in front of the clinician, so the log must survive anything:
`q`, Ctrl-C, a closed terminal, a killed process, a power cut. Hence three rules:

* append only: a line once written is never rewritten; taking an answer back is a new line;
* every line goes to disk (write, then fsync) before the next step is shown;
* reading tolerates a damaged line (a write cut short): it is skipped and reported, and
  appending first ends it with a newline so the next line starts clean.

The format is documented for clinicians and tool writers in ``docs/stepping.md``.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeGuard

from dsl import __version__
from dsl.atomic import sync_folder
from dsl.checker import Checked
from dsl.interpreter import OUTCOMES, Step
from dsl.source import Source, Unreadable, read_path, read_regular
from dsl.trace import header as trace_header
from dsl.trace import step_dict

LOG_VERSION = 1
# A session of the largest program (100,000 steps) writes about 60 MiB; a log past this
# is not one, and is refused before it is read into memory.
MAX_LOG_BYTES = 128 * 1024 * 1024


class LogError(Exception):
    """The log cannot be used as asked (missing, not a session log, already there)."""


class LogBusy(LogError):
    """Another `prog step` or `prog studio` has the log open: one session, one writer."""


def now() -> str:
    """Local time with its offset: what a clinician reads, still unambiguous for a machine."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprint(source: Source, checked: Checked) -> dict[str, Any]:
    """What identifies the program: the hash of its text and of each file it includes."""
    includes = []
    for name in checked.includes:
        included, _ = read_path(name)
        includes.append({"file": name, "sha256": text_hash(included.text) if included else None})
    return {"sha256": text_hash(source.text), "includes": includes}


def same_program(header: dict[str, Any], current: dict[str, Any]) -> bool:
    """True when the program's text and its includes' texts are what the log was written for.

    Include paths are compared by content only, so resuming from another folder still matches.
    """

    def hashes(fp: dict[str, Any]) -> list[str]:
        return sorted(str(item.get("sha256")) for item in fp.get("includes") or [])

    return header.get("sha256") == current["sha256"] and hashes(header) == hashes(current)


def changed_since(
    recorded: Recorded, current: dict[str, Any], program: str, log: str, path: str
) -> str | None:
    """Why the answers kept in `recorded` may not fit the program at `path` as it is now
    (`current`, its `fingerprint`), or None when the log was written for this very text.
    `prog step --resume` and the studio's resume say it alike, each adding what the
    clinician can do; `program` and `log` are the names the clinician knows the files by
    (the studio names them from its folder). The log names its program as `prog` did when
    it was written, so that name is compared as a file, not as a text."""
    if same_program(recorded.header, current):
        return None
    was = recorded.header.get("program")
    same = isinstance(was, str) and os.path.realpath(was) == os.path.realpath(path)
    which = program if same else f"{program} (the log was written for {was})"
    return (
        f"{which} has changed since {log} was written, so its recorded answers may not fit "
        "the program any more"
    )


def header(
    program: str, hashes: dict[str, Any], checked: Checked, vocabulary: dict[str, str]
) -> dict[str, Any]:
    """The first line of a log: which program (path, and `hashes` from `fingerprint`), which
    vocabulary, when; `trace` is the head of a spec §10 trace, so the log can become one."""
    return {
        "prog_session": LOG_VERSION,
        "program": program,
        **hashes,
        "prog": __version__,
        "vocabulary": vocabulary,
        "started": now(),
        "trace": trace_header(checked),
    }


# --- reading -------------------------------------------------------------------------------


@dataclass
class Recorded:
    """A log as read back: its header and the steps still in force after every retraction."""

    path: str
    header: dict[str, Any]
    steps: list[dict[str, Any]] = field(default_factory=list)
    retracted: list[dict[str, Any]] = field(default_factory=list)  # the retract lines
    damaged: list[int] = field(default_factory=list)  # line numbers skipped as unreadable
    times: dict[int, str] = field(default_factory=dict)  # when each kept step was dealt with
    ended: bool = False  # the program was stepped to its end

    @property
    def answers(self) -> list[tuple[int, str]]:
        """(step number, outcome) of every retest answered and not taken back, in order."""
        return [(s["n"], s["outcome"]) for s in self.steps if s.get("op") == "retest"]

    @property
    def complete(self) -> bool:
        """The program was stepped to its end and nothing in between is missing: no damaged
        line (an answer may have been on it) and no step number skipped."""
        numbers = [s["n"] for s in self.steps]
        return self.ended and not self.damaged and numbers == list(range(1, len(numbers) + 1))

    @property
    def done(self) -> int:
        """The number of the last step dealt with; the session goes on from the next one."""
        return self.steps[-1]["n"] if self.steps else 0


def read(path: str) -> Recorded:
    """Read a session log; raises `LogError` if it is missing or not a session log.

    A step line for step N, and a retraction of step N's answer, both drop every recorded
    step from N on: what came after an answer depended on it.
    """
    try:
        data = read_regular(path, MAX_LOG_BYTES)
    except Unreadable as error:
        raise LogError(f"cannot read {error}") from None
    except (OSError, ValueError) as error:  # ValueError: a NUL in the name
        raise LogError(f"cannot read {path}: {getattr(error, 'strerror', None) or error}") from None
    if len(data) > MAX_LOG_BYTES:
        raise LogError(
            f"{path} is larger than {MAX_LOG_BYTES // (1024 * 1024)} MiB: no session of a "
            "program within the limits writes that much, so it is not a session log"
        )
    records = _records(data)
    first = next(records, None)
    if first is None:
        raise LogError(f"{path} is empty: there is no session in it to resume or report")
    recorded = Recorded(path, _checked_header(path, *first))
    for number, record in records:
        if record is None or not _apply(recorded, record):
            recorded.damaged.append(number)
    return recorded


def _apply(recorded: Recorded, record: dict[str, Any]) -> bool:
    """Bring one line into `recorded`; False if it is a step or retraction that makes no sense.

    Lines of other kinds (resume, stop, and any a later version adds) change nothing here.
    """
    event = record.get("event")
    if event == "step":
        step = record.get("step")
        if not _is_step(step):
            return False
        recorded.steps = [s for s in recorded.steps if s["n"] < step["n"]]
        recorded.steps.append(step)
        recorded.times.pop(step["n"], None)
        if isinstance(record.get("at"), str):
            recorded.times[step["n"]] = record["at"]
        recorded.ended = False
    elif event == "retract":
        n = record.get("n")
        if not _step_number(n):
            return False
        recorded.steps = [s for s in recorded.steps if s["n"] < n]
        recorded.retracted.append(record)
        recorded.ended = False
    elif event == "end":
        recorded.ended = True
    return True


def _records(data: bytes) -> Iterator[tuple[int, dict[str, Any] | None]]:
    """Each non-blank line as a JSON object, or None where the line is not one."""
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            record = None
        yield number, record if isinstance(record, dict) else None


def _step_number(value: object) -> TypeGuard[int]:
    """A step number as a log holds it: a whole number from 1 (`true` is not one)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _optional(value: object, kind: type) -> bool:
    return value is None or isinstance(value, kind)


def _is_step(value: object) -> TypeGuard[dict[str, Any]]:
    """Whether `value` is a step as `trace.step_dict` writes it, in every field that reading
    a log, resuming and reporting look at; anything else is a damaged line."""
    if not isinstance(value, dict) or not _step_number(value.get("n")):
        return False
    if not isinstance(value.get("op"), str):
        return False
    if value["op"] == "retest" and value.get("outcome") not in OUTCOMES:
        return False
    tweaks = value.get("tweaks")
    if not _optional(tweaks, list) or not all(
        isinstance(t, dict)
        and isinstance(t.get("kind"), str)
        and isinstance(t.get("name"), str)
        and _optional(t.get("intensity"), int)
        for t in tweaks or []
    ):
        return False
    motions = value.get("disadvantaged")
    if not _optional(motions, list) or not all(isinstance(m, str) for m in motions or []):
        return False
    return all(_optional(value.get(key), str) for key in ("base", "test", "phase", "text"))


# Each header field that is read back, and the type it must have when present.
_HEADER_FIELDS: dict[str, tuple[type, str]] = {
    "program": (str, "a text"),
    "sha256": (str, "a text"),
    "includes": (list, "a list"),
    "vocabulary": (dict, "an object"),
    "started": (str, "a text"),
    "trace": (dict, "an object"),
}


def _checked_header(path: str, number: int, record: dict[str, Any] | None) -> dict[str, Any]:
    session = record.get("prog_session") if record is not None else None
    if record is None or not isinstance(session, int) or isinstance(session, bool):
        raise LogError(f"{path} is not a prog session log (line {number} is not its header)")
    if record["prog_session"] > LOG_VERSION:
        raise LogError(
            f"{path} was written by a newer prog (session log version {record['prog_session']})"
        )
    problem = _header_problem(record)
    if problem is not None:
        raise LogError(f"{path}:{number}: the session log's header is damaged: {problem}")
    return record


def _header_problem(record: dict[str, Any]) -> str | None:
    """What is wrong with a header's fields, or None when each has the shape prog wrote."""
    for key, (kind, shape) in _HEADER_FIELDS.items():
        if key in record and not isinstance(record[key], kind):
            return f"`{key}` should be {shape}"
    for item in record.get("includes") or []:
        if not (
            isinstance(item, dict)
            and isinstance(item.get("file"), str)
            and _optional(item.get("sha256"), str)
        ):
            return "each of `includes` should be an object with a `file` and its `sha256`"
    for name, version in (record.get("vocabulary") or {}).items():
        if not isinstance(version, str):
            return f"the version of `{name}` in `vocabulary` should be a text"
    return None


# --- writing -------------------------------------------------------------------------------


@contextmanager
def _uninterrupted() -> Iterator[None]:
    """Hold Ctrl-C back while a line is written and synced, so a line is whole or absent."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


class Writer:
    """Appends records to one log, each on disk before `write` returns.

    A writer holds an exclusive lock on its log (`flock`) until it is closed, so a second
    `prog step --resume` or a second studio tab on the same session is refused instead of
    interleaving its answers; the system drops the lock when the holder dies, so a crash
    never leaves a session locked. Beside the log, `FILE.jsonl.lock` says who holds it.
    """

    def __init__(self, fd: int, path: str, main_file: str) -> None:
        self._fd = fd
        self.path = path
        self.main_file = main_file
        try:
            _lock(fd, path)
        except LogError:
            os.close(fd)
            raise

    @classmethod
    def create(cls, path: str, main_file: str, first: dict[str, Any]) -> Writer:
        """Start a new log. An existing empty file is used; anything else there is refused."""
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT
        try:
            fd = os.open(path, flags | os.O_EXCL, 0o644)
        except FileExistsError:
            if os.path.isdir(path):
                raise LogError(
                    f"{path} is a folder; give the session log a file's name, such as "
                    f"{os.path.join(path, 'session.jsonl')}"
                ) from None
            if not os.path.isfile(path) or os.path.getsize(path) > 0:
                raise LogError(
                    f"{path} already exists; to go on with that session use `--resume {path}`, "
                    "to start a new one give another file"
                ) from None
            fd = os.open(path, flags)
        except OSError as error:
            raise LogError(f"cannot write {path}: {error.strerror or error}") from None
        writer = cls(fd, path, main_file)
        writer.write(first)
        sync_folder(path)
        return writer

    @classmethod
    def append(cls, path: str, main_file: str) -> Writer:
        """Go on with an existing log; a damaged last line is ended so it stays on its own."""
        try:
            fd = os.open(path, os.O_RDWR | os.O_APPEND)
        except OSError as error:
            raise LogError(f"cannot write {path}: {error.strerror or error}") from None
        writer = cls(fd, path, main_file)
        size = os.fstat(fd).st_size
        if size and os.pread(fd, 1, size - 1) != b"\n":
            writer._put(b"\n")
        return writer

    def write(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        self._put(line.encode("utf-8"))

    def _put(self, data: bytes) -> None:
        with _uninterrupted():
            view = memoryview(data)
            try:
                while view:
                    view = view[os.write(self._fd, view) :]
                os.fsync(self._fd)
            except OSError as error:  # a full disk, a removed drive
                raise LogError(f"cannot write {self.path}: {error.strerror or error}") from None

    def close(self) -> None:
        """Let go of the log (and of its lock)."""
        with suppress(OSError):
            os.unlink(_holder_file(self.path))
        os.close(self._fd)

    # --- the records a session writes ----------------------------------------------------

    def step(self, step: Step) -> None:
        self.write({"event": "step", "at": now(), "step": step_dict(step, self.main_file)})

    def retract(self, n: int, outcome: str) -> None:
        self.write({"event": "retract", "at": now(), "n": n, "outcome": outcome})

    def resume(self, hashes: dict[str, Any], vocabulary: dict[str, str], forced: bool) -> None:
        self.write(
            {
                "event": "resume",
                "at": now(),
                **hashes,
                "vocabulary": vocabulary,
                "forced": forced,
            }
        )

    def stop(self, reason: str, next_step: int) -> None:
        self.write({"event": "stop", "at": now(), "reason": reason, "next": next_step})

    def end(self) -> None:
        self.write({"event": "end", "at": now()})


def _holder_file(path: str) -> str:
    return path + ".lock"


def _lock(fd: int, path: str) -> None:
    """Take the log's lock or raise `LogBusy` naming its holder (where the system has flock).

    The lock is on the log itself; the `.lock` file beside it only says who holds it, so a
    stale one left by a crash misleads nobody: it is read only when the lock is refused.
    """
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; one writer is the clinician's care
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        try:
            with open(_holder_file(path), encoding="utf-8") as handle:
                holder = handle.read().strip()
        except OSError:
            holder = ""
        raise LogBusy(
            f"{path} is open in another session ({holder or 'another prog'}); "
            "stop that one first, or start a new session"
        ) from None
    program = os.path.basename(sys.argv[0]) or "prog"
    command = " ".join([program, *sys.argv[1:2]])
    try:
        with open(_holder_file(path), "w", encoding="utf-8") as handle:
            handle.write(f"{command}, process {os.getpid()}, since {now()}\n")
    except OSError:
        pass  # the lock holds without its label

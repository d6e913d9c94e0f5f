"""Source text in: bytes from a file or standard input; out: checked, decoded text.

The limits of spec §7 that concern the raw input (5 MiB, valid UTF-8) are enforced here,
before any parsing, so a huge or binary file costs nothing but a read.

Every file prog reads as text of its own (a program, an include, a session log, the
grammar cache) goes through `read_regular`: it is opened without waiting (a FIFO with no
writer would block `open` forever), refused unless it is a regular file (a FIFO, a device
such as ``/dev/zero`` or ``/dev/urandom``, a folder), and read up to a limit, never to
its end. So no path of a name on the command line, and no `include`, can hang prog or
fill its memory.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from dsl.diagnostics import Diagnostic, make
from dsl.nodes import Span
from dsl.record import record

MAX_BYTES = 5 * 1024 * 1024
STDIN_NAME = "<stdin>"


@record
class Source:
    """One decoded program text. `name` is what diagnostics and traces show."""

    name: str
    text: str
    path: Path | None  # None for standard input


class Unreadable(OSError):
    """The file could not be read at all (missing, a folder, a device, no permission):
    exit code 2, or a P005 where an `include` names it. Shown as `name: reason`; `reason`
    alone is for a caller that names the file its own way (the studio, by the page's name)."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.reason = reason


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def kind_of(mode: int) -> str | None:
    """What a file of `mode` is when it is not a regular file (None when it is one)."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_regular(name: str | os.PathLike[str], limit: int, *, flags: int = 0) -> bytes:
    """The bytes of the regular file `name`, at most `limit` + 1 of them (one more than the
    limit tells the caller it was passed). Raises `OSError`; `Unreadable` (an `OSError`)
    for anything that is not a regular file, without waiting on it.

    ``O_NONBLOCK`` keeps `open` of a FIFO from waiting for a writer; `fstat` on the open
    descriptor (not `stat` before `open`) means the file checked is the file read.
    """
    fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | flags)
    try:
        info = os.fstat(fd)
    except OSError:
        os.close(fd)
        raise
    kind = kind_of(info.st_mode)
    if kind is not None:
        os.close(fd)
        raise Unreadable(os.fspath(name), f"{kind}, not a file prog can read")
    try:
        # Ask for what the file holds, not for the limit: a read of limit + 1 makes a
        # 5 MiB buffer for every 2 KB program. One byte more tells if it grew since.
        expected = min(info.st_size, limit)
        data = _read_fd(fd, expected + 1)
        if len(data) > expected:
            data += _read_fd(fd, limit + 1 - len(data))
    finally:
        os.close(fd)
    return data


def _read_fd(fd: int, size: int) -> bytes:
    """Up to `size` bytes from `fd`, fewer only at its end. With `os.read` itself, not a
    file object: making one cost as much as the read, a library's reads being small."""
    parts = []
    while size > 0:
        part = os.read(fd, size)
        if not part:
            break
        parts.append(part)
        size -= len(part)
    return b"".join(parts)


def _read_bytes(name: str | os.PathLike[str], limit: int) -> bytes:
    """`read_regular`, with every failure an `Unreadable` that says `name: why`."""
    try:
        return read_regular(name, limit)
    except Unreadable:
        raise
    except OSError as error:
        raise Unreadable(os.fspath(name), error.strerror or str(error)) from None


class NotText(ValueError):
    """A file that was read but is not a text prog reads: `TooLarge` or `NotUtf8`."""


class TooLarge(NotText):
    """The file holds more bytes than the limit it was read with."""


class NotUtf8(NotText):
    """The file's bytes are not UTF-8."""


def read_text(name: str | os.PathLike[str], limit: int = MAX_BYTES) -> str:
    """The text of the regular file `name`: UTF-8, at most `limit` bytes.

    Raises `Unreadable` when it cannot be read (missing, a folder, a FIFO…), `TooLarge` or
    `NotUtf8` when it is not text prog reads; each caller says so in its own words (a
    program in the studio, a settings file). The text is as stored: no byte order mark
    taken off, no line end changed (`decode` does that for programs).
    """
    data = _read_bytes(name, limit)
    if len(data) > limit:
        raise TooLarge(os.fspath(name))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise NotUtf8(os.fspath(name)) from None


def display_path(path: str | os.PathLike[str]) -> str:
    """The name prog gives a file in messages, traces and logs: as a command line in the
    working folder would name it, relative unless that would lead up out of the folder."""
    relative = os.path.relpath(path)
    return os.fspath(path) if relative.startswith("..") else relative


def same_file(a: str, b: str) -> bool:
    """Whether `a` and `b` name one file (through links, `./`, other spellings); for a name
    where nothing is yet, whether the two paths are the same."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def read_path(name: str, *, stdin_name: str = STDIN_NAME) -> tuple[Source | None, list[Diagnostic]]:
    """Read `name` (``-`` for standard input). Raises `Unreadable` if there is nothing to read."""
    if name == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        return decode(data, stdin_name, None)
    if "\0" in name:
        raise Unreadable(repr(name), "a file name cannot hold a NUL character")
    return decode(_read_bytes(name, MAX_BYTES), name, Path(name))


def decode(data: bytes, name: str, path: Path | None) -> tuple[Source | None, list[Diagnostic]]:
    """Bytes to `Source`, or a P005 diagnostic for an oversized or non-UTF-8 input."""
    if len(data) > MAX_BYTES:
        return None, [
            make(
                "P005",
                "the file is larger than 5 MiB; a program that size is not a program a "
                "clinician can read",
                Span(name, 1, 1, 1, 1),
                hint="split it into files and bring shared parts in with `include`",
            )
        ]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        col = error.start - (before.rfind(b"\n") + 1) + 1
        return None, [
            make(
                "P005",
                f"the file is not valid UTF-8 (byte 0x{data[error.start]:02x} at line {line}, "
                f"column {col})",
                Span(name, line, col, line, col + 1),
                hint="save the file as UTF-8 text",
            )
        ]
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    return Source(name, text, path), []

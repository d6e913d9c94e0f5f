"""Source text in: bytes from a file or standard input; out: checked, decoded text.

The limits of spec §7 that concern the raw input (5 MiB, valid UTF-8) are enforced here,
before any parsing, so a huge or binary file costs nothing but a read.
"""

from __future__ import annotations

import os
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


class Unreadable(Exception):
    """The file could not be read at all (missing, a folder, no permission): exit code 2."""


def read_path(name: str, *, stdin_name: str = STDIN_NAME) -> tuple[Source | None, list[Diagnostic]]:
    """Read `name` (``-`` for standard input). Raises `Unreadable` if there is nothing to read."""
    if name == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        return decode(data, stdin_name, None)
    try:
        with open(name, "rb") as handle:
            # Ask for what the file holds, not for the limit: a read of MAX_BYTES + 1 makes
            # a 5 MiB buffer for every 2 KB program. One byte more tells if it grew since.
            expected = min(os.fstat(handle.fileno()).st_size, MAX_BYTES)
            data = handle.read(expected + 1)
            if len(data) > expected:
                data += handle.read(MAX_BYTES + 1 - len(data))
    except OSError as error:
        raise Unreadable(f"{name}: {error.strerror or error}") from None
    return decode(data, name, Path(name))


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

"""Diagnostics and summaries for people: `Diagnostic`s in; lines on stdout or stderr out.

A message is a list of segments, each a piece of text and the style it has on a terminal
(rich's style names). Piped, or with `NO_COLOR`, the segments are written as they are:
the plain text a CI log or an editor reads, with no rich import at all, which is what
`prog lint` in a pre-commit hook pays for. On a terminal (or with `FORCE_COLOR`) they are
printed through `render.console()`, in colour.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TextIO

from dsl.diagnostics import Diagnostic
from dsl.record import record
from dsl.source import MAX_BYTES, decode, read_regular

Segments = list[tuple[str, str]]  # (text, style)
MAX_SHOWN = 100  # the most of a source line shown under a diagnostic
CHUNK = 64 * 1024  # characters `chunked` gathers before it writes
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


class SourceLines:
    """Source lines by file, read once, for showing the line under a diagnostic."""

    def __init__(self) -> None:
        self._files: dict[str, list[str]] = {}
        self._kept: dict[str, dict[int, str]] = {}

    def add(self, name: str, text: str) -> None:
        self._files[name] = text.split("\n")

    def keep(self, name: str, text: str, numbers: Iterable[int]) -> None:
        """Keep only the lines `numbers` of `name`'s text, the ones its diagnostics show: a
        lint of a library then holds a few lines per file with findings, not every text."""
        lines = text.split("\n")
        self._kept[name] = {n: lines[n - 1] for n in numbers if 1 <= n <= len(lines)}

    def line(self, name: str, number: int) -> str | None:
        kept = self._kept.get(name)
        if kept is not None:
            return kept.get(number)
        if name not in self._files:
            self._files[name] = _lines_of(name)
        lines = self._files[name]
        return lines[number - 1] if 1 <= number <= len(lines) else None


def _lines_of(name: str) -> list[str]:
    """The lines of a file a diagnostic points into, read as a program is (a regular file,
    at most 5 MiB): a refused file shows no line rather than being read without a limit."""
    try:
        data = read_regular(name, MAX_BYTES)
    except (OSError, ValueError):
        return []
    source, _ = decode(data, name, None)
    return source.text.split("\n") if source is not None else []


@record
class _Shown:
    """A diagnostic laid out for people: what `diagnostic` styles and `plain_diagnostic`
    writes as it is."""

    where: str  # `file:line:col: `
    what: str  # `CODE severity`
    message: str
    gutter: str  # as wide as the line number
    line: str  # the line number, or "" when no source line is shown
    source: str  # the source line (an excerpt of a long one)
    caret: str  # spaces, then `^` under the span
    hint: str | None


def _layout(d: Diagnostic, sources: SourceLines) -> _Shown:
    span = d.span
    gutter = " " * len(str(span.line))
    source = sources.line(span.file, span.line)
    number = shown = caret = ""
    if source is not None:
        shown = visible(source)
        width = (
            (span.end_col - span.col) if span.end_line == span.line else len(shown) - span.col + 1
        )
        width = max(1, min(width, max(1, len(shown) - span.col + 1)))
        shown, col, width = excerpt(shown, span.col, width)
        number, caret = str(span.line), " " * (col - 1) + "^" * width
    where = f"{span.file}:{span.line}:{span.col}: "
    return _Shown(where, f"{d.code} {d.severity}", d.message, gutter, number, shown, caret, d.hint)


def diagnostic(d: Diagnostic, sources: SourceLines) -> Segments:
    """`file:line:col: CODE severity: message`, the source line, a caret, a help line."""
    shown = _layout(d, sources)
    severity = SEVERITY_STYLE.get(d.severity, "")
    gutter = shown.gutter
    out: Segments = [(shown.where, "bold"), (shown.what, severity), (f": {shown.message}\n", "")]
    if shown.line:
        out += [
            (f"{gutter} |\n", "blue"),
            (f"{shown.line} | ", "blue"),
            (f"{shown.source}\n", ""),
            (f"{gutter} | ", "blue"),
            (shown.caret, severity),
            ("\n", ""),
        ]
    if shown.hint:
        out += [(f"{gutter} = ", "blue"), ("help: ", "bold"), (f"{shown.hint}\n", "")]
    return out


def plain_diagnostic(d: Diagnostic, sources: SourceLines) -> str:
    """`diagnostic` as plain text, made in one piece: a lint of a library may write
    200,000 of them to a pipe."""
    shown = _layout(d, sources)
    gutter = shown.gutter
    text = f"{shown.where}{shown.what}: {shown.message}\n"
    if shown.line:
        text += f"{gutter} |\n{shown.line} | {shown.source}\n{gutter} | {shown.caret}\n"
    if shown.hint:
        text += f"{gutter} = help: {shown.hint}\n"
    return text


def excerpt(line: str, col: int, width: int) -> tuple[str, int, int]:
    """A source line cut to at most `MAX_SHOWN` characters around its caret (from column
    `col`, `width` wide), with `…` where it was cut; the caret's column and width in it.

    A long line (a 5 MB line is a legal input up to the size limit) is shown as the part
    the caret points at, never whole."""
    if len(line) <= MAX_SHOWN:
        return line, col, width
    width = min(width, MAX_SHOWN // 2)
    start = max(0, min(col - 1 - MAX_SHOWN // 4, len(line) - MAX_SHOWN))
    end = start + MAX_SHOWN
    text = line[start:end]
    col -= start
    if start > 0:
        text, col = "…" + text, col + 1
    if end < len(line):
        text += "…"
    return text, col, width


# A control character (NUL, ESC, …) would be sent raw to the terminal, where it shows as
# nothing, or moves the cursor: each is shown as its Unicode control picture (`␀` for NUL),
# one column wide like the character it stands for, so the caret still lines up. A tab is
# shown as one space, for the same reason.
_VISIBLE = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421", 0x09: " "}


def visible(line: str) -> str:
    """`line` as it can be shown under a diagnostic: no control character in it raw."""
    return line if line.isprintable() else line.translate(_VISIBLE)  # most are printable


def plain(segments: Segments) -> str:
    """The text of `segments`, without styles."""
    return "".join(text for text, _ in segments)


def diagnostics(items: Iterable[Diagnostic], sources: SourceLines, *, stderr: bool) -> None:
    """Each diagnostic, in colour or not as the stream is when they start: asked once, not
    once a diagnostic (a system call each, and a lint of a library can have many)."""
    stream = sys.stderr if stderr else sys.stdout
    if coloured(stream):
        for item in items:
            write(diagnostic(item, sources), stderr=stderr)
        return
    with chunked(stream) as put:
        for item in items:
            put(plain_diagnostic(item, sources) + "\n")


@contextmanager
def chunked(stream: TextIO) -> Iterator[Callable[[str], None]]:
    """A `write` for `stream` that gathers text and writes it about `CHUNK` characters at a
    time, and what is left on leaving, after an error too.

    Where Python's output is unbuffered (`PYTHONUNBUFFERED`, which many CI containers
    set), each `write` to stdout is a system call of its own: a lint with 200,000
    findings, or a run of 100,000 steps to a pipe, made one for each, most of what the
    command cost beyond the work."""
    parts: list[str] = []
    size = 0

    def write(text: str) -> None:
        nonlocal size
        parts.append(text)
        size += len(text)
        if size >= CHUNK:
            stream.write("".join(parts))
            parts.clear()
            size = 0

    try:
        yield write
    finally:
        if parts:
            stream.write("".join(parts))


def summary(
    counts: dict[str, int], files: int, *, unreadable: int = 0, stderr: bool = False
) -> None:
    """The closing line: what was found in the files read. A file that could not be checked
    is counted apart and never called clean."""
    parts = [
        f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}"
        for s in ("error", "warning", "info")
        if counts.get(s)
    ]
    checked = files - unreadable
    noun = "file" if checked == 1 else "files"
    line: Segments = []
    if parts:
        line = [("Found " + ", ".join(parts), "bold"), (f" in {checked} {noun}.", "")]
    elif checked or not unreadable:
        line = [(f"All clean: {checked} {noun} checked.", "green")]
    if unreadable:
        unread = "file" if unreadable == 1 else "files"
        gap = " " if line else ""
        line.append((f"{gap}{unreadable} {unread} could not be checked (see above).", "bold"))
    write(line, stderr=stderr)


def write(segments: Segments, *, stderr: bool = False) -> None:
    """One message and a line end: in colour on a terminal, else as plain text."""
    stream = sys.stderr if stderr else sys.stdout
    if coloured(stream):
        from rich.text import Text

        from dsl.render import console

        console(stderr).print(Text.assemble(*segments))
    else:
        stream.write(plain(segments) + "\n")


def coloured(stream: object) -> bool:
    """True if what is written to `stream` is in colour: a terminal, unless `NO_COLOR`."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty is not None and isatty())

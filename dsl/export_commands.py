"""What `prog export` does, between the CLI's arguments and the file or stdout it writes.

Every refusal (a program with errors, a log that is missing, not a session log, or written
for another program, a subject that is not a reference) happens before anything is written.
"""

from __future__ import annotations

import io
import itertools
import json
import sys
from collections.abc import Iterable, Iterator

from dsl import commands, output_file, session_log
from dsl.outputs import csv_export, fhir
from dsl.outputs.course import Course, course
from dsl.outputs.session import steps_of
from dsl.session_log import LogError


def _fail(message: str) -> int:
    print(f"prog: {message}", file=sys.stderr)
    return commands.EXIT_FAILURE


def export_command(
    file: str, fmt: str, session: str | None, subject: str | None, out: str | None
) -> int:
    """Export `file` (with the session in `session`) as `fmt` to `out` or stdout."""
    if subject is not None and fmt != "fhir":
        return _fail("--subject is for --format fhir: a CSV names no patient")
    if subject is not None and (problem := fhir.subject_problem(subject)):
        return _fail(problem)
    loaded, code = commands.load_runnable(file)
    if loaded is None or loaded.checked is None or loaded.source is None:
        return code
    checked = loaded.checked
    if out is not None and (problem := _overwrites(out, [file, *checked.includes], session)):
        return _fail(problem)
    try:
        steps, recorded = steps_of(checked, loaded.source, session)
    except LogError as error:
        return _fail(str(error))
    made = course(checked, steps, session_log.fingerprint(loaded.source, checked), recorded)
    # A CSV written to a file is for a spreadsheet: the BOM tells Excel it is UTF-8.
    return _write(_render(made, fmt, subject), out, bom=fmt == "csv")


def _overwrites(out: str, programs: list[str], session: str | None) -> str | None:
    """Why `-o out` must not be written (None if it may): `output_file.refusal`."""
    if out == "-":
        return None
    return output_file.refusal(out, [*programs, *([session] if session else [])], "export")


def _render(made: Course, fmt: str, subject: str | None) -> Iterator[str]:
    """The export's text, in pieces of about 64 KiB: a FHIR bundle of a long program is
    encoded as it is written, never held as one string (with Python's indenting encoder,
    the pieces of one string took three times the memory of the bundle itself)."""
    if fmt == "fhir":
        document = fhir.bundle(made, subject)
        encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
        return _batched(itertools.chain(encoder.iterencode(document), ["\n"]))
    buffer = io.StringIO(newline="")
    csv_export.write(made, buffer)
    return iter([buffer.getvalue()])


def _batched(pieces: Iterable[str], size: int = 1 << 16) -> Iterator[str]:
    """`pieces` joined into strings of at least `size` characters (the last may be less)."""
    batch: list[str] = []
    length = 0
    for piece in pieces:
        batch.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(batch)
            batch, length = [], 0
    if batch:
        yield "".join(batch)


def _write(text: Iterator[str], out: str | None, *, bom: bool) -> int:
    """`text` (in pieces) as UTF-8 on stdout, or in the file `out` (with a BOM first when
    `bom`), where a write that fails leaves the file as it was."""
    if out is None or out == "-":
        sys.stdout.flush()
        for piece in text:
            sys.stdout.buffer.write(piece.encode("utf-8"))
        sys.stdout.buffer.flush()
        return commands.EXIT_CLEAN
    data = itertools.chain(["\ufeff"] if bom else [], text)
    try:
        output_file.write(out, data, prefix=".prog-export-")
    except OSError as error:
        return _fail(f"cannot write {out}: {error.strerror or error}")
    return commands.EXIT_CLEAN

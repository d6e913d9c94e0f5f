"""What `prog export` does, between the CLI's arguments and the file or stdout it writes.

Every refusal (a program with errors, a log that is missing, not a session log, or written
for another program, a subject that is not a reference) happens before anything is written.
"""

from __future__ import annotations

import codecs
import io
import json
import sys

from dsl import commands, session_log
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
    try:
        steps, recorded = steps_of(checked, loaded.source, session)
    except LogError as error:
        return _fail(str(error))
    made = course(checked, steps, session_log.fingerprint(loaded.source, checked), recorded)
    text = _render(made, fmt, subject)
    # A CSV written to a file is for a spreadsheet: the BOM tells Excel it is UTF-8.
    return _write(text, out, bom=fmt == "csv")


def _render(made: Course, fmt: str, subject: str | None) -> str:
    if fmt == "fhir":
        document = fhir.bundle(made, subject)
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    buffer = io.StringIO(newline="")
    csv_export.write(made, buffer)
    return buffer.getvalue()


def _write(text: str, out: str | None, *, bom: bool) -> int:
    """`text` as UTF-8 on stdout, or in the file `out` (with a BOM first when `bom`)."""
    data = text.encode("utf-8")
    if out is None or out == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return commands.EXIT_CLEAN
    try:
        with open(out, "wb") as handle:
            handle.write((codecs.BOM_UTF8 if bom else b"") + data)
    except OSError as error:
        return _fail(f"cannot write {out}: {error.strerror or error}")
    return commands.EXIT_CLEAN

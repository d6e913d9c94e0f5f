"""CSV export: a `Course` in; one CSV row per step out, for clinicians who keep spreadsheets.

The last column, `exercise`, is the number of the exercise a step makes or builds up, as
the patient's handout numbers it (`home`: one definition of an exercise for every output).

The columns and their order are fixed (`COLUMNS`) and documented in `docs/export.md`: a
spreadsheet or a script that reads them keeps working. Figures are the trace's (spec §10),
written with two decimals. A cell of free text that a spreadsheet would take for a formula
(`=`, `+`, `-`, `@` first) gets a `'` in front, so opening the file runs nothing. The
`+0.0` on figures writes a negative zero as `0.00`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import TextIO

from dsl.hip import PLANES
from dsl.interpreter import Step
from dsl.outputs.course import Course
from dsl.outputs.words import StepWords

COLUMNS: tuple[str, ...] = (
    "n",
    "phase",
    "line",
    "op",
    "text",
    "instruction",
    "dose",
    *PLANES,
    "favorable",
    "advantage",
    "test",
    "outcome",
    "note",
    "file",
    "progress",
    "why",
    "exercise",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def rows(course: Course) -> Iterator[dict[str, str]]:
    """Each step of the course as a row: column name to cell text."""
    numbers = course.home.number_of
    for step, words in zip(course.steps, course.home.words, strict=True):
        yield _row(step, words, course.file) | {"exercise": str(numbers.get(step.n, ""))}


def write(course: Course, stream: TextIO) -> None:
    """The header and every row, as CSV (RFC 4180: commas, quotes where needed, CRLF)."""
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows(course))


def _row(step: Step, words: StepWords, main_file: str) -> dict[str, str]:
    span_file = step.node.span.file
    return {
        "n": str(step.n),
        "phase": step.phase or "",
        "line": str(step.node.span.line),
        "op": step.op,
        "text": _safe(step.text),
        "instruction": _safe(words.instruction),
        "dose": words.dose,
        **{plane: f"{value + 0.0:.2f}" for plane, value in zip(PLANES, step.drive, strict=True)},
        "favorable": " ".join(step.favorable),
        "advantage": str(step.advantage),
        "test": step.test or "",
        "outcome": step.outcome or "",
        "note": _safe(step.note or ""),
        "file": "" if span_file == main_file else span_file,
        "progress": words.progress,
        "why": words.why,
    }


def _safe(text: str) -> str:
    """Free text as a cell that a spreadsheet shows and does not evaluate."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text

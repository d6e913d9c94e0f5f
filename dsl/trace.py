"""Trace: `Step`s in; the JSON document of spec §10 out (as plain dicts, ready to dump, or
written as the steps come)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from dsl.checker import Checked
from dsl.hip import PLANES
from dsl.interpreter import Step

TRACE_VERSION = 1


def step_dict(step: Step, main_file: str) -> dict[str, Any]:
    """One step as the trace writes it; `file` only when the statement is in another file."""
    out: dict[str, Any] = {"n": step.n, "op": step.op, "line": step.node.span.line}
    if step.node.span.file != main_file:
        out["file"] = step.node.span.file
    out["phase"] = step.phase
    out["text"] = step.text
    if step.test is not None:
        out["test"] = step.test
        out["outcome"] = step.outcome
    if step.note is not None:
        out["note"] = step.note
    out["base"] = step.base
    out["tweaks"] = [
        {"kind": t.kind, "name": t.name, "intensity": t.intensity} for t in step.tweaks
    ]
    out["disadvantaged"] = list(step.disadvantaged)
    out["drive"] = dict(zip(PLANES, step.drive, strict=True))
    out["favorable"] = list(step.favorable)
    out["advantage"] = step.advantage
    return out


def header(checked: Checked) -> dict[str, Any]:
    return {
        "version": TRACE_VERSION,
        "file": checked.program.file,
        "program": checked.title,
        "target": {"side": checked.target_side, "muscle": checked.target_muscle},
        "sports": [{"name": name, "handed": handed} for name, handed in checked.sports.items()],
    }


def document(checked: Checked, steps: Iterable[Step]) -> dict[str, Any]:
    """The whole trace of one run."""
    out = header(checked)
    out["steps"] = [step_dict(step, checked.program.file) for step in steps]
    return out


def write_document(
    checked: Checked, entries: Iterable[dict[str, Any]], write: Callable[[str], object]
) -> None:
    """Write the trace of one run step by step: the header, each entry (a step's dict) as
    it comes, then the closing, so that memory does not grow with the steps. The text is
    exactly `json.dumps(document, ensure_ascii=False, indent=2)` and a newline."""
    head = json.dumps(header(checked), ensure_ascii=False, indent=2)
    write(head[: -len("\n}")] + ',\n  "steps": [')
    separator = "\n    "
    for entry in entries:
        write(separator + json.dumps(entry, ensure_ascii=False, indent=2).replace("\n", "\n    "))
        separator = ",\n    "
    write("]\n}\n" if separator == "\n    " else "\n  ]\n}\n")

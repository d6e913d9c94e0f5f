"""Session report: a session log in; what was tried and how each retest came out, as data.

The question at the plinth is "what works for this patient?". The log holds every answered
retest with the prescription it was answered under, so for each thing that was tried (a
base movement, a tweak, a disadvantage) the report lists the retests it was present for and
their outcomes. Answers taken back are not counted: the log's last word is.
"""

from __future__ import annotations

from typing import Any

from dsl.interpreter import OUTCOMES
from dsl.session_log import Recorded

REPORT_VERSION = 1


def build(recorded: Recorded) -> dict[str, Any]:
    """The report as plain data, ready for `--json` or a table."""
    retests = [s for s in recorded.steps if s.get("op") == "retest"]
    items: dict[tuple[str, str], dict[str, Any]] = {}
    for retest in retests:
        for kind, name, intensity in _present(retest):
            item = items.setdefault(
                (kind, name),
                {
                    "kind": kind,
                    "name": name,
                    "outcomes": dict.fromkeys(OUTCOMES, 0),
                    "retests": [],
                },
            )
            entry = {"n": retest["n"], "test": retest.get("test"), "outcome": retest["outcome"]}
            if intensity is not None and intensity != 100:
                entry["intensity"] = intensity
            item["retests"].append(entry)
            item["outcomes"][retest["outcome"]] += 1
    header = recorded.header
    return {
        "prog_report": REPORT_VERSION,
        "log": recorded.path,
        "program": header.get("program"),
        "title": (header.get("trace") or {}).get("program"),
        "started": header.get("started"),
        "steps": len(recorded.steps),
        "complete": recorded.complete,
        "taken_back": len(recorded.retracted),
        "damaged_lines": recorded.damaged,
        "retests": retests,
        "tried": list(items.values()),
    }


def _present(retest: dict[str, Any]) -> list[tuple[str, str, int | None]]:
    """Everything in force at a retest: its base, each tweak, each disadvantaged motion."""
    present: list[tuple[str, str, int | None]] = []
    if retest.get("base"):
        present.append(("base", retest["base"], None))
    present.extend((t["kind"], t["name"], t.get("intensity")) for t in retest.get("tweaks") or [])
    present.extend(("disadvantage", m, None) for m in retest.get("disadvantaged") or [])
    return present


def label(kind: str, name: str) -> str:
    """How a tried thing reads: `driver right-hand overhead-left`, `disadvantaged adduction`."""
    if kind == "base":
        return name
    if kind == "disadvantage":
        return f"disadvantaged {name}"
    return f"{kind} {name}"


def doing(step: dict[str, Any]) -> str:
    """The prescription of a logged step in one line, as `prog run` words it."""
    parts = [step.get("base") or "no base movement yet"]
    for tweak in step.get("tweaks") or []:
        intensity = tweak.get("intensity", 100)
        parts.append(
            f"{tweak['kind']} {tweak['name']}" + (f" at {intensity}%" if intensity != 100 else "")
        )
    return " + ".join(parts)

"""Session report: a session log in; what was tried and how each retest came out, as data.

The question at the plinth is "what works for this patient?". The method answers it by
re-testing after each change ("what works is important to know"), so each retest's outcome
is credited to the change made since the previous retest (spec §12), not to everything in
force at the time: drivers applied before the previous retest were judged by that retest.

A change is a new base movement, a tweak added or replaced, a tweak tapered to a new
intensity or taken away, a motion disadvantaged or restored. Undo steps that come right
after a retest (a `try` dropping an alternative that was not better, or an `undo` typed after
a poor retest) belong to that retest's verdict, so they are not credited to the next one.
Answers taken back are not counted: the log's last word is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dsl.interpreter import OUTCOMES
from dsl.session_log import Recorded

REPORT_VERSION = 2

CREDIT = "each retest's outcome is credited to the change made since the previous retest"

Prescription = dict[tuple[str, str], int | None]  # (kind, name) -> intensity (None: no intensity)


def build(recorded: Recorded) -> dict[str, Any]:
    """The report as plain data, ready for `--json` or a table."""
    retests: list[dict[str, Any]] = []
    items: dict[tuple[str, str], dict[str, Any]] = {}
    for retest, changes in credited(recorded.steps):
        retests.append({**retest, "changed": [label(c["kind"], c["name"], c) for c in changes]})
        for change in changes:
            item = items.setdefault(
                (change["kind"], change["name"]),
                {
                    "kind": change["kind"],
                    "name": change["name"],
                    "outcomes": dict.fromkeys(OUTCOMES, 0),
                    "retests": [],
                },
            )
            entry = {"n": retest["n"], "test": retest.get("test"), "outcome": retest["outcome"]}
            intensity = change.get("intensity")
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
        "credit": CREDIT,
        "retests": retests,
        "tried": list(items.values()),
    }


def credited(
    steps: Sequence[dict[str, Any]],
) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Each retest step with the changes its outcome is credited to (see the module's docs).

    Tweaks and disadvantages count as they stand at the retest against the previous one;
    every base movement done since the previous retest counts (three pivots, then a retest,
    credit all three).
    """
    out: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []
    baseline: Prescription = {}
    bases: list[str] = []  # base movements done since the previous retest, in order
    settling = False  # just after a retest: undo steps still belong to its verdict
    for step in steps:
        now = _prescription(step)
        if settling and step.get("op") == "undo":
            baseline = now
            continue
        settling = False
        base = step.get("base")
        if base and ("base", base) not in baseline and base not in bases:
            bases.append(base)
        if step.get("op") == "retest":
            done = [{"kind": "base", "name": b, "intensity": None} for b in bases]
            out.append((step, done + _changes(baseline, now)))
            baseline, bases, settling = now, [], True
    return out


def _prescription(step: dict[str, Any]) -> Prescription:
    """What a step prescribes: its base, each tweak at its intensity, each disadvantage."""
    out: Prescription = {}
    if step.get("base"):
        out["base", step["base"]] = None
    for tweak in step.get("tweaks") or []:
        out[tweak["kind"], tweak["name"]] = tweak.get("intensity", 100)
    for motion in step.get("disadvantaged") or []:
        out["disadvantage", motion] = None
    return out


def _changes(before: Prescription, after: Prescription) -> list[dict[str, Any]]:
    """What is new or different in `after`, then what was taken away, as credited changes."""
    out: list[dict[str, Any]] = []
    for (kind, name), intensity in after.items():
        if kind == "base":
            continue  # counted step by step by `credited`
        if (kind, name) not in before:
            out.append({"kind": kind, "name": name, "intensity": intensity})
        elif before[kind, name] != intensity:
            out.append({"kind": kind, "name": name, "intensity": intensity, "tapered": True})
    for kind, name in before:
        if (kind, name) not in after and kind != "base":  # a new base already says it
            taken = "restored" if kind == "disadvantage" else "took away"
            out.append({"kind": taken, "name": name if taken == "restored" else f"{kind} {name}"})
    return out


def label(kind: str, name: str, change: dict[str, Any] | None = None) -> str:
    """How a tried thing reads: `driver right-hand overhead-left`, `disadvantaged adduction`,
    `took away foot right narrow`; a `change` at a tapered intensity adds `at 33%`."""
    if kind == "base":
        text = name
    elif kind == "disadvantage":
        text = f"disadvantaged {name}"
    else:
        text = f"{kind} {name}"
    intensity = (change or {}).get("intensity")
    if intensity is not None and intensity != 100:
        text += f" at {intensity}%"
    return text

"""A checked program, the steps of one run of it and its session log (if any) in; what the
exporters (FHIR, CSV) write from, out.

The steps are `prog run`'s, or with a session log the session's own (`session.session_steps`,
the one replay the handout shares). The exercises come from `home.home_program`, prog's one
definition of an exercise, so the exports number them as the patient's handout does. What
is the exporters' own is here: an identity for the program (and session), so the same input
always gives the same output, and which retests the session answered and when.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from dsl.checker import Checked
from dsl.interpreter import Step
from dsl.outputs.home import HomeProgram, home_program
from dsl.session_log import Recorded


@dataclass(frozen=True)
class Course:
    """The steps of one program, its home program, and what the session (if any) recorded."""

    checked: Checked
    steps: list[Step]
    home: HomeProgram
    identity: str  # hex digest of the program's text and includes (and the session's)
    session: Recorded | None

    @property
    def file(self) -> str:
        return self.checked.program.file

    def answered(self, step: Step) -> bool:
        """True for a retest the session answered (never without a session)."""
        return step.n in self._answered

    @cached_property
    def _answered(self) -> frozenset[int]:
        """The steps the session answered: looked up once per step of an export."""
        return frozenset(n for n, _ in self.session.answers) if self.session else frozenset()

    def at(self, step: Step) -> str | None:
        """When the session dealt with `step`, from the log."""
        return self.session.times.get(step.n) if self.session else None


def course(
    checked: Checked, steps: list[Step], fingerprint: dict[str, Any], session: Recorded | None
) -> Course:
    """The course of `steps` (a run of `checked`, or the session's replay).

    `fingerprint` is `session_log.fingerprint` of the program: the hashes that identify it.
    """
    home = home_program(checked, steps)
    return Course(checked, steps, home, _identity(fingerprint, session), session)


def _identity(fingerprint: dict[str, Any], session: Recorded | None) -> str:
    """A digest that changes with the program's text, its includes, and the session."""
    parts: dict[str, Any] = {
        "sha256": fingerprint.get("sha256"),
        "includes": sorted(str(item.get("sha256")) for item in fingerprint.get("includes") or []),
    }
    if session is not None:
        parts["session"] = {"started": session.header.get("started"), "answers": session.answers}
    text = json.dumps(parts, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

"""Step view: steps, messages and session reports in; rich text on the terminal out.

The screen side of `prog step` and `prog report`. Input is read a line at a time from
standard input, so a session works the same on any terminal and from a pipe; from a pipe the
line read is echoed after its prompt, so the transcript shows what was answered.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from rich.measure import Measurement
from rich.segment import Segments
from rich.table import Table
from rich.text import Text

from dsl import render
from dsl.interpreter import OUTCOMES, Step
from dsl.nodes import unplaced_after
from dsl.session_report import label

MESSAGE_STYLE = {"info": "", "hint": "yellow", "warning": "bold yellow"}


class Terminal:
    """The `Screen` of a real session: the shared console out, standard input in."""

    def __init__(self, orphaned: list[tuple[int, str]] | None = None) -> None:
        self.out = render.console()
        self.orphaned = orphaned or []  # unindented phases (`nodes.unindented_phases`)
        self.echo = not sys.stdin.isatty()
        self._phase: object = object()  # no phase shown yet (None is "no phase")
        self._mid_line = False  # a prompt is waiting for its line (Ctrl-C can leave it so)

    def show(self, step: Step, changed: Sequence[str]) -> None:
        if step.phase != self._phase:
            self._phase = step.phase
            self.out.print(render.phase_heading(step.phase))
            after = unplaced_after(self.orphaned, step.node.span.line)
            if step.phase is None and after:
                self.out.print(render.unplaced_note(after))
        render.print_hanging(self.out, render.step(step, changed))
        if step.note is not None:
            self.out.print(Text("      note: ", style="dim") + Text(step.note, style="italic"))
        if step.in_try and step.op not in ("retest", "undo"):
            self.out.print(Text("      try: kept only if the retest is better", style="dim"))

    def read(self, prompt: str) -> str | None:
        self.out.print(Text(prompt, style="bold cyan"), end="")
        self.out.file.flush()
        self._mid_line = True
        line = sys.stdin.readline()
        self._mid_line = False
        if self.echo or not line:
            self.out.print(line.rstrip("\r\n"), markup=False)
        return line.rstrip("\r\n") if line else None

    def say(self, text: str, kind: str = "info") -> None:
        if self._mid_line:
            self.out.print()
            self._mid_line = False
        self.out.print(Text(text, style=MESSAGE_STYLE.get(kind, "")))


def report(data: dict[str, Any]) -> None:
    """`prog report` for people: the session in one line, the retests, then what works."""
    out = render.console()
    title = data.get("title") or "(untitled program)"
    state = "complete" if data["complete"] else "not finished"
    line = Text()
    line.append(title, style="bold")
    line.append(f" — {data.get('program')} — started {data.get('started')} — ")
    line.append(f"{data['steps']} steps, {state}")
    if data["taken_back"]:
        line.append(f", {data['taken_back']} answer(s) taken back")
    out.print(line)
    if data["damaged_lines"]:
        lines = ", ".join(str(n) for n in data["damaged_lines"])
        out.print(Text(f"skipped damaged line(s) {lines} of the log", style="yellow"))
    if not data["retests"]:
        out.print("No retest was answered in this session.")
        return
    out.print(Text(f"Credit: {data['credit']}, as the method asks.", style="dim"))
    for table in (_retests(data["retests"]), _tried(data["tried"])):
        out.print(table if out.is_terminal else _unwrapped(table))


def _unwrapped(table: Table) -> Segments:
    """The table at its natural width: piped output keeps one row per line, like the rest."""
    out = render.console()
    width = Measurement.get(out, out.options.update_width(10_000), table).maximum
    return Segments(out.render(table, out.options.update_width(width)))


def _outcome(word: str) -> Text:
    return Text(word, style=render.OUTCOME_STYLE.get(word, ""))


def _retests(retests: list[dict[str, Any]]) -> Table:
    """One row per retest: the short columns keep their words whole, the change wraps."""
    table = Table(title="Retests", title_justify="left", show_edge=False)
    table.add_column("step", justify="right", no_wrap=True)
    for column in ("phase", "test", "outcome"):
        table.add_column(column, no_wrap=True)
    table.add_column("changed since the previous retest (credited)", ratio=1)
    for r in retests:
        table.add_row(
            str(r["n"]),
            r.get("phase") or "",
            r.get("test") or "",
            _outcome(r["outcome"]),
            ", ".join(r["changed"]) or "nothing",
        )
    return table


def _tried(items: list[dict[str, Any]]) -> Table:
    table = Table(title="What works", title_justify="left", show_edge=False)
    table.add_column("tried", ratio=1)
    for outcome in OUTCOMES:
        table.add_column(outcome, justify="right", style=render.OUTCOME_STYLE[outcome])
    table.add_column("credited retests (step outcome)", ratio=1)
    for item in items:
        retests = Text(", ").join(
            Text(f"#{r['n']} ")
            + _outcome(r["outcome"])
            + Text(f" at {r['intensity']}%" if "intensity" in r else "")
            for r in item["retests"]
        )
        counts = [str(item["outcomes"][o]) for o in OUTCOMES]
        table.add_row(label(item["kind"], item["name"]), *counts, retests)
    return table

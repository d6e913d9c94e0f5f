"""What each command does, between the CLI's arguments and the renderers.

Kept apart from `cli.py` so the click layer stays thin and these can be imported lazily.
Each function returns the process exit code.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from dsl import messages, step_text
from dsl.api import Loaded, load_path, run
from dsl.diagnostics import ERROR, Diagnostic
from dsl.nodes import unindented_phases, unplaced_after
from dsl.source import Unreadable
from dsl.trace import step_dict, write_document

if TYPE_CHECKING:
    from dsl.checker import Checked
    from dsl.interpreter import Step
    from dsl.outputs.words import StepWords

EXIT_CLEAN, EXIT_FINDINGS, EXIT_FAILURE = 0, 1, 2


def load_or_fail(name: str) -> Loaded | None:
    """Load one file; an unreadable one is reported on stderr and gives None."""
    try:
        return load_path(name)
    except Unreadable as error:
        print(f"prog: cannot read {error}", file=sys.stderr)
        return None


def sources_for(loaded: Loaded) -> messages.SourceLines:
    lines = messages.SourceLines()
    if loaded.source is not None:
        lines.add(loaded.source.name, loaded.source.text)
    return lines


def errors_of(loaded: Loaded) -> list[Diagnostic]:
    return [d for d in loaded.diagnostics if d.severity == ERROR]


def load_runnable(name: str) -> tuple[Loaded | None, int]:
    """A program ready to run: (loaded, 0); or (None, exit code) once an unreadable file or
    the program's errors have been reported on stderr."""
    loaded = load_or_fail(name)
    if loaded is None:
        return None, EXIT_FAILURE
    errors = errors_of(loaded)
    if errors or loaded.checked is None or loaded.source is None:
        messages.diagnostics(errors, sources_for(loaded), stderr=True)
        return None, EXIT_FINDINGS
    return loaded, EXIT_CLEAN


def run_command(file: str, outcomes: list[str], as_json: bool, chart: bool = False) -> int:
    loaded, code = load_runnable(file)
    if loaded is None or loaded.checked is None:
        return code
    from dsl.outputs.words import each_step_words

    checked = loaded.checked
    retests = 0
    if as_json:

        def entries() -> Iterator[dict[str, object]]:
            nonlocal retests
            for step, said in each_step_words(checked, run(checked, outcomes)):
                retests += step.op == "retest"
                yield {**step_dict(step, checked.program.file), **said.trace_keys()}

        with messages.chunked(sys.stdout) as write:
            write_document(checked, entries(), write)
        _warn_unused(outcomes, retests)
        return EXIT_CLEAN
    with messages.chunked(sys.stdout) as write:
        out = _PlainOut(write) if _plain(sys.stdout) else _RichOut()
        retests = _show_run(out, checked, outcomes, chart)
    _warn_unused(outcomes, retests)
    return EXIT_CLEAN


def _show_run(out: _PlainOut | _RichOut, checked: Checked, outcomes: list[str], chart: bool) -> int:
    """The run's heading, each step as it comes, and the chart; how many retests ran."""
    from dsl.outputs.words import each_step_words

    show = out.show
    retests = 0
    show(
        step_text.heading(
            checked.title, f"{checked.target_side} {checked.target_muscle}", checked.sports
        )
    )
    kept: list[Step] = []  # only for the chart: the steps are otherwise written as they come
    phase: object = object()
    orphaned = unindented_phases(checked.program.statements)
    ran = False
    for step, said in each_step_words(checked, run(checked, outcomes)):
        ran = True
        if step.phase != phase:
            phase = step.phase
            show(step_text.phase_heading(step.phase))
            after = unplaced_after(orphaned, step.node.span.line)
            if step.phase is None and after:
                show(step_text.unplaced_note(after))
        out.step(step, said)
        retests += step.op == "retest"
        if chart:
            kept.append(step)
    if not ran:
        show([(NOTHING_TO_RUN, "yellow")])
    if chart:
        from dsl.outputs.chart import drive_blocks

        show(step_text.chart_heading())
        show([(drive_blocks(kept), "")])
    return retests


NOTHING_TO_RUN = "Nothing to run: this file has no movement statement (see `prog explain P110`)."


def _plain(stream: object) -> bool:
    """Whether `prog run` writes plain text: stdout is not a terminal (a pipe, a file) and
    colour is not forced."""
    isatty = getattr(stream, "isatty", None)
    return not os.environ.get("FORCE_COLOR") and not (isatty is not None and isatty())


class _PlainOut:
    """A run as plain text, as rich lays it out on a pipe (never wrapped), with no spaces
    left at a line's end, without rich."""

    def __init__(self, write: Callable[[str], None]) -> None:
        self.write = write

    def show(self, segments: messages.Segments) -> None:
        self.text(messages.plain(segments))

    def step(self, step: Step, said: StepWords) -> None:
        self.text(step_text.step_plain(step, said))

    def text(self, text: str) -> None:
        if text.endswith(" ") or " \n" in text:
            text = "\n".join(line.rstrip(" ") for line in text.split("\n"))
        self.write(text + "\n")


class _RichOut:
    """A run through rich, in colour on a terminal; a step's lines wrap under where their
    content starts (`render.print_hanging`)."""

    def __init__(self) -> None:
        from rich.text import Text

        from dsl import render

        self.console = render.console()
        self.assemble = Text.assemble
        self.print_hanging = render.print_hanging

    def show(self, segments: messages.Segments) -> None:
        self.console.print(self.assemble(*segments))

    def step(self, step: Step, said: StepWords) -> None:
        self.print_hanging(self.console, self.assemble(*step_text.step(step, said=said)))


def _warn_unused(outcomes: list[str], retests: int) -> None:
    """More `--outcomes` than the run has retests: the list was likely written for another
    version of the program, so say which answers went unused (on stderr; the run stands)."""
    if len(outcomes) <= retests:
        return
    unused = outcomes[retests:]
    print(
        f"prog: warning: {len(outcomes)} outcomes were given but the program has "
        f"{retests} retest{'s' if retests != 1 else ''}; the last {len(unused)} "
        f"({', '.join(unused)}) were not used. Was the list written for another version "
        "of the program?",
        file=sys.stderr,
    )


def check_command(files: list[str]) -> int:
    from dsl.lint.engine import plugin_failures
    from dsl.registry import installed

    counts: Counter[str] = Counter()
    unreadable = 0
    broken = plugin_failures(installed())  # a plugin that failed to load: on the run
    messages.diagnostics(broken, messages.SourceLines(), stderr=False)
    counts.update(d.severity for d in broken)
    for name in files:
        loaded = load_or_fail(name)
        if loaded is None:
            unreadable += 1
            continue
        found = [d for d in loaded.diagnostics if d.code.startswith("P0")]
        messages.diagnostics(found, sources_for(loaded), stderr=False)
        counts.update(d.severity for d in found)
    messages.summary(counts, len(files), unreadable=unreadable)
    if unreadable:
        return EXIT_FAILURE
    return EXIT_FINDINGS if counts else EXIT_CLEAN


def plugins_command(as_json: bool) -> int:
    """Every plugin found, its version and state (ok, failed, disabled) and why; exit 1 when
    one the project uses failed to load."""
    from dsl import render
    from dsl.catalog import report_dict
    from dsl.registry import installed

    reports = installed().reports
    if as_json:
        sys.stdout.write(json.dumps([report_dict(r) for r in reports], indent=2) + "\n")
    else:
        render.console().print(render.plugins_table(reports))
    return EXIT_FINDINGS if any(r.status == "failed" for r in reports) else EXIT_CLEAN


def vocab_command(sport: str | None, as_json: bool) -> int:
    """The vocabulary in force: the core's words, and every sport's (or one sport's)."""
    from dsl import catalog, render
    from dsl.diagnostics import closest
    from dsl.registry import installed

    registry = installed()
    known = list(registry.vocabulary.sports)
    if sport is not None and sport.lower() not in known:
        guess = closest(sport.lower(), known)
        hint = f"; did you mean `{guess}`?" if guess else ""
        print(
            f"prog: no sport `{sport}` is installed{hint} (installed: "
            f"{', '.join(known) or 'none'})",
            file=sys.stderr,
        )
        return EXIT_FAILURE
    sports = [sport.lower()] if sport is not None else known
    if as_json:
        sys.stdout.write(json.dumps(catalog.as_json(registry, sports), indent=2) + "\n")
        return EXIT_CLEAN
    out = render.console()
    out.print(render.vocab_table(list(catalog.items(registry, sports))))
    out.print(render.muscles_line(registry.vocabulary.muscles.values()))
    if sports:
        out.print(
            "Sport items are shown for a right-handed player; for a left-handed one, "
            "the right- and left-target columns trade places."
        )
    return EXIT_CLEAN

"""Everything prog does with one file, run the way the commands run it, under a clock.

`survive` is the fuzzers' one question: given these bytes, does every stage (read, parse,
check, lint in every output format, the text renderer, the formatter, the run and its
JSON trace) answer with diagnostics or a trace, without raising and within `LIMIT`
seconds? It returns what it saw, so a test can add its own expectations.

How many examples each fuzzer draws comes from `PROG_FUZZ_EXAMPLES` (default: a handful,
to keep the normal test run fast); `python bench/run.py --fuzz N` sets it for a long run.
"""

from __future__ import annotations

import io
import json
import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from hypothesis import HealthCheck, settings
from rich.console import Console
from rich.text import Text

from dsl import messages, render
from dsl.api import Loaded, load_source, run
from dsl.diagnostics import ERROR, Diagnostic
from dsl.explain import everything
from dsl.formatter import format_program, shape
from dsl.lint import formats
from dsl.lint.engine import lint_loaded
from dsl.parser import parse
from dsl.registry import installed
from dsl.source import Source, decode
from dsl.trace import document

EXAMPLES = int(os.environ.get("PROG_FUZZ_EXAMPLES", "15"))
LIMIT = float(os.environ.get("PROG_FUZZ_SECONDS", "10"))
OUTCOMES = ["better", "same", "worse", "same"]

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


class Hang(Exception):
    """The work took longer than the fuzzers allow: a hang, as far as a user can tell."""


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """Raise `Hang` in the block if it runs longer than `seconds` (Unix; elsewhere no-op)."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum: int, frame: Any) -> None:
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Seen:
    """What prog made of one input."""

    loaded: Loaded
    diagnostics: list[Diagnostic]
    trace: dict[str, Any] | None = None
    formatted: str | None = None
    rendered: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == ERROR]


def survive(data: str | bytes, name: str = "fuzz.prog") -> Seen:
    """Put `data` through every stage; fail the test on a raise or a hang."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    with within(LIMIT):
        source, problems = decode(raw, name, None)
        if source is None:
            loaded = Loaded(None, None, None, problems)
        else:
            loaded = load_source(source)
        diagnostics = lint_loaded(loaded)
        seen = Seen(loaded, diagnostics)
        _render(seen, source)
        if loaded.ok and loaded.checked is not None:
            seen.trace = document(loaded.checked, run(loaded.checked, OUTCOMES))
            json.dumps(seen.trace)
        if source is not None and loaded.program is not None and not seen.errors:
            seen.formatted = _format_keeping_meaning(loaded, source)
    _check_answered(seen)
    return seen


def _render(seen: Seen, source: Source | None) -> None:
    """Every way `prog lint` can print the diagnostics."""
    lines = messages.SourceLines()
    if source is not None:
        lines.add(source.name, source.text)
    # As `render.console()` sets it up: lines are never wrapped.
    screen = Console(
        file=io.StringIO(),
        width=render.PIPE_WIDTH,
        soft_wrap=True,
        highlight=False,
        emoji=False,
        color_system=None,
    )
    for item in seen.diagnostics:
        segments = messages.diagnostic(item, lines)
        screen.print(Text.assemble(*segments))
        seen.rendered.append(messages.plain(segments))
        # What a pipe gets is made in one piece, apart from the segments: the same text.
        assert messages.plain_diagnostic(item, lines) == seen.rendered[-1]
    json.loads(formats.as_json(seen.diagnostics))
    formats.as_github(seen.diagnostics)
    json.loads(formats.as_sarif(seen.diagnostics, everything(installed())))


def _format_keeping_meaning(loaded: Loaded, source: Source) -> str:
    assert loaded.program is not None
    formatted = format_program(loaded.program, source.text)
    again, problems = parse(Source(source.name, formatted, None))
    assert not [p for p in problems if p.severity == ERROR], (formatted, problems)
    assert shape(again.statements) == shape(loaded.program.statements), formatted
    return formatted


def _check_answered(seen: Seen) -> None:
    """A runnable program gives a trace; anything else at least one error, each placed."""
    runnable = seen.loaded.checked is not None and not seen.errors
    assert runnable or seen.errors, seen.diagnostics
    for d in seen.diagnostics:
        span = d.span
        assert span.line >= 1 and span.col >= 1, d
        assert (span.end_line, span.end_col) >= (span.line, span.col), d
        assert d.message and d.code, d

"""The façade: a path or a text in; a parsed and checked program with its diagnostics out.

The CLI and library users go through here, so reading, parsing and checking happen in one
order everywhere.

    >>> from dsl.api import load_text, run
    >>> loaded = load_text("pivot frontal; retest")
    >>> [step.drive for step in run(loaded.checked, ["better"])]
    [(0.0, 3.0, 0.0), (0.0, 3.0, 0.0)]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from dsl.checker import Checked, check
from dsl.diagnostics import ERROR, SHOWN_ORDER, Diagnostic
from dsl.interpreter import Step, outcomes_from, steps
from dsl.nodes import Program
from dsl.parser import parse
from dsl.registry import Registry, installed
from dsl.source import STDIN_NAME, Source, decode, read_path
from dsl.step_ceiling import over_ceiling

if TYPE_CHECKING:
    from dsl.reparse import Reusable


@dataclass
class Loaded:
    """One program after reading, parsing and checking. `checked` is None if it never parsed."""

    source: Source | None
    program: Program | None
    checked: Checked | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # What the next text of the same document may reuse of this one's parse (`reparse`):
    # kept only when asked for (an editor's document) and the parse was clean.
    reusable: Reusable | None = None

    @property
    def ok(self) -> bool:
        """True when nothing stops the program from running."""
        return self.checked is not None and not any(d.severity == ERROR for d in self.diagnostics)


def load_source(
    source: Source,
    registry: Registry | None = None,
    root: Path | None = None,
    *,
    keep: bool = False,
    earlier: Reusable | None = None,
) -> Loaded:
    """Parse and check `source`. An editor's document asks to `keep` what the next text
    may reuse of the parse, and gives what the `earlier` text kept (`dsl.reparse`)."""
    ceiling = over_ceiling(source.text, source.name)
    if ceiling is not None:  # refused before parsing: the parse alone would take seconds
        return Loaded(source, Program(source.name, ()), None, [ceiling])
    registry = registry or installed()
    reusable = None
    if keep:
        from dsl.reparse import parse_again  # an editor's: a command parses a text once

        program, diagnostics, reusable = parse_again(source, registry.words, earlier)
    else:
        program, diagnostics = parse(source, registry.words)
    if any(d.code == "P005" for d in diagnostics) and not program.statements:
        return Loaded(source, program, None, diagnostics)
    checked, problems = check(program, registry, root=root)
    found = sorted(diagnostics + problems, key=SHOWN_ORDER)
    return Loaded(source, program, checked, found, reusable)


def load_path(
    name: str, registry: Registry | None = None, *, stdin_name: str = STDIN_NAME
) -> Loaded:
    """Read and check one file (``-``: standard input). Raises `source.Unreadable`."""
    source, problems = read_path(name, stdin_name=stdin_name)
    if source is None:
        return Loaded(None, None, None, problems)
    root = source.path.parent if source.path is not None else Path(".")
    return load_source(source, registry, root)


def load_text(text: str, name: str = STDIN_NAME, registry: Registry | None = None) -> Loaded:
    """Check a program given as text (library use and tests)."""
    return load_data(text.encode("utf-8"), name, registry)


def load_data(data: bytes, name: str = STDIN_NAME, registry: Registry | None = None) -> Loaded:
    """Check a program given as bytes (standard input, read by a caller that keeps them),
    with includes and settings from the working folder."""
    source, problems = decode(data, name, None)
    if source is None:
        return Loaded(None, None, None, problems)
    return load_source(source, registry, Path("."))


def run(checked: Checked, outcomes: list[str] | None = None) -> Iterator[Step]:
    """Step through a checked program with outcomes given in order."""
    return steps(checked, outcomes_from(list(outcomes or [])))

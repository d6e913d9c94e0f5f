"""A document and its analysis: one text (and where it lives) in; positions, ranges, the
loaded program and the lint settings in force out, worked out once per text.

Every service takes a `Document`. Its analysis (read → parse → check, and the settings of
the nearest `[tool.prog]`) is done on first use and kept on the value, so a request for
completion, hover and fixes on the same text checks it once. Positions are 0-based
`(line, character)` with characters counted in Python `str` code points; a transport
converts (the language server from UTF-16 through pygls, the studio from JS offsets).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, wraps
from pathlib import Path
from typing import NamedTuple, ParamSpec, TypeVar, cast

from dsl import interpreter
from dsl import nodes as n
from dsl.api import Loaded, load_source
from dsl.interpreter import Step
from dsl.lint.config import CONFIG_FILE, ConfigError, Settings, find_config, load
from dsl.lint.rules import walk
from dsl.plugin_choice import ENVIRONMENT, EVERY, current
from dsl.registry import Registry, chosen_registry
from dsl.reparse import Reusable
from dsl.source import STDIN_NAME, decode

MAX_HOVER_STEPS = 20_000  # past this, hover leaves out the drive rather than run every step
P = ParamSpec("P")
T = TypeVar("T")


class Position(NamedTuple):
    """0-based line and character (a Python `str` index into that line)."""

    line: int
    character: int


class Range(NamedTuple):
    """From `start` to `end`, end exclusive."""

    start: Position
    end: Position

    def contains(self, position: Position) -> bool:
        """Whether `position` is inside, or touches the end (where a cursor after a word is)."""
        return self.start <= position <= self.end

    def overlaps(self, other: Range) -> bool:
        return self.start <= other.end and other.start <= self.end


class TextEdit(NamedTuple):
    """Replace the text in `range` by `new_text` (an empty range inserts)."""

    range: Range
    new_text: str


@dataclass(frozen=True, eq=False)
class Document:
    """One program text. `path` is its file, when it has one: includes are resolved from its
    folder and `[tool.prog]` settings from the nearest `pyproject.toml` above it. Without a
    path the text is treated as `prog lint -` treats standard input.

    `registry` and `settings` are for tests and for callers that already hold them; by
    default the plugins the project chose (loaded once per process) and the settings found
    from `path` are used.
    """

    text: str
    path: str | None = None
    registry: Registry | None = field(default=None, repr=False)
    settings: Settings | None = field(default=None, repr=False)
    # What the document's text before this edit kept of its parse: the blocks that did not
    # change are not parsed again (`dsl.reparse`). Give `earlier.loaded.reusable`.
    earlier: Reusable | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        """What diagnostics name the file by: its absolute path, or `<stdin>`."""
        return os.path.abspath(self.path) if self.path else STDIN_NAME

    @cached_property
    def lines(self) -> list[str]:
        """The text's lines, as an editor counts them (`\\r\\n` and `\\n` end a line)."""
        return self.text.replace("\r\n", "\n").split("\n")

    @cached_property
    def vocabulary_registry(self) -> Registry:
        """The plugins in force: given, or those the project chose (`[tool.prog] plugins`
        nearest the file, or `PROG_PLUGINS`), as `prog lint` run in the file's folder has."""
        if self.registry is not None:
            return self.registry
        return _registry_in(*self._place, os.environ.get(ENVIRONMENT))

    @cached_property
    def lint_settings(self) -> Settings:
        """The settings in force: given, or from the `pyproject.toml` nearest the file (for
        an unsaved buffer, nearest the working folder, as `prog lint -` reads them)."""
        if self.settings is not None:
            return self.settings
        return _settings_in(*self._place)

    @cached_property
    def _place(self) -> tuple[str, Stamps]:
        """The folder the settings and the plugin choice are found from, with the stamps of
        the `pyproject.toml` files above it: taken once per text, for both."""
        folder = os.path.dirname(self.name) if self.path else os.getcwd()
        return folder, _stamps(folder)

    @cached_property
    def loaded(self) -> Loaded:
        """The text read, parsed and checked, as `prog lint` loads a file."""
        source, problems = decode(self.text.encode("utf-8", "surrogatepass"), self.name, None)
        if source is None:
            return Loaded(None, None, None, problems)
        path = Path(self.name) if self.path else None
        source = type(source)(source.name, source.text, path)
        root = path.parent if path is not None else Path(".")
        return load_source(source, self.vocabulary_registry, root, keep=True, earlier=self.earlier)

    @property
    def program(self) -> n.Program | None:
        return self.loaded.program

    @cached_property
    def drives(self) -> dict[n.Statement, Step]:
        """The last step each statement of a runnable program makes, every retest taken as
        better (as the linter runs it); empty for a program with errors or too long to run
        on a keystroke."""
        checked = self.loaded.checked
        if checked is None or not self.loaded.ok or checked.max_steps > MAX_HOVER_STEPS:
            return {}
        return {step.node: step for step in interpreter.steps(checked, lambda _: "better")}

    @cached_property
    def bom(self) -> int:
        """1 when the text starts with a byte-order mark, which reading drops from line 1."""
        return 1 if self.text.startswith("\ufeff") else 0

    def span_range(self, span: n.Span) -> Range:
        """A core `Span` (1-based, end exclusive) as a 0-based `Range` in this text."""
        start_shift = self.bom if span.line == 1 else 0
        end_shift = self.bom if span.end_line == 1 else 0
        return Range(
            Position(max(span.line - 1, 0), max(span.col - 1 + start_shift, 0)),
            Position(max(span.end_line - 1, 0), max(span.end_col - 1 + end_shift, 0)),
        )

    def whole(self) -> Range:
        """The range of the whole text."""
        lines = self.lines
        return Range(Position(0, 0), Position(len(lines) - 1, len(lines[-1])))

    def line(self, number: int) -> str:
        """Line `number` (0-based), or "" past the end."""
        return self.lines[number] if 0 <= number < len(self.lines) else ""

    def slice(self, range_: Range) -> str:
        """The text inside `range_` on its first line (every range a fix reads is one line)."""
        if range_.start.line != range_.end.line:
            return ""
        return self.line(range_.start.line)[range_.start.character : range_.end.character]

    def owns(self, span: n.Span) -> bool:
        """Whether `span` is in this text rather than in an included file."""
        return span.file == self.name


Stamps = tuple[tuple[str, int, int], ...]


def _stamps(folder: str) -> Stamps:
    """Each `pyproject.toml` at or above `folder`, with its modification time and size:
    what the settings and the plugin choice in force there are read from. One `stat` per
    folder, so a keystroke learns whether they changed without reading or parsing any."""
    found = []
    start = Path(folder).resolve()
    for place in (start, *start.parents):
        try:
            stat = (place / CONFIG_FILE).stat()
        except OSError:
            continue
        found.append((str(place), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


@lru_cache(maxsize=64)
def _settings_in(folder: str, stamps: Stamps) -> Settings:
    """The `[tool.prog]` settings for a file in `folder`, read again only when a
    `pyproject.toml` above it changed (its `stamps` differ)."""
    try:
        return load(find_config(Path(folder)))
    except (OSError, ConfigError):
        return Settings()  # `prog lint` says what is wrong with it; the editor goes on


@lru_cache(maxsize=64)
def _registry_in(folder: str, stamps: Stamps, chosen: str | None) -> Registry:
    """The registry of the plugins chosen for files in `folder`, the choice read again only
    when a `pyproject.toml` above it changed; each choice's plugins are loaded once per
    process, whichever folder asks."""
    try:
        choice = current(Path(folder), chosen)
    except (OSError, ConfigError):
        choice = EVERY  # `prog lint` says what is wrong with the settings
    return chosen_registry(choice)


def never_raises(
    default: Callable[[], object], on_error: Callable[[str, BaseException], None] | None = None
) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """A function that answers `default()` instead of raising, whatever the text holds
    (`on_error`, if given, hears of the failure: its function's name and the exception).

    An editor asks on every keystroke; a half-typed, hostile or enormous text must get an
    empty answer, never an exception that takes the transport down with it.
    """

    def wrap(function: Callable[P, T]) -> Callable[P, T]:
        @wraps(function)
        def safe(*args: P.args, **kwargs: P.kwargs) -> T:
            try:
                return function(*args, **kwargs)
            except (Exception, RecursionError) as error:
                if on_error is not None:
                    on_error(function.__name__, error)
                return cast(T, default())

        return safe

    return wrap


def statements(program: n.Program | None) -> list[n.Statement]:
    """Every statement of `program`, blocks before their bodies, in source order."""
    return list(walk(program.statements)) if program is not None else []

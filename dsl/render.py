"""Rendering for people: steps, headings and tables in; rich text on a console out.

With the CLI, the module that knows rich (`messages` writes diagnostics, and comes here
only for colour). One `Console` for stdout and one for
stderr; colour only on a terminal and never with NO_COLOR (rich honours both).

On a terminal rich measures its width and wraps every line between words, so a number such
as `+2.00` or a word such as `with` is never split across lines by the terminal. Piped, lines
are not wrapped, so output stays one record per line, and no line ends in padding spaces.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import IO, TYPE_CHECKING, cast

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from dsl import step_text
from dsl.hip import Effect
from dsl.interpreter import Step

if TYPE_CHECKING:
    from dsl.catalog import Item
    from dsl.outputs.words import StepWords
    from dsl.registry import PluginReport
    from dsl.vocabulary import MuscleEntry

PIPE_WIDTH = 200
OUTCOME_STYLE = step_text.OUTCOME_STYLE


class TrimmedLines:
    """A text stream that drops the spaces at the end of each line written through it.

    Rich pads table cells and aligned text to the width it lays out; on a terminal that is
    invisible, in a file or a pipe it is noise (and breaks `diff`s). A line still open when
    `flush` is called (a prompt waiting for its answer) is written as it is.
    """

    def __init__(self, stderr: bool) -> None:
        self._stderr = stderr
        self._pending = ""

    @property
    def _stream(self) -> IO[str]:
        """The standard stream as it is now (a test runner may have replaced it)."""
        return sys.stderr if self._stderr else sys.stdout

    def write(self, text: str) -> int:
        lines = (self._pending + text).split("\n")
        self._pending = lines.pop()
        if lines:
            self._stream.write("".join(line.rstrip(" ") + "\n" for line in lines))
        return len(text)

    def flush(self) -> None:
        if self._pending:
            self._stream.write(self._pending)
            self._pending = ""
        self._stream.flush()

    def isatty(self) -> bool:
        return False

    @property
    def encoding(self) -> str:
        return getattr(self._stream, "encoding", None) or "utf-8"


@lru_cache(maxsize=2)
def console(stderr: bool = False) -> Console:
    """The console for stdout or stderr.

    On a terminal: as wide as the terminal (rich asks it, or reads COLUMNS), wrapping
    between words. Piped: laid out 200 columns wide and not wrapped, so a table row stays
    whole on one line for whatever reads it, with the padding at line ends trimmed.
    """
    stream = sys.stderr if stderr else sys.stdout
    terminal = stream.isatty()
    # NO_COLOR means plain text: rich alone would drop colours but keep bold and underline.
    plain = bool(os.environ.get("NO_COLOR"))
    width = height = None  # rich measures the terminal at each print (it may be resized)
    if not terminal:
        width = PIPE_WIDTH
    elif os.environ.get("TERM", "").lower() in ("dumb", "unknown"):
        # rich assumes 80 columns on a "dumb" terminal (an editor's shell): ask it instead
        width, height = shutil.get_terminal_size()
    return Console(
        stderr=stderr,
        file=None if terminal else cast(IO[str], TrimmedLines(stderr)),
        highlight=False,
        soft_wrap=not terminal,
        emoji=False,
        width=width,
        height=height,
        color_system=None if plain else "auto",
    )


SEPARATOR = step_text.SEPARATOR
# Where a line's content starts: after its indent and a step number, a `label: `, or a
# diagnostic code and its severity (`P102  warning `).
_HANG = re.compile(r"\s*(?:\d+\s+|[a-z][a-z ]*: |[A-Z]+[0-9]+\s+[a-z]+\s+)?")


def print_hanging(out: Console, text: Text) -> None:
    """Print `text` line by line; on a terminal a line too long for it wraps between words
    and goes on under where its content starts (after `  drive: `, after a step's number).
    A line of items joined by ` · ` (the drive per plane, what changed) breaks between its
    items first, so `transverse +2.00 (internal-rotation)` moves down a line in one piece.
    Piped, `text` is printed as it is, one record per line."""
    if not out.is_terminal:
        out.print(text)
        return
    for line in text.split("\n"):
        match = _HANG.match(line.plain)
        indent = match.end() if match else 0
        if indent == 0 or indent >= out.width // 2 or cell_len(line.plain) <= out.width:
            out.print(line)
            continue
        grid = Table.grid(padding=0)
        grid.add_column(width=indent, no_wrap=True)
        grid.add_column()
        grid.add_row(line[:indent], _items_to_lines(line[indent:], out.width - indent))
        out.print(grid)


def _items_to_lines(content: Text, width: int) -> Text:
    """`content` with a line break before each ` · ` item that would not fit on its line
    (the separator stays at the end of the line it closes); an item wider than `width` is
    left for rich to wrap between its words."""
    starts = [0]
    plain = content.plain
    at = plain.find(SEPARATOR)
    while at != -1:
        starts.append(at + len(SEPARATOR))
        at = plain.find(SEPARATOR, at + 1)
    if len(starts) == 1:
        return content
    ends = [*starts[1:], len(plain)]
    out = Text()
    used = 0
    for start, end in zip(starts, ends, strict=True):
        item = content[start:end]
        size = cell_len(item.plain.rstrip())
        if used and used + size > width:
            out.rstrip()
            out.append("\n")
            used = 0
        out.append_text(item)
        used += cell_len(item.plain)
    return out


def step(s: Step, changed: Sequence[str] | None = None, said: StepWords | None = None) -> Text:
    """One step for a clinician, in colour (the layout is `dsl.step_text.step`'s)."""
    return Text.assemble(*step_text.step(s, changed, said))


def phase_heading(name: str | None) -> Text:
    return Text.assemble(*step_text.phase_heading(name))


def heading(title: str | None, target: str, sports: dict[str, str]) -> Text:
    return Text.assemble(*step_text.heading(title, target, sports))


def plugins_table(reports: Iterable[PluginReport]) -> Table:
    table = Table(title="prog plugins", title_justify="left", show_lines=False)
    for column in ("plugin", "version", "API", "package", "sports", "status", "why"):
        table.add_column(column, overflow="fold")
    for r in reports:
        if r.status == "ok":
            status = Text("ok", style="green")
        elif r.status == "failed":
            status = Text(f"failed {r.code}: {r.problem}", style="bold red")
        else:
            status = Text(r.status, style="dim")
        api = "?" if r.api_version is None else str(r.api_version)
        if r.status == "disabled":
            api = "-"
        table.add_row(r.name, r.version or "-", api, r.package or "?", ", ".join(r.sports),
                      status, r.why)
    if not table.rows:
        table.caption = "no plugins installed"
    return table


def _effect(effect: Effect | None) -> str:
    return "— (not for this side)" if effect is None else effect.describe()


def vocab_table(items: Iterable[Item]) -> Table:
    table = Table(title="vocabulary in force", title_justify="left")
    # The statement wraps between its words at need; the short columns keep theirs whole.
    table.add_column("statement", ratio=1)
    for column in ("from", "right target", "left target"):
        table.add_column(column, no_wrap=True)
    for item in items:
        table.add_row(item.statement, item.owner, _effect(item.right), _effect(item.left))
    return table


def muscles_line(muscles: Iterable[MuscleEntry]) -> Text:
    text = Text("muscles: ", style="bold")
    text.append("; ".join(
        f"{m.name} ({', '.join(motion.name for motion in m.favorable)})" for m in muscles
    ))
    return text


def unplaced_note(phase: str) -> Text:
    """Under `(no phase)`: why steps written after `phase NAME:` are in no phase."""
    return Text.assemble(*step_text.unplaced_note(phase))


def program_text(code: str, indent: str, *, colour: bool) -> Text:
    """A program's text in; the same text indented out, coloured by prog's Pygments lexer
    when `colour` (a terminal without NO_COLOR), plain otherwise. Plain output never
    imports Pygments, so a pipe pays nothing for colours it would not show."""
    code = code.rstrip("\n")
    if not colour:
        lines = code.split("\n")
        return Text("".join(f"{indent}{line}\n" if line.strip() else "\n" for line in lines))
    from rich.syntax import Syntax

    from dsl.highlight.pygments_lexer import ProgLexer

    coloured = Syntax(code, ProgLexer(), theme="ansi_dark").highlight(code)
    out = Text()
    for line in coloured.split("\n", allow_blank=True):
        if line.plain.strip():
            out.append(indent)
            out.append_text(line)
        out.append("\n")
    return out

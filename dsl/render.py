"""Rendering for people: steps, headings and tables in; rich text on a console out.

With the CLI, the module that knows rich (`messages` writes diagnostics, and comes here
only for colour). One `Console` for stdout and one for
stderr; colour only on a terminal and never with NO_COLOR (rich honours both). Lines are
never wrapped, so piped output stays one record per line.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

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


@lru_cache(maxsize=2)
def console(stderr: bool = False) -> Console:
    """The console for stdout or stderr. Piped output is laid out 200 columns wide, so a
    table row stays whole on one line for whatever reads it."""
    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() else PIPE_WIDTH
    # NO_COLOR means plain text: rich alone would drop colours but keep bold and underline.
    plain = bool(os.environ.get("NO_COLOR"))
    return Console(
        stderr=stderr, highlight=False, soft_wrap=True, emoji=False, width=width,
        color_system=None if plain else "auto",
    )


def step(s: Step, changed: Sequence[str] | None = None, said: StepWords | None = None) -> Text:
    """One step for a clinician, in colour (the layout is `dsl.step_text.step`'s)."""
    return Text.assemble(*step_text.step(s, changed, said))


def patient_words(said: StepWords) -> Text:
    """The step as the patient is told it, in colour (`dsl.step_text.patient_words`)."""
    return Text.assemble(*step_text.patient_words(said))


def chart_heading() -> Text:
    return Text.assemble(*step_text.chart_heading())


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
    for column in ("statement", "from", "right target", "left target"):
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

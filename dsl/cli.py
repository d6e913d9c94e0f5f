"""The `prog` command line: arguments in, exit codes out; the work is done elsewhere.

Heavy modules (lark, rich, the plugins) are imported inside the commands that need them,
so `prog --version` costs little more than importing click.

The cyclic garbage collector is paused while this module (with click) is imported, and
what was made by then is frozen: start-up makes objects that live as long as the process,
which a collection would walk again and again and never free. Its passes over them were
a tenth of `prog lint` on one file. The few cycles left over from the imports are kept,
and the collector runs as usual for everything after.
"""

from __future__ import annotations

import gc
import os
import sys

_COLLECTING = gc.isenabled()
gc.disable()

from typing import NoReturn  # noqa: E402

import click  # noqa: E402

from dsl import __version__  # noqa: E402

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_FAILURE = 2

OUTCOME_WORDS = {
    "b": "better",
    "s": "same",
    "w": "worse",
    "better": "better",
    "same": "same",
    "worse": "worse",
}


def fail(message: str) -> NoReturn:
    """Bad usage or an unreadable file: say so on stderr and exit 2."""
    click.echo(f"prog: {message}", err=True)
    sys.exit(EXIT_FAILURE)


def fail_plain(message: str) -> NoReturn:
    """One line on stderr, as it is, and exit 2 (a missing optional part)."""
    click.echo(message, err=True)
    sys.exit(EXIT_FAILURE)


def parse_outcomes(value: str | None) -> list[str]:
    if not value:
        return []
    out = []
    for word in value.split(","):
        key = word.strip().lower()
        if key not in OUTCOME_WORDS:
            raise click.BadParameter(
                f"`{word.strip()}` is not an outcome; use better, same or worse (or b, s, w)",
                param_hint="--outcomes",
            )
        out.append(OUTCOME_WORDS[key])
    return out


def _whole_words() -> None:
    """Make click's help wrap between words only, never at a word's hyphen (`--no-` / `log`,
    `right-` / `hand`): prog's words are hyphenated and must be read, and typed, whole.

    Click has no setting for it; its wrapper is a `textwrap.TextWrapper`, whose
    `wordsep_re` is what splits at hyphens. If a later click moves it, help still works.
    Done when help is first laid out, not at start-up: the wrapper imports textwrap.
    """
    import importlib

    wrapper = getattr(importlib.import_module("click._textwrap"), "TextWrapper", None)
    if wrapper is not None and hasattr(wrapper, "wordsep_simple_re"):
        wrapper.wordsep_re = wrapper.wordsep_simple_re


class _Context(click.Context):
    """A context whose help (and usage) text wraps between whole words only."""

    def make_formatter(self) -> click.HelpFormatter:
        _whole_words()
        return super().make_formatter()


class _Command(click.Command):
    context_class = _Context


class _Group(click.Group):
    """Turns an unexpected exception into one line and exit 2, never a traceback."""

    context_class = _Context
    command_class = _Command
    group_class = type  # a group made with `@main.group()` is one of these too

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("prog: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(EXIT_FAILURE)
        except Exception as error:  # the last line of defence: report, don't trace
            from dsl.lint.config import ConfigError

            if isinstance(error, ConfigError):  # unusable settings, met while loading plugins
                fail(str(error))
            click.echo(f"prog: internal error: {type(error).__name__}: {error}", err=True)
            click.echo("prog: please report this with the file that caused it", err=True)
            sys.exit(EXIT_FAILURE)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Each command with its whole first sentence, wrapped to the terminal, not cut
        short with `...` (click's default limit is what fits on one line)."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=1_000)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="prog")
@click.option(
    "--plugins",
    "chosen",
    metavar="NAMES",
    help="Use only these installed plugins (comma-separated entry-point names; '' for none), "
    "instead of [tool.prog] plugins.",
)
def main(chosen: str | None) -> None:
    """prog: step, check and lint .prog progression programs."""
    if chosen is not None:  # through the environment, so lint's worker processes see it too
        os.environ["PROG_PLUGINS"] = chosen


@main.command()
@click.argument("file")
@click.option("--outcomes", help="Retest outcomes in order: better,same,worse (or b,s,w).")
@click.option("--json", "as_json", is_flag=True, help="Print the trace as JSON on stdout.")
@click.option("--chart", is_flag=True, help="After the steps, chart the drive per plane.")
def run(file: str, outcomes: str | None, as_json: bool, chart: bool) -> None:
    """Step through the whole program FILE and print each step (`-`: standard input)."""
    from dsl.commands import run_command

    if chart and as_json:
        fail("--chart draws for people and --json writes for programs: use one of them")
    sys.exit(run_command(file, parse_outcomes(outcomes), as_json, chart))


@main.command()
@click.argument("file")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["fhir", "csv"], case_sensitive=False),
    required=True,
    help="fhir: an R4 Bundle (JSON); csv: one row per step.",
)
@click.option("--session", metavar="LOG.jsonl", help="A session log of this program (prog step).")
@click.option("--subject", metavar="REF", help="The patient, as a reference: Patient/123.")
@click.option("-o", "--output", "out", metavar="OUT", help="Write to this file, not stdout.")
def export(file: str, fmt: str, session: str | None, subject: str | None, out: str | None) -> None:
    """Export the prescription for other systems: FHIR or CSV."""
    from dsl.export_commands import export_command

    sys.exit(export_command(file, fmt.lower(), session, subject, out))


@main.command()
@click.argument("files", nargs=-1, required=True)
def check(files: tuple[str, ...]) -> None:
    """Check FILES for syntax and meaning only (P0xx)."""
    from dsl.commands import check_command

    sys.exit(check_command(list(files)))


@main.command()
@click.argument("file")
@click.option(
    "--log",
    "log",
    metavar="FILE.jsonl",
    help="Keep the session in this new log (default: a new one in sessions/ beside FILE).",
)
@click.option("--no-log", is_flag=True, help="Keep no record of this session.")
@click.option("--resume", metavar="FILE.jsonl", help="Go on with the session kept in this log.")
@click.option("--force", is_flag=True, help="Resume even though the program has changed.")
def step(file: str, log: str | None, no_log: bool, resume: str | None, force: bool) -> None:
    """Step through FILE with a patient, one step at a time, answering each retest.

    Every session is kept: in a new log in a `sessions` folder beside FILE (or in your data
    folder when that cannot be written), named at the start; --no-log keeps nothing.

    \b
    Keys (then Enter):
      Enter      next step
      b, s, w    at a retest: better, same, worse
      u          take back the last answer and ask that retest again
      q          stop; every answer so far is kept
      ?          these keys again
    """
    from dsl.step_commands import step_command

    sys.exit(step_command(file, log, resume, force, no_log))


@main.command()
@click.argument("log", metavar="FILE.jsonl")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON on stdout.")
def report(log: str, as_json: bool) -> None:
    """What was tried in a `prog step` session and how each retest came out."""
    from dsl.step_commands import report_command

    sys.exit(report_command(log, as_json))


@main.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json", "github", "sarif"]),
    default="text",
    show_default=True,
    help="How to print the diagnostics.",
)
@click.option("--select", multiple=True, metavar="CODES", help="Only these codes or prefixes.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Leave out these codes.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    help="The lowest severity that exits 1 (default from settings, else warning).",
)
@click.option("--stdin-filename", metavar="NAME", help="The name to show for `-` (stdin).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: cores).")
@click.option("--config", "config_path", metavar="FILE", help="Settings from this pyproject.toml.")
@click.option("--isolated", is_flag=True, help="Ignore every pyproject.toml.")
@click.option("--force-exclude", is_flag=True, help="Apply the excludes to files named here too.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the lint cache.")
def lint(paths: tuple[str, ...], **options: object) -> None:
    """Lint PATHS (files, folders searched for .prog, `-` for stdin): every diagnostic.

    Settings come from [tool.prog] in the nearest pyproject.toml; `# noqa: CODE` on a line
    silences that code there. Exit 0 clean, 1 findings, 2 bad usage or unreadable file.
    """
    from dsl.tooling import lint_command

    sys.exit(lint_command(paths, **options))  # type: ignore[arg-type]


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--check", is_flag=True, help="Change nothing; exit 1 if a file would change.")
@click.option("--diff", is_flag=True, help="Print the changes as a diff instead of writing.")
@click.option("--stdin-filename", metavar="NAME", help="The name to show for `-` (stdin).")
@click.option("--config", "config_path", metavar="FILE", help="Excludes from this pyproject.toml.")
@click.option("--isolated", is_flag=True, help="Ignore every pyproject.toml.")
@click.option("--force-exclude", is_flag=True, help="Apply the excludes to files named here too.")
def fmt(paths: tuple[str, ...], **options: object) -> None:
    """Rewrite PATHS in the canonical layout (`-`: stdin to stdout); never changes meaning."""
    from dsl.tooling import fmt_command

    sys.exit(fmt_command(paths, **options))  # type: ignore[arg-type]


@main.command()
@click.argument("code", required=False)
def explain(code: str | None) -> None:
    """What diagnostic CODE means, why it matters and how to fix it (no CODE: list all)."""
    from dsl.tooling import explain_command

    sys.exit(explain_command(code))


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
def plugins(as_json: bool) -> None:
    """The plugins found, their version, API version, package and any load failure."""
    from dsl.commands import plugins_command

    sys.exit(plugins_command(as_json))


@main.command()
@click.option("--sport", help="Show the core's words and this sport's only.")
@click.option("--json", "as_json", is_flag=True, help="Print the vocabulary as JSON.")
def vocab(sport: str | None, as_json: bool) -> None:
    """Every word in force, with its effect on a right and a left target hip."""
    from dsl.commands import vocab_command

    sys.exit(vocab_command(sport, as_json))


@main.command()
@click.argument("file")
@click.option("--session", metavar="LOG.jsonl", help="Make it from this `prog step` session.")
@click.option("-o", "--output", metavar="OUT.html|OUT.pdf", help="Where to write it.")
def handout(file: str, session: str | None, output: str | None) -> None:
    """The patient's printable A4 handout of FILE: HTML, or PDF with `prog[pdf]`.

    Without -o it is FILE's name with .html, in the current folder, never over an existing
    file. With --session it is the home program that came out of that session.
    """
    from dsl.handout_command import handout_command

    sys.exit(handout_command(file, session, output))


@main.group()
def plugin() -> None:
    """Tools for plugin authors."""


@plugin.command("new")
@click.argument("name")
def plugin_new(name: str) -> None:
    """Write a new sport plugin distribution in the folder NAME (never overwrites).

    It has one phase, one direction, one rule, tests with prog's test kit, an example
    program and a README; its tests pass as soon as it is installed.
    """
    from dsl.scaffold.command import new_command

    sys.exit(new_command(name))


LSP_EXTRA = "prog lsp needs the language server extra: pip install 'prog[lsp]'"


@main.command()
def lsp() -> None:
    """A language server for editors, over standard input and output (needs prog[lsp])."""
    try:
        from dsl.lsp.server import serve
    except ImportError as error:
        if (error.name or "").split(".")[0] not in ("pygls", "lsprotocol", "cattrs", "attrs"):
            raise
        fail_plain(LSP_EXTRA)
    serve()


@main.command()
@click.argument("path", default=".")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8765,
    show_default=True,
    help="The port on 127.0.0.1 (0: any free one).",
)
@click.option("--no-browser", is_flag=True, help="Print the address; do not open a browser.")
def studio(path: str, port: int, no_browser: bool) -> None:
    """Open the studio for PATH (a program or a folder): write, see and step programs."""
    try:
        from dsl.studio.server import serve
    except ModuleNotFoundError as missing:
        if (missing.name or "").split(".")[0] not in ("starlette", "uvicorn"):
            raise
        fail_plain("prog studio needs its extra: pip install 'prog[studio]'")
    from dsl.studio.files import Refused

    try:
        sys.exit(serve(path, port, open_browser=not no_browser))
    except Refused as refused:
        fail(str(refused))


# Start-up is over: what it made lives as long as the process (see the module's docstring).
gc.freeze()
if _COLLECTING:
    gc.enable()

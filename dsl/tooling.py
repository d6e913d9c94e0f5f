"""What `prog lint`, `prog fmt` and `prog explain` do, between the CLI's arguments and the
screen. Each function returns the process exit code: 0 clean, 1 findings (or files that
need formatting), 2 bad usage, an unreadable file or an internal failure.

The work itself is done by `dsl.lint` (engine, rules, settings, formats), `dsl.formatter`
and `dsl.explain`; this module only chooses what to print where.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from dsl import messages
from dsl.diagnostics import ERROR, closest
from dsl.lint import config, files, formats
from dsl.lint.config import ConfigError, Settings
from dsl.source import NotText, read_text

if TYPE_CHECKING:
    from dsl.lint.engine import FileReport

EXIT_CLEAN, EXIT_FINDINGS, EXIT_FAILURE = 0, 1, 2


def _complain(message: str) -> None:
    print(f"prog: {message}", file=sys.stderr)


def settings_for(config_path: str | None, isolated: bool) -> Settings:
    """The settings in force: none with `--isolated`, a named file, or the nearest one."""
    if isolated:
        return Settings()
    path = Path(config_path) if config_path else config.find_config(Path.cwd())
    return config.load(path)


def _check_codes(settings: Settings, cli_codes: Sequence[str], known: Sequence[str]) -> str | None:
    """A usage error for a code on the command line that matches nothing prog knows."""
    for code in cli_codes:
        if code != config.ALL and not any(k.startswith(code) for k in known):
            guess = closest(code, known)
            tip = f"; did you mean {guess}?" if guess else ""
            return f"no code starts with `{code}`{tip} (`prog explain` lists them)"
    for code in config.unknown_codes(settings, known):
        if code not in cli_codes:
            _complain(f"warning: the settings name `{code}`, which matches no code prog knows")
    return None


def _targets(
    paths: Sequence[str], settings: Settings, force_exclude: bool
) -> tuple[list[str], bool]:
    """The files to work on (default: the current folder), and whether a path was missing."""
    found = files.discover(paths or ["."], settings, force_exclude=force_exclude)
    for path in found.missing:
        _complain(f"cannot read {path}: no such file or folder")
    if not found.files and not found.missing:
        _complain("warning: no .prog files found")
    return found.files, bool(found.missing)


# --- lint ------------------------------------------------------------------------------


def lint_command(
    paths: Sequence[str],
    *,
    output: str = "text",
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    fail_on: str | None = None,
    stdin_filename: str | None = None,
    jobs: int | None = None,
    config_path: str | None = None,
    isolated: bool = False,
    force_exclude: bool = False,
    no_cache: bool = False,
) -> int:
    from dsl.lint.engine import known_codes, lint_each, required_plugins
    from dsl.listing import Listing
    from dsl.parser import paused_gc
    from dsl.registry import installed

    try:
        settings = settings_for(config_path, isolated)
        cli_select = config.parse_codes(select, "--select")
        cli_ignore = config.parse_codes(ignore, "--ignore")
        if cli_select:
            settings = replace(settings, select=cli_select)
        settings = replace(settings, ignore=settings.ignore + cli_ignore)
        if fail_on is not None:
            settings = replace(settings, fail_on=config.level(fail_on, "--fail-on"))
    except ConfigError as error:
        _complain(str(error))
        return EXIT_FAILURE
    for warning in settings.warnings:
        _complain(f"warning: {warning}")
    registry = installed()
    known = sorted(known_codes(registry))
    problem = _check_codes(settings, [*cli_select, *cli_ignore], known)
    if problem is not None:
        _complain(problem)
        return EXIT_FAILURE

    # What a lint keeps (every diagnostic, the source lines they show) lives to the end and
    # holds no cycles, and a file's work makes none: the cyclic collector would only scan the
    # growing pile again and again (a tenth of `prog lint` on 10,000 files with 200,000
    # findings). It is paused until the output is written.
    with paused_gc():
        names, failed = _targets(paths, settings, force_exclude)
        stdin_name = stdin_filename or "<stdin>"

        def lint(chosen: list[str]) -> Iterator[FileReport]:
            return lint_each(
                chosen, settings, jobs=jobs or os.cpu_count() or 1, stdin_name=stdin_name
            )

        kept = None
        if no_cache:
            reports = lint(names)
        else:
            from dsl.lint import cache

            kept = cache.LintCache.open(
                cache.folder_for(settings), cache.run_key(settings, registry)
            )
            reports = cache.lint_cached(names, kept, lint)

        listing = Listing(required_plugins(settings, registry), text=output == "text")
        unreadable = 0
        for report in reports:  # one at a time: no report is kept, only what will be shown
            if report.failure is not None:
                failed = True
                unreadable += 1
                _complain(report.failure)
            listing.add(report)
        problem = kept.save() if kept is not None else None
        if problem is not None:
            _complain(f"warning: {problem}")
        diagnostics = listing.diagnostics()

        if output == "json":
            sys.stdout.write(formats.as_json(diagnostics))
        elif output == "github":
            sys.stdout.write(formats.as_github(diagnostics))
        elif output == "sarif":
            from dsl.explain import everything

            sys.stdout.write(formats.as_sarif(diagnostics, everything(registry)))
        else:
            listing.write_text()
            counts = Counter(d.severity for d in diagnostics)
            messages.summary(counts, len(names), unreadable=unreadable)
        found = any(settings.fails(d.severity) for d in diagnostics)
        # What the lint kept goes now, by reference counting, while the collector is still
        # paused: leaving the pause with it alive, the first collection walked all of it
        # (a quarter of a second for 200,000 findings) only to find it alive.
        del listing, diagnostics
    if failed:
        return EXIT_FAILURE
    return EXIT_FINDINGS if found else EXIT_CLEAN


# --- fmt -------------------------------------------------------------------------------


def _write(path: str, text: str) -> None:
    """Replace the file's content in one step, keeping its permissions."""
    from dsl.atomic import write_text

    target = os.path.realpath(path)
    mode = os.stat(target).st_mode & 0o7777
    write_text(target, text, prefix=".prog-fmt-", newline="\n", mode=mode)


def _raw_text(path: str, fallback: str) -> str:
    try:
        return read_text(path)
    except (OSError, NotText):
        return fallback


def fmt_command(
    paths: Sequence[str],
    *,
    check: bool = False,
    diff: bool = False,
    stdin_filename: str | None = None,
    config_path: str | None = None,
    isolated: bool = False,
    force_exclude: bool = False,
) -> int:
    import difflib

    from dsl.api import load_data, load_path
    from dsl.formatter import formattable, reformat
    from dsl.source import MAX_BYTES, Unreadable

    try:
        settings = settings_for(config_path, isolated)
    except ConfigError as error:
        _complain(str(error))
        return EXIT_FAILURE
    names, failed = _targets(paths, settings, force_exclude)
    named = {os.path.normpath(path) for path in paths} if not force_exclude else set()
    names = [name for name in names if name in named or not settings.keeps_layout(name)]
    stdin_name = stdin_filename or "<stdin>"
    changed: list[str] = []
    unchanged = 0
    broken: list[str] = []
    for name in names:
        data = None  # standard input's bytes, given back as they came if not formatted
        try:
            if name == files.STDIN:
                data = sys.stdin.buffer.read(MAX_BYTES + 1)
                loaded = load_data(data, stdin_name)
            else:
                loaded = load_path(name)
        except Unreadable as error:
            _complain(f"cannot read {error}")
            failed = True
            continue
        source, program = loaded.source, loaded.program
        errors = [d for d in loaded.diagnostics if d.severity == ERROR]
        if source is None or program is None or not formattable(program, source.text, errors):
            lines = messages.SourceLines()
            if source is not None:
                lines.add(source.name, source.text)
            messages.diagnostics(errors, lines, stderr=True)
            broken.append(loaded.source.name if loaded.source else name)
            _echo(data, check or diff)
            continue
        formatted = reformat(program, source.text)
        if formatted is None:
            _complain(
                f"internal error: formatting {source.name} would change what it means; "
                "it is left as it was (please report this with the file)"
            )
            _echo(data, check or diff)
            failed = True
            continue
        original = source.text if name == files.STDIN else _raw_text(name, source.text)
        if name == files.STDIN and not (check or diff):
            sys.stdout.write(formatted)
        if formatted == original:
            unchanged += 1
            continue
        changed.append(source.name)
        if diff:
            sys.stdout.writelines(
                difflib.unified_diff(
                    original.splitlines(keepends=True),
                    formatted.splitlines(keepends=True),
                    fromfile=source.name,
                    tofile=source.name,
                )
            )
        if check and not diff:
            print(f"would reformat {source.name}", file=sys.stderr)
        if not (check or diff) and name != files.STDIN:
            _write(name, formatted)
    _fmt_summary(changed, unchanged, broken, dry=check or diff)
    if failed:
        return EXIT_FAILURE
    if broken or ((check or diff) and changed):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _echo(data: bytes | None, dry: bool) -> None:
    """Standard input that cannot be formatted goes back out as it came, byte for byte
    (the rest of an input too large to read is passed through): an editor that pipes a
    buffer through `prog fmt -` (Vim's `:%!prog fmt -`) must not lose it."""
    if data is None or dry:
        return
    import shutil

    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    shutil.copyfileobj(sys.stdin.buffer, sys.stdout.buffer)
    sys.stdout.buffer.flush()


def _count(number: int, noun: str = "file") -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _fmt_summary(changed: list[str], unchanged: int, broken: list[str], *, dry: bool) -> None:
    parts = []
    if changed:
        parts.append(f"{_count(len(changed))} {'would be reformatted' if dry else 'reformatted'}")
    if unchanged:
        parts.append(f"{_count(unchanged)} {'already formatted' if dry else 'left unchanged'}")
    if broken:
        parts.append(f"{_count(len(broken))} not formatted because of errors")
    if parts:
        print(", ".join(parts) + ".", file=sys.stderr)


# --- explain ---------------------------------------------------------------------------

PIPED_WIDTH = 80  # explain is prose: piped (to a file, to `less`) it reads at 80 columns


def explain_command(code: str | None) -> int:
    from rich.text import Text

    from dsl import render
    from dsl.explain import everything
    from dsl.registry import installed

    known = everything(installed())
    out = render.console()
    if code is None:
        for entry in known.values():
            line = Text()
            line.append(f"{entry.code}  ", style="bold")
            severity = messages.SEVERITY_STYLE.get(entry.severity, "")
            line.append(f"{entry.severity:<8}", style=severity)
            line.append(entry.title)
            if entry.owner != "core":
                line.append(f"  ({entry.owner})", style="dim")
            render.print_hanging(out, line)
        return EXIT_CLEAN
    item = known.get(code.strip().upper())
    if item is None:
        guess = closest(code.strip().upper(), known)
        tip = f"; did you mean {guess}?" if guess else ""
        _complain(f"no code `{code}`{tip} (`prog explain` lists every code)")
        return EXIT_FAILURE
    from rich.padding import Padding

    width = None if out.is_terminal else PIPED_WIDTH  # on a terminal: as wide as it is
    text = Text()
    text.append(f"{item.code} ", style="bold")
    text.append(item.severity, style=messages.SEVERITY_STYLE.get(item.severity, ""))
    text.append(f": {item.title}", style="bold")
    if item.owner != "core":
        text.append(f"  (from the {item.owner} plugin)", style="dim")
    out.print(text)
    sections = [("What it means", item.meaning), ("Why it matters", item.why)]
    if item.fix:
        sections.append(("How to fix it", item.fix))
    for title, body in sections:
        if body and not (title == "What it means" and body == item.title):
            out.print(Text(f"\n{title}", style="bold underline"))
            for number, part in enumerate(p for p in body.split("\n\n") if p.strip()):
                if number:
                    out.print()
                # rich wraps between words to the width, keeping the indent on every line
                paragraph = Padding(Text(" ".join(part.split())), (0, 0, 0, 2))
                out.print(paragraph, width=width, soft_wrap=False)
    colour = out.color_system is not None
    for title, example in (("Bad", item.bad), ("Good", item.good)):
        if example:
            out.print(Text(f"\n{title}", style="bold underline"))
            out.print(render.program_text(example, "    ", colour=colour), end="", soft_wrap=True)
    return EXIT_CLEAN

"""`prog handout`: a program file (and a session log) in; the patient's handout written to
HTML or PDF out, with the exit code. The page itself is made in `dsl.outputs.handout`.

Where it goes: `-o OUT.html` or `-o OUT.pdf`, written even if it exists (the clinician named
it). Without `-o`, `FILE`'s name with `.html` in the current folder, and never over an
existing file: a handout the clinician edited or printed notes on is not silently replaced.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dsl import output_file
from dsl.commands import EXIT_CLEAN, EXIT_FAILURE, EXIT_FINDINGS, load_runnable

SUFFIXES = (".html", ".htm", ".pdf")


def _say(message: str) -> None:
    print(f"prog: {message}", file=sys.stderr)


def output_path(file: str, output: str | None) -> tuple[Path, bool]:
    """Where to write, and whether an existing file there may be replaced."""
    if output is not None:
        return Path(output), True
    stem = "handout" if file == "-" else Path(file).stem
    return Path(f"{stem}.html"), False


def handout_command(file: str, session: str | None, output: str | None) -> int:
    """Make the handout of `file` (from the session in `session`, if given)."""
    path, replace = output_path(file, output)
    if path.suffix.lower() not in SUFFIXES:
        _say(f"{path} must end in .html or .pdf (the handout is a web page or a PDF)")
        return EXIT_FAILURE
    if path.exists() and not replace:
        _say(f"{path} exists already; name the file to write with -o (it is then replaced)")
        return EXIT_FAILURE
    loaded, code = load_runnable(file)
    if loaded is None or loaded.checked is None or loaded.source is None:
        return code
    read = [file, *loaded.checked.includes, *([session] if session else [])]
    if problem := output_file.refusal(str(path), read, "handout"):
        _say(problem)
        return EXIT_FAILURE
    from dsl.outputs.handout import HandoutError, build, pdf, render_html
    from dsl.outputs.session import steps_of
    from dsl.session_log import LogError

    try:
        steps, recorded = steps_of(loaded.checked, loaded.source, session)
    except LogError as error:
        _say(str(error))
        return EXIT_FAILURE
    handout = build(loaded.checked, steps, recorded)
    if not handout.home.sections:
        _say(f"{file} has no movement statement: there is nothing to hand out")
        return EXIT_FINDINGS
    html = render_html(handout)
    try:
        made = pdf(html) if path.suffix.lower() == ".pdf" else html
        output_file.write(str(path), made, prefix=".prog-handout-")
    except HandoutError as error:
        _say(str(error))
        return EXIT_FAILURE
    except OSError as error:
        _say(f"cannot write {path}: {error.strerror or error}")
        return EXIT_FAILURE
    print(f"prog: handout written to {path}", file=sys.stderr)
    return EXIT_CLEAN

"""`prog --version` (what a pre-commit hook pays for on every commit) imports none of the
heavy parts: no Lark, no rich, no plugin, no entry-point scan, no language server."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

HEAVY = re.compile(
    r"^(lark|rich|prog_golf|prog_tennis|importlib\.metadata|jinja2|markupsafe|weasyprint|pygments|"
    r"pygls|lsprotocol|starlette|uvicorn|dsl\.(?!cli$))"
)
# What only an editor needs: the server, the services, and parsing an edit again.
LANGUAGE_SERVER = ("pygls", "lsprotocol", "cattrs", "dsl.lsp", "dsl.services", "dsl.reparse")


def imported_by(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "dsl", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return {
        line.rsplit("|", 1)[1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


def test_version_loads_nothing_heavy() -> None:
    modules = imported_by("--version")
    assert "click" in modules and "dsl.cli" in modules
    assert sorted(m for m in modules if HEAVY.match(m)) == []


def test_help_wrapping_is_set_up_only_when_help_is_shown() -> None:
    """Help wraps between whole words through click's `TextWrapper`, which imports textwrap:
    that is done when help is laid out, not by a start-up that shows none."""
    assert "textwrap" not in imported_by("--version")
    assert "textwrap" in imported_by("lint", "--help")


@pytest.mark.parametrize("head", ["", "  # the card, indented\n", "   \n"])
def test_lint_of_a_clean_file_loads_neither_lark_nor_rich(tmp_path, head: str) -> None:
    """What a pre-commit hook pays on a clean file: the line parser (no Lark), and plain
    text on a pipe (no rich, no Pygments); blanks before a first comment or an empty first
    line are not an indented first statement, which only Lark's loop parses."""
    program = tmp_path / "clean.prog"
    text = head + "target right glute-med\npivot frontal x10\nretest\n"
    program.write_text(text, encoding="utf-8")
    imported_by("lint", "--isolated", str(program))  # the first run may build the tables
    modules = imported_by("lint", "--isolated", "--no-cache", str(program))  # parsed, not cached
    assert "dsl.lalr" in modules
    assert sorted(m for m in modules if m.split(".")[0] in ("lark", "rich", "pygments")) == []
    handout = ("jinja2", "markupsafe", "weasyprint")
    assert sorted(m for m in modules if m.split(".")[0] in handout) == []
    assert "dsl.outputs" not in modules and "dsl.handout_command" not in modules
    assert sorted(m for m in modules if m.startswith(LANGUAGE_SERVER)) == []
    assert sorted(m for m in modules if m.split(".")[0] in ("starlette", "uvicorn")) == []
    assert "textwrap" not in modules


def test_the_collector_runs_again_once_started() -> None:
    """Start-up pauses the cyclic garbage collector; the commands, which may run long
    (a library's lint, a server), run with it on, and off only if it was off before."""
    script = "import gc; {} import dsl.cli; print(gc.isenabled())"
    for before, expected in (("", "True"), ("gc.disable();", "False")):
        result = subprocess.run(
            [sys.executable, "-c", script.format(before)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.stdout.strip() == expected, result.stderr


@pytest.mark.parametrize(
    ("text", "loaded"),
    [("target right glute-med\npivot frontal x10\nretest\n", "0"), ("pivot frontal for30s\n", "1")],
)
def test_the_parser_tables_are_read_only_for_a_text_the_line_parser_leaves(
    text: str, loaded: str
) -> None:
    """A clean program is read by the line parser alone: the stored LALR tables (a file
    read and decoded, the lean loop built over it) are loaded only for a text it leaves."""
    script = (
        "import sys; from dsl import parser; from dsl.source import Source; "
        "parser.parse(Source('t.prog', sys.argv[1], None)); "
        "print(parser._parser.cache_info().currsize)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, text], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == loaded, result.stderr

"""A generated file's wanted text and its path in; the file written, or with `--check` a
verdict on it, out (exit 0 up to date or written, 1 stale). The command line that both
generators (`python -m dsl.highlight.textmate`, `python -m dsl.highlight.vim`) share."""

from __future__ import annotations

import argparse
from pathlib import Path


def write_or_check(wanted: str, default: Path, command: str, argv: list[str] | None) -> int:
    """Write `wanted` to the path given (default `default`) unless it is there already;
    with `--check`, change nothing and exit 1 if the file differs."""
    parser = argparse.ArgumentParser(prog=command, description=f"Generate {default.name}.")
    parser.add_argument("output", nargs="?", type=Path, default=default, help=f"({default})")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    options = parser.parse_args(argv)
    try:
        current = options.output.read_text(encoding="utf-8")
    except FileNotFoundError:
        current = None
    if options.check:
        if current != wanted:
            print(f"{options.output} is stale: run `{command}`")
            return 1
        return 0
    if current != wanted:
        options.output.parent.mkdir(parents=True, exist_ok=True)
        options.output.write_text(wanted, encoding="utf-8")
        print(f"wrote {options.output}")
    return 0

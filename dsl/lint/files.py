"""Which files to lint or format: the paths given in; `.prog` files, in a stable order, out.

A folder is searched recursively for `*.prog`, skipping what the settings exclude (and the
usual tool folders: `.git`, `.venv`, `build`, …). A file named on the command line is taken
as given, whatever its name, unless `force_exclude` is set (pre-commit passes every staged
file by name, and the excludes should still hold there). ``-`` is standard input.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field

from dsl.lint.config import Settings

SUFFIX = ".prog"
# Folders nobody keeps programs in, skipped inside a folder being searched (on top of the
# settings' `exclude`); naming one on the command line still searches it.
SKIPPED = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".venv",
        "venv",
        ".tox",
        ".nox",
        "__pycache__",
        "node_modules",
        "build",
        "dist",
    }
)
STDIN = "-"


@dataclass
class Found:
    files: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # paths that are neither file nor folder


def discover(paths: Iterable[str], settings: Settings, *, force_exclude: bool = False) -> Found:
    found = Found()
    seen: set[str] = set()

    def add(name: str) -> None:
        # One name a file: `./lib.prog` (from `prog lint .`) is `lib.prog`, as an include
        # names it, so its diagnostics are listed once and sorted together.
        key = os.path.normpath(name) if name != STDIN else name
        if key not in seen:
            seen.add(key)
            found.files.append(key)

    for path in paths:
        if path == STDIN:
            add(path)
        elif os.path.isdir(path):
            for name in _walk(path, settings):
                add(name)
        elif os.path.exists(path):
            if not (force_exclude and settings.excluded(path)):
                add(path)
        else:
            found.missing.append(path)
    return found


def _skipped(root: str, name: str, settings: Settings) -> bool:
    return name in SKIPPED or settings.excluded(os.path.join(root, name), folder=True)


def _walk(folder: str, settings: Settings) -> list[str]:
    out = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not _skipped(root, d, settings))
        for name in sorted(files):
            path = os.path.join(root, name)
            if name.endswith(SUFFIX) and not settings.excluded(path):
                out.append(path)
    return out

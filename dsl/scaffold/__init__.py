"""`prog plugin new NAME`: a sport's name in; a complete plugin distribution folder out.

The folder is what a plugin author would otherwise copy from the guide: a `pyproject.toml`
publishing the entry point named after the sport with a `test` extra, the package with one
phase, one direction and one rule (its code under a prefix no installed plugin uses), tests
written with prog's test kit, an example program, and a README that asks for the source of
every number. Right after `pip install ./NAME[test]` its tests pass and `prog plugins` lists
it `ok`, so an author starts from something that works and changes it step by step.
"""

from __future__ import annotations

import re
import string
from collections.abc import Collection
from importlib import resources
from pathlib import Path

from dsl import __version__
from dsl.plugin import API_LEVEL
from dsl.vocabulary import CORE_DIRECTIONS, CORE_LIMBS, CORE_MUSCLES

_NAME = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*\Z")
_RESERVED = {*CORE_LIMBS, *CORE_DIRECTIONS, *CORE_MUSCLES}
# Template file in the package → path in the new folder ({module}, {name} filled in).
FILES = {
    "pyproject.toml.txt": "pyproject.toml",
    "README.md.txt": "README.md",
    "plugin.py.txt": "{module}/__init__.py",
    "test_plugin.py.txt": "tests/test_{module}.py",
    "example.prog.txt": "examples/{name}.prog",
}


class ScaffoldError(Exception):
    """The plugin cannot be made as asked; the message says why, for the command line."""


def check_name(name: str, sports: Collection[str]) -> None:
    """A sport name a plugin may claim: a lower-case word that no core word or installed
    sport already is (prog would leave such a plugin out)."""
    if not _NAME.fullmatch(name):
        raise ScaffoldError(
            f"`{name}` is not a sport name: use a lower-case word of letters and digits, "
            "words joined by `-` (such as `hockey` or `field-hockey`)"
        )
    if name in _RESERVED:
        raise ScaffoldError(f"`{name}` is a word of prog's core; choose another sport name")
    if name in sports:
        raise ScaffoldError(f"an installed plugin already has the sport `{name}`")


def code_prefix(name: str, taken: Collection[str]) -> str:
    """The rules' code prefix: the name's first letter in capitals if free (not `P`, the
    core's, nor another plugin's), else two letters."""
    letters = [c.upper() for c in name if c.isalpha()]
    first = letters[0]
    candidates = [first] + [first + other for other in letters[1:]]
    candidates += [first + c for c in string.ascii_uppercase]
    for prefix in candidates:
        if not prefix.startswith("P") and prefix not in taken:
            return prefix
    return next(a + b for a in "ABCDEFGHIJKLMNOQRSTUVWXYZ" for b in string.ascii_uppercase
                if a + b not in taken)


def create(
    folder: Path, name: str, sports: Collection[str], prefixes: Collection[str]
) -> list[Path]:
    """Write the distribution for sport `name` into `folder` (which must not exist).

    Returns the files written. Raises `ScaffoldError` for a bad name or an existing folder.
    """
    check_name(name, sports)  # first: `""` or `.` is not a name, whatever is there
    if folder.exists():
        raise ScaffoldError(f"{folder} already exists; prog plugin new never overwrites")
    module = "prog_" + name.replace("-", "_")
    prefix = code_prefix(name, prefixes)
    values = {
        "name": name,
        "module": module,
        "title": name.replace("-", " ").capitalize(),
        "prefix": prefix,
        "code": f"{prefix}101",
        "api_version": repr(API_LEVEL),
        "prog_version": __version__,
    }
    templates = resources.files(__package__).joinpath("template")
    written = []
    for template, target in FILES.items():
        text = string.Template(templates.joinpath(template).read_text(encoding="utf-8"))
        path = folder / target.format(**values)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.substitute(values), encoding="utf-8")
        written.append(path)
    return written

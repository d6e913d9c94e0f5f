"""Entry points of one group: `sys.path` in; (name, distribution, loader) for each out.

`importlib.metadata` would find the same entry points, but importing it (with the email,
zipfile and csv modules it pulls in) costs more than everything else `prog lint` does on
one small file. Every installer (pip, uv, setuptools' editable installs) writes a
distribution's metadata as a folder on `sys.path`, ``NAME-VERSION.dist-info`` or
``NAME.egg-info``, whose ``entry_points.txt`` lists its entry points; this module reads those
files directly. The rules are importlib.metadata's: folders of `sys.path` in order, and of
several distributions with the same (normalised) name only the first counts. A `sys.path`
entry that is not a folder (a zip archive) is left to `importlib.metadata`.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from collections.abc import Callable, Iterator

Loader = Callable[[], object]
_METADATA_SUFFIXES = (".dist-info", ".egg-info")
_VALUE = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?(\[.*\]\s*)?\Z")


def find(group: str) -> list[tuple[str, str, Loader]]:
    """Every entry point in `group` as (name, distribution name, loader)."""
    found: list[tuple[str, str, Loader]] = []
    seen: set[str] = set()
    for entry in sys.path:
        folder = entry or "."
        if os.path.isdir(folder):
            found.extend(_in_folder(folder, group, seen))
        elif os.path.isfile(folder):
            found.extend(_in_archive(folder, group, seen))
    return found


def _in_folder(folder: str, group: str, seen: set[str]) -> Iterator[tuple[str, str, Loader]]:
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return
    for name in names:
        if not name.endswith(_METADATA_SUFFIXES):
            continue
        key = _normalised(name.rsplit(".", 1)[0].split("-", 1)[0])
        if key in seen:
            continue
        seen.add(key)
        info = os.path.join(folder, name)  # plain strings: most of these are only tried
        try:
            with open(os.path.join(info, "entry_points.txt"), encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError):
            continue
        entries = _section(text, group)
        if entries:
            distribution = _distribution_name(info) or key
            for entry_name, value in entries:
                yield entry_name, distribution, _loader(value)


def _in_archive(path: str, group: str, seen: set[str]) -> Iterator[tuple[str, str, Loader]]:
    from importlib import metadata

    for distribution in metadata.distributions(path=[path]):
        name = distribution.metadata["Name"] or "?"
        key = _normalised(name)
        if key in seen:
            continue
        seen.add(key)
        for entry_point in distribution.entry_points.select(group=group):
            yield entry_point.name, name, entry_point.load


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def _section(text: str, group: str) -> list[tuple[str, str]]:
    """The `name = value` lines under ``[group]`` of an entry_points.txt (an INI file)."""
    entries: list[tuple[str, str]] = []
    inside = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            inside = line[1:-1].strip() == group
        elif inside and "=" in line:
            name, value = line.split("=", 1)
            entries.append((name.strip(), value.strip()))
    return entries


def _distribution_name(info: str) -> str | None:
    """The `Name:` field of a distribution's METADATA (or PKG-INFO for an egg-info)."""
    for file in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(info, file), encoding="utf-8") as handle:
                for line in handle:
                    if line.startswith("Name:"):
                        return line[5:].strip()
                    if not line.strip():
                        break  # the headers end at the first blank line
        except (OSError, UnicodeDecodeError):
            continue
    return None


def _loader(value: str) -> Loader:
    """What loading the entry point `module:attr` does: import the module, get the attr.
    A malformed value fails when loaded, so it is reported like any plugin that fails."""

    def load() -> object:
        match = _VALUE.match(value)
        if match is None:
            raise ValueError(f"malformed entry point {value!r}")
        target: object = importlib.import_module(match["module"])
        for attribute in match["attr"].split(".") if match["attr"] else []:
            target = getattr(target, attribute)
        return target

    return load

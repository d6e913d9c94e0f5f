"""The grammar's parser tables: the grammar text and Lark's options in; a ready `Lark` out.

Building the LALR tables from `prog.lark` costs about 40 ms, most of what `prog lint` on
one file pays before it reads a byte of the program. They are therefore kept between runs,
as JSON in the user's own cache folder (``$XDG_CACHE_HOME/prog``, else ``~/.cache/prog``),
under a name made from a hash of the grammar text, the Lark version and the options, so a
changed grammar or an upgraded Lark simply misses and rebuilds.

Lark's own ``cache=True`` is never used: it keeps a pickle at a predictable path in the
shared temporary folder and unpickles it before checking its hash, so another local user
could plant a file there and run code as whoever runs `prog` (lark PR #1628). Here the
cache is JSON, which cannot run code; it is read only from a folder and a file that no one
else can write; it is written to a private temporary file and renamed into place, so a
reader never sees half a file. Any problem with it (no home folder, a read-only disk, a
damaged file, a Lark that no longer reads its old tables) costs a rebuild, never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import lark
from lark import Lark
from lark.grammar import Rule
from lark.lark import _LOAD_ALLOWED_OPTIONS
from lark.lexer import TerminalDef

FORMAT = 1  # bump when what is stored changes shape
CACHE_ENV = "XDG_CACHE_HOME"


def parser(grammar: str, *, transformer: Any, postlex: Any, **options: Any) -> Lark:
    """A `Lark` for `grammar`: its tables from the cache folder, or built (and then kept)."""
    key = _key(grammar, options)
    folder = cache_folder()
    path = folder / f"grammar-{key[:32]}.json" if folder is not None else None
    if path is not None:
        stored = _read(path, key)
        if stored is not None:
            try:
                return Lark._load_from_dict(
                    stored["data"], stored["memo"], transformer=transformer, postlex=postlex
                )
            except Exception:  # a table from another Lark: rebuild below and replace it
                pass
    built = Lark(grammar, transformer=transformer, postlex=postlex, cache=False, **options)
    if path is not None:
        _write(path, key, built)
    return built


def cache_folder() -> Path | None:
    """The folder for prog's cache, or None when there is no private place to keep one."""
    base = os.environ.get(CACHE_ENV, "")
    if not os.path.isabs(base):
        home = os.path.expanduser("~")
        if not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "prog"


def _key(grammar: str, options: dict[str, Any]) -> str:
    described = json.dumps(
        [FORMAT, lark.__version__, grammar, sorted(options.items())], default=repr
    )
    return hashlib.sha256(described.encode("utf-8")).hexdigest()


def _private(stat: os.stat_result) -> bool:
    """Whether only this user can change what `stat` describes."""
    mine = not hasattr(os, "getuid") or stat.st_uid == os.getuid()
    return mine and not stat.st_mode & 0o022


def _read(path: Path, key: str) -> dict[str, Any] | None:
    try:
        if not _private(os.stat(path.parent)):
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            if not _private(os.fstat(handle.fileno())):
                return None
            stored = json.loads(handle.read(), object_pairs_hook=_int_keys)
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.get("key") != key:
        return None
    return stored


def _int_keys(pairs: list[tuple[str, Any]]) -> dict[Any, Any]:
    """JSON keeps dictionary keys as text; Lark's tables key states and rules by number."""
    if pairs and all(name.isascii() and name.isdigit() for name, _ in pairs):
        return {int(name): value for name, value in pairs}
    return dict(pairs)


def _write(path: Path, key: str, built: Lark) -> None:
    try:
        data, memo = built.memo_serialize([TerminalDef, Rule])
        data["options"] = {
            name: value
            for name, value in data["options"].items()
            if name not in _LOAD_ALLOWED_OPTIONS
        }
        text = json.dumps({"key": key, "data": data, "memo": memo})
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(os.stat(path.parent)):
            return
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".grammar-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, TypeError, ValueError):
        return  # no cache this time; the parser built above works all the same

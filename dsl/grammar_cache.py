"""The grammar's parser tables, kept between runs: the grammar text and Lark's options in;
the lean loop's tables, and a ready `Lark` when one is needed, out.

Building the LALR tables from `prog.lark` costs about 40 ms, and importing Lark as much
again: together most of what `prog lint` on one file would pay before it reads a byte of
the program. So the tables are kept between runs, as JSON in the user's own cache folder
(``$XDG_CACHE_HOME/prog``, else ``~/.cache/prog``), under a name made from the grammar text
and the options. A well-formed program is parsed by the lean loop (`lalr`) from the
stored tables without importing Lark; Lark is imported, and its parser loaded from the same
file, only for a text with an error, whose message is Lark's. The file also holds the
grammar text itself, so a changed grammar never uses another's tables, and the Lark
version, so an upgraded Lark rebuilds.

Lark's own ``cache=True`` is never used: it keeps a pickle at a predictable path in the
shared temporary folder and unpickles it before checking its hash, so another local user
could plant a file there and run code as whoever runs `prog` (lark PR #1628). Here the
cache is JSON, which cannot run code; it is read only from a folder and a file that no one
else can write; it is written to a private temporary file and renamed into place, so a
reader never sees half a file. Any problem with it (no home folder, a read-only disk, a
damaged file, a Lark that no longer reads its old tables) costs a rebuild, never an error.
"""

from __future__ import annotations

import json
import os
import stat
import zlib
from pathlib import Path
from typing import Any

FORMAT = 2  # bump when what is stored changes shape
MAX_BYTES = 16 * 1024 * 1024  # the tables take about 200 KB; anything far bigger is not them
CACHE_ENV = "XDG_CACHE_HOME"


class Tables:
    """A grammar's tables: the lean loop's (None if it cannot run this grammar), and
    Lark's own, from which `lark()` makes a parser when a text needs Lark's loop."""

    def __init__(self, grammar: str, options: dict[str, Any], postlex: Any) -> None:
        self.grammar = grammar
        self.options = options
        self.postlex = postlex
        # What the tables were built from, as JSON: it names the file and is checked
        # against what the file says it was built from.
        self.identity = json.dumps([FORMAT, grammar, sorted(options.items())])
        self.path = _path(self.identity)
        stored = _read(self.path, self.identity) if self.path is not None else None
        if stored is None:
            stored = self._build()
        self.runner: dict[str, Any] | None = stored["runner"]
        self._stored = stored

    def lark(self, transformer: Any) -> Any:
        """Lark's parser for this grammar, calling `transformer` as it reduces: loaded from
        the stored tables, which are built again first when another Lark version made them."""
        import lark

        if self._stored["lark_version"] != lark.__version__:
            self._build()
        try:
            return self._load(transformer)
        except Exception:  # damaged tables (their identity intact): build them anew
            self._build()
            return self._load(transformer)

    def _load(self, transformer: Any) -> Any:
        import lark
        from lark.lark import _LOAD_ALLOWED_OPTIONS

        data, memo = json.loads(self._stored["lark"], object_pairs_hook=_int_keys)
        # Options Lark takes again at load time (such as `g_regex_flags`) are not stored
        # with its tables: they are given here, as they were when the tables were built.
        again = {k: v for k, v in self.options.items() if k in _LOAD_ALLOWED_OPTIONS}
        return lark.Lark._load_from_dict(
            data, memo, transformer=transformer, postlex=self.postlex, **again
        )

    def _build(self) -> dict[str, Any]:
        """Build the tables with Lark and keep them, in this object and in the cache."""
        import lark
        from lark.grammar import Rule
        from lark.lark import _LOAD_ALLOWED_OPTIONS
        from lark.lexer import TerminalDef

        from dsl import lalr_tables

        built = lark.Lark(self.grammar, postlex=self.postlex, cache=False, **self.options)
        data, memo = built.memo_serialize([TerminalDef, Rule])
        data["options"] = {
            name: value
            for name, value in data["options"].items()
            if name not in _LOAD_ALLOWED_OPTIONS
        }
        stored = {
            "identity": json.loads(self.identity),
            "lark_version": lark.__version__,
            "runner": lalr_tables.extract(built),
            "lark": json.dumps([data, memo]),
        }
        self._stored = stored
        if self.path is not None:
            _write(self.path, stored)
        return stored


def cache_folder() -> Path | None:
    """The folder for prog's cache, or None when there is no private place to keep one."""
    base = os.environ.get(CACHE_ENV, "")
    if not os.path.isabs(base):
        home = os.path.expanduser("~")
        if not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "prog"


def _path(identity: str) -> Path | None:
    """The file for these tables. The name only spreads grammars over files; what is in
    the file is checked against the whole identity before it is used."""
    folder = cache_folder()
    if folder is None:
        return None
    return folder / f"grammar-{zlib.crc32(identity.encode('utf-8')):08x}.json"


def _private(stat: os.stat_result) -> bool:
    """Whether only this user can change what `stat` describes."""
    mine = not hasattr(os, "getuid") or stat.st_uid == os.getuid()
    return mine and not stat.st_mode & 0o022


def _read(path: Path, identity: str) -> dict[str, Any] | None:
    """The stored tables, if the file is a private regular file of a sane size that holds
    these tables. Opened without waiting and checked on the open descriptor: a FIFO or a
    device planted at the path is passed over (a rebuild), never waited on or read."""
    try:
        if not _private(os.stat(path.parent)):
            return None
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or not _private(info):
                return None
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            return None
        stored = json.loads(data)
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or json.dumps(stored.get("identity")) != identity:
        return None
    if not isinstance(stored.get("lark"), str) or not isinstance(stored.get("lark_version"), str):
        return None
    return stored


def _int_keys(pairs: list[tuple[str, Any]]) -> dict[Any, Any]:
    """JSON keeps dictionary keys as text; Lark's tables key states and rules by number."""
    if pairs and all(name.isascii() and name.isdigit() for name, _ in pairs):
        return {int(name): value for name, value in pairs}
    return dict(pairs)


def _write(path: Path, stored: dict[str, Any]) -> None:
    from dsl.atomic import write_text

    try:
        text = json.dumps(stored)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(os.stat(path.parent)):
            return
        write_text(str(path), text, prefix=".grammar-", durable=False)
    except (OSError, TypeError, ValueError):
        return  # no cache this time; the tables built above work all the same

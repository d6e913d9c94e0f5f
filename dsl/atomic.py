"""Replacing a file's content in one step: a path and a text in; the file written out.

The text goes to a temporary file in the same folder, which is then renamed over the
target, so a reader (another prog, a crash half-way) sees the old content or the new one,
never a mix. Used for formatted programs, the parser tables and the lint cache.
"""

from __future__ import annotations

import itertools
import os

_NUMBERS = itertools.count()


def write_text(
    path: str, text: str, *, prefix: str, newline: str | None = None, mode: int | None = None
) -> None:
    """Write `text` to `path` atomically; `mode` sets the new file's permissions (the
    temporary file is private, 0600, otherwise). The temporary file's name is new to the
    folder (this process's id and a count; never an existing file), without `tempfile`,
    whose import alone is 2 % of a one-file lint."""
    temporary = os.path.join(
        os.path.dirname(path) or ".", f"{prefix}{os.getpid()}-{next(_NUMBERS)}.tmp"
    )
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline=newline) as out:
            out.write(text)
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise

"""Replacing a file's content in one step: a path and a text in; the file written out.

The text goes to a temporary file in the same folder, which is flushed to the disk
(`fsync`) and then renamed over the target, and the folder is synced after the rename. So
a reader (another prog, a crash half-way) sees the old content or the new one, never a
mix; and after a power cut the file holds one of them too, never nothing: without the
`fsync` before the rename, a file system may store the rename before the data, and what a
clinician wrote would come back empty. Used for formatted programs, the studio's saves,
the parser tables and the lint cache (the two caches skip the syncs: `durable=False`).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable
from typing import Any

_NUMBERS = itertools.count()


def write_text(
    path: str,
    text: str | bytes | Iterable[str],
    *,
    prefix: str,
    newline: str | None = None,
    mode: int | None = None,
    durable: bool = True,
) -> None:
    """Write `text` (or bytes, as they are) to `path` atomically; `mode` sets the new
    file's permissions (the temporary file is private, 0600, otherwise). The temporary
    file's name is new to the folder (this process's id and a count; never an existing
    file), without `tempfile`, whose import alone is 2 % of a one-file lint.

    `durable=False` leaves out the two syncs, for a cache: one lost in a power cut is
    rebuilt, and a sync would cost every run that writes it a few milliseconds.
    """
    temporary = os.path.join(
        os.path.dirname(path) or ".", f"{prefix}{os.getpid()}-{next(_NUMBERS)}.tmp"
    )
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        if isinstance(text, bytes):  # a PDF: written as it is
            out: Any = os.fdopen(handle, "wb")
        else:
            out = os.fdopen(handle, "w", encoding="utf-8", newline=newline)
        with out:
            if isinstance(text, (str, bytes)):
                out.write(text)
            else:  # pieces, written as they come (a large export is never one string)
                out.writelines(text)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    if durable:
        sync_folder(path)


def new_file_mode() -> int:
    """The permissions a new file gets from `open` here: 0666 less the umask, so a user who
    keeps their files private (`umask 077`) gets private exports and saves too."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def sync_folder(path: str) -> None:
    """Sync the folder `path` is in, so a new name there (a rename, a new file) survives a
    power cut along with the data. Where the platform cannot open a folder (Windows), or a
    file system refuses the sync, there is nothing more to do, and nothing is said."""
    try:
        fd = os.open(os.path.dirname(os.path.abspath(path)), os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

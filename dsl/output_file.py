"""The file a command writes with `-o` (an export, a handout): never a program or a session
log, and replaced whole.

A slip of the keyboard must not cost a clinician's work: `-o` never names a program or a
session log, by its name or by where a symbolic link leads, nor a file the command
reads. A file is written to a temporary file beside it and renamed over it (`atomic`),
so a write that fails (a full disk, a PDF that cannot be made) leaves it as it was; a
device or a pipe (`-o /dev/stdout`) is written to as it is.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable

from dsl.atomic import new_file_mode, write_text
from dsl.source import same_file

# What `-o` is never written over, by its name, even a file the command did not read.
KEPT_SUFFIXES = (".prog", ".jsonl")


def refusal(out: str, read: Iterable[str], made: str) -> str | None:
    """Why `-o out` must not be written (None if it may): it is one of the files `read`, or
    a program or a session log by its name or where it leads. `made` names what the
    command makes, for the message ("export", "handout")."""
    same = any(same_file(out, name) for name in read)
    named = (out.lower(), os.path.realpath(out).lower())  # as given, and where it leads
    if same or any(name.endswith(KEPT_SUFFIXES) for name in named):
        what = f"a file this {made} reads" if same else "a program or a session log"
        article = "an" if made[0] in "aeiou" else "a"
        return f"-o {out} is {what}; {article} {made} is never written over one: name another file"
    return None


def write(out: str, data: str | bytes | Iterable[str], *, prefix: str) -> None:
    """`data` (text, text in pieces, or bytes) into `out`: a device or a pipe is written
    to; a file, through any symbolic link, is replaced whole, keeping its permissions (a
    new one gets what the umask gives). Raises `OSError`."""
    try:
        there = os.stat(out)  # through symlinks
    except OSError:
        there = None
    if there is not None and not stat.S_ISREG(there.st_mode):
        if isinstance(data, bytes):
            with open(out, "wb") as binary:
                binary.write(data)
            return
        with open(out, "w", encoding="utf-8", newline="") as handle:
            handle.writelines([data] if isinstance(data, str) else data)
        return
    mode = there.st_mode & 0o777 if there is not None else new_file_mode()
    write_text(os.path.realpath(out), data, prefix=prefix, newline="", mode=mode)

"""Where sessions are kept: a program's path in; the path of a new, unused session log out.

Spec §12: sessions are kept by default, in a `sessions` folder beside the program, or in the
user's data folder where that is not writable (a program on a read-only share, a CD, a folder
of someone else's). Every face that steps a program (`prog step`, the studio) asks here, so a
session lands in the same place whichever face recorded it.

A log is never overwritten: the name carries the program's name and the local time to the
second, and a counter when two sessions start within the same second.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

SESSIONS = "sessions"
SUFFIX = ".jsonl"


def user_data_folder() -> Path:
    """The conventional per-user data folder for prog on this system (not created here)."""
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.environ.get("APPDATA")
        return Path(base) / "prog" if base else home / "AppData" / "Local" / "prog"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "prog"
    xdg = os.environ.get("XDG_DATA_HOME", "")
    # The XDG spec: a relative XDG_DATA_HOME is invalid and must be ignored.
    base = Path(xdg) if xdg and os.path.isabs(xdg) else home / ".local" / "share"
    return base / "prog"


def _writable_folder(folder: Path) -> bool:
    """True if `folder` exists (made now if need be) and a file can be made in it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def sessions_folder(program_path: str | os.PathLike[str]) -> Path:
    """The folder that keeps the sessions of `program_path`, made if it did not exist.

    Beside the program first; else the user's data folder. Raises `OSError` if neither can
    be written, so the caller can say so before a patient's answers are at stake.
    """
    beside = Path(program_path).resolve().parent / SESSIONS
    if _writable_folder(beside):
        return beside
    fallback = user_data_folder() / SESSIONS
    if _writable_folder(fallback):
        return fallback
    raise OSError(f"neither {beside} nor {fallback} can be written")


def default_log_path(
    program_path: str | os.PathLike[str],
    when: datetime | None = None,
    folder: Path | None = None,
) -> Path:
    """A new log's path for a session of `program_path` started at `when` (default: now).

    `knee.prog` at 09:30:05 on 2 May 2024 gives `sessions/knee-2024-05-02-093005.jsonl`,
    then `…-093005-2.jsonl` if that name is taken. The file itself is not made: open it
    exclusively (`O_EXCL`), as `session_log.Writer.create` does, so a race still never
    overwrites. `folder` (default: `sessions_folder`) is for a face that must keep its logs
    in one place, as the studio keeps them inside the folder it serves.
    """
    folder = folder or sessions_folder(program_path)
    stamp = (when or datetime.now()).strftime("%Y-%m-%d-%H%M%S")
    stem = f"{Path(program_path).stem or 'session'}-{stamp}"
    candidate = folder / f"{stem}{SUFFIX}"
    count = 1
    while candidate.exists():
        count += 1
        candidate = folder / f"{stem}-{count}{SUFFIX}"
    return candidate

"""The studio's folder: a path from the page in; a file read or written safely inside it out.

The page names files relative to the folder `prog studio` was given, and may only reach
files inside it, by the include sandbox's rules (spec §7): no absolute path, no `..`, no
symlink that leads out. Saves are atomic (`dsl.atomic`: a temporary file in the same
folder, fsync, rename, fsync of the folder) and refuse to overwrite a file that changed on
disk since the page read it: the page sends the hash of the text it opened, and a
different hash on disk is a conflict.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from dsl.atomic import new_file_mode, write_text
from dsl.source import NotUtf8, TooLarge, Unreadable, read_text

PROGRAM_SUFFIX = ".prog"
SKIPPED_FOLDERS = {".git", ".venv", "node_modules", "__pycache__", "sessions"}


class Refused(Exception):
    """A path the page may not use: outside the folder, absolute, or not a program."""


class Conflict(Exception):
    """The file changed on disk since the page opened it; `current` is what is there now."""

    def __init__(self, current: Opened | None) -> None:
        super().__init__("the file changed on disk since it was opened")
        self.current = current


@dataclass(frozen=True)
class Opened:
    """A file's text as read, and the hash the page sends back when it saves."""

    path: str
    text: str
    sha256: str


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Folder:
    """The folder a studio serves. `start` is the file to open first, if a file was given."""

    def __init__(self, path: str) -> None:
        given = Path(path)
        if given.is_file():
            self.root = given.resolve().parent
            self.start: str | None = given.resolve().name
        elif given.is_dir():
            self.root = given.resolve()
            self.start = None
        else:
            raise Refused(f"{path}: no such file or folder")

    def resolve(self, relative: str, *, suffix: str | None = PROGRAM_SUFFIX) -> Path:
        """The real path of `relative` inside the folder, or `Refused`.

        The same rules as an include: relative, no `..` part, and its real path (symlinks
        followed) inside the real folder.
        """
        parts = relative.replace("\\", "/").split("/")
        if not relative or relative.startswith(("/", "\\")) or ":" in relative:
            raise Refused(f"`{relative}`: give a path relative to the studio's folder")
        if ".." in parts or "" in parts:
            raise Refused(f"`{relative}`: a path may not leave the studio's folder")
        if "." in parts:  # one name for one file: open sessions are known by it
            raise Refused(f"`{relative}`: write the path without `.` parts")
        if suffix is not None and not relative.endswith(suffix):
            raise Refused(f"`{relative}` is not a {suffix} file")
        real = Path(os.path.realpath(self.root / relative))
        if real != self.root and self.root not in real.parents:
            raise Refused(f"`{relative}` leads outside the studio's folder")
        return real

    def relative(self, path: Path) -> str | None:
        """`path` as the page names it, or None when it is not inside the folder."""
        real = Path(os.path.realpath(path))
        if self.root not in real.parents:
            return None
        return real.relative_to(self.root).as_posix()

    def programs(self) -> list[str]:
        """Every program in the folder and below, sorted, as the page names them."""
        found: list[str] = []
        for folder, subfolders, names in os.walk(self.root):
            subfolders[:] = sorted(d for d in subfolders if d not in SKIPPED_FOLDERS)
            for name in names:
                if name.endswith(PROGRAM_SUFFIX):
                    relative = Path(folder, name).relative_to(self.root).as_posix()
                    try:
                        real = self.resolve(relative)
                    except Refused:
                        continue  # a symlink leading out is not listed
                    if real.is_file():  # not a FIFO or a device the page could not open
                        found.append(relative)
        return sorted(found)

    def read(self, relative: str) -> Opened:
        """The text of a program (UTF-8) and its hash; `Refused` if it cannot be read."""
        path = self.resolve(relative)
        try:
            text = read_text(path)  # a FIFO or device: refused, not waited on
        except Unreadable as error:
            raise Refused(f"`{relative}`: {error.reason}") from None
        except TooLarge:
            raise Refused(f"`{relative}` is larger than 5 MiB, the limit of a program") from None
        except NotUtf8:
            raise Refused(f"`{relative}` is not UTF-8 text") from None
        return Opened(relative, text, digest(text.encode("utf-8")))

    def save(self, relative: str, text: str, opened: str | None, *, force: bool = False) -> Opened:
        """Write `text` atomically; `Conflict` if the file on disk is no longer `opened`.

        `opened` is the hash the page read (None for a new file, which must not exist);
        `force` overwrites whatever is there (the clinician chose "keep mine").
        """
        path = self.resolve(relative)
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError as error:  # a lone surrogate: JSON can carry it, UTF-8 not
            before = text[: error.start]
            line, column = before.count("\n") + 1, error.start - before.rfind("\n")
            raise Refused(
                f"`{relative}` is not saved: at line {line}, column {column}, the text holds a "
                "character a file cannot (half of a pair); retype it"
            ) from None
        if not force:
            try:
                now = self.read(relative)
            except Refused:
                if os.path.lexists(path):  # there but unreadable here: never written over
                    raise
                now = None
            if (now.sha256 if now else None) != opened:
                raise Conflict(now)
        mode = path.stat().st_mode & 0o777 if path.exists() else new_file_mode()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)  # a new file in a new folder
            write_text(str(path), text, prefix=f".{path.name}.", newline="", mode=mode)
        except OSError as error:  # a full disk, a read-only folder, a file where a folder goes
            raise Refused(f"cannot save `{relative}`: {error.strerror or error}") from None
        return Opened(relative, text, digest(data))

"""The lint cache: the files to lint, the settings and the plugins in; each file's report out,
taken from the last lint when neither the file nor anything it includes has changed.

A pre-commit hook or a CI job lints a whole library of programs of which few changed since
the last run, so, as ruff and ESLint do, prog keeps what each file gave. One JSON file in
the cache folder holds a run's results per file, and its name is a hash of everything that
decides a result besides the files themselves (`run_key`): prog's version and its own
modules, the settings that choose codes, the plugins in force with their versions, and the
folder prog runs in (diagnostics name files relative to it). Other settings or plugins give
another file, so switching back and forth costs nothing.

Per file the cache keeps the content hash of the file and of every file it includes, and
their size, modification time and inode as a fast path. A file whose size, time and inode
are as recorded is taken as unchanged without being read; otherwise it is read and its
hash decides. A time within two seconds of the run that recorded it is not trusted (an
edit in the same tick of a coarse clock keeps the time; git calls this "racy"), so such a
file is hashed next time. The file's own state is taken before it is linted, so an edit
during the lint is seen next time.

Never trusted if damaged: a file that is not JSON, of another cache version or key, or an
entry of the wrong shape is simply a miss. Written atomically (a temporary file renamed
into place), only when something changed. Not cached: standard input, files prog could not
lint, and files with a P005 or a P004 (`UNSETTLED`).
"""

from __future__ import annotations

import json
import os
import stat
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from dsl import __version__
from dsl.atomic import write_text
from dsl.diagnostics import Diagnostic
from dsl.lint.config import Settings
from dsl.lint.engine import FileReport
from dsl.nodes import Span
from dsl.registry import Registry
from dsl.source import MAX_BYTES, Unreadable, read_path, read_regular

# The cache holds a short entry per program linted; a file past this is not this cache.
MAX_CACHE_BYTES = 256 * 1024 * 1024

try:  # CPython's own BLAKE2: hashlib loads OpenSSL, 2 % of a one-file lint, for nothing
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - another Python
    from hashlib import blake2b

CACHE_VERSION = 1
FOLDER = ".prog_cache"
ENVIRONMENT = "PROG_CACHE_DIR"
RACY_NS = 2_000_000_000  # a modification time this close to the run is hashed next time
STDIN = "-"

Stamp = list[int]  # [size, mtime_ns, inode]: lists, as JSON gives them back

# A file with one of these is linted again next time, whatever it holds: P005 (a missing
# include, a broken limit) depends on more than the files' contents, and P004 (a rule or
# plugin that raised or ran past its time budget) on the machine and the moment.
UNSETTLED = frozenset({"P004", "P005"})


def folder_for(settings: Settings) -> Path:
    """Where the cache lives: `$PROG_CACHE_DIR`, else `[tool.prog] cache-dir`, else
    `.prog_cache` beside the pyproject.toml the settings came from (or in the current
    folder when there is none)."""
    chosen = os.environ.get(ENVIRONMENT)
    if chosen:
        return Path(chosen)
    if settings.cache_dir is not None:
        return settings.cache_dir
    return settings.root / FOLDER


def run_key(settings: Settings, registry: Registry) -> str:
    """A hash of all that decides a file's diagnostics besides the files themselves."""
    material = [
        CACHE_VERSION,
        __version__,
        _code_stamp(),
        os.getcwd(),
        str(settings.root),
        settings.select,
        settings.ignore,
        settings.per_file_ignores,
        [(r.name, r.version, str(r.api_version), r.package, r.status) for r in registry.reports],
        sorted((rule.code, rule.severity, owner) for rule, owner in registry.rules),
    ]
    return blake2b(json.dumps(material).encode(), digest_size=16).hexdigest()


def _code_stamp() -> list[int]:
    """How many of prog's own modules there are and the newest one's modification time, so
    that a development checkout never reads results of code it no longer runs."""
    newest, count = 0, 0
    for root, dirs, names in os.walk(os.path.dirname(os.path.dirname(__file__))):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in names:
            if name.endswith((".py", ".lark")):
                count += 1
                newest = max(newest, os.stat(os.path.join(root, name)).st_mtime_ns)
    return [count, newest]


def _digest(data: bytes) -> str:
    return blake2b(data, digest_size=16).hexdigest()


def _stamp(result: os.stat_result) -> Stamp:
    return [result.st_size, result.st_mtime_ns, result.st_ino]


class _Files:
    """What each path holds in this run, each looked at once however many files include it:
    its stamp, and its content hash when the stamp is not enough."""

    def __init__(self, now_ns: int) -> None:
        self.now_ns = now_ns
        self._stamps: dict[str, Stamp | None] = {}
        self._hashes: dict[str, str | None] = {}

    def stamp(self, name: str) -> Stamp | None:
        """Size, time and inode of a regular file; None for anything else (missing, a
        folder, a device or a FIFO, which is never opened here: reading /dev/zero has no
        end, and opening a FIFO waits for a writer)."""
        if name not in self._stamps:
            try:
                result = os.stat(name)
                regular = stat.S_ISREG(result.st_mode)
                self._stamps[name] = _stamp(result) if regular else None
            except OSError:
                self._stamps[name] = None
        return self._stamps[name]

    def digest(self, name: str) -> str | None:
        """The content hash of a regular file; None for anything else."""
        if name not in self._hashes:
            try:  # a regular file of at most 5 MiB, as it is read to be linted; else no hash
                data = read_regular(name, MAX_BYTES)
                self._hashes[name] = _digest(data) if len(data) <= MAX_BYTES else None
            except OSError:
                self._hashes[name] = None
        return self._hashes[name]

    def trusted_stamp(self, name: str) -> Stamp | None:
        """The stamp to record for `name`, or None when its time is too recent to trust."""
        stamp = self.stamp(name)
        if stamp is None or self.now_ns - stamp[1] < RACY_NS:
            return None
        return stamp

    def unchanged(self, name: str, stamp: object, digest: object) -> bool:
        """Whether `name` holds what was recorded: the same stamp, else the same hash."""
        now = self.stamp(name)
        if now is None:
            return False
        if stamp is not None and stamp == now:
            return True
        return self.digest(name) == digest


class LintCache:
    """One run's cache file: looked up per file, updated with what this run linted."""

    def __init__(self, path: Path, key: str, entries: dict[str, Any]) -> None:
        self.path = path
        self.key = key
        self.entries = entries
        self.files = _Files(time.time_ns())
        self.seen: set[str] = set()
        self.changed = False

    @classmethod
    def open(cls, folder: Path, key: str) -> LintCache:
        """The cache file for `key` in `folder`; an empty one if it is missing or damaged."""
        path = folder / f"lint-{key}.json"
        try:
            data = read_regular(path, MAX_CACHE_BYTES)  # a FIFO there: refused, not waited on
            if len(data) > MAX_CACHE_BYTES:
                raise ValueError("too large to be this cache")
            stored = json.loads(data)
            if (
                stored.get("version") != CACHE_VERSION
                or stored.get("key") != key
                or not isinstance(stored.get("files"), dict)
            ):
                raise ValueError("not this cache")
            entries = stored["files"]
        except (OSError, ValueError, AttributeError):
            entries = {}
        return cls(path, key, entries)

    def lookup(self, name: str) -> list[Diagnostic] | None:
        """The diagnostics recorded for `name` if it and its includes are unchanged."""
        self.seen.add(name)
        entry = self.entries.get(name)
        if entry is None:
            return None
        try:
            if not self.files.unchanged(name, entry["stamp"], entry["hash"]):
                return None
            for dependency in entry["deps"]:
                if not self.files.unchanged(dependency[0], dependency[1], dependency[2]):
                    return None
            found = [_diagnostic(item) for item in entry["found"]]
        except (KeyError, IndexError, TypeError, ValueError):
            return None  # an entry of the wrong shape: lint the file again
        self._refresh(name, entry)
        return found

    def _refresh(self, name: str, entry: dict[str, Any]) -> None:
        """Record newer trusted stamps for files found unchanged by their hash, so that
        next time their stamps are enough."""
        stamp = self.files.trusted_stamp(name)
        if stamp is not None and entry["stamp"] != stamp:
            entry["stamp"] = stamp
            self.changed = True
        for dependency in entry["deps"]:
            stamp = self.files.trusted_stamp(dependency[0])
            if stamp is not None and dependency[1] != stamp:
                dependency[1] = stamp
                self.changed = True

    def before(self, name: str) -> None:
        """Take `name`'s state before it is linted, so an edit during the lint is seen."""
        self.files.stamp(name)
        self.files.digest(name)

    def record(self, name: str, report: FileReport) -> None:
        """Keep what linting `name` gave, unless it cannot be trusted to stay true."""
        self.entries.pop(name, None)
        self.changed = True
        digest = self.files.digest(name)
        if report.failure is not None or digest is None:
            return
        if any(d.code in UNSETTLED for d in report.diagnostics):
            return
        deps = []
        for include in report.includes:
            include_digest = self.files.digest(include)
            if include_digest is None:
                return
            deps.append([include, self.files.trusted_stamp(include), include_digest])
        self.entries[name] = {
            "stamp": self.files.trusted_stamp(name),
            "hash": digest,
            "deps": deps,
            "found": [_record(d) for d in report.diagnostics],
        }

    def save(self) -> str | None:
        """Write the file if anything changed (a problem, as a sentence, if it could not)."""
        for name in [name for name in self.entries if name not in self.seen]:
            if not os.path.exists(name):  # a file gone since: forget it
                del self.entries[name]
                self.changed = True
        if not self.changed:
            return None
        try:
            _prepare(self.path.parent)
            data = json.dumps(
                {"version": CACHE_VERSION, "key": self.key, "files": self.entries},
                ensure_ascii=False,
                separators=(",", ":"),
            )
            write_text(str(self.path), data, prefix=".lint-", durable=False)
        except OSError as error:
            return f"cannot write the lint cache in {self.path.parent}: {error.strerror or error}"
        return None


def _prepare(folder: Path) -> None:
    """Create the cache folder with a `.gitignore` of `*` (as ruff's), so it is never
    committed wherever it is, and a CACHEDIR.TAG, so backups skip it."""
    if folder.is_dir():
        return
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".gitignore").write_text("# made by prog: its lint cache\n*\n", encoding="utf-8")
    (folder / "CACHEDIR.TAG").write_text(
        "Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This file is a cache directory tag created by prog.\n",
        encoding="utf-8",
    )


def _record(d: Diagnostic) -> list[object]:
    span = d.span
    return [d.code, d.severity, d.message, span.file, span.line, span.col, span.end_line,
            span.end_col, d.hint, d.suggestion]


def _diagnostic(item: list[Any]) -> Diagnostic:
    code, severity, message, file, line, col, end_line, end_col, hint, suggestion = item
    for text in (code, severity, message, file):
        if not isinstance(text, str):
            raise TypeError("not a diagnostic")
    for number in (line, col, end_line, end_col):
        if not isinstance(number, int):
            raise TypeError("not a diagnostic")
    return Diagnostic(code, severity, message, Span(file, line, col, end_line, end_col),
                      hint, suggestion)


def lint_cached(
    names: Sequence[str], cache: LintCache, lint: Callable[[list[str]], Iterable[FileReport]]
) -> Iterator[FileReport]:
    """Each file's report, in order: from the cache when it is unchanged, else from `lint`
    (called once, with the files that missed), which then goes into the cache. Only the
    diagnostics of hits that have some are held until their turn."""
    found: dict[str, list[Diagnostic]] = {}
    missed: list[str] = []
    for name in names:
        diagnostics = cache.lookup(name) if name != STDIN else None
        if diagnostics is None:
            if name != STDIN:
                cache.before(name)
            missed.append(name)
        elif diagnostics:
            found[name] = diagnostics
    fresh = iter(lint(missed) if missed else [])
    waiting = set(missed)
    for name in names:
        if name not in waiting:
            diagnostics = found.pop(name, [])
            yield FileReport(name, _text(name, diagnostics), diagnostics)
            continue
        report = next(fresh)
        if name != STDIN:
            cache.record(name, report)
        yield report


def _text(name: str, found: list[Diagnostic]) -> str | None:
    """The text of a file with diagnostics, to show the lines under them."""
    if not found:
        return None
    try:
        source, _ = read_path(name)
    except Unreadable:
        return None
    return source.text if source is not None else None

"""Lint settings: `[tool.prog]` of the nearest `pyproject.toml` and the command line in;
one `Settings` value out, which answers "is this code on for this file?".

Keys (all optional)::

    [tool.prog]
    select = ["P", "G1"]            # codes or prefixes; default: every code
    ignore = ["P201"]               # codes or prefixes taken out of `select`
    per-file-ignores = { "drafts/*.prog" = ["P107"] }
    fail-on = "warning"             # error | warning | info: the level that exits 1
    exclude = ["archive/"]          # globs skipped when folders are searched
    fmt-exclude = ["card.prog"]     # globs `prog fmt` leaves in their own layout
    require-plugins = ["rowing"]    # plugins that must load, or every run reports P004
    plugins = ["rowing"]            # the installed plugins this project uses (default: all)
    cache-dir = ".prog_cache"       # where `prog lint` keeps its cache (relative to this file)

The most specific prefix wins: with `select = ["P", "P201"]` and `ignore = ["P2"]`, P202 is
off and P201 on. Errors (P001–P007) are always on: a program that cannot run is reported
whatever the settings.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Sequence
from dataclasses import field, replace
from functools import lru_cache
from pathlib import Path, PurePosixPath

from dsl.diagnostics import SEVERITY_RANK
from dsl.record import record
from dsl.source import NotUtf8, TooLarge, Unreadable, read_text

CONFIG_FILE = "pyproject.toml"
ALL = "ALL"
KEYS = (
    "select",
    "ignore",
    "per-file-ignores",
    "fail-on",
    "exclude",
    "fmt-exclude",
    "require-plugins",
    "plugins",
    "cache-dir",
)
_CODE_PREFIX = re.compile(r"[A-Z]{1,2}[0-9]{0,3}\Z")


class ConfigError(Exception):
    """The configuration cannot be used (unreadable TOML, a value of the wrong type)."""


@record
class Settings:
    """What to report and how strictly. Patterns are relative to `root`."""

    select: tuple[str, ...] = (ALL,)
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    fail_on: str = "warning"
    exclude: tuple[str, ...] = ()
    fmt_exclude: tuple[str, ...] = ()
    require_plugins: tuple[str, ...] = ()
    root: Path = field(default_factory=Path.cwd)
    source: Path | None = None  # the pyproject.toml the settings came from
    warnings: tuple[str, ...] = ()  # problems worth a line on stderr, not a failure
    cache_dir: Path | None = None  # the lint cache's folder, when the settings name one

    def enabled(self, code: str, file: str | None = None) -> bool:
        """Whether `code` is reported for `file`. Errors P001–P007 always are."""
        if code.startswith("P0"):
            return True
        ignore = self.ignore
        if file is not None and self.per_file_ignores:
            ignore += _file_ignores(self, file)
        return _specificity(code, self.select) > _specificity(code, ignore)

    def fails(self, severity: str) -> bool:
        return SEVERITY_RANK[severity] >= SEVERITY_RANK[self.fail_on]

    def relative(self, file: str) -> str:
        """`file` relative to the settings' folder, with `/`, for matching patterns."""
        path = Path(file)
        if path.is_absolute():
            try:
                path = path.relative_to(self.root)
            except ValueError:
                return path.as_posix()
        elif (Path.cwd() / path).is_relative_to(self.root):
            path = (Path.cwd() / path).relative_to(self.root)
        return PurePosixPath(path).as_posix()

    def excluded(self, path: str, *, folder: bool = False) -> bool:
        """Whether a file (or, with `folder`, a folder) met while searching is skipped."""
        if not self.exclude:
            return False
        relative = self.relative(path)
        return any(glob_match(pattern, relative, folder=folder) for pattern in self.exclude)

    def keeps_layout(self, path: str) -> bool:
        """Whether `prog fmt` leaves a file met while searching in its own layout."""
        relative = self.relative(path)
        return any(glob_match(pattern, relative) for pattern in self.fmt_exclude)


@lru_cache(maxsize=1024)
def _file_ignores(settings: Settings, file: str) -> tuple[str, ...]:
    """The codes `per-file-ignores` turns off for `file` (asked once per rule per file)."""
    relative = settings.relative(file)
    return tuple(
        code
        for pattern, codes in settings.per_file_ignores
        if glob_match(pattern, relative)
        for code in codes
    )


def _specificity(code: str, prefixes: Iterable[str]) -> int:
    """The length of the longest prefix in `prefixes` that `code` starts with; -1 for none."""
    best = -1
    for prefix in prefixes:
        if prefix == ALL:
            best = max(best, 0)
        elif code.startswith(prefix):
            best = max(best, len(prefix))
    return best


def glob_match(pattern: str, relative: str, *, folder: bool = False) -> bool:
    """gitignore-like matching: `*.prog`, `drafts/`, `**/old/*.prog`, `lib/x.prog`.

    A pattern without `/` matches a file or folder name at any depth; one that ends in `/`
    matches a folder and everything in it; otherwise it matches from the root, and a
    folder that matches takes its contents with it.
    """
    pattern = pattern.strip()
    if not pattern:
        return False
    parts = PurePosixPath(relative).parts
    folder_only = pattern.endswith("/")
    pattern = pattern.rstrip("/")
    folders = len(parts) if folder else len(parts) - 1
    if "/" not in pattern:
        names = parts[:folders] if folder_only else parts
        return any(fnmatch.fnmatchcase(name, pattern) for name in names)
    regex = _glob_regex(pattern.lstrip("/"))
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    if folder_only:
        prefixes = prefixes[:folders]
    return any(regex.fullmatch(prefix) for prefix in prefixes)


@lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


# --- reading ---------------------------------------------------------------------------


def find_config(start: Path) -> Path | None:
    """The nearest `pyproject.toml` at or above `start` that has a `[tool.prog]` table."""
    start = start.resolve()
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            try:
                data = _read(candidate)
            except ConfigError:
                return candidate  # let `load` say what is wrong with it
            tool = data.get("tool")
            if isinstance(tool, dict) and "prog" in tool:
                return candidate
    return None


def _read(path: Path) -> dict[str, object]:
    import tomllib  # only when there are settings to read: `--isolated` never needs it

    try:
        return tomllib.loads(read_text(path))  # a FIFO or device is refused, never waited on
    except Unreadable as error:
        raise ConfigError(f"cannot read {error}") from None
    except TooLarge:
        raise ConfigError(f"{path} is larger than 5 MiB: it is not a settings file") from None
    except NotUtf8:
        raise ConfigError(f"{path} is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path} is not valid TOML: {error}") from None


def load(path: Path | None) -> Settings:
    """Settings from `path` (a pyproject.toml); the defaults when `path` is None."""
    if path is None:
        return Settings()
    data = _read(path)
    tool = data.get("tool", {})
    table = tool.get("prog", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.prog] must be a table")
    where = f"{path.name} [tool.prog]"
    warnings = []
    for key in table:
        if key not in KEYS and not isinstance(table[key], dict):
            guess = fnmatch.filter(KEYS, f"{key[:3]}*")
            tip = f"; did you mean `{guess[0]}`?" if guess else ""
            warnings.append(f"{where}: unknown setting `{key}`{tip}")
    settings = Settings(root=path.parent.resolve(), source=path)
    if "select" in table:
        settings = replace(settings, select=_codes(table["select"], f"{where} select"))
    if "ignore" in table:
        settings = replace(settings, ignore=_codes(table["ignore"], f"{where} ignore"))
    if "per-file-ignores" in table:
        raw = table["per-file-ignores"]
        if not isinstance(raw, dict):
            raise ConfigError(f"{where}: per-file-ignores must be a table of pattern = [codes]")
        settings = replace(
            settings,
            per_file_ignores=tuple(
                (str(pattern), _codes(codes, f"{where} per-file-ignores"))
                for pattern, codes in raw.items()
            ),
        )
    if "fail-on" in table:
        settings = replace(settings, fail_on=level(table["fail-on"], f"{where} fail-on"))
    if "exclude" in table:
        settings = replace(settings, exclude=_strings(table["exclude"], f"{where} exclude"))
    if "fmt-exclude" in table:
        kept = _strings(table["fmt-exclude"], f"{where} fmt-exclude")
        settings = replace(settings, fmt_exclude=kept)
    if "require-plugins" in table:
        names = _strings(table["require-plugins"], f"{where} require-plugins")
        settings = replace(settings, require_plugins=names)
    if "cache-dir" in table:
        folder = table["cache-dir"]
        if not isinstance(folder, str) or not folder.strip():
            raise ConfigError(f"{where} cache-dir: expected a folder name")
        settings = replace(settings, cache_dir=settings.root / Path(folder).expanduser())
    return replace(settings, warnings=tuple(warnings))


def plugin_names(path: Path) -> tuple[str, ...] | None:
    """The `plugins` setting of `path` (a pyproject.toml): the plugins the project uses, by
    entry-point name; None when it does not say. Read by `dsl.plugin_choice`."""
    tool = _read(path).get("tool", {})
    table = tool.get("prog", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict) or "plugins" not in table:
        return None
    return _strings(table["plugins"], f"{path.name} [tool.prog] plugins")


def _strings(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings")
    return tuple(value)


def _codes(value: object, where: str) -> tuple[str, ...]:
    return parse_codes(_strings(value, where), where)


def parse_codes(values: Sequence[str], where: str) -> tuple[str, ...]:
    """`["p102", "G1, P2"]` → `("P102", "G1", "P2")`; a malformed code is a ConfigError."""
    out = []
    for value in values:
        for part in value.replace(",", " ").split():
            code = part.strip().upper()
            if code != ALL and not _CODE_PREFIX.fullmatch(code):
                raise ConfigError(f"{where}: `{part}` is not a code or a code prefix")
            out.append(code)
    return tuple(out)


def level(value: object, where: str) -> str:
    if not isinstance(value, str) or value.lower() not in SEVERITY_RANK:
        raise ConfigError(f"{where}: expected error, warning or info, not {value!r}")
    return value.lower()


def unknown_codes(settings: Settings, known: Iterable[str]) -> list[str]:
    """Codes and prefixes in the settings that match no known code."""
    known = list(known)
    named = [*settings.select, *settings.ignore]
    named += [code for _, codes in settings.per_file_ignores for code in codes]
    return sorted({c for c in named if c != ALL and not any(k.startswith(c) for k in known)})

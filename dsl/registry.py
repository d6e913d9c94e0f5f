"""Plugin host: entry points in; a `Registry` (vocabulary, rules, load reports) out.

Plugins are plain data (`dsl.plugin.Plugin`), found through the entry-point group
``prog.plugins``. Each is loaded and validated on its own inside a guard: a plugin that
fails to import, raises, returns something that is not a valid `Plugin`, or claims a word,
sport, muscle or code prefix that the core or another plugin owns is reported (P004) and
left out, and every other plugin and the core go on working.

Ownership is settled in one fixed order, so that no installation can take a word from a
plugin that had it: the plugins that come with prog (published by the distribution `prog`
itself) first, then the others by entry-point name. Of two plugins that claim the same
thing, the later one is left out, and its report names the one that kept it and why. The
core's words (limbs, directions, muscles) are reserved.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from dsl import entry_points
from dsl.diagnostics import closest
from dsl.hip import Effect, Handed, favorable_motions
from dsl.plugin import ENTRY_POINT_GROUP, Plugin, Rule
from dsl.plugin_checks import PluginError, api_text, validate
from dsl.plugin_choice import ENVIRONMENT, EVERY, Choice, current
from dsl.record import record
from dsl.vocabulary import (
    CORE_DIRECTIONS,
    CORE_LIMBS,
    CORE_MUSCLES,
    MuscleEntry,
    SportEntry,
    Vocabulary,
)

FAILED_CODE = "P004"
PROG_DISTRIBUTION = "prog"  # plugins published by prog itself load first
_RESERVED = {
    "limb": set(CORE_LIMBS),
    "direction": set(CORE_DIRECTIONS),
    "muscle": set(CORE_MUSCLES),
    "sport": {*CORE_LIMBS, *CORE_DIRECTIONS, *CORE_MUSCLES},
}

__all__ = [
    "PluginError",
    "PluginReport",
    "Registry",
    "build",
    "chosen_registry",
    "discover",
    "installed",
]


@record
class PluginReport:
    """What `prog plugins` shows for one plugin.

    `status` is "ok", "failed" (with `code` P004 and the `problem`) or "disabled" (installed
    but not chosen by the project); `why` says why it is used or not. A plugin that loaded
    and was then refused keeps its `version` and `api_version`.
    """

    name: str
    version: str
    api_version: int | str | None
    package: str
    status: str
    problem: str | None = None
    sports: tuple[str, ...] = ()
    code: str | None = None
    why: str = ""


@dataclass(eq=False)  # one registry is one set of loaded plugins: compared by identity
class Registry:
    vocabulary: Vocabulary
    rules: list[tuple[Rule, str]] = field(default_factory=list)  # (rule, plugin name)
    reports: list[PluginReport] = field(default_factory=list)
    failed_sports: dict[str, str] = field(default_factory=dict)  # sport or entry name -> why
    choice: Choice = EVERY  # the plugins the project chose

    def failure_for_sport(self, sport: str) -> str | None:
        return self.failed_sports.get(sport)

    @cached_property
    def words(self) -> frozenset[str]:
        """Every word in force (`Vocabulary.words`), gathered once: a registry is not
        changed once built, and a library's every file is parsed with them."""
        return self.vocabulary.words()


Loader = entry_points.Loader
Source = tuple[str, str, Loader]  # (entry-point name, distribution, loader)


def ships_with_prog(package: str) -> bool:
    """Whether a distribution is prog itself (whose plugins load first)."""
    return re.sub(r"[-_.]+", "-", package).lower() == PROG_DISTRIBUTION


def load_order(source: Source) -> tuple[bool, str]:
    """prog's own plugins first, then the others by entry-point name."""
    return (not ships_with_prog(source[1]), source[0])


def discover() -> list[Source]:
    """Every installed plugin as (entry-point name, distribution, loader), in load order."""
    return sorted(entry_points.find(ENTRY_POINT_GROUP), key=load_order)


def installed() -> Registry:
    """The registry of the installed plugins the project chose (`dsl.plugin_choice`), the
    choice read once per process for each folder it is asked from.

    Raises `dsl.lint.config.ConfigError` when the project's `plugins` setting is unusable.
    """
    return _installed(os.environ.get(ENVIRONMENT), os.getcwd())


@lru_cache(maxsize=4)
def _installed(chosen: str | None, folder: str) -> Registry:
    return chosen_registry(current(Path(folder), chosen))


@lru_cache(maxsize=8)
def chosen_registry(choice: Choice) -> Registry:
    """The registry of the installed plugins `choice` names, built once per process: the
    command line and the language services (which read the choice again when the settings
    change) share it, so no plugin is loaded twice for the same choice."""
    return build(discover(), choice)


@dataclass
class _Owner:
    """Who holds a claim, to name them when another plugin claims it too."""

    plugin: str
    entry: str
    built_in: bool


def build(sources: Iterable[Source], choice: Choice = EVERY) -> Registry:
    """Load each chosen plugin in its own guard and merge the good ones into one registry.

    Plugins load in `load_order`, whatever the order of `sources`; a plugin whose claims
    clash with one loaded before it is left out whole.
    """
    registry = Registry(Vocabulary.core(), choice=choice)
    owners: dict[str, _Owner] = {}  # "sport:NAME", "muscle:x", "limb:y", "code prefix:G"
    found = sorted(sources, key=load_order)
    entries: dict[str, str] = {}  # entry-point name -> the distribution that has it
    for name, package, loader in found:
        why = choice.why(name)
        if name in entries:  # reported under a name of its own, so `prog plugins` shows both
            _failed(registry, f"{name} ({package})", package, _entry_taken(name, entries[name]),
                    None, why)
            continue
        entries[name] = package
        if choice.names is not None and name not in choice.names:
            registry.reports.append(
                PluginReport(name, "", None, package, "disabled", why=why)
            )
            registry.failed_sports[name] = f"is installed but not used here ({why})"
            continue
        plugin: Plugin | None = None
        try:
            plugin = _load(loader)
            validate(plugin, registry.vocabulary.limbs)
            _claim(plugin, name, ships_with_prog(package), owners)
        except Exception as error:  # PluginError, or the plugin's own code raised
            _failed(registry, name, package, error, plugin, why)
            continue
        _merge(plugin, registry)
        registry.reports.append(
            PluginReport(
                plugin.name,
                plugin.version,
                plugin.api_version,
                package,
                "ok",
                sports=tuple(sport.name for sport in plugin.sports),
                why=why,
            )
        )
    there = sorted({source[0] for source in found})
    for name in [n for n in choice.names or () if n not in there]:
        guess = closest(name, there)
        tip = f" (did you mean `{guess}`?)" if guess else ""
        absent = PluginError(f"is named in {choice.origin} but not installed{tip}")
        _failed(registry, name, "", absent, None, choice.why(name))
    registry.reports.sort(key=lambda report: report.name)
    return registry


def _failed(
    registry: Registry,
    name: str,
    package: str,
    error: Exception,
    plugin: Plugin | None,
    why: str,
) -> None:
    """Record why the plugin under entry point `name` is left out, with what is known of it."""
    if isinstance(error, PluginError):
        problem = str(error)
    else:
        problem = f"raised {type(error).__name__}: {error}"
    version, api = "?", None
    sports: tuple[str, ...] = ()
    if isinstance(plugin, Plugin):
        version = plugin.version if isinstance(plugin.version, str) else repr(plugin.version)
        try:
            api_text(plugin.api_version)
            api = plugin.api_version
        except PluginError:
            api = None
        sports = tuple(getattr(sport, "name", "?") for sport in plugin.sports)
    registry.reports.append(
        PluginReport(name, version, api, package, "failed", problem, sports, FAILED_CODE, why)
    )
    registry.failed_sports[name] = problem
    for sport in sports:
        if sport not in registry.vocabulary.sports:
            registry.failed_sports.setdefault(sport, problem)


def _load(loader: Loader) -> Plugin:
    """Import the plugin and get its `Plugin`. What it prints goes to stderr, so it cannot
    corrupt a command's JSON on stdout; whatever it raises (short of Ctrl-C) is its failure."""
    try:
        with contextlib.redirect_stdout(sys.stderr):
            obj = loader()
            if not isinstance(obj, Plugin) and callable(obj):
                obj = obj()
    except KeyboardInterrupt:
        raise
    except SystemExit as error:
        raise PluginError(f"exited while loading (SystemExit {error.code})") from None
    except ImportError as error:
        raise PluginError(f"failed to import: {error}") from None
    except BaseException as error:  # not an Exception: the guard in `build` would miss it
        raise PluginError(f"raised {type(error).__name__}: {error}") from None
    if not isinstance(obj, Plugin):
        raise PluginError(f"gave a {type(obj).__name__}, not a dsl.plugin.Plugin")
    return obj


def _claims(plugin: Plugin) -> list[tuple[str, str]]:
    """Everything the plugin would own, as (kind, word)."""
    claims = [("plugin name", plugin.name)]
    claims += [("sport", sport.name) for sport in plugin.sports]
    claims += [("limb", limb.name) for sport in plugin.sports for limb in sport.limbs]
    claims += [("muscle", muscle.name) for muscle in plugin.muscles]
    if plugin.rules:
        claims.append(("code prefix", plugin.code_prefix))
    return claims


def _claim(plugin: Plugin, entry: str, built_in: bool, owners: dict[str, _Owner]) -> None:
    """Check that nothing this plugin declares is owned already; then record ownership."""
    for sport in plugin.sports:
        for direction in sport.directions:
            if direction.name in _RESERVED["direction"]:
                raise PluginError(_reserved("direction", direction.name, plugin.name))
    claims = _claims(plugin)
    for kind, word in claims:
        if word in _RESERVED.get(kind, ()):
            raise PluginError(_reserved(kind, word, plugin.name))
        owner = owners.get(f"{kind}:{word}")
        if owner is not None:
            raise PluginError(_taken(kind, word, owner, plugin.name, entry))
    for kind, word in claims:
        owners[f"{kind}:{word}"] = _Owner(plugin.name, entry, built_in)


def _entry_taken(name: str, first: str) -> PluginError:
    reason = (
        "prog's own plugins load first"
        if ships_with_prog(first)
        else "of two distributions, the one found first on sys.path keeps it"
    )
    return PluginError(
        f"is published under the entry-point name `{name}`, which the distribution {first} "
        f"already uses for its plugin; that one keeps it and this one is left out ({reason})"
    )


def _reserved(kind: str, word: str, newcomer: str) -> str:
    return (
        f"claims the {kind} {word!r}, a word of prog's core: the core's limbs, directions "
        f"and muscles are reserved, so {newcomer} is left out (rename its {kind})"
    )


def _taken(kind: str, word: str, owner: _Owner, newcomer: str, entry: str) -> str:
    if owner.built_in:
        reason = f"{owner.plugin} comes with prog, and prog's own plugins load first"
    else:
        reason = (
            f"plugins load in the order of their entry-point names, and "
            f"`{owner.entry}` comes before `{entry}`"
        )
    if newcomer == owner.plugin:  # both call themselves this: name the newcomer by its entry
        newcomer = f"`{entry}`"
    return (
        f"claims the {kind} {word!r}, which {owner.plugin} already owns; "
        f"{owner.plugin} keeps it and {newcomer} is left out ({reason})"
    )


def _merge(plugin: Plugin, registry: Registry) -> None:
    vocabulary = registry.vocabulary
    for sport in plugin.sports:
        entry = SportEntry(sport.name, plugin.name)
        for extra in sport.limbs:
            vocabulary.limbs[extra.name] = sport.name
            entry.limbs.add(extra.name)
            entry.instructions[f"limb:{extra.name}"] = extra.instruction
        for phase in sport.phases:
            entry.phases[phase.name] = _as_handed(phase.effect)
            entry.docs[f"phase:{phase.name}"] = phase.doc
            entry.instructions[f"phase:{phase.name}"] = phase.instruction
        for direction in sport.directions:
            entry.directions.add(direction.name)
            entry.docs[f"direction:{direction.name}"] = direction.doc
            entry.instructions[f"direction:{direction.name}"] = direction.instruction
            for limb, effect in direction.effects.items():
                vocabulary.drivers[(limb, f"{sport.name}.{direction.name}")] = _as_handed(effect)
        vocabulary.sports[sport.name] = entry
    for muscle in plugin.muscles:
        vocabulary.muscles[muscle.name] = MuscleEntry(
            muscle.name, favorable_motions(muscle.favorable), plugin.name
        )
    registry.rules.extend((rule, plugin.name) for rule in plugin.rules)


def _as_handed(effect: Handed | Effect) -> Handed:
    return effect if isinstance(effect, Handed) else Handed.same(effect)

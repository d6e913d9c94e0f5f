"""Plugin host: entry points in; a `Registry` (vocabulary, rules, load reports) out.

Plugins are plain data (`dsl.plugin.Plugin`), found through the entry-point group
``prog.plugins``. Each is loaded and validated on its own inside a guard: a plugin that
fails to import, raises, returns something that is not a valid `Plugin`, or claims a word,
sport, muscle or code prefix that another plugin owns is reported and left out, and every
other plugin and the core go on working.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from dsl import entry_points
from dsl.hip import MOTIONS, Effect, Handed, favorable_motions
from dsl.plugin import API_LEVEL, ENTRY_POINT_GROUP, Plugin, Rule, Sport, speaks
from dsl.record import record
from dsl.vocabulary import CORE_OWNER, MuscleEntry, SportEntry, Vocabulary

_WORD = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
_PREFIX = re.compile(r"[A-OQ-Z][A-Z]?\Z")  # `P` is the core's
_CODE = re.compile(r"[A-Z]{1,2}[0-9]{3}\Z")


@record
class PluginReport:
    """What `prog plugins` shows for one plugin."""

    name: str
    version: str
    api_version: int | str | None
    package: str
    status: str  # "ok" or "failed"
    problem: str | None = None
    sports: tuple[str, ...] = ()


@dataclass(eq=False)  # one registry is one set of loaded plugins: compared by identity
class Registry:
    vocabulary: Vocabulary
    rules: list[tuple[Rule, str]] = field(default_factory=list)  # (rule, plugin name)
    reports: list[PluginReport] = field(default_factory=list)
    failed_sports: dict[str, str] = field(default_factory=dict)  # entry-point name -> problem

    def failure_for_sport(self, sport: str) -> str | None:
        return self.failed_sports.get(sport)


class PluginError(Exception):
    """A plugin is invalid; the message says how, for a P004."""


Loader = entry_points.Loader


def discover() -> list[tuple[str, str, Loader]]:
    """Every installed plugin as (entry-point name, distribution, loader), sorted by name."""
    return sorted(entry_points.find(ENTRY_POINT_GROUP), key=lambda item: item[0])


@lru_cache(maxsize=1)
def installed() -> Registry:
    """The registry of every installed plugin, built once per process."""
    return build(discover())


def build(sources: Iterable[tuple[str, str, Loader]]) -> Registry:
    """Load each plugin in its own guard and merge the good ones into one registry.

    Claims are settled after every plugin has loaded, and a sport goes first to the plugin
    published under the sport's own name: a plugin cannot take over another's sport by
    loading first.
    """
    registry = Registry(Vocabulary.core())
    loaded: list[tuple[str, str, Plugin]] = []
    for name, package, loader in sources:
        try:
            plugin = _load(loader)
            _validate(plugin)
        except Exception as error:  # PluginError, or the plugin's own code raised
            _failed(registry, name, package, error)
            continue
        loaded.append((name, package, plugin))
    loaded.sort(key=lambda item: (item[0] not in {s.name for s in item[2].sports}, item[0]))
    owners: dict[str, str] = {}  # "sport:NAME", "muscle:x", "limb:y", "prefix:G" -> plugin
    for name, package, plugin in loaded:
        try:
            _claim(plugin, owners, registry.vocabulary)
        except PluginError as error:
            _failed(registry, name, package, error)
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
            )
        )
    registry.reports.sort(key=lambda report: report.name)
    return registry


def _failed(registry: Registry, name: str, package: str, error: Exception) -> None:
    """Record why the plugin under entry point `name` is left out."""
    if isinstance(error, PluginError):
        problem = str(error)
    else:
        problem = f"raised {type(error).__name__}: {error}"
    registry.reports.append(PluginReport(name, "?", None, package, "failed", problem))
    registry.failed_sports[name] = problem


def _load(loader: Loader) -> Plugin:
    try:
        obj = loader()
        if not isinstance(obj, Plugin) and callable(obj):
            obj = obj()
    except SystemExit as error:
        raise PluginError(f"exited while loading (SystemExit {error.code})") from None
    except ImportError as error:
        raise PluginError(f"failed to import: {error}") from None
    if not isinstance(obj, Plugin):
        raise PluginError(f"gave a {type(obj).__name__}, not a dsl.plugin.Plugin")
    return obj


def _validate(plugin: Plugin) -> None:
    """Reject nonsense before any of it reaches the vocabulary."""
    if not speaks(plugin.api_version):
        raise PluginError(
            f"is written for plugin API {plugin.api_version}; this prog speaks {API_LEVEL}"
        )
    _word(plugin.name, "plugin name")
    if plugin.rules and not _PREFIX.fullmatch(plugin.code_prefix or ""):
        raise PluginError(
            f"code prefix {plugin.code_prefix!r} is not one or two capital letters other than P"
        )
    for sport in plugin.sports:
        if not isinstance(sport, Sport):
            raise PluginError(f"lists a {type(sport).__name__} among its sports")
        _validate_sport(sport)
    for muscle in plugin.muscles:
        _word(muscle.name, "muscle")
        planes = [MOTIONS[m].plane for m in muscle.favorable if m in MOTIONS]
        unknown = [m for m in muscle.favorable if m not in MOTIONS]
        if unknown or not planes or len(set(planes)) != len(planes):
            raise PluginError(
                f"muscle {muscle.name!r} needs one to three known motions, one per plane"
            )
    codes = set()
    for rule in plugin.rules:
        if not isinstance(rule, Rule) or not callable(rule.check):
            raise PluginError("lists a rule that is not a dsl.plugin.Rule with a check")
        if not _CODE.fullmatch(rule.code) or not rule.code.startswith(plugin.code_prefix):
            raise PluginError(
                f"rule code {rule.code!r} is outside its prefix {plugin.code_prefix!r}"
            )
        if rule.code in codes:
            raise PluginError(f"declares rule {rule.code} twice")
        if rule.severity not in ("error", "warning", "info"):
            raise PluginError(f"rule {rule.code} has severity {rule.severity!r}")
        codes.add(rule.code)


def _validate_sport(sport: Sport) -> None:
    _word(sport.name, "sport name")
    own_limbs = {limb.name for limb in sport.limbs}
    for limb in own_limbs:
        _word(limb, "limb")
    for phase in sport.phases:
        _word(phase.name, "phase")
        _handed(phase.effect, f"phase {phase.name!r}")
    for direction in sport.directions:
        _word(direction.name, "direction")
        if not direction.effects:
            raise PluginError(f"direction {direction.name!r} has no limb that drives it")
        for limb, effect in direction.effects.items():
            if limb not in own_limbs and limb not in Vocabulary.core().limbs:
                raise PluginError(f"direction {direction.name!r} names an unknown limb {limb!r}")
            _handed(effect, f"direction {direction.name!r}")


def _word(value: object, what: str) -> None:
    if not isinstance(value, str) or not _WORD.fullmatch(value):
        raise PluginError(f"{what} {value!r} is not a lower-case word (letters, digits, -)")


def _handed(value: object, what: str) -> None:
    if isinstance(value, Effect):
        value = Handed.same(value)
    if not isinstance(value, Handed):
        raise PluginError(f"{what} has an effect that is not an Effect or Handed")
    for effect in (value.trail, value.lead):
        if not isinstance(effect, Effect):
            raise PluginError(f"{what} has an effect that is not an Effect")
        for number in effect.as_tuple():
            if not isinstance(number, int | float) or not math.isfinite(number) or abs(number) > 3:
                raise PluginError(f"{what} has an effect {number!r} outside -3..3")


def _claim(plugin: Plugin, owners: dict[str, str], vocabulary: Vocabulary) -> None:
    """Check that nothing this plugin declares is owned already; then record ownership."""
    claims = [f"sport:{sport.name}" for sport in plugin.sports]
    claims += [f"limb:{limb.name}" for sport in plugin.sports for limb in sport.limbs]
    claims += [f"muscle:{muscle.name}" for muscle in plugin.muscles]
    if plugin.rules:
        claims.append(f"prefix:{plugin.code_prefix}")
    for claim in claims:
        kind, _, word = claim.partition(":")
        owner = owners.get(claim)
        if owner is None and (
            (kind == "limb" and word in vocabulary.limbs)
            or (kind == "muscle" and word in vocabulary.muscles)
        ):
            owner = CORE_OWNER
        if owner is not None:
            raise PluginError(f"claims the {kind} {word!r}, which {owner} already owns")
    for claim in claims:
        owners[claim] = plugin.name


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

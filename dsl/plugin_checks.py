"""A plugin's declaration in; a `PluginError` saying what is wrong with it out (or nothing).

These checks look at one plugin alone, before any of it reaches the vocabulary: the API
version it is written for, its words, its effects, its rules. What it may claim next to the
core and the other plugins is settled afterwards, by `dsl.registry`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Container

from dsl.hip import MOTIONS, Effect, Handed
from dsl.plugin import API_LEVEL, Plugin, Rule, Sport, speaks

_WORD = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
_PREFIX = re.compile(r"[A-OQ-Z][A-Z]?\Z")  # `P` is the core's
_CODE = re.compile(r"[A-Z]{1,2}[0-9]{3}\Z")
_VERSION = re.compile(r"([0-9]+)(?:\.([0-9]+))?\Z")


class PluginError(Exception):
    """A plugin is invalid; the message says how, for a P004."""


def api_text(value: object) -> str:
    """A declared API version as people write it (`1`, `1.1`); a malformed one raises
    `PluginError`, so a bool or a word is reported as what it is."""
    text = str(value).strip()
    if isinstance(value, bool) or not isinstance(value, int | float | str) or (
        not _VERSION.fullmatch(text)
    ):
        raise PluginError(
            f"api_version {value!r} is not a version such as 1 or '1.1' "
            f"(this prog speaks {API_LEVEL})"
        )
    return text


def check_api(plugin: Plugin) -> None:
    """The plugin must be written for this prog's major API version, at most its minor one
    (`dsl.plugin.speaks`): a minor version only adds optional fields, so a plugin written
    for 1.0 loads on 1.1, while one written for 1.2 may use a field 1.1 lacks, and one for
    2 may mean other things."""
    written_for = api_text(plugin.api_version)
    if not speaks(plugin.api_version):
        raise PluginError(
            f"is written for plugin API {written_for}; this prog speaks {API_LEVEL}"
        )


def validate(plugin: Plugin, core_limbs: Container[str]) -> None:
    """Reject nonsense before any of it reaches the vocabulary."""
    check_api(plugin)
    word(plugin.name, "plugin name")
    if plugin.rules and not _PREFIX.fullmatch(plugin.code_prefix or ""):
        raise PluginError(
            f"code prefix {plugin.code_prefix!r} is not one or two capital letters other than P"
        )
    for sport in plugin.sports:
        if not isinstance(sport, Sport):
            raise PluginError(f"lists a {type(sport).__name__} among its sports")
        _validate_sport(sport, core_limbs)
    for muscle in plugin.muscles:
        word(muscle.name, "muscle")
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


def _validate_sport(sport: Sport, core_limbs: Container[str]) -> None:
    word(sport.name, "sport name")
    own_limbs = {limb.name for limb in sport.limbs}
    for limb in own_limbs:
        word(limb, "limb")
    for phase in sport.phases:
        word(phase.name, "phase")
        _handed(phase.effect, f"phase {phase.name!r}")
    for direction in sport.directions:
        word(direction.name, "direction")
        if not direction.effects:
            raise PluginError(f"direction {direction.name!r} has no limb that drives it")
        for limb, effect in direction.effects.items():
            if limb not in own_limbs and limb not in core_limbs:
                raise PluginError(f"direction {direction.name!r} names an unknown limb {limb!r}")
            _handed(effect, f"direction {direction.name!r}")


def word(value: object, what: str) -> None:
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

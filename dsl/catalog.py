"""The vocabulary as a list: a `Registry` in; every statement it allows, with its effect on a
right and on a left target hip, out (for `prog vocab`, in a table or as JSON).

Effects come from the same look-ups the checker uses, so what `prog vocab` shows is what a
program gets. Sport items are listed for a right-handed player; for a left-handed one the
trail and lead columns trade places, which the listing says.
"""

from __future__ import annotations

from collections.abc import Iterator

from dsl.hip import PLANES, Effect
from dsl.record import record
from dsl.registry import PluginReport, Registry
from dsl.vocabulary import (
    FOOT_AXIS,
    GROUND_EFFECTS,
    PLANE_EFFECTS,
    SIDES,
    SURFACE_EFFECTS,
    Vocabulary,
    mirror,
)


@record
class Item:
    kind: str  # pivot, function, driver, foot, surface, ground-reaction
    statement: str
    owner: str  # "core" or the sport
    right: Effect | None  # None: the statement is refused for a right target
    left: Effect | None
    doc: str = ""


def _same(kind: str, statement: str, effect: Effect) -> Item:
    return Item(kind, statement, "core", effect, effect)


def items(registry: Registry, sports: list[str]) -> Iterator[Item]:
    """Every statement of the core and of `sports`, in a stable order."""
    vocabulary = registry.vocabulary
    for plane, effect in PLANE_EFFECTS.items():
        yield _same("pivot", f"pivot {plane}", effect)
    for sport in sports:
        entry = vocabulary.sports[sport]
        for phase in sorted(entry.phases):
            yield Item(
                "function",
                f"function {sport}.{phase}",
                sport,
                vocabulary.phase_effect(sport, phase, left_target=False, handed="right"),
                vocabulary.phase_effect(sport, phase, left_target=True, handed="right"),
                entry.docs.get(f"phase:{phase}", ""),
            )
    for limb, direction in _driver_statements(vocabulary):
        owner = direction.partition(".")[0] if "." in direction else None
        if owner is not None and owner not in sports:
            continue
        right = vocabulary.driver_effect(limb, direction, left_target=False, handed="right")
        left = vocabulary.driver_effect(limb, direction, left_target=True, handed="right")
        doc = ""
        if owner is not None:
            doc = vocabulary.sports[owner].docs.get(f"direction:{direction.partition('.')[2]}", "")
        yield Item("driver", f"driver {limb} {direction}", owner or "core", right, left, doc)
    for side in SIDES:
        for position in FOOT_AXIS:
            yield Item(
                "foot",
                f"foot {side} {position}",
                "core",
                Vocabulary.foot_effect(side, position, left_target=False),
                Vocabulary.foot_effect(side, position, left_target=True),
            )
    for direction, effect in SURFACE_EFFECTS.items():
        yield _same("surface", f"surface slope {direction}", effect)
    for level, effect in GROUND_EFFECTS.items():
        yield _same("ground-reaction", f"ground-reaction {level}", effect)


def _driver_statements(vocabulary: Vocabulary) -> list[tuple[str, str]]:
    """Every `driver LIMB DIRECTION` that works for a right or a left target, sorted.

    A table is written for a right target and mirrored for a left one, so a statement
    works for a left target when its mirror is in the table: a table that is not
    mirror-symmetric (a `right-knee` drive alone) gives statements that work for one side
    only, and each is listed with the other side's column empty.
    """
    keys = set(vocabulary.drivers)
    keys |= {(mirror(limb), mirror(direction)) for limb, direction in vocabulary.drivers}
    return sorted(keys)


def effect_dict(effect: Effect | None) -> dict[str, float] | None:
    """An effect by plane, for JSON; None (a statement one side cannot use) stays None."""
    if effect is None:
        return None
    return dict(zip(PLANES, (float(v) for v in effect.as_tuple()), strict=True))


def as_json(registry: Registry, sports: list[str]) -> dict[str, object]:
    vocabulary = registry.vocabulary
    return {
        "sports": [
            {"name": name, "plugin": vocabulary.sports[name].owner, "handed": "right"}
            for name in sports
        ],
        "items": [
            {
                "kind": item.kind,
                "statement": item.statement,
                "owner": item.owner,
                "right_target": effect_dict(item.right),
                "left_target": effect_dict(item.left),
                "doc": item.doc,
            }
            for item in items(registry, sports)
        ],
        "muscles": [
            {"name": m.name, "favorable": [motion.name for motion in m.favorable], "owner": m.owner}
            for m in vocabulary.muscles.values()
        ],
    }


def report_dict(report: PluginReport) -> dict[str, object]:
    return {
        "name": report.name,
        "version": report.version,
        "api_version": report.api_version,
        "package": report.package,
        "status": report.status,
        "problem": report.problem,
        "sports": list(report.sports),
        "code": report.code,
        "why": report.why,
    }

"""The hip model of spec §4–§5, observed through the drive of the steps a program makes."""

from __future__ import annotations

import pytest

from tests.core.helpers import drives, last_drive, steps

# (statement after a neutral base, expected drive for a right target) — spec §4's table.
CORE_EFFECTS = [
    ("pivot sagittal", (2, 0, 0)),
    ("pivot frontal", (0, 3, 0)),
    ("pivot transverse", (0, 0, 2)),
    ("driver right-hand overhead-left", (0, 2, 0)),
    ("driver left-hand overhead-left", (0, 1, 0)),
    ("driver right-hand overhead-right", (0, -1, 0)),
    ("driver left-hand overhead-right", (0, -2, 0)),
    ("driver both-hands overhead-left", (0, 2, 0)),
    ("driver both-hands overhead-right", (0, -2, 0)),
    ("driver left-hand overhead", (-1, 0, 0)),
    ("driver right-hand forward", (1, 0, 0)),
    ("driver both-hands down", (2, 0, 0)),
    ("driver right-hand back", (-1, 0, 0)),
    ("driver left-hand rotate-right", (0, 0, 2)),
    ("driver right-hand rotate-left", (0, 0, -2)),
    ("driver pelvis forward", (-1, 0, 0)),
    ("driver pelvis back", (1, 0, 0)),
    ("driver pelvis rotate-right", (0, 0, 1)),
    ("driver pelvis rotate-left", (0, 0, -1)),
    ("driver head rotate-right", (0, 0, 1)),
    ("driver head rotate-left", (0, 0, -1)),
    ("foot right narrow", (0, 1, 0)),
    ("foot right wide", (0, -1, 0)),
    ("foot right forward", (1, 0, 0)),
    ("foot right back", (-1, 0, 0)),
    ("foot right turned-in", (0, 0, 1)),
    ("foot right turned-out", (0, 0, -1)),
    ("foot left narrow", (0, 1, 0)),
    ("foot left wide", (0, -1, 0)),
    ("foot left forward", (-1, 0, 0)),
    ("foot left back", (1, 0, 0)),
    ("foot left turned-in", (0, 0, 0)),
    ("foot left turned-out", (0, 0, 0)),
    ("surface slope eversion", (0, 1, 1)),
    ("surface slope inversion", (0, -1, -1)),
    ("ground-reaction low", (1, 0, 0)),
    ("ground-reaction medium", (1, 1, 0)),
    ("ground-reaction high", (1, 1, 1)),
]


@pytest.mark.parametrize(("statement", "expected"), CORE_EFFECTS)
def test_core_effect_table(statement, expected):
    assert last_drive(f"target right glute-med\n{statement}\n") == expected


MIRROR = {"left": "right", "right": "left"}


def _mirror(statement: str) -> str:
    return " ".join("-".join(MIRROR.get(p, p) for p in w.split("-")) for w in statement.split())


@pytest.mark.parametrize(("statement", "expected"), CORE_EFFECTS)
def test_left_target_mirrors_every_statement(statement, expected):
    assert last_drive(f"target left glute-med\n{_mirror(statement)}\n") == expected


def test_mirror_example_from_the_spec():
    left = last_drive("target left glute-med\ndriver left-hand overhead-right\n")
    right = last_drive("target right glute-med\ndriver right-hand overhead-left\n")
    assert left == right == (0, 2, 0)


def test_drive_is_clamped_to_three():
    program = "pivot frontal\ndriver right-hand overhead-left\nfoot right narrow\n"
    assert drives(program) == [(0, 3, 0), (0, 3, 0), (0, 3, 0)]
    assert last_drive("driver right-hand overhead-right\ndriver left-hand overhead-right\n"
                      "foot right wide\n") == (0, -3, 0)


def test_favorable_and_advantage_follow_the_drive():
    s = steps("target right glute-med\npivot sagittal\nground-reaction high\nfoot right wide\n")
    assert [(x["favorable"], x["advantage"]) for x in s] == [
        (["flexion"], 1),
        (["flexion", "adduction", "internal-rotation"], 3),
        (["flexion", "internal-rotation"], 2),
    ]


def test_taper_takes_intensity_down_in_n_steps_then_removes():
    s = steps("pivot sagittal\ndriver both-hands down\nfoot right forward\ntaper driver over 3\n")
    tapers = [x for x in s if x["op"] == "taper"]
    assert len(tapers) == 3
    assert [[t["intensity"] for t in x["tweaks"] if t["kind"] == "driver"] for x in tapers] == [
        [67], [33], []
    ]
    assert [x["drive"]["sagittal"] for x in tapers] == [3.0, 3.0, 3.0]  # clamped: 2+1.34+1
    assert all(any(t["kind"] == "foot" for t in x["tweaks"]) for x in tapers)


def test_taper_rounds_each_step_from_the_starting_intensity():
    s = steps("pivot frontal\ndriver right-hand overhead-right\ntaper driver over 8\n")
    intensities = [x["tweaks"][0]["intensity"] if x["tweaks"] else None for x in s[2:]]
    # round(100 × (8 − k) / 8), ties to even: 87.5 → 88, 75, 62.5 → 62, 50, 37.5 → 38, 25,
    # 12.5 → 12
    assert intensities == [88, 75, 62, 50, 38, 25, 12, None]
    assert s[2]["drive"]["frontal"] == 2.12  # 3 − 1 × 0.88


def test_taper_of_a_partly_tapered_tweak_starts_from_where_it_is():
    s = steps("pivot frontal\nfoot right wide\ntaper foot over 3\n")
    assert [x["tweaks"][0]["intensity"] for x in s[2:4]] == [67, 33]
    s = steps("pivot frontal\nfoot right wide\ntaper all over 2\n")
    assert [x["tweaks"] for x in s[2:]] == [[{"kind": "foot", "name": "right wide",
                                               "intensity": 50}], []]


@pytest.mark.parametrize(
    ("ref", "left_after"),
    [
        ("foot", ["slope eversion"]),
        ("foot left", ["right narrow", "slope eversion"]),
        ("driver", ["left back", "right narrow", "slope eversion"]),
        ("surface", ["left back", "right narrow"]),
        ("all", []),
    ],
)
def test_taper_references(ref, left_after):
    s = steps("pivot frontal\nfoot left back\nfoot right narrow\nsurface slope eversion\n"
              f"taper {ref} over 1\n")
    assert sorted(t["name"] for t in s[-1]["tweaks"]) == left_after
    if ref == "driver":  # nothing matches: one step that changes nothing
        assert len(s) == 5


def test_taper_that_matches_nothing_is_one_step():
    s = steps("pivot frontal\ntaper foot over 5\n")
    assert len(s) == 2 and s[1]["op"] == "taper"


def test_disadvantage_caps_at_neutral_and_reverse_points_the_other_way():
    base = "pivot frontal\n"
    assert last_drive(base + "disadvantage adduction\n") == (0, 0, 0)
    assert last_drive(base + "disadvantage adduction reverse\n") == (0, -3, 0)
    # reverse where the drive was 0 gives -1
    assert last_drive("pivot sagittal\ndisadvantage adduction reverse\n") == (2, -1, 0)
    # a drive already against the motion is left alone by a plain disadvantage
    assert last_drive("pivot frontal\nfoot right wide\nfoot left wide\n"
                      "driver left-hand overhead-right\ndisadvantage adduction\n") == (0, -1, 0)


def test_disadvantage_applies_from_then_on_and_restore_ends_it():
    s = steps("pivot frontal\ndisadvantage adduction\ndriver right-hand overhead-left\n"
              "restore adduction\n")
    assert [x["drive"]["frontal"] for x in s] == [3.0, 0.0, 0.0, 3.0]
    assert [x["disadvantaged"] for x in s] == [[], ["adduction"], ["adduction"], []]


def test_restore_all():
    s = steps("pivot sagittal\npivot frontal\ndisadvantage flexion, adduction\nrestore all\n")
    assert s[2]["disadvantaged"] == ["flexion", "adduction"]
    assert s[3]["disadvantaged"] == [] and s[3]["drive"]["frontal"] == 3.0


def test_figures_are_rounded_to_two_decimals():
    s = steps("pivot frontal\ndriver left-hand overhead-right\ntaper driver over 3\n")
    assert [x["drive"]["frontal"] for x in s] == [3.0, 1.0, 1.66, 2.34, 3.0]

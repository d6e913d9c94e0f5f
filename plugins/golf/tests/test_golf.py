"""Golf's own tests, written with prog's test kit as any plugin author would."""

from __future__ import annotations

from pathlib import Path

import prog_golf
import pytest

SPEC_GOLFER = (Path(__file__).resolve().parents[3] / "examples" / "golfer.prog").read_text()
PHASES = (
    "address",
    "takeaway",
    "backswing",
    "top",
    "downswing",
    "impact",
    "follow-through",
    "finish",
)


@pytest.fixture
def kit(prog_kit):
    kit = prog_kit(prog_golf.plugin)
    kit.assert_loaded()
    return kit


def drive(kit, program: str) -> dict[str, float]:
    return kit.steps(program)[-1]["drive"]


def test_the_swing_from_address_to_finish(kit):
    for phase in PHASES:
        assert kit.check(f"sport golf\nfunction golf.{phase}\n") == []


def test_backswing_takes_the_trail_hip_into_flexion_adduction_internal_rotation(kit):
    steps = kit.steps("target right glute-med\nsport golf handed right\nfunction golf.backswing\n")
    assert steps[0]["favorable"] == ["flexion", "adduction", "internal-rotation"]


@pytest.mark.parametrize("phase", ["follow-through", "finish"])
def test_lead_hip_rotates_internally_through_the_follow_through(kit, phase):
    lead = drive(kit, f"target left glute-med\nsport golf handed right\nfunction golf.{phase}\n")
    assert lead["transverse"] > 0


def test_handedness_right_handed_right_hip_is_left_handed_left_hip(kit):
    for phase in PHASES:
        right = drive(
            kit, f"target right glute-med\nsport golf handed right\nfunction golf.{phase}\n"
        )
        left = drive(kit, f"target left glute-med\nsport golf handed left\nfunction golf.{phase}\n")
        assert right == left, phase


def test_the_lead_hand_drives_a_normal_swing(kit):
    program = (
        "target right glute-med\nsport golf\nfunction golf.backswing\n"
        "driver left-hand golf.swing\ndriver right-hand overhead-left\n"
    )
    drives = [s["drive"]["frontal"] for s in kit.steps(program)]
    assert drives[2] > drives[1]  # the right hand overhead to the left drives more adduction


def test_the_spec_golfer_is_clean_under_every_rule(kit):
    assert kit.lint(SPEC_GOLFER) == []


def test_each_rule_fires_on_its_bad_example_and_not_its_good_one(kit):
    assert {rule.code for rule, _ in kit.registry.rules} >= {"G101", "G102"}
    kit.assert_rule_examples()

"""Tennis's own tests, written with prog's test kit as any plugin author would."""

from __future__ import annotations

import prog_tennis
import pytest

PHASES = (
    "ready",
    "split-step",
    "forehand",
    "backhand",
    "serve",
    "serve-loading",
    "forehand-follow-through",
    "forehand-open",
    "forehand-semi-open",
    "forehand-neutral",
    "forehand-closed",
)


@pytest.fixture
def kit(prog_kit):
    kit = prog_kit(prog_tennis.plugin)
    kit.assert_loaded()
    return kit


def test_phases_and_stances(kit):
    for phase in PHASES:
        assert kit.check(f"sport tennis\nfunction tennis.{phase}\n") == [], phase


def test_stance_changes_the_hip_loading(kit):
    def drive(stance: str) -> dict[str, float]:
        return kit.steps(f"sport tennis\nfunction tennis.forehand-{stance}\n")[0]["drive"]

    assert drive("open") != drive("closed")


def test_handedness_mirrors(kit):
    for phase in PHASES:
        right = kit.steps(
            f"target right glute-med\nsport tennis handed right\nfunction tennis.{phase}\n"
        )[0]["drive"]
        left = kit.steps(
            f"target left glute-med\nsport tennis handed left\nfunction tennis.{phase}\n"
        )[0]["drive"]
        assert right == left, phase


def test_drivers_need_the_sport_line(kit):
    assert [d.code for d in kit.check("driver right-hand tennis.forehand-swing\n")] == ["P003"]


def test_each_rule_fires_on_its_bad_example_and_not_its_good_one(kit):
    assert {rule.code for rule, _ in kit.registry.rules} >= {"T101", "T102"}
    kit.assert_rule_examples()

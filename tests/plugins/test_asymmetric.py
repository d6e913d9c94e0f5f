"""A sport whose driver table is not mirror-symmetric (a knee drive written for the left
knee only, a left-hand-only direction) is listed whole by `prog vocab`, and a driver that
one side cannot use gets a P002 whose help is right for that side."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.plugins.dists import distribution, prog

RUNNING = """
from dsl.plugin import Direction, Effect, Limb, Plugin, Sport
plugin = Plugin(name="running", version="1.0", api_version=1, sports=[Sport(
    "running",
    limbs=[Limb("left-knee"), Limb("right-knee")],
    directions=[
        Direction("knee-drive", {"left-knee": Effect(sagittal=2)}),
        Direction("arm-cross", {"left-hand": Effect(transverse=1)}),
    ],
)])
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    distribution(folder, "running", RUNNING)
    return folder


def test_vocab_lists_one_sided_drivers_with_the_other_side_empty(site):
    result = prog(site, "vocab", "--sport", "running", "--json")
    items = {i["statement"]: i for i in json.loads(result.stdout)["items"]}
    knee = {"sagittal": 2.0, "frontal": 0.0, "transverse": 0.0}
    left_knee = items["driver left-knee running.knee-drive"]
    assert (left_knee["right_target"], left_knee["left_target"]) == (knee, None)
    right_knee = items["driver right-knee running.knee-drive"]
    assert (right_knee["right_target"], right_knee["left_target"]) == (None, knee)
    arm = {"sagittal": 0.0, "frontal": 0.0, "transverse": 1.0}
    assert items["driver left-hand running.arm-cross"]["right_target"] == arm
    assert items["driver right-hand running.arm-cross"]["left_target"] == arm
    text = prog(site, "vocab", "--sport", "running").stdout
    assert "driver right-knee running.knee-drive" in text and "not for this side" in text


def test_run_uses_what_vocab_lists(site):
    program = "target left glute-med\nsport running\ndriver right-knee knee-drive\n"
    result = prog(site, "run", "-", "--json", stdin=program)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["steps"][0]["drive"]["sagittal"] == 2.0


@pytest.mark.parametrize(
    ("side", "limb", "help_line"),
    [
        ("left", "left-knee", "help: `running.knee-drive` is driven by: right-knee"),
        ("right", "right-knee", "help: `running.knee-drive` is driven by: left-knee"),
    ],
)
def test_p002_help_names_the_limbs_that_work_for_this_target(site, side, limb, help_line):
    program = f"target {side} glute-med\nsport running\ndriver {limb} running.knee-drive\n"
    result = prog(site, "check", "-", stdin=program)
    assert result.returncode == 1
    assert f"`{limb}` cannot drive `running.knee-drive`" in result.stdout
    assert help_line in result.stdout
    assert f"{limb} drives: running.knee-drive" not in result.stdout

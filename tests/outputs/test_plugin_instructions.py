"""Plugin API 1.1: phases, directions and limbs may carry the patient's words; a plugin
written for 1.0 keeps loading, and its words fall back to a generated sentence."""

from __future__ import annotations

import pytest

from dsl.api import load_text, run
from dsl.outputs.words import program_words
from dsl.plugin import API_LEVEL, Direction, Effect, Limb, Phase, Plugin, Sport
from dsl.registry import build

PROGRAM = (
    "target {side} glute-med\nsport rowing\nfunction rowing.catch 3x10\n"
    "driver {side}-knee rowing.drive\n"
)


def rowing(api_version: object, *, words: bool) -> Plugin:
    said = {"instruction": ""} if not words else {}
    return Plugin(
        name="rowing",
        version="0.1",
        api_version=api_version,  # type: ignore[arg-type]
        sports=[
            Sport(
                name="rowing",
                phases=[Phase(name="catch", effect=Effect(sagittal=2),
                              **(said or {"instruction": "sit forward to the catch, "
                                          "{trail} hand on the handle"}))],
                limbs=[Limb(name="right-knee", **(said or {"instruction": "your right knee"})),
                       Limb(name="left-knee", **(said or {"instruction": "your left knee"}))],
                directions=[Direction(
                    name="drive",
                    effects={"right-knee": Effect(frontal=1), "left-knee": Effect(frontal=-1)},
                    **(said or {"instruction": "push {limb} down as you drive back"}),
                )],
            )
        ],
    )


def sentence(plugin: Plugin, side: str = "right") -> str:
    registry = build([("rowing", "prog-rowing", lambda: plugin)])
    assert [r.status for r in registry.reports] == ["ok"], registry.reports
    loaded = load_text(PROGRAM.format(side=side), registry=registry)
    assert loaded.ok, loaded.diagnostics
    assert loaded.checked is not None
    words = program_words(loaded.checked, run(loaded.checked), registry.vocabulary)
    return words[-1].instruction


def test_api_level_is_1_1():
    assert API_LEVEL == "1.1"


@pytest.mark.parametrize("declared", [1, "1", "1.0"])
def test_a_plugin_written_for_1_0_loads_and_gets_generated_words(declared):
    said = sentence(rowing(declared, words=False))
    assert said == (
        "Go through the catch of your rowing movement, slowly, as you were shown. "
        "As you do, let your right knee lead a rowing drive movement. Do 3 sets of 10."
    )


def test_a_1_1_plugin_speaks_its_own_words_for_either_target():
    plugin = rowing("1.1", words=True)
    right = sentence(plugin)
    assert right == (
        "Sit forward to the catch, right hand on the handle. As you do, push your right "
        "knee down as you drive back. Do 3 sets of 10."
    )
    # a left target of a right-handed rower: the hand stays the rower's right
    assert sentence(plugin, "left") == (
        "Sit forward to the catch, right hand on the handle. As you do, push your left "
        "knee down as you drive back. Do 3 sets of 10."
    )


@pytest.mark.parametrize("declared", [2, "1.2", "2.0", "one", True])
def test_a_plugin_for_an_api_this_prog_does_not_speak_is_refused(declared):
    registry = build([("rowing", "prog-rowing", lambda: rowing(declared, words=True))])
    (report,) = registry.reports
    assert report.status == "failed"
    assert "this prog speaks 1.1" in (report.problem or "")

"""Plain words: every core word and every golf and tennis item has a sentence a patient can
follow, for a right and a left target, and a mirrored program reads as the original with
left and right swapped (spec §14)."""

from __future__ import annotations

import re

import pytest

from dsl.api import load_text, run
from dsl.catalog import items
from dsl.outputs.words import StepWords, program_words
from dsl.registry import installed

JARGON = re.compile(
    r"adduct|abduct|flexion|extension|rotation|sagittal|frontal|transverse|eversion|"
    r"inversion|glute|\{|\}|_",
    re.IGNORECASE,
)
SIDE = re.compile(r"(?<![a-z])(left|right)(?![a-z])")
WORD_SIDE = re.compile(r"\b(left|right|Left|Right)\b")


def mirrored(text: str) -> str:
    """The test's own mirror: every left/right word or word part swapped."""
    return SIDE.sub(lambda m: "right" if m.group(1) == "left" else "left", text)


def swapped(sentence: str) -> str:
    table = {"left": "right", "right": "left", "Left": "Right", "Right": "Left"}
    return WORD_SIDE.sub(lambda m: table[m.group(1)], sentence)


def every_item() -> list[tuple[str, str]]:
    registry = installed()
    return [(item.kind, item.statement) for item in items(registry, ["golf", "tennis"])]


def program(statement: str, kind: str, side: str = "right", handed: str = "right") -> str:
    lines = [f"target {side} glute-med", f"sport golf handed {handed}",
             f"sport tennis handed {handed}"]
    if kind in ("pivot", "function"):
        lines.append(f"{statement} 3x8")
    else:
        lines += ["pivot frontal x10", statement]
    return "\n".join(lines) + "\n"


def last_words(text: str, outcomes: list[str] | None = None) -> StepWords:
    loaded = load_text(text)
    assert loaded.ok, loaded.diagnostics
    assert loaded.checked is not None
    return program_words(loaded.checked, run(loaded.checked, outcomes))[-1]


ITEMS = every_item()


def test_the_vocabulary_covers_core_golf_and_tennis():
    owners = {statement.split()[1].split(".")[0] for kind, statement in ITEMS
              if kind == "function"}
    assert owners == {"golf", "tennis"}
    assert len(ITEMS) > 80


@pytest.mark.parametrize(("kind", "statement"), ITEMS, ids=[s for _, s in ITEMS])
def test_every_item_reads_plainly_and_mirrors(kind, statement):
    right = last_words(program(statement, kind))
    left = last_words(program(mirrored(statement), kind, side="left", handed="left"))
    for words in (right, left):
        assert words.instruction.endswith(".")
        assert words.instruction[0].isupper()
        assert not JARGON.search(words.instruction), words.instruction
        # no generated fallback: the core and both sports wrote their own words
        assert "as you were shown" not in words.instruction
        assert " movement." not in words.instruction and " movement;" not in words.instruction
    assert left.instruction == swapped(right.instruction)
    assert left.instruction != right.instruction or "left" not in right.instruction.lower()


def test_pivot_frontal_for_each_side():
    right = last_words("target right glute-med\npivot frontal x10\n")
    left = last_words("target left glute-med\npivot frontal x10\n")
    assert right.instruction == (
        "Stand on your right leg; swing your left foot out to the side and back past it. "
        "Do it 10 times."
    )
    assert left.instruction.startswith(
        "Stand on your left leg; swing your right foot out to the side and back past it."
    )


def test_a_step_joins_base_drivers_tweaks_surface_ground_and_dose():
    words = last_words(
        "target right glute-med\npivot sagittal 3x8\ndriver right-hand overhead-left\n"
        "retest\nfoot right turned-in\nretest\nsurface slope eversion\nretest\n"
        "ground-reaction medium\nretest\npivot frontal for 30s\n"
    )
    assert words.instruction == (
        "Stand on your right leg; swing your left foot out to the side and back past it. "
        "As you do, reach your right hand up over your head and across to the left. "
        "Turn your right foot in a little, toes pointing inwards. "
        "Stand with your right foot on a slope (a wedge or folded mat) that is lower on the "
        "inside, under your big toe. "
        "Add a small bounce through your right leg as you move. "
        "Keep going for 30 seconds."
    )
    assert words.dose == "for 30 seconds"


@pytest.mark.parametrize(
    ("dose", "words"),
    [("x10", "10 times"), ("x1", "once"), ("3x8", "3 sets of 8"), ("1x5", "1 set of 5"),
     ("for 30s", "for 30 seconds"), ("for 1m", "for 1 minute"), ("for 2m", "for 2 minutes")],
)
def test_doses_in_words(dose, words):
    assert last_words(f"target right glute-med\npivot frontal {dose}\n").dose == words


def test_sport_words_follow_the_players_hand():
    base = "target right glute-med\nsport golf handed {}\nfunction golf.backswing x5\n"
    right_handed = last_words(base.format("right")).instruction
    left_handed = last_words(base.format("left")).instruction
    assert "turn away from the target onto your right leg" in right_handed
    assert "letting your left knee bend in" in right_handed
    assert "turn away from the target onto your left leg" in left_handed
    tennis = "target right glute-med\nsport tennis handed {}\nfunction tennis.serve-landing x5\n"
    assert "land on your left leg" in last_words(tennis.format("right")).instruction
    assert "land on your right leg" in last_words(tennis.format("left")).instruction


def test_hand_drivers_name_the_hand():
    words = last_words(
        "target right glute-med\nsport golf\nfunction golf.backswing 3x8\n"
        "driver left-hand golf.swing\ndriver right-hand overhead-left\n"
    )
    assert words.instruction == (
        "From your golf set-up, make a slow backswing: turn away from the target onto your "
        "right leg, letting your left knee bend in a little. As you do, swing your left hand "
        "through a slow, normal golf swing, from your set-up to the top and on to the finish; "
        "and reach your right hand up over your head and across to the left. Do 3 sets of 8."
    )


def test_taper_steps_say_how_far_and_retests_the_check():
    loaded = load_text(
        "target right glute-med\npivot frontal x10\ndriver right-hand overhead-left\n"
        "retest step-down\ntaper driver over 3\nretest\n"
    )
    assert loaded.checked is not None
    words = program_words(loaded.checked, run(loaded.checked, ["better", "same"]))
    assert [w.progress for w in words if w.op == "taper"] == ["1 of 3", "2 of 3", "3 of 3"]
    assert "about two-thirds as much as at first" in words[3].instruction
    assert "reach" not in words[5].instruction
    assert words[5].why == "the extra help is gone: back to the plain movement"
    assert words[2].test == "step down" and words[2].outcome == "better"
    assert words[2].instruction == (
        "Check your step down: is it better, the same or worse than before?"
    )
    assert words[6].test == "step down" and words[6].outcome == "same"


def test_an_alternative_not_better_is_undone_and_says_why():
    loaded = load_text(
        "target right glute-med\npivot frontal x10\nretest\ntry until better:\n"
        "    foot right narrow\n    foot right forward\n"
    )
    assert loaded.checked is not None
    words = program_words(loaded.checked, run(loaded.checked, ["better", "same", "better"]))
    undo = next(w for w in words if w.op == "undo")
    assert undo.why == "the same, not better, so undone"
    assert "closer in" not in undo.instruction
    kept = words[-1]
    assert "Place your right foot a little further forward." in kept.movement


def test_a_disadvantage_says_what_to_hold_back_and_reverse_what_to_do():
    plain = last_words(
        "target right glute-med\npivot frontal x10\nretest\ndisadvantage adduction\n"
    )
    assert "Throughout, keep your hips level: don't let your left hip drop" in plain.instruction
    reverse = last_words(
        "target left glute-med\npivot frontal x10\nretest\ndisadvantage adduction reverse\n"
    )
    assert "Throughout, keep your right hip lifted a little higher than your left." in (
        reverse.instruction
    )
    assert plain.why.startswith("harder on purpose")


def test_a_note_is_passed_on_as_written():
    words = last_words('target right glute-med\npivot frontal x10\nnote "Stop if it hurts"\n')
    assert words.note == words.instruction == "Stop if it hurts"


def test_item_words_for_a_hover_or_a_list():
    from dsl.outputs.words import (
        Context,
        base_sentence,
        hold_back_sentence,
        test_sentence,
        tweak_clause,
    )

    left = Context(side="left", sports={"golf": "right"}, vocabulary=installed().vocabulary)
    assert base_sentence("pivot sagittal", left) == (
        "Stand on your left leg; swing your right foot forward and back past it"
    )
    assert tweak_clause("driver", "left-hand overhead-right", left) == (
        "reach your left hand up over your head and across to the right"
    )
    assert tweak_clause("foot", "left narrow", left, intensity=50) == (
        "place your left foot a little closer in towards your other foot, about half as much "
        "as at first"
    )
    assert hold_back_sentence("internal-rotation", False, left) == (
        "Throughout, keep your hips facing forward: don't let them turn towards your left"
    )
    assert "onto your right leg" in base_sentence("function golf.backswing", left)
    assert test_sentence(None) == "Check how it is now: better, the same or worse than before?"


@pytest.mark.parametrize("sport", ["golf", "tennis"])
def test_each_sport_readme_quotes_its_words_as_prog_says_them(sport):
    from dsl.outputs.words import Context, base_sentence
    from tests.conftest import ROOT

    readme = (ROOT / "plugins" / sport / "README.md").read_text(encoding="utf-8")
    quoted = re.search(r"say `function (\S+)` for a\s+right-handed player as: \"([^\"]+)\.\"",
                       readme)
    assert quoted is not None
    context = Context(sports={sport: "right"}, vocabulary=installed().vocabulary)
    assert base_sentence(f"function {quoted.group(1)}", context) == quoted.group(2)

"""Stepping (spec §6, §10): try, undo, replacement, retest naming, outcomes, reuse, phases."""

from __future__ import annotations

from tests.core.helpers import steps, trace

TRY = """target right glute-med
pivot transverse
retest step-down
try until better:
    foot right narrow
    surface slope eversion
    ground-reaction low
"""


def ops(s):
    return [(x["op"], x.get("outcome")) for x in s]


def test_try_keeps_the_first_better_and_leaves():
    s = steps(TRY, ["same", "worse", "better"])
    assert ops(s)[2:] == [
        ("foot", None), ("retest", "worse"), ("undo", None),
        ("surface", None), ("retest", "better"),
    ]
    assert [t["name"] for t in s[-1]["tweaks"]] == ["slope eversion"]


def test_try_with_nothing_better_undoes_everything():
    s = steps(TRY, ["same", "same", "same", "worse"])
    assert [x["op"] for x in s[2:]] == [
        "foot", "retest", "undo", "surface", "retest", "undo", "ground-reaction", "retest", "undo"
    ]
    assert s[-1]["tweaks"] == [] and s[-1]["drive"] == s[1]["drive"]


def test_try_steps_name_their_own_line_and_the_test_in_force():
    s = steps(TRY, ["same", "same"])
    assert [(x["line"], x["text"]) for x in s[2:5]] == [
        (5, "foot right narrow"), (5, "retest step-down"), (5, "undo")
    ]


def test_outcomes_run_out_as_unrecorded_which_is_not_better():
    s = steps(TRY, ["better"])
    assert [x["outcome"] for x in s if x["op"] == "retest"] == [
        "better", "unrecorded", "unrecorded", "unrecorded"
    ]
    assert s[-1]["tweaks"] == []


def test_retest_reuses_the_last_test_named_else_retest():
    s = steps("pivot frontal\nretest\nretest hop\nretest\n")
    assert [(x["text"], x["test"]) for x in s[1:]] == [
        ("retest", "retest"), ("retest hop", "hop"), ("retest hop", "hop")
    ]


def test_one_driver_per_limb_and_opposite_foot_positions_replace():
    s = steps("pivot frontal\ndriver right-hand overhead-left\ndriver right-hand forward\n"
              "driver left-hand back\nfoot right narrow\nfoot right wide\nfoot right forward\n")
    assert [t["name"] for t in s[-1]["tweaks"]] == [
        "right-hand forward", "left-hand back", "right wide", "right forward"
    ]


def test_undo_goes_back_one_change_at_a_time():
    s = steps("pivot frontal\ndriver right-hand overhead-left\nfoot left back\n"
              "driver right-hand forward\nundo\nundo\nundo\nundo\n")
    names = [[t["name"] for t in x["tweaks"]] for x in s[3:]]
    assert names == [
        ["left back", "right-hand forward"],
        ["right-hand overhead-left", "left back"],  # the replaced driver is back in its place
        ["right-hand overhead-left"],
        [],
        [],
    ]


def test_surface_flat_and_ground_reaction_none_take_tweaks_away():
    s = steps("pivot frontal\nsurface slope inversion\nground-reaction high\nsurface flat\n"
              "ground-reaction none\n")
    assert [len(x["tweaks"]) for x in s] == [0, 1, 2, 1, 0]


def test_define_and_use_run_in_place_with_the_phase_of_the_use():
    program = """define warm:
    pivot sagittal x10
    retest hop
phase fire:
    use warm
phase again:
    use warm
"""
    s = steps(program, ["better", "same"])
    assert [(x["op"], x["line"], x["phase"]) for x in s] == [
        ("pivot", 2, "fire"), ("retest", 3, "fire"), ("pivot", 2, "again"), ("retest", 3, "again")
    ]


def test_note_is_kept_in_the_trace():
    s = steps('pivot frontal\nnote "Cue: knee over the second toe."\n')
    assert s[1]["op"] == "note" and s[1]["note"] == "Cue: knee over the second toe."
    assert s[1]["text"] == 'note "Cue: knee over the second toe."'


def test_trace_header_and_step_keys():
    t = trace('program "P"\ntarget left glute-max\npivot frontal x10\n')
    assert {k: t[k] for k in ("version", "file", "program", "target", "sports")} == {
        "version": 1, "file": "t.prog", "program": "P",
        "target": {"side": "left", "muscle": "glute-max"}, "sports": [],
    }
    step = t["steps"][0]
    assert list(step) == ["n", "op", "line", "phase", "text", "base", "tweaks",
                          "disadvantaged", "drive", "favorable", "advantage"]
    assert step["base"] == "pivot frontal" and step["text"] == "pivot frontal x10"


def test_no_target_assumes_right_glute_med():
    assert trace("pivot frontal\n")["target"] == {"side": "right", "muscle": "glute-med"}


def test_one_line_program_from_the_spec():
    s = steps("pivot frontal; driver right-hand overhead-left; retest; taper foot; "
              "disadvantage adduction")
    assert [x["op"] for x in s] == ["pivot", "driver", "retest", "taper", "disadvantage"]
    assert s[-1]["drive"] == {"sagittal": 0.0, "frontal": 0.0, "transverse": 0.0}


def test_phase_blocks_inline_and_indented_are_the_same():
    inline = steps("phase fire: pivot frontal; retest\n")
    block = steps("phase fire:\n    pivot frontal\n    retest\n")
    assert [{**x, "line": 0} for x in inline] == [{**x, "line": 0} for x in block]


def test_a_steps_text_is_its_own_statement_s_however_many_statements_came_before() -> None:
    """Step texts are remembered by statement (by identity, a few thousand at most): each
    program's steps still say their own statement, as statements come and go and their
    memory is used again by the next program's."""
    for dose in range(1, 6000):
        texts = [step["text"] for step in steps(f"pivot frontal x{dose}\nretest\n")]
        assert texts == [f"pivot frontal x{dose}", "retest"]

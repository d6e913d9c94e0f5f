"""`prog vocab` and `prog plugins`: every word in force with its effect on each hip."""

from __future__ import annotations

import json


def items(cli, *args):
    result = cli("vocab", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return {item["statement"]: item for item in json.loads(result.stdout)["items"]}


def test_core_words_with_their_effect_on_a_right_and_a_left_hip(cli):
    words = items(cli, "--sport", "golf")
    driver = words["driver right-hand overhead-left"]
    assert driver["owner"] == "core"
    assert driver["right_target"] == {"sagittal": 0.0, "frontal": 2.0, "transverse": 0.0}
    assert driver["left_target"] == {"sagittal": 0.0, "frontal": -2.0, "transverse": 0.0}
    foot = words["foot left turned-in"]
    assert foot["right_target"]["transverse"] == 0.0 and foot["left_target"]["transverse"] == 1.0
    assert "pivot frontal" in words and "ground-reaction high" in words


def test_one_sport_or_all(cli):
    golf = items(cli, "--sport", "golf")
    assert any(s.startswith("function golf.") for s in golf)
    assert not any("tennis." in s for s in golf)
    every = items(cli)
    assert any("tennis." in s for s in every) and any("golf." in s for s in every)


def test_unknown_sport_is_a_usage_error_with_a_suggestion(cli):
    result = cli("vocab", "--sport", "tenis")
    assert result.exit_code == 2
    assert "did you mean `tennis`?" in result.stderr


def test_text_table_shows_both_columns(cli):
    out = cli("vocab", "--sport", "tennis").stdout
    assert "right target" in out and "left target" in out
    assert "muscles: glute-med (flexion, adduction, internal-rotation)" in out


def test_plugins_lists_the_built_in_sports(cli):
    result = cli("plugins", "--json")
    assert result.exit_code == 0
    reports = {r["name"]: r for r in json.loads(result.stdout)}
    assert reports["golf"]["status"] == reports["tennis"]["status"] == "ok"
    assert reports["golf"]["api_version"] == 1 and reports["golf"]["package"] == "prog"

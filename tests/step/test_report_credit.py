"""`prog report` credits each retest's outcome to the change made since the previous retest
(spec §12; the method: "re-test after each change ... what works is important to know")."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def golfer_session(prog) -> dict:
    """The golfer example stepped with `same` twice, then `better` at the first foot tweak."""
    shutil.copy(EXAMPLES / "golfer.prog", prog.folder / "golfer.prog")
    done = prog("run", "golfer.prog", "--outcomes", "same,same,better,better,better", "--json")
    steps = json.loads(done.stdout)["steps"]
    keys = prog.typed(steps)
    stepped = prog("step", "golfer.prog", "--log", "golfer.jsonl", input=keys)
    assert stepped.returncode == 0, stepped.stderr
    return json.loads(prog("report", "golfer.jsonl", "--json").stdout)


def test_the_golfer_credits_foot_right_narrow_not_the_drivers_before(prog):
    data = golfer_session(prog)
    tried = {(item["kind"], item["name"]): item for item in data["tried"]}
    narrow = tried["foot", "right narrow"]
    assert narrow["outcomes"] == {"better": 1, "same": 0, "worse": 0}
    for driver in ("left-hand golf.swing", "right-hand overhead-left"):
        # judged `same` by the retest right after they were applied, and only by it
        assert tried["driver", driver]["outcomes"] == {"better": 0, "same": 1, "worse": 0}
    better = next(r for r in data["retests"] if r["n"] == narrow["retests"][0]["n"])
    assert better["changed"] == ["foot right narrow"]
    assert data["credit"].startswith("each retest's outcome is credited to the change made")


def test_the_text_report_says_how_it_credits_and_what_changed(prog):
    golfer_session(prog)
    text = prog("report", "golfer.jsonl").stdout
    assert (
        "Credit: each retest's outcome is credited to the change made since the previous "
        "retest, as the method asks." in text
    )
    row = next(line for line in text.splitlines() if line.lstrip().startswith("10 "))
    assert row.split("│")[-1].strip() == "foot right narrow"
    works = text[text.index("What works") :].splitlines()
    driver = next(line for line in works if "driver right-hand overhead-left" in line)
    assert [cell.strip() for cell in driver.split("│")[1:4]] == ["0", "1", "0"]
    assert all(line == line.rstrip() for line in text.splitlines())  # piped: no padding


def test_a_retest_with_nothing_changed_credits_nothing(prog):
    (prog.folder / "twice.prog").write_text(
        "target right glute-med\npivot frontal\nretest\nretest\n", encoding="utf-8"
    )
    prog("step", "twice.prog", "--log", "twice.jsonl", input="\nb\ns\n")
    data = json.loads(prog("report", "twice.jsonl", "--json").stdout)
    assert [r["changed"] for r in data["retests"]] == [["pivot frontal"], []]
    assert [item["outcomes"] for item in data["tried"]] == [{"better": 1, "same": 0, "worse": 0}]
    assert "nothing" in prog("report", "twice.jsonl").stdout

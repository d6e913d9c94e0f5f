"""`prog step` fed through a pipe: the same session, trace and log as on a terminal."""

from __future__ import annotations

import json

import pytest

LOG = "session.jsonl"


def step(prog, *extra: str, keys: str):
    return prog("step", "prog.prog", *extra, input=keys)


@pytest.mark.parametrize(
    "answers", [None, ("better",) * 5, ("worse",) * 7], ids=["mixed", "better", "worse"]
)
def test_a_session_gives_the_trace_of_prog_run(prog, answers):
    answers = list(answers or prog.answers)
    expected = prog.trace(answers)
    done = step(prog, "--log", LOG, keys=prog.typed(expected))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert f"End of the program: {len(expected)} steps, {len(answers)} answer(s)." in done.stdout
    assert "note: keep the knee over the second toe" in done.stdout
    assert "try: kept only if the retest is better" in done.stdout
    log = prog.log()
    assert log.steps == expected
    assert log.ended
    assert [outcome for _, outcome in log.answers] == answers


def test_the_log_starts_with_what_identifies_the_program(prog):
    step(prog, "--log", LOG, keys="\n")
    header = json.loads((prog.folder / LOG).read_text(encoding="utf-8").splitlines()[0])
    assert header["prog_session"] == 1
    assert header["program"] == "prog.prog"
    assert len(header["sha256"]) == 64
    assert [item["file"] for item in header["includes"]] == ["lib.prog"]
    assert isinstance(header["vocabulary"], dict)
    assert header["started"]
    assert header["trace"]["program"] == "Knee-saver — right glute med"


def test_each_step_shows_phase_change_drive_and_advantage(prog):
    done = step(prog, "--no-log", keys="\n\n\nq\n")
    out = done.stdout
    assert "phase fire" in out
    assert "   3  pivot frontal x10" in out
    assert "changed: base pivot transverse → pivot frontal" in out
    assert "drive: sagittal +0.00 (neutral) · frontal +3.00 (adduction)" in out
    assert "advantage: 1/3 — adduction" in out
    assert "Nothing was saved" in out


def test_whole_words_any_case_and_wrong_keys_get_hints(prog):
    keys = ["b", "zzz", "?", "", "", "", "", "maybe", "SAME", "q"]
    done = step(prog, "--log", LOG, keys="\n".join(keys) + "\n")
    assert done.returncode == 0
    assert done.stderr == ""
    out = done.stdout
    assert "Nothing to answer here: press Enter to go on." in out
    assert "`zzz` means nothing here" in out
    assert "u takes back the last answer and asks that retest again" in out
    assert "This is a retest: type b, s or w, then Enter." in out
    assert "`maybe` is not an outcome" in out
    assert prog.log().answers == [(4, "same")]


def test_take_back_reasks_and_the_log_keeps_both(prog):
    first = prog.trace(prog.answers)
    before = first[: first.index(next(s for s in first if s["op"] == "undo")) + 1]
    corrected = ["better", "same", "better", "better", "worse"]
    after = prog.trace(corrected)
    retaken = before[-2]["n"]  # the `worse` at the first try alternative
    keys = prog.typed(before) + "u\n" + prog.typed(after[retaken - 1 :])
    done = step(prog, "--log", LOG, keys=keys)
    assert done.returncode == 0, done.stderr
    assert f"Took back the answer to step {retaken} (worse): asking again." in done.stdout
    assert prog.log().steps == after
    records = [json.loads(line) for line in (prog.folder / LOG).read_text().splitlines()]
    retract = records[len(before) + 1]  # after the header and one line per step walked
    assert (retract["event"], retract["n"], retract["outcome"]) == ("retract", retaken, "worse")
    answered = [r["step"]["outcome"] for r in records if r.get("step", {}).get("n") == retaken]
    assert answered == ["worse", "better"]


def test_nothing_to_take_back_is_a_hint(prog):
    done = step(prog, "--log", LOG, keys="u\nq\n")
    assert "There is no answer to take back yet." in done.stdout
    assert not any('"retract"' in line for line in (prog.folder / LOG).read_text().splitlines())


@pytest.mark.parametrize("stop", ["q\n", ""], ids=["quit", "end-of-input"])
def test_stop_then_resume_goes_on_where_it_stopped(prog, stop):
    expected = prog.trace(prog.answers)
    first, rest = expected[:9], expected[9:]
    done = step(prog, "--log", LOG, keys=prog.typed(first) + stop)
    assert done.returncode == 0
    assert "Stopped before step 10" in done.stdout or "Input ended before step 10" in done.stdout
    assert f"prog step prog.prog --resume {LOG}" in done.stdout
    assert prog.log().steps == first
    written = (prog.folder / LOG).read_bytes()

    done = step(prog, "--resume", LOG, keys=prog.typed(rest))
    assert done.returncode == 0, done.stderr
    assert "Resuming session.jsonl: 9 step(s) done, answers so far: better, same, worse." in (
        done.stdout
    )
    assert "  10  foot right forward" in done.stdout
    assert "   9  undo" not in done.stdout
    assert prog.log().steps == expected
    assert (prog.folder / LOG).read_bytes().startswith(written)
    resumed = [json.loads(line) for line in (prog.folder / LOG).read_text().splitlines()]
    assert [r["forced"] for r in resumed if r.get("event") == "resume"] == [False]


def test_resume_skips_a_line_cut_short(prog):
    expected = prog.trace(prog.answers)
    step(prog, "--log", LOG, keys=prog.typed(expected[:6]) + "q\n")
    with (prog.folder / LOG).open("ab") as log:
        log.write(b'{"event":"step","at":"2024-05-0')  # a process killed mid-write
    damaged = len((prog.folder / LOG).read_bytes().split(b"\n"))
    done = step(prog, "--resume", LOG, keys=prog.typed(expected[6:]))
    assert done.returncode == 0, done.stderr
    assert f"Skipped damaged line(s) {damaged} of {LOG}" in done.stdout
    log = prog.log()
    assert log.damaged == [damaged]
    assert log.steps == expected
    lines = (prog.folder / LOG).read_text().splitlines()
    assert all(json.loads(line) for n, line in enumerate(lines, 1) if n != damaged)


@pytest.mark.parametrize("changed", ["prog.prog", "lib.prog"])
def test_resume_refuses_a_changed_program_unless_forced(prog, changed):
    expected = prog.trace(prog.answers)
    step(prog, "--log", LOG, keys=prog.typed(expected[:6]) + "q\n")
    with (prog.folder / changed).open("a") as program:
        program.write("# changed\n")
    written = (prog.folder / LOG).read_bytes()
    done = step(prog, "--resume", LOG, keys="")
    assert done.returncode == 2
    assert "prog.prog has changed since session.jsonl was written" in done.stderr
    assert "--force" in done.stderr
    assert (prog.folder / LOG).read_bytes() == written

    done = step(prog, "--resume", LOG, "--force", keys=prog.typed(expected[6:]))
    assert done.returncode == 0, done.stderr
    assert "The program has changed since the log was written" in done.stdout
    assert prog.log().steps == expected
    resumed = [json.loads(line) for line in (prog.folder / LOG).read_text().splitlines()]
    assert [r["forced"] for r in resumed if r.get("event") == "resume"] == [True]


def test_a_changed_program_is_named_as_given_and_another_by_the_log_too(prog):
    """The log names its program as prog did then: `./prog.prog` is still that file, and
    only a log of another file says which file it was written for."""
    step(prog, "--log", LOG, keys="\nq\n")
    with (prog.folder / "prog.prog").open("a") as program:
        program.write("# changed\n")
    done = prog("step", "./prog.prog", "--resume", LOG, input="")
    assert done.returncode == 2
    assert done.stderr.startswith("prog: ./prog.prog has changed since session.jsonl was")
    (prog.folder / "other.prog").write_text("pivot frontal\nretest\n", encoding="utf-8")
    done = prog("step", "other.prog", "--resume", LOG, input="")
    assert done.returncode == 2
    assert "other.prog (the log was written for prog.prog) has changed since" in done.stderr


def test_resume_of_a_finished_session_changes_nothing(prog):
    expected = prog.trace(prog.answers)
    step(prog, "--log", LOG, keys=prog.typed(expected))
    written = (prog.folder / LOG).read_bytes()
    done = step(prog, "--resume", LOG, keys="")
    assert done.returncode == 0
    assert "already reached the end of the program" in done.stdout
    assert (prog.folder / LOG).read_bytes() == written


def test_an_existing_log_is_never_overwritten(prog):
    (prog.folder / LOG).write_text("an earlier session\n")
    done = step(prog, "--log", LOG, keys="\n")
    assert done.returncode == 2
    assert f"already exists; to go on with that session use `--resume {LOG}`" in done.stderr
    assert (prog.folder / LOG).read_text() == "an earlier session\n"


def test_a_folder_named_as_the_log_is_said_to_be_a_folder(prog):
    (prog.folder / LOG).mkdir()
    done = step(prog, "--log", LOG, keys="\n")
    assert done.returncode == 2
    assert f"{LOG} is a folder; give the session log a file's name" in done.stderr
    assert "--resume" not in done.stderr


def test_an_existing_empty_file_becomes_the_log(prog):
    (prog.folder / LOG).write_text("")
    done = step(prog, "--log", LOG, keys="\nq\n")
    assert done.returncode == 0, done.stderr
    assert prog.log().steps[0]["n"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-"], "standard input carries the answers"),
        (["prog.prog", "--log", "a.jsonl", "--resume", "b.jsonl"], "not both"),
        (["prog.prog", "--force"], "--force only makes sense with --resume"),
        (["prog.prog", "--resume", "missing.jsonl"], "cannot read missing.jsonl"),
        (["prog.prog", "--resume", "lib.prog"], "lib.prog is not a prog session log"),
        (["missing.prog"], "cannot read missing.prog"),
    ],
)
def test_usage_problems_exit_2_with_a_message(prog, args, message):
    done = prog("step", *args, input="")
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_a_program_with_errors_is_not_stepped(prog):
    (prog.folder / "bad.prog").write_text("pivot sideways\n")
    done = prog("step", "bad.prog", "--log", LOG, input="\n")
    assert done.returncode == 1
    assert "P002" in done.stderr
    assert not (prog.folder / LOG).exists()


def test_report_shows_what_works(prog):
    step(prog, "--log", LOG, keys=prog.typed(prog.trace(prog.answers)))
    data = json.loads(prog("report", LOG, "--json").stdout)
    assert data["complete"] is True
    assert [r["n"] for r in data["retests"]] == [4, 6, 8, 11, 14, 18, 20]
    tried = {(item["kind"], item["name"]): item for item in data["tried"]}
    # Each outcome goes to what changed since the previous retest (spec §12).
    assert tried["base", "pivot frontal"]["outcomes"] == {"better": 1, "same": 0, "worse": 0}
    assert tried["driver", "right-hand overhead-left"]["outcomes"] == {
        "better": 0,
        "same": 1,
        "worse": 0,
    }
    assert tried["foot", "right narrow"]["retests"] == [
        {"n": 8, "test": "single-leg-squat", "outcome": "worse"}
    ]
    assert tried["foot", "right turned-in"]["outcomes"]["better"] == 1
    assert tried["disadvantage", "adduction"]["retests"][0]["outcome"] == "worse"

    text = prog("report", LOG).stdout
    works = text[text.index("What works") :]
    row = next(line for line in works.splitlines() if "foot right turned-in" in line)
    assert "#14 better" in row


def test_report_counts_only_answers_still_in_force(prog):
    first = prog.trace(prog.answers)
    keys = prog.typed(first[:4]) + "u\nw\n" + "q\n"
    step(prog, "--log", LOG, keys=keys)
    data = json.loads(prog("report", LOG, "--json").stdout)
    assert [r["outcome"] for r in data["retests"]] == ["worse"]
    assert data["taken_back"] == 1
    assert data["complete"] is False


def test_report_of_something_else_exits_2(prog):
    done = prog("report", "prog.prog")
    assert done.returncode == 2
    assert "not a prog session log" in done.stderr

"""Sessions are kept by default (spec §12): beside the program, else in the user's data folder."""

from __future__ import annotations

import re

from dsl.session_log import read


def kept(prog, folder):
    return sorted(p.name for p in folder.glob("*.jsonl")) if folder.exists() else []


def test_a_session_without_log_is_kept_beside_the_program_and_says_where(prog):
    done = prog("step", "prog.prog", input="\n\nq\n")
    assert done.returncode == 0, done.stderr
    names = kept(prog, prog.folder / "sessions")
    assert len(names) == 1
    assert re.fullmatch(r"prog-\d{4}-\d\d-\d\d-\d{6}\.jsonl", names[0])
    first_line = done.stdout.splitlines()[1]
    assert first_line == f"Keeping this session in sessions/{names[0]}"
    assert f"prog step prog.prog --resume sessions/{names[0]}" in done.stdout
    assert [s["n"] for s in read(str(prog.folder / "sessions" / names[0])).steps] == [1, 2]


def test_two_sessions_in_the_same_second_never_share_a_log(prog):
    for _ in range(3):
        assert prog("step", "prog.prog", input="\nq\n").returncode == 0
    names = kept(prog, prog.folder / "sessions")
    assert len(names) == 3  # a counter when the second is the same, never an overwrite
    for name in names:
        assert read(str(prog.folder / "sessions" / name)).steps[0]["n"] == 1


def test_no_log_keeps_nothing_and_says_so(prog):
    done = prog("step", "prog.prog", "--no-log", input="\nq\n")
    assert done.returncode == 0, done.stderr
    assert "Not keeping this session (--no-log)." in done.stdout
    assert "Nothing was saved (--no-log)." in done.stdout
    assert not (prog.folder / "sessions").exists()


def test_no_log_with_log_is_bad_usage(prog):
    done = prog("step", "prog.prog", "--no-log", "--log", "a.jsonl", input="")
    assert done.returncode == 2
    assert "--no-log keeps nothing" in done.stderr


def test_a_sessions_name_taken_by_a_file_falls_back_to_the_user_data_folder(prog, tmp_path):
    """A folder that cannot hold sessions (here a file named `sessions`), even for root."""
    data = tmp_path / "data"
    prog.env["XDG_DATA_HOME"] = str(data)
    (prog.folder / "sessions").write_text("not a folder\n")
    done = prog("step", "prog.prog", input="\nq\n")
    assert done.returncode == 0, done.stderr
    assert len(kept(prog, data / "prog" / "sessions")) == 1
    assert (prog.folder / "sessions").read_text() == "not a folder\n"


def test_a_program_with_nothing_to_run_keeps_no_session(prog):
    (prog.folder / "empty.prog").write_text("# to be written\n", encoding="utf-8")
    done = prog("step", "empty.prog", input="\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Nothing to run: empty.prog has no movement statement")
    assert not (prog.folder / "sessions").exists()


def test_steps_left_out_of_a_phase_by_their_indentation_say_so(prog):
    (prog.folder / "flat.prog").write_text(
        "target right glute-med\nphase fire:\npivot frontal x10\nretest\n", encoding="utf-8"
    )
    done = prog("step", "flat.prog", "--no-log", input="\nb\n")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    heading = lines.index("(no phase)")
    assert lines[heading + 1].startswith(
        "(these lines come after `phase fire:` but are not indented under it"
    )

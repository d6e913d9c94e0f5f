"""The session logic without a process or a terminal: a scripted screen types the lines."""

from __future__ import annotations

import os
from collections.abc import Sequence

import pytest

from dsl.api import load_text, run
from dsl.interpreter import Step
from dsl.session_log import LogError, Writer, read
from dsl.stepping import Session, changes
from dsl.trace import step_dict

TRY = """\
pivot frontal
retest
try until better:
    foot right narrow
    foot right wide
taper all over 2
retest
"""


class Scripted:
    """A `Screen` that types the given lines and keeps what was shown and said."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = list(lines)
        self.shown: list[tuple[int, list[str]]] = []
        self.said: list[str] = []

    def show(self, step: Step, changed: Sequence[str]) -> None:
        self.shown.append((step.n, list(changed)))

    def read(self, prompt: str) -> str | None:
        return self.lines.pop(0) if self.lines else None

    def say(self, text: str, kind: str = "info") -> None:
        self.said.append(text)


def checked(text: str = TRY):
    loaded = load_text(text)
    assert loaded.ok, loaded.diagnostics
    return loaded.checked


def test_the_walk_matches_run_and_shows_every_step_once():
    screen = Scripted(["", "s", "", "w", "", "", "b", "", "", "s"])
    session = Session(checked(), screen)
    assert session.run() == "end"
    expected = list(run(checked(), ["same", "worse", "better", "same"]))
    assert [n for n, _ in screen.shown] == [s.n for s in expected]
    assert session.answers == [(s.n, s.outcome) for s in expected if s.op == "retest"]


def test_end_of_input_and_quit_say_why_they_stopped():
    assert Session(checked(), Scripted([""])).run() == "eof"
    assert Session(checked(), Scripted(["", "q"])).run() == "quit"


def test_ctrl_c_is_a_clean_stop():
    class Interrupting(Scripted):
        def read(self, prompt: str) -> str | None:
            if not self.lines:
                raise KeyboardInterrupt
            return super().read(prompt)

    session = Session(checked(), Interrupting(["", "b"]))
    assert session.run() == "interrupt"
    assert session.answers == [(2, "better")]
    assert session.done == 2


def test_take_back_twice_goes_back_two_answers():
    screen = Scripted(["", "w", "", "w", "u", "u", "b", "q"])
    session = Session(checked(), screen)
    assert session.run() == "quit"
    assert session.answers == [(2, "better")]
    assert screen.said[-2:] == [
        "Took back the answer to step 4 (worse): asking again.",
        "Took back the answer to step 2 (worse): asking again.",
    ]
    assert [n for n, _ in screen.shown] == [1, 2, 3, 4, 5, 4, 2, 3]


def test_resume_replays_answers_and_shows_only_what_is_left():
    screen = Scripted(["", "", "s"])
    session = Session(checked(), screen, answers=[(2, "same"), (4, "better")], done=4)
    assert session.run() == "end"
    assert [n for n, _ in screen.shown] == [5, 6, 7]
    assert session.answers == [(2, "same"), (4, "better"), (7, "same")]


def test_resume_of_a_changed_program_asks_where_the_answers_run_out():
    screen = Scripted(["b"])
    session = Session(checked('pivot frontal\nnote "x"\nretest\n'), screen, answers=[], done=3)
    assert session.run() == "end"
    assert [n for n, _ in screen.shown] == [3]
    assert session.answers == [(3, "better")]


def test_the_log_of_a_session_is_what_run_gives(tmp_path):
    path = str(tmp_path / "s.jsonl")
    program = checked()
    log = Writer.create(path, program.program.file, {"prog_session": 1})
    Session(program, Scripted(["", "s", "", "u", "b", "", "b", "", "", "b"]), log).run()
    log.close()
    recorded = read(path)
    assert recorded.ended
    main = program.program.file
    assert recorded.steps == [step_dict(s, main) for s in run(program, ["better"] * 3)]
    assert [r["n"] for r in recorded.retracted] == [2]


@pytest.mark.parametrize(
    ("before", "after", "said"),
    [
        ("", "pivot frontal", ["base pivot frontal", "frontal +0.00 → +3.00", "advantage 0 → 1"]),
        (
            "pivot frontal; foot right narrow",
            "foot right wide",
            ["foot right wide instead of foot right narrow", "frontal +3.00 → +2.00"],
        ),
        (
            "pivot frontal; driver right-hand down",
            "taper driver over 2",
            ["driver right-hand down 100% → 50%", "sagittal +2.00 → +1.00"],
        ),
        (
            "pivot sagittal; retest",
            "disadvantage flexion",
            ["disadvantaged flexion", "sagittal +2.00 → +0.00", "advantage 1 → 0"],
        ),
        (
            "pivot sagittal; retest; disadvantage flexion",
            "restore flexion",
            ["restored flexion", "sagittal +0.00 → +2.00", "advantage 0 → 1"],
        ),
        ("pivot frontal", "retest", ["nothing"]),
    ],
)
def test_changes_say_what_is_different(before, after, said):
    first = len(list(run(checked(before)))) if before else 0
    walk = list(run(checked(f"{before}; {after}" if before else after)))
    assert changes(walk[first - 1] if first else None, walk[first]) == said


def test_a_log_that_cannot_be_written_stops_the_session_with_a_message(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text("")
    program = checked()
    log = Writer(os.open(path, os.O_RDONLY), str(path), program.program.file)  # refuses writes
    with pytest.raises(LogError, match="cannot write"):
        Session(program, Scripted([""]), log).run()
    log.close()

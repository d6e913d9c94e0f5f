"""One session, one writer: while a log is open for writing (by `prog step` or the studio),
another `prog step --resume` on it is refused, told who holds it, and changes nothing; the
lock goes with its holder."""

from __future__ import annotations

import os

from dsl.session_log import Writer


def test_a_second_writer_is_refused_and_told_who_holds_the_log(prog) -> None:
    started = prog("step", "prog.prog", "--log", "session.jsonl", input="\n\nq\n")
    assert started.returncode == 0, started.stderr
    log = prog.folder / "session.jsonl"
    before = log.read_bytes()
    holder = Writer.append(str(log), "prog.prog")
    try:
        refused = prog("step", "prog.prog", "--resume", "session.jsonl", input="\n")
        assert refused.returncode == 2
        assert "session.jsonl is open in another session" in refused.stderr
        assert f"process {os.getpid()}" in refused.stderr
        assert log.read_bytes() == before
    finally:
        holder.close()
    resumed = prog("step", "prog.prog", "--resume", "session.jsonl", input="q\n")
    assert resumed.returncode == 0, resumed.stderr
    assert not (prog.folder / "session.jsonl.lock").exists()

"""A plugin's lint rule cannot take the lint down: a rule that yields a finding at a place
that is not in the program, or never returns, is one P004 naming it; the file's other
diagnostics are kept, and the other files are linted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.robust.plugins import install
from tests.robust.run import prog

PROGRAM = "target right glute-med\npivot frontal\nretest\nfoot left wide\n"  # P104, P107


def lint(folder: Path, *args: str, budget: str = "1") -> list[dict]:
    env = {"PYTHONPATH": str(folder / "site"), "PROG_RULE_SECONDS": budget}
    done = prog("lint", "--format", "json", *args, cwd=folder, env=env)
    assert done.returncode == 1, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize(
    ("span", "problem"),
    [
        ("Span(ctx.program.file, 0, 1, 1, 2)", "whose span is not at a line and column from 1"),
        ("Span(ctx.program.file, 3, 5, 2, 1)", "whose span ends before it starts"),
        ("Span(ctx.program.file, 'two', 1, 1, 2)", "whose span is not at a line and column"),
        ("Span(ctx.program.file, True, 1, 1, 2)", "whose span is not at a line and column"),
        ("Span(ctx.program.file, 1, 1, 1, 2.0)", "whose span is not at a line and column"),
        ("Span(ctx.program.file, 2, 1, 1, 9)", "whose span ends before it starts"),
        ("Span(None, 1, 1, 1, 2)", "in a file that is not the program's (None)"),
        ("Span('/etc/passwd', 1, 1, 1, 2)", "in a file that is not the program's"),
    ],
)
def test_a_finding_with_a_bad_span_is_a_p004_and_the_rest_stays(
    tmp_path: Path, span: str, problem: str
) -> None:
    install(tmp_path / "site", "badspan", f"yield Finding({span}, 'somewhere odd')")
    (tmp_path / "a.prog").write_text(PROGRAM, encoding="utf-8")
    found = lint(tmp_path, "a.prog")
    codes = sorted(d["code"] for d in found)
    assert codes == ["P004", "P104", "P107", "Z102"]
    [p004] = [d for d in found if d["code"] == "P004"]
    assert p004["message"].startswith("lint rule Z101 of the `badspan` plugin gave a Finding ")
    assert problem in p004["message"]


def test_a_finding_made_of_subclasses_of_the_api_types_is_kept(tmp_path: Path) -> None:
    """The engine checks findings by exact type first, for speed; a rule that subclasses
    `Finding`, `Span` or `str` gives findings as good, and they are shown."""
    body = """
    class Mine(Finding):
        pass
    class Where(Span):
        pass
    class Words(str):
        pass
    span = ctx.program.statements[1].span
    yield Mine(Where(span.file, span.line, span.col, span.end_line, span.end_col), Words("mine"))
    """
    install(tmp_path / "site", "subclassed", body)
    (tmp_path / "a.prog").write_text(PROGRAM, encoding="utf-8")
    found = lint(tmp_path, "a.prog")
    assert sorted(d["code"] for d in found) == ["P104", "P107", "Z101", "Z102"]
    [mine] = [d for d in found if d["code"] == "Z101"]
    assert (mine["line"], mine["message"]) == (2, "mine")


@pytest.mark.parametrize(
    "body",
    [
        "while True:\n    pass\nyield",
        # catches everything once, the budget's own exception included, and loops again
        "try:\n    while True:\n        pass\nexcept BaseException:\n    pass\n"
        "while True:\n    pass\nyield",
        "import time\ntime.sleep(3600)\nyield",
    ],
    ids=["loop", "swallows-once", "sleeps"],
)
def test_a_rule_that_never_returns_is_stopped_and_reported(tmp_path: Path, body: str) -> None:
    install(tmp_path / "site", "stuck", body)
    (tmp_path / "a.prog").write_text(PROGRAM, encoding="utf-8")
    (tmp_path / "b.prog").write_text(PROGRAM, encoding="utf-8")
    found = lint(tmp_path, "a.prog", "b.prog")
    for name in ("a.prog", "b.prog"):  # the lint went on to the second file
        codes = sorted(d["code"] for d in found if d["file"] == name)
        assert codes == ["P004", "P104", "P107", "Z102"], found
    messages = {d["message"] for d in found if d["code"] == "P004"}
    assert messages == {
        "lint rule Z101 of the `stuck` plugin took longer than 1 s on this file; "
        "its findings are left out"
    }


def test_each_rule_has_its_own_budget_however_long_the_rules_before_it_took(
    tmp_path: Path,
) -> None:
    """Two rules of 0.7 s each under a 1 s budget: together past it, each within it. The
    alarm is set once per file; when it comes during the second rule it waits for that
    rule's own deadline, so neither is stopped."""
    sleep = "import time\ntime.sleep(0.7)\nyield from ()"
    module = install(tmp_path / "site", "patient", sleep)
    with module.open("a", encoding="utf-8") as file:
        file.write(
            "\n\ndef second(ctx):\n    import time\n    time.sleep(0.7)\n    yield from ()\n"
            "\n\nplugin.rules.append(Rule(code='Z103', summary='also slow', check=second))\n"
        )
    (tmp_path / "a.prog").write_text(PROGRAM, encoding="utf-8")
    found = lint(tmp_path, "a.prog")
    assert sorted(d["code"] for d in found) == ["P104", "P107", "Z102"]


def test_a_rule_stopped_once_is_run_again_next_time_not_answered_from_the_cache(
    tmp_path: Path,
) -> None:
    """A slow moment is not a finding about the file: the P004 it gave is not cached."""
    marker = tmp_path / "was-slow"
    body = f"import pathlib, time\nif not pathlib.Path({str(marker)!r}).exists():\n"
    body += f"    pathlib.Path({str(marker)!r}).touch()\n    time.sleep(5)\nyield from ()"
    install(tmp_path / "site", "slowonce", body)
    (tmp_path / "a.prog").write_text(PROGRAM, encoding="utf-8")
    first = sorted(d["code"] for d in lint(tmp_path, "a.prog"))
    second = sorted(d["code"] for d in lint(tmp_path, "a.prog"))
    assert (first, second) == (["P004", "P104", "P107", "Z102"], ["P104", "P107", "Z102"])


def test_a_budget_of_0_turns_it_off_for_a_rule_that_ends(tmp_path: Path) -> None:
    install(tmp_path / "site", "slow", "import time\ntime.sleep(0.2)\nyield from ()")
    (tmp_path / "a.prog").write_text(PROGRAM, encoding="utf-8")
    found = lint(tmp_path, "a.prog", budget="0")
    assert sorted(d["code"] for d in found) == ["P104", "P107", "Z102"]


def test_a_rule_that_swallows_every_stop_ends_prog_with_a_message(tmp_path: Path) -> None:
    """Past its budget and a second of grace, a rule that catches every exception, every
    time, cannot be stopped from inside: prog names it and exits 2 rather than hang."""
    body = "while True:\n    try:\n        while True:\n            pass\n"
    body += "    except BaseException:\n        pass\nyield"
    install(tmp_path / "site", "stubborn", body)
    (tmp_path / "a.prog").write_text(PROGRAM, encoding="utf-8")
    env = {"PYTHONPATH": str(tmp_path / "site"), "PROG_RULE_SECONDS": "1"}
    done = prog("lint", "a.prog", cwd=tmp_path, env=env)
    assert done.returncode == 2
    assert done.stderr == (
        "prog: lint rule Z101 of the `stubborn` plugin ran past its time budget and would "
        "not stop; prog stopped without finishing\n"
    )

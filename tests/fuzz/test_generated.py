"""Programs generated from the grammar's statements: each parses, formats and runs, and its
formatted text gives the same trace; the parser's two loops build the same tree."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from dsl import lalr, line_parser, parser
from dsl.api import load_text, run
from dsl.trace import document
from tests.fuzz.mutations import mutated_programs
from tests.fuzz.pipeline import FUZZ, survive
from tests.strategies import programs

OUTCOMES = st.lists(st.sampled_from(("better", "same", "worse")), max_size=12)


def steps(text: str, outcomes: list[str]) -> list[dict[str, Any]]:
    """The trace's steps without `line`: formatting spreads `;` lines out, and that is all
    it may change."""
    loaded = load_text(text, "plan.prog")
    assert loaded.ok and loaded.checked is not None, loaded.diagnostics
    trace = document(loaded.checked, run(loaded.checked, outcomes))
    return [{key: value for key, value in step.items() if key != "line"} for step in trace["steps"]]


@FUZZ
@given(programs(), OUTCOMES)
def test_a_generated_program_parses_formats_and_runs_the_same(text: str, outcomes: list[str]):
    seen = survive(text, "plan.prog")
    assert not seen.errors, seen.errors
    assert seen.trace is not None and seen.formatted is not None
    assert steps(seen.formatted, outcomes) == steps(text, outcomes)


def both_loops(text: str) -> tuple[object, object]:
    """What Lark's own loop and the lean loop make of `text`: the statements and the
    diagnostics reported while parsing, or the exception's type."""
    _, builder, runner = parser._parser()
    assert runner is not None, "the lean loop should serve this grammar"
    results = []
    for parse in (parser._lark().parse, runner.parse):
        builder.reset("t.prog")
        try:
            results.append((parse(text), list(builder.diagnostics)))
        except Exception as error:
            results.append(type(error))
    return results[0], results[1]


@FUZZ
@given(programs())
def test_the_lean_loop_builds_what_lark_builds(text: str) -> None:
    via_lark, via_runner = both_loops(text)
    assert via_runner == via_lark


@FUZZ
@given(mutated_programs())
def test_the_lean_loop_never_accepts_what_lark_refuses(text: str) -> None:
    text += "\n"
    via_lark, via_runner = both_loops(text)
    if isinstance(via_lark, tuple):
        # What the lean loop reads, it reads as Lark does; it leaves some texts Lark reads
        # to Lark's loop (`Unsure`: an indented first line, say), by design.
        assert via_runner == via_lark or via_runner is lalr.Unsure
    else:
        assert not isinstance(via_runner, tuple), f"Lark raised {via_lark.__name__}"


def by_lines(text: str) -> object:
    """What the line parser makes of `text`, or None when it leaves the text to the LALR
    loop."""
    try:
        return line_parser.parse(text, "t.prog")
    except lalr.Unsure:
        return None


@FUZZ
@given(programs())
def test_the_line_parser_reads_every_generated_program_as_lark_does(text: str) -> None:
    via_lark, _ = both_loops(text)
    assert isinstance(via_lark, tuple)
    assert [by_lines(text), []] == list(via_lark)


@FUZZ
@given(mutated_programs())
def test_the_line_parser_never_accepts_what_lark_refuses(text: str) -> None:
    text += "\n"
    via_lines = by_lines(text)
    if via_lines is not None:
        via_lark, _ = both_loops(text)
        assert isinstance(via_lark, tuple), f"Lark raised {via_lark.__name__}"
        assert [via_lines, []] == list(via_lark)


def test_a_state_with_several_scanners_tries_them_in_order() -> None:
    """Lark splits a state's terminals over several scanners when there are many; the lean
    loop tries them in order, as Lark does (here, one that never matches comes first)."""
    import copy

    tables, builder, runner = parser._parser()
    assert runner is not None
    split = copy.deepcopy(tables.runner)
    for lexing in split["lexings"]:
        lexing["scanners"].insert(0, ["(?!)", 0])
    text = (Path(__file__).parents[2] / "examples" / "golfer.prog").read_text(encoding="utf-8")
    split_runner = lalr.Runner(split, builder, runner.indenter)
    builder.reset("golfer.prog")
    assert split_runner.parse(text) == runner.parse(text)

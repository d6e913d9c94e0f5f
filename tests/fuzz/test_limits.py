"""Every limit of spec §7 is a diagnostic that comes before the work explodes.

Each test states the work it allows, by counting calls or by a generous clock (a few
seconds for what would otherwise take hours), never by a tight timing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dsl import api, ops, parser
from dsl.api import load_path, load_text, run
from dsl.source import MAX_BYTES, decode
from tests.fuzz.pipeline import within

QUICK = 5.0  # seconds; each case below would run for hours (or forever) unbounded


def codes(text: str) -> list[str]:
    with within(QUICK):
        return [d.code for d in load_text(text, "t.prog").diagnostics]


def define_chain(depth: int, uses: int, first: str = "pivot frontal") -> str:
    """`d0` holds `first`; each `dN` uses `dN-1` `uses` times; the program uses the last."""
    lines = ["target right glute-med", "define d0:", f"    {first}"]
    for level in range(1, depth + 1):
        lines.append(f"define d{level}:")
        lines += [f"    use d{level - 1}"] * uses
    lines += [f"use d{depth}", "retest"]
    return "\n".join(lines) + "\n"


def test_an_input_over_5_mib_is_refused_unparsed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api, "parse", lambda source: pytest.fail("parsed a refused input"))
    data = b"retest\n" * (MAX_BYTES // 7 + 1)
    with within(QUICK):
        source, problems = decode(data, "big.prog", None)
    assert source is None
    assert [(p.code, p.span.line) for p in problems] == [("P005", 1)]


def test_invalid_utf8_is_placed_at_its_byte() -> None:
    source, problems = decode(b"pivot frontal\n  \xff retest\n", "bad.prog", None)
    assert source is None
    assert [(p.code, p.span.line, p.span.col) for p in problems] == [("P005", 2, 3)]
    assert "0xff" in problems[0].message


def nested(depth: int) -> str:
    lines = [f"{'    ' * level}try until better:" for level in range(depth)]
    return "\n".join([*lines, "    " * depth + "foot left wide"]) + "\n"


def test_nesting_deeper_than_32_stops_the_parse_at_that_line() -> None:
    assert "P005" not in codes(nested(32))
    with within(QUICK):
        program, problems = parser.parse(api.Source("t.prog", nested(33), None))
    assert [(p.code, p.span.line, p.span.col) for p in problems] == [("P005", 34, 4 * 33 + 1)]
    assert program.statements == ()  # the caret is at the line's first word, after its blanks


def test_a_define_chain_that_multiplies_is_refused_without_expanding_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counted = 0
    step_count = ops.step_count

    def counting(op: ops.Op, counts: dict[str, int]) -> int:
        nonlocal counted
        counted += 1
        return step_count(op, counts)

    monkeypatch.setattr(ops, "step_count", counting)
    found = codes(define_chain(depth=10, uses=10))  # 10**10 steps if it were run
    assert found.count("P005") == 1
    assert counted < 500  # one look at each op, not one per step


def test_defines_without_steps_that_multiply_are_checked_quickly() -> None:
    # A define of context lines only (a P007 error) has no steps, so the step ceiling
    # never trips: the other checks must not walk the 10**12 uses either.
    found = codes(define_chain(depth=12, uses=10, first="target left glute-med"))
    assert "P007" in found


def test_a_chain_of_ten_thousand_defines_checks_and_runs() -> None:
    with within(QUICK):
        loaded = load_text(define_chain(depth=10_000, uses=1), "t.prog")
        assert loaded.ok and loaded.checked is not None
        assert [step.op for step in run(loaded.checked)] == ["pivot", "retest"]


def test_a_define_that_uses_itself_through_a_long_chain_is_named() -> None:
    text = define_chain(depth=3000, uses=1).replace(
        "define d0:\n    pivot frontal", "define d0:\n    use d3000"
    )
    with within(QUICK):
        loaded = load_text(text, "t.prog")
    cycles = [d.message for d in loaded.diagnostics if "uses itself" in d.message]
    assert len(cycles) == 1 and cycles[0].startswith("`d0` uses itself: d0 → d3000 → d2999")


def test_the_step_ceiling_is_exactly_100_000() -> None:
    body = "define d:\n" + "    pivot frontal\n" * 100 + "use d\n" * 1000
    assert "P005" not in codes(body)  # 100,000 steps
    assert "P005" in codes(body + "retest\n")  # 100,001


def include_chain(folder: Path, depth: int) -> Path:
    for level in range(depth):
        (folder / f"lib{level}.prog").write_text(
            f'include "lib{level + 1}.prog"\ndefine d{level}:\n    retest\n', encoding="utf-8"
        )
    (folder / f"lib{depth}.prog").write_text("define last:\n    retest\n", encoding="utf-8")
    main = folder / "main.prog"
    main.write_text('include "lib0.prog"\nuse last\nretest\n', encoding="utf-8")
    return main


def test_includes_nested_deeper_than_16_are_refused(tmp_path: Path) -> None:
    with within(QUICK):
        ok = load_path(str(include_chain(tmp_path, 15)))
    assert "P005" not in [d.code for d in ok.diagnostics]
    for old in tmp_path.iterdir():
        old.unlink()
    with within(QUICK):
        deep = load_path(str(include_chain(tmp_path, 40)))
    assert any("nested deeper than 16" in d.message for d in deep.diagnostics)


def test_an_include_cycle_and_an_escape_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.prog").write_text('include "b.prog"\nretest\n', encoding="utf-8")
    (tmp_path / "b.prog").write_text('include "a.prog"\n', encoding="utf-8")
    (tmp_path / "c.prog").write_text('include "../c.prog"\nretest\n', encoding="utf-8")
    with within(QUICK):
        cycle = load_path(str(tmp_path / "a.prog")).diagnostics
        escape = load_path(str(tmp_path / "c.prog")).diagnostics
    assert [d.message for d in cycle if d.code == "P005"] == [
        "include cycle: a.prog → b.prog → a.prog"
    ]
    assert [d.message for d in escape if d.code == "P005"] == [
        "`../c.prog` is outside the program's folder"
    ]


def test_syntax_error_recovery_stops_at_its_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each recovery parses the whole text again; a big file full of errors gets a few.
    text = "pivot frontal\n" * 2000 + "pivot (\n" * 10
    monkeypatch.setattr(parser, "MAX_REPARSED", 3 * len(text))
    with within(QUICK):
        program, problems = parser.parse(api.Source("t.prog", text, None))
    assert [p.code for p in problems] == ["P001"] * 4
    assert program.statements == ()

"""The parser on its own: text in, AST with spans out; Lark never leaks past it."""

from __future__ import annotations

import lark

from dsl import nodes as n
from dsl.parser import parse
from dsl.source import Source


def tree(text: str) -> n.Program:
    program, errors = parse(Source("p.prog", text, None))
    assert errors == []
    return program


def walk(value: object):
    yield value
    if isinstance(value, tuple):
        for item in value:
            yield from walk(item)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from walk(getattr(value, name))


def test_every_statement_kind_becomes_its_node_with_a_span():
    program = tree(
        'program "T"\ntarget right glute-med\nsport golf handed left\ninclude "lib.prog"\n'
        "pivot frontal x10\nfunction golf.top 3x8\ndriver pelvis back\nfoot left wide\n"
        "surface slope inversion\nsurface flat\nground-reaction low\nretest hop\nundo\n"
        "taper driver left-hand over 4\ndisadvantage flexion, adduction reverse\n"
        "restore all\nnote \"n\"\nuse warm\ndefine warm:\n    pivot sagittal for 2m\n"
        "phase p: pivot transverse; retest\ntry until better:\n    foot right narrow\n"
        "    foot right wide\n"
    )
    kinds = [type(s).__name__ for s in program.statements]
    assert kinds == [
        "ProgramTitle", "Target", "SportLine", "Include", "Pivot", "Function", "Driver", "Foot",
        "Surface", "Surface", "GroundReaction", "Retest", "Undo", "Taper", "Disadvantage",
        "Restore", "Note", "Use", "Define", "Phase", "Try",
    ]
    assert [s.span.line for s in program.statements][:5] == [1, 2, 3, 4, 5]
    assert not any(isinstance(v, lark.Tree | lark.Token) for v in walk(program))


def test_spans_point_at_the_words():
    pivot = tree("pivot   Frontal  x10\n").statements[0]
    assert isinstance(pivot, n.Pivot)
    assert (pivot.span.line, pivot.span.col, pivot.span.end_col) == (1, 1, 21)
    assert (pivot.plane.text, pivot.plane.span.col, pivot.plane.span.end_col) == ("frontal", 9, 16)
    assert pivot.dose is not None and pivot.dose.reps == 10


def test_doses():
    doses = [s.dose for s in tree("pivot frontal x12\npivot frontal 3X10\npivot frontal for 30s\n"
                                  "pivot frontal for 2M\n").statements]
    assert [(d.sets, d.reps, d.seconds, d.text()) for d in doses] == [
        (None, 12, None, "x12"), (3, 10, None, "3x10"), (None, None, 30, "for 30s"),
        (None, None, 120, "for 2m"),
    ]


def test_blocks_inline_and_indented():
    inline, block = tree("phase a: pivot frontal; retest\nphase b:\n    pivot frontal\n"
                         "    retest\n").statements
    assert isinstance(inline, n.Phase) and inline.inline and len(inline.body) == 2
    assert isinstance(block, n.Phase) and not block.inline and len(block.body) == 2
    assert block.span.end_line == 4


def test_comments_blank_lines_and_a_missing_final_newline():
    program = tree("# top\n\n   # indented comment\npivot frontal # why\n\n  \nretest")
    assert [s.op for s in program.statements] == ["pivot", "retest"]


def test_taper_over_is_a_keyword_only_where_it_can_be():
    taper = tree("taper driver over 3\n").statements[0]
    assert isinstance(taper, n.Taper)
    assert [w.text for w in taper.ref] == ["driver"] and taper.over == 3

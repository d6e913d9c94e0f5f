"""Laws over generated programs: the mirror law, and parse → canonical text → parse."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from dsl import canonical
from dsl import nodes as n
from dsl.api import load_text, run
from dsl.parser import parse
from dsl.source import Source
from tests.strategies import abstract_programs, programs, styles, write

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
ANSWERS = ["better", "same", "worse", "same"] * 40


@SETTINGS
@given(abstract_programs(), styles)
def test_a_left_program_equals_its_mirrored_right_program(program, style):
    right = load_text(write(program, style=style))
    left = load_text(write(program, mirrored=True, style=style))
    assert right.ok and left.ok, right.diagnostics + left.diagnostics
    assert left.checked.target_side == "left"
    right_steps = [(s.op, s.drive, s.favorable, s.advantage) for s in run(right.checked, ANSWERS)]
    left_steps = [(s.op, s.drive, s.favorable, s.advantage) for s in run(left.checked, ANSWERS)]
    assert left_steps == right_steps


def _shape(statements: tuple[n.Statement, ...]) -> list[object]:
    """The program without positions: canonical text and block structure."""
    out: list[object] = []
    for statement in statements:
        if isinstance(statement, n.Block):
            out.append((canonical.text(statement), _shape(statement.body)))
        else:
            out.append(canonical.text(statement))
    return out


def _canonical_program(statements: tuple[n.Statement, ...], depth: int = 0) -> str:
    lines = []
    for statement in statements:
        lines.append("    " * depth + canonical.text(statement))
        if isinstance(statement, n.Block):
            lines.append(_canonical_program(statement.body, depth + 1).rstrip("\n"))
    return "\n".join(lines) + "\n"


@SETTINGS
@given(programs())
def test_parse_canonical_text_parse_gives_the_same_program(text):
    first, errors = parse(Source("a.prog", text, None))
    assert errors == []
    again, errors = parse(Source("a.prog", _canonical_program(first.statements), None))
    assert errors == []
    assert _shape(again.statements) == _shape(first.statements)

"""Diagnostics as every output shows them: sorted by file, line, column, code and message,
each once."""

from __future__ import annotations

from dsl.diagnostics import Diagnostic, in_shown_order
from dsl.nodes import Span


def at(file: str, line: int, code: str, message: str, hint: str | None = None) -> Diagnostic:
    return Diagnostic(code, "warning", message, Span(file, line, 1, line, 2), hint)


def test_sorted_by_place_code_then_message_with_repeats_dropped() -> None:
    first = at("b.prog", 2, "P102", "b")
    same_place_other_help = at("b.prog", 2, "P102", "b", hint="another help line")
    found = [
        at("b.prog", 2, "P102", "b"),  # a repeat of `first`, given before it
        same_place_other_help,
        at("a.prog", 9, "P104", "z"),
        first,
        at("b.prog", 2, "P102", "a"),
        at("b.prog", 2, "P101", "c"),
        same_place_other_help,
        at("a.prog", 9, "P104", "z"),
    ]
    assert in_shown_order(found) == [
        at("a.prog", 9, "P104", "z"),
        at("b.prog", 2, "P101", "c"),
        at("b.prog", 2, "P102", "a"),
        first,  # those equal in order keep the order they came in
        same_place_other_help,
    ]


def test_nothing_in_nothing_out() -> None:
    assert in_shown_order([]) == []

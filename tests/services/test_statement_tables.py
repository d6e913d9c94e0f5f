"""Every statement of the grammar has its line in each hand-written table about statements:
the meaning hover and completion show (`KEYWORDS`), what completion offers after it
(`AFTER`) and what a highlighter colours in it (`ROLES`). A statement added to `prog.lark`
fails here until each says something about it, instead of going without docs or
completion in the editor."""

from __future__ import annotations

import pytest

from dsl.highlight import words as highlight
from dsl.services import words as services
from dsl.syntax import grammar_text

TABLES = {
    "dsl.services.words.KEYWORDS": services.KEYWORDS,
    "dsl.services.words.AFTER": services.AFTER,
    "dsl.highlight.words.ROLES": highlight.ROLES,
}


def statement_keywords() -> set[str]:
    """The keyword of every statement rule of the grammar file."""
    return {statement.keyword for statement in highlight.words().statements}


def scope() -> services.Scope:
    from dsl.registry import installed

    return services.Scope(installed())


def test_the_grammar_has_the_statements_a_clinician_writes() -> None:
    found = statement_keywords()
    assert {"pivot", "driver", "retest", "try", "ground-reaction", "note"} <= found
    assert all(f'"{keyword}"i' in grammar_text() for keyword in found)


@pytest.mark.parametrize("name", TABLES)
def test_every_statement_of_the_grammar_is_in_the_table_and_nothing_else(name: str) -> None:
    table, grammar = set(TABLES[name]), statement_keywords()
    assert not grammar - table, f"{name} says nothing about {sorted(grammar - table)}"
    assert not table - grammar, f"{name} names statements not in the grammar: {table - grammar}"


def test_every_statement_is_offered_with_its_meaning() -> None:
    offered = {w.label: w.detail for w in services.keywords(scope(), started=False, in_try=False)}
    assert offered == services.KEYWORDS

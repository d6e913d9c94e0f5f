"""Every statement of the grammar has its line in the one hand-written table about
statements, `dsl.syntax.STATEMENTS`: the meaning hover and completion show, what a syntax
error calls the words after it and what a highlighter colours in it. A statement added to
`prog.lark` fails here until the table says something about it, instead of going without
docs or colour in the editor. Completion's `AFTER` offers words for the statements that take
words from a list, and for no statement the grammar lacks."""

from __future__ import annotations

from dsl.highlight import words as highlight
from dsl.services import words as services
from dsl.syntax import KEYWORDS, STATEMENT_KEYWORDS, STATEMENTS, grammar_text


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


def test_every_statement_of_the_grammar_is_in_the_table_and_nothing_else() -> None:
    table, grammar = set(STATEMENTS), statement_keywords()
    assert not grammar - table, f"dsl.syntax.STATEMENTS says nothing about {grammar - table}"
    assert not table - grammar, (
        f"dsl.syntax.STATEMENTS names statements not in the grammar: {table - grammar}"
    )


def test_the_table_names_each_keyword_as_the_grammar_does() -> None:
    for statement in STATEMENTS.values():
        assert f'{statement.terminal}: "{statement.keyword}"i' in grammar_text()
    assert {KEYWORDS[t] for t in STATEMENT_KEYWORDS} == set(STATEMENTS)


def test_every_statement_is_offered_with_its_meaning() -> None:
    offered = {w.label: w.detail for w in services.keywords(scope(), started=False, in_try=False)}
    assert offered == {keyword: s.meaning for keyword, s in STATEMENTS.items()}
    assert all(offered.values())


def test_completion_offers_the_words_of_every_statement_that_takes_core_words() -> None:
    takes_core_words = {k for k, s in STATEMENTS.items() if s.vocabulary}
    assert takes_core_words <= set(services.AFTER)
    assert set(services.AFTER) <= statement_keywords()

"""The Pygments lexer: every example coloured without an error token, each kind of word
marked as what it is, and the lexer found by name and file name through its entry point, as
`pygmentize`, Sphinx, MkDocs and rich look it up."""

from __future__ import annotations

import os
import subprocess
import sys

import lark
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pygments.lexers import get_lexer_by_name, get_lexer_for_filename
from pygments.token import Comment, Error, Keyword, Name, Number, Punctuation, String, Whitespace

from dsl.catalog import items
from dsl.highlight.pygments_lexer import ProgLexer
from dsl.highlight.words import words
from dsl.registry import installed
from dsl.syntax import grammar_text
from tests.conftest import EXAMPLES

PROGRAMS = sorted(EXAMPLES.rglob("*.prog"))


def tokens(line: str) -> list[tuple[object, str]]:
    """The line's tokens, without whitespace."""
    return [
        (kind, value)
        for kind, value in ProgLexer().get_tokens(line)
        if kind is not Whitespace and value.strip()
    ]


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.stem)
def test_every_example_lexes_without_an_error_token(program) -> None:
    text = program.read_text(encoding="utf-8")
    found = list(ProgLexer().get_tokens(text))
    assert [value for kind, value in found if kind in Error] == []
    assert "".join(value for _, value in found) == text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "pivot frontal x10  # the biggest direct effect",
            [
                (Keyword, "pivot"),
                (Name.Builtin, "frontal"),
                (Number, "x10"),
                (Comment.Single, "# the biggest direct effect"),
            ],
        ),
        (
            "function golf.backswing 3x8",
            [
                (Keyword, "function"),
                (Name.Namespace, "golf"),
                (Punctuation, "."),
                (Name.Builtin, "backswing"),
                (Number, "3x8"),
            ],
        ),
        (
            "pivot transverse for 45s",
            [(Keyword, "pivot"), (Name.Builtin, "transverse"), (Keyword, "for"), (Number, "45s")],
        ),
        (
            "taper foot right over 3",
            [
                (Keyword, "taper"),
                (Name.Builtin, "foot"),
                (Name.Builtin, "right"),
                (Keyword, "over"),
                (Number.Integer, "3"),
            ],
        ),
        (
            "sport golf handed left",
            [
                (Keyword, "sport"),
                (Name.Namespace, "golf"),
                (Keyword, "handed"),
                (Name.Builtin, "left"),
            ],
        ),
        (
            "disadvantage adduction, internal-rotation reverse",
            [
                (Keyword, "disadvantage"),
                (Name.Builtin, "adduction"),
                (Punctuation, ","),
                (Name.Builtin, "internal-rotation"),
                (Keyword, "reverse"),
            ],
        ),
        (
            "phase fire: pivot frontal; retest step-down",
            [
                (Keyword, "phase"),
                (Name.Label, "fire"),
                (Punctuation, ":"),
                (Keyword, "pivot"),
                (Name.Builtin, "frontal"),
                (Punctuation, ";"),
                (Keyword, "retest"),
                (Name, "step-down"),
            ],
        ),
        (
            "try until better:",
            [(Keyword, "try"), (Keyword, "until"), (Keyword, "better"), (Punctuation, ":")],
        ),
        ("define warm-up:", [(Keyword, "define"), (Name.Function, "warm-up"), (Punctuation, ":")]),
        ("use warm-up", [(Keyword, "use"), (Name.Function, "warm-up")]),
        (
            r'note "Say \"slowly\" and mean it: pivot"',
            [
                (Keyword, "note"),
                (String.Double, '"'),
                (String.Double, "Say "),
                (String.Escape, r"\""),
                (String.Double, "slowly"),
                (String.Escape, r"\""),
                (String.Double, " and mean it: pivot"),
                (String.Double, '"'),
            ],
        ),
        (
            "ground-reaction none  # noqa: P103",
            [
                (Keyword, "ground-reaction"),
                (Name.Builtin, "none"),
                (Comment.Special, "# noqa: P103"),
            ],
        ),
        (
            "PIVOT Frontal X10",
            [(Keyword, "PIVOT"), (Name.Builtin, "Frontal"), (Number, "X10")],
        ),
        (
            "target left glute-max",
            [(Keyword, "target"), (Name.Builtin, "left"), (Name.Builtin, "glute-max")],
        ),
        ("surface flat", [(Keyword, "surface"), (Name.Builtin, "flat")]),
        ("restore all", [(Keyword, "restore"), (Name.Builtin, "all")]),
        ("pivto frontal", [(Name, "pivto"), (Name, "frontal")]),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_each_kind_of_word(line: str, expected: list[tuple[object, str]]) -> None:
    assert tokens(line) == expected


def test_every_word_of_the_vocabulary_in_force_is_vocabulary() -> None:
    """What `prog vocab` lists, core and every installed sport: the keyword, then words."""
    registry = installed()
    lines = [item.statement for item in items(registry, sorted(registry.vocabulary.sports))]
    assert len(lines) > 50
    for line in lines:
        found = tokens(line)
        assert found[0] == (Keyword, line.split()[0]), line
        assert {kind for kind, _ in found[1:]} <= {Name.Builtin, Name.Namespace, Punctuation}, line


def test_the_keywords_and_shapes_are_the_grammars() -> None:
    """Read by Lark itself: every keyword of prog.lark is a keyword here, and the shapes of
    a word and a dose are the grammar's."""
    terminals = {t.name: t.pattern for t in lark.Lark(grammar_text(), parser="lalr").terminals}
    keywords = {p.value for p in terminals.values() if "i" in p.flags}
    assert keywords == set(words().keywords)
    assert terminals["WORD"].value == f"{words().part}(\\.{words().part})?"
    assert terminals["SETS_REPS"].value == words().sets_reps


def test_found_by_name_and_by_file_name() -> None:
    assert isinstance(get_lexer_by_name("prog"), ProgLexer)
    assert isinstance(get_lexer_for_filename("golfer.prog"), ProgLexer)


def test_pygmentize_colours_a_program() -> None:
    pygmentize = os.path.join(os.path.dirname(sys.executable), "pygmentize")
    result = subprocess.run(
        [pygmentize, "-l", "prog", "-f", "raw", str(EXAMPLES / "golfer.prog")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Token.Keyword\t'pivot'" in result.stdout
    assert "Token.Name.Builtin\t'overhead-left'" in result.stdout
    assert "Token.Error" not in result.stdout


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from([*'pivotfrnalx10 "\\#;:,.-\t\r\n', "é", "→"])))
def test_any_text_is_lexed_whole(text: str) -> None:
    """Whatever is typed, the lexer gives back every character, in order, and never fails
    (Pygments reads CR LF and a lone CR as LF before any lexer sees the text)."""
    found = ProgLexer(stripnl=False, ensurenl=False).get_tokens(text)
    assert "".join(value for _, value in found) == text.replace("\r\n", "\n").replace("\r", "\n")

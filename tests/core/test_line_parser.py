"""The line parser reads well-formed statements as the LALR loop does, and leaves to it
every text it cannot be sure of: for each text here it either builds exactly Lark's tree
(spans and all) or says `Unsure`, and it says `Unsure` for every text Lark refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from dsl import line_parser, parser
from dsl.lalr import Unsure
from dsl.source import Source

EXAMPLES = sorted((Path(__file__).parents[2] / "examples").rglob("*.prog"))


def by_lark(text: str) -> object:
    """Lark's own loop's statements for `text`, or None if it refuses the text."""
    from lark.exceptions import UnexpectedInput

    _, builder, _ = parser._parser()
    builder.reset("t.prog")
    try:
        statements = parser._lark().parse(text)
    except (UnexpectedInput, parser._Stop):
        return None
    return None if builder.diagnostics else statements


def by_lines(text: str) -> object:
    try:
        return line_parser.parse(text, "t.prog")
    except Unsure:
        return None


# Texts the line parser reads itself: each must give Lark's tree.
READ = [
    # lines indented under no header: stray blocks
    "phase a: pivot x\n    retest\n",
    "pivot x\n    retest\n    undo\nretest\n",
    "phase a:\n    pivot x\n        retest\n    undo\n",
    "# c\n    pivot frontal\n",
    "\n    pivot frontal\n",
    "pivot x\n    phase b:\n        retest\n",
    "pivot x\n    retest\n        undo\n    retest\nundo\n",
    "define a:\n    pivot x\n\n      # c\n        retest\n",
    "pivot frontal\n",
    "PIVOT Frontal X10\n",
    "pivot frontal 3x10; function golf.backswing for 30s\n",
    "pivot frontal for 2M # a comment\n",
    "pivot frontal;\n",
    "pivot frontal ;  driver right-hand overhead-left;# done\n",
    'program "Hip \\"A\\" \\\\ plan"\ninclude "lib/x.prog"\n',
    'note "ünïcode is fine in a note"\n',
    "target right glute-med\nsport golf handed left\nsport golf\n",
    "taper foot\ntaper foot right\ntaper foot over 3\ntaper all over 12\ntaper over over 3\n",
    "taper foot right over 3\n",
    "disadvantage adduction, internal-rotation reverse\ndisadvantage reverse reverse\n",
    "disadvantage a, reverse\ndisadvantage a,b , c\nrestore all\nrestore a, b\n",
    "retest\nretest single-leg-squat\nretest over\nundo\n",
    "surface slope up\nsurface flat\nsurface slope over\nground-reaction high\n",
    "foot left in\nsport handed handed right\nuse extra\n",
    "phase load:\n    pivot frontal\n    retest\n\npivot sagittal\n",
    "phase load: pivot frontal; retest\n",
    "phase load : pivot frontal # inline\n",
    "phase empty:\nphase next:\n    pivot frontal\n",
    "phase empty:\n",
    "phase a:\n    try until better:\n        driver left-hand up\n    retest\nundo\n",
    "phase a:\n    try until better:\n        define b:\npivot frontal\n",
    "define extra:\n  pivot frontal\n\n  # a comment\n\t# a tabbed comment\n  retest\n",
    "# leading comment\n\n   # indented comment\npivot frontal\n",
    "pivot frontal\r\nretest\r\n",
    "phase for: pivot x\n",
    "pivot frontal\t x10\nretest\tx\n",
    "\n",
    "",
]

# Texts Lark reads that the line parser leaves to the LALR loop.
LEFT = [
    "pivot frontal for30s\n",  # tokens that touch
    "    pivot frontal\n",  # an indented first line (no line end before it: no indent)
]

# Texts Lark reads with a diagnostic of the AST builder's: left to the LALR loop too.
NOTED = [
    "phase a:\n\tpivot frontal\n",  # a tab in the indentation (a P001)
    "pivot frontal x1234567890\n",  # a number too long (a P005)
]

# Texts Lark refuses: the line parser must not read them.
REFUSED = [
    "pivot x\n    retest\n  undo\n",  # a dedent to a depth no block has
    "taper foot over\n",
    "taper foot over over 3\n",
    "sport golf handed\n",
    "disadvantage a reversed\n",
    "pivot frontal x10x\n",
    "pivot frontal.\n",
    "phase a: phase b: pivot x\n",
    "pivot a; phase b:\n",
    "pivot a;;\n",
    "; pivot a\n",
    "phase a:\n        pivot x\n    pivot y\n",
    'note "never closed\n',
    "undo x\n",
    "pivot a\r\r\n",
    "ſport golf\n",
    "pivot frontal\n  \r  \n",
]


@pytest.mark.parametrize("text", READ)
def test_the_line_parser_builds_what_lark_builds(text: str) -> None:
    text = text if text.endswith("\n") else text + "\n"
    expected = by_lark(text)
    assert expected is not None, "Lark should read this text"
    assert by_lines(text) == expected


@pytest.mark.parametrize("text", LEFT)
def test_the_line_parser_leaves_what_it_is_not_sure_of(text: str) -> None:
    assert by_lark(text) is not None, "Lark should read this text"
    with pytest.raises(Unsure):
        line_parser.parse(text, "t.prog")


@pytest.mark.parametrize("text", NOTED)
def test_the_line_parser_leaves_what_the_builder_reports(text: str) -> None:
    _, diagnostics = parser.parse(Source("t.prog", text, None))
    assert [d.code for d in diagnostics] in (["P001"], ["P005"])
    with pytest.raises(Unsure):
        line_parser.parse(text, "t.prog")


@pytest.mark.parametrize("text", REFUSED)
def test_the_line_parser_reads_nothing_lark_refuses(text: str) -> None:
    assert by_lark(text) is None, "Lark should refuse this text"
    with pytest.raises(Unsure):
        line_parser.parse(text, "t.prog")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_every_example_is_read_by_the_line_parser_as_lark_reads_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    expected = by_lark(text)
    assert expected is not None
    assert by_lines(text) == expected


def test_a_text_the_line_parser_leaves_is_still_parsed() -> None:
    """`for30s` is a line no statement pattern takes, which goes to Lark's loop straight
    (such a line is most often an error): a well-formed one is read all the same."""
    with pytest.raises(line_parser.NoStatement):
        line_parser.parse("pivot frontal for30s\n", "t.prog")
    program, diagnostics = parser.parse(Source("t.prog", "pivot frontal for30s\n", None))
    assert not diagnostics
    assert program.statements[0].dose.seconds == 30


def test_the_line_parser_reads_the_grammars_own_terminals_and_statements() -> None:
    """The line parser writes the grammar's terminals and statements again as regular
    expressions: each terminal as the grammar file has it, and every statement, so that a
    change to `prog.lark` cannot leave it reading another language."""
    import re

    from dsl import syntax

    grammar = syntax.grammar_text()
    for name, pattern in line_parser.TERMINALS.items():
        found = re.search(rf"^{name}: /(.*)/$", grammar, re.MULTILINE)
        assert found is not None, name
        assert pattern.replace("(?:", "(") == found.group(1), name
    read = {kind.replace("_", "-") for kind in line_parser._SHAPES} | {"phase", "define", "try"}
    assert read == set(syntax.STATEMENTS)

"""An editor's document parsed again after each edit (`dsl.reparse`) gives exactly what
parsing its whole text gives: the same statements, spans and diagnostics, whatever the
edits, broken ones included; and the blocks an edit did not touch are not parsed again."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dsl import parser
from dsl.reparse import Reusable, parse_again
from dsl.source import Source
from tests.conftest import EXAMPLES
from tests.fuzz.pipeline import FUZZ
from tests.strategies import programs

NAME = "edited.prog"
LINES = [
    "",
    "# a comment",
    "retest",
    "    retest",
    "pivot frontl x10",
    "    pivot sagittal x8",
    "phase strength:",
    "define warmup:",
    "use warmup",
    "  foot right narrow",
    "\tretest",
    'note "never closed',
    "target left glute-med",
    "sport golf handed right",
    "try until better:",
    "        driver right-hand overhead-left",
]
STARTS = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.prog"))]


def parsed(text: str, earlier: Reusable | None) -> Reusable | None:
    """Parse `text` after `earlier` and compare with a whole parse; what it kept."""
    source = Source(NAME, text, None)
    program, diagnostics, kept = parse_again(source, frozenset(), earlier)
    assert (program, diagnostics) == parser.parse(source), text
    return kept


@st.composite
def edits(draw: st.DrawFn) -> list[tuple[str, int, str]]:
    return draw(
        st.lists(
            st.tuples(
                st.sampled_from(("insert", "delete", "replace", "append", "type")),
                st.integers(0, 10_000),
                st.sampled_from(LINES),
            ),
            min_size=1,
            max_size=8,
        )
    )


@FUZZ
@given(st.one_of(st.sampled_from(STARTS), programs()), edits())
def test_a_document_edited_parses_as_its_whole_text_does(start: str, changes) -> None:
    earlier = parsed(start, None)
    lines = start.split("\n")
    for kind, at, line in changes:
        at %= len(lines)
        if kind == "insert":
            lines.insert(at, line)
        elif kind == "delete" and len(lines) > 1:
            del lines[at]
        elif kind == "replace":
            lines[at] = line
        elif kind == "append":
            lines.append(line)
        else:  # a keystroke in a line: its end, or a character taken off
            lines[at] = lines[at] + "x" if len(line) % 2 else lines[at][:-1]
        earlier = parsed("\n".join(lines), earlier) or earlier


def test_the_blocks_an_edit_did_not_touch_are_not_parsed_again() -> None:
    text = (EXAMPLES / "whole-method.prog").read_text(encoding="utf-8")
    program, _, kept = parse_again(Source(NAME, text, None), frozenset(), None)
    assert kept is not None and len(kept.pieces) > 3
    lines = text.split("\n")
    last = max(i for i, line in enumerate(lines) if line.strip() and not line.startswith("#"))
    lines[last] += "  # edited"
    again, diagnostics, _ = parse_again(Source(NAME, "\n".join(lines), None), frozenset(), kept)
    assert diagnostics == [] and again == parser.parse(Source(NAME, "\n".join(lines), None))[0]
    same = [a is b for a, b in zip(program.statements, again.statements, strict=True)]
    assert same[0] and not all(same)  # the first block is the very same; the edited one anew


def test_a_comment_at_the_margin_inside_a_block_does_not_end_it() -> None:
    """A comment's indentation is nobody's: the block goes on below it, so the comment
    cannot be where a piece starts."""
    text = "phase one:\n    pivot frontal\n# between\n    retest\nretest\n"
    kept = parsed(text, None)
    for edited in (
        text.replace("pivot frontal", "pivot sagittal"),
        text.replace("# between", "# after"),
        text.replace("phase one:", "phase two:"),
    ):
        parsed(edited, kept)

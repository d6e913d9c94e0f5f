"""Broken programs and texts that were never programs: every one gives diagnostics or a
trace from every stage, and none raises or hangs (see `pipeline.survive`)."""

from __future__ import annotations

from hypothesis import given

from tests.fuzz.mutations import (
    damaged_bytes,
    deep_blocks,
    long_lines,
    mutated_programs,
    odd_texts,
)
from tests.fuzz.pipeline import FUZZ, survive


@FUZZ
@given(mutated_programs())
def test_programs_with_tokens_deleted_swapped_duplicated_or_replaced(text: str) -> None:
    survive(text)


@FUZZ
@given(damaged_bytes())
def test_programs_with_damaged_bytes(data: bytes) -> None:
    seen = survive(data)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        assert [d.code for d in seen.diagnostics] == ["P005"]


@FUZZ
@given(odd_texts())
def test_texts_that_were_never_programs(text: str) -> None:
    survive(text)


@FUZZ
@given(deep_blocks())
def test_blocks_nested_around_the_limit(text: str) -> None:
    seen = survive(text)
    depth = text.count("\n") - 1
    if depth > 32:
        assert "P005" in {d.code for d in seen.diagnostics}


@FUZZ
@given(long_lines())
def test_long_lines(text: str) -> None:
    survive(text)

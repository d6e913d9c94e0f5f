"""The parser tables are kept in the user's own cache folder, safely, never in the shared
temporary folder: a stranger's file there (or a damaged one) costs a rebuild, never code
run or a wrong parse."""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

import pytest

from dsl import grammar_cache, parser, syntax

OPTIONS: dict[str, Any] = dict(parser="lalr", lexer="contextual", maybe_placeholders=False)
TEXT = "phase fire:\n    pivot frontal x10\n    retest single-leg-squat\n"


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "cache"
    monkeypatch.setenv(grammar_cache.CACHE_ENV, str(home))
    return home / "prog"


def build() -> Any:
    builder = parser._AstBuilder()
    lark = grammar_cache.parser(
        syntax.grammar_text(), transformer=builder, postlex=parser._Indenter(builder), **OPTIONS
    )
    builder.reset("t.prog")
    return lark, lark.parse(TEXT)


def count_builds(monkeypatch: pytest.MonkeyPatch, *, allowed: bool) -> list[int]:
    """Make `grammar_cache` build through a Lark that counts (or refuses) each build;
    loading from the cache goes on as before."""
    builds: list[int] = []

    class Counting(grammar_cache.Lark):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            assert allowed, "built the tables instead of loading them"
            builds.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(grammar_cache, "Lark", Counting)
    return builds


def test_tables_are_written_once_privately_then_loaded(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, first = build()
    (stored,) = cache_home.iterdir()
    assert stored.name.startswith("grammar-") and stored.suffix == ".json"
    assert stat.S_IMODE(cache_home.stat().st_mode) == 0o700
    assert not stat.S_IMODE(stored.stat().st_mode) & 0o077
    assert json.loads(stored.read_text())["key"]
    count_builds(monkeypatch, allowed=False)
    _, again = build()
    assert again == first


def test_nothing_is_written_to_the_shared_temporary_folder(
    cache_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    monkeypatch.setenv("TMPDIR", str(shared))
    build()
    build()
    assert list(shared.iterdir()) == []


def test_a_cache_file_others_can_write_is_not_trusted(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build()
    (stored,) = cache_home.iterdir()
    os.chmod(stored, 0o666)
    builds = count_builds(monkeypatch, allowed=True)
    build()
    assert builds == [1]


def test_a_damaged_or_foreign_cache_file_means_a_rebuild(cache_home: Path) -> None:
    _, expected = build()
    (stored,) = cache_home.iterdir()
    for damage in ("{not json", json.dumps({"key": "another grammar"}), '{"key": 1}', ""):
        stored.write_text(damage, encoding="utf-8")
        _, parsed = build()
        assert parsed == expected
        assert json.loads(stored.read_text())["key"] != "another grammar"


def test_no_home_and_no_cache_folder_still_parses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(grammar_cache.CACHE_ENV, raising=False)
    monkeypatch.setattr(grammar_cache.os.path, "expanduser", lambda path: path)
    assert grammar_cache.cache_folder() is None
    _, parsed = build()
    assert parsed


def test_digits_in_the_grammar_are_ascii_only() -> None:
    text = syntax.grammar_text()
    assert "\\d" not in text
    lark, _ = build()
    assert not [t.name for t in lark.terminals if "\\d" in t.pattern.to_regexp()]
    for dose in ("x١٠", "٣x10", "for ٣٠s", "x１０"):
        _, problems = parser.parse(parser.Source("t.prog", f"pivot frontal {dose}\n", None))
        assert [p.code for p in problems] == ["P001"], dose

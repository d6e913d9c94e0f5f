"""The parser tables are kept in the user's own cache folder, safely, never in the shared
temporary folder: a stranger's file there (or a damaged one) costs a rebuild, never code
run or a wrong parse. A well-formed program is then parsed without importing Lark."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from dsl import grammar_cache, lalr, parser, syntax

TEXT = "phase fire:\n    pivot frontal x10\n    retest single-leg-squat\n"


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "cache"
    monkeypatch.setenv(grammar_cache.CACHE_ENV, str(home))
    return home / "prog"


def build() -> tuple[grammar_cache.Tables, Any]:
    """The tables as prog gets them, and what both the lean loop and Lark's loop make of
    TEXT with them (they must agree)."""
    builder = parser._AstBuilder()
    indenter = parser._Indenter(builder)
    tables = grammar_cache.Tables(syntax.grammar_text(), parser.OPTIONS, indenter)
    runner = lalr.Runner.for_tables(tables.runner, builder, indenter)
    assert runner is not None
    builder.reset("t.prog")
    lean = runner.parse(TEXT)
    builder.reset("t.prog")
    assert tables.lark(builder).parse(TEXT) == lean
    return tables, lean


def count_builds(monkeypatch: pytest.MonkeyPatch, *, allowed: bool) -> list[int]:
    """Make `grammar_cache` count (or refuse) each build; loading goes on as before."""
    builds: list[int] = []
    real = grammar_cache.Tables._build

    def counting(self: grammar_cache.Tables) -> Any:
        assert allowed, "built the tables instead of loading them"
        builds.append(1)
        return real(self)

    monkeypatch.setattr(grammar_cache.Tables, "_build", counting)
    return builds


def test_tables_are_written_once_privately_then_loaded(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, first = build()
    (stored,) = cache_home.iterdir()
    assert stored.name.startswith("grammar-") and stored.suffix == ".json"
    assert stat.S_IMODE(cache_home.stat().st_mode) == 0o700
    assert not stat.S_IMODE(stored.stat().st_mode) & 0o077
    assert json.loads(stored.read_text())["identity"][1] == syntax.grammar_text()
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


def test_a_damaged_or_foreign_cache_file_means_a_rebuild(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, expected = build()
    (stored,) = cache_home.iterdir()
    good = json.loads(stored.read_text())
    another_grammar = dict(good, identity=[grammar_cache.FORMAT, "start: WORD", []])
    no_lark = dict(good, lark=None)
    for damage in ("{not json", json.dumps(another_grammar), json.dumps(no_lark), "[]", ""):
        stored.write_text(damage, encoding="utf-8")
        builds = count_builds(monkeypatch, allowed=True)
        _, parsed = build()
        assert builds == [1], damage[:40]
        assert parsed == expected
        assert json.loads(stored.read_text())["identity"] == good["identity"]


def test_tables_from_another_lark_version_are_rebuilt_for_lark(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build()
    (stored,) = cache_home.iterdir()
    stored.write_text(json.dumps(dict(json.loads(stored.read_text()), lark_version="0.0")))
    builds = count_builds(monkeypatch, allowed=True)
    build()
    assert builds == [1]
    assert json.loads(stored.read_text())["lark_version"] != "0.0"


def test_no_home_and_no_cache_folder_still_parses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(grammar_cache.CACHE_ENV, raising=False)
    monkeypatch.setattr(grammar_cache.os.path, "expanduser", lambda path: path)
    assert grammar_cache.cache_folder() is None
    _, parsed = build()
    assert parsed


def test_a_well_formed_program_is_parsed_without_importing_lark(cache_home: Path) -> None:
    """With the tables stored, lint of a clean file and check of a broken one: only the
    broken one needs Lark (its message is Lark's error, worded)."""
    build()
    probe = (
        "import sys\n"
        "from dsl.api import load_text\n"
        "loaded = load_text(sys.argv[1], 't.prog')\n"
        "print([d.code for d in loaded.diagnostics], 'lark' in sys.modules)\n"
    )
    environment = dict(os.environ, **{grammar_cache.CACHE_ENV: str(cache_home.parent)})
    for text, expected in ((TEXT, "[] False"), ("pivot (frontal)\n", "['P001'] True")):
        result = subprocess.run(
            [sys.executable, "-c", probe, text],
            capture_output=True,
            text=True,
            env=environment,
            timeout=60,
        )
        assert result.stdout.strip() == expected, result.stderr


def test_digits_in_the_grammar_are_ascii_only() -> None:
    text = syntax.grammar_text()
    assert "\\d" not in text
    tables, _ = build()
    lark = tables.lark(parser._AstBuilder())
    assert not [t.name for t in lark.terminals if "\\d" in t.pattern.to_regexp()]
    for dose in ("x١٠", "٣x10", "for ٣٠s", "x１０"):
        _, problems = parser.parse(parser.Source("t.prog", f"pivot frontal {dose}\n", None))
        assert [p.code for p in problems] == ["P001"], dose


def test_damaged_lark_tables_behind_a_good_identity_are_rebuilt_when_needed(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lean loop never reads Lark's part of the file; the first text with an error
    does, and a damaged part then costs a rebuild, not a traceback."""
    build()
    (stored,) = cache_home.iterdir()
    damaged = dict(json.loads(stored.read_text()), lark='[{"not": "lark tables"}, {}]')
    stored.write_text(json.dumps(damaged))
    builds = count_builds(monkeypatch, allowed=True)
    builder = parser._AstBuilder()
    tables = grammar_cache.Tables(syntax.grammar_text(), parser.OPTIONS, parser._Indenter(builder))
    assert builds == []
    builder.reset("t.prog")
    assert tables.lark(builder).parse(TEXT)
    assert builds == [1]
    assert json.loads(stored.read_text())["lark"] != damaged["lark"]

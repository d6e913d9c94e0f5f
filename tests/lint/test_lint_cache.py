"""The lint cache as a user sees it: a second `prog lint` says exactly what the first said,
and an edit to a file, to a file it includes, to the settings or to the plugins in force is
never answered from the cache; a damaged cache is ignored and `--no-cache` writes nothing."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from dsl.cli import main

CLEAN = "target right glute-med\npivot frontal x10\nretest\n"
UNTESTED_END = "target right glute-med\npivot frontal x10\nretest\ndriver right-hand forward\n"
USES_LIBRARY = 'target right glute-med\ninclude "lib/warmup.prog"\nuse warmup\nretest\n'
LIBRARY = "define warmup:\n    pivot frontal x10\n"
LIBRARY_UNTESTED = "define warmup:\n    pivot frontal x10\n    taper foot\n"
GOLF = "target right glute-med\nsport golf handed right\npivot frontal x10\nretest\n"
LONG_AGO = 1_600_000_000  # a modification time the cache trusts without reading the file


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("PROG_CACHE_DIR", raising=False)
    monkeypatch.setenv("PROG_PLUGINS", "")  # recorded, so that --plugins is undone after
    monkeypatch.delenv("PROG_PLUGINS")
    return tmp_path


def write(name: str, text: str, *, old: bool = False) -> str:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if old:
        os.utime(path, (LONG_AGO, LONG_AGO))
    return name


def lint(*args: str) -> Result:
    return CliRunner().invoke(main, ["lint", *args])


def cache_files(folder: str = ".prog_cache") -> list[Path]:
    return sorted(Path(folder).glob("lint-*.json"))


def library() -> None:
    write("a.prog", UNTESTED_END)
    write("b.prog", USES_LIBRARY)
    write("c.prog", USES_LIBRARY)
    write("d.prog", CLEAN)
    write("lib/warmup.prog", LIBRARY)


@pytest.mark.parametrize("output", ["text", "json", "github", "sarif"])
def test_a_second_run_says_exactly_what_the_first_said(output: str) -> None:
    library()
    first = lint("--format", output, ".")
    assert cache_files(), "the first run keeps a cache"
    second = lint("--format", output, ".")
    uncached = lint("--no-cache", "--format", output, ".")
    assert first.exit_code == second.exit_code == uncached.exit_code == 1
    assert second.stdout == first.stdout == uncached.stdout
    assert second.stderr == first.stderr
    assert "P104" in second.stdout


def test_the_cache_folder_is_beside_the_settings_and_ignores_itself() -> None:
    write("pyproject.toml", '[tool.prog]\nignore = ["P201"]\n')
    write("programs/a.prog", CLEAN)
    os.chdir("programs")
    assert lint("a.prog").exit_code == 0
    os.chdir("..")
    assert cache_files(".prog_cache")
    assert not Path("programs/.prog_cache").exists()
    assert Path(".prog_cache/.gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_an_unchanged_stamp_is_trusted_without_reading_the_file() -> None:
    """Size, time and inode as recorded: the file is not read (documented; an edit that
    keeps all three is the one thing the cache cannot see, as in ruff)."""
    write("a.prog", CLEAN, old=True)
    assert lint("a.prog").exit_code == 0
    write("a.prog", CLEAN.replace("x10", "x11"), old=True)  # same size, same time
    assert lint("a.prog").exit_code == 0
    assert lint("--no-cache", "a.prog").exit_code == 0  # (and it is clean anyway)
    write("a.prog", UNTESTED_END, old=True)
    assert lint("a.prog").exit_code == 1


def test_an_edit_that_keeps_size_and_a_recent_time_is_still_seen() -> None:
    write("a.prog", CLEAN)
    stamp = os.stat("a.prog")
    assert lint("a.prog").exit_code == 0
    write("a.prog", CLEAN.replace("retest\n", "# todo\n"))  # same size: untested
    os.utime("a.prog", ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert os.stat("a.prog").st_size == stamp.st_size
    result = lint("a.prog")
    assert result.exit_code == 1
    assert result.stdout == lint("--no-cache", "a.prog").stdout


def test_a_changed_file_is_linted_again() -> None:
    library()
    assert lint("d.prog").exit_code == 0
    write("d.prog", UNTESTED_END)
    result = lint("d.prog")
    assert result.exit_code == 1
    assert "d.prog:4:1: P104" in result.stdout


def test_a_changed_include_invalidates_every_file_that_includes_it() -> None:
    library()
    for name in ("lib/warmup.prog", "b.prog", "c.prog"):
        os.utime(name, (LONG_AGO, LONG_AGO))  # their stamps alone would say "unchanged"
    assert lint("b.prog", "c.prog", "d.prog").exit_code == 0
    assert lint("b.prog", "c.prog", "d.prog").exit_code == 0
    write("lib/warmup.prog", LIBRARY_UNTESTED, old=True)
    result = lint("--format", "json", "b.prog", "c.prog", "d.prog")
    assert result.exit_code == 1
    found = json.loads(result.stdout)
    assert result.stdout == lint("--no-cache", "--format", "json", "b.prog", "c.prog",
                                 "d.prog").stdout
    assert {d["code"] for d in found} == {"P103"}
    assert [d["file"] for d in found] == ["lib/warmup.prog"]  # once, though two include it
    write("lib/warmup.prog", LIBRARY, old=True)
    assert lint("b.prog", "c.prog", "d.prog").exit_code == 0


def test_changed_settings_are_never_answered_from_the_cache() -> None:
    write("a.prog", UNTESTED_END)
    assert lint("a.prog").exit_code == 1
    write("pyproject.toml", '[tool.prog]\nignore = ["P1"]\n')
    result = lint("a.prog")
    assert result.exit_code == 0, result.stdout
    assert lint("--select", "P104", "--isolated", "a.prog").stdout.count(": P1") == 1
    Path("pyproject.toml").unlink()
    assert lint("a.prog").stdout == lint("--no-cache", "a.prog").stdout


def test_a_changed_set_of_plugins_is_never_answered_from_the_cache() -> None:
    write("g.prog", GOLF)
    assert lint("g.prog").exit_code == 0
    without = CliRunner().invoke(main, ["--plugins", "", "lint", "g.prog"])
    assert without.exit_code == 1
    assert "golf" in without.stdout
    del os.environ["PROG_PLUGINS"]  # as a new process would have it (--plugins sets it)
    assert lint("--format", "json", "g.prog").stdout == "[]\n"


@pytest.mark.parametrize(
    "damage",
    [
        "not json at all {",
        "",
        '{"version": 999, "key": "x", "files": {}}',
        '["a list"]',
        None,  # the right key, entries of the wrong shape
    ],
)
def test_a_damaged_cache_is_ignored_and_replaced(damage: str | None) -> None:
    write("a.prog", UNTESTED_END, old=True)
    write("d.prog", CLEAN, old=True)
    expected = lint("--no-cache", "a.prog", "d.prog")
    lint("a.prog", "d.prog")
    [path] = cache_files()
    if damage is None:
        stored = json.loads(path.read_text(encoding="utf-8"))
        stored["files"]["a.prog"]["found"] = [["P104", 7]]
        stored["files"]["d.prog"] = {"stamp": "odd"}
        damage = json.dumps(stored)
    path.write_text(damage, encoding="utf-8")
    result = lint("a.prog", "d.prog")
    assert (result.exit_code, result.stdout) == (expected.exit_code, expected.stdout)
    assert result.stderr == ""
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1
    assert lint("a.prog", "d.prog").stdout == expected.stdout


def test_no_cache_writes_nothing() -> None:
    library()
    assert lint("--no-cache", ".").exit_code == 1
    assert not Path(".prog_cache").exists()


def test_the_cache_goes_where_the_settings_or_the_environment_say(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    write("pyproject.toml", '[tool.prog]\ncache-dir = "build/prog-cache"\n')
    write("a.prog", CLEAN)
    assert lint("a.prog").exit_code == 0
    assert cache_files("build/prog-cache")
    monkeypatch.setenv("PROG_CACHE_DIR", "elsewhere")
    assert lint("a.prog").exit_code == 0
    assert cache_files("elsewhere")
    assert not Path(".prog_cache").exists()


def test_a_cache_that_cannot_be_written_is_a_warning_not_a_failure() -> None:
    write("pyproject.toml", '[tool.prog]\ncache-dir = "blocked/cache"\n')
    write("blocked", "a file where the folder would be")
    write("a.prog", UNTESTED_END)
    result = lint("a.prog")
    assert result.exit_code == 1
    assert "P104" in result.stdout
    assert "warning: cannot write the lint cache" in result.stderr


def test_a_bad_cache_dir_setting_is_a_usage_error() -> None:
    write("pyproject.toml", "[tool.prog]\ncache-dir = 3\n")
    write("a.prog", CLEAN)
    result = lint("a.prog")
    assert result.exit_code == 2
    assert "cache-dir" in result.stderr

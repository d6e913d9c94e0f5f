"""Only regular files are read: a FIFO, a device or a folder named as a program, an
include, a session log, or planted at the grammar cache's path, is refused at once with a
clear message, never waited on or read to its end."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.robust.run import prog

OK = "pivot frontal; retest\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "ok.prog").write_text(OK, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.prog")
    return tmp_path


@pytest.mark.parametrize("command", ["check", "lint", "run", "fmt"])
@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("/dev/zero", "a character device"),
        ("/dev/urandom", "a character device"),
        ("pipe.prog", "a FIFO (named pipe)"),
    ],
)
def test_a_device_or_fifo_named_as_the_program_is_refused_at_once(
    folder: Path, command: str, name: str, kind: str
) -> None:
    done = prog(command, name, cwd=folder)
    assert done.returncode == 2
    assert f"cannot read {name}: {kind}, not a file prog can read" in done.stderr


def test_a_folder_named_to_check_is_refused(folder: Path) -> None:
    done = prog("check", str(folder), cwd=folder)
    assert done.returncode == 2
    assert "cannot read" in done.stderr


def test_a_fifo_include_is_a_p005_at_its_path(folder: Path) -> None:
    (folder / "main.prog").write_text('include "pipe.prog"\n' + OK, encoding="utf-8")
    done = prog("check", "main.prog", cwd=folder)
    assert done.returncode == 1
    assert (
        "main.prog:1:9: P005 error: cannot include `pipe.prog`: a FIFO (named pipe), "
        "not a file prog can read"
    ) in done.stdout


def test_a_folder_include_is_a_p005(folder: Path) -> None:
    (folder / "lib.prog").mkdir()
    (folder / "main.prog").write_text('include "lib.prog"\n' + OK, encoding="utf-8")
    done = prog("lint", "--format", "json", "main.prog", cwd=folder)
    assert done.returncode == 1
    assert '"P005"' in done.stdout and "a folder, not a file prog can read" in done.stdout


@pytest.mark.parametrize("command", [("report",), ("step", "ok.prog", "--resume")])
@pytest.mark.parametrize("log", ["pipe.prog", "/dev/zero"])
def test_a_session_log_that_is_a_fifo_or_device_is_refused(
    folder: Path, command: tuple[str, ...], log: str
) -> None:
    done = prog(*command, log, cwd=folder)
    assert done.returncode == 2
    assert f"cannot read {log}: " in done.stderr
    assert "not a file prog can read" in done.stderr


def test_a_fifo_at_the_grammar_cache_path_costs_a_rebuild(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    # A keyword touching its number: the line parser leaves it to the LALR loop, which
    # reads the stored tables (a clean program of the usual shape never loads them).
    (folder / "touching.prog").write_text(
        "target right glute-med\npivot frontal for30s\nretest\n", encoding="utf-8"
    )
    first = prog("check", "touching.prog", cwd=folder, cache=cache)  # makes the cache file
    assert first.returncode == 0
    [stored] = (cache / "prog").glob("grammar-*.json")
    stored.unlink()
    os.mkfifo(stored)
    done = prog("check", "touching.prog", cwd=folder, cache=cache)
    assert done.returncode == 0
    assert "All clean: 1 file checked." in done.stdout
    assert stored.is_file()  # replaced by the rebuilt tables


def test_the_oversize_refusal_does_not_read_the_file_again_for_its_source_line(
    tmp_path: Path,
) -> None:
    """The 5 MiB refusal's diagnostic shows no source line, which would mean reading the
    whole file (or device) again without the limit."""
    (tmp_path / "big.prog").write_bytes(b"retest\n" * (5 * 1024 * 1024 // 7 + 1))
    done = prog("check", "big.prog", cwd=tmp_path)
    assert done.returncode == 1
    assert "big.prog:1:1: P005 error: the file is larger than 5 MiB" in done.stdout
    assert "retest" not in done.stdout


def test_a_nul_in_an_include_path_is_a_p005(tmp_path: Path) -> None:
    (tmp_path / "main.prog").write_bytes(b'include "a\x00b.prog"\n' + OK.encode())
    done = prog("check", "main.prog", cwd=tmp_path)
    assert done.returncode == 1
    assert "main.prog:1:9: P005 error: an include path cannot hold a NUL character" in done.stdout


def test_a_fifo_given_as_the_settings_file_is_a_usage_error(folder: Path) -> None:
    os.mkfifo(folder / "settings.toml")
    done = prog("lint", "--config", "settings.toml", "ok.prog", cwd=folder)
    assert done.returncode == 2
    assert "cannot read settings.toml: a FIFO (named pipe), not a file prog can read" in (
        done.stderr
    )


@pytest.mark.parametrize("command", ["check", "lint"])
def test_a_file_that_could_not_be_read_is_never_called_clean(folder: Path, command: str) -> None:
    """The closing line counts the unreadable file apart: only the file read was checked."""
    done = prog(command, "ok.prog", "pipe.prog", cwd=folder)
    assert done.returncode == 2
    last = done.stdout.strip().splitlines()[-1]
    assert last.endswith(" 1 file could not be checked (see above).")
    assert "2 files" not in last and ("1 file checked." in last or "in 1 file." in last)
    alone = prog(command, "pipe.prog", cwd=folder)
    assert alone.returncode == 2
    assert "All clean" not in alone.stdout
    assert "1 file could not be checked (see above)." in alone.stdout

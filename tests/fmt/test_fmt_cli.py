"""`prog fmt` as a user sees it: files rewritten, `--check`, `--diff`, standard input, files
with errors left alone, and exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from dsl.cli import main

UNTIDY = """\
# Right glute med
PROGRAM "Golfer \\"A\\""   # title
Target RIGHT glute-med

Phase Fire: Pivot FRONTAL X10 ; retest single-leg-squat  # fired?


phase specific:
  driver right-hand overhead-left;
  # the foot next
  try until better: foot right narrow; foot right forward
  retest
phase carryover:
      taper ALL over 3; retest
"""

TIDY = """\
# Right glute med
program "Golfer \\"A\\""  # title
target right glute-med

phase fire:
    pivot frontal x10
    retest single-leg-squat  # fired?

phase specific:
    driver right-hand overhead-left
    # the foot next
    try until better:
        foot right narrow
        foot right forward
    retest
phase carryover:
    taper all over 3
    retest
"""


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def fmt(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, ["fmt", *args], input=stdin)


def test_rewrites_in_the_canonical_layout() -> None:
    Path("a.prog").write_text(UNTIDY, encoding="utf-8")
    result = fmt("a.prog")
    assert result.exit_code == 0
    assert Path("a.prog").read_text(encoding="utf-8") == TIDY
    assert result.stderr == "1 file reformatted.\n"
    again = fmt("a.prog")
    assert again.exit_code == 0
    assert again.stderr == "1 file left unchanged.\n"


def test_check_changes_nothing_and_exits_1() -> None:
    Path("a.prog").write_text(UNTIDY, encoding="utf-8")
    Path("b.prog").write_text(TIDY, encoding="utf-8")
    result = fmt("--check", "a.prog", "b.prog")
    assert result.exit_code == 1
    assert result.stderr == (
        "would reformat a.prog\n1 file would be reformatted, 1 file already formatted.\n"
    )
    assert Path("a.prog").read_text(encoding="utf-8") == UNTIDY
    assert fmt("--check", "b.prog").exit_code == 0


def test_diff_prints_a_unified_diff() -> None:
    Path("a.prog").write_text("Pivot frontal;retest\n", encoding="utf-8")
    result = fmt("--diff", "a.prog")
    assert result.exit_code == 1
    assert result.stdout == (
        "--- a.prog\n+++ a.prog\n@@ -1 +1,2 @@\n-Pivot frontal;retest\n+pivot frontal\n+retest\n"
    )
    assert Path("a.prog").read_text(encoding="utf-8") == "Pivot frontal;retest\n"


def test_crlf_and_tabs_are_mended() -> None:
    Path("a.prog").write_bytes(b"phase fire:\r\n\tpivot frontal\r\n\tretest\r\n")
    result = fmt("a.prog")
    assert result.exit_code == 0
    assert Path("a.prog").read_bytes() == b"phase fire:\n    pivot frontal\n    retest\n"


def test_a_file_with_errors_is_reported_and_left_alone() -> None:
    Path("bad.prog").write_text("pivot frontl\nRETEST\n", encoding="utf-8")
    Path("good.prog").write_text("RETEST\n", encoding="utf-8")
    result = fmt("bad.prog", "good.prog")
    assert result.exit_code == 1
    assert "bad.prog:1:7: P002 error: unknown plane `frontl`; did you mean `frontal`?" in (
        result.stderr
    )
    assert result.stderr.endswith("1 file reformatted, 1 file not formatted because of errors.\n")
    assert Path("bad.prog").read_text(encoding="utf-8") == "pivot frontl\nRETEST\n"
    assert Path("good.prog").read_text(encoding="utf-8") == "retest\n"


def test_stdin_to_stdout() -> None:
    result = fmt("-", stdin="PIVOT frontal ;RETEST # ok\n")
    assert result.exit_code == 0
    assert result.stdout == "pivot frontal\nretest  # ok\n"


def test_stdin_with_errors_comes_back_as_it_went_in() -> None:
    """An editor piping its buffer through `prog fmt -` keeps the buffer."""
    text = "target right glute-med\npivot  frontl   x10\n"
    result = fmt("-", stdin=text)
    assert result.exit_code == 1
    assert result.stdout == text
    assert "P002" in result.stderr
    checked = fmt("-", "--check", stdin=text)
    assert checked.exit_code == 1 and checked.stdout == ""


def test_stdin_that_cannot_be_read_as_a_program_comes_back_byte_for_byte(tmp_path) -> None:
    """Not UTF-8, or a BOM and CRLF line ends with an error: what went in comes out."""
    for data in (b"pivot \xff x10\n", b"\xef\xbb\xbftarget right glute-med\r\npivot  frontl\r\n"):
        done = subprocess.run(
            [sys.executable, "-m", "dsl", "fmt", "-"], input=data, capture_output=True,
            cwd=tmp_path, timeout=120,
        )
        assert done.returncode == 1, done.stderr
        assert done.stdout == data
        assert b"P00" in done.stderr


def test_folders_and_a_missing_path() -> None:
    Path("plans/deep").mkdir(parents=True)
    Path("plans/a.prog").write_text("RETEST\n", encoding="utf-8")
    Path("plans/deep/b.prog").write_text("retest\n", encoding="utf-8")
    Path("plans/notes.txt").write_text("RETEST\n", encoding="utf-8")
    result = fmt("plans", "nowhere.prog")
    assert result.exit_code == 2
    assert "cannot read nowhere.prog: no such file or folder" in result.stderr
    assert Path("plans/a.prog").read_text(encoding="utf-8") == "retest\n"
    assert Path("plans/notes.txt").read_text(encoding="utf-8") == "RETEST\n"


def test_formatting_keeps_file_permissions() -> None:
    path = Path("a.prog")
    path.write_text("RETEST\n", encoding="utf-8")
    path.chmod(0o640)
    assert fmt("a.prog").exit_code == 0
    assert path.stat().st_mode & 0o777 == 0o640


def test_the_formatted_text_is_on_the_disk_before_it_replaces_the_file(
    disk_writes: list[str],
) -> None:
    """A power cut after the rename must not leave an empty program: the new text is
    synced before the rename, and the folder (the rename itself) after it."""
    Path("a.prog").write_text(UNTIDY, encoding="utf-8")
    assert fmt("a.prog").exit_code == 0
    assert Path("a.prog").read_text(encoding="utf-8") == TIDY
    assert disk_writes == ["sync file", "rename", "sync folder"]

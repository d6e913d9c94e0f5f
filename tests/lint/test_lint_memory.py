"""`prog lint --jobs 1` over a library keeps no clean file's text: its memory does not grow
with the number of files, as with worker processes."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from dsl.cli import main

# A clean program with a long comment: 20 KB of text a report must not keep.
PROGRAM = (
    "# " + "a clinic's notes " * 1200 + "\ntarget right glute-med\npivot frontal x10\nretest\n"
)


def _peak(folder: Path, files: int) -> int:
    folder.mkdir()
    for number in range(files):
        (folder / f"p{number:04d}.prog").write_text(PROGRAM, encoding="utf-8")
    tracemalloc.start()
    try:
        result = CliRunner().invoke(main, ["lint", "--no-cache", "--jobs", "1", str(folder)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.exit_code == 0, result.output
    assert result.output == f"All clean: {files} files checked.\n"
    return peak


def test_lint_jobs_1_memory_is_flat_in_the_number_of_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    few = _peak(tmp_path / "few", 20)
    many = _peak(tmp_path / "many", 300)
    # keeping each text would be 280 × 20 KB = 5.6 MB more; a list of names is a few KB
    assert many < few + 1024 * 1024, (few, many)

"""Keywords and words are ASCII (spec §2): a word with a letter that Unicode folds onto an
ASCII one (`pıvot`, `PİVOT`, `ſport`) is not a keyword, and the error names the whole word
with the did-you-mean any other slip gets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.robust.run import prog


@pytest.mark.parametrize(
    ("line", "word", "odd", "meant"),
    [
        ("pıvot frontal", "pıvot", "ı", "pivot"),
        ("PİVOT frontal", "PİVOT", "İ", "pivot"),
        ("ſport golf", "ſport", "ſ", "sport"),
        ("pivot frontal; retest ſingle-leg-squat", "ſingle-leg-squat", "ſ", "single-leg-squat"),
        ("pivot frontal; taper all ØVER 3", "ØVER", "Ø", "over"),
    ],
)
def test_a_look_alike_letter_is_an_error_with_a_did_you_mean(
    tmp_path: Path, line: str, word: str, odd: str, meant: str
) -> None:
    (tmp_path / "u.prog").write_text(line + "\nretest\n", encoding="utf-8")
    text = prog("check", "u.prog", cwd=tmp_path)
    assert text.returncode == 1
    col = line.index(word) + 1
    assert (
        f"u.prog:1:{col}: P001 error: `{word}` is not a word prog reads: words are written in "
        f"ASCII letters, and `{odd}` is not one; did you mean `{meant}`?"
    ) in text.stdout
    as_json = prog("lint", "--format", "json", "u.prog", cwd=tmp_path)
    [found] = [d for d in json.loads(as_json.stdout) if d["code"] == "P001"]
    assert found["suggestion"] == meant
    assert (found["col"], found["end_col"]) == (col, col + len(word))


def test_ascii_keywords_in_any_case_still_read(tmp_path: Path) -> None:
    (tmp_path / "ok.prog").write_text(
        'TARGET Right Glute-Med\nPivot FRONTAL x10\nRETEST\nNote "pıvot ſ İ in a note"\n',
        encoding="utf-8",
    )
    done = prog("check", "ok.prog", cwd=tmp_path)
    assert done.returncode == 0, done.stdout

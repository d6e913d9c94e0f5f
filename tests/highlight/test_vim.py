"""The Vim syntax file (Vim and Neovim): generated from the same lists and kept up to date,
and read by a real Vim, which colours every example as the Pygments lexer does (Vim's
keywords are not contextual, so `foot` in `taper foot` is a statement there) and indents
after a block header."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pygments.token import Comment, Keyword, Name, Number, Punctuation, String

from dsl.highlight import vim
from tests.conftest import EXAMPLES, ROOT
from tests.highlight.pygments_words import pygments_words

RUNTIME = ROOT / "editors" / "vim"
PROGRAMS = sorted(EXAMPLES.rglob("*.prog"))
PROBE = r"""
let s:out = []
for s:l in range(1, line('$'))
  call add(s:out, join(map(range(1, len(getline(s:l))),
        \ {_, c -> synIDattr(synID(s:l, c, 1), 'name')}), ' '))
endfor
call writefile(s:out, $PROBE_OUT)
qall!
"""
# Each Pygments token type and the Vim groups that may colour the same text.
GROUPS = [
    (Keyword, {"progStatement", "progKeyword"}),
    (Name.Builtin, {"progVocabulary", "progStatement", "progSportWord"}),
    (Name.Namespace, {"progSportWord", ""}),
    (Number, {"progDose", "progNumber"}),
    (String, {"progString", "progEscape"}),
    (Comment, {"progComment", "progNoqa"}),
    (Punctuation, {"progDelimiter", "progSportWord"}),
    (Name, {""}),
]


def test_the_committed_syntax_file_is_up_to_date() -> None:
    assert (ROOT / vim.OUTPUT).read_text(encoding="utf-8") == vim.text(), (
        "editors/vim/syntax/prog.vim is stale: run `python -m dsl.highlight.vim`"
    )


def run_vim(file: Path, *commands: str, env: dict[str, str] | None = None) -> None:
    found = shutil.which("vim")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("vim is needed for the Vim syntax tests (.ci/run installs it)")
        pytest.skip("vim is not installed")
    subprocess.run(
        [
            found,
            "-Nu",
            "NONE",
            "-i",
            "NONE",
            "-es",
            "--cmd",
            f"set rtp^={RUNTIME}",
            "--cmd",
            "filetype plugin indent on",
            "--cmd",
            "syntax on",
            *commands,
            str(file),
        ],
        env={**os.environ, **(env or {})},
        check=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.stem)
def test_vim_colours_every_example_as_pygments_does(program, tmp_path) -> None:
    probe, out = tmp_path / "probe.vim", tmp_path / "groups.txt"
    probe.write_text(PROBE, encoding="utf-8")
    run_vim(program, "-c", f"source {probe}", env={"PROBE_OUT": str(out)})
    groups = [line.split(" ") for line in out.read_text(encoding="utf-8").split("\n")]
    for line, column, kind, value in pygments_words(program.read_text(encoding="utf-8")):
        allowed = next(groups for token, groups in GROUPS if kind in token)
        assert groups[line - 1][column] in allowed, (
            f"{program.name}:{line}:{column + 1} `{value}` is {kind} for Pygments, "
            f"{groups[line - 1][column] or 'nothing'} for Vim"
        )


def test_vim_indents_after_a_block_header(tmp_path) -> None:
    typed = tmp_path / "typed.prog"
    run_vim(
        typed,
        "-c",
        r'exe "normal iphase fire:\<CR>pivot frontal x10\<CR>retest"',
        "-c",
        "wq",
    )
    assert typed.read_text(encoding="utf-8") == "phase fire:\n    pivot frontal x10\n    retest\n"

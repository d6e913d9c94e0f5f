"""The Neovim set-up documented in docs/editors.md, run in a real headless Neovim: its
`init.lua` is taken from the page word for word (only the two paths a user fills in are
filled in), so the page cannot drift from what works. A Lua script then uses Neovim's own
LSP client as a user would (open a file, wait for the underline, pick the quick fix from the
code action menu, hover, complete, format and save) and writes what the editor showed as
JSON; the assertions read that JSON and the saved files."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

DOC = ROOT / "docs" / "editors.md"
FIRST_LINE = "-- init.lua for Neovim 0.7 to 0.10, no plugins"
DRIVER = Path(__file__).with_name("neovim_driver.lua")
FILES = {
    "fix.prog": "target right glute-med\npivot frontl x10\nretest\n",
    "golf.prog": (
        "target right glute-med\nsport golf\npivot frontal x10\ndriver left-hand \nretest\n"
    ),
    "messy.prog": (
        "PIVOT   frontal  X10 ;retest\nphase a:  driver right-hand overhead-left;retest\n"
    ),
}
CANONICAL = "pivot frontal x10\nretest\nphase a:\n    driver right-hand overhead-left\n    retest\n"


def documented_init() -> str:
    """docs/editors.md in, the Lua block that starts with FIRST_LINE out."""
    blocks = re.findall(r"```lua\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    [block] = [b for b in blocks if b.startswith(FIRST_LINE + "\n")]
    return block


def lua_string(text: str) -> str:
    """A Python str in, a Lua string literal out."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def filled_in(init: str, prog: Path) -> str:
    """The documented init.lua in, the same with this checkout's runtime files and the
    installed `prog` out; each placeholder must be there exactly once."""
    for placeholder in ('"/path/to/prog/editors/vim"', '{ "prog", "lsp" }'):
        assert init.count(placeholder) == 1, f"docs/editors.md: {placeholder} is not there once"
    return init.replace(
        '"/path/to/prog/editors/vim"', lua_string(str(ROOT / "editors" / "vim"))
    ).replace('{ "prog", "lsp" }', "{ " + lua_string(str(prog)) + ', "lsp" }')


def nvim() -> str:
    """Neovim's path; missing it skips here and fails in CI, where it must be installed."""
    found = shutil.which("nvim")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("nvim is needed for the Neovim test (scripts/test-deps installs it)")
        pytest.skip("nvim is not installed")
    return found


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    """Runs Neovim once over FILES; returns what the driver recorded and the files' folder."""
    found = nvim()
    prog = Path(sys.executable).with_name("prog")
    assert prog.is_file(), f"{prog} is not there: prog is not installed in this environment"
    base = tmp_path_factory.mktemp("neovim")
    work = base / "work"
    work.mkdir()
    for name, text in FILES.items():
        (work / name).write_text(text, encoding="utf-8")
    init = base / "init.lua"
    init.write_text(filled_in(documented_init(), prog), encoding="utf-8")
    result = base / "result.json"
    # Neovim's own config, data, state and cache (its LSP log) stay in the test's folder.
    kinds = ("CONFIG", "DATA", "STATE", "CACHE")
    home = {f"XDG_{kind}_HOME": str(base / kind.lower()) for kind in kinds}
    done = subprocess.run(
        [found, "--headless", "--clean", "-u", str(init), "-c", f"luafile {DRIVER}"],
        cwd=work,
        env={**os.environ, **home, "PROG_NVIM_WORK": str(work), "PROG_NVIM_OUT": str(result)},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.is_file(), f"Neovim wrote no result (exit {done.returncode}): {done.stderr}"
    recorded = json.loads(result.read_text(encoding="utf-8"))
    assert "error" not in recorded, recorded["error"]
    return recorded, work


def test_the_page_has_the_tested_init_lua_with_its_two_paths_to_fill_in() -> None:
    init = filled_in(documented_init(), Path("/opt/clinic/bin/prog"))
    assert '{ "/opt/clinic/bin/prog", "lsp" }' in init
    assert lua_string(str(ROOT / "editors" / "vim")) in init


def test_the_documented_set_up_starts_prog_lsp_for_prog_files(session) -> None:
    recorded, _ = session
    assert (recorded["filetype"], recorded["client"]) == ("prog", "prog")


def test_pivot_frontl_is_underlined_and_its_quick_fix_makes_it_clean(session) -> None:
    recorded, work = session
    [diagnostic] = recorded["diagnostics"]
    assert diagnostic["code"] == "P002"
    assert diagnostic["message"].startswith("unknown plane `frontl`; did you mean `frontal`?")
    assert (diagnostic["line"], diagnostic["col"], diagnostic["end_col"]) == (1, 6, 12)
    assert recorded["chosen_action"] == "Replace `frontl` with `frontal`"
    assert recorded["diagnostics_after_fix"] == []
    assert (work / "fix.prog").read_text(encoding="utf-8") == FILES["fix.prog"].replace(
        "frontl", "frontal"
    )


def test_hover_over_frontal_shows_f_plus_3(session) -> None:
    recorded, _ = session
    assert "F+3" in recorded["hover"]


def test_golf_words_are_completed_after_sport_golf(session) -> None:
    recorded, _ = session
    assert "golf.swing" in recorded["completion"]


def test_formatting_a_messy_file_gives_prog_fmt_layout(session, cli) -> None:
    recorded, work = session
    assert recorded["formatted"] == CANONICAL
    assert (work / "messy.prog").read_text(encoding="utf-8") == CANONICAL
    assert cli("fmt", "--check", str(work / "messy.prog")).exit_code == 0

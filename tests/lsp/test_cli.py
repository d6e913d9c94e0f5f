"""`prog lsp` as a command: without its extra it says what to install, in one line."""

from __future__ import annotations

import subprocess
import sys

# Python refuses to import a module whose sys.modules entry is None: pygls "not installed".
WITHOUT_PYGLS = "import sys; sys.modules['pygls'] = None; from dsl.cli import main; main()"


def test_prog_lsp_without_the_extra_says_what_to_install_and_exits_2() -> None:
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_PYGLS, "lsp"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr == "prog lsp needs the language server extra: pip install 'prog[lsp]'\n"
    assert result.stdout == ""


def test_prog_lsp_help_names_the_extra(cli) -> None:
    result = cli("lsp", "--help")
    assert result.exit_code == 0 and "prog[lsp]" in result.output

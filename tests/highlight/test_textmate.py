"""The TextMate grammar for editors: generated from the grammar and the vocabulary and kept
up to date in the repository, scoping every example as the Pygments lexer colours it; and
the VS Code extension around it: its manifest, language configuration, grammar tests and
build (through npm, which CI must have)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import zipfile
from functools import lru_cache

import pytest
from pygments.token import Comment, Keyword, Name, Number, Punctuation, String

from dsl.highlight import textmate
from dsl.highlight.words import words
from tests.conftest import EXAMPLES, ROOT
from tests.highlight.pygments_words import pygments_words

VSCODE = ROOT / "editors" / "vscode"
GRAMMAR = VSCODE / "syntaxes" / "prog.tmLanguage.json"
PROGRAMS = sorted(EXAMPLES.rglob("*.prog"))

# Each Pygments token type and the scope TextMate gives the same text.
SCOPES = [
    (Keyword, "keyword."),
    (Name.Builtin, "support.constant."),
    (Name.Namespace, "entity.name.namespace."),
    (Name.Label, "entity.name.section."),
    (Name.Function, "entity.name.function."),
    (Number, "constant.numeric."),
    (String, "string."),
    (Comment, "comment."),
    (Punctuation, "punctuation."),
    (Name, "variable.other."),
]


def test_the_committed_grammar_is_up_to_date() -> None:
    assert GRAMMAR.read_text(encoding="utf-8") == textmate.text(), (
        "editors/vscode/syntaxes/prog.tmLanguage.json is stale: "
        "run `python -m dsl.highlight.textmate`"
    )


def test_check_says_when_the_file_is_stale(tmp_path, capsys) -> None:
    stale = tmp_path / "prog.tmLanguage.json"
    assert textmate.main([str(stale)]) == 0
    assert textmate.main(["--check", str(stale)]) == 0
    stale.write_text(GRAMMAR.read_text(encoding="utf-8").replace("sagittal|", ""), "utf-8")
    assert textmate.main(["--check", str(stale)]) == 1
    assert "is stale: run `python -m dsl.highlight.textmate`" in capsys.readouterr().out


def test_every_statement_and_vocabulary_word_is_in_the_grammar() -> None:
    grammar = json.loads(GRAMMAR.read_text(encoding="utf-8"))
    for statement in words().statements:
        rule = grammar["repository"][f"statement-{statement.keyword}"]
        assert f"({statement.keyword})" in rule["begin"]
        for kind, items in statement.vocabulary.items():
            (pattern,) = [
                p["match"]
                for p in rule["patterns"]
                if p.get("name") == f"support.constant.{kind}.prog"
            ]
            assert all(item in pattern for item in items)


def test_the_extension_manifest() -> None:
    manifest = json.loads((VSCODE / "package.json").read_text(encoding="utf-8"))
    contributes = manifest["contributes"]
    (language,) = contributes["languages"]
    assert language["id"] == "prog" and language["extensions"] == [".prog"]
    (grammar,) = contributes["grammars"]
    assert grammar["scopeName"] == textmate.SCOPE
    assert (VSCODE / grammar["path"]).resolve() == GRAMMAR
    settings = contributes["configuration"]["properties"]
    assert settings["prog.server.path"]["default"] == "prog"
    assert settings["prog.server.args"]["default"] == ["lsp"]
    assert manifest["dependencies"] == {"vscode-languageclient": "^11.0.0"}
    assert (VSCODE / "package-lock.json").is_file()


def test_the_language_configuration() -> None:
    configuration = json.loads((VSCODE / "language-configuration.json").read_text("utf-8"))
    assert configuration["comments"] == {"lineComment": "#"}
    part = words().part
    assert configuration["wordPattern"] == f"{part}(\\.{part})?"  # the grammar's WORD
    indent = re.compile(configuration["indentationRules"]["increaseIndentPattern"])
    assert indent.match("phase fire:") and indent.match("    try until better:  # three")
    assert not indent.match("phase fire: pivot frontal") and not indent.match('note "a: b"')


# --- through node and npm ----------------------------------------------------------------


def npm() -> str:
    """npm's path; missing it skips here and fails in CI, where it must be installed."""
    found = shutil.which("npm")
    if found is None or shutil.which("node") is None:
        if os.environ.get("CI"):
            pytest.fail("node and npm are needed for the editor tests (.ci/run installs them)")
        pytest.skip("node and npm are not installed")
    if not (VSCODE / "node_modules").is_dir():
        subprocess.run(
            [found, "ci", "--no-audit", "--no-fund"], cwd=VSCODE, check=True, timeout=600
        )
    return found


def test_the_grammar_tests_pass_through_npm() -> None:
    result = subprocess.run(
        [npm(), "test"], cwd=VSCODE, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "run successfuly" in result.stdout
    assert "# fail 0" in result.stdout


@lru_cache(maxsize=1)
def textmate_tokens() -> dict[str, list[list]]:
    npm()
    result = subprocess.run(
        ["node", "test/tokenize.js", *map(str, PROGRAMS)],
        cwd=VSCODE,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.stem)
def test_editors_and_pygments_colour_every_example_alike(program) -> None:
    by_line: dict[int, list[list]] = {}
    for token in textmate_tokens()[str(program)]:
        by_line.setdefault(token[0], []).append(token)
    compared = 0
    for line, column, kind, value in pygments_words(program.read_text(encoding="utf-8")):
        expected = next(scope for token, scope in SCOPES if kind in token)
        covering = [t for t in by_line[line] if t[1] < column + len(value) and t[2] > column]
        assert covering, f"{program.name}:{line}:{column + 1} `{value}`"
        for _, _, _, piece, scopes in covering:
            assert any(s.startswith(expected) for s in scopes), (
                f"{program.name}:{line}: `{value}` is {kind} for Pygments, "
                f"but `{piece}` is {scopes} for TextMate"
            )
        compared += 1
    assert compared > 10


def test_npm_run_package_builds_a_vsix_with_the_grammar_and_the_bundled_client() -> None:
    result = subprocess.run(
        [npm(), "run", "package"], cwd=VSCODE, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(VSCODE / "prog.vsix") as vsix:
        names = set(vsix.namelist())
        grammar = vsix.read("extension/syntaxes/prog.tmLanguage.json").decode("utf-8")
        client = vsix.read("extension/dist/extension.js").decode("utf-8")
        manifest = json.loads(vsix.read("extension/package.json"))
    assert grammar == textmate.text()
    assert "extension/language-configuration.json" in names
    assert manifest["main"] == "./dist/extension.js"
    assert not any("node_modules" in name or name.endswith("test.prog") for name in names)
    # One file of code: the language client is inside the bundle, only `vscode` is not.
    required = set(re.findall(r'require\("([^"]+)"\)', client))
    assert "vscode" in required
    assert [m for m in required if m.startswith("vscode-") or "/" in m] == []
    assert '"server.path"' in client

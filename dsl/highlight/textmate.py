"""The shared word lists in; the TextMate grammar for editors out (VS Code and every editor
that reads `.tmLanguage.json`), as the file `editors/vscode/syntaxes/prog.tmLanguage.json`.

The grammar is generated, never edited: `python -m dsl.highlight.textmate` rewrites it and
`python -m dsl.highlight.textmate --check` exits 1 when the file in the repository is stale
(a test does the same). Its shape follows the Pygments lexer: a statement's keyword begins
a region that ends at `;`, `:`, a comment or the line's end, and inside it the words that
statement takes are scoped by kind (`support.constant.plane.prog`…), so `foot` in
`taper foot` is a taper reference and not the foot statement.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from dsl.highlight.generated import write_or_check
from dsl.highlight.words import WORD_CHAR, Statement, Words, alternatives, words
from dsl.lint import noqa

SCOPE = "source.prog"
OUTPUT = Path("editors") / "vscode" / "syntaxes" / "prog.tmLanguage.json"
START, END = f"(?<!{WORD_CHAR})", f"(?!{WORD_CHAR})"

# What a free word names, by the statement (see `dsl.syntax.StatementKeyword.free`).
NAME_SCOPES = {
    "phase": "entity.name.section.phase.prog",
    "define": "entity.name.function.define.prog",
    "sport": "entity.name.namespace.sport.prog",
    "sport-phase": "support.constant.sport.prog",
    "test": "variable.other.test.prog",
    "word": "variable.other.word.prog",
}

Rule = dict[str, Any]


def _words(items: tuple[str, ...] | list[str], scope: str) -> Rule:
    return {"match": f"(?i){START}(?:{alternatives(items)}){END}", "name": scope}


def _free_word(w: Words, scope: str) -> Rule:
    return {"match": f"{START}{w.part}{END}", "name": scope}


def _statement(statement: Statement, w: Words) -> Rule:
    patterns: list[Rule] = []
    if statement.keywords:
        patterns.append(_words(statement.keywords, "keyword.other.prog"))
    for kind, items in statement.vocabulary.items():
        patterns.append(_words(items, f"support.constant.{kind}.prog"))
    patterns.append({"include": "#shared"})
    patterns.append(_free_word(w, NAME_SCOPES[statement.name]))
    return {
        "name": f"meta.statement.{statement.keyword}.prog",
        "begin": f"(?i){START}({statement.keyword}){END}",
        "beginCaptures": {"1": {"name": "keyword.control.statement.prog"}},
        "end": "(?=[;:#])|$",
        "patterns": patterns,
    }


def grammar() -> dict[str, Any]:
    """The whole TextMate grammar as a JSON-ready dictionary."""
    w = words()
    repository: dict[str, Rule] = {
        "comment": {
            "name": "comment.line.number-sign.prog",
            "begin": "#",
            "beginCaptures": {"0": {"name": "punctuation.definition.comment.prog"}},
            "end": "$",
            "patterns": [
                {
                    "match": f"(?<=#)\\s*(?i:(noqa))\\b(?:(:)\\s*({noqa.CODES}))?",
                    "captures": {
                        "1": {"name": "keyword.other.noqa.prog"},
                        "2": {"name": "punctuation.separator.noqa.prog"},
                        "3": {"name": "constant.other.diagnostic-code.prog"},
                    },
                }
            ],
        },
        "string": {
            "name": "string.quoted.double.prog",
            "begin": '"',
            "beginCaptures": {"0": {"name": "punctuation.definition.string.begin.prog"}},
            "end": '(")|$',
            "endCaptures": {"1": {"name": "punctuation.definition.string.end.prog"}},
            "patterns": [
                {"match": r'\\["\\]', "name": "constant.character.escape.prog"},
                {"match": r"\\.?", "name": "invalid.illegal.escape.prog"},
            ],
        },
        "shared": {
            "patterns": [
                {"include": "#string"},
                {
                    "match": f"{START}(?:{w.sets_reps}|{w.reps}|{w.duration}){END}",
                    "name": "constant.numeric.dose.prog",
                },
                {"match": f"{START}{w.number}{END}", "name": "constant.numeric.integer.prog"},
                {
                    "match": f"{START}({w.part})(\\.)({w.part}){END}",
                    "captures": {
                        "1": {"name": "entity.name.namespace.sport.prog"},
                        "2": {"name": "punctuation.accessor.prog"},
                        "3": {"name": "support.constant.sport.prog"},
                    },
                },
                {"match": ",", "name": "punctuation.separator.comma.prog"},
            ]
        },
    }
    patterns: list[Rule] = [{"include": "#comment"}]
    for statement in w.statements:
        name = f"statement-{statement.keyword}"
        repository[name] = _statement(statement, w)
        patterns.append({"include": f"#{name}"})
    patterns += [
        {"include": "#shared"},
        {"match": ":", "name": "punctuation.section.block.begin.prog"},
        {"match": ";", "name": "punctuation.terminator.statement.prog"},
        _free_word(w, "variable.other.word.prog"),
    ]
    return {
        "$schema": "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
        "name": "prog",
        "scopeName": SCOPE,
        "fileTypes": ["prog"],
        "comment": (
            "Generated by `python -m dsl.highlight.textmate` from grammar/prog.lark and the "
            "core vocabulary (dsl/highlight/words.py): do not edit by hand."
        ),
        "patterns": patterns,
        "repository": repository,
    }


def text() -> str:
    """The grammar file's exact content."""
    return json.dumps(grammar(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the grammar (or, with --check, say whether the file is up to date)."""
    return write_or_check(text(), OUTPUT, "python -m dsl.highlight.textmate", argv)


if __name__ == "__main__":
    sys.exit(main())

"""Machine formats of `prog lint` (spec §8): sorted diagnostics in; JSON, GitHub workflow
commands or a SARIF 2.1.0 log out, as text ready for stdout.

- `json`: one array, one object per diagnostic, with the spec's keys plus `help` and
  `suggestion` (null when there is none).
- `github`: `::error file=F,line=L,col=C,title=CODE::message` (`::warning`, `::notice`),
  escaped as GitHub's workflow commands require.
- `sarif`: one run whose driver lists every code prog knows (with its description and
  help from `dsl.explain`) and one result per diagnostic.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from dsl import __version__
from dsl.diagnostics import Diagnostic

if TYPE_CHECKING:
    from dsl.explain import Explanation

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def as_json(diagnostics: Sequence[Diagnostic]) -> str:
    records = [
        {
            "file": d.span.file,
            "line": d.span.line,
            "col": d.span.col,
            "end_line": d.span.end_line,
            "end_col": d.span.end_col,
            "code": d.code,
            "severity": d.severity,
            "message": d.message,
            "help": d.hint,
            "suggestion": d.suggestion,
        }
        for d in diagnostics
    ]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(diagnostics: Sequence[Diagnostic]) -> str:
    lines = []
    for d in diagnostics:
        command = GITHUB_COMMAND[d.severity]
        properties = (
            f"file={_escape_property(d.span.file)},line={d.span.line},col={d.span.col},"
            f"title={_escape_property(d.code)}"
        )
        lines.append(f"::{command} {properties}::{_escape_data(d.message)}")
    return "".join(line + "\n" for line in lines)


def _uri(file: str) -> str:
    return quote(PurePath(file).as_posix(), safe="/")


def _rule(explanation: Explanation) -> dict[str, Any]:
    help_text = explanation.why
    if explanation.fix:
        help_text += "\n\nFix: " + explanation.fix
    markdown = help_text
    if explanation.bad:
        markdown += "\n\nBad:\n\n```prog\n" + explanation.bad.rstrip("\n") + "\n```"
    if explanation.good:
        markdown += "\n\nGood:\n\n```prog\n" + explanation.good.rstrip("\n") + "\n```"
    return {
        "id": explanation.code,
        "name": explanation.code,
        "shortDescription": {"text": explanation.title},
        "fullDescription": {"text": explanation.meaning},
        "help": {"text": help_text, "markdown": markdown},
        "defaultConfiguration": {"level": SARIF_LEVEL[explanation.severity]},
        "properties": {"source": explanation.owner},
    }


def _end(d: Diagnostic) -> dict[str, int]:
    """SARIF's end of a region: the column after its last character, as `Span` keeps it."""
    if d.span.end_line > d.span.line:
        return {"endLine": d.span.end_line, "endColumn": max(d.span.end_col, 1)}
    return {"endLine": d.span.line, "endColumn": max(d.span.end_col, d.span.col)}


def as_sarif(diagnostics: Sequence[Diagnostic], explanations: Mapping[str, Explanation]) -> str:
    from dsl.explain import Explanation

    codes = sorted({*explanations, *(d.code for d in diagnostics)})
    index = {code: i for i, code in enumerate(codes)}
    rules = []
    for code in codes:
        explanation = explanations.get(code)
        if explanation is None:  # a diagnostic from a plugin that is gone: still a rule
            explanation = Explanation(code, "warning", code, code, code, "", "", "", "?")
        rules.append(_rule(explanation))
    results = []
    for d in diagnostics:
        result: dict[str, Any] = {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": SARIF_LEVEL[d.severity],
            "message": {"text": d.message + (f"\nhelp: {d.hint}" if d.hint else "")},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(d.span.file)},
                        "region": {
                            "startLine": d.span.line,
                            "startColumn": d.span.col,
                            **_end(d),
                        },
                    }
                }
            ],
        }
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "prog",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


FORMATS = ("text", "json", "github", "sarif")

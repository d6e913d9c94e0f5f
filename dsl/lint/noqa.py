"""`# noqa` directives: source text in; which lint findings each line silences out.

`# noqa` on a line silences every lint finding that starts on that line; `# noqa: P102`
or `# noqa: P102, G101` only those codes. Errors (P001–P007) are never silenced: a program
that cannot run stays reported. A directive that silences nothing is itself reported
(as P108, the code for things written that have no effect), so stale ones do not pile up.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from dsl.comments import comments
from dsl.diagnostics import Diagnostic, make
from dsl.nodes import Span

_CODE = r"[A-Za-z]{1,2}[0-9]{3}"
# The codes a directive names, `P102, G101`: the TextMate grammar colours the same text.
CODES = _CODE + r"(?:\s*,\s*" + _CODE + r")*"
_DIRECTIVE = re.compile(r"#\s*noqa(?::\s*(?P<codes>" + CODES + r"))?", re.IGNORECASE)


def silenceable(code: str) -> bool:
    return not code.startswith("P0")


@dataclass
class Directive:
    """One `# noqa` comment; `codes` is None for a blanket `# noqa`."""

    span: Span
    text: str
    codes: tuple[str, ...] | None
    used: set[str] = field(default_factory=set)

    def silences(self, code: str) -> bool:
        return silenceable(code) and (self.codes is None or code in self.codes)


def directives(text: str, file: str) -> dict[int, Directive]:
    """The `# noqa` directives of one file's text, by line."""
    found: dict[int, Directive] = {}
    if _DIRECTIVE.search(text) is None:
        return found  # most files have none: no need to find their comments
    for line, comment in comments(text).items():
        match = _DIRECTIVE.search(comment.text)
        if match is None:
            continue
        col = comment.col + match.start()
        span = Span(file, line, col, line, comment.col + match.end())
        codes = match.group("codes")
        parsed = tuple(c.strip().upper() for c in codes.split(",")) if codes else None
        found[line] = Directive(span, match.group(0), parsed)
    return found


class Noqa:
    """Applies the directives of every file a program's findings point into.

    `read` gives the text of another file (an included one) when a finding sits there.
    """

    def __init__(self, main: str, text: str, read: Callable[[str], str | None]) -> None:
        self.main = main
        self.read = read
        self.files: dict[str, dict[int, Directive]] = {main: directives(text, main)}

    @property
    def in_main(self) -> bool:
        """Whether the main file has any directive (most files have none)."""
        return bool(self.files[self.main])

    def _for(self, file: str) -> dict[int, Directive]:
        if file not in self.files:
            text = self.read(file)
            self.files[file] = directives(text, file) if text is not None else {}
        return self.files[file]

    def filter(self, found: Iterable[Diagnostic]) -> list[Diagnostic]:
        """The diagnostics no directive silences; records which directives did work."""
        kept = []
        for diagnostic in found:
            span = diagnostic.span
            in_file = self.files.get(span.file)
            if in_file is None:
                in_file = self._for(span.file)
            if not in_file:  # most files have no directive
                kept.append(diagnostic)
                continue
            directive = in_file.get(span.line)
            if directive is not None and directive.silences(diagnostic.code):
                directive.used.add(diagnostic.code)
                continue
            kept.append(diagnostic)
        return kept

    def unused(self, known: set[str], checked: set[str], *, complete: bool) -> list[Diagnostic]:
        """P108 for each directive of the main file that silenced nothing.

        `checked` are the codes looked for in this run, and `complete` says whether every
        rule ran (not so in a program with errors). A directive for a code that was not
        looked for is left alone, since nobody can tell if it is needed; one that names an
        error or an unknown code is always reported: it can never do anything.
        """
        out = []
        for directive in self.files[self.main].values():
            if directive.codes is None:
                if not directive.used and complete:
                    out.append(
                        make(
                            "P108",
                            "this `# noqa` silences nothing on its line",
                            directive.span,
                            hint="remove it",
                        )
                    )
                continue
            for code in directive.codes:
                message = _unused_message(code, directive, known, checked if complete else set())
                if message is not None:
                    out.append(make("P108", message, directive.span, hint=_hint(code, known)))
        return out


def _unused_message(
    code: str, directive: Directive, known: set[str], checked: set[str]
) -> str | None:
    if code in directive.used:
        return None
    if code not in known:
        return f"`# noqa: {code}`: prog knows no code {code}"
    if not silenceable(code):
        return f"`# noqa: {code}` has no effect: an error cannot be silenced, only fixed"
    if code not in checked:
        return None
    return f"`# noqa: {code}` silences nothing: there is no {code} on this line"


def _hint(code: str, known: set[str]) -> str:
    if code not in known:
        return "check the code with `prog explain`; a plugin's codes need the plugin installed"
    if not silenceable(code):
        return f"`prog explain {code}` says how to fix it"
    return f"remove `{code}` from the directive"

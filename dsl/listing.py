"""What `prog lint` shows, gathered file by file as the reports come: every diagnostic once,
in the order shown (`SHOWN_ORDER`), and for plain text the text itself.

The reports come in the order of the files' names, and each report's diagnostics are
sorted and each once already (`lint_loaded`). So while every report holds only its own
file's diagnostics and the names increase, the reports put together are the whole lint in
order, with nothing to sort or merge at the end; plain text is then laid out as each report
comes, which with `--jobs N` is while the workers still lint the other files, not after
(a lint of a library can show 200,000 diagnostics). A report with a diagnostic in another
file (an include's, which every file that includes it repeats), or out of order, ends that:
then the text is laid out at the end, from all the diagnostics sorted, each once.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from dsl import messages
from dsl.diagnostics import Diagnostic, in_shown_order
from dsl.lint.engine import FileReport


class Listing:
    """The diagnostics of one lint, and the source lines and text that show them."""

    def __init__(self, first: Iterable[Diagnostic], *, text: bool) -> None:
        """`first`: diagnostics about the run (a plugin it needs is missing); `text`: the
        output is text, whose source lines are kept (and laid out early if it is plain)."""
        self.sources = messages.SourceLines()
        self._all = list(first)
        self._in_order = not self._all
        self._last = ""
        self._text = text
        plain = text and not messages.coloured(sys.stdout)
        self._laid_out: list[str] | None = [] if plain and self._in_order else None

    def add(self, report: FileReport) -> None:
        found = report.diagnostics
        if not found:
            return
        name = report.name
        if self._text and report.text is not None:  # only the lines shown
            lines = {d.span.line for d in found if d.span.file == name}
            self.sources.keep(name, report.text, lines)
        if self._in_order and (name <= self._last or any(d.span.file != name for d in found)):
            self._in_order = False
            self._laid_out = None
        self._last = name
        if self._laid_out is not None:
            plain, sources = messages.plain_diagnostic, self.sources
            self._laid_out.append("".join([plain(d, sources) + "\n" for d in found]))
        self._all.extend(found)

    def diagnostics(self) -> list[Diagnostic]:
        """Every diagnostic once, in the order shown."""
        if not self._in_order:
            self._all = in_shown_order(self._all)
            self._in_order = True
        return self._all

    def write_text(self) -> None:
        """The diagnostics as text on stdout: plain (laid out already if it could be), or
        in colour on a terminal."""
        if self._laid_out is None:
            messages.diagnostics(self.diagnostics(), self.sources, stderr=False)
            return
        with messages.chunked(sys.stdout) as put:
            for part in self._laid_out:
                put(part)

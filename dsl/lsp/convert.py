"""Between the services' values and LSP's: positions in code points ↔ the client's units
(UTF-16 by default) through pygls's position codec, and each service value as its
lsprotocol type.

Conversions read the document's own lines (split where prog splits them), clamp anything
out of range, and never raise on what a client sends.
"""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from dsl.services import Completion, Diagnostic, Hover, Position, Range, Symbol, TextEdit

SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
KINDS = {
    "keyword": types.CompletionItemKind.Keyword,
    "define": types.CompletionItemKind.Reference,
    "sport": types.CompletionItemKind.Module,
    "phase": types.CompletionItemKind.Event,
    "motion": types.CompletionItemKind.EnumMember,
    "muscle": types.CompletionItemKind.Class,
    "limb": types.CompletionItemKind.Field,
}
SYMBOLS = {"phase": types.SymbolKind.Namespace, "define": types.SymbolKind.Function}


class Units:
    """Positions of one text in the client's units and back."""

    def __init__(self, codec: PositionCodec, lines: Sequence[str]) -> None:
        self.codec = codec
        self.lines = list(lines) or [""]

    def count(self, text: str) -> int:
        """`text`'s length in the client's units. An ASCII text (nearly every line of a
        program) is one unit a character in UTF-8, -16 and -32 alike; the codec counts
        the others, character by character."""
        return len(text) if text.isascii() else self.codec.client_num_units(text)

    def position(self, client: types.Position) -> Position:
        """A client position as a code-point position, clamped into the text."""
        line = min(max(client.line, 0), len(self.lines) - 1)
        text = self.lines[line]
        wanted = min(max(client.character, 0), self.count(text))
        if text.isascii():
            return Position(line, wanted)
        server = self.codec.position_from_client_units(
            [text], types.Position(line=0, character=wanted)
        )
        return Position(line, min(server.character, len(text)))

    def range(self, client: types.Range) -> Range:
        start, end = self.position(client.start), self.position(client.end)
        return Range(start, end) if start <= end else Range(end, start)

    def to_client(self, position: Position) -> types.Position:
        line = min(max(position.line, 0), len(self.lines) - 1)
        text = self.lines[line][: max(position.character, 0)]
        return types.Position(line=line, character=self.count(text))

    def to_client_range(self, range_: Range) -> types.Range:
        return types.Range(start=self.to_client(range_.start), end=self.to_client(range_.end))


def diagnostic(found: Diagnostic, at: Units) -> types.Diagnostic:
    message = found.message if not found.hint else f"{found.message}\nhelp: {found.hint}"
    return types.Diagnostic(
        range=at.to_client_range(_on_the_line(found.range, at)),
        message=message,
        severity=SEVERITY.get(found.severity, types.DiagnosticSeverity.Error),
        code=found.code,
        source="prog",
        data={"suggestion": found.suggestion} if found.suggestion else None,
    )


def _on_the_line(range_: Range, at: Units) -> Range:
    """A diagnostic past the end of its line (`expected `:`` after a block header) on the
    line's last character instead: clipped to the line, as a client would clip it, it would
    be empty, and most editors draw an empty range as nothing."""
    start = range_.start
    if not 0 <= start.line < len(at.lines):
        return range_
    length = len(at.lines[start.line])
    if start.character < length or length == 0:
        return range_
    return Range(Position(start.line, length - 1), Position(start.line, length))


def completion(item: Completion, at: Units) -> types.CompletionItem:
    edit = None
    if item.replace is not None:
        edit = types.TextEdit(range=at.to_client_range(item.replace), new_text=item.label)
    return types.CompletionItem(
        label=item.label,
        kind=KINDS.get(item.kind, types.CompletionItemKind.Value),
        detail=item.detail or None,
        documentation=(
            types.MarkupContent(kind=types.MarkupKind.Markdown, value=item.documentation)
            if item.documentation
            else None
        ),
        text_edit=edit,
    )


def hover(found: Hover, at: Units) -> types.Hover:
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=found.markdown),
        range=at.to_client_range(found.range),
    )


def text_edit(edit: TextEdit, at: Units) -> types.TextEdit:
    return types.TextEdit(range=at.to_client_range(edit.range), new_text=edit.new_text)


def symbol(found: Symbol, at: Units) -> types.DocumentSymbol:
    return types.DocumentSymbol(
        name=found.name,
        kind=SYMBOLS.get(found.kind, types.SymbolKind.Object),
        range=at.to_client_range(found.range),
        selection_range=at.to_client_range(found.selection),
        detail=found.detail or None,
    )


def folding(found: Range) -> types.FoldingRange:
    return types.FoldingRange(
        start_line=found.start.line,
        end_line=found.end.line,
        kind=types.FoldingRangeKind.Region,
    )

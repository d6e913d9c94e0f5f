"""Language services: a document's text (and path) in; diagnostics, completion, hover, quick
fixes, formatting, outline, go-to-define and folding out, as plain values.

There is no transport here: `prog lsp` (`dsl.lsp`) and the studio map their messages onto
these functions, so every face gives the same answers from one engine (the same lint
engine, settings, formatter and vocabulary as the command line). Every function answers
sensibly for broken, empty, huge or hostile text (an empty list or None) and never raises.

Positions are 0-based ``(line, character)``, characters counted in Python ``str`` code
points; a transport converts (the language server from UTF-16, the studio from JS
offsets). Ranges are end-exclusive.

The API
-------

Values (`dsl.services.document`)::

    Document(text, path=None)      # path: a real file, so includes and [tool.prog] resolve
    Position(line, character)      # NamedTuple
    Range(start, end)              # NamedTuple of Positions; .contains(pos), .overlaps(r)
    TextEdit(range, new_text)      # NamedTuple

Functions, each taking a `Document` (build one per text; its analysis is done once and
kept on it, so several requests on one text check it once)::

    diagnose(doc) -> list[Diagnostic]
        Diagnostic(range, code, severity, message, hint, suggestion, file)
        What `prog lint` gives for the file: same codes, messages, suggestions; settings
        from the `[tool.prog]` nearest `path`; `# noqa` honoured. `severity` is "error",
        "warning" or "info". A problem inside an included file sits on the `include` line,
        `file` naming where it is. If prog itself fails: one error coded "internal".
    complete(doc, pos) -> list[Completion]
        Completion(label, kind, detail, documentation, replace)
        The words the grammar expects at `pos`, in force for the document (core words,
        the sports on, the target, defines including included ones). `kind` names what the
        grammar wants ("keyword", "plane", "limb", "direction", "sport direction", "phase",
        "side", "position", "motion", "define", "sport", "muscle", "level", "taper",
        "surface", "slope", "test"). `replace` is the range of the part of the word typed.
    hover(doc, pos) -> Hover | None
        Hover(markdown, range): the word's meaning and, for a movement, its effect on the
        target hip per plane for the document's side and handedness (`F+3`); in a program
        without errors, also the drive after that step (every retest taken as better).
    code_actions(doc, range, diagnostics=None) -> list[Fix]
        Fix(title, diagnostic, edits: list[TextEdit], preferred), `diagnostic` the one it
        mends (`.code` its code): replace a misspelt word with its suggestion; add
        `sport NAME` (P003); insert `retest` (P102); add `# noqa: CODE`; take out of a
        `# noqa` the codes that silence nothing (P108).
        `diagnostics` defaults to `diagnose(doc)`; only those touching `range` are fixed,
        each in the light of all of them (give them all, as `diagnose` does).
    format_edits(doc) -> list[TextEdit]
        One whole-text edit to `prog fmt`'s layout; none when formatted or not parseable.
    symbols(doc) -> list[Symbol]
        Symbol(name, kind ("phase"|"define"), range, selection, detail)
    definition(doc, pos) -> Location | None
        Location(path, range): path None for the document itself, else the included file.
    folding(doc) -> list[Range]
        The blocks that span more than one line.
"""

from __future__ import annotations

from dsl.services.complete import Completion, complete
from dsl.services.diagnose import Diagnostic, diagnose
from dsl.services.document import Document, Position, Range, TextEdit
from dsl.services.fixes import Fix, code_actions
from dsl.services.formatting import format_edits
from dsl.services.hover import Hover, hover
from dsl.services.outline import Location, Symbol, definition, folding, symbols

__all__ = [
    "Completion",
    "Diagnostic",
    "Document",
    "Fix",
    "Hover",
    "Location",
    "Position",
    "Range",
    "Symbol",
    "TextEdit",
    "code_actions",
    "complete",
    "definition",
    "diagnose",
    "folding",
    "format_edits",
    "hover",
    "symbols",
]

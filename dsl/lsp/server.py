"""`prog lsp`: LSP messages over stdio in; the language services' answers out.

A thin map, one small function per LSP method, from lsprotocol types to `dsl.services`
and back (`dsl.lsp.convert`). Documents are synced whole (`TextDocumentSyncKind.Full`);
each open document's text becomes one `Document`, kept with its diagnostics until the next
change, so a keystroke checks that one document and the requests that follow it (hover,
completion, fixes) reuse that check. The plugins load once (once per project's choice of
plugins), right after the server answers `initialize`.

Every handler is guarded: a request about a document never opened, a range outside the
text or a fault of prog's gets an empty answer and a line on stderr, never a dead server
(an editor whose server died shows nothing at all).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, ParamSpec, TypeVar, cast

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method
from pygls.uris import from_fs_path, to_fs_path, uri_scheme

from dsl import __version__, services
from dsl.lsp import convert
from dsl.parser import paused_gc
from dsl.reparse import Reusable
from dsl.services.document import never_raises
from dsl.source import NotText, read_text

log = logging.getLogger("prog.lsp")
P = ParamSpec("P")
T = TypeVar("T")

TRIGGER_CHARACTERS = [" ", "."]


@dataclass
class Open:
    """One open document: its text as a `Document`, and that text's diagnostics."""

    uri: str
    version: int | None
    doc: services.Document
    diagnostics: list[services.Diagnostic]


class ProgProtocol(LanguageServerProtocol):
    """pygls's protocol, announcing no `workspace/executeCommand`: prog has no commands."""

    @lsp_method(types.INITIALIZE)
    def lsp_initialize(self, params: types.InitializeParams) -> Any:
        result = yield from super().lsp_initialize(params)
        result.capabilities.execute_command_provider = None
        return result


class ProgServer(LanguageServer):
    """The language server, with the documents the client has open."""

    def __init__(self) -> None:
        super().__init__(
            "prog",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Full,
            protocol_cls=ProgProtocol,
        )
        self.open: dict[str, Open] = {}

    def units(self, doc: services.Document) -> convert.Units:
        """`doc`'s positions in the units this client counts in (UTF-16 unless it asked)."""
        return convert.Units(self.workspace.position_codec, doc.lines)


def path_of(uri: str) -> str | None:
    """The file a `file:` URI names; None for any other scheme (an unsaved buffer)."""
    if uri_scheme(uri) != "file":
        return None
    return to_fs_path(uri) or None


def uri_of(path: str) -> str:
    return from_fs_path(path) or path


def _failed(name: str, error: BaseException) -> None:
    log.error(
        "prog lsp: %s failed (%s: %s); answered with nothing", name, type(error).__name__, error
    )


def guarded(default: Callable[[], object]) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """A handler that answers `default()` and logs on stderr, instead of raising."""
    return never_raises(default, on_error=_failed)


server = ProgServer()


def _check(ls: ProgServer, uri: str, version: int | None, text: str) -> None:
    """Check one document's new text and publish its diagnostics.

    The cyclic garbage collector waits until the diagnostics are sent: the check's objects
    are kept (hover and completion reuse them), so the first collection after it walks them
    all, and that is better done while the editor shows the diagnostics than before.

    Only the top-level blocks the edit changed are parsed again (`dsl.reparse`): the
    document's last text kept the rest of its parse."""
    with paused_gc():
        doc = services.Document(text, path_of(uri), earlier=_reusable(ls.open.get(uri)))
        found = services.diagnose(doc)
        ls.open[uri] = Open(uri, version, doc, found)
        at = ls.units(doc)
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, version=version, diagnostics=[convert.diagnostic(d, at) for d in found]
            )
        )


def _reusable(before: Open | None) -> Reusable | None:
    """What the document's last text kept of its parse; nothing if that check failed (the
    new text is then checked whole, not refused again)."""
    if before is None:
        return None
    try:
        return before.doc.loaded.reusable
    except Exception:
        return None


def on_document(
    default: Callable[[], object],
) -> Callable[[Callable[[ProgServer, Open, convert.Units, Any], T]], Callable[..., T]]:
    """A guarded handler of a request about one open document: called with that document
    and its units; a document never opened gets `default()`."""

    def wrap(handler: Callable[[ProgServer, Open, convert.Units, Any], T]) -> Callable[..., T]:
        @guarded(default)
        @wraps(handler)
        def handle(ls: ProgServer, params: Any) -> T:
            found = ls.open.get(params.text_document.uri)
            if found is None:
                return cast(T, default())
            return handler(ls, found, ls.units(found.doc), params)

        return handle

    return wrap


# --- lifecycle and sync ---------------------------------------------------------------


@server.feature(types.INITIALIZED)
@guarded(lambda: None)
def initialized(ls: ProgServer, params: types.InitializedParams) -> None:
    """Load the plugins and the parser now, after answering `initialize`, so the first
    keystroke does not wait for them."""
    services.diagnose(services.Document("pivot frontal\nretest\n"))


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
@guarded(lambda: None)
def did_open(ls: ProgServer, params: types.DidOpenTextDocumentParams) -> None:
    item = params.text_document
    _check(ls, item.uri, item.version, item.text)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
@guarded(lambda: None)
def did_change(ls: ProgServer, params: types.DidChangeTextDocumentParams) -> None:
    uri = params.text_document.uri
    if uri not in ls.open:
        return  # never opened: nothing to re-check
    text = ls.workspace.get_text_document(uri).source
    _check(ls, uri, params.text_document.version, text)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
@guarded(lambda: None)
def did_close(ls: ProgServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    if ls.open.pop(uri, None) is not None:
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
@guarded(lambda: None)
def watched_files_changed(ls: ProgServer, params: types.DidChangeWatchedFilesParams) -> None:
    """A watched file changed on disk (a `pyproject.toml`, an included program: the editor
    says which it watches): every open document is checked again, as a keystroke would."""
    for found in list(ls.open.values()):
        _check(ls, found.uri, found.version, found.doc.text)


# --- requests -------------------------------------------------------------------------


@server.feature(
    types.TEXT_DOCUMENT_COMPLETION,
    types.CompletionOptions(trigger_characters=TRIGGER_CHARACTERS),
)
@on_document(lambda: None)
def completion(
    ls: ProgServer, found: Open, at: convert.Units, params: types.CompletionParams
) -> types.CompletionList:
    items = services.complete(found.doc, at.position(params.position))
    return types.CompletionList(
        is_incomplete=False, items=[convert.completion(item, at) for item in items]
    )


@server.feature(types.TEXT_DOCUMENT_HOVER)
@on_document(lambda: None)
def hover(
    ls: ProgServer, found: Open, at: convert.Units, params: types.HoverParams
) -> types.Hover | None:
    answer = services.hover(found.doc, at.position(params.position))
    return convert.hover(answer, at) if answer is not None else None


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
@on_document(list)
def code_action(
    ls: ProgServer, found: Open, at: convert.Units, params: types.CodeActionParams
) -> list[types.CodeAction]:
    fixes = services.code_actions(found.doc, at.range(params.range), found.diagnostics)
    mended = {id(fix.diagnostic): fix.diagnostic for fix in fixes}  # each its own, by identity
    shown = {key: convert.diagnostic(d, at) for key, d in mended.items()}
    return [
        types.CodeAction(
            title=fix.title,
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[shown[id(fix.diagnostic)]],
            is_preferred=fix.preferred or None,
            edit=types.WorkspaceEdit(
                changes={found.uri: [convert.text_edit(edit, at) for edit in fix.edits]}
            ),
        )
        for fix in fixes
    ]


@server.feature(types.TEXT_DOCUMENT_FORMATTING)
@on_document(list)
def formatting(
    ls: ProgServer, found: Open, at: convert.Units, params: types.DocumentFormattingParams
) -> list[types.TextEdit]:
    return [convert.text_edit(edit, at) for edit in services.format_edits(found.doc)]


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
@on_document(list)
def document_symbol(
    ls: ProgServer, found: Open, at: convert.Units, params: types.DocumentSymbolParams
) -> list[types.DocumentSymbol]:
    return [convert.symbol(s, at) for s in services.symbols(found.doc)]


@server.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)
@on_document(list)
def folding_range(
    ls: ProgServer, found: Open, at: convert.Units, params: types.FoldingRangeParams
) -> list[types.FoldingRange]:
    return [convert.folding(r) for r in services.folding(found.doc)]


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
@on_document(lambda: None)
def definition(
    ls: ProgServer, found: Open, at: convert.Units, params: types.DefinitionParams
) -> types.Location | None:
    target = services.definition(found.doc, at.position(params.position))
    if target is None:
        return None
    if target.path is None:
        return types.Location(uri=found.uri, range=at.to_client_range(target.range))
    there = ls.units(_file(target.path))
    return types.Location(uri=uri_of(target.path), range=there.to_client_range(target.range))


def _file(path: str) -> services.Document:
    """The file a definition is in, read as prog reads a program: a regular file of at most
    5 MiB of UTF-8, without the byte order mark an editor does not show (its positions are
    counted without it). A file that is no longer such a text, changed since it was checked
    (gone, a FIFO that would wait for a writer, grown past the limit), is taken as empty:
    the answer still names it, and the server neither waits nor fills its memory."""
    try:
        text = read_text(path)
    except (OSError, NotText):  # `Unreadable` is an OSError
        text = ""
    return services.Document(text.removeprefix("\ufeff"), path)


def serve() -> None:
    """Run the server on standard input and output until the client says exit."""
    logging.basicConfig(level=logging.WARNING, format="%(message)s")  # stderr: never stdout
    server.start_io()

"""`prog lsp` over real stdio, driven by pytest-lsp's client as an editor would: each
capability, golf's words, a document edited from broken to clean, and a client that sends
nonsense. The server runs as `python -m dsl lsp` in a subprocess."""

from __future__ import annotations

import asyncio

import pytest
from lsprotocol import types

from tests.conftest import EXAMPLES

pytestmark = pytest.mark.asyncio(loop_scope="module")

CLEAN = "target right glute-med\npivot frontal x10\nretest\n"
WAIT = 30  # seconds: a loaded CI machine is slow, a missing notification fails anyway


def doc_id(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=uri)


async def published(client, uri: str) -> list[types.Diagnostic]:
    """The next diagnostics the server publishes for `uri`."""

    async def next_for_uri() -> list[types.Diagnostic]:
        while True:
            params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if params.uri == uri:
                return list(params.diagnostics)

    return await asyncio.wait_for(next_for_uri(), WAIT)


async def open_text(client, uri: str, text: str) -> list[types.Diagnostic]:
    waiting = asyncio.ensure_future(published(client, uri))
    await asyncio.sleep(0)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="prog", version=1, text=text)
        )
    )
    return await waiting


async def change_text(client, uri: str, text: str, version: int) -> list[types.Diagnostic]:
    waiting = asyncio.ensure_future(published(client, uri))
    await asyncio.sleep(0)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    return await waiting


def at(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


async def test_initialize_announces_exactly_what_is_implemented(client) -> None:
    result = client.initialize_result
    caps = result.capabilities
    assert result.server_info.name == "prog"
    sync = caps.text_document_sync
    kind = sync.change if isinstance(sync, types.TextDocumentSyncOptions) else sync
    assert kind == types.TextDocumentSyncKind.Full
    assert set(caps.completion_provider.trigger_characters) == {" ", "."}
    assert caps.hover_provider
    assert list(caps.code_action_provider.code_action_kinds) == [types.CodeActionKind.QuickFix]
    assert caps.document_formatting_provider
    assert caps.document_symbol_provider
    assert caps.definition_provider
    assert caps.folding_range_provider
    for unimplemented in (
        "references_provider",
        "rename_provider",
        "signature_help_provider",
        "semantic_tokens_provider",
        "document_range_formatting_provider",
        "diagnostic_provider",
        "execute_command_provider",
        "workspace_symbol_provider",
        "inlay_hint_provider",
    ):
        assert not getattr(caps, unimplemented), unimplemented


async def test_a_document_edited_from_broken_to_clean(client) -> None:
    uri = "file:///nowhere/broken-to-clean.prog"
    broken = await open_text(client, uri, "target right glute-med\npivot frontl x10\nretest\n")
    [error] = broken
    assert (error.code, error.severity, error.source) == ("P002", 1, "prog")
    assert error.message.startswith("unknown plane `frontl`; did you mean `frontal`?")
    assert error.range == types.Range(start=at(1, 6), end=at(1, 12))
    assert await change_text(client, uri, CLEAN, 2) == []


async def test_edits_above_and_inside_later_blocks_keep_every_place_right(client) -> None:
    """Each keystroke parses only the blocks it changed; what it reuses must stand where
    it now is: a line added above moves every later block, and a finding in one of them is
    published at its new line."""
    uri = "file:///nowhere/edited-in-places.prog"
    blocks = "".join(f"phase p{n}:\n    pivot frontal x10\n    retest\n" for n in range(30))
    text = "target right glute-med\n" + blocks
    assert await open_text(client, uri, text) == []
    lines = text.split("\n")
    pivot = 2 + 3 * 20  # the pivot of the 21st block
    lines[pivot] = lines[pivot].replace("frontal", "frontl")
    [error] = await change_text(client, uri, "\n".join(lines), 2)
    assert (error.code, error.range.start) == ("P002", at(pivot, 10))
    lines.insert(1, "# a note above everything")  # every block moves down a line
    [error] = await change_text(client, uri, "\n".join(lines), 3)
    assert (error.code, error.range.start) == ("P002", at(pivot + 1, 10))
    lines[pivot + 1] = lines[pivot + 1].replace("frontl", "frontal")
    assert await change_text(client, uri, "\n".join(lines), 4) == []
    lines[pivot + 2] += "  # still clean"  # one block parsed again, the others kept
    assert await change_text(client, uri, "\n".join(lines), 5) == []
    del lines[1]  # every block moves back up
    lines[2 + 3 * 25] = "    pivot sagital x10"
    [error] = await change_text(client, uri, "\n".join(lines), 6)
    assert (error.code, error.range.start) == ("P002", at(2 + 3 * 25, 10))


async def test_an_error_after_the_end_of_a_line_underlines_its_last_character(client) -> None:
    uri = "file:///nowhere/no-colon.prog"
    text = "target right glute-med\nphase broken\n    pivot frontal x10\n    retest\n"
    [error] = await open_text(client, uri, text)
    assert error.message.startswith("expected `:` after `phase`")
    assert error.range == types.Range(start=at(1, 11), end=at(1, 12))


async def test_the_quick_fix_for_frontl_is_frontal(client) -> None:
    uri = "file:///nowhere/quick-fix.prog"
    await open_text(client, uri, "target right glute-med\npivot frontl\nretest\n")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=doc_id(uri),
            range=types.Range(start=at(1, 8), end=at(1, 8)),
            context=types.CodeActionContext(diagnostics=list(client.diagnostics[uri])),
        )
    )
    [fix] = [a for a in actions if a.title == "Replace `frontl` with `frontal`"]
    assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
    [edit] = fix.edit.changes[uri]
    assert edit.new_text == "frontal" and edit.range == types.Range(start=at(1, 6), end=at(1, 12))


async def test_golf_words_in_completion_and_hover(client) -> None:
    uri = "file:///nowhere/golf.prog"
    text = "target right glute-med\nsport golf\npivot frontal\ndriver right-hand \nretest\n"
    await open_text(client, uri, text)
    answer = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc_id(uri), position=at(3, 18))
    )
    labels = {item.label for item in answer.items}
    assert {"overhead-left", "golf.swing"} <= labels
    phases = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc_id(uri), position=at(2, 0))
    )
    assert "pivot" in {item.label for item in phases.items}
    await change_text(client, uri, text.replace("right-hand \n", "left-hand golf.swing\n"), 2)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=doc_id(uri), position=at(3, 20))
    )
    assert "normal golf swing" in hover.contents.value
    assert "**F-1 T+1**" in hover.contents.value


async def test_hover_over_frontal_shows_f_plus_3(client) -> None:
    uri = (EXAMPLES / "golfer.prog").as_uri()
    text = (EXAMPLES / "golfer.prog").read_text(encoding="utf-8")
    await open_text(client, uri, text)
    line = next(i for i, t in enumerate(text.split("\n")) if "pivot frontal" in t)
    column = text.split("\n")[line].index("frontal") + 3
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=doc_id(uri), position=at(line, column))
    )
    assert "**F+3**" in hover.contents.value
    assert hover.range.start.character == column - 3


async def test_formatting_a_messy_file(client) -> None:
    uri = "file:///nowhere/messy.prog"
    await open_text(
        client,
        uri,
        "PIVOT   frontal  X10 ;retest\nphase a:  driver right-hand overhead-left;retest\n",
    )
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(
            text_document=doc_id(uri),
            options=types.FormattingOptions(tab_size=4, insert_spaces=True),
        )
    )
    [edit] = edits
    assert edit.new_text == (
        "pivot frontal x10\nretest\nphase a:\n    driver right-hand overhead-left\n    retest\n"
    )
    await change_text(client, uri, edit.new_text, 2)
    again = await client.text_document_formatting_async(
        types.DocumentFormattingParams(
            text_document=doc_id(uri),
            options=types.FormattingOptions(tab_size=4, insert_spaces=True),
        )
    )
    assert not again


async def test_outline_definition_across_an_include_and_folding(client) -> None:
    path = EXAMPLES / "clinic-warmup.prog"
    uri = path.as_uri()
    text = path.read_text(encoding="utf-8")
    assert await open_text(client, uri, text) == []
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=doc_id(uri))
    )
    assert [(s.name, s.kind) for s in symbols] == [
        ("hand-drive", types.SymbolKind.Function),
        ("fire", types.SymbolKind.Namespace),
        ("specific", types.SymbolKind.Namespace),
        ("carryover", types.SymbolKind.Namespace),
    ]
    line = next(i for i, t in enumerate(text.split("\n")) if "use warm-up" in t)
    found = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc_id(uri), position=at(line, 9))
    )
    assert found.uri == (EXAMPLES / "lib" / "warmup.prog").as_uri()
    lib = (EXAMPLES / "lib" / "warmup.prog").read_text(encoding="utf-8").split("\n")
    start, end = found.range.start, found.range.end
    assert lib[start.line][start.character : end.character] == "warm-up"
    folds = await client.text_document_folding_range_async(
        types.FoldingRangeParams(text_document=doc_id(uri))
    )
    starts = [text.split("\n")[f.start_line].strip() for f in folds]
    assert starts == ["define hand-drive:", "phase fire:", "phase specific:", "phase carryover:"]


async def test_positions_are_in_utf16_units(client) -> None:
    uri = "file:///nowhere/emoji.prog"
    [error] = [
        d
        for d in await open_text(client, uri, 'note "💪"; pivot frontl\nretest\n')
        if d.code == "P002"
    ]
    # `frontl` is at code points 16-22; the emoji before it counts 2 in UTF-16.
    assert (error.range.start.character, error.range.end.character) == (17, 23)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=doc_id(uri), position=at(0, 13))
    )
    assert hover.range.start.character == 11 and "pivot" in hover.contents.value


async def test_a_document_never_opened_gets_empty_answers(client) -> None:
    uri = "file:///nowhere/never-opened.prog"
    position = at(0, 0)
    assert (
        await client.text_document_hover_async(
            types.HoverParams(text_document=doc_id(uri), position=position)
        )
        is None
    )
    assert (
        await client.text_document_completion_async(
            types.CompletionParams(text_document=doc_id(uri), position=position)
        )
        is None
    )
    assert not await client.text_document_formatting_async(
        types.DocumentFormattingParams(
            text_document=doc_id(uri),
            options=types.FormattingOptions(tab_size=4, insert_spaces=True),
        )
    )
    assert not await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=doc_id(uri))
    )


async def test_bad_ranges_and_positions_get_answers_not_a_dead_server(client) -> None:
    uri = "file:///nowhere/bad-ranges.prog"
    await open_text(client, uri, "target right glute-med\npivot frontl\nretest\n")
    far = at(10_000, 10_000)
    assert (
        await client.text_document_hover_async(
            types.HoverParams(text_document=doc_id(uri), position=far)
        )
        is None
    )
    answer = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc_id(uri), position=at(1, 500))
    )
    assert answer is not None
    backwards = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=doc_id(uri),
            range=types.Range(start=at(2, 400), end=at(1, 0)),
            context=types.CodeActionContext(diagnostics=[]),
        )
    )
    assert "Replace `frontl` with `frontal`" in [a.title for a in backwards]
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=doc_id(uri), position=at(1, 2))
    )
    assert "pivot" in hover.contents.value  # still alive, still answering


async def test_a_keystroke_rechecks_only_its_own_document(client) -> None:
    first, second = "file:///nowhere/first.prog", "file:///nowhere/second.prog"
    await open_text(client, first, CLEAN)
    await open_text(client, second, "pivot frontl\n")
    untouched = object()
    client.diagnostics[second] = untouched
    assert await change_text(client, first, CLEAN.replace("x10", "x12"), 2) == []
    # One more round trip: anything the server sent for the keystroke has arrived by now.
    await client.text_document_hover_async(
        types.HoverParams(text_document=doc_id(first), position=at(1, 2))
    )
    assert client.diagnostics[second] is untouched


async def test_an_included_file_changed_on_disk_is_seen_when_the_editor_says_so(
    client, tmp_path
) -> None:
    (tmp_path / "lib.prog").write_text("define warm:\n    pivot frontal\n", encoding="utf-8")
    main = tmp_path / "main.prog"
    text = 'target right glute-med\ninclude "lib.prog"\nuse warm\nretest\n'
    main.write_text(text, encoding="utf-8")
    assert await open_text(client, main.as_uri(), text) == []
    (tmp_path / "lib.prog").write_text("define warm:\n    pivot frontl\n", encoding="utf-8")
    waiting = asyncio.ensure_future(published(client, main.as_uri()))
    await asyncio.sleep(0)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[
                types.FileEvent(
                    uri=(tmp_path / "lib.prog").as_uri(), type=types.FileChangeType.Changed
                )
            ]
        )
    )
    [error] = await waiting
    assert error.code == "P002" and error.range.start.line == 1  # on the include line

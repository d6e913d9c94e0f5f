"""`prog lsp` over real stdio when the client misbehaves: bytes that are not JSON, requests
and notifications with nonsense for parameters, unknown methods, changes to documents never
opened, text that is not text. The server must answer or ignore, and keep working."""

from __future__ import annotations

import asyncio
import json

import pytest
from lsprotocol import types

from tests.lsp.test_server import CLEAN, WAIT, change_text, open_text

pytestmark = pytest.mark.asyncio


def send_raw(client, body: bytes) -> None:
    """Write one framed message on the server's stdin, whatever it holds."""
    client._server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)


def send_json(client, message: dict) -> None:
    send_raw(client, json.dumps({"jsonrpc": "2.0", **message}).encode())


async def still_answers(client) -> None:
    uri = "untitled:alive"
    diagnostics = await open_text(client, uri, "target right glute-med\npivot frontl\nretest\n")
    assert [d.code for d in diagnostics] == ["P002"]
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )


async def test_malformed_messages_from_the_client(raw_client) -> None:
    client = raw_client
    await client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities()))

    send_raw(client, b"{this is not json")
    send_json(client, {"method": "textDocument/didOpen", "params": {"textDocument": 5}})
    send_json(client, {"id": 90001, "method": "textDocument/hover", "params": {"nonsense": []}})
    send_json(client, {"id": 90002, "method": "textDocument/completion", "params": None})
    send_json(client, {"method": "textDocument/didChange", "params": {"textDocument": {}}})
    await still_answers(client)

    with pytest.raises(Exception, match=r"(?i)method not found|prog/nothing"):
        await asyncio.wait_for(client.protocol.send_request_async("prog/nothing", {}), WAIT)

    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri="file:///never", version=3),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text="pivot")],
        )
    )
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri="x:y"))
    )
    await still_answers(client)


async def test_text_that_is_not_a_program_gets_a_diagnostic(raw_client) -> None:
    client = raw_client
    await client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities()))
    uri = "untitled:Untitled-1"
    diagnostics = await open_text(client, uri, "pivot frontal\n" * 1000 + "\x00\ud800")
    assert [d.code for d in diagnostics] == ["P005"]
    assert "UTF-8" in diagnostics[0].message
    assert await change_text(client, uri, CLEAN, 2) == []
    huge = "pivot frontal\n" * 400_000
    [too_big] = await change_text(client, uri, huge, 3)
    assert too_big.code == "P005" and "5 MiB" in too_big.message
    deep = "".join("    " * i + "phase x:\n" for i in range(60))
    assert await change_text(client, uri, deep, 4)
    await still_answers(client)

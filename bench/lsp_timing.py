"""`prog lsp` timed as an editor meets it: a server command in; the time from a keystroke's
`didChange` to its `publishDiagnostics`, and from starting the server to its `initialize`
answer, out (seconds per round, for `run.py` to set beside their floors).

The client is pygls's own, talking to the server over real stdio in a subprocess, as an
editor does. Each round changes the text (a comment with the round's number), so nothing
is answered from a cache.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence

from lsprotocol import types
from pygls.lsp.client import LanguageClient


def document(body: str, lines: int = 1_000) -> str:
    """A program of about `lines` lines: phases whose statements are `body` (indented)."""
    out = ['program "A long program"', "target right glute-med"]
    n = 0
    while len(out) < lines - body.count("\n") - 1:
        n += 1
        out += [f"phase p{n}:", *body.rstrip("\n").split("\n")]
    return "\n".join(out) + "\n"


class _Client(LanguageClient):
    """pygls's client, with the diagnostics it is waiting for."""

    def __init__(self) -> None:
        super().__init__("prog-bench", "1")
        self.waiting: asyncio.Future[float] | None = None

        @self.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(_: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
            if self.waiting is not None and not self.waiting.done():
                self.waiting.set_result(time.perf_counter())


async def _start(server: Sequence[str]) -> tuple[_Client, float]:
    """A server started and initialised; the seconds from spawning it to its answer."""
    client = _Client()
    start = time.perf_counter()
    await client.start_io(*server)
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
    seconds = time.perf_counter() - start
    client.initialized(types.InitializedParams())
    return client, seconds


async def _stop(client: _Client) -> None:
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()


async def _keystrokes(
    server: Sequence[str], text: str, runs: int, alongside: Callable[[str], float]
) -> list[tuple[float, float]]:
    client, _ = await _start(server)
    uri = "untitled:bench.prog"
    loop = asyncio.get_running_loop()

    async def published(send: Callable[[], None]) -> float:
        client.waiting = loop.create_future()
        start = time.perf_counter()
        send()
        return await asyncio.wait_for(client.waiting, 120) - start

    item = types.TextDocumentItem(uri=uri, language_id="prog", version=0, text=text)
    await published(lambda: client.text_document_did_open(types.DidOpenTextDocumentParams(item)))
    times = []
    for version in range(1, runs + 1):
        changed = text + f"# keystroke {version}\n"
        change = types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=changed)],
        )
        seconds = await published(lambda c=change: client.text_document_did_change(c))
        times.append((seconds, alongside(changed)))
    await _stop(client)
    return times


async def _startups(
    server: Sequence[str], runs: int, alongside: Callable[[], float]
) -> list[tuple[float, float]]:
    times = []
    for _ in range(runs):
        client, seconds = await _start(server)
        await _stop(client)
        times.append((seconds, alongside()))
    return times


def keystrokes(
    server: Sequence[str], text: str, runs: int, alongside: Callable[[str], float]
) -> list[tuple[float, float]]:
    """Per round: seconds from a `didChange` of `text` to its `publishDiagnostics`, and
    `alongside(the changed text)` (the same work in process, timed in the same round)."""
    return asyncio.run(_keystrokes(server, text, runs, alongside))


def startups(
    server: Sequence[str], runs: int, alongside: Callable[[], float]
) -> list[tuple[float, float]]:
    """Per round: seconds from spawning the server to its `initialize` answer, and
    `alongside()` (the floor, timed in the same round)."""
    return asyncio.run(_startups(server, runs, alongside))

"""A real LSP client (pytest-lsp) driving `prog lsp` in a subprocess over stdio."""

from __future__ import annotations

import sys

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

SERVER = [sys.executable, "-m", "dsl", "lsp"]


async def _initialized(lsp_client: LanguageClient):
    lsp_client.initialize_result = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=pytest_lsp.client_capabilities("visual-studio-code"),
            client_info=types.ClientInfo(name="tests", version="1"),
        )
    )
    yield
    await lsp_client.shutdown_session()


client = pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER), scope="module")(
    _initialized
)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def raw_client(lsp_client: LanguageClient):
    """A server of its own, not yet initialised, for tests that misbehave."""
    yield
    await lsp_client.shutdown_session()

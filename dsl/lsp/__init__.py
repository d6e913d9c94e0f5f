"""The language server (`prog lsp`): LSP 3.17 over stdio on pygls, a thin map from LSP
methods to `dsl.services`. Needs the `lsp` extra (`pip install 'prog[lsp]'`).

- `server`: one small function per LSP method, the open documents, the guards;
- `convert`: positions in the client's units and lsprotocol values.
"""

"""`prog studio`'s process: a path and a port in; a uvicorn server on 127.0.0.1 out.

The socket is bound here, before uvicorn starts, so the address printed (and opened in the
browser) names the real port even when port 0 asked the system for a free one, and so the
Host check knows it.
"""

from __future__ import annotations

import socket
import sys
import webbrowser

import uvicorn

from dsl.studio.app import create
from dsl.studio.files import Folder
from dsl.studio.security import new_token

LOOPBACK = "127.0.0.1"


def serve(path: str, port: int, open_browser: bool) -> int:
    """Serve the folder (or the file's folder) at `path` until stopped; the exit code."""
    folder = Folder(path)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((LOOPBACK, port))
        sock.listen(128)  # a browser that comes before uvicorn is ready waits in the queue
    except OSError as error:
        print(f"prog: cannot listen on {LOOPBACK}:{port}: {error.strerror}", file=sys.stderr)
        return 2
    port = sock.getsockname()[1]
    token = new_token()
    address = f"http://{LOOPBACK}:{port}/?token={token}"
    app = create(folder, token, port)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on")
    server = uvicorn.Server(config)
    print(f"prog studio is serving {folder.root}", flush=True)
    print(f"Open this address (it holds the key to your programs): {address}", flush=True)
    print("Stop with Ctrl-C; every answer recorded so far is kept.", flush=True)
    if open_browser:
        webbrowser.open(address)
    server.run(sockets=[sock])
    return 0

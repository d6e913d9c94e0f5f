"""Who may ask: an HTTP request's token, Host and Origin in; let through or refused out.

The studio serves one clinician's programs on a shared machine, so, as Jupyter does:

* it listens on 127.0.0.1 only (see `server`);
* every request carries a random token: in the address printed at start (`?token=…`), then
  in a cookie the first answer sets (HttpOnly, SameSite=Strict), or in the `X-Prog-Token`
  header the page's script sends; another user of the machine does not know it;
* the Host header must be this server's own address, so a web page whose name was made to
  point at 127.0.0.1 (DNS rebinding) is refused;
* the page may not be framed by another site (a click on `Stop` or `Better` inside a frame
  the clinician cannot see), and runs only the studio's own script;
* a request that changes anything (every method but GET and HEAD) must carry the token in
  the header (a custom header, which a cross-site form cannot send) and, when the browser
  names its Origin, come from this server's own origin.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

HEADER = "x-prog-token"
PAGE_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
        "form-action 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
}
SAFE_METHODS = {"GET", "HEAD"}
NO_TOKEN = "open the studio at the address `prog studio` printed (with its token)"


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Guard:
    """ASGI middleware that refuses every request the rules above do not allow."""

    def __init__(self, app: ASGIApp, token: str, port: int) -> None:
        self.app = app
        self.token = token
        self.hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
        self.origins = {f"http://{host}" for host in self.hosts}
        self.cookie = f"prog-studio-{port}"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":  # the studio speaks no websocket: nothing else gets in
            await send({"type": "websocket.close", "code": 1008})
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        refusal, from_query = self._check(scope, headers)
        if refusal is not None:
            status, message = refusal
            await _refuse(send, status, message)
            return
        if not from_query:
            await self.app(scope, receive, send)
            return

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                cookie = (f"{self.cookie}={self.token}; Path=/; HttpOnly; SameSite=Strict").encode(
                    "latin-1"
                )
                message["headers"] = [*message.get("headers", []), (b"set-cookie", cookie)]
            await send(message)

        await self.app(scope, receive, send_with_cookie)

    def _check(self, scope: Scope, headers: dict[str, str]) -> tuple[tuple[int, str] | None, bool]:
        """(status and reason, or None to let through; whether the token came in the query)."""
        if headers.get("host", "") not in self.hosts:
            return (400, "this studio answers only at its own address (127.0.0.1)"), False
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        in_query = self._matches((query.get("token") or [""])[0])
        in_header = self._matches(headers.get(HEADER, ""))
        cookies = SimpleCookie()
        try:
            cookies.load(headers.get("cookie", ""))
        except Exception:  # a malformed cookie header is simply no cookie
            cookies = SimpleCookie()
        morsel = cookies.get(self.cookie)
        in_cookie = self._matches(morsel.value if morsel else "")
        if not (in_query or in_header or in_cookie):
            return (403, NO_TOKEN), False
        if scope["method"] not in SAFE_METHODS:
            origin = headers.get("origin")
            if origin is not None and origin not in self.origins:
                return (403, "a change from another web site is refused"), False
            if not in_header:
                return (403, "a change must come from the studio's own page"), False
        return None, in_query

    def _matches(self, given: str) -> bool:
        return bool(given) and secrets.compare_digest(given.encode(), self.token.encode())


async def _refuse(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": message}).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})

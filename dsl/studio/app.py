"""HTTP in, the studio's answers out: the routes of `prog studio`, each a thin call.

Every route maps a request onto `files` (the folder), `engine` (services and outputs) or
`plinth` (stepping); `security.Guard` has already let the request through. Answers are JSON,
except the page and its bundle.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib.resources import files as package_files
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from dsl.studio import engine, plinth
from dsl.studio.files import Conflict, Folder, Refused
from dsl.studio.security import PAGE_HEADERS, Guard

STATIC = package_files("dsl.studio") / "static"


class BadRequest(Exception):
    """A request the page would never send: a body that is not what the route takes."""


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


async def _body(request: Request) -> dict[str, Any]:
    try:
        data = await request.json()
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise BadRequest("the request's body is not a JSON object")
    return data


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise BadRequest(f"`{key}` is missing")
    return value


def create(folder: Folder, token: str, port: int) -> Guard:
    """The studio's ASGI app for `folder`, guarded by `token` on `port`."""
    sessions = plinth.Plinths()

    def guarded(handler: Callable[[Request], Any]) -> Callable[[Request], Any]:
        async def endpoint(request: Request) -> Response:
            try:
                return await handler(request)
            except BadRequest as bad:
                return _error(400, str(bad))
            except Refused as refused:
                return _error(403, str(refused))
            except plinth.Busy as busy:
                return _error(423, str(busy))
            except plinth.Unusable as unusable:
                return _error(422, str(unusable))

        return endpoint

    async def page(request: Request) -> Response:
        html = (STATIC / "index.html").read_text(encoding="utf-8")
        return HTMLResponse(
            html.replace("{{token}}", token),
            headers=PAGE_HEADERS,
        )

    async def list_files(request: Request) -> Response:
        programs = await run_in_threadpool(folder.programs)
        return JSONResponse({"root": folder.root.name, "files": programs, "start": folder.start})

    async def read_file(request: Request) -> Response:
        opened = await run_in_threadpool(folder.read, request.query_params.get("path", ""))
        return JSONResponse(opened.__dict__)

    async def save_file(request: Request) -> Response:
        data = await _body(request)
        base = data.get("sha256")
        try:
            saved = await run_in_threadpool(
                lambda: folder.save(
                    _text(data, "path"),
                    _text(data, "text"),
                    base if isinstance(base, str) else None,
                    force=data.get("force") is True,
                )
            )
        except Conflict as conflict:
            theirs = conflict.current.__dict__ if conflict.current else None
            return JSONResponse(
                {"error": "the file changed on disk since it was opened", "theirs": theirs},
                status_code=409,
            )
        return JSONResponse({"path": saved.path, "sha256": saved.sha256})

    async def analyse(request: Request) -> Response:
        data = await _body(request)
        path = folder.resolve(_text(data, "path"))
        answer = await run_in_threadpool(engine.analyse, path, _text(data, "text"))
        return JSONResponse(answer)

    async def at_position(request: Request, answer: Callable[..., dict[str, Any]]) -> Response:
        data = await _body(request)
        path = folder.resolve(_text(data, "path"))
        where = data.get("position")
        if not isinstance(where, dict) or not all(
            isinstance(where.get(k), int) for k in ("line", "character")
        ):
            raise BadRequest("`position` needs a line and a character")
        found = await run_in_threadpool(
            answer, path, _text(data, "text"), where["line"], where["character"]
        )
        return JSONResponse(found)

    async def complete(request: Request) -> Response:
        return await at_position(request, engine.complete)

    async def hover(request: Request) -> Response:
        return await at_position(request, engine.hover)

    async def format_text(request: Request) -> Response:
        data = await _body(request)
        path = folder.resolve(_text(data, "path"))
        return JSONResponse(await run_in_threadpool(engine.format_edits, path, _text(data, "text")))

    async def language(request: Request) -> Response:
        return JSONResponse(engine.language())

    async def session_list(request: Request) -> Response:
        program = request.query_params.get("path", "")
        path = folder.resolve(program)
        found = await run_in_threadpool(lambda: list(plinth.sessions_of(path)))
        listed = []
        for log_path, about in found:
            log = folder.relative(log_path)
            if log is not None:
                listed.append({"log": log, **about, "open": sessions.get(log) is not None})
        return JSONResponse({"sessions": listed})

    async def session_start(request: Request) -> Response:
        data = await _body(request)
        program, client = _text(data, "path"), _text(data, "client")
        path = folder.resolve(program)
        log = data.get("log")
        if isinstance(log, str):
            log_path = folder.resolve(log, suffix=".jsonl")
            opened = await run_in_threadpool(sessions.resume, program, path, log_path, log, client)
        else:
            opened = await run_in_threadpool(sessions.start, program, path, client, folder.relative)
        return JSONResponse(opened.state())

    def _open(log: str) -> plinth.Plinth:
        opened = sessions.get(log)
        if opened is None:
            raise plinth.Unusable("this session is not open: reopen it from the list")
        return opened

    async def session_press(request: Request) -> Response:
        data = await _body(request)
        button = _text(data, "button")
        if button not in plinth.KEYS:
            raise BadRequest(f"`{button}` is not a button")
        opened = _open(_text(data, "log"))
        state = await run_in_threadpool(opened.press, _text(data, "client"), button)
        return JSONResponse(state)

    async def session_state(request: Request) -> Response:
        data = await _body(request)
        opened = _open(_text(data, "log"))
        opened.claim(_text(data, "client"))
        return JSONResponse(opened.state())

    async def session_leave(request: Request) -> Response:
        data = await _body(request)
        opened = sessions.get(_text(data, "log"))
        if opened is not None:
            opened.release(_text(data, "client"))
        return JSONResponse({})

    async def report(request: Request) -> Response:
        log = request.query_params.get("log", "")
        data = await run_in_threadpool(plinth.report, folder.resolve(log, suffix=".jsonl"))
        return JSONResponse(data)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        await run_in_threadpool(sessions.close_all)

    routes = [
        Route("/", page),
        Route("/api/files", guarded(list_files)),
        Route("/api/file", guarded(read_file)),
        Route("/api/file", guarded(save_file), methods=["PUT"]),
        Route("/api/analyse", guarded(analyse), methods=["POST"]),
        Route("/api/complete", guarded(complete), methods=["POST"]),
        Route("/api/hover", guarded(hover), methods=["POST"]),
        Route("/api/format", guarded(format_text), methods=["POST"]),
        Route("/api/language", guarded(language)),
        Route("/api/sessions", guarded(session_list)),
        Route("/api/session/start", guarded(session_start), methods=["POST"]),
        Route("/api/session/press", guarded(session_press), methods=["POST"]),
        Route("/api/session/state", guarded(session_state), methods=["POST"]),
        Route("/api/session/leave", guarded(session_leave), methods=["POST"]),
        Route("/api/report", guarded(report)),
        Mount("/static", StaticFiles(directory=str(STATIC)), name="static"),
    ]
    return Guard(Starlette(routes=routes, lifespan=lifespan), token, port)

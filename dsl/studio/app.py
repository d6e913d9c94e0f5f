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


def _refusal(status: int) -> Callable[[Request, Exception], Response]:
    def answer(request: Request, error: Exception) -> Response:
        return _error(status, str(error))

    return answer


# What a route's refusal means to the page, by its kind: each route raises, and Starlette
# answers with the status and the refusal's own sentence.
_REFUSALS: dict[Any, Callable[[Request, Exception], Response]] = {
    BadRequest: _refusal(400),
    Refused: _refusal(403),
    plinth.Busy: _refusal(423),
    plinth.Unusable: _refusal(422),
}


def create(folder: Folder, token: str, port: int) -> Guard:
    """The studio's ASGI app for `folder`, guarded by `token` on `port`."""
    sessions = plinth.Plinths()

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
        data = await run_in_threadpool(plinth.report, folder, log)
        return JSONResponse(data)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        await run_in_threadpool(sessions.close_all)

    routes = [
        Route("/", page),
        Route("/api/files", list_files),
        Route("/api/file", read_file),
        Route("/api/file", save_file, methods=["PUT"]),
        Route("/api/analyse", analyse, methods=["POST"]),
        Route("/api/complete", complete, methods=["POST"]),
        Route("/api/hover", hover, methods=["POST"]),
        Route("/api/format", format_text, methods=["POST"]),
        Route("/api/language", language),
        Route("/api/sessions", session_list),
        Route("/api/session/start", session_start, methods=["POST"]),
        Route("/api/session/press", session_press, methods=["POST"]),
        Route("/api/session/state", session_state, methods=["POST"]),
        Route("/api/session/leave", session_leave, methods=["POST"]),
        Route("/api/report", report),
        Mount("/static", StaticFiles(directory=str(STATIC)), name="static"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers=_REFUSALS)
    return Guard(app, token, port)

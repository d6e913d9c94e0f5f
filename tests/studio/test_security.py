"""Who may ask the studio: without the token, from a foreign Host or Origin, or for a path
outside its folder, a request is refused; the studio's own page is let through."""

from __future__ import annotations

import os

import pytest


def test_the_printed_address_opens_the_page_and_sets_a_strict_cookie(studio) -> None:
    import httpx

    with httpx.Client(base_url=studio.base) as client:
        answer = client.get(f"/?token={studio.token}")
        assert answer.status_code == 200
        assert "prog studio" in answer.text
        policy = answer.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in policy and "script-src 'self'" in policy
        cookie = answer.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
        # The cookie alone now opens the page and its data: no token in the address.
        assert client.get("/api/files").status_code == 200


@pytest.mark.parametrize(
    "path", ["/", "/api/files", "/static/studio.js", "/api/file?path=golfer.prog"]
)
def test_a_request_without_the_token_is_refused(studio, path: str) -> None:
    import httpx

    answer = httpx.get(studio.base + path)
    assert answer.status_code == 403
    assert "token" in answer.json()["error"]
    wrong = httpx.get(studio.base + path, headers={"X-Prog-Token": studio.token[:-2] + "xx"})
    assert wrong.status_code == 403


def test_a_foreign_host_is_refused_even_with_the_token(studio) -> None:
    with studio.client() as client:
        answer = client.get("/api/files", headers={"Host": f"evil.example:{studio.port}"})
        assert answer.status_code == 400
        own = client.get("/api/files", headers={"Host": f"localhost:{studio.port}"})
        assert own.status_code == 200


def test_a_write_from_a_foreign_origin_is_refused(studio) -> None:
    before = (studio.folder / "golfer.prog").read_text(encoding="utf-8")
    with studio.client() as client:
        sha = client.get("/api/file", params={"path": "golfer.prog"}).json()["sha256"]
        body = {"path": "golfer.prog", "text": "pivot frontal\n", "sha256": sha}
        answer = client.put("/api/file", json=body, headers={"Origin": "https://evil.example"})
        assert answer.status_code == 403
        assert "another web site" in answer.json()["error"]
    assert (studio.folder / "golfer.prog").read_text(encoding="utf-8") == before


def test_a_write_with_the_cookie_alone_is_refused(studio) -> None:
    """A form on another site could carry the cookie (were it not Strict), never the header."""
    import httpx

    with httpx.Client(base_url=studio.base) as client:
        client.get(f"/?token={studio.token}")
        answer = client.put("/api/file", json={"path": "golfer.prog", "text": ""})
        assert answer.status_code == 403


@pytest.mark.parametrize(
    "path",
    ["../outside.prog", "lib/../../outside.prog", "/etc/passwd", "C:/x.prog", "escape.prog"],
)
def test_paths_outside_the_folder_are_refused(studio, path: str) -> None:
    outside = studio.folder.parent / "outside.prog"
    outside.write_text("pivot frontal\n", encoding="utf-8")
    os.symlink(outside, studio.folder / "escape.prog")
    with studio.client() as client:
        read = client.get("/api/file", params={"path": path})
        assert read.status_code == 403, read.text
        wrote = client.put("/api/file", json={"path": path, "text": "x\n", "force": True})
        assert wrote.status_code == 403
        listed = client.get("/api/files").json()["files"]
    assert "escape.prog" not in listed
    assert outside.read_text(encoding="utf-8") == "pivot frontal\n"


def test_a_path_has_one_name_so_an_open_session_is_found_by_it(studio) -> None:
    """`lib/./warmup.prog` is refused, not read as `lib/warmup.prog` under another name: open
    sessions are known by their log's name."""
    with studio.client() as client:
        assert client.get("/api/file", params={"path": "lib/warmup.prog"}).status_code == 200
        read = client.get("/api/file", params={"path": "lib/./warmup.prog"})
    assert read.status_code == 403
    assert "without `.` parts" in read.json()["error"]


def test_the_server_listens_on_loopback_only(studio) -> None:
    import socket

    addresses = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None)}
    for address in addresses - {"127.0.0.1", "127.0.1.1", "::1"}:
        with pytest.raises(OSError), socket.create_connection((address, studio.port), timeout=2):
            pass

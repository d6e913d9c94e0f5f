"""Stepping refusals the page shows as they are: a program with errors is not stepped, a
sessions folder that cannot be made is said so, and nothing is written either way."""

from __future__ import annotations


def start(studio, path: str):
    with studio.client() as client:
        return client.post("/api/session/start", json={"path": path, "client": "tab-1"})


def test_a_program_with_errors_is_not_stepped(studio) -> None:
    (studio.folder / "broken.prog").write_text("pivot frontl x10\nretest\n", encoding="utf-8")
    answer = start(studio, "broken.prog")
    assert answer.status_code == 422
    assert "errors to fix before stepping" in answer.json()["error"]
    assert "frontl" in answer.json()["error"]
    assert not (studio.folder / "sessions").exists()


def test_a_sessions_folder_that_cannot_be_made_is_said_so(studio) -> None:
    (studio.folder / "sessions").write_text("not a folder\n", encoding="utf-8")
    answer = start(studio, "golfer.prog")
    assert answer.status_code == 422
    assert answer.json()["error"].startswith("cannot keep the session beside the program")


def test_a_button_the_page_does_not_have_is_a_bad_request(studio) -> None:
    started = start(studio, "golfer.prog")
    assert started.status_code == 200
    with studio.client() as client:
        body = {"log": started.json()["log"], "client": "tab-1", "button": "skip"}
        answer = client.post("/api/session/press", json=body)
        other = client.post(
            "/api/session/press", json={**body, "button": "next", "client": "tab-2"}
        )
    assert answer.status_code == 400
    assert other.status_code == 423 and "open in another tab" in other.json()["error"]


def test_a_session_of_a_program_changed_since_is_not_resumed(studio) -> None:
    """In `prog step --resume`'s words, with what the page can do instead."""
    started = start(studio, "golfer.prog")
    assert started.status_code == 200
    log = started.json()["log"]
    with studio.client() as client:
        client.post("/api/session/press", json={"log": log, "client": "tab-1", "button": "stop"})
    with (studio.folder / "golfer.prog").open("a", encoding="utf-8") as program:
        program.write("# changed\n")
    with studio.client() as client:
        body = {"path": "golfer.prog", "log": log, "client": "tab-1"}
        answer = client.post("/api/session/start", json=body)
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error.startswith(f"golfer.prog has changed since {log} was written")
    assert str(studio.folder) not in error
    assert error.endswith("may not fit the program any more; start a new session")


def test_a_report_names_its_log_as_the_page_does(studio) -> None:
    """Where the studio's folder is on the disk stays on the clinician's machine."""
    started = start(studio, "golfer.prog")
    log = started.json()["log"]
    with studio.client() as client:
        client.post("/api/session/press", json={"log": log, "client": "tab-1", "button": "stop"})
        answer = client.get("/api/report", params={"log": log})
    assert answer.status_code == 200, answer.text
    assert answer.json()["log"] == log
    assert str(studio.folder) not in answer.text

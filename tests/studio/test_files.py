"""Saving from the studio: atomic, and never over a file that changed on disk since it was
opened (409 with what is there now); "keep mine" overwrites on purpose."""

from __future__ import annotations


def test_files_lists_the_programs_in_the_folder(studio) -> None:
    with studio.client() as client:
        listed = client.get("/api/files").json()
    assert "golfer.prog" in listed["files"]
    assert "lib/warmup.prog" in listed["files"]
    assert listed["files"] == sorted(listed["files"])


def test_a_save_replaces_the_file_and_leaves_no_temporary_file(studio) -> None:
    with studio.client() as client:
        opened = client.get("/api/file", params={"path": "golfer.prog"}).json()
        text = opened["text"].replace("pivot frontal x10", "pivot frontal x12")
        saved = client.put(
            "/api/file", json={"path": "golfer.prog", "text": text, "sha256": opened["sha256"]}
        )
        assert saved.status_code == 200
        again = client.get("/api/file", params={"path": "golfer.prog"}).json()
    assert (studio.folder / "golfer.prog").read_text(encoding="utf-8") == text
    assert again["sha256"] == saved.json()["sha256"] != opened["sha256"], (opened, again)
    hidden = sorted(p.name for p in studio.folder.iterdir() if p.name.startswith("."))
    assert hidden == []


def test_a_new_file_is_never_saved_over_one_there_that_cannot_be_read(studio) -> None:
    path = studio.folder / "latin.prog"
    path.write_bytes("note \"caf\u00e9\"\n".encode("latin-1"))
    with studio.client() as client:
        body = {"path": "latin.prog", "text": "pivot frontal\n", "sha256": None}
        refused = client.put("/api/file", json=body)
    assert refused.status_code == 403, refused.text
    assert "not UTF-8" in refused.json()["error"]
    assert path.read_bytes() == "note \"caf\u00e9\"\n".encode("latin-1")


def test_a_file_changed_on_disk_is_not_overwritten(studio) -> None:
    path = studio.folder / "golfer.prog"
    with studio.client() as client:
        opened = client.get("/api/file", params={"path": "golfer.prog"}).json()
        theirs = opened["text"] + "# changed by someone else\n"
        path.write_text(theirs, encoding="utf-8")
        mine = opened["text"] + "# mine\n"
        body = {"path": "golfer.prog", "text": mine, "sha256": opened["sha256"]}
        refused = client.put("/api/file", json=body)
        assert refused.status_code == 409
        assert refused.json()["theirs"]["text"] == theirs
        assert path.read_text(encoding="utf-8") == theirs
        kept = client.put("/api/file", json={**body, "force": True})
        assert kept.status_code == 200
    assert path.read_text(encoding="utf-8") == mine


def test_a_new_file_is_created_but_never_over_an_existing_one(studio) -> None:
    with studio.client() as client:
        made = client.put("/api/file", json={"path": "new.prog", "text": "pivot frontal\n"})
        assert made.status_code == 200
        again = client.put("/api/file", json={"path": "new.prog", "text": "retest\n"})
        assert again.status_code == 409
    assert (studio.folder / "new.prog").read_text(encoding="utf-8") == "pivot frontal\n"


def test_a_fifo_named_like_a_program_is_refused_at_once(studio) -> None:
    import os

    os.mkfifo(studio.folder / "pipe.prog")
    with studio.client() as client:
        refused = client.get("/api/file", params={"path": "pipe.prog"})
    assert refused.status_code == 403
    assert "a FIFO (named pipe), not a file prog can read" in refused.text


def test_a_program_that_is_not_utf8_is_refused_with_why(studio) -> None:
    (studio.folder / "latin1.prog").write_bytes('note "caf\xe9"\n'.encode("latin-1"))
    with studio.client() as client:
        refused = client.get("/api/file", params={"path": "latin1.prog"})
    assert refused.status_code == 403
    assert "`latin1.prog` is not UTF-8 text" in refused.text


def test_a_save_is_on_the_disk_before_it_replaces_the_file(tmp_path, disk_writes) -> None:
    """The studio saves as `prog fmt` writes: text synced, renamed, folder synced; the
    file keeps its permissions and the hash the page gets is that of the bytes written."""
    import hashlib

    from dsl.studio.files import Folder

    path = tmp_path / "a.prog"
    path.write_text("pivot frontal\n", encoding="utf-8")
    path.chmod(0o640)
    folder = Folder(str(tmp_path))
    opened = folder.read("a.prog")
    saved = folder.save("a.prog", "pivot frontal x12\r\n", opened.sha256)
    assert disk_writes == ["sync file", "rename", "sync folder"]
    assert path.read_bytes() == b"pivot frontal x12\r\n"
    assert saved.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert path.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.prog"]


def test_a_program_that_cannot_be_read_is_refused_by_the_pages_name_alone(tmp_path) -> None:
    """Why, after the name the page knows the file by: never the folder's own path, even
    when that path holds a `: `."""
    import os

    import pytest

    from dsl.studio.files import Folder, Refused

    root = tmp_path / "clinic: spring"
    root.mkdir()
    os.mkfifo(root / "pipe.prog")
    with pytest.raises(Refused) as refused:
        Folder(str(root)).read("pipe.prog")
    assert str(refused.value) == "`pipe.prog`: a FIFO (named pipe), not a file prog can read"


def test_a_new_file_in_a_new_folder_is_saved_and_a_failed_write_says_why(studio) -> None:
    (studio.folder / "taken").write_text("not a folder\n", encoding="utf-8")
    with studio.client() as client:
        made = client.put("/api/file", json={"path": "knees/new.prog", "text": "retest\n"})
        assert made.status_code == 200, made.text
        refused = client.put("/api/file", json={"path": "taken/new.prog", "text": "retest\n"})
    assert (studio.folder / "knees" / "new.prog").read_text(encoding="utf-8") == "retest\n"
    assert refused.status_code == 403, refused.text
    assert refused.json()["error"].startswith("cannot save `taken/new.prog`: ")
    assert (studio.folder / "taken").read_text(encoding="utf-8") == "not a folder\n"


def test_the_list_leaves_out_what_is_not_a_file(studio) -> None:
    import os

    os.mkfifo(studio.folder / "pipe.prog")
    (studio.folder / "folder.prog").mkdir()
    with studio.client() as client:
        listed = client.get("/api/files").json()["files"]
    assert "golfer.prog" in listed
    assert "pipe.prog" not in listed and "folder.prog" not in listed


def test_a_text_no_file_can_hold_is_refused_with_why(studio) -> None:
    body = b'{"path": "half.prog", "text": "pivot \\ud800 x\\n"}'  # a lone surrogate
    with studio.client() as client:
        refused = client.put(
            "/api/file", content=body, headers={"content-type": "application/json"}
        )
    assert refused.status_code == 403, refused.text
    assert "at line 1, column 7, the text holds" in refused.json()["error"]
    assert not (studio.folder / "half.prog").exists()

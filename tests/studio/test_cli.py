"""`prog studio` as a command: without its extra it says what to install and exits 2; a
path that is not there is one line and exit 2; the address it prints is a parseable one."""

from __future__ import annotations

import subprocess
import sys

from tests.studio.conftest import ADDRESS, start_studio

WITHOUT_STARLETTE = (
    "import sys; sys.modules['starlette'] = None; sys.argv[0] = 'prog';"
    "from dsl.cli import main; main()"
)


def test_without_the_extra_it_says_what_to_install(tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_STARLETTE, "studio", str(tmp_path), "--no-browser"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "prog studio needs its extra: pip install 'prog[studio]'"
    ]


def test_a_missing_path_is_one_line_and_exit_2(tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dsl", "studio", str(tmp_path / "nope"), "--no-browser"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == f"prog: {tmp_path / 'nope'}: no such file or folder"


def test_the_address_names_loopback_a_real_port_and_a_token(studio) -> None:
    assert studio.port > 0
    assert len(studio.token) >= 40
    assert ADDRESS.fullmatch(studio.url)


def test_a_file_opens_its_folder_with_the_file_first(programs) -> None:
    running = start_studio(programs / "golfer.prog")
    try:
        with running.client() as client:
            listed = client.get("/api/files").json()
    finally:
        running.stop()
    assert listed["start"] == "golfer.prog" and "tennis-forehand.prog" in listed["files"]


def test_a_port_in_use_is_one_line_and_exit_2(studio) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "dsl",
            "studio",
            str(studio.folder),
            "--no-browser",
            "--port",
            str(studio.port),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"prog: cannot listen on 127.0.0.1:{studio.port}")

"""The commands themselves, as a shell or a hook runs them, on inputs no program should be:
each exits with 0, 1 or 2 and a plain message, never a traceback or an internal error,
and never hangs (a subprocess with a timeout: the one place a hang must not take the
test run down with it)."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from dsl.source import MAX_BYTES

TIMEOUT = 60  # seconds; each of these takes well under one


def prog(*args: str, stdin: bytes = b"", cwd: Path | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "dsl", *args],
        input=stdin,
        capture_output=True,
        timeout=TIMEOUT,
        cwd=cwd,
    )
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "internal error" not in err, err
    assert result.returncode in (0, 1, 2), (result.returncode, err)
    return result


def garbage(seed: int, size: int) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(256) for _ in range(size))


@pytest.mark.parametrize("command", ["lint", "run"])
def test_random_bytes_on_standard_input(command: str) -> None:
    result = prog(command, "-", stdin=garbage(1, 4000))
    assert result.returncode == 1
    assert b"P005" in result.stdout + result.stderr  # not UTF-8


def test_every_kind_of_trouble_in_one_folder(tmp_path: Path) -> None:
    files = {
        "huge.prog": b"retest\n" * (MAX_BYTES // 7 + 1),
        "binary.prog": garbage(2, 2000),
        "deep.prog": "".join(f"{'    ' * i}phase p{i}:\n" for i in range(40)).encode(),
        "odd.prog": 'pivot\u2028frontal\x00\ufeff\u202e retest\r\n\tnote "é\n'.encode(),
        "chain.prog": (
            "define d0:\n    pivot frontal\n"
            + "".join(f"define d{i}:\n    use d{i - 1}\n" for i in range(1, 2000))
            + "use d1999\nretest\n"
        ).encode(),
        "long.prog": ("pivot frontal; retest; " * 3000 + "\n").encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    for output in ("text", "sarif"):  # every format's code runs in-process in `pipeline`
        result = prog("lint", "--isolated", "--format", output, ".", cwd=tmp_path)
        assert result.returncode == 1
    prog("fmt", "--check", ".", cwd=tmp_path)
    for name in ("odd.prog", "chain.prog", "long.prog"):
        prog("run", name, cwd=tmp_path)

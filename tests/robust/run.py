"""The one way these tests run prog: a real process, as a shell or CI runs it, with a
timeout (a hang must fail the test, not stall the run), its own cache folder, and the
checks every answer must pass: exit code 0, 1 or 2, no traceback, no internal error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TIMEOUT = 30  # seconds; every case answers in well under one, a hang never does


def prog(
    *args: str,
    cwd: Path,
    stdin: bytes = b"",
    cache: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """`prog ARGS…` in `cwd`; stdout and stderr as text."""
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    if cache is not None:
        environment["XDG_CACHE_HOME"] = str(cache)
    result = subprocess.run(
        [sys.executable, "-m", "dsl", *args],
        input=stdin,
        capture_output=True,
        timeout=TIMEOUT,
        cwd=cwd,
        env=environment,
    )
    out = subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )
    assert "Traceback" not in out.stderr and "internal error" not in out.stderr, out.stderr
    assert out.returncode in (0, 1, 2), (out.returncode, out.stderr)
    return out

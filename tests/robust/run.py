"""The one way these tests run prog: a real process, as a shell or CI runs it (through
`tests.plugins.dists.prog`, with its timeout), with colour off, its own cache folder if
asked, and the checks every answer must pass: exit code 0, 1 or 2, no traceback, no
internal error. A hang fails the test by its timeout instead of stalling the run."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.plugins import dists


def prog(
    *args: str,
    cwd: Path,
    stdin: str | None = None,
    cache: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """`prog ARGS…` in `cwd`; a `PYTHONPATH` in `env` is the folder plugins are in."""
    environment = {"NO_COLOR": "1", **(env or {})}
    if cache is not None:
        environment["XDG_CACHE_HOME"] = str(cache)
    site = environment.pop("PYTHONPATH", None)
    out = dists.prog([Path(site)] if site else [], *args, stdin=stdin, cwd=cwd, env=environment)
    assert "Traceback" not in out.stderr and "internal error" not in out.stderr, out.stderr
    assert out.returncode in (0, 1, 2), (out.returncode, out.stderr)
    return out

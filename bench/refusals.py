"""Refusal in proportion to the limit, not to the input: inputs prog must refuse in; the
time of `prog check` on each, side by side with a small clean file's, and the size of
what it prints, out.

    python bench/refusals.py            # 5 interleaved rounds
    python bench/refusals.py --runs 9

The goal (docs/reliability.md) is a refusal in at most three times a small file's time,
whatever the input's shape: a 5 MB line of `retest;`, 200,000 lines, a 5 MB unknown word,
a file over 5 MiB, a device, a FIFO include. Each contender runs as its own `prog check`
process, as a shell or a hook runs it; the rounds are interleaved (`measure.rounds`) so
a burst of load from elsewhere falls on every contender alike.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from measure import Figure, command, rounds  # the bench's own module, next to this one

MIB = 1024 * 1024


def inputs(folder: Path) -> dict[str, str]:
    """Name shown -> the path `prog check` is given, every file written into `folder`."""
    files = {
        "small clean file": b"target right glute-med\npivot frontal x10\nretest\n",
        "5 MB line of `retest;`": b"retest;" * (5 * MIB // 7 - 16),
        "200,000 lines of `retest`": b"retest\n" * 200_000,
        "5 MB unknown word": b"pivot " + b"a" * (5 * MIB - 64) + b"\n",
        "over 5 MiB": b"retest\n" * (5 * MIB // 7 + 1),
    }
    out = {}
    for number, (name, data) in enumerate(files.items()):
        path = folder / f"case{number}.prog"
        path.write_bytes(data)
        out[name] = str(path)
    os.mkfifo(folder / "pipe.prog")
    (folder / "includes-fifo.prog").write_text('include "pipe.prog"\nretest\n', encoding="utf-8")
    out["a FIFO include"] = str(folder / "includes-fifo.prog")
    out["/dev/zero"] = "/dev/zero"
    return out


def printed(path: str, env: dict[str, str]) -> int:
    """How many bytes `prog check` prints on the input, stdout and stderr together."""
    done = subprocess.run(
        [sys.executable, "-m", "dsl", "check", path], capture_output=True, env=env, check=False
    )
    return len(done.stdout) + len(done.stderr)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--runs", type=int, default=5)
    runs = options.parse_args().runs
    with tempfile.TemporaryDirectory(prefix="prog-refusals-") as work:
        folder = Path(work)
        env = {**os.environ, "XDG_CACHE_HOME": str(folder / "cache"), "NO_COLOR": "1"}
        cases = inputs(folder)
        for path in cases.values():  # once untimed: bytecode and parser tables in place
            command([sys.executable, "-m", "dsl", "check", path], env=env)()
        contenders = [
            (Figure(name), command([sys.executable, "-m", "dsl", "check", path], env=env))
            for name, path in cases.items()
        ]
        rounds(contenders, runs)
        floor = contenders[0][0]
        print(f"prog check, median of {runs} interleaved rounds (goal: at most 3x the first)")
        print(f"{'input':<28} {'seconds':>8} {'x small':>8} {'printed':>10}")
        for (figure, _), path in zip(contenders, cases.values(), strict=True):
            size = printed(path, env)
            print(
                f"{figure.name:<28} {figure.median:>8.3f} {figure.ratio(floor):>7.2f}x {size:>9,}B"
            )


if __name__ == "__main__":
    main()

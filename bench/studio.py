"""The studio's answer against the command line's, side by side: a 1,000-step program in;
the median time of each and their ratio out.

    python bench/studio.py [--steps 1000] [--runs 7]

The studio's answer is what the page asks for as the clinician types (`POST /api/analyse`:
the diagnostics of `prog lint`, every step in the patient's words and the SVG drive chart),
from a real `prog studio` server over HTTP. The command line's is `prog run FILE --json`
on the same file, a process each time, as a clinician or a script runs it. The goal is a
studio answer within 1.5 times the command line's.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import httpx
from measure import Figure, clock, command, rounds  # the bench's own module, next to this one

ADDRESS = re.compile(r"http://127\.0\.0\.1:(\d+)/\?token=([\w-]+)")
PLANES = ("frontal", "sagittal", "transverse")


def program(steps: int) -> str:
    """A program of `steps` steps: pivots in turn, every tenth step a retest."""
    lines = ['program "Bench"', "target right glute-med", "", "phase fire:"]
    for n in range(1, steps + 1):
        lines.append("    retest" if n % 10 == 0 else f"    pivot {PLANES[n % 3]} x10")
    return "\n".join(lines) + "\n"


def start(folder: Path) -> tuple[subprocess.Popen[str], str, str]:
    server = subprocess.Popen(
        [sys.executable, "-m", "dsl", "studio", str(folder), "--no-browser", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert server.stdout is not None
    for line in server.stdout:
        match = ADDRESS.search(line)
        if match:
            threading.Thread(target=server.stdout.read, daemon=True).start()
            return server, f"http://127.0.0.1:{match.group(1)}", match.group(2)
    raise SystemExit("prog studio printed no address")


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--steps", type=int, default=1000)
    options.add_argument("--runs", type=int, default=7)
    args = options.parse_args()
    with tempfile.TemporaryDirectory(prefix="prog-bench-studio-") as work:
        folder = Path(work)
        text = program(args.steps)
        (folder / "bench.prog").write_text(text, encoding="utf-8")
        server, base, token = start(folder)
        try:
            client = httpx.Client(base_url=base, headers={"X-Prog-Token": token}, timeout=120)
            body = {"path": "bench.prog", "text": text}

            def ask() -> None:
                answer = client.post("/api/analyse", json=body)
                answer.raise_for_status()
                assert len(answer.json()["steps"]) == args.steps

            ask()  # the server's first answer loads the plugins; a clinician waits once
            cli = Figure("prog run FILE --json (a process)")
            studio = Figure("studio POST /api/analyse (steps, words, chart, diagnostics)")
            run = command([sys.executable, "-m", "dsl", "run", "bench.prog", "--json"], cwd=folder)
            clock(run)
            rounds([(cli, run), (studio, ask)], args.runs)
        finally:
            server.terminate()
            server.wait(10)
    print(f"{args.steps}-step program, median of {args.runs} interleaved rounds")
    for figure in (cli, studio):
        print(f"  {figure.name:<62} {figure.median * 1000:8.1f} ms")
    print(f"  studio / command line: {studio.ratio(cli):.2f}× (goal ≤ 1.5×)")


if __name__ == "__main__":
    main()

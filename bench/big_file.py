"""One stage of the work on the big file, in a process of its own: a stage and a path in;
its time and the process's peak memory out, as one line of JSON.

A process per stage keeps each peak-memory figure honest (nothing left over from another
stage) and keeps the caches of one run from helping the next. The file is over the 5 MiB
input limit, so it is handed to the stages as a `Source` directly: everything after the
size check runs exactly as `prog lint` runs it.

    python bench/big_file.py parse catalogue.prog
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from floors import Tokenizer  # the bench's own module, next to this one

from dsl import parser
from dsl.api import load_source
from dsl.lint.engine import lint_loaded
from dsl.source import Source

STAGES = ("floor", "parse", "parse-gc-on", "check", "lint")


def run(stage: str, path: Path) -> float:
    tokenizer = Tokenizer() if stage == "floor" else None
    start = time.perf_counter()
    text = path.read_bytes().decode("utf-8")
    source = Source(str(path), text, path)
    if tokenizer is not None:
        tokenizer.tokens(text)
    elif stage == "parse":
        parser.parse(source)
    elif stage == "parse-gc-on":
        parser._parse(source, frozenset())  # the same parse, the collector left on
    elif stage == "check":
        load_source(source, root=path.parent)
    else:
        lint_loaded(load_source(source, root=path.parent))
    return time.perf_counter() - start


def main() -> None:
    stage, path = sys.argv[1], Path(sys.argv[2])
    if stage not in STAGES:
        raise SystemExit(f"stage must be one of {', '.join(STAGES)}")
    seconds = run(stage, path)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_mib": peak_kib / 1024}))


if __name__ == "__main__":
    main()

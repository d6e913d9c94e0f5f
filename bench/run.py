"""prog's speed, side by side with its floors, in one run: a corpus in; a report out.

    python bench/run.py                 # the full corpus: 10,000 files and a 1,000,000-line file
    python bench/run.py --quick         # a small corpus, to try the script itself
    python bench/run.py --fuzz 2000     # and then the fuzzing suite, 2000 examples per fuzzer

It generates the corpus (`corpus.py`) in a fresh private folder (or `--work DIR`, kept for
the next run), then measures, each figure the median of `--runs` interleaved rounds
(`measure.py`) and printed with its ratio to its floor (`floors.py`):

1. the small files: plain reads, the regex tokenizer (the floor), prog's parse, check and lint
   in this process (one core), and `prog lint` on the folder with one and with two jobs;
2. prog's parser against its own tables run by Lark's LALR loop, and against Lark's
   Earley parser, on the same programs written one block a line (Earley cannot run the
   indentation postlexer);
3. the big file, a stage per process (`big_file.py`): its lines per second against the
   small files' and its peak memory;
4. start-up: `prog --version` and `prog lint` on one small file against `python -c pass`
   and `python -c "import click"`, each run once untimed first (its bytecode and prog's
   parser tables written, as an installed prog has them);
5. programs of 10,000, 50,000 and 100,000 steps: time per step, run and linted;
6. the language server (`prog lsp`, needs the `lsp` extra; `lsp_timing.py`): a keystroke's
   `didChange` of a 1,000-line document to its `publishDiagnostics`, against parsing and
   checking the same text in this process (and of a like document with a finding every few
   lines, for the cost of publishing them); and its start-up to the `initialize` answer,
   against `python -c "import click"`;
7. the lint cache: a second `prog lint` of the unchanged library against the floor;
8. `prog run` on 100,000 steps (text and `--json`, to a pipe) against the interpreter in
   this process, and the peak memory of `run --json` and of `lint --jobs 1` as they grow;
9. section 1's figures on a second corpus, as many random programs with many findings
   (`findings.py`: most lines give a warning, some files an error), and how many it gives.

Every ratio is the median of the rounds' own ratios. Section 1 prints the one-core ratio
beside the all-cores one, and says when the second core was busy (`--jobs 2` less than
1.3× as fast as `--jobs 1`), so that a loaded machine is not mistaken for a regression.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

import corpus
import findings
import floors
from measure import Figure, clock, command, rounds

from dsl import parser
from dsl.api import load_path, load_text, run
from dsl.lint.config import Settings
from dsl.lint.engine import lint_loaded, lint_path, lint_text
from dsl.source import MAX_BYTES, read_path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PYTHON = sys.executable
PROG = (
    [str(Path(PYTHON).with_name("prog"))]
    if Path(PYTHON).with_name("prog").exists()
    else [
        PYTHON,
        "-m",
        "dsl",
    ]
)


SECTIONS = ("small", "earley", "big", "startup", "steps", "lsp", "cache", "run", "findings")


def main(argv: Sequence[str] | None = None) -> int:
    options = _arguments().parse_args(argv)
    work = Path(options.work) if options.work else Path(tempfile.mkdtemp(prefix="prog-bench-"))
    _as_installed(work)
    try:
        small, big = _corpus(work, options)
        print(
            f"corpus: {len(small):,} files, {_lines(small):,} lines; "
            f"big file: {_lines([big]):,} lines, {big.stat().st_size / 2**20:.1f} MiB; "
            f"{options.runs} rounds each (start-up: {options.startup_runs}); "
            f"{os.cpu_count()} cores\n"
        )
        sections = set(options.only.split(",")) if options.only else set(SECTIONS)
        per_core = {}
        if sections & {"small", "big"}:
            per_core = _small_files(small, work / "small", options.runs)
        if "earley" in sections:
            _earley(small[: options.earley_files], options.runs)
        if "big" in sections:
            _big_file(big, per_core, options.big_runs)
        if "startup" in sections:
            _startup(small[1], options.startup_runs)
        if "steps" in sections:
            _steps(options.runs)
        if "lsp" in sections:
            _language_server(options.runs * 4, options.startup_runs)
        if "cache" in sections:
            _cache(small, work, options.runs)
        if "run" in sections:
            _run(work, options)
        if "findings" in sections:
            _findings(work / "findings", _sizes(options)[0], options.runs)
        if options.fuzz:
            return _fuzz(options.fuzz)
        return 0
    finally:
        if not options.work:
            shutil.rmtree(work, ignore_errors=True)


def _arguments() -> argparse.ArgumentParser:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    arguments.add_argument("--files", type=int, default=10_000, help="small files")
    arguments.add_argument("--big-lines", type=int, default=1_000_000, help="lines of the big file")
    arguments.add_argument("--runs", type=int, default=5, help="rounds per figure")
    arguments.add_argument("--big-runs", type=int, default=3, help="rounds for the big file")
    arguments.add_argument("--startup-runs", type=int, default=21, help="rounds for start-up")
    arguments.add_argument("--earley-files", type=int, default=200, help="files for Earley")
    arguments.add_argument("--work", help="keep the corpus in this folder (reused if there)")
    arguments.add_argument("--quick", action="store_true", help="1,000 files, 100,000 lines")
    arguments.add_argument(
        "--only", metavar="SECTIONS", help=f"some of {','.join(SECTIONS)} (big needs small)"
    )
    arguments.add_argument(
        "--fuzz",
        type=int,
        default=0,
        metavar="N",
        help="then run tests/fuzz with N examples per fuzzer",
    )
    return arguments


# --- the corpus --------------------------------------------------------------------------


def _corpus(work: Path, options: argparse.Namespace) -> tuple[list[Path], Path]:
    files, big_lines = _sizes(options)
    big = work / f"catalogue-{big_lines}.prog"
    small = _generated(work / "small", files, corpus.write_corpus)
    if not big.exists():
        big.write_text(corpus.catalogue(big_lines), encoding="utf-8")
    return small, big


def _sizes(options: argparse.Namespace) -> tuple[int, int]:
    """The number of small files (of each corpus) and the big file's lines."""
    return (1_000, 100_000) if options.quick else (options.files, options.big_lines)


def _generated(folder: Path, files: int, write: Callable[[Path, int], list[Path]]) -> list[Path]:
    """The `.prog` files in `folder`, written by `write` unless an earlier run (`--work`)
    left `files` of them there written by the same generator (its module's text, hashed,
    is kept beside them: a corpus from an older generator is written again)."""
    generator = hashlib.sha256(Path(inspect.getfile(write)).read_bytes()).hexdigest()
    stamp = folder / "generator.sha256"
    paths = sorted(folder.rglob("*.prog")) if folder.exists() else []
    if len(paths) != files or not stamp.exists() or stamp.read_text() != generator:
        shutil.rmtree(folder, ignore_errors=True)
        paths = sorted(write(folder, files))
        stamp.write_text(generator)
    return paths


def _lines(paths: Sequence[Path]) -> int:
    return sum(text.count("\n") for text in floors.read(paths))


# --- printing ----------------------------------------------------------------------------


Row = tuple[Figure, Figure | None, str]  # a figure, its floor (itself for the floor), a note


def _table(title: str, rows: list[Row]) -> None:
    """Each figure: median time, lines per second, times its floor, and its target."""
    print(title)
    print(f"  {'':46} {'median':>9} {'lines/s':>10} {'× floor':>8}  target")
    for figure, floor, note in rows:
        rate = f"{figure.lines_per_second:,.0f}" if figure.lines else ""
        ratio = f"{figure.ratio(floor):.2f}×" if floor is not None else ""
        print(f"  {figure.name:46} {_seconds(figure.median):>9} {rate:>10} {ratio:>8}  {note}")
    print()


def _seconds(value: float) -> str:
    if value < 0.001:
        return f"{value * 1e6:.2f} µs"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def _verdict(what: str, value: float, limit: float, *, at_most: bool = True) -> str:
    """`what` (at most or at least `limit`): met or not, and the value reached."""
    met = value <= limit if at_most else value >= limit
    sign = "≤" if at_most else "≥"
    return f"{what} {sign} {limit:g}: {'met' if met else 'NOT met'} ({value:.2f})"


# --- 1. the small files ------------------------------------------------------------------


def _small_files(paths: list[Path], folder: Path, runs: int) -> dict[str, Figure]:
    """The small files; returns the one-core figures the big file is compared with."""
    return _cold_lint(f"1. {len(paths):,} small files (cold: no lint cache)", paths, folder, runs)


def _cold_lint(title: str, paths: list[Path], folder: Path, runs: int) -> dict[str, Figure]:
    """`paths` (all of `folder`) read, tokenized, parsed, checked and linted in this process,
    and `prog lint` on `folder` with one and two jobs, each against the floor; returns the
    one-core figures of the parse and the lint."""
    lines = _lines(paths)
    tokenizer = floors.Tokenizer()
    settings = Settings()
    reads = Figure("plain file reads", lines)
    floor = Figure("regex tokenizer (the floor)", lines)
    parse = Figure("prog parse (1 core, in process)", lines)
    check = Figure("prog parse + check (1 core, in process)", lines)
    lint = Figure("prog lint (1 core, in process)", lines)
    lint_one = Figure("prog lint --jobs 1 (the command)", lines)
    lint_two = Figure("prog lint --jobs 2 (the command)", lines)
    command_line = [*PROG, "lint", "--isolated", "--no-cache", str(folder)]
    rounds(
        [
            (reads, lambda: floors.read(paths)),
            (floor, lambda: tokenizer.files(paths)),
            (parse, lambda: _each(paths, lambda path: parser.parse(_source(path)))),
            (check, lambda: _each(paths, lambda path: load_path(str(path)))),
            (lint, lambda: _each(paths, lambda path: lint_path(str(path), settings))),
            (lint_one, command([*command_line, "--jobs", "1"])),
            (lint_two, command([*command_line, "--jobs", "2"])),
        ],
        runs,
    )
    _table(
        title,
        [
            (reads, floor, ""),
            (floor, floor, ""),
            (parse, floor, ""),
            (check, floor, ""),
            (lint, floor, ""),
            (lint_one, floor, _verdict("× floor, one core", lint_one.ratio(floor), 10)),
            (lint_two, floor, _verdict("× floor, all cores", lint_two.ratio(floor), 6)),
        ],
    )
    _cores(lint_one, lint_two, floor)
    return {"parse": parse, "lint": lint}


def _cores(one: Figure, two: Figure, floor: Figure) -> None:
    """The one-core ratio beside the all-cores one, and whether the second core was free."""
    speed_up = one.ratio(two)
    print(
        f"  × floor: {one.ratio(floor):.2f} on one core (--jobs 1), "
        f"{two.ratio(floor):.2f} on all cores (--jobs 2); --jobs 2 is {speed_up:.2f}× as fast"
    )
    if speed_up < BUSY_SPEED_UP:
        print(
            f"  the second core was busy: --jobs 2 under {BUSY_SPEED_UP}× as fast as --jobs 1, "
            "so the all-cores ratio of this run overstates prog's; judge by the one-core one"
        )
    print()


BUSY_SPEED_UP = 1.3


def _each(paths: list[Path], work: Callable[[Path], object]) -> None:
    """`work` on each file, keeping nothing: as the linter does, so the garbage collector
    is not made to walk ten thousand finished programs."""
    for path in paths:
        work(path)


def _source(path: Path) -> object:
    source, _ = read_path(str(path))
    return source


# --- 2. Earley ---------------------------------------------------------------------------


def _earley(paths: list[Path], runs: int) -> None:
    texts = [floors.one_line_blocks(text) for text in floors.read(paths)]
    lines = sum(text.count("\n") for text in texts)
    tokenizer, earley = floors.Tokenizer(), floors.earley()
    sources = [parser.Source(f"one-line-{n}.prog", text, None) for n, text in enumerate(texts)]
    assert all(not parser.parse(source)[1] for source in sources), "a rewritten text is broken"
    _, builder, _ = parser._parser()
    lark = parser._lark()  # prog's own tables, run by Lark's loop

    def lark_loop() -> None:
        for source in sources:
            builder.reset(source.name)
            lark.parse(source.text)

    floor = Figure("regex tokenizer (the floor)", lines)
    prog = Figure("prog parser (line parser, AST built)", lines)
    lalr = Figure("the same tables in Lark's own LALR loop", lines)
    lark_earley = Figure("Lark Earley, same grammar (tree built)", lines)
    rounds(
        [
            (floor, lambda: [tokenizer.tokens(text) for text in texts]),
            (prog, lambda: [parser._parse(source, frozenset()) for source in sources]),
            (lalr, lark_loop),
            (lark_earley, lambda: floors.parse_all(earley, texts)),
        ],
        runs,
    )
    _table(
        f"2. parsers on {len(paths)} programs written one block a line ({lines:,} lines)",
        [
            (floor, floor, ""),
            (prog, floor, ""),
            (lalr, floor, f"{lalr.ratio(prog):.1f}× prog's time"),
            (lark_earley, floor, f"{lark_earley.ratio(prog):.1f}× prog's time"),
        ],
    )


# --- 3. the big file ---------------------------------------------------------------------


def _big_file(path: Path, per_core: dict[str, Figure], runs: int) -> None:
    lines = _lines([path])
    figures = {stage: Figure(name, lines) for stage, name in BIG_STAGES}
    peaks = {stage: 0.0 for stage in figures}
    for _ in range(runs):
        for stage, figure in figures.items():
            seconds, peak = _big_stage(stage, path)
            figure.times.append(seconds)
            peaks[stage] = max(peaks[stage], peak)
    over = path.stat().st_size > MAX_BYTES
    refused = Figure(
        "prog lint (the command): refused, > 5 MiB" if over else "prog lint (the command)",
        0 if over else lines,
    )
    rounds([(refused, command([*PROG, "lint", "--isolated", str(path)]))], runs)
    floor = figures["floor"]

    def against_small(stage: str) -> str:
        ratio = figures[stage].lines_per_second / per_core[stage].lines_per_second
        return _verdict(f"lines/s ÷ small files' {stage}", ratio, 0.8, at_most=False)

    memory = peaks["lint"] / 1024
    _table(
        f"3. the big file, {lines:,} lines of defines (a library: no steps to run), "
        f"a stage per process; peak memory of the lint {peaks['lint']:,.0f} MiB",
        [
            (floor, floor, ""),
            (figures["parse"], floor, against_small("parse")),
            (figures["parse-gc-on"], floor, ""),
            (figures["check"], floor, ""),
            (figures["lint"], floor, against_small("lint")),
            (refused, floor, _verdict("peak memory, GiB", memory, 1.0)),
        ],
    )


BIG_STAGES = (
    ("floor", "regex tokenizer (the floor)"),
    ("parse", "prog parse"),
    ("parse-gc-on", "prog parse, cyclic GC left on"),
    ("check", "prog parse + check"),
    ("lint", "prog lint (library: no 5 MiB limit)"),
)


def _big_stage(stage: str, path: Path) -> tuple[float, float]:
    result = subprocess.run(
        [PYTHON, str(BENCH / "big_file.py"), stage, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(result.stdout)
    return report["seconds"], report["peak_mib"]


# --- 4. start-up -------------------------------------------------------------------------


def _as_installed(work: Path) -> None:
    """Every process the bench starts keeps its bytecode, as an installed prog has it (pip
    compiles it at install time), even where PYTHONDONTWRITEBYTECODE is set; the bytecode
    goes to the bench's own folder, not into the checkout."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(work / "bytecode")


def _startup(one_file: Path, runs: int) -> None:
    nothing = Figure("python -c pass (the floor)")
    click = Figure('python -c "import click"')
    version = Figure("prog --version")
    lint = Figure("prog lint on one small file (and its include)")
    contenders = [
        (nothing, command([PYTHON, "-c", "pass"])),
        (click, command([PYTHON, "-c", "import click"])),
        (version, command([*PROG, "--version"])),
        (lint, command([*PROG, "lint", "--isolated", one_file.name], cwd=one_file.parent)),
    ]
    for _, work in contenders:
        work()  # once untimed: the bytecode and the parser tables are written
    rounds(contenders, runs)
    _table(
        "4. start-up",
        [
            (nothing, nothing, ""),
            (click, nothing, ""),
            (version, nothing, _verdict("× import click", version.ratio(click), 1.1)),
            (lint, nothing, _verdict("× import click", lint.ratio(click), 2.0)),
        ],
    )


# --- 5. steps ----------------------------------------------------------------------------


def _steps(runs: int) -> None:
    """The time per step of 10k, 50k and 100k steps, against 10k's: flat means linear."""
    rows: list[Row] = []
    bases: dict[str, Figure] = {}
    for total in (10_000, 50_000, 100_000):
        uses = total // STEPS_PER_USE
        text = "target right glute-med\ndefine block:\n" + STEP_BLOCK + "use block\n" * uses
        loaded = load_text(text, "steps.prog")
        checked = loaded.checked
        assert loaded.ok and checked is not None, loaded.diagnostics
        count = uses * STEPS_PER_USE
        running = Figure(f"run {count:,} steps, per step")
        linting = Figure(f"lint {count:,} steps (steps and rules), per step")
        rounds(
            [
                (running, lambda: sum(1 for _ in run(checked))),  # noqa: B023
                (linting, lambda: lint_loaded(loaded)),  # noqa: B023
            ],
            runs,
        )
        for kind, figure in (("run", running), ("lint", linting)):
            figure.times = [seconds / count for seconds in figure.times]
            base = bases.setdefault(kind, figure)
            note = "" if base is figure else _verdict("linear: × 10k's", figure.ratio(base), 1.5)
            rows.append((figure, base, note))
    rows.sort(key=lambda row: row[0].name.startswith("lint"))  # the runs, then the lints
    _table("5. steps (× floor: the time per step against 10,000 steps')", rows)


STEPS_PER_USE = 9
STEP_BLOCK = """\
    pivot frontal x10
    driver right-hand overhead-left
    retest
    foot right narrow
    retest
    taper all over 2
    retest
    note "done"
"""  # 9 steps: the taper takes two


# --- 6. the language server -----------------------------------------------------------


def _language_server(runs: int, startup_runs: int) -> None:
    try:
        import lsp_timing
    except ImportError:
        print("6. the language server: skipped (pip install 'prog[lsp]' to measure it)\n")
        return
    server = [*PROG, "lsp"]
    # The steps' block, pivoting in the sagittal plane so that each tweak changes the drive:
    # a clean document. Pivoting in the frontal plane, at the limit already, every tweak is
    # a P202: the same document with a finding every few lines, for the cost of publishing.
    clean = _keystrokes(lsp_timing, server, "pivot sagittal", runs)
    noisy = _keystrokes(lsp_timing, server, "pivot frontal", runs)
    click = Figure('python -c "import click"')
    started = Figure("prog lsp: start to its initialize answer")
    import_click = command([PYTHON, "-c", "import click"])
    for served, floor in lsp_timing.startups(server, startup_runs, lambda: clock(import_click)):
        started.times.append(served)
        click.times.append(floor)
    (keystroke, in_process, linted), (noisy_keystroke, noisy_floor, noisy_linted) = clean, noisy
    _table(
        f"6. the language server ({keystroke.lines:,}-line document; keystroke: lint, as the "
        "editor shows it)",
        [
            (in_process, in_process, ""),
            (linted, in_process, ""),
            (keystroke, in_process, _verdict("× in process", keystroke.ratio(in_process), 1.5)),
            (keystroke, linted, "× the same lint in process (which parses the whole text)"),
            (noisy_keystroke, noisy_floor, "× its parse + check in process"),
            (noisy_keystroke, noisy_linted, "× its lint in process (the whole text)"),
            (click, click, ""),
            (started, click, ""),
        ],
    )


def _keystrokes(
    lsp_timing: ModuleType, server: list[str], pivot: str, runs: int
) -> tuple[Figure, Figure, Figure]:
    """A keystroke's `didChange` → `publishDiagnostics` in `prog lsp`, and the parse and
    check, and the lint, of the same text in this process, on the steps' block with `pivot`."""
    text = lsp_timing.document(STEP_BLOCK.replace("pivot frontal", pivot))
    lines = text.count("\n")
    findings = len(lint_text(text, "bench.prog"))
    keystroke = Figure(
        "didChange → publishDiagnostics (prog lsp)"
        if not findings
        else f"the same, {findings:,} findings to publish",
        lines,
    )
    in_process = Figure("parse + check, in process (the floor)", lines)
    linted = Figure("parse + check + lint, in process", lines)

    def alongside(changed: str) -> float:
        linted.times.append(clock(lambda: lint_text(changed, "bench.prog")))
        return clock(lambda: load_text(changed, "bench.prog"))

    for served, local in lsp_timing.keystrokes(server, text, runs, alongside):
        keystroke.times.append(served)
        in_process.times.append(local)
    return keystroke, in_process, linted


# --- 7. the lint cache -------------------------------------------------------------------


def _cache(paths: list[Path], work: Path, runs: int) -> None:
    """A second `prog lint` of the unchanged library (every file from the cache) against
    the floor and against a cold lint, both with all cores."""
    lines = _lines(paths)
    tokenizer = floors.Tokenizer()
    folder = work / "small"
    floor = Figure("regex tokenizer (the floor)", lines)
    cold = Figure("prog lint, cold (--no-cache)", lines)
    warm = Figure("prog lint, warm (nothing changed)", lines)
    touched = Figure("prog lint, warm, every file touched", lines)
    env = {**os.environ, "PROG_CACHE_DIR": str(work / "lint-cache")}
    shutil.rmtree(work / "lint-cache", ignore_errors=True)
    lint = [*PROG, "lint", "--isolated", str(folder)]
    command(lint, env=env)()  # once untimed: the cache is written
    command(lint, env=env)()  # and once more: the stamps of files older than 2 s are kept

    def touch_all() -> None:
        # A new time, as after a checkout: each file is read and hashed, not parsed. A
        # minute back, so that the new stamps are trusted and the next warm run reads none.
        moment = time.time() - 60
        for path in paths:
            os.utime(path, (moment, moment))
        command(lint, env=env)()

    rounds(
        [
            (floor, lambda: tokenizer.files(paths)),
            (cold, command([*lint, "--no-cache"], env=env)),
            (warm, command(lint, env=env)),
            (touched, touch_all),
        ],
        runs,
    )
    _table(
        f"7. the lint cache, {len(paths):,} files, all cores",
        [
            (floor, floor, ""),
            (cold, floor, ""),
            (warm, floor, _verdict("× floor", warm.ratio(floor), 1)),
            (touched, floor, "(includes touching the files)"),
        ],
    )


# --- 8. prog run's output ------------------------------------------------------------------


def _run(work: Path, options: argparse.Namespace) -> None:
    """`prog run` writing 100,000 steps to a pipe against the same run in this process,
    and the peak memory of `run --json` and `lint --jobs 1` at a tenth and at all the size."""
    total = 10_000 if options.quick else 100_000
    uses = total // STEPS_PER_USE
    path = work / f"run-{total}.prog"
    text = "target right glute-med\ndefine block:\n" + STEP_BLOCK + "use block\n" * uses
    path.write_text(text, encoding="utf-8")
    loaded = load_text(text, str(path))
    checked = loaded.checked
    assert loaded.ok and checked is not None, loaded.diagnostics

    def in_process() -> None:
        from dsl.outputs.words import each_step_words

        for _ in each_step_words(checked, run(checked)):
            pass

    count = uses * STEPS_PER_USE
    inside = Figure(f"the run and its words in process, {count:,} steps")
    plain = Figure("prog run, to a pipe (text)")
    as_json = Figure("prog run --json, to a pipe")
    rounds(
        [
            (inside, in_process),
            (plain, command([*PROG, "run", str(path)])),
            (as_json, command([*PROG, "run", "--json", str(path)])),
        ],
        max(1, min(options.runs, 3)),
    )
    _table(
        "8. prog run's output (× floor: against the run in process)",
        [
            (inside, inside, ""),
            (plain, inside, _verdict("× in process", plain.ratio(inside), 2)),
            (as_json, inside, ""),
        ],
    )
    print("  peak memory (maximum resident set of the process)")
    tenth = work / f"run-{total // 10}.prog"
    tenth.write_text(
        "target right glute-med\ndefine block:\n" + STEP_BLOCK + "use block\n" * (uses // 10),
        encoding="utf-8",
    )
    small_json = _peak_mib([*PROG, "run", "--json", str(tenth)])
    large_json = _peak_mib([*PROG, "run", "--json", str(path)])
    print(f"  {'prog run --json, ' + f'{count // 10:,} steps':46} {small_json:8.1f} MiB")
    print(
        f"  {'prog run --json, ' + f'{count:,} steps':46} {large_json:8.1f} MiB  "
        + _verdict("MiB", large_json, 100)
    )
    # A FHIR bundle is one JSON document, so it is held whole; its text is written as it is
    # encoded (no goal: shown so that a change in what an export holds is seen).
    for steps, program in ((count // 10, tenth), (count, path)):
        export = _peak_mib([*PROG, "export", "--format", "fhir", "-o", os.devnull, str(program)])
        print(f"  {'prog export --format fhir, ' + f'{steps:,} steps':46} {export:8.1f} MiB")
    corpus_folder = work / "small"
    some = work / "small-tenth"
    if not some.exists():
        some.mkdir()
        clinics = sorted(corpus_folder.iterdir())
        for clinic in clinics[: max(1, len(clinics) // 10)]:
            shutil.copytree(clinic, some / clinic.name)
    lint = [*PROG, "lint", "--isolated", "--no-cache", "--jobs", "1"]
    few, many = _peak_mib([*lint, str(some)]), _peak_mib([*lint, str(corpus_folder)])
    print(f"  {'prog lint --jobs 1, a tenth of the library':46} {few:8.1f} MiB")
    print(
        f"  {'prog lint --jobs 1, the library':46} {many:8.1f} MiB  "
        + _verdict("flat: × a tenth's", many / few, 1.5)
    )
    print()


def _peak_mib(args: Sequence[str]) -> float:
    """The peak resident memory of one run of `args`, in MiB.

    Started from a small Python process, not from the bench: a process's peak is carried
    across `exec`, so a child forked from the bench would report the bench's own size.
    """
    launcher = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    done = subprocess.run(
        [PYTHON, "-c", launcher, *args], capture_output=True, text=True, check=True
    )
    return int(done.stdout) / 1024  # Linux gives KiB


# --- 9. a library with many findings ------------------------------------------------------


def _findings(folder: Path, files: int, runs: int) -> None:
    """Section 1's figures on the findings corpus (`findings.py`, written in `folder`): a
    cold lint where most lines give a finding and some files fail the checks, as on a first
    run over an untidy folder. Says how many findings it yields, so a change is seen."""
    paths = _generated(folder, files, findings.write_findings)
    settings = Settings()
    codes: Counter[str] = Counter()
    for path in paths:
        codes.update(d.code for d in lint_path(str(path), settings).diagnostics)
    total = sum(codes.values())
    _cold_lint(
        f"9. {len(paths):,} random programs with many findings: {total:,} findings "
        "(cold: no lint cache)",
        paths,
        folder,
        runs,
    )
    print("  findings by code: " + ", ".join(f"{code} {n:,}" for code, n in sorted(codes.items())))
    print()


# --- fuzzing -----------------------------------------------------------------------------


def _fuzz(examples: int) -> int:
    print(f"fuzzing: tests/fuzz with {examples} examples per fuzzer")
    env = {**os.environ, "PROG_FUZZ_EXAMPLES": str(examples)}
    result = subprocess.run(
        [PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(ROOT / "tests" / "fuzz")],
        cwd=ROOT,
        env=env,
        check=False,
    )
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())

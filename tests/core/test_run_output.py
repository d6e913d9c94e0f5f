"""`prog run` written as the run goes: `--json` step by step, the same text as the whole
document dumped at once, with memory that does not grow with the steps; the text on a pipe
written without rich, the same text rich writes."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from dsl.api import load_text, run
from dsl.commands import run_command
from dsl.outputs.words import program_words
from dsl.trace import document

BLOCK = """\
    pivot frontal x10
    driver right-hand overhead-left
    retest
    foot right narrow
    retest
    taper all over 2
    retest
    note "fait — done"
"""  # 9 steps


def steps_program(uses: int) -> str:
    return "target right glute-med\ndefine block:\n" + BLOCK + "use block\n" * uses


def whole_document(text: str, outcomes: list[str]) -> str:
    """The trace as one `json.dumps` of the whole document (how it was written before)."""
    checked = load_text(text, "p.prog").checked
    assert checked is not None
    steps = list(run(checked, outcomes))
    trace = document(checked, steps)
    for entry, said in zip(trace["steps"], program_words(checked, steps), strict=True):
        entry.update(said.trace_keys())
    return json.dumps(trace, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize(
    "text",
    [
        steps_program(3),
        "target left glute-med\nsport golf handed left\npivot frontal x10\nretest\n",
        "target right glute-med\n",  # no steps at all
    ],
)
def test_the_streamed_trace_is_the_document_dumped_at_once(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("p.prog").write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "dsl", "run", "p.prog", "--json", "--outcomes", "b,s,w,b"],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode("utf-8") == whole_document(text, ["better", "same", "worse",
                                                                "better"])


class _Counted:
    """A standard output that keeps nothing, only how much was written."""

    def __init__(self) -> None:
        self.written = 0

    def write(self, text: str) -> int:
        self.written += len(text)
        return len(text)

    def flush(self) -> None:
        pass


def _peak(tmp_path: Path, uses: int) -> tuple[int, int]:
    path = tmp_path / f"steps-{uses}.prog"
    path.write_text(steps_program(uses), encoding="utf-8")
    out = _Counted()
    tracemalloc.start()
    try:
        with contextlib.redirect_stdout(out):  # type: ignore[type-var]
            assert run_command(str(path), [], as_json=True) == 0
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, out.written


def test_run_json_memory_does_not_grow_with_the_steps(tmp_path: Path) -> None:
    small_peak, small_written = _peak(tmp_path, 200)  # 1,800 steps
    large_peak, large_written = _peak(tmp_path, 2_000)  # 18,000 steps
    assert large_written > 9 * small_written
    # the program's own text and tree grow tenfold (a few hundred KB); the steps are not kept
    assert large_peak < small_peak + 4 * 1024 * 1024, (small_peak, large_peak)


ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.prog"))


def test_run_on_a_pipe_imports_no_rich() -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "dsl", "run", "--chart",
         str(ROOT / "examples" / "golfer.prog")],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0
    assert "patient: " in done.stdout and "drive per plane" in done.stdout
    imported = [line.split("|")[-1].strip() for line in done.stderr.splitlines()]
    assert not [name for name in imported if name.split(".")[0] == "rich"]


def _run_text(example: Path, through_rich: bool, monkeypatch: pytest.MonkeyPatch) -> str:
    """What `prog run --chart` writes to a stream that is not a terminal, by the plain
    writer or (as before it) through rich's console for a pipe."""
    import io

    from dsl import commands, render

    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setattr(commands, "_plain", lambda stream: not through_rich)
    out = io.StringIO()
    render.console.cache_clear()
    try:
        with contextlib.redirect_stdout(out):
            assert run_command(str(example), ["better", "same", "worse"], False, True) == 0
            render.console().file.flush()
    finally:
        render.console.cache_clear()
    return out.getvalue()


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.name)
def test_the_plain_text_is_what_rich_writes_on_a_pipe(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = _run_text(example, False, monkeypatch)
    assert "patient: " in plain and "drive per plane" in plain
    assert plain == _run_text(example, True, monkeypatch)

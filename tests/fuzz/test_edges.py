"""The edges around the language path: special files where programs and includes are
read, session logs with random and mutated lines, and plugins whose rules misbehave in
every way drawn. Each answer is a diagnostic, a damaged line or a usage error, in time;
never a raise, a hang, or an answer lost. (Example counts: `pipeline.FUZZ`.)"""

from __future__ import annotations

import json
import os
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dsl import session_log, session_report
from dsl.api import load_path, load_text, run
from dsl.lint import budget
from dsl.lint.engine import lint_text
from dsl.nodes import Span
from dsl.plugin import Finding, Plugin, Rule, RuleContext
from dsl.registry import build
from dsl.session_log import LogError
from dsl.source import Unreadable
from dsl.trace import step_dict
from tests.fuzz.pipeline import FUZZ, within

QUICK = 5.0  # seconds for one example; each answers in milliseconds, a hang never does
PROGRAM = "target right glute-med\npivot frontal x10\nretest\nfoot left wide\nretest\n"

# --- special files --------------------------------------------------------------------

KINDS = ("regular", "fifo", "folder", "dev-zero", "dev-null", "missing", "link-to-fifo")


def make(folder: Path, name: str, kind: str) -> None:
    """Put a thing of `kind` at `folder / name`."""
    path = folder / name
    if kind == "regular":
        path.write_text("define warm:\n    pivot frontal\n", encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind in ("dev-zero", "dev-null"):
        path.symlink_to("/dev/zero" if kind == "dev-zero" else "/dev/null")
    elif kind == "link-to-fifo":
        os.mkfifo(folder / f"{name}.fifo")
        path.symlink_to(folder / f"{name}.fifo")


@FUZZ
@given(main=st.sampled_from(KINDS), included=st.lists(st.sampled_from(KINDS), max_size=4))
def test_special_files_as_program_or_include(
    tmp_path_factory: pytest.TempPathFactory, main: str, included: list[str]
) -> None:
    folder = tmp_path_factory.mktemp("special")
    for number, kind in enumerate(included):
        make(folder, f"lib{number}.prog", kind)
    lines = [f'include "lib{number}.prog"' for number in range(len(included))]
    (folder / "main.prog").write_text("\n".join([*lines, PROGRAM]), encoding="utf-8")
    with within(QUICK):
        loaded = load_path(str(folder / "main.prog"))
        refused = {d.span.line for d in loaded.diagnostics if d.code == "P005"}
        wanted = {number + 1 for number, kind in enumerate(included) if kind != "regular"}
        assert refused == wanted, loaded.diagnostics
        make(folder, "other.prog", main)
        try:
            other = load_path(str(folder / "other.prog"))
        except Unreadable as error:
            assert main != "regular" and "other.prog" in str(error)
        else:
            assert main == "regular" and other.ok


# --- session logs -----------------------------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 10**12) | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=8,
)


def real_log() -> list[dict[str, Any]]:
    """The records of a whole session of `PROGRAM`, as `prog step` writes them."""
    loaded = load_text(PROGRAM, "main.prog")
    assert loaded.checked is not None
    hashes = {"sha256": session_log.text_hash(PROGRAM), "includes": []}
    records = [session_log.header("main.prog", hashes, loaded.checked, {"golf": "1.0.0"})]
    for step in run(loaded.checked, ["better", "same"]):
        records.append({"event": "step", "at": "now", "step": step_dict(step, "main.prog")})
    records.append({"event": "end", "at": "now"})
    return records


RECORDS = real_log()
KEYS = sorted({key for record in RECORDS for key in record} | set(RECORDS[1]["step"]))


@st.composite
def mutated_logs(draw: st.DrawFn) -> bytes:
    """A real log with some of its records changed: a field set to any JSON value or
    removed, a step's field changed, a line cut short, duplicated, or replaced by noise."""
    records = json.loads(json.dumps(RECORDS))
    lines: list[bytes] = []
    for record in records:
        action = draw(
            st.sampled_from(["keep"] * 4 + ["set", "drop", "step", "cut", "twice", "noise"])
        )
        target = record.get("step", record) if action == "step" else record
        if action in ("set", "step"):
            target[draw(st.sampled_from(KEYS))] = draw(JSON)
        elif action == "drop" and record:
            record.pop(draw(st.sampled_from(sorted(record))))
        line = json.dumps(record).encode()
        if action == "cut":
            line = line[: draw(st.integers(0, len(line)))]
        elif action == "noise":
            line = draw(st.binary(max_size=40)).replace(b"\n", b" ")
        lines += [line, line] if action == "twice" else [line]
    return b"\n".join(lines) + b"\n"


def answered(log: session_log.Recorded) -> None:
    """What every reader of a log relies on holds: the report is JSON, a complete log has
    no damaged line, and every kept step has a number from 1."""
    data = session_report.build(log)
    json.dumps(data)
    assert not (data["complete"] and data["damaged_lines"])
    assert all(isinstance(s["n"], int) and s["n"] >= 1 for s in log.steps)


@FUZZ
@given(mutated_logs())
def test_mutated_session_logs(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("logs") / "s.jsonl"
    path.write_bytes(data)
    with within(QUICK):
        try:
            log = session_log.read(str(path))
        except LogError as error:
            assert str(path) in str(error)
            return
        answered(log)


@FUZZ
@given(st.lists(st.one_of(JSON.map(json.dumps), st.text(string.printable, max_size=30))))
def test_random_lines_after_a_real_header(
    tmp_path_factory: pytest.TempPathFactory, lines: list[str]
) -> None:
    path = tmp_path_factory.mktemp("logs") / "s.jsonl"
    header = json.dumps(RECORDS[0])
    path.write_text("\n".join([header, *(line.replace("\n", " ") for line in lines)]) + "\n")
    with within(QUICK):
        answered(session_log.read(str(path)))


# --- misbehaving rules ------------------------------------------------------------------

SPAN_PART = st.one_of(st.integers(-3, 10**6), st.none(), st.text(max_size=3), st.booleans())


@st.composite
def misbehaviours(draw: st.DrawFn) -> Any:
    """A rule's check that misbehaves in one of the ways a plugin's can."""
    kind = draw(st.sampled_from(["raise", "exit", "yield", "span", "long", "sleep"]))
    if kind == "raise":
        error = draw(st.sampled_from([ValueError, RecursionError, MemoryError, LookupError]))

        def check(ctx: RuleContext) -> Iterator[Finding]:
            raise error("drawn")

    elif kind == "exit":

        def check(ctx: RuleContext) -> Iterator[Finding]:
            raise SystemExit(draw(st.integers(0, 3)))

    elif kind == "yield":
        thing = draw(JSON)

        def check(ctx: RuleContext) -> Iterator[Finding]:
            yield thing

    elif kind == "span":
        file = draw(st.sampled_from(["main.prog", "elsewhere.prog", None, 3]))
        parts = [draw(SPAN_PART) for _ in range(4)]

        def check(ctx: RuleContext) -> Iterator[Finding]:
            yield Finding(Span(file, *parts), "drawn")  # type: ignore[arg-type]

    elif kind == "long":
        word = draw(st.sampled_from(["x", "é", "`"])) * draw(st.integers(100, 100_000))

        def check(ctx: RuleContext) -> Iterator[Finding]:
            yield Finding(ctx.program.statements[0].span, word, hint=word)

    else:

        def check(ctx: RuleContext) -> Iterator[Finding]:
            import time

            time.sleep(5)
            yield from ()

    return check


def _fine(ctx: RuleContext) -> Iterator[Finding]:
    yield Finding(ctx.program.statements[0].span, "the well-behaved rule")


@FUZZ
@given(st.lists(misbehaviours(), min_size=1, max_size=3))
def test_misbehaving_rules_leave_the_others(checks: list[Any]) -> None:
    rules = [Rule(code=f"Z{101 + i}", summary="drawn", check=c) for i, c in enumerate(checks)]
    rules.append(Rule(code="Z199", summary="fine", check=_fine))
    plugin = Plugin(name="drawn", version="1.0.0", code_prefix="Z", rules=rules)
    registry = build([("drawn", "t", lambda: plugin)])
    os.environ[budget.SECONDS_ENV] = "0.2"
    try:
        with within(QUICK + len(checks)):
            found = lint_text(PROGRAM, "main.prog", registry=registry)
    finally:
        del os.environ[budget.SECONDS_ENV]
    codes = [d.code for d in found]
    assert "Z199" in codes and "P104" in codes  # the others' findings are kept
    assert all(len(d.message) < 500 and len(d.hint or "") < 500 for d in found)
    for d in found:
        if d.code.startswith("Z") and d.code != "Z199":
            assert isinstance(d.span.line, int) and d.span.line >= 1

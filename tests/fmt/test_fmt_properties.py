"""The formatter's promises, over generated programs: the trace before and after is equal,
formatting twice changes nothing, every comment survives, and the layout is canonical.

Programs come from two generators: this folder's untidy layouts, and the project's shared
strategy (`tests/strategies.py`) when it is there.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from fmt_layouts import untidy_programs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dsl.api import load_text, run
from dsl.comments import comments
from dsl.formatter import format_program
from dsl.trace import document

SHARED = Path(__file__).resolve().parents[1] / "strategies.py"
OUTCOMES = st.lists(st.sampled_from(("better", "same", "worse")), max_size=12)
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _shared_programs() -> st.SearchStrategy[str] | None:
    if not SHARED.exists():
        return None
    spec = importlib.util.spec_from_file_location("shared_strategies", SHARED)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.programs()


def formatted(text: str) -> str:
    loaded = load_text(text, "plan.prog")
    assert loaded.ok, [d.message for d in loaded.diagnostics if d.severity == "error"]
    assert loaded.program is not None and loaded.source is not None
    return format_program(loaded.program, loaded.source.text)


def trace(text: str, outcomes: list[str]) -> list[dict[str, Any]]:
    """The trace's steps without `line`, the one thing a new layout may move."""
    loaded = load_text(text, "plan.prog")
    assert loaded.ok and loaded.checked is not None
    steps = document(loaded.checked, run(loaded.checked, outcomes))["steps"]
    return [{key: value for key, value in step.items() if key != "line"} for step in steps]


def check_promises(text: str, outcomes: list[str]) -> None:
    once = formatted(text)
    assert trace(once, outcomes) == trace(text, outcomes)
    assert formatted(once) == once
    assert sorted(c.text for c in comments(once).values()) == sorted(
        c.text for c in comments(text.replace("\r\n", "\n")).values()
    )
    for line in once.split("\n"):
        indentation = len(line) - len(line.lstrip(" "))
        assert indentation % 4 == 0 and "\t" not in line and line == line.rstrip(), line
    assert once.endswith("\n") and "\n\n\n" not in once and not once.startswith("\n")
    code = [line.split("#")[0] for line in once.split("\n") if '"' not in line]
    assert not any(re.search(r";|[A-Z]|  \S", line.strip()) for line in code), once


@PROPERTY
@given(untidy_programs(), OUTCOMES)
def test_untidy_layouts(text: str, outcomes: list[str]) -> None:
    check_promises(text, outcomes)


_shared = _shared_programs()


@pytest.mark.skipif(_shared is None, reason="tests/strategies.py (the shared strategy) is absent")
@PROPERTY
@given(_shared if _shared is not None else st.nothing(), OUTCOMES)
def test_shared_program_strategy(text: str, outcomes: list[str]) -> None:
    check_promises(text, outcomes)

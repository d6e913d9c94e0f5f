"""Small helpers for the core tests: run a program text, get its steps or diagnostics."""

from __future__ import annotations

from typing import Any

from dsl.api import load_text, run
from dsl.trace import document


def trace(text: str, outcomes: list[str] | None = None) -> dict[str, Any]:
    loaded = load_text(text, "t.prog")
    errors = [d for d in loaded.diagnostics if d.severity == "error"]
    assert loaded.checked is not None and not errors, errors
    return document(loaded.checked, run(loaded.checked, outcomes or []))


def steps(text: str, outcomes: list[str] | None = None) -> list[dict[str, Any]]:
    return trace(text, outcomes)["steps"]


def drives(text: str, outcomes: list[str] | None = None) -> list[tuple[float, float, float]]:
    return [tuple(s["drive"].values()) for s in steps(text, outcomes)]


def last_drive(text: str) -> tuple[float, float, float]:
    return drives(text)[-1]


def problems(text: str, name: str = "t.prog") -> list[tuple[str, int, int]]:
    """(code, line, col) of every diagnostic of checking `text`."""
    return [(d.code, d.span.line, d.span.col) for d in load_text(text, name).diagnostics]


def messages(text: str) -> list[str]:
    return [f"{d.code} {d.message}" for d in load_text(text, "t.prog").diagnostics]

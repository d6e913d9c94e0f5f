"""The core knows no sport: nothing under dsl/ names golf or tennis (they are plugins)."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def test_nothing_in_the_core_names_a_built_in_sport():
    named = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "dsl").rglob("*"))
        if path.suffix in (".py", ".lark", ".txt", ".json")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"golf|tennis", line, re.IGNORECASE)
    ]
    assert named == []

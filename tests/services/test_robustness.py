"""The services' guards are a last resort, not a way to hide faults: on the examples and on
texts cut and spliced as an editor's buffer is mid-keystroke, the functions under the
guards (`__wrapped__`) must not raise at any position."""

from __future__ import annotations

import random

import pytest

from dsl import services
from dsl.services import Document, Position
from tests.conftest import EXAMPLES

SPLICES = (" ", ";", ":", "\n", "\t", '"', "#", ".", ",", "x", "    ")


def _texts(text: str, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = [text]
    for _ in range(8):
        start = rng.randrange(len(text))
        end = min(len(text), start + rng.randrange(1, 12))
        out.append(text[:start] + text[end:])
        out.append(text[:start] + rng.choice(SPLICES) + text[start:])
    return out


@pytest.mark.parametrize("path", sorted(EXAMPLES.rglob("*.prog")), ids=lambda p: p.name)
def test_no_service_raises_under_its_guard_on_edited_examples(path) -> None:
    for text in _texts(path.read_text(encoding="utf-8"), len(path.name)):
        doc = Document(text, str(path))
        for whole in (services.diagnose, services.format_edits, services.symbols, services.folding):
            whole.__wrapped__(doc)  # type: ignore[attr-defined]
        services.code_actions.__wrapped__(doc, doc.whole())  # type: ignore[attr-defined]
        for line, content in enumerate(doc.lines):
            for character in range(0, len(content) + 1, 4):
                at = Position(line, character)
                for service in (services.complete, services.hover, services.definition):
                    service.__wrapped__(doc, at)  # type: ignore[attr-defined]

"""The file a definition points into, read as prog reads a program: its columns counted as
the editor shows them (no byte order mark), and a file that is no longer a program's text
answered at once, never waited on or read whole."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lsprotocol import types
from pygls.workspace import PositionCodec

from dsl.lsp.convert import Units
from dsl.lsp.server import _file
from dsl.services import Position, Range
from dsl.source import MAX_BYTES

DEFINE = "define warm-up:\n  pivot frontal x10\n"


def test_a_byte_order_mark_does_not_shift_the_columns_a_client_is_told(tmp_path: Path) -> None:
    lib = tmp_path / "lib.prog"
    lib.write_text("\ufeff" + DEFINE, encoding="utf-8")
    units = Units(PositionCodec(types.PositionEncodingKind.Utf8), _file(str(lib)).lines)
    name = units.to_client_range(Range(Position(0, 7), Position(0, 14)))
    assert (name.start.character, name.end.character) == (7, 14)  # `warm-up`, as shown


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _too_large(path: Path) -> None:
    with path.open("wb") as handle:
        handle.write(DEFINE.encode())
        handle.truncate(MAX_BYTES + 1)


def _not_utf8(path: Path) -> None:
    path.write_bytes(DEFINE.encode() + b"\xff\xfe")


@pytest.mark.parametrize("make", [_fifo, _too_large, _not_utf8], ids=lambda f: f.__name__[1:])
def test_a_file_that_is_no_longer_a_programs_text_is_taken_as_empty(tmp_path: Path, make) -> None:
    changed = tmp_path / "lib.prog"
    make(changed)
    found = _file(str(changed))
    assert found.text == ""
    assert found.path == str(changed)

"""prog reads the `prog.plugins` entry points from the distributions' metadata itself (it is
faster than importing importlib.metadata); it must find what importlib.metadata finds."""

from __future__ import annotations

import sys
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

from dsl import entry_points

GROUP = "prog.plugins"


def distribution(folder: Path, info: str, name: str, entries: str, module: str = "") -> None:
    meta = folder / info
    meta.mkdir(parents=True)
    header = "METADATA" if info.endswith(".dist-info") else "PKG-INFO"
    (meta / header).write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n\n")
    (meta / "entry_points.txt").write_text(entries)
    if module:
        (folder / f"{module}.py").write_text("class Holder:\n    plugin = 'loaded'\n")


@pytest.fixture
def path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    first, second = tmp_path / "first", tmp_path / "second"
    distribution(
        first,
        "prog_rowing-2.0.dist-info",
        "prog-rowing",
        "[console_scripts]\nrow = x:y\n\n"
        "[prog.plugins]\n# a comment\nrowing = fake_rowing:Holder.plugin\n",
        module="fake_rowing",
    )
    distribution(first, "prog_squash.egg-info", "prog.squash", "[prog.plugins]\nsquash=nowhere\n")
    distribution(second, "Prog_Rowing-1.0.dist-info", "Prog_Rowing", "[prog.plugins]\nold = x\n")
    distribution(second, "other-1.0.dist-info", "other", "[console_scripts]\nother = x:y\n")
    monkeypatch.setattr(sys, "path", [str(first), str(tmp_path / "missing"), str(second)])
    return [first, second]


def test_finds_what_importlib_metadata_finds(path: list[Path]) -> None:
    ours = sorted((name, dist) for name, dist, _ in entry_points.find(GROUP))
    theirs = sorted((e.name, e.dist.name) for e in metadata.entry_points(group=GROUP))
    assert ours == theirs == [("rowing", "prog-rowing"), ("squash", "prog.squash")]


def test_loading_imports_the_module_and_follows_the_attributes(path: list[Path]) -> None:
    loaders = {name: load for name, _, load in entry_points.find(GROUP)}
    assert loaders["rowing"]() == "loaded"
    with pytest.raises(ModuleNotFoundError):
        loaders["squash"]()


def test_a_distribution_in_a_zip_archive_is_found_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("prog_zipped-1.0.dist-info/METADATA", "Name: prog-zipped\nVersion: 1\n")
        zipped.writestr("prog_zipped-1.0.dist-info/entry_points.txt", "[prog.plugins]\nz = m:p\n")
    monkeypatch.setattr(sys, "path", [str(archive)])
    assert [(name, dist) for name, dist, _ in entry_points.find(GROUP)] == [
        ("z", "prog-zipped")
    ]

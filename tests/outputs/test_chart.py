"""The drive chart: an SVG a page can embed as it is (scale, zero line, three planes told
apart without colour, phases, advantage, one group per step) and a terminal block chart
that fits 80 columns."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from dsl.api import load_path, load_text, run
from dsl.outputs.chart import drive_blocks, drive_svg
from tests.conftest import EXAMPLES

SVG = "{http://www.w3.org/2000/svg}"


def golfer_steps():
    loaded = load_path(str(EXAMPLES / "golfer.prog"))
    assert loaded.checked is not None
    return list(run(loaded.checked, ["better", "same", "better", "better", "better"]))


def test_the_svg_is_self_contained_and_labelled():
    steps = golfer_steps()
    text = drive_svg(steps, "Golfer — right glute med")
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img" and "−3 to +3" in (root.get("aria-label") or "")
    assert root.find(f"{SVG}title").text == "Golfer — right glute med"
    for banned in ("<script", "<image", "href", "url(", "@import", "@font-face"):
        assert banned not in text
    assert re.findall(r"https?://[^\"]+", text) == ["http://www.w3.org/2000/svg"]


def test_the_svg_shows_scale_zero_line_planes_phases_and_advantage():
    steps = golfer_steps()
    root = ET.fromstring(drive_svg(steps))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    for label in ("−3", "−2", "−1", "0", "+1", "+2", "+3"):
        assert label in texts
    assert len([line for line in root.iter(f"{SVG}line") if line.get("class") == "zero"]) == 1
    lines = {p.get("class"): p for p in root.iter(f"{SVG}polyline")}
    assert set(lines) == {"series sagittal", "series frontal", "series transverse"}
    colours = {p.get("stroke") for p in lines.values()}
    dashes = {p.get("stroke-dasharray") for p in lines.values()}
    assert len(colours) == 3 and len(dashes) == 3  # colour AND dash tell them apart
    for phase in ("fire", "specific", "carryover"):
        assert phase in texts
    groups = [g for g in root.iter(f"{SVG}g") if g.get("data-step")]
    assert [int(g.get("data-step")) for g in groups] == [s.n for s in steps]
    for group, step in zip(groups, steps, strict=True):
        shapes = {child.tag.removeprefix(SVG) for child in group} - {"title", "text"}
        assert {"circle", "rect", "polygon"} <= shapes  # three marker shapes per step
        advantage = [t.text for t in group.iter(f"{SVG}text") if t.text in "0123"]
        assert advantage[-1] == str(step.advantage)
        assert f"advantage {step.advantage}/3" in group.find(f"{SVG}title").text


def test_the_markers_sit_at_the_drive():
    loaded = load_text("target right glute-med\npivot frontal x10\npivot sagittal x10\n")
    assert loaded.checked is not None
    root = ET.fromstring(drive_svg(list(run(loaded.checked))))
    zero_y = float(next(line for line in root.iter(f"{SVG}line")
                        if line.get("class") == "zero").get("y1"))
    top_y = float(next(t for t in root.iter(f"{SVG}text") if t.text == "+3").get("y")) - 4
    first = next(g for g in root.iter(f"{SVG}g") if g.get("data-step") == "1")
    square = next(r for r in first.iter(f"{SVG}rect") if r.get("fill") == "#fff")
    assert abs(float(square.get("y")) + float(square.get("height")) / 2 - top_y) < 0.2
    circle = first.find(f"{SVG}circle")
    assert abs(float(circle.get("cy")) - zero_y) < 0.2


def test_the_block_chart_fits_80_columns_and_is_plain():
    text = drive_blocks(golfer_steps())
    lines = text.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert "\x1b" not in text
    assert lines[0].startswith("phase") and "speci" in lines[0]
    assert lines[1].startswith("sagittal   +") and lines[3].startswith("frontal    +")
    assert lines[3][13] == "█"  # pivot frontal: the full +3 cell
    assert lines[7] == "advantage    1111323333333322"


def test_a_long_run_is_grouped_to_fit():
    program = "target right glute-med\n" + "pivot frontal x10\npivot sagittal x10\n" * 150
    loaded = load_text(program)
    assert loaded.checked is not None
    text = drive_blocks(list(run(loaded.checked)), width=80)
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "one column = 5 steps" in text
    negative = load_text("target right glute-med\npivot frontal\ndriver left-hand overhead-right\n"
                         "retest\ndisadvantage adduction reverse\n")
    assert negative.checked is not None
    rows = drive_blocks(list(run(negative.checked))).splitlines()
    assert rows[4].startswith("           − ") and rows[4].endswith("▔")  # frontal −1


def test_nothing_to_chart_says_so(cli, tmp_path):
    empty = tmp_path / "empty.prog"
    empty.write_text("# only a comment\n", encoding="utf-8")
    result = cli("run", str(empty), "--chart")
    assert result.exit_code == 0
    assert "no steps to chart: the program has no movement statement" in result.stdout
    root = ET.fromstring(drive_svg([]))
    assert "no steps to chart" in [t.text for t in root.iter(f"{SVG}text")]

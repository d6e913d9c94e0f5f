"""Writing in the studio, in a real browser: a typo gets `prog lint`'s diagnostic and its
quick fix, the fix brings the steps back; completion and hover come from the services;
unsaved text survives a reload; a save over a file changed on disk offers the choice."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.studio.conftest import prog_run_json, screenshot, wait_count

MISTAKE = "pivot frontl x10"


def open_file(page, studio) -> None:
    """Open golfer.prog and wait until the page shows its analysis."""
    page.goto(studio.url)
    page.wait_for_selector("#file-picker option[value='golfer.prog']", state="attached")
    page.select_option("#file-picker", "golfer.prog")
    page.locator(".cm-content").get_by_text('program "Golfer').wait_for()
    page.locator("#steps").get_by_text("golf.backswing").wait_for()


def replace_in_editor(page, old: str, new: str) -> None:
    """Select `old` in the editor and type `new` over it, as a clinician would."""
    page.locator(".cm-content").get_by_text(old).first.click()
    page.keyboard.press("Home")
    page.keyboard.press("Shift+End")
    page.keyboard.type(new)


def lint_json(folder, name: str) -> list[dict]:
    result = subprocess.run(
        [sys.executable, "-m", "dsl", "lint", "--format", "json", name],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=60,
    )
    return json.loads(result.stdout)


def test_a_typo_gets_lints_diagnostic_and_its_quick_fix_restores_the_steps(studio, page) -> None:
    open_file(page, studio)
    problems = page.get_by_role("list", name="Problems in the program")
    problems.get_by_text("No problems").wait_for()
    steps_before = page.locator("#steps li.step").count()
    assert steps_before > 10
    chart = page.get_by_role("img", name="Drive per plane across the steps")
    assert chart.locator("[data-step]").count() == steps_before
    replace_in_editor(page, "pivot frontal x10", MISTAKE)
    problems.get_by_text("did you mean `frontal`").wait_for()
    # The same code and message as `prog lint` on the same text.
    (studio.folder / "typo.prog").write_text(
        (studio.folder / "golfer.prog").read_text().replace("pivot frontal x10", MISTAKE)
    )
    (expected,) = lint_json(studio.folder, "typo.prog")
    item = problems.locator("li.diagnostic").first
    assert item.locator(".code").text_content() == expected["code"] == "P002"
    assert item.locator(".message").text_content() == expected["message"]
    assert page.locator("#steps li.step").count() == 0  # an error: nothing to step
    assert chart.locator("[data-step]").count() == 0
    screenshot(page, "diagnostic-1280")
    item.get_by_role("button", name="Replace `frontl` with `frontal`").click()
    problems.get_by_text("No problems").wait_for()
    assert "pivot frontal x10" in (page.locator(".cm-content").text_content() or "")
    wait_count(page, "#steps li.step", steps_before)
    assert chart.locator("[data-step]").count() == steps_before


def test_the_chart_and_the_words_follow_the_text_and_the_cursor(studio, page) -> None:
    open_file(page, studio)
    expected = prog_run_json(studio.folder, "golfer.prog")
    shown = page.locator("#steps li.step .words").all_text_contents()
    assert shown == [step["instruction"] for step in expected]
    # The cursor on `pivot sagittal x10` (step 2) lights that step in the list and the chart.
    page.locator(".cm-content").get_by_text("pivot sagittal x10").click()
    page.locator("#steps li.step.current[data-n='2']").wait_for()
    assert page.locator("#chart [data-step].current").evaluate_all(
        "groups => groups.map(g => g.dataset.step)"
    ) == ["2"]
    screenshot(page, "write-1280")
    # A change in the text changes the chart: a taper over 5 adds two steps.
    before = page.locator("#chart [data-step]").count()
    replace_in_editor(page, "taper all over 3", "taper all over 5")
    wait_count(page, "#chart [data-step]", before + 2)


def test_the_fix_is_also_a_lint_action_in_the_editor(studio, page) -> None:
    open_file(page, studio)
    replace_in_editor(page, "pivot frontal x10", MISTAKE)
    page.locator(".cm-lintRange-error").first.wait_for()
    page.locator(".cm-lintRange-error").first.hover()
    page.locator(".cm-tooltip-lint").get_by_text("did you mean").wait_for()
    page.locator(".cm-tooltip-lint").get_by_role("button", name="Replace").click()
    page.get_by_text("No problems").wait_for()


def test_completion_offers_the_words_in_force(studio, page) -> None:
    open_file(page, studio)
    page.locator(".cm-content").get_by_text("pivot transverse x10").click()
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.keyboard.type("driver left-hand golf.")
    page.keyboard.press("Control+Space")
    options = page.locator(".cm-tooltip-autocomplete li")
    options.first.wait_for()
    labels = options.all_text_contents()
    assert any("golf.swing" in label for label in labels), labels


def test_hover_shows_the_effect_on_the_hip(studio, page) -> None:
    open_file(page, studio)
    page.locator(".cm-content").get_by_text("pivot frontal x10").hover(position={"x": 60, "y": 5})
    tooltip = page.locator(".cm-tooltip-hover")
    tooltip.get_by_text("frontal").first.wait_for()
    assert "F+3" in (tooltip.text_content() or "")


def test_unsaved_text_survives_a_reload_and_save_clears_it(studio, page) -> None:
    open_file(page, studio)
    replace_in_editor(page, "pivot frontal x10", "pivot frontal x12")
    page.get_by_text("Unsaved changes").wait_for()
    page.reload()
    page.locator(".cm-content").get_by_text("pivot frontal x12").wait_for()
    page.get_by_text("Unsaved changes").wait_for()
    assert "x12" not in (studio.folder / "golfer.prog").read_text()
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("Saved", exact=True).wait_for()
    assert "pivot frontal x12" in (studio.folder / "golfer.prog").read_text()
    page.reload()
    page.locator(".cm-content").get_by_text("pivot frontal x12").wait_for()
    assert page.get_by_text("Saved", exact=True).is_visible()


def test_saving_over_a_file_changed_on_disk_offers_the_choice(studio, page) -> None:
    open_file(page, studio)
    path = studio.folder / "golfer.prog"
    theirs = path.read_text().replace("pivot sagittal x10", "pivot sagittal x8")
    path.write_text(theirs)
    replace_in_editor(page, "pivot frontal x10", "pivot frontal x12")
    page.keyboard.press("Control+s")
    dialog = page.get_by_role("dialog", name="This program changed on disk")
    dialog.wait_for()
    assert path.read_text() == theirs
    dialog.get_by_role("button", name="Show both").click()
    dialog.get_by_text("pivot sagittal x8").wait_for()
    dialog.get_by_text("pivot frontal x12").wait_for()  # and the clinician's own text beside it
    screenshot(page, "conflict-1280")
    dialog.get_by_role("button", name="Load theirs").click()
    page.locator(".cm-content").get_by_text("pivot sagittal x8").wait_for()
    assert "pivot frontal x12" not in (page.locator(".cm-content").text_content() or "")
    replace_in_editor(page, "pivot frontal x10", "pivot frontal x14")
    path.write_text(theirs + "# and again\n")
    page.keyboard.press("Control+s")
    dialog.get_by_role("button", name="Keep mine (overwrite)").click()
    page.get_by_text("Saved", exact=True).wait_for()
    assert "pivot frontal x14" in path.read_text() and "# and again" not in path.read_text()


def test_the_page_asks_nothing_of_the_network(studio, page) -> None:
    """No CDN, no font service: every request the page makes goes to the studio itself."""
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    open_file(page, studio)
    page.get_by_role("tab", name="Step with patient").click()
    page.get_by_role("button", name="Start a new session").wait_for()
    assert asked and all(
        url.startswith(studio.base + "/") or url.startswith("data:") for url in asked
    ), asked

"""The page at a clinic's sizes, in a real browser: usable with the keyboard alone, every
button and the problems list named for a screen reader, nothing cut off on a 768-pixel
tablet or at 200% zoom. Screenshots of the main views are written as test artefacts."""

from __future__ import annotations

import pytest

from tests.studio.conftest import screenshot
from tests.studio.test_stepping import open_stepping

BUTTONS = ["Next step", "Better", "Same", "Worse", "Undo", "Stop"]
KEYS = ["Enter n", "b", "s", "w", "u", "q"]
OVERFLOW = "document.scrollingElement.scrollWidth - window.innerWidth"


@pytest.mark.parametrize(
    ("width", "scale", "name"), [(1280, 1, "1280"), (768, 1, "768"), (640, 2, "zoom-200")]
)
def test_every_view_fits_the_width(studio, browser, width: int, scale: int, name: str) -> None:
    """640 CSS pixels at a device scale of 2 is a 1280-pixel screen zoomed to 200%."""
    context = browser.new_context(
        viewport={"width": width, "height": 1000}, device_scale_factor=scale
    )
    page = context.new_page()
    try:
        open_stepping(page, studio)
        page.get_by_role("tab", name="Write").click()
        page.locator("#steps").get_by_text("golf.backswing").wait_for()
        assert page.evaluate(OVERFLOW) <= 0
        screenshot(page, f"write-{name}")
        page.get_by_role("tab", name="Step with patient").click()
        page.get_by_role("button", name="Start a new session").click()
        page.get_by_role("group", name="Answers").wait_for()
        assert page.evaluate(OVERFLOW) <= 0
        for label in BUTTONS:
            box = page.get_by_role("button", name=label, exact=True).bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
            assert box["height"] >= 44  # a finger-sized target on a tablet
        screenshot(page, f"step-{name}")
    finally:
        context.close()


def test_buttons_and_problems_have_names_roles_and_live_regions(studio, page) -> None:
    open_stepping(page, studio)
    page.get_by_role("button", name="Start a new session").click()
    group = page.get_by_role("group", name="Answers")
    group.wait_for()
    for label, keys in zip(BUTTONS, KEYS, strict=True):
        button = group.get_by_role("button", name=label, exact=True)
        assert button.get_attribute("aria-keyshortcuts") == keys
        assert keys.split()[0] in (button.text_content() or "")  # the key is shown on it
    assert page.locator("#step-words").get_attribute("aria-live") == "assertive"
    page.get_by_role("tab", name="Write").click()
    problems = page.get_by_role("list", name="Problems in the program")
    assert problems.get_attribute("aria-live") == "polite"
    assert page.get_by_role("textbox", name="Program text").count() == 1


def test_the_keyboard_reaches_every_control(studio, page) -> None:
    """Tab walks the header's controls in order, and the editor takes focus from the keys."""
    page.goto(studio.url)
    page.locator("#steps").get_by_text("Phase").first.wait_for()
    reached = []
    for _ in range(8):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate(
                "document.activeElement.getAttribute('aria-label')"
                " || document.activeElement.textContent.trim()"
            )
        )
    for control in ["Program to open", "Write", "Step with patient", "Tidy layout", "Save"]:
        assert control in reached, reached
    assert "Program text" in reached, reached

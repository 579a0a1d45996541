"""Layout a person can use: nothing scrolls sideways at 320 CSS px (WCAG 1.4.10 Reflow, the
width of a 1280 px screen zoomed to 400 %), with JavaScript off and on."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_accessibility import (
    EVERY_ANSWER_YES,
    EVERY_LEVEL,
    PAGES,
    fill_checker,
    press_check,
    topic_paths,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

REFLOW_WIDTH = 320

# The page's width, and the elements that stick out past the right edge of the window.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.right > width + 1 && box.width > 0 && element.checkVisibility()) {
      wide.push(`${element.tagName.toLowerCase()}.${element.className} ` +
                `(right edge ${Math.round(box.right)}px): ` +
                (element.innerText || "").trim().slice(0, 50));
    }
  }
  return { scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5) };
}"""


def sideways(page: Page, state: str) -> list[str]:
    found = page.evaluate(OVERFLOW)
    if found["scrollWidth"] > found["width"] or found["wide"]:
        return [f"{state}: page is {found['scrollWidth']}px wide; sticking out: {found['wide']}"]
    return []


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_nothing_scrolls_sideways_at_320px(browsing, js):
    page = browsing.page(js=js, width=REFLOW_WIDTH)
    found = []
    page.goto("/learn/")
    paths = [path for _, path in PAGES] + topic_paths(page)
    for path in paths:
        page.goto(path)
        found += sideways(page, path)

    fill_checker(page, EVERY_LEVEL, EVERY_ANSWER_YES)
    page.get_by_label("Medicine 1", exact=True).fill("Norco 10/325 " + "x" * 150)
    press_check(page)
    expect(page.locator("#results")).to_contain_text("Your results")
    found += sideways(page, "checker results, with a long unbroken entry")

    page.locator(".app-check-form__actions").get_by_role("button", name="Make my checklist").click()
    expect(page.locator("main")).to_contain_text("Opioid warning")
    found += sideways(page, "filled checklist, with a long unbroken entry")
    assert not found, "Content scrolls sideways at 320 px:\n" + "\n".join(found)

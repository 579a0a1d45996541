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
    # Measure only once the page's style sheets have arrived (a form post's page may still be
    # loading them when its text is already there).
    page.wait_for_load_state("load")
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

    page.locator(".app-results__next").get_by_role("button", name="Make my checklist").click()
    expect(page.locator("main")).to_contain_text("Opioid warning")
    found += sideways(page, "filled checklist, with a long unbroken entry")
    assert not found, "Content scrolls sideways at 320 px:\n" + "\n".join(found)


# WCAG 1.4.12 Text Spacing: the spacing a reader's own style sheet may ask for.
TEXT_SPACING = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
    " word-spacing: 0.16em !important; }"
    " p { margin-bottom: 2em !important; }"
)

# Elements in <main> that cut their own text off.
CLIPPED = """() => {
  const found = [];
  for (const element of document.querySelectorAll("main *")) {
    // Fields scroll their own text; visually hidden text (1 px boxes) is meant for screen
    // readers only.
    if (["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName)) continue;
    if (element.closest(".app-visually-hidden") || !element.checkVisibility()) continue;
    if (element.clientWidth <= 1 || element.clientHeight <= 1) continue;
    const style = getComputedStyle(element);
    const clips = ["hidden", "clip"].includes(style.overflowX) ||
                  ["hidden", "clip"].includes(style.overflowY);
    if (clips && (element.scrollHeight > element.clientHeight + 2 ||
                  element.scrollWidth > element.clientWidth + 2)) {
      found.push(`${element.tagName.toLowerCase()}.${element.className}: ` +
                 (element.innerText || "").trim().slice(0, 50));
    }
  }
  return found;
}"""


def test_text_spacing_cuts_nothing_off_and_scrolls_nothing_sideways(browsing):
    # The reader's style sheet is an injected <style>: a context that bypasses the site's CSP
    # (and has JavaScript on, which Playwright needs to add it).
    page = browsing.page(for_axe=True)
    found = []

    def check(state: str) -> None:
        page.add_style_tag(content=TEXT_SPACING)
        clipped = page.evaluate(CLIPPED)
        if clipped:
            found.append(f"{state}: text cut off in {clipped[:5]}")
        found.extend(sideways(page, state))

    page.goto("/learn/")
    for path in [path for _, path in PAGES] + topic_paths(page):
        page.goto(path)
        check(path)
    fill_checker(page, EVERY_LEVEL, EVERY_ANSWER_YES)
    press_check(page)
    expect(page.locator("#results")).to_contain_text("Your results")
    check("checker results")
    page.locator(".app-results__next").get_by_role("button", name="Make my checklist").click()
    expect(page.locator("main")).to_contain_text("Opioid warning")
    check("filled checklist")
    assert not found, "With wider text spacing:\n" + "\n".join(found)


def test_layout_checks_catch_cut_off_text_and_sideways_scrolling(browsing):
    page = browsing.page(for_axe=True, width=REFLOW_WIDTH)
    page.goto("/privacy/")
    assert page.evaluate(CLIPPED) == [] and sideways(page, "privacy") == []
    page.add_style_tag(
        content="main p:first-of-type { height: 1.2em; overflow: hidden; }"
        " main h1 { white-space: nowrap; font-size: 4rem; }"
    )
    assert page.evaluate(CLIPPED), "a paragraph cut to one line must be caught"
    assert sideways(page, "privacy"), "a heading wider than the window must be caught"

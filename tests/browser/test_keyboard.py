"""Keyboard alone: Tab, Shift+Tab, Enter and Space, with JavaScript on and off.

Focus must always be visible (the focused element's computed outline, box-shadow, background,
colour or underline differs from its unfocused look), never hidden under something else
(WCAG 2.4.11), and never trapped: 200 presses of Tab cycle through the page and back.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP, PHONE, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Every element that can take focus, and how it looks when it does not have it.
RECORD_UNFOCUSED_LOOK = """() => {
  const props = ["outlineStyle", "outlineWidth", "outlineColor", "boxShadow", "backgroundColor",
                 "color", "textDecorationLine", "borderTopColor", "borderBottomWidth", "left"];
  window.__looks = new Map();
  window.__lookOf = (element) => {
    const style = getComputedStyle(element);
    return props.map((name) => style[name]).join("|");
  };
  const focusable = "a[href], button, input, select, textarea, summary, [tabindex]";
  document.activeElement && document.activeElement.blur && document.activeElement.blur();
  for (const element of document.querySelectorAll(focusable)) {
    window.__looks.set(element, window.__lookOf(element));
  }
  window.__seen = [];
  // The tab stops a browser should offer: focusable, rendered, not tabindex=-1, not disabled;
  // one per radio group.
  const stops = new Set();
  for (const element of document.querySelectorAll(focusable)) {
    if (element.disabled || element.tabIndex < 0 || element.type === "hidden") continue;
    if (!element.checkVisibility({ visibilityProperty: true })) continue;
    stops.add(element.type === "radio" ? `radio:${element.name}` : element);
  }
  return stops.size;
}"""

# What has focus now: its description, whether its look changed, and whether it is on top.
DESCRIBE_FOCUS = """() => {
  const element = document.activeElement;
  if (!element || element === document.body || element === document.documentElement) {
    return { onPage: false };
  }
  let index = window.__seen.indexOf(element);
  if (index === -1) { window.__seen.push(element); index = window.__seen.length - 1; }
  const before = window.__looks.get(element);
  const now = window.__lookOf(element);
  // A link that wraps has one box per line: test the middle of each.
  const isOnTop = (hit) => !!hit && (hit === element || element.contains(hit) ||
    (element.labels && Array.from(element.labels).some((label) => label.contains(hit))));
  const boxes = Array.from(element.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
  const onTop = boxes.some((r) => isOnTop(document.elementFromPoint(
    Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1),
    Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1))));
  const box = element.getBoundingClientRect();
  const text = (element.innerText || element.value || element.getAttribute("aria-label") || "");
  return {
    onPage: true,
    index,
    description: `${element.tagName.toLowerCase()}#${element.id} "${text.trim().slice(0, 40)}"`,
    lookChanged: before === undefined || before !== now,
    onTop,
    inView: box.bottom > 0 && box.top < innerHeight && box.width > 0 && box.height > 0,
  };
}"""


def tab_through(page: Page, presses: int = 200, key: str = "Tab") -> tuple[int, list[dict]]:
    """Press the key many times; return how many tab stops the page has, and each stop."""
    page.wait_for_load_state("load")  # deferred scripts have run (e.g. the print button shown)
    expected = page.evaluate(RECORD_UNFOCUSED_LOOK)
    stops = []
    for _ in range(presses):
        page.keyboard.press(key)
        stops.append(page.evaluate(DESCRIBE_FOCUS))
    return expected, stops


def assert_focus_cycles_and_always_shows(expected: int, stops: list[dict], where: str) -> None:
    on_page = [stop["index"] for stop in stops if stop["onPage"]]
    assert on_page, f"{where}: Tab never reached the page"
    # No trap: every tab stop comes round before the first one comes back, and it does come
    # back (through the browser's own controls) within the presses.
    first = on_page[0]
    try:
        back = on_page.index(first, 1)
    except ValueError:
        pytest.fail(f"{where}: focus never came back to the first stop in {len(stops)} presses")
    lap = set(on_page[:back])
    assert len(lap) == expected, (
        f"{where}: one lap of Tab visited {len(lap)} stops, the page has {expected}: "
        f"{[stop['description'] for stop in stops if stop['onPage']][:back]}"
    )
    assert set(on_page) == lap, f"{where}: focus went somewhere new on a later lap"
    described = [stop for stop in stops if stop["onPage"]]
    hidden = sorted({stop["description"] for stop in described if not stop["lookChanged"]})
    assert not hidden, f"{where}: focus is not visible on {hidden}"
    covered = sorted(
        {stop["description"] for stop in described if not (stop["onTop"] and stop["inView"])}
    )
    assert not covered, f"{where}: focused element hidden or covered: {covered}"


def press_tab_until(page: Page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching the selector has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"Tab never reached {selector}")


def wait_for_htmx(page: Page) -> None:
    """htmx is fetched once the form is first used; polled (the CSP forbids eval)."""
    page.locator("#medicine-1").focus()
    for _ in range(200):
        if page.evaluate("() => !!window.htmx"):
            return
        page.wait_for_timeout(50)
    pytest.fail("htmx never loaded")


def go_to_checker_results(page: Page) -> None:
    page.goto("/check/")
    page.locator("#medicine-1").fill("Norco 10/325")
    page.locator("#medicine-2").fill("ibuprofen")
    page.locator("#medicine-3").fill("beer")
    page.locator("#q-alcohol-yes").check()
    page.locator(".app-check-form__actions").get_by_role(
        "button", name="Check my medicines"
    ).click()
    expect(page.get_by_role("heading", name="Your results")).to_be_visible()


def go_to_filled_checklist(page: Page) -> None:
    go_to_checker_results(page)
    page.locator(".app-results__next").get_by_role("button", name="Make my checklist").click()
    expect(page).to_have_url(re.compile(r"/checklist/$"))


def first_topic(page: Page) -> None:
    page.goto("/learn/")
    page.locator("main a[href^='/learn/'][href$='/']:not([href='/learn/'])").first.click()


STATES = {
    "home": lambda page: page.goto("/"),
    "topic": first_topic,
    "checker with results": go_to_checker_results,
    "checklist filled": go_to_filled_checklist,
}


@pytest.mark.parametrize(("js", "width"), [(True, DESKTOP), (False, PHONE)], ids=["js", "nojs"])
@pytest.mark.parametrize("state", list(STATES))
def test_tab_200_times_cycles_through_the_page_with_focus_always_visible(
    browsing, state, js, width
):
    page = browsing.page(js=js, width=width)
    STATES[state](page)
    expected, stops = tab_through(page)
    assert_focus_cycles_and_always_shows(
        expected, stops, f"{state} ({'js' if js else 'nojs'}, {width}px)"
    )


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_shift_tab_goes_backwards_without_a_trap(browsing, js):
    page = browsing.page(js=js, width=PHONE)
    go_to_checker_results(page)
    expected, stops = tab_through(page, presses=120, key="Shift+Tab")
    assert_focus_cycles_and_always_shows(expected, stops, "checker, backwards")


# The checks above must be able to fail: break the page on purpose and watch them catch it.


def test_focus_check_catches_a_focus_style_that_was_taken_away(browsing):
    page = browsing.page(for_axe=True, width=PHONE)
    page.goto("/privacy/")
    page.add_style_tag(
        content="*:focus, *:focus-visible { outline: none !important; box-shadow: none !important;"
        " background: inherit !important; color: inherit !important;"
        " text-decoration: inherit !important; }"
    )
    expected, stops = tab_through(page, presses=40)
    with pytest.raises(AssertionError, match="focus is not visible"):
        assert_focus_cycles_and_always_shows(expected, stops, "privacy, no focus style")


def test_trap_check_catches_a_keyboard_trap(browsing):
    page = browsing.page(for_axe=True, width=PHONE)
    page.goto("/privacy/")
    # A trap: Tab from the footer's privacy link goes back to the sources link, forever.
    page.add_script_tag(
        content="document.addEventListener('keydown', (event) => {"
        " const links = document.querySelectorAll('footer a');"
        " if (event.key === 'Tab' && document.activeElement === links[links.length - 1]) {"
        " event.preventDefault(); links[0].focus(); } });"
    )
    page.locator("footer a").first.focus()
    expected, stops = tab_through(page, presses=40)
    with pytest.raises((AssertionError, pytest.fail.Exception), match="never came back|one lap"):
        assert_focus_cycles_and_always_shows(expected, stops, "privacy, trapped")


@pytest.mark.parametrize(("js", "width"), [(True, PHONE), (False, DESKTOP), (True, DESKTOP)])
def test_whole_journey_by_keyboard_alone(browsing, js, width):
    page = browsing.page(js=js, width=width)
    page.goto("/")

    # The first Tab shows the skip link; Enter takes focus to the main content.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()

    # From the main content, the checker is a few Tabs away.
    press_tab_until(page, "main a[href='/check/']")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Check your medicines")

    # Type into the fields, moving with Tab. With JavaScript the name field offers the
    # suggestion list to assistive technology as a combobox (loaded once typing starts).
    press_tab_until(page, "#medicine-1")
    if js:
        medicine_1 = page.get_by_role("combobox", name="Medicine 1", exact=True)
        expect(medicine_1).to_have_attribute("list", "medicine-names")
        expect(page.locator("#medicine-names option[value^='Lisinopril' i]").first).to_be_attached()
    else:
        expect(page.get_by_role("textbox", name="Medicine 1", exact=True)).to_be_focused()
    page.keyboard.type("Norco 10/325")
    press_tab_until(page, "#medicine-2")
    page.keyboard.type("lisinopril")

    # Space answers a yes/no question; arrow keys move within the group.
    press_tab_until(page, "input[name='q-alcohol']")
    page.keyboard.press("Space")
    expect(page.locator("#q-alcohol-yes")).to_be_checked()
    page.keyboard.press("ArrowRight")
    expect(page.locator("#q-alcohol-no")).to_be_checked()
    page.keyboard.press("ArrowLeft")
    expect(page.locator("#q-alcohol-yes")).to_be_checked()

    if js:
        # Enter moves to the next row, as in a list (never presses "Remove"); Enter in the
        # empty row checks the list.
        page.locator("#medicine-2").focus()
        page.keyboard.press("Enter")
        expect(page.locator("#medicine-3")).to_be_focused()
        page.keyboard.press("Enter")
    else:
        # Enter in a box starts a new line; the Check button is a Tab away.
        press_tab_until(page, ".app-check-form__actions button[value='check']")
        page.keyboard.press("Enter")
    results = page.locator("#results")
    expect(results.get_by_role("heading", name="Your results")).to_be_visible()
    assert values(page)[:2] == ["Norco 10/325", "lisinopril"]
    if js:
        # htmx swapped the results in; focus moved to them so they are announced.
        expect(page.get_by_role("heading", name="Your results")).to_be_focused()
    screenshot(page, f"keyboard checker results {'js' if js else 'nojs'}")

    # Space on "Make my checklist" goes to the filled checklist.
    press_tab_until(page, "button[value='checklist']")
    page.keyboard.press("Space")
    expect(page).to_have_url(f"{browsing.base_url}/checklist/")
    expect(page.locator("main")).to_contain_text("Norco 10/325")

    # "Change my list" by Enter goes back with the list kept; the list is folded under the
    # results: Enter opens it, and "Clear my list" asks before it empties it.
    press_tab_until(page, "button[value='check']")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{browsing.base_url}/check/")
    assert "Norco 10/325" in values(page)
    press_tab_until(page, ".app-list-panel__summary", limit=150)
    page.keyboard.press("Enter")
    press_tab_until(page, ".app-clear__summary", limit=150)
    page.keyboard.press("Space")
    press_tab_until(page, "button[value='clear']")
    page.keyboard.press("Space")
    expect(page.locator("#medicine-1")).to_have_value("")
    assert "Norco 10/325" not in values(page)
    expect(page.locator("#results")).not_to_contain_text("Your results")


def values(page: Page) -> list[str]:
    return page.locator("[name='medicine']").evaluate_all("all => all.map(box => box.value)")


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_error_summary_links_move_focus_to_the_field_by_keyboard(browsing, js):
    page = browsing.page(js=js, width=PHONE)
    page.goto("/check/")
    if js:
        wait_for_htmx(page)
    press_tab_until(page, ".app-check-form__actions button[value='check']")
    page.keyboard.press("Enter")
    summary = page.locator(".app-error-summary")
    expect(summary).to_contain_text("Enter a medicine name")
    if js:
        expect(summary).to_be_focused()
    else:
        summary.focus()  # without JavaScript nothing can move focus; start from the summary
    press_tab_until(page, ".app-error-summary a")
    page.keyboard.press("Enter")
    expect(page.locator("#medicine-1")).to_be_focused()


def test_focus_follows_rows_added_removed_and_cleared_by_keyboard(browsing):
    """With htmx swapping the form in place, focus must land where the change happened."""
    page = browsing.page(js=True, width=PHONE)
    page.goto("/check/")
    wait_for_htmx(page)
    page.locator("#medicine-1").fill("Norco 10/325")
    page.locator("#medicine-2").fill("ibuprofen")
    page.locator("#medicine-3").fill("beer")

    page.get_by_role("button", name="Add another medicine").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Medicine 4", exact=True)).to_be_focused()
    page.keyboard.type("lisinopril")

    page.get_by_role("button", name="Remove medicine 2").focus()
    page.keyboard.press("Space")
    expect(page.get_by_label("Medicine 2", exact=True)).to_be_focused()
    expect(page.get_by_label("Medicine 2", exact=True)).to_have_value("beer")
    expect(page.get_by_label("Medicine 3", exact=True)).to_have_value("lisinopril")

    page.locator(".app-clear__summary").focus()
    page.keyboard.press("Enter")  # it asks first
    page.get_by_role("button", name="Yes, clear my list").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Medicine 1", exact=True)).to_be_focused()
    expect(page.get_by_label("Medicine 1", exact=True)).to_have_value("")

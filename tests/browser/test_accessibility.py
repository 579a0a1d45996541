"""axe-core on every page and state, at phone and desktop width, with JavaScript on and off.

Zero violations of the WCAG 2.0, 2.1 and 2.2 A and AA rules is the bar. Each state is also
saved as a screenshot in test-artifacts/screenshots/ for a person to look at.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    WIDTHS,
    allow_console,
    assert_no_axe_violations,
    axe_violations,
    screenshot,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PAGES = [
    ("home", "/"),
    ("topic list", "/learn/"),
    ("sources", "/sources/"),
    ("privacy", "/privacy/"),
    ("checker empty", "/check/"),
    ("checklist blank", "/checklist/"),
]


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("name", "path"), PAGES, ids=[name for name, _ in PAGES])
def test_page_has_no_wcag_violations(browsing, name, path, width, js):
    page = browsing.page(for_axe=True, width=width, js=js)
    response = page.goto(path)
    assert response.status == 200
    assert page.locator("h1").count() == 1
    screenshot(page, name)
    assert_no_axe_violations(page, f"{name} at {width}px")


@pytest.mark.parametrize("width", WIDTHS)
def test_page_not_found_has_no_wcag_violations(browsing, width):
    page = browsing.page(for_axe=True, width=width)
    allow_console(page, r"status of 404")
    response = page.goto("/no-such-page/")
    assert response.status == 404
    assert "Page not found" in page.locator("h1").inner_text()
    screenshot(page, "page not found")
    assert_no_axe_violations(page, f"404 page at {width}px")


@pytest.mark.parametrize("width", WIDTHS)
def test_every_topic_has_no_wcag_violations(browsing, width):
    page = browsing.page(for_axe=True, width=width)
    page.goto("/learn/")
    topics = topic_paths(page)
    found = []
    for path in topics:
        page.goto(path)
        screenshot(page, "topic " + path.strip("/").replace("/", " "))
        found += axe_violations(page, f"{path} at {width}px")
    assert not found, "axe found WCAG A/AA violations:\n" + "\n".join(found)


def topic_paths(page) -> list[str]:
    hrefs = page.locator("main a[href^='/learn/']").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    return sorted({href for href in hrefs if href.rstrip("/") != "/learn"})


# --- The checker and the checklist, in every state ---------------------------------------------


# The checker form's address and words in each language of the site.
CHECKER_FORM = {
    "en": {
        "path": "/check/",
        "add": "Add another medicine",
        "box": "Medicine",
        "check": "Check my medicines",
    },
    "es": {
        "path": "/es/check/",
        "add": "Poner otra medicina",
        "box": "Medicina",
        "check": "Revisar mis medicinas",
    },
}


def fill_checker(page, entries: list[str], answers: dict[str, str], language: str = "en") -> None:
    """Type the entries (adding rows as needed) and pick the answers, as a patient would."""
    words = CHECKER_FORM[language]
    page.goto(words["path"])
    while page.locator("[name='medicine']").count() < len(entries):
        rows = page.locator("[name='medicine']").count()
        page.get_by_role("button", name=words["add"]).click()
        expect(page.locator("[name='medicine']")).to_have_count(rows + 1)
    for number, entry in enumerate(entries, start=1):
        page.get_by_label(f"{words['box']} {number}", exact=True).fill(entry)
    for slug, answer in answers.items():
        page.locator(f"#q-{slug}-{answer}").check()


def press_check(page, language: str = "en") -> None:
    page.locator(".app-check-form__actions").get_by_role(
        "button", name=CHECKER_FORM[language]["check"]
    ).click()


EVERY_LEVEL = ["Norco 10/325", "ibuprofen", "diazepam", "lisinopril", "asdfgh", "oxycodn"]
EVERY_ANSWER_YES = {
    slug: "yes"
    for slug in (
        "alcohol",
        "recent_opioids",
        "withdrawal_now",
        "liver",
        "oud_treatment",
        "allergy",
    )
}
CHECKER_STATES = {
    "checker error empty": ([], {}, "There is a problem"),
    "checker error too long": (["x" * 250], {}, "There is a problem"),
    "checker every level": (EVERY_LEVEL, EVERY_ANSWER_YES, "Your results"),
    # issue 11: "Did you mean" buttons, "Which one?" buttons, products of one box, unread parts
    "checker questions": (
        ["lisinipril", "Norco, metformin", "APAP/HC", "Demoral", "no codeine"],
        {},
        "Did you mean lisinopril?",
    ),
}


@pytest.mark.parametrize("js", [True, False], ids=["htmx", "nojs"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("state", list(CHECKER_STATES))
def test_checker_state_has_no_wcag_violations(browsing, state, width, js):
    entries, answers, expected = CHECKER_STATES[state]
    page = browsing.page(for_axe=True, width=width, js=js)
    fill_checker(page, entries, answers)
    press_check(page)
    expect(page.locator("main")).to_contain_text(expected)
    screenshot(page, state)
    assert_no_axe_violations(page, f"{state} at {width}px ({'htmx' if js else 'no JS'})")


LEVELS = {
    "avoid": ("Norco 10/325", "Do not take together"),
    "caution": ("ibuprofen", "Ask your doctor first"),
    "info": ("diazepam", "Tell your doctor"),
    "none": ("lisinopril", "No known interaction in our list"),
    "unknown": ("asdfgh", "Not recognised"),
    "typo": ("oxycodine", "We read this as oxycodone"),
}


@pytest.mark.parametrize("level", list(LEVELS))
def test_each_result_level_alone_has_no_wcag_violations(browsing, level):
    entry, words = LEVELS[level]
    page = browsing.page(for_axe=True)
    fill_checker(page, [entry], {})
    press_check(page)
    expect(page.locator("#results")).to_contain_text(words)
    screenshot(page, f"checker level {level}")
    assert_no_axe_violations(page, f"checker, {level} alone")


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
@pytest.mark.parametrize("width", WIDTHS)
def test_filled_checklist_has_no_wcag_violations_on_screen_and_in_print(browsing, width, js):
    page = browsing.page(for_axe=True, width=width, js=js)
    fill_checker(page, EVERY_LEVEL, EVERY_ANSWER_YES)
    page.locator(".app-check-form__actions").get_by_role("button", name="Make my checklist").click()
    expect(page.locator("main")).to_contain_text("Opioid warning")
    screenshot(page, "checklist filled")
    assert_no_axe_violations(page, f"filled checklist at {width}px")
    page.emulate_media(media="print")
    assert_no_axe_violations(page, f"filled checklist, print media, at {width}px")

"""What a patient does, in real Chromium: with JavaScript on and off, on a phone and a desktop.

Read the home page and every topic; use the checker (type, fix a typo, remove an entry, read
the results); make the checklist and print it; go back and clear the list. Every page is
watched for requests to other hosts, CSP violations and console errors (conftest.py).
"""

import io
import re
import unicodedata

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.browser.conftest import WIDTHS, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

JS_MODES = pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
SIZES = pytest.mark.parametrize("width", WIDTHS)


# --- Helpers ------------------------------------------------------------------------------------


def mark_document(page: Page) -> None:
    """Tag this document, to tell later whether an action swapped a part or loaded a page."""
    page.evaluate("window.__sameDocument = true")


def still_same_document(page: Page) -> bool:
    return page.evaluate("window.__sameDocument === true")


def expect_partial_swap_or_new_page(page: Page, js: bool) -> None:
    """With JavaScript on, htmx swaps the results in place; with it off, the form posts."""
    assert still_same_document(page) is js


def medicine_values(page: Page) -> list[str]:
    return page.locator("[name='medicine']").evaluate_all(
        "inputs => inputs.map(input => input.value)"
    )


def finding(page: Page, typed: str):
    """The result card that explains one typed entry (it may name others too)."""
    return page.locator(
        ".app-finding",
        has=page.locator(".app-entry__typed", has_text=re.compile(f"^{re.escape(typed)}$")),
    )


def wait_for_htmx(page: Page) -> None:
    """htmx is fetched once the form is first used; polled (the CSP forbids eval)."""
    open_the_list(page)
    page.locator("[name='medicine']").first.focus()
    for _ in range(200):
        if page.evaluate("() => !!window.htmx"):
            return
        page.wait_for_timeout(50)
    raise AssertionError("htmx never loaded")


def open_the_list(page: Page) -> None:
    """Under the results the list is folded away: open it."""
    panel = page.locator(".app-list-panel")
    if panel.count() and not panel.evaluate("details => details.open"):
        panel.locator(".app-list-panel__summary").click()


def read_topic(page: Page) -> str:
    """Check a topic page reads as one should, and return its title."""
    title = page.locator("h1").inner_text()
    main = page.locator("main")
    expect(main).to_contain_text("Last reviewed")
    expect(main).to_contain_text("Next review due")
    expect(main).to_contain_text("off-label")
    assert page.title().startswith(title)
    return title


# --- Reading ------------------------------------------------------------------------------------


@JS_MODES
@SIZES
def test_patient_reads_the_home_page_and_every_topic_by_following_links(browsing, js, width):
    from education.models import Topic

    published = set(Topic.objects.published().values_list("title", flat=True))
    assert len(published) >= 10
    page = browsing.page(js=js, width=width)
    page.goto("/")
    expect(page.locator("h1")).to_have_text("Low-dose naltrexone (LDN)")
    expect(page.locator("main")).to_contain_text("off-label")

    # Follow the first topic link on the home page, then each page's "Next" link to the end;
    # then any topic the home page links to that the chain did not pass through.
    topic_links = "main a[href^='/learn/'][href$='/']:not([href='/learn/'])"
    home_links = set(
        page.locator(topic_links).evaluate_all("all => all.map(a => a.getAttribute('href'))")
    )
    page.locator(topic_links).first.click()
    read = {}
    while True:
        read[page.url.removeprefix(browsing.base_url)] = read_topic(page)
        next_link = page.locator("a[rel='next']")
        if not next_link.count():
            break
        next_link.click()
    for href in sorted(home_links - set(read)):
        page.goto("/")
        page.locator(f"main a[href='{href}']").first.click()
        read[href] = read_topic(page)
    missing = published - set(read.values())
    assert not missing, f"topics a reader cannot reach from the home page: {missing}"

    # The sources and privacy pages are in the footer of every page.
    page.locator("footer").get_by_role("link", name="Sources").click()
    expect(page.locator("h1")).to_contain_text("Sources")
    assert page.locator("main a[href^='http']").count() >= 10
    page.locator("footer").get_by_role("link", name="Privacy").click()
    expect(page.locator("h1")).to_contain_text("nothing you type is kept")


@JS_MODES
@SIZES
def test_patient_moves_around_the_site_with_the_main_navigation(browsing, js, width):
    page = browsing.page(js=js, width=width)
    page.goto("/")
    nav = page.get_by_role("navigation", name="Main")
    for name, heading in [
        ("About LDN", "LDN"),
        ("Check my medicines", "Check your medicines"),
        ("Blank checklist", "Checklist"),
        ("Home", "Low-dose naltrexone (LDN)"),
    ]:
        nav.get_by_role("link", name=name).click()
        expect(page.locator("h1")).to_contain_text(heading)
        expect(nav.get_by_role("link", name=name)).to_have_attribute("aria-current", "page")


# --- The checker, the checklist and printing ---------------------------------------------------


@JS_MODES
@SIZES
def test_patient_checks_medicines_makes_the_checklist_prints_it_and_clears_the_list(
    browsing, js, width
):
    page = browsing.page(js=js, width=width)
    page.goto("/check/")
    expect(page.locator("h1")).to_have_text("Check your medicines")

    # Type three medicines, one with a typo and one that is not a medicine at all.
    if js:
        wait_for_htmx(page)
    page.get_by_label("Medicine 1", exact=True).fill("Norco 10/325")
    page.get_by_label("Medicine 2", exact=True).fill("ibuprofn")
    page.get_by_label("Medicine 3", exact=True).fill("asdfgh")

    # Add a row and type a drink in it.
    mark_document(page)
    page.get_by_role("button", name="Add another medicine").click()
    expect(page.get_by_label("Medicine 4", exact=True)).to_be_visible()
    expect_partial_swap_or_new_page(page, js)
    assert medicine_values(page)[:3] == ["Norco 10/325", "ibuprofn", "asdfgh"]
    page.get_by_label("Medicine 4", exact=True).fill("beer")

    # Remove the entry that was a mistake.
    mark_document(page)
    page.get_by_role("button", name="Remove medicine 3").click()
    # The list is drawn again without it: in place, or (JavaScript off) as the next page, which
    # must have loaded before its boxes are read.
    expect(page.get_by_label("Medicine 3", exact=True)).to_have_value("beer")
    assert "asdfgh" not in medicine_values(page)
    expect_partial_swap_or_new_page(page, js)
    assert [value for value in medicine_values(page) if value] == [
        "Norco 10/325",
        "ibuprofn",
        "beer",
    ]

    # Answer one question and check.
    page.locator("#q-alcohol-yes").check()
    mark_document(page)
    page.locator(".app-check-form__actions").get_by_role(
        "button", name="Check my medicines"
    ).click()
    results = page.locator("#results")
    expect(results.get_by_role("heading", name="Your results")).to_be_visible()
    expect_partial_swap_or_new_page(page, js)

    # Read the results: most serious first, each level in words, the typo read as a medicine.
    levels = results.locator(".app-level__heading").all_inner_texts()
    assert "Do not take together" in levels[0]
    assert any("Ask your doctor first" in level for level in levels)
    expect(finding(page, "Norco 10/325")).to_contain_text("hydrocodone")
    expect(finding(page, "Norco 10/325")).to_contain_text("Do not take together")
    expect(finding(page, "ibuprofn")).to_contain_text("We read this as ibuprofen")
    expect(finding(page, "beer")).to_contain_text("Ask your doctor first")
    expect(results.locator(".app-care-card")).to_be_visible()
    expect(results).to_contain_text("Do you drink alcohol?")
    expect(results).to_contain_text("You answered yes")
    expect(page.locator("#q-alcohol-yes")).to_be_checked()
    screenshot(page, f"journey checker results {'js' if js else 'nojs'}")

    # Fix the typo and check again: the list is folded under the results, one press away.
    open_the_list(page)
    page.get_by_label("Medicine 2", exact=True).fill("ibuprofen")
    page.locator(".app-check-form__actions").get_by_role(
        "button", name="Check my medicines"
    ).click()
    expect(finding(page, "ibuprofen")).to_be_visible()
    expect(finding(page, "ibuprofn")).to_have_count(0)
    expect(results).not_to_contain_text("We read this as ibuprofen")
    expect(finding(page, "ibuprofen")).to_contain_text("Ask your doctor first")

    # Make the checklist: it arrives filled in, by POST, with nothing in the address.
    page.locator(".app-results__next").get_by_role("button", name="Make my checklist").click()
    expect(page).to_have_url(f"{browsing.base_url}/checklist/")
    main = page.locator("main")
    for typed in ("Norco 10/325", "ibuprofen", "beer"):
        expect(main).to_contain_text(typed)
    expect(main).to_contain_text("Opioid warning")
    expect(main).to_contain_text("Do not take together")
    if js:
        expect(page.get_by_role("button", name="Print this checklist")).to_be_visible()
    else:
        expect(page.get_by_role("button", name="Print this checklist")).to_be_hidden()
        expect(main).to_contain_text("use your browser's Print option")

    # Print it: navigation and buttons are left off the paper, and it fits on two pages.
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    expect(page.get_by_role("button", name="Change my list")).to_be_hidden()
    for paper in ("A4", "Letter"):
        pdf = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=True)))
        text = unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in pdf.pages))
        assert len(pdf.pages) <= 2, f"{paper}: {len(pdf.pages)} pages"
        for typed in ("Norco 10/325", "ibuprofen", "beer", "Opioid warning"):
            assert typed in text, f"{typed!r} missing from the printed {paper} checklist"
    page.emulate_media(media="screen")

    # Go back to change the list: it comes back as it was, and "Clear my list" empties it.
    page.get_by_role("button", name="Change my list").click()
    expect(page).to_have_url(f"{browsing.base_url}/check/")
    assert [value for value in medicine_values(page) if value] == [
        "Norco 10/325",
        "ibuprofen",
        "beer",
    ]
    if js:
        wait_for_htmx(page)
    open_the_list(page)
    mark_document(page)
    page.locator(".app-clear__summary").click()  # it asks first
    expect(page.locator("#results")).to_contain_text("Your results")
    page.get_by_role("button", name="Yes, clear my list").click()
    expect(page.locator("#results")).not_to_contain_text("Your results")
    expect_partial_swap_or_new_page(page, js)
    expect(page.locator("[name='medicine']").first).to_have_value("")
    assert [value for value in medicine_values(page) if value] == []
    expect(page.locator("#q-alcohol-yes")).not_to_be_checked()


@JS_MODES
@SIZES
def test_empty_check_shows_the_error_summary_linked_to_the_first_field(browsing, js, width):
    page = browsing.page(js=js, width=width)
    page.goto("/check/")
    if js:
        wait_for_htmx(page)
    mark_document(page)
    page.locator(".app-check-form__actions").get_by_role(
        "button", name="Check my medicines"
    ).click()
    summary = page.locator(".app-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("Enter a medicine name")
    expect_partial_swap_or_new_page(page, js)
    expect(page).to_have_title("Error: Check your medicines – LDN Guide")
    if js:
        expect(summary).to_be_focused()
    summary.get_by_role("link").first.click()
    expect(page.get_by_label("Medicine 1", exact=True)).to_be_focused()
    expect(page.get_by_label("Medicine 1", exact=True)).to_have_attribute("aria-invalid", "true")


@JS_MODES
def test_blank_checklist_works_for_people_who_skip_the_checker(browsing, js):
    page = browsing.page(js=js)
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Blank checklist").click()
    main = page.locator("main")
    expect(main).to_contain_text("My medicines")
    expect(main).to_contain_text("Questions to ask")
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(pdf.pages) <= 2
    assert "My medicines" in pdf.pages[0].extract_text()


@pytest.mark.parametrize("status", [429, 500])
def test_a_failed_htmx_check_falls_back_to_the_ordinary_form_post(browsing, status):
    """If the enhanced request fails (too many checks, a server fault), the patient must not be
    left with a button that does nothing: the page sends the form the ordinary way."""
    page = browsing.page(js=True)
    # The browser and htmx both log the failed request.
    page.guard.allowed_console.append(re.compile(f"status of {status}|Error Code {status}"))
    page.guard.expected_server_errors = status >= 500

    def fail_htmx_only(route):
        if route.request.headers.get("hx-request"):
            route.fulfill(status=status, content_type="text/html", body="<p>Sorry</p>")
        else:
            route.fallback()

    page.route("**/check/", fail_htmx_only)
    page.goto("/check/")
    wait_for_htmx(page)
    page.get_by_label("Medicine 1", exact=True).fill("Norco 10/325")
    mark_document(page)
    page.locator(".app-check-form__actions").get_by_role(
        "button", name="Check my medicines"
    ).click()
    expect(page.get_by_role("heading", name="Your results")).to_be_visible()
    assert not still_same_document(page)
    expect(finding(page, "Norco 10/325")).to_contain_text("Do not take together")


def test_a_topic_page_prints_with_its_review_dates_and_without_the_navigation(browsing):
    page = browsing.page(js=False)
    page.goto("/learn/")
    page.locator("main a[href^='/learn/'][href$='/']:not([href='/learn/'])").first.click()
    title = page.locator("h1").inner_text()
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    # NFKC undoes the ligatures a PDF uses ("ﬀ" in "off-label").
    text = unicodedata.normalize("NFKC", " ".join(sheet.extract_text() for sheet in pdf.pages))
    text = " ".join(text.split())
    for words in (title, "Last reviewed", "Next review due", "off-label"):
        assert words in text, f"{words!r} missing from the printed page"
    assert "Skip to main content" not in text

"""Issue 13 in real Chromium, JavaScript on and off, at 375 and 1280 px: results a tired patient
can scan, a list entered the way people have it, and a page that is light on a slow phone.

A list pasted into one box becomes one entry a line; rows are added and removed in the page; the
results open with a summary naming every entry by level, each group is explained once, the
answer is the first thing on screen and screen readers hear one short line; "Clear my list"
asks first; the results and the checklist print as they should.
"""

from __future__ import annotations

import io
import re
import time
import unicodedata

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.browser.conftest import PHONE, WIDTHS, assert_no_axe_violations, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

JS_MODES = pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
SIZES = pytest.mark.parametrize("width", WIDTHS)

SIX_LINES = "Norco 10/325\n• ibuprofen 200 mg\n2. lisinopril\n\nwine\nasdfgh\nVitamin D\n"
SIX_ENTRIES = ["Norco 10/325", "ibuprofen 200 mg", "lisinopril", "wine", "asdfgh", "Vitamin D"]
# Ten medicines of the kinds patients list: four opioids among them, one answer "yes".
TEN = [
    "Norco 10/325",
    "oxycodon",
    "Advil 200 mg",
    "wine",
    "metformin 500 mg",
    "Vitamin D",
    "sertraline 50 mg",
    "Lomotil",
    "lisinopril 10 mg",
    "tramadol 50mg",
]
TEN_AVOID = ["Norco 10/325", "oxycodon", "Lomotil", "tramadol 50mg"]
LONG_NAMES = [
    "hydrocodone bitartrate and acetaminophen 10 mg/325 mg tablets",
    "oxycodone hydrochloride extended-release 20 mg tablets twice daily",
    "ibuprofen 800 mg tablets three times a day with food",
    "metformin hydrochloride extended-release 500 mg tablets",
    "lisinopril and hydrochlorothiazide 20 mg/12.5 mg tablets",
    "sertraline hydrochloride 100 mg tablets every morning",
    "gabapentin 300 mg capsules three times a day",
    "atorvastatin calcium 40 mg tablets at bedtime",
    "levothyroxine sodium 75 mcg tablets before breakfast",
    "tramadol hydrochloride and acetaminophen 37.5 mg/325 mg tablets",
    "cyclobenzaprine hydrochloride 10 mg tablets as needed",
    "omeprazole delayed-release 20 mg capsules",
    "promethazine with codeine cough syrup 5 mL at night",
    "vitamin D3 cholecalciferol 2000 IU softgels",
    "naproxen sodium 220 mg tablets as needed for pain",
]


# --- Helpers ------------------------------------------------------------------------------------


def boxes(page: Page):
    return page.locator("[name='medicine']")


def values(page: Page) -> list[str]:
    return boxes(page).evaluate_all("all => all.map(box => box.value)")


def wait_for_htmx(page: Page) -> None:
    """htmx arrives once the form is first used: focus a box and wait for it (polled from
    Python, since the CSP forbids the eval a string wait_for_function needs)."""
    page.locator("#medicine-1").focus()
    deadline = time.monotonic() + 10
    while not page.evaluate("() => !!window.htmx"):
        assert time.monotonic() < deadline, "htmx never loaded"
        page.wait_for_timeout(50)


def paste(page: Page, selector: str, text: str) -> None:
    """A real paste (Ctrl+V) of text from the clipboard into the box."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.evaluate("(text) => navigator.clipboard.writeText(text)", text)
    page.locator(selector).focus()
    page.keyboard.press("Control+V")


def enter_list(page: Page, entries: list[str], js: bool) -> None:
    """The list as a patient with a printout enters it: pasted into the first box."""
    page.goto("/check/")
    if js:
        wait_for_htmx(page)
        paste(page, "#medicine-1", "\n".join(entries))
        expect(boxes(page)).to_have_count(len(entries))
    else:
        # Without JavaScript the box is a textarea: the pasted lines stay lines.
        page.locator("#medicine-1").fill("\n".join(entries))


def press_check(page: Page) -> None:
    page.locator(".app-check-form__actions").get_by_role(
        "button", name="Check my medicines"
    ).click()
    expect(page.locator("#results-heading")).to_be_visible()
    page.wait_for_load_state("load")


def same_document_marker(page: Page) -> None:
    page.evaluate("window.__sameDocument = true")


def still_same_document(page: Page) -> bool:
    return page.evaluate("window.__sameDocument === true")


# --- Entering a list ----------------------------------------------------------------------------


@JS_MODES
@SIZES
def test_a_pasted_six_line_list_gives_six_entries(browsing, js, width):
    page = browsing.page(js=js, width=width)
    page.goto("/check/")
    if js:
        wait_for_htmx(page)
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        paste(page, "#medicine-1", SIX_LINES)
        # One row a line, bullets and numbers gone, in the page: no request.
        assert values(page) == SIX_ENTRIES
        assert requests == []
        expect(page.locator("[data-checker-list-status]")).to_have_text(
            "6 medicines added from your list, one on each line."
        )
    else:
        page.locator("#medicine-1").fill(SIX_LINES)
    press_check(page)
    expect(page.locator("#results")).to_contain_text("We checked 6 entries")
    summary = page.locator(".app-summary")
    for entry in SIX_ENTRIES:
        expect(summary.get_by_role("link", name=entry, exact=True)).to_have_count(1)
    page.locator(".app-list-panel__summary").click()
    assert [value for value in values(page) if value] == SIX_ENTRIES


@SIZES
def test_rows_are_added_and_removed_in_the_page_with_no_request(browsing, width):
    page = browsing.page(js=True, width=width)
    page.goto("/check/")
    wait_for_htmx(page)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.locator("#medicine-1").fill("Norco 10/325")
    page.get_by_role("button", name="Add another medicine").click()
    expect(page.get_by_label("Medicine 4", exact=True)).to_be_focused()
    page.keyboard.type("ibuprofen")
    page.get_by_role("button", name="Remove medicine 2").click()
    expect(page.get_by_label("Medicine 2", exact=True)).to_be_focused()
    assert values(page) == ["Norco 10/325", "", "ibuprofen"]
    # Down to one empty row: it has no Remove button; typing in it brings one back.
    for _ in range(3):
        page.locator(".app-med-row__remove:visible").first.click()
    expect(boxes(page)).to_have_count(1)
    expect(page.locator(".app-med-row__remove")).to_be_hidden()
    page.locator("#medicine-1").fill("wine")
    expect(page.get_by_role("button", name="Remove medicine 1")).to_be_visible()
    assert requests == [], f"rows changed by request: {requests}"


@SIZES
def test_without_javascript_rows_are_added_by_the_form_and_a_lone_empty_row_has_no_remove(
    browsing, width
):
    page = browsing.page(js=False, width=width)
    page.goto("/check/")
    page.locator("#medicine-1").fill("Norco 10/325")
    page.get_by_role("button", name="Add another medicine").click()
    expect(boxes(page)).to_have_count(4)
    expect(page.get_by_label("Medicine 4", exact=True)).to_be_focused()
    for _ in range(3):
        page.locator(".app-med-row__remove:visible").first.click()
    expect(boxes(page)).to_have_count(1)
    expect(page.locator(".app-med-row__remove")).to_be_hidden()


@SIZES
def test_enter_goes_to_the_next_row_and_checks_after_an_empty_one(browsing, width):
    page = browsing.page(js=True, width=width)
    page.goto("/check/")
    wait_for_htmx(page)
    page.locator("#medicine-1").focus()
    for entry in ("Norco 10/325", "ibuprofen", "wine", "Vitamin D"):
        page.keyboard.type(entry)
        page.keyboard.press("Enter")  # a phone's Next key: the next row, a new one at the end
    expect(page.get_by_label("Medicine 5", exact=True)).to_be_focused()
    assert values(page) == ["Norco 10/325", "ibuprofen", "wine", "Vitamin D", ""]
    expect(page.locator("#results")).not_to_contain_text("Your results")
    same_document_marker(page)
    page.keyboard.press("Enter")  # Enter in the empty row: the list is done, check it
    expect(page.locator("#results-heading")).to_be_focused()
    assert still_same_document(page)
    expect(page.locator("#results")).to_contain_text("We checked 4 entries")


def test_without_javascript_enter_starts_a_new_line_and_each_line_is_checked(browsing):
    page = browsing.page(js=False)
    page.goto("/check/")
    page.locator("#medicine-1").focus()
    page.keyboard.type("Norco 10/325")
    page.keyboard.press("Enter")
    page.keyboard.type("ibuprofen")
    expect(page.locator("#results")).not_to_contain_text("Your results")
    press_check(page)
    expect(page.locator("#results")).to_contain_text("We checked 2 entries")


def test_name_suggestions_load_only_once_someone_types(browsing):
    page = browsing.page(js=True)
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto("/check/", wait_until="networkidle")
    assert not [url for url in asked if "names.txt" in url]
    assert page.locator("#medicine-names option").count() == 0
    page.locator("#medicine-1").focus()
    expect(page.locator("#medicine-names option[value='Lisinopril' i]")).to_have_count(1)
    assert page.locator("#medicine-names option").count() > 1000
    assert len([url for url in asked if "names.txt" in url]) == 1
    expect(page.get_by_role("combobox", name="Medicine 1", exact=True)).to_have_attribute(
        "list", "medicine-names"
    )


# --- The results: summary first, once per group, on the first screen ---------------------------


@JS_MODES
@SIZES
def test_ten_medicines_summary_first_and_short(browsing, js, width):
    page = browsing.page(js=js, width=width)
    enter_list(page, TEN, js)
    page.locator("#q-alcohol-yes").check()
    press_check(page)
    assert page.title().startswith("Your results – ")

    # Every "Do not take together" entry is named within the first screen of the results, and
    # without JavaScript the results are the first thing on screen after posting.
    heading = page.locator("#results-heading").bounding_box()
    viewport = page.viewport_size["height"]
    if not js:
        assert page.evaluate("scrollY") == 0 and heading["y"] < viewport / 2
    avoid = page.locator(".app-summary__level--avoid")
    for entry in TEN_AVOID:
        link = avoid.get_by_role("link", name=entry, exact=True)
        box = link.bounding_box()
        assert box["y"] + box["height"] - heading["y"] <= viewport, entry
    # The answer that raised a level is listed at it.
    expect(page.locator(".app-summary__level--caution")).to_contain_text("Do you drink alcohol?")

    # Each group explained once, naming its entries; the levels' order is the summary's.
    expect(page.locator("#about-opioid")).to_have_count(1)
    for entry in TEN_AVOID:
        expect(page.locator("#about-opioid")).to_contain_text(entry)
    assert page.locator("#results").inner_text().count("LDN blocks opioids") == 1
    summary_levels = page.locator(".app-summary__level").evaluate_all(
        "all => all.map(li => li.className.match(/--(\\w+)/)[1])"
    )
    section_levels = page.locator("section.app-level").evaluate_all(
        "all => all.map(s => s.className.match(/--(\\w+)/)[1])"
    )
    assert summary_levels == section_levels == ["avoid", "caution", "none"]

    # A jump link lands on the entry's own line.
    page.locator(".app-summary").get_by_role("link", name="Lomotil", exact=True).click()
    expect(page.locator("#about-opioid")).to_contain_text("You typed Lomotil")
    assert page.evaluate("location.hash").startswith("#result-")

    height = page.evaluate("document.documentElement.scrollHeight")
    words = len(page.locator("#results").inner_text().split())
    if width == PHONE:
        assert height <= 6000, f"{height} px tall at {width} px"
    assert words <= 700, f"{words} words of results in view"
    page.evaluate("scrollTo(0, 0)")
    screenshot(page, "results ten medicines")


@JS_MODES
def test_longer_details_open_on_demand_and_the_legend_explains_each_level(browsing, js):
    page = browsing.page(js=js)
    enter_list(page, TEN, js)
    press_check(page)
    nsaid = page.locator("#about-nsaid")
    expect(nsaid.get_by_text("What could happen:")).to_be_hidden()
    nsaid.locator("summary").click()
    expect(nsaid.get_by_text("What could happen:")).to_be_visible()
    expect(nsaid).to_contain_text("Where this comes from")
    legend = page.locator(".app-legend")
    legend.locator("summary").click()
    for words in ("Do not take together", "Not recognised", "No known interaction in our list"):
        expect(legend).to_contain_text(words)


def test_screen_readers_get_one_short_announcement_and_focus_moves_once(browsing):
    page = browsing.page(js=True)
    enter_list(page, TEN, js=True)
    page.evaluate(
        """() => {
        window.__focusMoves = [];
        document.addEventListener("focusin", (e) => window.__focusMoves.push(e.target.id || e.target.tagName));
        window.__announced = [];
        new MutationObserver(() => {
          for (const region of document.querySelectorAll("[aria-live], [role=status], [role=alert]")) {
            const text = region.textContent.trim();
            if (text && !window.__announced.includes(text)) window.__announced.push(text);
          }
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
    }"""
    )
    check = page.locator(".app-check-form__actions").get_by_role(
        "button", name="Check my medicines"
    )
    check.focus()
    page.evaluate("window.__focusMoves = []")
    check.press("Enter")
    expect(page.locator("#results-heading")).to_be_focused()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__focusMoves") == ["results-heading"]
    # No live results block: one short line, the counts.
    assert page.locator("#results[aria-live]").count() == 0
    announced = page.evaluate("window.__announced")
    assert announced == [
        "Your results: 4 to avoid, 2 to ask about, 4 with no known interaction."
    ], announced


@JS_MODES
def test_the_error_summary_opens_the_page_outside_the_results(browsing, js):
    page = browsing.page(js=js)
    page.goto("/check/")
    if js:
        wait_for_htmx(page)
    page.locator(".app-check-form__actions").get_by_role(
        "button", name="Check my medicines"
    ).click()
    summary = page.locator("#error-summary .app-error-summary")
    expect(summary).to_contain_text("Enter a medicine name")
    assert page.locator("#results .app-error-summary").count() == 0
    assert summary.locator("[role=alert]").count() == 1
    assert page.title().startswith("Error: ")
    # It comes before the page heading, GOV.UK's way.
    assert summary.bounding_box()["y"] < page.locator("h1").bounding_box()["y"]
    if js:
        expect(summary).to_be_focused()


# --- Busy, clear, and which checklist ----------------------------------------------------------


def test_a_check_on_its_way_shows_a_busy_state(browsing):
    page = browsing.page(js=True)
    page.goto("/check/")
    wait_for_htmx(page)
    page.locator("#medicine-1").fill("Norco 10/325")
    held = []

    def hold_htmx(route):
        if route.request.headers.get("hx-request"):
            held.append(route)
        else:
            route.fallback()

    page.route("**/check/", hold_htmx)
    page.locator(".app-check-form__actions").get_by_role(
        "button", name="Check my medicines"
    ).click()
    deadline = time.monotonic() + 5
    while not held:
        assert time.monotonic() < deadline
        page.wait_for_timeout(20)
    expect(page.locator("#results")).to_have_attribute("aria-busy", "true")
    expect(page.get_by_text("Checking your medicines…")).to_be_visible()
    held[0].continue_()
    expect(page.locator("#results-heading")).to_be_visible()
    expect(page.locator("#results")).not_to_have_attribute("aria-busy", "true")
    expect(page.get_by_text("Checking your medicines…")).to_be_hidden()


@JS_MODES
@SIZES
def test_clear_my_list_asks_first_and_sits_apart_from_make_my_checklist(browsing, js, width):
    page = browsing.page(js=js, width=width)
    page.goto("/check/")
    if js:
        wait_for_htmx(page)
    page.locator("#medicine-1").fill("Norco 10/325")
    page.locator("#q-alcohol-yes").check()
    checklist = page.locator(".app-check-form__actions").get_by_role(
        "button", name="Make my checklist"
    )
    clear = page.locator(".app-clear__summary")
    gap = clear.bounding_box()["y"] - (
        checklist.bounding_box()["y"] + checklist.bounding_box()["height"]
    )
    assert gap >= 40, f"'Clear my list' is {gap:.0f} px from 'Make my checklist'"
    clear.click()  # only asks
    expect(page.locator("#medicine-1")).to_have_value("Norco 10/325")
    expect(page.locator(".app-clear__confirm")).to_contain_text("You cannot get them back")
    page.get_by_role("button", name="Yes, clear my list").click()
    expect(page.locator("#medicine-1")).to_have_value("")
    expect(page.locator("#q-alcohol-yes")).not_to_be_checked()
    expect(page.locator("#medicine-1")).to_be_focused()


def test_the_checklist_links_say_which_is_blank_and_which_is_filled(browsing):
    page = browsing.page(js=False)
    page.goto("/")
    page.locator("main").get_by_role("link", name="Print a blank checklist").click()
    expect(page.locator("main")).to_contain_text("This checklist is blank")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Blank checklist").click()
    expect(page.locator("main")).to_contain_text("This checklist is blank")
    page.goto("/check/")
    page.locator("#medicine-1").fill("Norco 10/325")
    page.get_by_role("button", name="Make my checklist from this list").first.click()
    expect(page.locator("main")).to_contain_text("Norco 10/325")
    expect(page.locator("main")).not_to_contain_text("This checklist is blank")


# --- Accessibility in every state ---------------------------------------------------------------


@JS_MODES
@SIZES
def test_results_have_no_wcag_violations_with_every_detail_open(browsing, js, width):
    page = browsing.page(for_axe=True, js=js, width=width)
    enter_list(page, [*TEN, "asdfgh", "diazepam"], js)
    for answer in ("alcohol", "recent_opioids"):
        page.locator(f"#q-{answer}-yes").check()
    press_check(page)
    assert_no_axe_violations(page, f"results, details closed, {width}px")
    for summary in page.locator("#results details > summary, .app-list-panel > summary").all():
        summary.click()
    page.locator(".app-clear__summary").click()
    expect(page.locator(".app-finding__more[open]")).not_to_have_count(0)
    screenshot(page, "results every detail open")
    assert_no_axe_violations(page, f"results, every detail open, {width}px")


# --- Print --------------------------------------------------------------------------------------


def printed_pages(page: Page, paper: str) -> list[str]:
    pdf = PdfReader(io.BytesIO(page.pdf(format=paper)))
    return [unicodedata.normalize("NFKC", sheet.extract_text()) for sheet in pdf.pages]


def bottom_lines(page: Page, paper: str) -> list[str]:
    """The lowest line of text on each printed page (by its place on the paper, not the order
    the PDF happens to store its text in)."""
    pdf = PdfReader(io.BytesIO(page.pdf(format=paper)))
    found = []
    for sheet in pdf.pages:
        pieces: list[tuple[float, str]] = []

        def keep(text, cm, tm, _font, _size, pieces=pieces):
            if text.strip():
                # Where the text sits on the paper: its matrix times the page's (PDF y runs up).
                pieces.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text))

        sheet.extract_text(visitor_text=keep)
        lowest = min(y for y, _ in pieces)
        line = " ".join(text.strip() for y, text in pieces if abs(y - lowest) < 3)
        found.append(" ".join(unicodedata.normalize("NFKC", line).split()))
    return found


@JS_MODES
def test_results_print_open_with_no_heading_left_at_a_page_foot(browsing, js):
    page = browsing.page(js=js)
    enter_list(page, TEN, js)
    page.locator("#q-alcohol-yes").check()
    press_check(page)
    headings = [
        " ".join(text.split())
        for text in page.locator("#results h2, #results h3, #results h4").all_inner_texts()
    ]
    page.emulate_media(media="print")
    for paper in ("A4", "Letter"):
        pages = printed_pages(page, paper)
        text = " ".join(" ".join(pages).split())
        # Folded details print open: the NSAID group's "what could happen" and its sources.
        assert "Some drug guides list these painkillers" in text, paper
        assert "Where this comes from" in text
        assert "Yes, clear my list" not in text and "Add another medicine" not in text
        for number, last in enumerate(bottom_lines(page, paper)[:-1], start=1):
            assert not any(last and (last in h or h in last) for h in headings if h), (
                f"{paper} page {number} ends with a heading: {last!r}"
            )
        most = {"A4": 3, "Letter": 4}[paper]  # Letter is 18 mm shorter: the footer moves over
        assert len(pages) <= most, f"ten medicines print on {len(pages)} {paper} pages"


def test_the_checklist_with_fifteen_long_names_prints_on_two_pages(browsing):
    page = browsing.page(js=False)
    page.goto("/check/")
    page.locator("#medicine-1").fill("\n".join(LONG_NAMES))
    page.locator("#q-alcohol-yes").check()
    page.locator(".app-check-form__actions").get_by_role("button", name="Make my checklist").click()
    expect(page.locator("main")).to_contain_text("My medicines")
    # The urgent box's heading (its words come from clinical/data/urgent_help.yaml).
    urgent_heading = " ".join(page.locator("#urgent-heading").inner_text().split())
    urgent_heading = urgent_heading.removeprefix("Urgent advice: ")
    page.emulate_media(media="print")
    for paper in ("Letter", "A4"):
        pages = printed_pages(page, paper)
        text = " ".join(" ".join(pages).split())
        assert len(pages) <= 2, f"{len(pages)} {paper} pages"
        for name in LONG_NAMES:
            assert re.sub(r"\s+", " ", name) in text, f"{name!r} missing on {paper}"
        assert urgent_heading in text and "Sources" in text

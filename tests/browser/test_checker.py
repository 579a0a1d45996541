"""The checker page in real Chromium: what only a browser can show. Enter in a field moves to
the next row and, in an empty row, checks (it never presses a Remove button); htmx swaps
results in place without a page load; typing sends nothing the patient typed; and the page
runs under the strict CSP without a single violation.

Moved here from tests/checker/test_browser.py: the same checks, now on the suite's one shared
browser and live server, in guarded pages (conftest.py), and with every console message (not
only errors) still counted as a problem, as before."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def open_checker(browsing, *, js=True):
    page = browsing.page(js=js)  # a phone, 375 x 800
    page.problems = []
    page.on("console", lambda message: page.problems.append(message.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    # Wait until the page and everything it loads (styles, scripts, icon) have arrived.
    page.goto("/check/", wait_until="networkidle")
    return page


def field_values(page):
    return page.locator("[name=medicine]").evaluate_all("fields => fields.map(f => f.value)")


def wait_for_htmx(page):
    """htmx is fetched once the form is first used (polled: the CSP forbids eval)."""
    page.focus("#medicine-1")
    for _ in range(200):
        if page.evaluate("() => !!window.htmx"):
            return
        page.wait_for_timeout(50)
    raise AssertionError("htmx never loaded")


def test_enter_moves_on_then_checks_the_list_with_htmx_and_focuses_the_results(browsing):
    page = open_checker(browsing)
    wait_for_htmx(page)
    page.evaluate("window.stillTheSamePage = true")
    page.fill("#medicine-1", "Norco 10/325")
    page.fill("#medicine-2", "advil")
    page.press("#medicine-2", "Enter")  # to the next row, which is empty
    assert page.evaluate("document.activeElement.id") == "medicine-3"
    page.keyboard.press("Enter")  # in the empty row: check
    page.wait_for_selector("#results-heading")
    results = page.locator("#results").inner_text()
    assert "Do not take together" in results and "Norco 10/325" in results
    assert "Ask your doctor first" in results and "advil" in results
    assert "When to get help now" in results
    assert page.evaluate("window.stillTheSamePage") is True  # swapped in place, no page load
    assert page.evaluate("document.activeElement.id") == "results-heading"
    assert field_values(page) == ["Norco 10/325", "advil", ""]
    assert page.problems == []


def test_a_patient_already_typing_when_the_script_arrives_stays_in_the_box(browsing):
    # On a slow phone the patient may tap the first box and start typing before checker.js
    # has arrived. When it turns the box into a one-line field, they must still be in it,
    # with what they typed and the cursor at its end, and the suggestions must still come.
    page = browsing.page()
    held = []
    page.route("**/static/js/checker.js*", lambda route: held.append(route))
    page.goto("/check/", wait_until="commit")
    page.wait_for_selector("textarea#medicine-1")
    page.focus("#medicine-1")
    page.keyboard.type("Lisin")
    for _ in range(100):  # the script's request is held until now
        if held:
            break
        page.wait_for_timeout(50)
    held[0].continue_()
    field = page.locator("input#medicine-1")
    expect(field).to_be_focused()
    page.keyboard.type("opril")
    expect(field).to_have_value("Lisinopril")
    expect(page.locator("#medicine-names option[value^='Lisinopril' i]").first).to_be_attached()


def test_add_and_remove_rows_in_the_page_keep_what_was_typed(browsing):
    page = open_checker(browsing)
    page.fill("#medicine-1", "first")
    page.fill("#medicine-2", "second")
    page.get_by_role("button", name="Add another medicine").click()
    page.wait_for_selector("#medicine-4")
    assert page.evaluate("document.activeElement.id") == "medicine-4"
    page.get_by_role("button", name="Remove medicine 1").click()
    expect(page.locator("[name=medicine]")).to_have_count(3)
    assert field_values(page) == ["second", "", ""]
    assert page.problems == []


def test_an_empty_check_with_htmx_shows_the_error_summary_and_error_title(browsing):
    page = open_checker(browsing)
    wait_for_htmx(page)
    page.get_by_role("button", name="Check my medicines", exact=True).last.click()
    page.wait_for_selector(".app-error-summary")
    assert page.title().startswith("Error: ")
    assert page.evaluate("document.activeElement.className") == "app-error-summary"
    assert page.problems == []


def test_typing_a_name_sends_nothing_that_was_typed(browsing):
    page = open_checker(browsing)
    requests = []
    page.on("request", lambda request: requests.append(request))
    page.type("#medicine-1", "oxycodone 5mg", delay=20)
    page.wait_for_timeout(300)
    # Starting to type fetches the same two files for everyone (the suggestions and htmx),
    # with nothing typed in their address or body.
    paths = sorted(
        request.url.removeprefix(browsing.base_url).split("?")[0] for request in requests
    )
    assert paths == ["/check/names.txt", "/static/django_htmx/htmx-2.min.js"]
    for request in requests:
        assert "oxycodone" not in request.url and request.method == "GET"


def test_enter_in_a_field_starts_a_new_line_with_javascript_off(browsing):
    page = open_checker(browsing, js=False)
    page.fill("#medicine-1", "percs")
    page.fill("#medicine-2", "ibuprofen")
    page.press("#medicine-1", "End")
    page.press("#medicine-1", "Enter")  # a new line in the box: nothing is sent yet
    page.keyboard.type("wine")
    assert page.locator("#results-heading").count() == 0
    page.locator(".app-check-form__actions button[value=check]").click()
    page.wait_for_selector("#results-heading")
    page.locator(".app-list-panel__summary").click()
    assert field_values(page) == ["percs", "wine", "ibuprofen", ""]  # each line its own entry
    assert "Do not take together" in page.locator("#results").inner_text()
    assert page.url == browsing.base_url + "/check/"


def test_make_my_checklist_carries_the_list_by_post_not_in_the_address(browsing):
    page = open_checker(browsing)
    page.fill("#medicine-1", "Norco 10/325")
    page.get_by_role("button", name="Make my checklist").first.click()
    page.wait_for_url(browsing.base_url + "/checklist/")
    assert "Norco 10/325" in page.content()
    assert page.url == browsing.base_url + "/checklist/"

"""Issue 11 in real Chromium, JavaScript on and off: a guess asks "Did you mean ...?" and one
press answers it (the row then says the name, and the check runs again); a typo as close to
two names asks which; each product typed in one box shows as its own entry."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.browser.test_journeys import (
    JS_MODES,
    expect_partial_swap_or_new_page,
    finding,
    mark_document,
    medicine_values,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def check(page, entries):
    page.goto("/check/")
    for number, entry in enumerate(entries, start=1):
        page.get_by_label(f"Medicine {number}", exact=True).fill(entry)
    page.locator(".app-check-form__actions").get_by_role(
        "button", name="Check my medicines"
    ).click()
    expect(page.locator("#results-heading")).to_be_visible()


def level_section(page, words):
    return page.locator(".app-level", has=page.locator(".app-level__heading", has_text=words))


@JS_MODES
def test_patient_answers_did_you_mean_with_one_press(browsing, js):
    page = browsing.page(js=js)
    check(page, ["Norco 10/325, metformin", "lisinipril"])
    unknown = level_section(page, "Not recognised")
    expect(unknown).to_contain_text("Did you mean lisinopril?")
    expect(level_section(page, "No known interaction")).not_to_contain_text("lisinipril")
    # Each product of the first box is its own entry, at its own level.
    expect(level_section(page, "Do not take together")).to_contain_text("Norco 10/325")
    expect(level_section(page, "No known interaction")).to_contain_text("metformin")
    expect(page.locator(".app-entry__from")).to_have_count(2)
    screenshot(page, f"checker did you mean ({'js' if js else 'nojs'})")

    mark_document(page)
    finding(page, "lisinipril").get_by_role("button", name="Yes, I mean lisinopril").click()
    expect(page.locator("#results")).not_to_contain_text("Did you mean")
    expect_partial_swap_or_new_page(page, js)
    assert medicine_values(page)[:2] == ["Norco 10/325, metformin", "lisinopril"]
    expect(level_section(page, "No known interaction")).to_contain_text("lisinopril")
    assert page.url.endswith("/check/")  # nothing typed goes into the address


@JS_MODES
def test_patient_picks_one_of_two_names_a_typo_is_close_to(browsing, js):
    page = browsing.page(js=js)
    check(page, ["Demoral"])
    entry = finding(page, "Demoral")
    expect(entry).to_contain_text("Which do you mean?")
    expect(level_section(page, "Do not take together")).to_contain_text("Demoral")
    entry.get_by_role("button", name="I mean Demerol: meperidine (an opioid)").click()
    expect(page.locator("#results")).not_to_contain_text("Which do you mean?")
    assert medicine_values(page)[0] == "Demerol"
    expect(level_section(page, "Do not take together")).to_contain_text("Demerol")


@JS_MODES
def test_patient_who_takes_t3_for_the_thyroid_says_so_with_one_press(browsing, js):
    page = browsing.page(js=js)
    check(page, ["T3", "metformin"])
    entry = finding(page, "T3")
    expect(entry).to_contain_text("This name can mean liothyronine or acetaminophen + codeine")
    expect(entry).to_contain_text("Which do you take?")
    expect(level_section(page, "Do not take together")).to_contain_text("T3")
    mark_document(page)
    entry.get_by_role("button", name="I mean liothyronine").click()
    expect(page.locator("#results")).not_to_contain_text("Which do you take?")
    expect_partial_swap_or_new_page(page, js)
    assert medicine_values(page)[:2] == ["liothyronine", "metformin"]
    expect(level_section(page, "No known interaction")).to_contain_text("liothyronine")
    expect(level_section(page, "Do not take together")).to_have_count(0)


@JS_MODES
def test_patient_with_movantik_and_narcan_reads_the_blocker_words(browsing, js):
    page = browsing.page(js=js)
    check(page, ["Movantik", "Narcan"])
    caution = level_section(page, "Ask your doctor first")
    expect(caution).to_contain_text("Movantik")
    expect(caution).to_contain_text("not to use it with another opioid blocker")
    info = level_section(page, "Tell your doctor")
    expect(info).to_contain_text("Keep carrying naloxone: it still works in an overdose")
    expect(level_section(page, "No known interaction")).to_have_count(0)

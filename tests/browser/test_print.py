"""A real print: Chromium renders the checklist to PDF on US Letter and A4, and the printed text
is read back. Ten medicines must fit on two pages, each one and the opioid warning printed.

Moved here from tests/checklist/test_print.py: the same prints, on the suite's one shared
browser and live server (conftest.py), in guarded pages."""

import html

import pytest
from pypdf import PdfReader

from checker.models import Name
from tests.browser.conftest import DESKTOP

TEN_MEDICINES = [
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
# The hardest list for the page: every entry an opioid with a long name, every answer "yes".
TEN_OPIOIDS = [
    "Percocet 10/325 mg every 6 hours",
    "Tylenol with codeine #3",
    "Suboxone film 8/2",
    "promethazine with codeine syrup",
    "Lomotil 2.5 mg",
    "Vicoprofen",
    "fentanyl patch 25 mcg",
    "kratom capsules",
    "Imodium A-D",
    "Nurofen Plus",
]
EVERY_ANSWER_YES = {
    slug: "yes"
    for slug in ["alcohol", "recent_opioids", "withdrawal_now", "liver", "oud_treatment", "allergy"]
}
PAPER_SIZES = ["Letter", "A4"]

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def printed(page, tmp_path, paper: str) -> tuple[int, str]:
    """Print the page as the browser's print would, and read back its pages and words."""
    path = tmp_path / f"checklist-{paper}.pdf"
    page.pdf(path=str(path), format=paper)
    reader = PdfReader(path)
    words = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    return len(reader.pages), words


def post_from_the_site(page, base_url: str, medicines, answers: dict[str, str]) -> None:
    """Post the checker's fields to the checklist from a page on the site, with its CSRF token."""
    page.goto(f"{base_url}/check/")
    token = page.locator("input[name=csrfmiddlewaretoken]").first.get_attribute("value")
    fields = [("csrfmiddlewaretoken", token)]
    fields += [("medicine", medicine) for medicine in medicines]
    fields += [(f"q-{slug}", answer) for slug, answer in answers.items()]
    inputs = "".join(
        f'<input type="hidden" name="{name}" value="{html.escape(value)}">'
        for name, value in fields
    )
    page.set_content(
        f'<form method="post" action="{base_url}/checklist/">{inputs}'
        "<button>Make my checklist</button></form>"
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Make my checklist").click()


@pytest.mark.parametrize(
    ("medicines", "answers"),
    [
        (TEN_MEDICINES, {"alcohol": "yes", "liver": "no"}),
        (TEN_OPIOIDS, EVERY_ANSWER_YES),
    ],
    ids=["mixed", "ten-opioids-every-answer-yes"],
)
def test_ten_medicines_print_on_two_pages_of_letter_and_a4(browsing, tmp_path, medicines, answers):
    assert Name.objects.exists(), "the checker's names must be loaded for this test"
    page = browsing.page(width=DESKTOP)
    post_from_the_site(page, browsing.base_url, medicines, answers)
    assert page.get_by_role("heading", name="My medicines").is_visible()

    for paper in PAPER_SIZES:
        pages, words = printed(page, tmp_path, paper)
        assert pages <= 2, f"{pages} pages on {paper}"
        for medicine in medicines:
            assert medicine in words, f"{medicine} missing on {paper}"
        assert "Opioid warning" in words
        assert "Do not take together" in words
        assert "When to get help now" in words
        # No site navigation, buttons or footer links on paper.
        assert "Print this checklist" not in words
        assert "Check my medicines" not in words
        assert "Skip to main content" not in words


def test_blank_checklist_prints_on_two_pages_without_the_site_around_it(browsing, tmp_path):
    page = browsing.page(width=DESKTOP)
    page.goto("/checklist/")
    for paper in PAPER_SIZES:
        pages, words = printed(page, tmp_path, paper)
        assert pages <= 2, f"{pages} pages on {paper}"
        assert "Medicine name (as on the label)" in words
        assert "Questions to ask about LDN" in words
        assert "drugcentral.org/label/" in words  # sources print their addresses
        assert "Opioid warning" not in words
        assert "Privacy: nothing you type is kept" not in words


def test_eight_medicines_from_the_checker_page_print_on_two_pages(browsing, tmp_path):
    """The journey a patient takes, with JavaScript off: the checker form, "Add another
    medicine" until there are eight rows, then "Make my checklist", then print."""
    medicines = TEN_MEDICINES[:8]
    page = browsing.page(js=False, width=DESKTOP)
    page.goto("/check/")
    while page.locator("[name=medicine]").count() < len(medicines):
        with page.expect_navigation():
            page.get_by_role("button", name="Add another medicine").click()
    for field, medicine in zip(page.locator("[name=medicine]").all(), medicines, strict=True):
        field.fill(medicine)
    with page.expect_navigation():
        page.get_by_role("button", name="Make my checklist").first.click()
    assert page.url == f"{browsing.base_url}/checklist/"  # the list never goes into the address

    for paper in PAPER_SIZES:
        pages, words = printed(page, tmp_path, paper)
        assert pages <= 2, f"{pages} pages on {paper}"
        for medicine in medicines:
            assert medicine in words, f"{medicine} missing on {paper}"
        assert "Opioid warning" in words


CLINIC = {
    "name": "Riverside Family Practice",
    "phone": "+44 20 7946 0000",
    "call_us_if": "Call us if you have a new side effect or are not sure about a medicine.",
}


def show_as_the_site_would(page, base_url: str, html: str) -> None:
    """Put a page rendered in this test's transaction (the live server cannot read rows the
    test has not committed) into the browser, at the site's address so its styles load."""
    page.goto(f"{base_url}/privacy/")
    page.set_content(html, wait_until="load")


@pytest.mark.parametrize(
    ("medicines", "answers"),
    [(TEN_MEDICINES, {"alcohol": "yes"}), (TEN_OPIOIDS, EVERY_ANSWER_YES)],
    ids=["mixed", "ten-opioids-every-answer-yes"],
)
def test_the_clinic_s_name_phone_and_call_us_line_print_and_still_fit_two_pages(
    browsing, client, tmp_path, medicines, answers
):
    from clinical.models import ClinicSettings

    ClinicSettings(**CLINIC).save()
    fields = {"medicine": medicines, **{f"q-{slug}": a for slug, a in answers.items()}}
    html = client.post("/checklist/", fields).content.decode()
    page = browsing.page(width=DESKTOP)
    show_as_the_site_would(page, browsing.base_url, html)
    for paper in PAPER_SIZES:
        pages, words = printed(page, tmp_path, paper)
        assert pages <= 2, f"{pages} pages on {paper}"
        assert "Riverside Family Practice · Phone +44 20 7946 0000" in words
        assert "Call 911 or go to the nearest emergency room." in words
        for medicine in medicines:
            assert medicine in words, f"{medicine} missing on {paper}"


def test_the_blank_checklist_prints_the_clinic_too(browsing, client, tmp_path):
    from clinical.models import ClinicSettings

    ClinicSettings(**CLINIC).save()
    page = browsing.page(width=DESKTOP)
    show_as_the_site_would(page, browsing.base_url, client.get("/checklist/").content.decode())
    for paper in PAPER_SIZES:
        pages, words = printed(page, tmp_path, paper)
        assert pages <= 2, f"{pages} pages on {paper}"
        assert "Riverside Family Practice · Phone +44 20 7946 0000" in words

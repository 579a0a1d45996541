"""The clinic's details (Clinic settings) and the "Taking LDN" page in Chromium: axe finds no
WCAG A/AA violation at phone and desktop width, and each state is saved as a screenshot in
test-artifacts/screenshots/ for a person to look at.

The pages are rendered in this test's transaction (the live server cannot read rows a test has
not committed) and shown at the site's address, so the site's own styles load."""

import html
import re

import pytest

from tests.browser.conftest import WIDTHS, assert_no_axe_violations, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

CLINIC = {
    "name": "Riverside Family Practice",
    "phone": "+44 20 7946 0000",
    "phone_out_of_hours": "020 7946 0999",
    "hours": "Monday to Friday, 8am to 6pm\nSaturday, 9am to noon",
    "address": "12 River Road\nLondon E1 1AA",
    "call_us_if": "Call us if you have a new side effect or are not sure about a medicine.",
    "stop_before_surgery_days": 3,
    "restart_plan": "Start again at your old dose once you no longer need opioid painkillers.",
}


def show(browsing, width: int, rendered: str):
    page = browsing.page(for_axe=True, width=width)
    page.goto(f"{browsing.base_url}/privacy/")
    page.set_content(rendered, wait_until="load")
    return page


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("region", ["us", "uk"])
@pytest.mark.parametrize(
    ("name", "request_of"),
    [
        ("home", lambda client: client.get("/")),
        ("taking ldn", lambda client: client.get("/learn/taking-ldn/")),
        ("checker opioid", lambda client: client.post("/check/", {"medicine": ["Norco 10/325"]})),
        (
            "checklist filled",
            lambda client: client.post("/checklist/", {"medicine": ["co-codamol 30/500"]}),
        ),
    ],
    ids=["home", "taking-ldn", "checker-opioid", "checklist-filled"],
)
def test_clinic_pages_have_no_wcag_violations(
    browsing, client, settings, width, region, name, request_of
):
    from clinical.models import ClinicSettings

    settings.CLINIC_REGION = region
    ClinicSettings(**CLINIC).save()
    rendered = request_of(client).content.decode()
    page = show(browsing, width, rendered)
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page.content())).split())
    assert "Riverside Family Practice" in text
    assert ("Call 999" if region == "uk" else "Call 911") in text
    screenshot(page, f"clinic {name} {region}")
    assert_no_axe_violations(page, f"{name} ({region}) with the clinic set at {width}px")

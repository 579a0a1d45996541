"""The clinic's own details (Clinic settings, edited in the admin): its name, logo, colour,
phone numbers, hours, address and "Call us if …" line on every page, the checker's results and
the printed checklist. A detail not set is not shown; a placeholder or a colour the header's
white words cannot be read on is refused."""

import html
import re

import pytest

from clinical.models import ClinicSettings
from education.models import Topic

pytestmark = pytest.mark.django_db

CLINIC = {
    "name": "Riverside Family Practice",
    "phone": "+44 20 7946 0000",
    "phone_out_of_hours": "020 7946 0999",
    "hours": "Monday to Friday, 8am to 6pm\nSaturday, 9am to noon",
    "address": "12 River Road\nLondon E1 1AA",
    "call_us_if": "Call us if you have a new side effect or are not sure about a medicine.",
}
# Words that mean a value was never filled in, or a template that printed nothing useful.
PLACEHOLDER_ON_A_PAGE = re.compile(
    r"set by (?:your|the) clinic|placeholder|lorem ipsum|\b(?:TODO|TBC|TBD|XXX|None|N/A)\b"
    r"|\{\{|\{%|your clinic here",
    re.IGNORECASE,
)
PNG = (  # a 1 x 1 PNG
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
    b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x9a\xa0\xa1\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


def patient_pages() -> list[str]:
    slugs = Topic.objects.filter(status=Topic.Status.PUBLISHED).values_list("slug", flat=True)
    return ["/", "/learn/", "/check/", "/checklist/", "/sources/", "/privacy/"] + [
        f"/learn/{slug}/" for slug in slugs
    ]


def text_of(response) -> str:
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def set_clinic(**fields) -> ClinicSettings:
    clinic = ClinicSettings(**{**CLINIC, **fields})
    clinic.full_clean()
    clinic.save()
    return clinic


def test_every_page_shows_the_clinic_s_name_and_contact_details(client):
    set_clinic()
    pages = patient_pages()
    assert len(pages) >= 15
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        page = response.content.decode()
        text = text_of(response)
        header = page.split('class="app-header"', 1)[1].split("</header>", 1)[0]
        assert "Riverside Family Practice" in header, path
        assert "Riverside Family Practice" in page.split("<title>", 1)[1].split("</title>")[0]
        assert '<a href="tel:+442079460000">+44 20 7946 0000</a>' in page, path
        assert '<a href="tel:02079460999">020 7946 0999</a>' in page, path
        assert "Opening hours: Monday to Friday, 8am to 6pm Saturday, 9am to noon" in text, path
        assert "12 River Road London E1 1AA" in text, path


def test_with_nothing_set_no_clinic_detail_and_no_placeholder_is_shown(client):
    for path in patient_pages():
        response = client.get(path)
        text = text_of(response)
        assert "Phone:" not in text and "Opening hours" not in text, path
        assert "tel:" not in response.content.decode(), path
        assert "Call us if" not in text, path
        assert not PLACEHOLDER_ON_A_PAGE.search(text), (path, PLACEHOLDER_ON_A_PAGE.search(text))


def test_no_placeholder_on_any_page_with_the_clinic_set_either(client, kb):
    set_clinic()
    for path in patient_pages():
        text = text_of(client.get(path))
        assert not PLACEHOLDER_ON_A_PAGE.search(text), (path, PLACEHOLDER_ON_A_PAGE.search(text))
    results = text_of(client.post("/check/", {"medicine": ["Norco", "plainomab"]}))
    assert not PLACEHOLDER_ON_A_PAGE.search(results)


def test_only_the_details_set_are_shown(client):
    set_clinic(phone_out_of_hours="", hours="", address="", call_us_if="")
    text = text_of(client.get("/"))
    assert "Riverside Family Practice" in text and "Phone: +44 20 7946 0000" in text
    assert "When we are closed" not in text and "Opening hours" not in text


def test_the_call_us_line_is_on_the_urgent_boxes_the_results_and_the_checklist(client, kb):
    set_clinic()
    line = "Call us if you have a new side effect or are not sure about a medicine."
    link = "Call Riverside Family Practice on +44 20 7946 0000"

    results = text_of(client.post("/check/", {"medicine": ["Norco 10/325"]}))
    box = results.split("Immediate action required:", 1)[1].split("About the dose", 1)[0]
    assert f"{line} {link}" in box  # in the urgent box
    calm = text_of(client.post("/check/", {"medicine": ["plainomab"]}))
    assert f"{line} {link}" in calm  # and in results with nothing urgent

    page = text_of(client.get("/learn/opioid-withdrawal/"))
    assert page.count(f"{line} {link}") == 2  # its urgent and its emergency card

    checklist = text_of(client.post("/checklist/", {"medicine": ["Norco 10/325"]}))
    urgent = checklist.split("Urgent advice:", 1)[1].split("Questions to ask", 1)[0]
    assert f"{line} Phone: +44 20 7946 0000" in urgent
    assert checklist.count("Riverside Family Practice · Phone +44 20 7946 0000") == 1


def test_no_call_us_line_without_a_phone_number(client, kb):
    set_clinic(phone="", phone_out_of_hours="")
    text = text_of(client.post("/check/", {"medicine": ["Norco 10/325"]}))
    assert "Call us if" not in text


@pytest.mark.parametrize(
    ("colour", "ratio"),
    [("#ffeb3b", "1.2"), ("#66b2ff", "2.2"), ("#2f8fd8", "3.5"), ("#767676", "4.5")],
)
def test_a_colour_white_words_cannot_be_read_on_is_refused_in_plain_words(
    staff_client, colour, ratio
):
    response = staff_client.post(
        "/admin/clinical/clinicsettings/add/", {**CLINIC, "brand_colour": colour}
    )
    if colour == "#767676":  # 4.54 to 1: just enough
        assert response.status_code == 302
        return
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert f"This colour is too light: white words on it have a contrast of {ratio} to 1" in page
    assert "WCAG AA needs at least 4.5 to 1" in page
    assert not ClinicSettings.objects.exists()


def test_a_readable_colour_is_kept_with_history_and_paints_the_header(staff_client, client):
    response = staff_client.post(
        "/admin/clinical/clinicsettings/add/", {**CLINIC, "brand_colour": "#1D5C2E"}
    )
    assert response.status_code == 302
    clinic = ClinicSettings.load()
    assert clinic.brand_colour == "#1d5c2e"
    assert clinic.history.count() == 1

    page = client.get("/").content.decode()
    assert '<link rel="stylesheet" href="/clinic.css?v=1d5c2e">' in page
    css = client.get("/clinic.css?v=1d5c2e")
    assert css["Content-Type"].startswith("text/css")
    assert css.content.decode() == ":root { --app-brand: #1d5c2e; }\n"

    staff_client.post("/admin/clinical/clinicsettings/1/change/", {**CLINIC, "brand_colour": ""})
    assert ClinicSettings.load().history.count() == 2
    assert "clinic.css" not in client.get("/").content.decode()


def test_a_colour_stored_below_aa_some_other_way_is_never_served(client):
    ClinicSettings(brand_colour="#ffff00").save()  # not through the form
    assert "--app-brand" not in client.get("/clinic.css").content.decode()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "Clinic name (set by your clinic)"),
        ("phone", "TBC"),
        ("call_us_if", "[Call us if ...]"),
        ("address", "Lorem ipsum"),
    ],
)
def test_a_placeholder_clinic_detail_is_refused(staff_client, field, value):
    response = staff_client.post("/admin/clinical/clinicsettings/add/", {**CLINIC, field: value})
    assert response.status_code == 200
    assert "looks like a placeholder" in response.content.decode() or (
        "Write the number with digits" in response.content.decode()
    )
    assert not ClinicSettings.objects.exists()


def test_the_clinic_list_in_the_admin_opens_the_one_record(staff_client):
    assert staff_client.get("/admin/clinical/clinicsettings/")["Location"].endswith("/add/")
    set_clinic()
    assert staff_client.get("/admin/clinical/clinicsettings/")["Location"].endswith("/1/change/")
    assert staff_client.get("/admin/clinical/clinicsettings/add/").status_code == 403


def test_staff_upload_a_logo_that_the_header_shows_with_its_alt_text(staff_client, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = staff_client.post(
        "/admin/clinical/clinicsettings/add/",
        {
            **CLINIC,
            "logo_alt": "Riverside Family Practice logo",
            "logo_file": SimpleUploadedFile("logo.png", PNG, content_type="image/png"),
        },
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    clinic = ClinicSettings.load()
    page = client.get("/").content.decode()
    assert (
        f'<img class="app-header__img" src="/clinic-logo?v={clinic.logo_version}" '
        'alt="Riverside Family Practice logo">'
    ) in page
    logo = client.get(f"/clinic-logo?v={clinic.logo_version}")
    assert logo["Content-Type"] == "image/png" and logo.content == PNG


def test_a_logo_needs_alt_text_and_must_be_an_image(staff_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    no_alt = staff_client.post(
        "/admin/clinical/clinicsettings/add/",
        {**CLINIC, "logo_file": SimpleUploadedFile("logo.png", PNG, content_type="image/png")},
    )
    assert "Say what the logo shows" in no_alt.content.decode()
    not_an_image = staff_client.post(
        "/admin/clinical/clinicsettings/add/",
        {
            **CLINIC,
            "logo_alt": "Logo",
            "logo_file": SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>"),
        },
    )
    assert "Upload a PNG, JPEG, GIF or WebP image." in not_an_image.content.decode()
    too_big = staff_client.post(
        "/admin/clinical/clinicsettings/add/",
        {
            **CLINIC,
            "logo_alt": "Logo",
            "logo_file": SimpleUploadedFile("logo.png", PNG + b"\0" * 300_000),
        },
    )
    assert "This image is too big" in too_big.content.decode()
    assert not ClinicSettings.objects.exists()


def test_every_other_page_still_refuses_a_file(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post("/check/", {"medicine": SimpleUploadedFile("list.png", PNG)})
    assert response.status_code == 415

"""The "Taking LDN" page: shipped with the data files, every point cited, at reading grade 8 or
lower; the clinic changes its dose schedule (the page's table) and its stop-before-surgery days
and restart plan (Clinic settings) in the admin, and patients see them at once."""

import html
import re

import pytest

from clinical.models import ClinicSettings
from education.models import Item, Topic, TopicSection
from education.readability import reading_grade

pytestmark = pytest.mark.django_db
URL = "/learn/taking-ldn/"


def main_text(response) -> str:
    main = response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


def test_the_page_covers_what_clinics_tell_patients_with_numbered_sources(client):
    response = client.get(URL)
    assert response.status_code == 200
    text = main_text(response)
    for words in [
        "Liquid. This is the most common form. It has 1 mg of LDN in each mL",
        "Start low and go up step by step",
        "Week 1 0.5 mg each day",
        "at bedtime",
        "in the morning",
        "Very vivid dreams",
        "It can take weeks to help",
        "If you miss a dose",
        "Never take 2 doses at once",
        "Tell every doctor, dentist and nurse that you take LDN",
        "One LDN pharmacy says 2 days (48 hours). A guide for surgery doctors says 3 days",
        "Ask your clinic how many days before surgery to stop LDN.",
        "Storing LDN",
    ]:
        assert words in text, words
    topic = Topic.objects.get(slug="taking-ldn")
    numbered = topic.numbered_sources()
    assert len(numbered) >= 8
    page = response.content.decode()
    for number, source in numbered:
        assert f'id="source-{number}"' in page and source.url in page
    assert not Item.objects.filter(section__topic=topic, sources__isnull=True).exists()


def test_the_dose_schedule_is_a_table_with_a_header_per_column_and_row(client):
    page = client.get(URL).content.decode()
    table = page.split('<table class="app-table">', 1)[1].split("</table>", 1)[0]
    assert '<th scope="col">When</th><th scope="col">Dose</th>' in table
    assert re.search(r'<tr><th scope="row">Week 1</th><td>0\.5 mg each day', table)


def test_the_page_reads_at_grade_8_or_lower():
    topic = Topic.objects.get(slug="taking-ldn")
    texts = [topic.title, topic.summary]
    for section in topic.sections.all():
        texts += [section.heading, section.intro, section.closing]
        texts += [f"{item.text} {item.detail}" for item in section.items.all()]
    grade = reading_grade(" ".join(t for t in texts if t))
    assert grade <= 8, grade


def test_the_clinic_changes_its_schedule_in_the_admin(staff_client, client):
    section = TopicSection.objects.get(topic__slug="taking-ldn", key="schedule")
    first = section.items.get(key="week-1")
    form = staff_client.get(f"/admin/education/topicsection/{section.pk}/change/")
    assert form.status_code == 200 and 'name="items-0-detail"' in form.content.decode()

    first.detail = "1 mg each night"
    first.save()

    assert "Week 1 1 mg each night" in main_text(client.get(URL))


def test_the_clinic_sets_its_stop_before_surgery_days_and_restart_plan(staff_client, client):
    response = staff_client.post(
        "/admin/clinical/clinicsettings/add/",
        {
            "name": "Riverside Family Practice",
            "stop_before_surgery_days": "3",
            "restart_plan": "Start again at your old dose once you no longer need opioid "
            "painkillers.",
        },
    )
    assert response.status_code == 302
    assert ClinicSettings.load().history.count() == 1

    text = main_text(client.get(URL))

    assert "Riverside Family Practice asks you to stop LDN 3 days before surgery." in text
    assert "After surgery: Start again at your old dose once you no longer need opioid" in text
    assert "Ask your clinic how many days before surgery" not in text


@pytest.mark.parametrize("days", ["0", "30"])
def test_a_number_of_days_out_of_range_is_refused(staff_client, days):
    response = staff_client.post(
        "/admin/clinical/clinicsettings/add/", {"stop_before_surgery_days": days}
    )
    assert response.status_code == 200
    assert not ClinicSettings.objects.exists()


def test_one_day_is_written_in_the_singular(client):
    ClinicSettings(stop_before_surgery_days=1).save()
    assert "Your clinic asks you to stop LDN 1 day before surgery." in main_text(client.get(URL))


def test_the_checklist_asks_the_clinic_s_start_and_stop_questions(client):
    page = html.unescape(client.get("/checklist/").content.decode())
    assert "What dose do I start on, and when do I take it?" in page
    assert "What if I need an opioid for surgery or in an emergency? When do I stop LDN?" in page

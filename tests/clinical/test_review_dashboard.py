"""Review owned by someone (issue 16, point 5): a dashboard of every kind of reviewed text that
is overdue or due in the next 30 days, each naming its reviewer and linking to its screen, and
recording a review under a named Reviewer with a next review date in the future."""

import datetime
import re
from html import escape

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from checker.models import InteractionGroup, ScreeningQuestion
from checklist.models import Checklist
from tests.education.pages import read_page
from tests.factories import make_reviewer, make_topic

pytestmark = pytest.mark.django_db
DASHBOARD = "admin:review_dashboard"


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def text_of(response) -> str:
    return read_page(response.content)["text"]


def row_of(html: str, title: str) -> str:
    """The dashboard's table row that names this title."""
    for row in re.findall(r"<tr>.*?</tr>", html, re.S):
        if f">{escape(title)}</a>" in row:
            return row
    raise AssertionError(f"no row for {title}")


def section(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    following = html.find("<h2", start + 1)
    return html[start : following if following > 0 else len(html)]


@pytest.fixture
def due_texts():
    """One text of each kind at a different point of its review."""
    sam = make_reviewer("Sam Patel", "Clinic pharmacist")
    page = make_topic(title="Test page overdue", next_review_due=days(-3), reviewer=sam)
    group = InteractionGroup.objects.get(slug="nsaid")
    group.next_review_due, group.reviewer = days(10), None
    group.save()
    question = ScreeningQuestion.objects.order_by("pk").first()
    question.next_review_due, question.reviewer = days(-40), sam
    question.save()
    checklist = Checklist.objects.get()
    checklist.next_review_due = days(45)  # not due soon: not listed
    checklist.save()
    return {"page": page, "group": group, "question": question, "checklist": checklist}


def test_the_dashboard_lists_what_is_overdue_and_due_soon_across_every_kind(
    staff_client, due_texts
):
    response = staff_client.get(reverse(DASHBOARD))
    assert response.status_code == 200
    html = response.content.decode()
    overdue, soon = section(html, "overdue"), section(html, "soon")

    page_row = row_of(overdue, "Test page overdue")
    assert "Overdue by 3 days" in page_row and "Sam Patel, Clinic pharmacist" in page_row
    assert reverse("admin:education_topic_change", args=[due_texts["page"].pk]) in page_row
    question = due_texts["question"]
    question_row = row_of(overdue, question.text)
    assert "Overdue by 40 days" in question_row and "Screening question" in question_row
    assert reverse("admin:checker_screeningquestion_change", args=[question.pk]) in question_row

    group = due_texts["group"]
    group_row = row_of(soon, str(group))
    assert "Due in 10 days" in group_row and "Nobody named yet" in group_row
    assert reverse("admin:checker_interactiongroup_change", args=[group.pk]) in group_row
    assert "Overdue" not in group_row
    # Overdue first: the page (3 days late) and the question (40) are above the due-soon group.
    assert html.index("Test page overdue") < html.index(f">{escape(str(group))}</a>")
    assert escape(str(due_texts["checklist"])) + "</a>" not in html  # due in 45 days


def test_the_admin_index_links_to_the_dashboard_with_its_counts(staff_client, due_texts):
    from django.contrib import admin

    from clinical.reviews import reviewed_admins

    kinds = {model_admin.model for model_admin in reviewed_admins(admin.site)}
    assert {InteractionGroup, ScreeningQuestion, Checklist, type(due_texts["page"])} <= kinds
    overdue = sum(model.objects.overdue().count() for model in kinds)
    response = staff_client.get(reverse("admin:index"))
    assert f'href="{reverse(DASHBOARD)}"' in response.content.decode()
    assert f"Reviews due: {overdue} overdue," in text_of(response)
    assert overdue >= 2


def test_an_editor_sees_only_the_kinds_they_edit(client, due_texts, monkeypatch):
    from django.core.management import call_command

    monkeypatch.setenv("STAFF_PASSWORD", "a-long-staff-password-9")
    call_command("add_staff", "eddie", "--role", "editor", "--name", "Eddie Editor")
    client.force_login(User.objects.get(username="eddie"))
    html = client.get(reverse(DASHBOARD)).content.decode()
    assert "Test page overdue" in html
    assert escape(due_texts["question"].text) not in html  # checker data is for pharmacists
    assert (
        client.get(
            reverse(
                "admin:record_review",
                args=["checker", "screeningquestion", due_texts["question"].pk],
            )
        ).status_code
        == 403
    )


def test_the_dashboard_is_for_staff_only(client):
    response = client.get(reverse(DASHBOARD))
    assert response.status_code == 302 and "login" in response["Location"]


def record_url(obj) -> str:
    return reverse("admin:record_review", args=[obj._meta.app_label, obj._meta.model_name, obj.pk])


def test_recording_a_review_names_the_person_and_keeps_it_in_the_history(staff_client, due_texts):
    me = make_reviewer("Nora Nurse", "Nurse specialist")
    page = due_texts["page"]
    form = staff_client.get(record_url(page))
    assert form.status_code == 200
    html = form.content.decode()
    # The signed-in nurse is one of the clinic's reviewers: chosen already.
    assert re.search(rf'<option value="{me.pk}" selected>Nora Nurse, Nurse specialist', html)
    assert f'value="{days(0):%Y-%m-%d}"' in html

    response = staff_client.post(
        record_url(page),
        {
            "reviewer": me.pk,
            "reviewed_on": f"{days(0):%Y-%m-%d}",
            "next_review_due": f"{days(365):%Y-%m-%d}",
            "note": "Checked against the 2026 label",
        },
        follow=True,
    )
    assert "Review recorded: “Test page overdue” reviewed by Nora Nurse, Nurse specialist" in (
        text_of(response)
    )
    page.refresh_from_db()
    assert (page.reviewer, page.last_reviewed, page.next_review_due) == (me, days(0), days(365))
    assert page.history.first().history_change_reason == "Checked against the 2026 label"
    assert ">Test page overdue</a>" not in response.content.decode()  # off the dashboard now


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("next_review_due", 0, "Enter a date in the future: when the next review is due."),
        ("next_review_due", -5, "Enter a date in the future: when the next review is due."),
        ("reviewed_on", 2, "A review cannot be recorded for a day still to come."),
        ("reviewer", None, "Choose who reviewed it."),
    ],
)
def test_a_review_must_name_someone_and_look_ahead(staff_client, due_texts, field, value, message):
    group = due_texts["group"]
    data = {
        "reviewer": make_reviewer("Sam Patel", "Clinic pharmacist").pk,
        "reviewed_on": f"{days(0):%Y-%m-%d}",
        "next_review_due": f"{days(365):%Y-%m-%d}",
    }
    data[field] = "" if value is None else f"{days(value):%Y-%m-%d}"
    response = staff_client.post(record_url(group), data)
    assert response.status_code == 200
    assert message in text_of(response)
    group.refresh_from_db()
    assert group.reviewer is None and group.next_review_due == days(10)  # nothing stored

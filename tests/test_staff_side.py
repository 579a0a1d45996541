"""The staff side's small things (issue 16): limits, roles, the index, the review action, the
plain messages, single-record screens."""

import datetime
import io
import re

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from checker.models import InteractionGroup
from checklist.models import Checklist
from clinical.models import Source
from tests.education.pages import form_values, read_page
from tests.factories import make_reviewer, make_topic

pytestmark = pytest.mark.django_db
ADMIN = "/" + settings.ADMIN_URL


def text_of(response) -> str:
    return read_page(response.content)["text"]


def add_staff(username: str, role: str, monkeypatch, name: str = "") -> User:
    monkeypatch.setenv("STAFF_PASSWORD", "a-long-staff-password-9")
    out = io.StringIO()
    args = [username, "--role", role] + (["--name", name] if name else [])
    call_command("add_staff", *args, stdout=out)
    assert username in out.getvalue()
    return User.objects.get(username=username)


@pytest.fixture
def as_user(client, django_capture_on_commit_callbacks):
    def sign_in(user):
        client.force_login(user)
        send = client.request

        def request_then_commit(**request):
            with django_capture_on_commit_callbacks(execute=True):
                return send(**request)

        client.request = request_then_commit
        return client

    return sign_in


# --- Length limits --------------------------------------------------------------------------


def test_a_text_over_its_limit_is_refused_with_a_message_never_cut(staff_client):
    url = reverse("admin:clinical_source_add")
    form = staff_client.get(url)
    assert b"maxlength" not in form.content  # the browser would cut a paste silently
    data = form_values(form.content, "source_form")
    title = "A label title that goes on and on. " * 10  # 350 characters, 300 fit
    data.update(
        {
            "key": ["test-long"],
            "title": [title.strip()],
            "url": ["https://example.org/a"],
            "_save": ["Save"],
        }
    )
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert "This is 349 characters long, and at most 300 fit." in text_of(response)
    assert "nothing was cut" in text_of(response)
    assert not Source.objects.filter(key="test-long").exists()


# --- The review column and action -----------------------------------------------------------


def test_the_review_column_says_overdue_in_words(staff_client):
    group = InteractionGroup.objects.get(slug="nsaid")
    group.next_review_due = datetime.date(2020, 1, 1)
    group.save()
    html = staff_client.get(reverse("admin:checker_interactiongroup_changelist")).content
    row = next(row for row in html.decode().split("<tr") if ">nsaid</a>" in row)
    review = re.search(r'class="field-review_overdue">(.*?)</td>', row)[1]
    assert review == '<strong class="app-review-overdue">Overdue</strong>'
    assert "icon-yes" not in review and "icon-no" not in review


def test_mark_reviewed_names_the_person_and_refuses_a_login_without_a_name(monkeypatch, as_user):
    question_url = reverse("admin:checker_screeningquestion_changelist")
    from checker.models import ScreeningQuestion

    question = ScreeningQuestion.objects.get(slug="liver")
    before = question.reviewer

    nameless = as_user(add_staff("nameless", "pharmacist", monkeypatch))
    response = nameless.post(
        question_url,
        {"action": "mark_reviewed_today", "_selected_action": [question.pk]},
        follow=True,
    )
    assert "Nothing was marked: the review must name who did it." in text_of(response)
    question.refresh_from_db()
    assert question.reviewer == before

    named = as_user(add_staff("ben", "pharmacist", monkeypatch, name="Ben Okafor"))
    response = named.post(
        question_url,
        {"action": "mark_reviewed_today", "_selected_action": [question.pk]},
        follow=True,
    )
    # Issue 15: a review names one of the clinic's Reviewers; this login is not one yet.
    assert "Nothing was marked: Ben Okafor is not one of the clinic's reviewers yet." in (
        text_of(response)
    )
    make_reviewer("Ben Okafor", "Clinic pharmacist")
    response = named.post(
        question_url,
        {"action": "mark_reviewed_today", "_selected_action": [question.pk]},
        follow=True,
    )
    assert "1 marked as reviewed today by Ben Okafor." in text_of(response)
    question.refresh_from_db()
    assert str(question.reviewer) == "Ben Okafor, Clinic pharmacist"


# --- Roles and the index ------------------------------------------------------------------


def test_the_index_is_in_task_order_with_security_last_and_plain_names(staff_client):
    text = text_of(staff_client.get(ADMIN))
    order = [
        "Patient pages",
        "Pre-visit checklist",
        "Medicine checker",
        "Sources and urgent help",
        "Staff logins and roles",
        "Sign-in security: failed sign-ins and lockouts",
        "Sign-in security: authenticator apps",
    ]
    places = [text.index(name) for name in order]
    assert places == sorted(places)
    assert "Otp_Totp" not in text and "Otp_Static" not in text and "\nAxes\n" not in text
    assert text.count("\nSources\n") == 1


def test_an_editor_edits_pages_sees_no_security_and_cannot_change_checker_data(
    monkeypatch, as_user
):
    editor = add_staff("anna", "editor", monkeypatch, name="Anna Lee")
    assert not editor.is_superuser
    client = as_user(editor)
    text = text_of(client.get(ADMIN))
    assert "Patient pages" in text and "Medicine checker" in text
    assert "Staff logins and roles" not in text and "Sign-in security" not in text
    topic = make_topic(slug="test-editor-page")
    assert client.get(reverse("admin:education_topic_change", args=[topic.pk])).status_code == 200
    group = InteractionGroup.objects.get(slug="nsaid")
    change = reverse("admin:checker_interactiongroup_change", args=[group.pk])
    assert client.get(change).status_code == 200  # may look
    assert client.post(change, {"slug": "x"}).status_code == 403  # may not change
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_only_pharmacists_may_confirm_a_change_that_stops_warnings(monkeypatch):
    pharmacist = add_staff("phil", "pharmacist", monkeypatch)
    administrator = add_staff("ada", "administrator", monkeypatch)
    editor = add_staff("eve", "editor", monkeypatch)
    assert pharmacist.has_perm("checker.confirm_silencing")
    assert not editor.has_perm("checker.confirm_silencing")
    assert not administrator.has_perm("checker.confirm_silencing")
    assert administrator.has_perm("auth.change_user") and not administrator.is_superuser
    assert not editor.has_perm("checker.change_name")


def test_only_pharmacists_may_approve_what_an_official_drug_list_proposes(monkeypatch):
    pharmacist = add_staff("pia", "pharmacist", monkeypatch)
    administrator = add_staff("abe", "administrator", monkeypatch)
    editor = add_staff("eli", "editor", monkeypatch)
    assert pharmacist.has_perm("checker.approve_import")
    assert not administrator.has_perm("checker.approve_import")
    assert not editor.has_perm("checker.approve_import")
    # an administrator may still upload a file for a pharmacist to review
    assert administrator.has_perm("checker.add_importrun")


# --- Plain messages, help texts, single records ------------------------------------------


def test_a_duplicate_name_is_refused_in_plain_words(staff_client):
    url = reverse("admin:checker_name_add")
    data = form_values(staff_client.get(url).content, "name_form")
    from checker.models import Ingredient

    data.update(
        {
            "name": ["PERCOCET"],
            "kind": ["brand"],
            "ingredients": [str(Ingredient.objects.get(name="oxycodone").pk)],
            "_save": ["Save"],
        }
    )
    text = text_of(staff_client.post(url, data))
    assert "This name is already in the list (capitals do not matter)." in text
    assert "Constraint" not in text and "checker_name_unique_lower" not in text


def test_the_page_address_help_text_reads_whole(staff_client):
    text = text_of(staff_client.get(reverse("admin:education_topic_add")))
    assert "/learn/page-name/" in text
    assert "/learn//" not in text


def test_the_one_checklist_has_no_add_or_delete(staff_client):
    checklist = Checklist.objects.first()
    assert checklist is not None
    assert staff_client.get(reverse("admin:checklist_checklist_add")).status_code == 403
    delete = reverse("admin:checklist_checklist_delete", args=[checklist.pk])
    assert staff_client.get(delete).status_code == 403


def test_every_admin_page_has_the_unsaved_edits_script_as_a_static_file(staff_client):
    html = staff_client.get(reverse("admin:clinical_source_add")).content.decode()
    assert re.search(r'<script src="[^"]*admin-editing[^"]*\.js" defer>', html)
    assert "beforeunload" not in html  # no inline script


# --- Reading grade per field ------------------------------------------------------------------

HARD = (
    "Concomitant administration of pharmacologically antagonistic medications "
    "precipitates considerable physiological destabilisation necessitating "
    "immediate professional intervention."
)


def test_the_worst_field_is_shown_not_an_average_and_saving_says_so(staff_client):
    group = InteractionGroup.objects.get(slug="nsaid")
    url = reverse("admin:checker_interactiongroup_change", args=[group.pk])
    data = form_values(staff_client.get(url).content, "interactiongroup_form")
    data["what_could_happen"] = [HARD]
    data["_save"] = ["Save"]
    response = staff_client.post(url, data, follow=True)
    assert "Saved, but hard to read: reading grade “What could happen”" in text_of(response)
    page = text_of(staff_client.get(url))
    found = re.search(r"“What could happen”: (\d+\.\d) \(above 8", page)
    assert found and float(found.group(1)) > 15


def test_each_patient_field_asks_for_its_grade_as_staff_type(staff_client):
    group = InteractionGroup.objects.get(slug="nsaid")
    html = staff_client.get(
        reverse("admin:checker_interactiongroup_change", args=[group.pk])
    ).content.decode()
    grade_url = reverse("admin:reading_grade")
    for name in ("headline", "what_could_happen", "what_to_do", "tell_your_doctor"):
        assert re.search(rf'name="{name}"[^>]*data-reading-grade="{grade_url}"', html) or re.search(
            rf'data-reading-grade="{grade_url}"[^>]*name="{name}"', html
        )
    assert "data-reading-grade" not in html.split('name="slug"')[1].split(">")[0]

    answer = staff_client.post(grade_url, {"text": HARD}).json()["grade"]
    assert answer.startswith(tuple("123456789")) and "above 8" in answer
    easy = staff_client.post(grade_url, {"text": "Do not take them on the same day."})
    assert easy.json()["grade"].endswith("(fine)")
    assert staff_client.get(grade_url).status_code == 405
    from django.test import Client

    assert Client().post(grade_url, {"text": HARD}).status_code == 302  # staff only


# --- Change notes on rules, questions and checklist texts ------------------------------------


@pytest.mark.parametrize(
    "label, model_name",
    [("checker_screeningquestion", "ScreeningQuestion"), ("checklist_checklist", "Checklist")],
)
def test_a_question_and_the_checklist_keep_a_change_note(staff_client, label, model_name):
    from django.apps import apps

    model = apps.get_model(label.split("_")[0], model_name)
    obj = model.objects.first()
    url = reverse(f"admin:{label}_change", args=[obj.pk])
    data = form_values(staff_client.get(url).content, f"{model._meta.model_name}_form")
    data["change_note"] = ["Test: clearer wording"]
    data["_save"] = ["Save"]
    assert staff_client.post(url, data).status_code == 302
    assert obj.history.first().history_change_reason == "Test: clearer wording"

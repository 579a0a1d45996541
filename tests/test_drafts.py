"""Drafts, previews and change notes for every kind of clinical content (issue 16, point 4): a
draft of a live item does not change what patients see, its preview shows it as a patient would
see it, and publishing changes it with a change note the history keeps. A checker draft is
published through the must-warn guard."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from checker import engine
from checker.models import InteractionGroup, ScreeningQuestion
from checklist.models import Checklist
from clinical.models import Draft
from education.models import Topic
from tests.education.pages import form_values, read_page

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return read_page(response.content)["text"]


def patient_sees(path: str, method: str = "get", data=None) -> str:
    response = getattr(Client(), method)(path, data or {})
    assert response.status_code == 200
    return text_of(response)


def change_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def edited_form(client, obj, **changes) -> dict:
    data = form_values(client.get(change_url(obj)).content, f"{obj._meta.model_name}_form")
    for name, value in changes.items():
        data[name] = [value]
    return data


def checker_says(name: str) -> str:
    return patient_sees(reverse("checker:check"), "post", {"medicine": name})


@pytest.fixture
def page():
    topic = Topic.objects.published().exclude(summary="").order_by("order").first()
    assert topic is not None
    return topic


NEW_SUMMARY = "A new summary written as a draft for the test."


def test_a_draft_of_a_published_page_does_not_change_what_patients_see(staff_client, page):
    before = page.summary
    data = edited_form(staff_client, page, summary=NEW_SUMMARY, change_note="Test draft")
    data["_save_draft"] = ["Save as draft"]
    response = staff_client.post(change_url(page), data, follow=True)
    assert "The draft was saved. Patients still see the published version." in text_of(response)

    page.refresh_from_db()
    assert page.summary == before
    assert NEW_SUMMARY not in patient_sees(page.get_absolute_url())
    draft = Draft.objects.get(object_id=str(page.pk))
    assert draft.data["summary"] == [NEW_SUMMARY] and draft.note == "Test draft"
    # The screen says there is a draft, and shows the published words.
    screen = staff_client.get(change_url(page))
    assert "This item has a draft" in text_of(screen)
    assert f"?draft={draft.pk}" in screen.content.decode()
    assert form_values(screen.content, "topic_form")["summary"] == [before]


def test_the_preview_shows_the_draft_as_a_patient_sees_it_and_keeps_nothing(staff_client, page):
    before = page.summary
    data = edited_form(staff_client, page, summary=NEW_SUMMARY)
    data["_preview"] = ["Preview"]
    response = staff_client.post(change_url(page), data)
    assert response.status_code == 200
    shown = text_of(response)
    assert "Preview of a draft. Patients do not see this yet" in shown
    assert NEW_SUMMARY in shown and page.title in shown
    assert 'class="app-preview-banner"' in response.content.decode()
    assert "<script>" not in response.content.decode()  # the page's own, static scripts only

    page.refresh_from_db()
    assert page.summary == before
    assert NEW_SUMMARY not in patient_sees(page.get_absolute_url())
    assert Draft.objects.get(object_id=str(page.pk)).data["summary"] == [NEW_SUMMARY]


def save_draft(client, obj, **changes) -> Draft:
    data = edited_form(client, obj, **changes)
    data["_save_draft"] = ["Save as draft"]
    assert client.post(change_url(obj), data).status_code == 302
    return Draft.objects.get(object_id=str(obj.pk), content_type__model=obj._meta.model_name)


def open_draft(client, obj, draft) -> dict:
    response = client.get(change_url(obj), {"draft": draft.pk})
    assert response.status_code == 200
    assert "You are editing a draft" in text_of(response)
    return form_values(response.content, f"{obj._meta.model_name}_form")


def test_publishing_a_draft_changes_the_page_and_the_history_keeps_the_note(staff_client, page):
    draft = save_draft(staff_client, page, summary=NEW_SUMMARY)
    data = open_draft(staff_client, page, draft)
    assert data["summary"] == [NEW_SUMMARY]
    assert data["_draft"] == [str(draft.pk)]

    # Publishing needs a change note.
    data["_save"] = ["Publish this draft"]
    data["change_note"] = [""]
    refused = staff_client.post(change_url(page), data)
    assert refused.status_code == 200
    assert "Write a change note before you publish" in text_of(refused)
    page.refresh_from_db()
    assert page.summary != NEW_SUMMARY

    data["change_note"] = ["Test: a plainer summary"]
    assert staff_client.post(change_url(page), data).status_code == 302
    page.refresh_from_db()
    assert page.summary == NEW_SUMMARY
    assert NEW_SUMMARY in patient_sees(page.get_absolute_url())
    assert page.history.first().history_change_reason == "Test: a plainer summary"
    assert not Draft.objects.filter(pk=draft.pk).exists()


def test_a_draft_can_be_discarded(staff_client, page):
    draft = save_draft(staff_client, page, summary=NEW_SUMMARY)
    data = open_draft(staff_client, page, draft)
    data["_discard_draft"] = ["Discard the draft"]
    response = staff_client.post(change_url(page), data, follow=True)
    assert "The draft was discarded" in text_of(response)
    assert not Draft.objects.filter(pk=draft.pk).exists()
    page.refresh_from_db()
    assert page.summary != NEW_SUMMARY


# --- Checker rules and questions --------------------------------------------------------------

NEW_HEADLINE = "Draft headline for the test: do not take these together."


def test_a_checker_rules_draft_is_previewed_on_the_results_and_then_published(staff_client):
    group = InteractionGroup.objects.get(about_opioids=True)
    first = group.ingredients.order_by("name").first().name
    assert NEW_HEADLINE not in checker_says(first)

    draft = save_draft(staff_client, group, headline=NEW_HEADLINE)
    engine.bump_version()
    assert NEW_HEADLINE not in checker_says(first)

    data = open_draft(staff_client, group, draft)
    data["_preview"] = ["Preview"]
    preview = staff_client.post(change_url(group), data)
    assert "Preview of a draft" in text_of(preview) and NEW_HEADLINE in text_of(preview)
    engine.bump_version()
    assert NEW_HEADLINE not in checker_says(first)  # the shared checker never saw it

    data = open_draft(staff_client, group, draft)
    data.update({"_save": ["Publish"], "change_note": ["Test: new headline"]})
    assert staff_client.post(change_url(group), data).status_code == 302
    engine.bump_version()
    assert NEW_HEADLINE in checker_says(first)
    group.refresh_from_db()
    assert group.history.first().history_change_reason == "Test: new headline"


def test_a_checker_draft_that_would_silence_names_is_refused_when_published(editor_client):
    group = InteractionGroup.objects.get(about_opioids=True)
    draft = save_draft(editor_client, group, slug="opioids-renamed")  # kept: not live
    assert InteractionGroup.objects.get(pk=group.pk).slug == group.slug

    data = open_draft(editor_client, group, draft)
    data.update({"_save": ["Publish"], "change_note": ["Test: rename"]})
    refused = editor_client.post(change_url(group), data)
    assert refused.status_code == 200
    assert re.search(
        r"\d+ names? will (stop warning|lose part of their opioid warning)", text_of(refused)
    )
    assert InteractionGroup.objects.get(pk=group.pk).slug == group.slug
    assert Draft.objects.filter(pk=draft.pk).exists()  # the draft is still there


def test_a_questions_draft_preview_shows_its_yes_message(staff_client):
    question = ScreeningQuestion.objects.exclude(yes_message="").order_by("order").first()
    new = "Draft message for the test: tell your doctor about this."
    draft = save_draft(staff_client, question, yes_message=new)
    data = open_draft(staff_client, question, draft)
    data["_preview"] = ["Preview"]
    preview = staff_client.post(change_url(question), data)
    assert new in text_of(preview)
    question.refresh_from_db()
    assert question.yes_message != new


def test_a_checklist_draft_does_not_change_the_checklist_until_published(staff_client):
    checklist = Checklist.objects.get()
    new = "Draft introduction for the test. Bring this list to your visit."
    draft = save_draft(staff_client, checklist, introduction=new)
    assert new not in patient_sees(reverse("checklist:checklist"))
    data = open_draft(staff_client, checklist, draft)
    data["_preview"] = ["Preview"]
    assert new in text_of(staff_client.post(change_url(checklist), data))
    data = open_draft(staff_client, checklist, draft)
    data.update({"_save": ["Publish"], "change_note": ["Test: new introduction"]})
    assert staff_client.post(change_url(checklist), data).status_code == 302
    assert new in patient_sees(reverse("checklist:checklist"))


@pytest.fixture
def editor_client(client, django_user_model, django_capture_on_commit_callbacks):
    """A nurse who edits checker data but cannot confirm silencing a warning."""
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(
        username="drafting-nurse",
        password="a-long-staff-password-3",
        is_staff=True,
        first_name="Dee",
        last_name="Nurse",
    )
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="checker").exclude(
            codename="confirm_silencing"
        )
    )
    client.force_login(user)
    send = client.request

    def request_then_commit(**request):
        with django_capture_on_commit_callbacks(execute=True):
            return send(**request)

    client.request = request_then_commit
    return client

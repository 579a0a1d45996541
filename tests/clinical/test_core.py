"""The clinical-content core as staff and patients meet it: one urgent box edited once shows in
the checker, the checklist and the pages; review records on groups and questions; the one
severity vocabulary."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from checker.models import InteractionGroup, ScreeningQuestion
from clinical.models import UrgentHelp, one_year_after
from clinical.severity import Severity
from tests.factories import make_reviewer

ACTION = "Ring our clinic's emergency line on 0800 000 000 and say that you take LDN."


@pytest.mark.django_db
def test_the_urgent_box_edited_once_shows_in_the_checker_the_checklist_and_the_pages(
    staff_client, client
):
    urgent = UrgentHelp.load()
    response = staff_client.post(
        reverse("admin:clinical_urgenthelp_change", args=[urgent.pk]),
        {"heading": urgent.heading, "signs": urgent.signs, "action": ACTION},
    )
    assert response.status_code == 302
    checker = client.post("/check/", {"medicine": ["Norco"], "action": "check"}).content.decode()
    checklist = client.get("/checklist/").content.decode()
    page = client.get("/learn/opioid-withdrawal/").content.decode()
    for html in (checker, checklist, page):
        assert ACTION.replace("'", "&#x27;") in html
    assert UrgentHelp.objects.count() == 1


@pytest.mark.django_db
def test_staff_cannot_add_a_second_urgent_box_or_delete_the_one(staff_client):
    urgent = UrgentHelp.load()
    assert staff_client.get(reverse("admin:clinical_urgenthelp_add")).status_code == 403
    delete = reverse("admin:clinical_urgenthelp_delete", args=[urgent.pk])
    assert staff_client.get(delete).status_code == 403


@pytest.mark.django_db
def test_groups_and_questions_have_a_review_record_and_the_overdue_filter(staff_client):
    group = InteractionGroup.objects.get(slug="nsaid")
    group.next_review_due = datetime.date(2020, 1, 1)
    group.save()
    assert list(InteractionGroup.objects.overdue()) == [group]
    url = reverse("admin:checker_interactiongroup_changelist")
    overdue = staff_client.get(url, {"review": "overdue"}).content.decode()
    assert "nsaid" in overdue and "thioridazine" not in overdue
    never = staff_client.get(
        reverse("admin:checker_screeningquestion_changelist"), {"review": "never"}
    )
    assert "Do you drink alcohol?" in never.content.decode()


@pytest.mark.django_db
def test_marking_a_question_reviewed_today_records_who_and_when(staff_client):
    nora = make_reviewer("Nora Nurse", "Clinic nurse")  # the signed-in staff member, named
    question = ScreeningQuestion.objects.get(slug="liver")
    response = staff_client.post(
        reverse("admin:checker_screeningquestion_changelist"),
        {"action": "mark_reviewed_today", "_selected_action": [question.pk]},
    )
    assert response.status_code == 302
    question.refresh_from_db()
    today = timezone.localdate()
    assert (question.last_reviewed, question.next_review_due) == (today, one_year_after(today))
    assert question.reviewer == nora
    assert question.history.first().history_change_reason == "Marked as reviewed"
    due_soon = ScreeningQuestion.objects.due_soon(days=400)
    assert question in due_soon and ScreeningQuestion.objects.overdue().count() == 0


@pytest.mark.django_db
def test_a_next_review_date_staff_type_must_be_in_the_future(rf, staff_user):
    from django.contrib import admin
    from django.forms.models import model_to_dict

    group = InteractionGroup.objects.get(slug="nsaid")
    request = rf.get("/")
    request.user = staff_user
    form_class = admin.site._registry[InteractionGroup].get_form(request, group)
    data = {k: v for k, v in model_to_dict(group).items() if v is not None}
    data["sources"] = [source.pk for source in group.sources.all()]
    data["next_review_due"] = timezone.localdate() - datetime.timedelta(days=1)
    form = form_class(data=data, instance=group)
    assert not form.is_valid()
    assert "Enter a date in the future" in str(form.errors["next_review_due"])
    data["next_review_due"] = timezone.localdate() + datetime.timedelta(days=30)
    assert form_class(data=data, instance=group).is_valid(), form_class(
        data=data, instance=group
    ).errors


@pytest.mark.parametrize(
    ("level", "words", "icon"),
    [
        ("avoid", "Do not take together", "✕"),
        ("caution", "Ask your doctor first", "!"),
        ("info", "Tell your doctor", "i"),
        ("none", "No known interaction in our list", "–"),
        ("unknown", "Not recognised", "?"),
    ],
)
def test_each_level_has_its_words_icon_and_class_in_one_place(level, words, icon):
    severity = Severity(level)
    assert (severity.words, severity.icon, severity.css) == (words, icon, level)
    assert [s.value for s in sorted(Severity, key=lambda s: s.rank)] == [
        "avoid",
        "caution",
        "info",
        "none",
        "unknown",
    ]


def test_an_unknown_stored_level_reads_as_not_recognised_never_as_less():
    assert Severity.of("nonsense") is Severity.UNKNOWN
    assert Severity.AVOID.answer_words == "Serious: talk to your doctor before you take LDN"

"""The editing screens staff use: edits reach the page, history undoes them, grades show."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from clinical.models import Source, one_year_after
from education.models import Item, Topic
from tests.education.builders import make_topic
from tests.education.pages import form_values, read_page

pytestmark = pytest.mark.django_db


def change_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def submit_change_form(client, obj, **changes):
    """Open the object's admin form, change some fields and save it, as a nurse would."""
    form_id = f"{obj._meta.model_name}_form"
    data = form_values(client.get(change_url(obj)).content, form_id)
    data.update({name: [value] for name, value in changes.items()})
    data["_save"] = ["Save"]
    return client.post(change_url(obj), data)


def test_every_editing_screen_opens_for_staff(staff_client):
    item = Item.objects.select_related("section__topic").first()
    for label in ("education_topic", "education_topicsection", "education_item", "clinical_source"):
        assert staff_client.get(reverse(f"admin:{label}_changelist")).status_code == 200
        assert staff_client.get(reverse(f"admin:{label}_add")).status_code == 200
    for obj in (item, item.section, item.section.topic, item.sources.first()):
        assert staff_client.get(change_url(obj)).status_code == 200
        opts = obj._meta
        history = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])
        assert staff_client.get(history).status_code == 200


def test_a_fixed_typo_shows_on_the_page_and_history_can_undo_it(staff_client, patient):
    item = Item.objects.get(text="Muscle pain")

    response = submit_change_form(staff_client, item, text="Sore muscles (muscle pain)")

    assert response.status_code == 302
    assert (
        "Sore muscles (muscle pain)"
        in read_page(patient.get("/learn/side-effects/").content)["main"]
    )

    # Revert, as the history page's "Revert" button does: open the old version and save it.
    first_version = item.history.earliest("history_date")
    revert_url = reverse("admin:education_item_simple_history", args=[item.pk, first_version.pk])
    old_form = staff_client.get(revert_url)
    assert old_form.status_code == 200
    data = form_values(old_form.content, "historicalitem_form")
    assert data["text"] == ["Muscle pain"]
    data["_save"] = ["Save"]
    assert staff_client.post(revert_url, data).status_code == 302

    main = read_page(patient.get("/learn/side-effects/").content)["main"]
    assert "Muscle pain" in main
    assert "Sore muscles" not in main
    assert item.history.count() == 3  # first version, the edit, the revert


def test_a_page_edit_with_its_sections_reaches_patients(staff_client, patient):
    topic = Topic.objects.get(slug="side-effects")

    response = submit_change_form(
        staff_client,
        topic,
        summary="Side effects some people get, even at a low dose.",
        **{"sections-0-closing": "Tell your doctor if a side effect bothers you."},
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    main = read_page(patient.get("/learn/side-effects/").content)["main"]
    assert "Side effects some people get, even at a low dose." in main
    assert "Tell your doctor if a side effect bothers you." in main
    assert "Headache" in main  # the list points are untouched


def test_turning_a_page_into_a_draft_in_the_admin_hides_it(staff_client, patient):
    topic = Topic.objects.get(slug="how-it-works")
    assert patient.get("/learn/how-it-works/").status_code == 200

    assert submit_change_form(staff_client, topic, status="draft").status_code == 302

    assert patient.get("/learn/how-it-works/").status_code == 404
    assert staff_client.get("/learn/how-it-works/").status_code == 200


def test_a_script_typed_into_the_admin_never_runs_on_the_page(staff_client, patient):
    topic = Topic.objects.get(slug="long-term-effects")

    response = submit_change_form(
        staff_client,
        topic,
        intro="Read this.\n\n<script>alert('x')</script>\n\n[x](javascript:alert(1))",
        summary="<script>alert('y')</script>",
    )

    assert response.status_code == 302
    html = patient.get("/learn/long-term-effects/").content.decode()
    assert "<script>alert" not in html
    assert 'href="javascript:' not in html
    assert "&lt;script&gt;alert(&#x27;y&#x27;)&lt;/script&gt;" in html
    assert "<p>Read this.</p>" in html


def test_the_reading_grade_is_shown_while_editing_and_in_the_list(staff_client):
    topic = Topic.objects.get(slug="side-effects")

    form = staff_client.get(change_url(topic)).content.decode()
    changelist = staff_client.get(reverse("admin:education_topic_changelist")).content.decode()
    items = staff_client.get(reverse("admin:education_item_changelist")).content.decode()

    assert "Reading grade of the whole page" in form
    assert "(fine)" in form
    assert "Reading grade" in changelist
    assert "Reading grade" in items


def test_a_hard_sentence_is_flagged_for_the_editor(staff_client):
    item = Item.objects.get(text="Muscle pain")
    submit_change_form(
        staff_client,
        item,
        text="Musculoskeletal discomfort necessitating pharmacological intervention "
        "occasionally accompanies administration.",
    )
    form = staff_client.get(change_url(item)).content.decode()
    assert "above 8: use shorter words and sentences" in form


def test_review_overdue_filter_finds_only_pages_past_their_date(staff_client):
    make_topic(
        slug="overdue-page", title="An overdue page", next_review_due=datetime.date(2020, 1, 1)
    )
    url = reverse("admin:education_topic_changelist")

    overdue = staff_client.get(url, {"review": "overdue"}).content.decode()
    everything = staff_client.get(url).content.decode()

    assert "An overdue page" in overdue
    assert "Side effects of LDN" not in overdue
    assert "Side effects of LDN" in everything
    assert "Review overdue" in everything


def test_staff_find_a_list_point_by_searching_for_its_words(staff_client):
    response = staff_client.get(reverse("admin:education_item_changelist"), {"q": "heavy sweating"})
    assert "Heavy sweating" in response.content.decode()
    topics = staff_client.get(reverse("admin:education_topic_changelist"), {"q": "sweating"})
    assert "Risk of opioid withdrawal" in topics.content.decode()


def test_patients_cannot_open_the_admin(client):
    response = client.get(reverse("admin:education_topic_changelist"))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_marking_pages_reviewed_today_moves_the_next_review_a_year_on(staff_client, patient):
    topic = make_topic(slug="due", next_review_due=datetime.date(2020, 1, 1))

    response = staff_client.post(
        reverse("admin:education_topic_changelist"),
        {"action": "mark_reviewed_today", "_selected_action": [topic.pk]},
    )

    assert response.status_code == 302
    topic.refresh_from_db()
    today = timezone.localdate()
    assert topic.last_reviewed == today
    assert topic.next_review_due == one_year_after(today)
    assert "This page is past its review date." not in patient.get("/learn/due/").content.decode()
    assert topic.history.first().history_change_reason == "Marked as reviewed"


def test_the_make_draft_action_hides_pages_and_publish_brings_them_back(staff_client, patient):
    topic = Topic.objects.get(slug="side-effects")
    url = reverse("admin:education_topic_changelist")

    staff_client.post(url, {"action": "make_draft", "_selected_action": [topic.pk]})
    assert patient.get("/learn/side-effects/").status_code == 404

    staff_client.post(url, {"action": "publish", "_selected_action": [topic.pk]})
    assert patient.get("/learn/side-effects/").status_code == 200


def test_reverting_a_point_brings_back_the_sources_it_cited(staff_client, patient):
    item = Item.objects.get(text="Muscle pain")
    assert list(item.sources.values_list("key", flat=True)) == ["statpearls-naltrexone"]
    version_citing_statpearls = item.history.latest("history_date")
    cleveland = Source.objects.get(key="cleveland-withdrawal")

    submit_change_form(staff_client, item, sources=str(cleveland.pk))
    assert list(item.sources.values_list("key", flat=True)) == ["cleveland-withdrawal"]
    assert cleveland.title in patient.get("/learn/side-effects/").content.decode()

    revert_url = reverse(
        "admin:education_item_simple_history", args=[item.pk, version_citing_statpearls.pk]
    )
    data = form_values(staff_client.get(revert_url).content, "historicalitem_form")
    assert data["sources"] == [str(Source.objects.get(key="statpearls-naltrexone").pk)]
    data["_save"] = ["Save"]
    assert staff_client.post(revert_url, data).status_code == 302

    assert list(item.sources.values_list("key", flat=True)) == ["statpearls-naltrexone"]
    html = patient.get("/learn/side-effects/").content.decode()
    assert cleveland.title not in html


def test_a_page_version_keeps_the_page_sources_it_had():
    topic = Topic.objects.get(slug="medicines-to-avoid")
    first = topic.history.earliest("history_date")
    assert sorted(row.source.key for row in first.sources.all()) == [
        "drugs-com-interactions",
        "goodrx-naltrexone",
        "tip49-exhibit",
        "vivitrol-label",
    ]

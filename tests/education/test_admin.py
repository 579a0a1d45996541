"""The editing screens staff use: edits reach the page, history undoes them, grades show.

Each test edits pages it builds (tests/factories.py); dates are frozen where they matter.
"""

import datetime

import pytest
import time_machine
from django.urls import reverse

from education.models import Topic
from tests.education.pages import form_values, read_page
from tests.factories import make_item, make_reviewer, make_section, make_source, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def side_effects():
    """A published page "Test side effects" with one section of two cited points."""
    source = make_source(title="Test label")
    topic = make_topic(slug="test-side-effects", title="Test side effects")
    section = make_section(topic, heading="Common side effects", closing="")
    return {
        "topic": topic,
        "section": section,
        "source": source,
        "muscle_pain": make_item(section, text="Muscle pain", sources=[source], order=1),
        "headache": make_item(section, text="Headache", sources=[source], order=2),
    }


def change_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def submit_change_form(client, obj, **changes):
    """Open the object's admin form, change some fields and save it, as a nurse would."""
    form_id = f"{obj._meta.model_name}_form"
    data = form_values(client.get(change_url(obj)).content, form_id)
    data.update({name: [value] for name, value in changes.items()})
    data["_save"] = ["Save"]
    return client.post(change_url(obj), data)


def test_every_editing_screen_opens_for_staff(staff_client, side_effects):
    item = side_effects["muscle_pain"]
    for label in ("education_topic", "education_topicsection", "education_item", "clinical_source"):
        assert staff_client.get(reverse(f"admin:{label}_changelist")).status_code == 200
        assert staff_client.get(reverse(f"admin:{label}_add")).status_code == 200
    for obj in (item, item.section, item.section.topic, item.sources.first()):
        assert staff_client.get(change_url(obj)).status_code == 200
        opts = obj._meta
        history = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])
        assert staff_client.get(history).status_code == 200


def test_a_fixed_typo_shows_on_the_page_and_history_can_undo_it(
    staff_client, patient, side_effects
):
    item = side_effects["muscle_pain"]
    versions = item.history.count()
    before_the_edit = item.history.latest("history_date")

    response = submit_change_form(staff_client, item, text="Sore muscles (muscle pain)")

    assert response.status_code == 302
    assert (
        "Sore muscles (muscle pain)"
        in read_page(patient.get("/learn/test-side-effects/").content)["main"]
    )

    # Revert, as the history page's "Revert" button does: open the old version and save it.
    revert_url = reverse("admin:education_item_simple_history", args=[item.pk, before_the_edit.pk])
    old_form = staff_client.get(revert_url)
    assert old_form.status_code == 200
    data = form_values(old_form.content, "historicalitem_form")
    assert data["text"] == ["Muscle pain"]
    data["_save"] = ["Save"]
    assert staff_client.post(revert_url, data).status_code == 302

    main = read_page(patient.get("/learn/test-side-effects/").content)["main"]
    assert "Muscle pain" in main
    assert "Sore muscles" not in main
    assert item.history.count() == versions + 2  # the edit and the revert, each kept


def test_a_page_edit_with_its_sections_reaches_patients(staff_client, patient, side_effects):
    topic = side_effects["topic"]

    response = submit_change_form(
        staff_client,
        topic,
        summary="Side effects some people get, even at a low dose.",
        **{"sections-0-closing": "Tell your doctor if a side effect bothers you."},
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    main = read_page(patient.get("/learn/test-side-effects/").content)["main"]
    assert "Side effects some people get, even at a low dose." in main
    assert "Tell your doctor if a side effect bothers you." in main
    assert "Headache" in main  # the list points are untouched


def test_turning_a_page_into_a_draft_in_the_admin_hides_it(staff_client, patient):
    topic = make_topic(slug="test-how-it-works")
    assert patient.get("/learn/test-how-it-works/").status_code == 200

    assert submit_change_form(staff_client, topic, status="draft").status_code == 302

    assert patient.get("/learn/test-how-it-works/").status_code == 404
    assert staff_client.get("/learn/test-how-it-works/").status_code == 200


def test_a_script_typed_into_the_admin_never_runs_on_the_page(staff_client, patient):
    topic = make_topic(slug="test-long-term")

    response = submit_change_form(
        staff_client,
        topic,
        intro="Read this.\n\n<script>alert('x')</script>\n\n[x](javascript:alert(1))",
        summary="<script>alert('y')</script>",
    )

    assert response.status_code == 302
    html = patient.get("/learn/test-long-term/").content.decode()
    assert "<script>alert" not in html
    assert 'href="javascript:' not in html
    assert "&lt;script&gt;alert(&#x27;y&#x27;)&lt;/script&gt;" in html
    assert "<p>Read this.</p>" in html


def test_the_reading_grade_is_shown_while_editing_and_in_the_list(staff_client, side_effects):
    topic = side_effects["topic"]

    form = staff_client.get(change_url(topic)).content.decode()
    changelist = staff_client.get(reverse("admin:education_topic_changelist")).content.decode()
    items = staff_client.get(reverse("admin:education_item_changelist")).content.decode()

    assert "Reading grade of the whole page" in form
    assert "(fine)" in form
    assert "Reading grade" in changelist
    assert "Reading grade" in items


def test_a_hard_sentence_is_flagged_for_the_editor(staff_client, side_effects):
    item = side_effects["muscle_pain"]
    assert "above 8" not in staff_client.get(change_url(item)).content.decode()
    submit_change_form(
        staff_client,
        item,
        text="Musculoskeletal discomfort necessitating pharmacological intervention "
        "occasionally accompanies administration.",
    )
    form = staff_client.get(change_url(item)).content.decode()
    assert "above 8: use shorter words and sentences" in form


@time_machine.travel(datetime.datetime(2027, 6, 1, 12, 0, tzinfo=datetime.UTC), tick=False)
def test_review_overdue_filter_finds_only_pages_past_their_date(staff_client, staff_user):
    staff_client.force_login(staff_user)  # a session of the frozen day
    make_topic(
        slug="overdue-page", title="An overdue page", next_review_due=datetime.date(2027, 5, 31)
    )
    make_topic(
        slug="due-today", title="A page due today", next_review_due=datetime.date(2027, 6, 1)
    )
    make_topic(slug="current", title="A current page", next_review_due=datetime.date(2028, 1, 1))
    url = reverse("admin:education_topic_changelist")

    overdue = staff_client.get(url, {"review": "overdue"}).content.decode()
    everything = staff_client.get(url).content.decode()

    assert "An overdue page" in overdue
    assert "A page due today" not in overdue
    assert "A current page" not in overdue
    assert "A current page" in everything and "A page due today" in everything
    assert "Review overdue" in everything


def test_staff_find_a_list_point_by_searching_for_its_words(staff_client):
    topic = make_topic(slug="test-withdrawal", title="Risk of test withdrawal")
    make_item(make_section(topic), text="Heavy test sweating")
    make_item(make_section(make_topic(title="Another test page")), text="Test yawning")

    response = staff_client.get(
        reverse("admin:education_item_changelist"), {"q": "heavy test sweating"}
    )
    assert "Heavy test sweating" in response.content.decode()
    assert "Test yawning" not in response.content.decode()
    topics = staff_client.get(reverse("admin:education_topic_changelist"), {"q": "test sweating"})
    assert "Risk of test withdrawal" in topics.content.decode()
    assert "Another test page" not in topics.content.decode()


def test_patients_cannot_open_the_admin(client):
    response = client.get(reverse("admin:education_topic_changelist"))
    assert response.status_code == 302
    assert "login" in response["Location"]


@time_machine.travel(datetime.datetime(2028, 2, 29, 12, 0, tzinfo=datetime.UTC), tick=False)
def test_marking_pages_reviewed_today_moves_the_next_review_a_year_on(
    staff_client, staff_user, patient
):
    staff_client.force_login(staff_user)  # a session of the frozen day
    make_reviewer("Nora Nurse", "Clinic nurse")  # the signed-in staff member, named
    topic = make_topic(slug="due", next_review_due=datetime.date(2028, 1, 1))
    assert "This page is past its review date." in patient.get("/learn/due/").content.decode()

    response = staff_client.post(
        reverse("admin:education_topic_changelist"),
        {"action": "mark_reviewed_today", "_selected_action": [topic.pk]},
    )

    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.last_reviewed == datetime.date(2028, 2, 29)
    assert topic.next_review_due == datetime.date(2029, 2, 28)  # a leap day's year on
    page = read_page(patient.get("/learn/due/").content)["main"]
    assert "This page is past its review date." not in page
    assert "Last reviewed: February 29, 2028" in page
    assert "Next review due: February 28, 2029" in page
    assert topic.history.first().history_change_reason == "Marked as reviewed"


def test_the_make_draft_action_hides_pages_and_publish_brings_them_back(
    staff_client, patient, side_effects
):
    topic = side_effects["topic"]
    url = reverse("admin:education_topic_changelist")

    staff_client.post(url, {"action": "make_draft", "_selected_action": [topic.pk]})
    assert patient.get("/learn/test-side-effects/").status_code == 404

    staff_client.post(url, {"action": "publish", "_selected_action": [topic.pk]})
    assert patient.get("/learn/test-side-effects/").status_code == 200


def test_reverting_a_point_brings_back_the_sources_it_cited(staff_client, patient, side_effects):
    item = side_effects["muscle_pain"]
    label = side_effects["source"]
    other = make_source(title="Another test source")
    submit_change_form(staff_client, item, sources=str(label.pk))
    assert list(item.sources.all()) == [label]
    version_citing_the_label = item.history.latest("history_date")

    submit_change_form(staff_client, item, sources=str(other.pk))
    assert list(item.sources.all()) == [other]
    assert "Another test source" in patient.get("/learn/test-side-effects/").content.decode()

    revert_url = reverse(
        "admin:education_item_simple_history", args=[item.pk, version_citing_the_label.pk]
    )
    data = form_values(staff_client.get(revert_url).content, "historicalitem_form")
    assert data["sources"] == [str(label.pk)]
    data["_save"] = ["Save"]
    assert staff_client.post(revert_url, data).status_code == 302

    assert list(item.sources.all()) == [label]
    html = patient.get("/learn/test-side-effects/").content.decode()
    assert "Test label" in html
    assert "Another test source" not in html


def test_a_page_version_keeps_the_page_sources_it_had():
    topic = Topic.objects.get(slug="medicines-to-avoid")
    first = topic.history.earliest("history_date")
    assert sorted(row.source.key for row in first.sources.all()) == [
        "drugs-com-interactions",
        "goodrx-naltrexone",
        "tip49-exhibit",
        "vivitrol-label",
    ]


def test_reverting_a_section_puts_its_list_points_back(staff_client, patient, side_effects):
    section = side_effects["section"]
    first = section.history.order_by("history_id").last()
    data = form_values(staff_client.get(change_url(section)).content, "topicsection_form")
    texts = {key: value for key, value in data.items() if key.endswith("-text")}
    muscle = next(key for key, value in texts.items() if value == ["Muscle pain"])
    headache = next(key for key, value in texts.items() if value == ["Headache"])
    data["heading"] = ["Side effects some people get"]
    data[muscle] = ["Sore muscles"]
    data[headache.replace("-text", "-DELETE")] = ["on"]
    data["_save"] = ["Save"]
    assert staff_client.post(change_url(section), data).status_code == 302
    main = read_page(patient.get("/learn/test-side-effects/").content)["main"]
    assert "Sore muscles" in main and "Headache" not in main

    url = reverse("admin:education_topicsection_simple_history", args=[section.pk, first.pk])
    old = form_values(staff_client.get(url).content, "historicaltopicsection_form")
    assert old["heading"] == ["Common side effects"]
    old["_save"] = ["Save"]
    assert staff_client.post(url, old).status_code == 302

    main = read_page(patient.get("/learn/test-side-effects/").content)["main"]
    assert "Common side effects" in main
    assert "Muscle pain" in main and "Headache" in main
    assert "Sore muscles" not in main
    section.refresh_from_db()
    headache_again = section.items.get(text="Headache")
    assert list(headache_again.sources.all()) == [side_effects["source"]]
    assert section.history.first().history_change_reason.startswith("Reverted to the version of")

"""The knowledge base in the database: the engine is built once and rebuilt when staff change
anything, and the admin works for clinic staff. (Loading the data files: tests/clinical.)"""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from checker import engine
from checker.models import CheckerSettings, Ingredient, InteractionGroup, Name

ADMIN = "/" + settings.ADMIN_URL


# --- The engine ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_check_runs_no_sql_once_the_engine_is_built(kb, django_assert_num_queries):
    engine.check_medicines(entries=["warm up"], answers={})
    with django_assert_num_queries(0):
        report = engine.check_medicines(
            entries=["Norco 10/325", "plainomab", "qqzzx blorp"], answers={"alcohol": True}
        )
        engine.report_as_json(report)
        engine.name_suggestions()
        engine.screening_questions()
    assert len(report.findings) == 3


@pytest.mark.django_db
def test_the_check_page_runs_no_checker_sql_once_built(client, kb):
    client.post("/check/", {"medicine": ["warm up"]})
    with CaptureQueriesContext(connection) as queries:
        response = client.post("/check/", {"medicine": ["Norco 10/325", "plainomab"]})
    assert response.status_code == 200
    assert [q["sql"] for q in queries.captured_queries if "checker_" in q["sql"]] == []


@pytest.mark.django_db
def test_a_new_name_saved_by_staff_is_recognised_on_the_next_check(
    kb, django_capture_on_commit_callbacks
):
    assert engine.check_medicines(entries=["Plainobrand"]).findings[0].severity == "unknown"
    with django_capture_on_commit_callbacks(execute=True):  # the save commits
        make = Name.objects.create(name="Plainobrand", kind="brand")
        make.ingredients.add(Ingredient.objects.get(name="plainomab"))
    finding = engine.check_medicines(entries=["Plainobrand"]).findings[0]
    assert finding.severity == "none"
    assert finding.match.ingredients == ("plainomab",)


@pytest.mark.django_db
def test_admin_edit_of_a_group_headline_shows_on_the_next_check(staff_client, kb):
    html = staff_client.post("/check/", {"medicine": ["cautionolol"]}).content.decode()
    assert "Caution test headline." in html
    group = kb["caution"]
    response = staff_client.post(
        f"{ADMIN}checker/interactiongroup/{group.pk}/change/",
        {
            "slug": group.slug,
            "label": group.label,
            "level": group.level,
            "order": group.order,
            "headline": "A nurse rewrote this headline.",
            "what_could_happen": group.what_could_happen,
            "what_to_do": group.what_to_do,
            "tell_your_doctor": group.tell_your_doctor,
        },
    )
    assert response.status_code == 302
    html = staff_client.post("/check/", {"medicine": ["cautionolol"]}).content.decode()
    assert "A nurse rewrote this headline." in html
    assert "Caution test headline." not in html


@pytest.mark.django_db
def test_a_worker_rebuilds_when_another_bumps_the_shared_version(kb):
    first = engine.get_engine()
    assert engine.get_engine() is first
    engine.bump_version()  # what a save in another worker does
    assert engine.get_engine() is not first


@pytest.mark.django_db
def test_a_worker_rebuilds_after_the_maximum_age_even_without_a_shared_cache(kb, settings):
    first = engine.get_engine()
    settings.CHECKER_ENGINE_MAX_AGE = 0
    assert engine.get_engine() is not first


# --- Admin for staff -------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("model", ["interactiongroup", "ingredient", "name", "screeningquestion"])
def test_staff_can_list_and_search_every_checker_model(staff_client, kb, model):
    assert staff_client.get(f"{ADMIN}checker/{model}/").status_code == 200
    assert staff_client.get(f"{ADMIN}checker/{model}/?q=zz").status_code == 200
    assert staff_client.get(f"{ADMIN}checker/{model}/add/").status_code == 200


@pytest.mark.django_db
def test_staff_see_which_names_contain_an_ingredient_and_its_history(staff_client, kb):
    hydrocodone = Ingredient.objects.get(name="hydrocodone")
    html = staff_client.get(f"{ADMIN}checker/ingredient/{hydrocodone.pk}/change/").content.decode()
    assert "Names patients use that contain this ingredient" in html
    response = staff_client.get(f"{ADMIN}checker/ingredient/{hydrocodone.pk}/history/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_checker_settings_is_a_single_row_staff_cannot_delete(staff_client):
    row = CheckerSettings.load()
    assert staff_client.get(f"{ADMIN}checker/checkersettings/{row.pk}/change/").status_code == 200
    assert staff_client.get(f"{ADMIN}checker/checkersettings/add/").status_code == 403
    assert staff_client.get(f"{ADMIN}checker/checkersettings/{row.pk}/delete/").status_code == 403


@pytest.mark.django_db
def test_staff_see_the_reading_grade_of_a_groups_patient_words(staff_client, kb):
    html = staff_client.get(f"{ADMIN}checker/interactiongroup/").content.decode()
    assert "Reading grade" in html
    opioid = InteractionGroup.objects.get(slug="opioid")
    html = staff_client.get(f"{ADMIN}checker/interactiongroup/{opioid.pk}/change/").content.decode()
    assert "Flesch-Kincaid reading grade" in html

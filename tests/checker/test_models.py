"""The knowledge base in the database: the seed loader keeps staff edits, the engine is built
once and rebuilt when staff change anything, and the admin works for clinic staff."""

from types import SimpleNamespace

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from checker import engine, seed_data
from checker.models import (
    CheckerSettings,
    Ingredient,
    InteractionGroup,
    Name,
    ScreeningQuestion,
    Source,
)
from checker.seed import load_seed

ADMIN = "/" + settings.ADMIN_URL


def fake_seed(**changes):
    seed = {
        "SOURCES": [
            {
                "key": "zz-label",
                "title": "ZZ label",
                "publisher": "ZZ",
                "url": "https://example.org/zz",
            }
        ],
        "GROUPS": [
            {
                "slug": "zz-group",
                "level": "caution",
                "label": "a zz medicine",
                "order": 7,
                "urgent": False,
                "headline": "Seed headline.",
                "what_could_happen": "Seed could happen.",
                "what_to_do": "Seed to do.",
                "tell_your_doctor": "Seed tell.",
                "sources": ["zz-label"],
            }
        ],
        "INGREDIENTS": [
            {
                "name": "zzcodone",
                "groups": ["zz-group"],
                "aliases": ["zzcodone hcl"],
                "uk_names": ["zzcodol"],
            },
            {"name": "zzamol", "groups": [], "aliases": [], "uk_names": []},
        ],
        "PRODUCTS": [
            {"name": "Zzcet", "ingredients": ["zzcodone", "zzamol"], "kind": "brand"},
            {"name": "zz lean", "ingredients": ["zzcodone"], "kind": "street"},
        ],
        "QUESTIONS": [
            {
                "slug": "zz-question",
                "order": 9,
                "text": "Seed question?",
                "hint": "",
                "yes_level": "info",
                "yes_message": "Seed yes.",
                "tell_your_doctor": "Seed prompt.",
                "sources": ["zz-label"],
            }
        ],
        "DOSE_CONTEXT": seed_data.DOSE_CONTEXT,
    }
    seed.update(changes)
    return SimpleNamespace(**seed)


# --- The seed loader -------------------------------------------------------------------------


@pytest.mark.django_db
def test_loader_creates_every_row_and_maps_a_product_to_every_ingredient_in_order():
    report = load_seed(seed=fake_seed())
    assert report.created["name"] == 4 and not report.warnings
    product = Name.objects.get(name="Zzcet")
    through = Name.ingredients.through.objects.filter(name=product).order_by("pk")
    assert [link.ingredient.name for link in through] == ["zzcodone", "zzamol"]
    assert Name.objects.get(name="zzcodol").kind == "uk"
    assert Name.objects.get(name="zzcodone hcl").kind == "alias"
    assert Name.objects.get(name="zz lean").kind == "street"
    group = InteractionGroup.objects.get(slug="zz-group")
    assert list(group.ingredients.values_list("name", flat=True)) == ["zzcodone"]
    assert list(group.sources.values_list("key", flat=True)) == ["zz-label"]
    assert ScreeningQuestion.objects.get(slug="zz-question").sources.count() == 1


@pytest.mark.django_db
def test_loader_run_twice_creates_nothing_new():
    load_seed(seed=fake_seed())
    counts = [model.objects.count() for model in (Source, InteractionGroup, Ingredient, Name)]
    report = load_seed(seed=fake_seed())
    assert sum(report.created.values()) == 0 and sum(report.updated.values()) == 0
    assert counts == [
        model.objects.count() for model in (Source, InteractionGroup, Ingredient, Name)
    ]


@pytest.mark.django_db
def test_loader_updates_rows_staff_never_touched_when_the_seed_grows():
    load_seed(seed=fake_seed())
    grown = fake_seed()
    grown.GROUPS[0]["headline"] = "New seed headline."
    grown.PRODUCTS[0]["ingredients"] = ["zzcodone", "zzamol", "zzfeine"]
    grown.INGREDIENTS.append({"name": "zzfeine", "groups": [], "aliases": [], "uk_names": []})
    load_seed(seed=grown)
    assert InteractionGroup.objects.get(slug="zz-group").headline == "New seed headline."
    assert Name.objects.get(name="Zzcet").ingredients.count() == 3


@pytest.mark.django_db
def test_loader_never_overwrites_a_row_staff_edited_in_admin(staff_client):
    load_seed(seed=fake_seed())
    group = InteractionGroup.objects.get(slug="zz-group")
    response = staff_client.post(
        f"{ADMIN}checker/interactiongroup/{group.pk}/change/",
        {
            "slug": "zz-group",
            "label": "a zz medicine",
            "level": "caution",
            "order": 7,
            "headline": "Nurse's headline.",
            "what_could_happen": "Seed could happen.",
            "what_to_do": "Seed to do.",
            "tell_your_doctor": "Seed tell.",
            "sources": [Source.objects.get(key="zz-label").pk],
        },
    )
    assert response.status_code == 302
    grown = fake_seed()
    grown.GROUPS[0]["headline"] = "New seed headline."
    report = load_seed(seed=grown)
    assert InteractionGroup.objects.get(slug="zz-group").headline == "Nurse's headline."
    assert report.kept["group"] == 1


@pytest.mark.django_db
def test_loader_does_not_bring_back_a_name_staff_deleted():
    load_seed(seed=fake_seed())
    Name.objects.get(name="zz lean").delete()
    load_seed(seed=fake_seed())
    assert not Name.objects.filter(name="zz lean").exists()


@pytest.mark.django_db
def test_loader_warns_about_a_product_whose_ingredient_is_not_listed():
    seed = fake_seed()
    seed.PRODUCTS.append({"name": "Zzmystery", "ingredients": ["zzunknownine"], "kind": "brand"})
    report = load_seed(seed=seed)
    assert any("zzunknownine" in warning for warning in report.warnings)
    assert Name.objects.get(name="Zzmystery").ingredients.get().name == "zzunknownine"


@pytest.mark.django_db
def test_the_database_holds_the_whole_current_seed_data():
    assert set(Source.objects.values_list("key", flat=True)) >= {
        s["key"] for s in seed_data.SOURCES
    }
    assert set(InteractionGroup.objects.values_list("slug", flat=True)) >= {
        g["slug"] for g in seed_data.GROUPS
    }
    ingredients = set(Ingredient.objects.values_list("name", flat=True))
    assert ingredients >= {i["name"].lower() for i in seed_data.INGREDIENTS}
    names = {name.lower() for name in Name.objects.values_list("name", flat=True)}
    assert names | ingredients >= {p["name"].lower() for p in seed_data.PRODUCTS}
    assert set(ScreeningQuestion.objects.values_list("slug", flat=True)) >= {
        q["slug"] for q in seed_data.QUESTIONS
    }
    assert CheckerSettings.load().dose_context == seed_data.DOSE_CONTEXT


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
@pytest.mark.parametrize(
    "model", ["source", "interactiongroup", "ingredient", "name", "screeningquestion"]
)
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

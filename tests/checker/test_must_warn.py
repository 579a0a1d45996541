"""No staff edit can silently stop a name warning (issue 16): what a nurse or pharmacist sees
in the admin when a change would take the opioid warning from names, on the real loaded data."""

import json
import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission

from checker import engine
from checker.datafiles import read_must_warn
from checker.models import Ingredient, InteractionGroup, Name
from tests.education.pages import form_values, read_page

pytestmark = pytest.mark.django_db
ADMIN = "/" + settings.ADMIN_URL


def opioid_group() -> InteractionGroup:
    return InteractionGroup.objects.get(about_opioids=True)


def says(name: str) -> str:
    finding = engine.check_medicines(entries=[name]).findings[0]
    return finding.severity


def warns_in_full(name: str) -> bool:
    finding = engine.check_medicines(entries=[name]).findings[0]
    return (
        finding.severity == "avoid"
        and finding.urgent
        and finding.is_opioid
        and "opioid" in finding.groups
    )


def page_text(response) -> str:
    return read_page(response.content)["text"]


def change_url(obj) -> str:
    return f"{ADMIN}checker/{obj._meta.model_name}/{obj.pk}/change/"


def open_form(client, url: str, form_id: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    return form_values(response.content, form_id)


def warned_count(text: str) -> int:
    found = re.search(r"(\d+) names? will (?:stop warning|lose part of their opioid warning)", text)
    assert found, text[:3000]
    return int(found.group(1))


@pytest.fixture
def editor(client, django_user_model, django_capture_on_commit_callbacks):
    """A nurse who may edit checker data but is not a pharmacist: cannot confirm."""
    user = django_user_model.objects.create_user(
        username="editor", password="a-long-staff-password-2", is_staff=True
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


# --- The list -----------------------------------------------------------------------------


def test_every_typed_form_on_the_must_warn_list_warns_in_full():
    rows = read_must_warn()
    assert len(rows) >= 30
    silent = [row.name for row in rows if not warns_in_full(row.name)]
    assert silent == []


# --- Removing oxycodone from the opioid group ---------------------------------------------


def test_taking_oxycodone_out_of_the_opioid_group_is_refused_with_the_names_it_silences(editor):
    oxycodone = Ingredient.objects.get(name="oxycodone")
    data = open_form(editor, change_url(oxycodone), "ingredient_form")
    group = str(opioid_group().pk)
    assert group in data["groups"]
    data["groups"] = [pk for pk in data["groups"] if pk != group]
    data["_save"] = ["Save"]

    response = editor.post(change_url(oxycodone), data)

    assert response.status_code == 200
    text = page_text(response)
    assert "Not saved: this change would stop names warning" in text
    assert warned_count(text) >= 50
    assert "OxyContin" in text and "Percocet" in text
    assert "Only a pharmacist can confirm" in text
    assert "I am a pharmacist" not in text
    assert oxycodone.groups.filter(pk=group).exists()
    assert warns_in_full("OxyContin") and warns_in_full("Percocet 5/325")


def test_a_pharmacist_confirms_the_named_impact_and_the_history_keeps_it(staff_client):
    oxycodone = Ingredient.objects.get(name="oxycodone")
    group = str(opioid_group().pk)
    data = open_form(staff_client, change_url(oxycodone), "ingredient_form")
    data["groups"] = [pk for pk in data["groups"] if pk != group]
    data["_save"] = ["Save"]

    refused = staff_client.post(change_url(oxycodone), data)
    assert refused.status_code == 200
    assert "I am a pharmacist and I confirm" in page_text(refused)
    assert oxycodone.groups.filter(pk=group).exists()

    ticked = form_values(refused.content, "ingredient_form")
    assert ticked.get("groups", []) == data["groups"]  # the form came back as typed
    token = re.search(rb'name="must_warn_confirm" value="([0-9a-f]+)"', refused.content)[1]
    ticked["must_warn_confirm"] = [token.decode()]
    ticked["_save"] = ["Save"]
    response = staff_client.post(change_url(oxycodone), ticked)

    assert response.status_code == 302
    assert not oxycodone.groups.filter(pk=group).exists()
    assert says("OxyContin") != "avoid"
    reason = oxycodone.history.order_by("-history_id").first().history_change_reason
    assert reason.startswith("Confirmed by Nora Nurse:")
    assert "stop warning" in reason


def test_a_confirmation_given_for_one_impact_does_not_pass_another(staff_client):
    oxycodone = Ingredient.objects.get(name="oxycodone")
    data = open_form(staff_client, change_url(oxycodone), "ingredient_form")
    data["groups"] = []
    data["must_warn_confirm"] = ["0" * 32]
    data["_save"] = ["Save"]
    response = staff_client.post(change_url(oxycodone), data)
    assert response.status_code == 200
    assert oxycodone.groups.exists()


# --- Deleting the opioid group --------------------------------------------------------------


def delete_url(obj) -> str:
    return f"{ADMIN}checker/{obj._meta.model_name}/{obj.pk}/delete/"


def test_the_delete_page_of_the_opioid_group_says_how_many_names_stop_warning(staff_client):
    group = opioid_group()
    text = page_text(staff_client.get(delete_url(group)))
    assert warned_count(text) >= 800
    assert "Norco" in text and "OxyContin" in text

    # "Yes, I'm sure" without the tick deletes nothing.
    response = staff_client.post(delete_url(group), {"post": "yes"})
    assert response.status_code == 200
    assert "Nothing was deleted" in page_text(response)
    assert InteractionGroup.objects.filter(pk=group.pk).exists()
    assert warns_in_full("Norco 10/325")

    token = re.search(rb'name="must_warn_confirm" value="([0-9a-f]+)"', response.content)[1]
    response = staff_client.post(
        delete_url(group), {"post": "yes", "must_warn_confirm": token.decode()}
    )
    assert response.status_code == 302
    assert not InteractionGroup.objects.filter(pk=group.pk).exists()


def test_a_nurse_cannot_delete_the_opioid_group_at_all(editor):
    group = opioid_group()
    text = page_text(editor.get(delete_url(group)))
    assert "Only a pharmacist can confirm" in text
    assert "Yes, I’m sure" not in text
    editor.post(delete_url(group), {"post": "yes", "must_warn_confirm": "x"})
    assert InteractionGroup.objects.filter(pk=group.pk).exists()


def test_deleting_oxycodone_from_the_list_action_is_refused(staff_client):
    oxycodone = Ingredient.objects.get(name="oxycodone")
    response = staff_client.post(
        f"{ADMIN}checker/ingredient/",
        {"action": "delete_selected", "_selected_action": [oxycodone.pk], "post": "yes"},
        follow=True,
    )
    assert "Nothing was deleted" in page_text(response)
    assert Ingredient.objects.filter(pk=oxycodone.pk).exists()


def test_deleting_a_name_nobody_relies_on_needs_no_confirmation(staff_client):
    name = Name.objects.create(name="Zz Test Cream", kind="brand")
    name.ingredients.add(Ingredient.objects.get(name="acetaminophen"))
    response = staff_client.post(delete_url(name), {"post": "yes"})
    assert response.status_code == 302
    assert not Name.objects.filter(pk=name.pk).exists()


# --- Renaming the slug, unticking the flags -------------------------------------------------


def test_renaming_the_opioid_groups_slug_is_refused(editor):
    group = opioid_group()
    data = open_form(editor, change_url(group), "interactiongroup_form")
    data["slug"] = ["opioids"]
    data["_save"] = ["Save"]
    response = editor.post(change_url(group), data)
    assert response.status_code == 200
    text = page_text(response)
    assert warned_count(text) >= 800
    assert "reported to other programs in the group “opioid”" in text
    assert "Norco" in text.split("names will")[1][:200]  # the best-known names first
    group.refresh_from_db()
    assert group.slug == "opioid"
    report = engine.report_as_json(engine.check_medicines(entries=["Norco"]))
    assert "opioid" in report["results"][0]["groups"]


def test_unticking_these_are_opioids_is_refused(editor):
    group = opioid_group()
    data = open_form(editor, change_url(group), "interactiongroup_form")
    data.pop("about_opioids")
    data["_save"] = ["Save"]
    response = editor.post(change_url(group), data)
    assert response.status_code == 200
    boxed = re.search(
        r"named in the printed checklist's opioid box: (\d+) names", page_text(response)
    )
    assert boxed and int(boxed.group(1)) >= 800  # every opioid name the list knows
    group.refresh_from_db()
    assert group.about_opioids


# --- A name's ingredients -------------------------------------------------------------------


def test_saving_percocet_as_acetaminophen_only_is_refused(editor):
    percocet = Name.objects.get(name__iexact="Percocet")
    data = open_form(editor, change_url(percocet), "name_form")
    data["ingredients"] = [str(Ingredient.objects.get(name="acetaminophen").pk)]
    data["_save"] = ["Save"]
    response = editor.post(change_url(percocet), data)
    assert response.status_code == 200
    text = page_text(response)
    assert "Percocet" in text and "will stop warning" in text
    assert set(percocet.ingredients.values_list("name", flat=True)) >= {"oxycodone"}
    assert warns_in_full("Percocet")


def test_the_delete_ticks_on_the_ingredient_screen_cannot_silence_percocet(editor):
    oxycodone = Ingredient.objects.get(name="oxycodone")
    response = editor.get(change_url(oxycodone))
    text = page_text(response)
    assert "Percocet contains oxycodone" in text
    assert "Name_ingredients object" not in text
    data = form_values(response.content, "ingredient_form")
    prefix = next(
        key[: -len("-name")]
        for key, value in data.items()
        if key.endswith("-name")
        and value
        and value[0] == str(Name.objects.get(name__iexact="Percocet").pk)
    )
    data[f"{prefix}-DELETE"] = ["on"]
    data["_save"] = ["Save"]
    response = editor.post(change_url(oxycodone), data)
    assert response.status_code == 200
    assert "Percocet" in page_text(response)
    assert warns_in_full("Percocet")


def test_a_new_brand_shows_what_the_checker_will_say_before_it_is_kept(editor):
    acetaminophen = Ingredient.objects.get(name="acetaminophen")
    data = open_form(editor, f"{ADMIN}checker/name/add/", "name_form")
    data.update({"name": ["Zentrocet"], "kind": ["brand"], "ingredients": [str(acetaminophen.pk)]})
    data["_save"] = ["Save"]

    response = editor.post(f"{ADMIN}checker/name/add/", data)

    assert response.status_code == 200
    text = page_text(response)
    assert "check what the checker will say" in text
    assert "No known interaction" in text
    assert not Name.objects.filter(name="Zentrocet").exists()

    again = form_values(response.content, "name_form")
    assert again["name"] == ["Zentrocet"]
    again["_save"] = ["Save"]
    assert editor.post(f"{ADMIN}checker/name/add/", again).status_code == 302
    assert Name.objects.filter(name="Zentrocet").exists()


def test_the_name_screen_says_what_the_checker_says_now(editor):
    percocet = Name.objects.get(name__iexact="Percocet")
    text = page_text(editor.get(change_url(percocet)))
    assert "What the checker says now" in text
    assert "Do not take together" in text and "urgent" in text


def test_the_group_screen_says_how_many_names_it_reads(editor):
    text = page_text(editor.get(change_url(opioid_group())))
    found = re.search(r"(\d+) names, each answered", text)
    assert found and int(found.group(1)) >= 800


# --- The ingredient picker -----------------------------------------------------------------


def test_the_ingredient_picker_lists_the_exact_match_first(editor):
    response = editor.get(
        f"{ADMIN}autocomplete/",
        {
            "term": "oxycodone",
            "app_label": "checker",
            "model_name": "name",
            "field_name": "ingredients",
        },
    )
    assert response.status_code == 200
    results = [row["text"] for row in json.loads(response.content)["results"]]
    assert results[0] == "oxycodone"
    assert "acetaminophen" in results  # still found, through Percocet's generic name, later


# --- Reverting from the history -------------------------------------------------------------


def test_a_revert_that_would_silence_names_is_refused(staff_client):
    group = opioid_group()
    group.slug = "opioids-old"  # an old version with another slug, as if renamed once
    group._change_reason = "test"
    group.save()
    old = group.history.order_by("history_id").last()
    group.slug = "opioid"
    group.save()
    engine.bump_version()
    url = f"{ADMIN}checker/interactiongroup/{group.pk}/history/{old.history_id}/"
    data = form_values(staff_client.get(url).content, "historicalinteractiongroup_form")
    assert data["slug"] == ["opioids-old"]
    data["_save"] = ["Save"]
    response = staff_client.post(url, data, follow=True)
    assert "Not reverted" in page_text(response)
    assert "changed successfully" not in page_text(response)
    group.refresh_from_db()
    assert group.slug == "opioid"


# --- History keeps the links ----------------------------------------------------------------


def test_taking_oxycodone_out_of_the_opioid_group_is_undone_from_its_history(staff_client):
    oxycodone = Ingredient.objects.get(name="oxycodone")
    group = str(opioid_group().pk)
    data = open_form(staff_client, change_url(oxycodone), "ingredient_form")
    data["groups"] = [pk for pk in data["groups"] if pk != group]
    data["_save"] = ["Save"]
    refused = staff_client.post(change_url(oxycodone), data)
    ticked = form_values(refused.content, "ingredient_form")
    token = re.search(rb'name="must_warn_confirm" value="([0-9a-f]+)"', refused.content)[1]
    ticked["must_warn_confirm"] = [token.decode()]
    ticked["_save"] = ["Save"]
    assert staff_client.post(change_url(oxycodone), ticked).status_code == 302
    assert says("OxyContin") != "avoid"

    # The version before the change, from the history page, as "Revert" opens it.
    history = staff_client.get(f"{ADMIN}checker/ingredient/{oxycodone.pk}/history/")
    before = oxycodone.history.order_by("-history_id")[1]
    url = f"{ADMIN}checker/ingredient/{oxycodone.pk}/history/{before.history_id}/"
    assert url.encode() in history.content
    data = form_values(staff_client.get(url).content, "historicalingredient_form")
    assert group in data["groups"]  # the old links, not today's
    data["_save"] = ["Save"]
    assert staff_client.post(url, data).status_code == 302

    assert oxycodone.groups.filter(pk=group).exists()
    assert warns_in_full("OxyContin") and warns_in_full("Percocet 5/325")


def test_a_deleted_opioid_group_comes_back_from_its_history_with_its_ingredients(staff_client):
    group = opioid_group()
    members = set(group.ingredients.values_list("name", flat=True))
    refused = staff_client.get(delete_url(group))
    token = re.search(rb'name="must_warn_confirm" value="([0-9a-f]+)"', refused.content)[1]
    staff_client.post(delete_url(group), {"post": "yes", "must_warn_confirm": token.decode()})
    assert not InteractionGroup.objects.filter(pk=group.pk).exists()
    assert says("Norco") != "avoid"

    history = staff_client.get(f"{ADMIN}checker/interactiongroup/{group.pk}/history/")
    assert history.status_code == 200
    last = group.history.exclude(history_type="-").order_by("-history_id").first()
    url = f"{ADMIN}checker/interactiongroup/{group.pk}/history/{last.history_id}/"
    data = form_values(staff_client.get(url).content, "historicalinteractiongroup_form")
    data["_save"] = ["Save"]
    assert staff_client.post(url, data).status_code == 302

    back = InteractionGroup.objects.get(pk=group.pk)
    assert set(back.ingredients.values_list("name", flat=True)) == members
    assert warns_in_full("Norco 10/325") and warns_in_full("OxyContin")

"""Staff-edited Spanish: one translation row per text and language, with its own history,
reviewer and review dates; an English edit flags it; a missing translation falls back to the
English with a note, never a blank (issue 14)."""

import io
import re

import pytest
from django.core.management import call_command
from django.db.models import Q
from django.urls import reverse

from checker.models import InteractionGroup
from clinical.models import Source, Translation
from education.models import Item, Topic
from tests.education.pages import form_values, read_page
from tests.factories import make_reviewer

pytestmark = pytest.mark.django_db


def change_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def submit(client, obj, **changes):
    data = form_values(client.get(change_url(obj)).content, f"{obj._meta.model_name}_form")
    data.update({name: [value] for name, value in changes.items()})
    data["_save"] = ["Save"]
    return client.post(change_url(obj), data)


def test_every_english_text_a_patient_reads_has_its_spanish_row():
    kinds = dict.fromkeys(Translation.Kind.values, 0)
    for row in Translation.objects.filter(language="es"):
        kinds[row.kind] += 1
    assert kinds == {
        "page": Topic.objects.count(),
        "group": InteractionGroup.objects.count(),
        "question": 6,
        "checker_settings": 1,
        "urgent_help": 1,
        "checklist": 1,
        "source": kinds["source"],
        "clinic": 0,  # the clinic's words get their row once staff write them (none here)
    }
    # Every source a patient is shown (cited by a page, a checker text or the checklist) has
    # its Spanish; sources only the drug lists cite are never shown to patients.
    shown = Source.objects.filter(
        Q(topics__isnull=False)
        | Q(items__isnull=False)
        | Q(groups__isnull=False)
        | Q(questions__isnull=False)
        | Q(questiontoask__isnull=False)
        | Q(thingtobring__isnull=False)
        | Q(signtowatch__isnull=False)
    ).distinct()
    spanish = set(Translation.objects.filter(kind="source").values_list("key", flat=True))
    assert shown.count() >= 15
    assert {source.key for source in shown} <= spanish
    # Loaded from the data files against the English they were written from: nothing flagged.
    assert not Translation.objects.filter(english_changed=True).exists()


def test_loading_twice_changes_nothing_and_keeps_a_staff_edit(staff_client):
    row = Translation.objects.get(kind="group", key="nsaid")
    assert (
        submit(staff_client, row, t__headline="Pregunte a su médico por el ibuprofeno").status_code
        == 302
    )
    out = io.StringIO()
    call_command("load_content", stdout=out)
    assert "translations: 0 added, 0 updated, 1 kept as staff left them" in out.getvalue()
    row.refresh_from_db()
    assert row.texts["headline"] == "Pregunte a su médico por el ibuprofeno"


def test_the_spanish_page_shows_the_spanish_words_and_the_english_page_is_unchanged(client):
    spanish = read_page(client.get("/es/learn/side-effects/").content)["main"]
    english = read_page(client.get("/learn/side-effects/").content)["main"]
    assert "Efectos secundarios de la LDN" in spanish
    assert "Ganas de vomitar (náuseas)" in spanish
    assert "Feeling sick" not in spanish
    assert "Ganas de vomitar" not in english
    assert "Feeling sick (nausea)" in english


def test_a_page_with_no_spanish_shows_the_english_with_a_note_and_no_spanish_hreflang(client):
    Translation.objects.filter(kind="page", key="side-effects").delete()
    html = client.get("/es/learn/side-effects/").content.decode()
    assert '<html lang="es">' in html
    assert '<article class="app-readable app-topic" lang="en">' in html
    assert "Esta página aún no está en español" in html
    assert "Feeling sick (nausea)" in html  # the English, never a blank
    assert 'hreflang="es"' not in re.search(r"<head>.*</head>", html, re.S).group(0)
    assert "Ir al contenido" in html  # the site's own words stay Spanish
    # The English page names no Spanish twin either: crawlers are not sent to it.
    english = client.get("/learn/side-effects/").content.decode()
    head = re.search(r"<head>.*</head>", english, re.S).group(0)
    assert 'hreflang="es"' not in head and 'hreflang="en"' in head


def test_a_text_with_no_spanish_falls_back_to_its_english_with_a_note(client):
    row = Translation.objects.get(kind="page", key="side-effects")
    item = Item.objects.get(text="Muscle pain")
    name = f"sections.{item.section.key}.items.{item.key}"
    del row.texts[name]
    row.save()
    main = read_page(client.get("/es/learn/side-effects/").content)["main"]
    assert "Muscle pain" in main
    assert "Una parte de esta página aún no está en español" in main
    assert "Cansancio (fatiga)" in main


def test_a_staff_edit_of_the_english_flags_the_spanish_and_the_list_filters_on_it(staff_client):
    source = Source.objects.get(key="drugs-com-interactions")
    response = submit(staff_client, source, note="Lists medicines known to interact with it.")
    assert response.status_code == 302
    row = Translation.objects.get(kind="source", key="drugs-com-interactions")
    assert row.english_changed
    assert list(Translation.objects.filter(english_changed=True)) == [row]

    listing = staff_client.get(
        reverse("admin:clinical_translation_changelist") + "?english_changed=yes"
    )
    text = read_page(listing.content)["text"]
    assert "Source drugs-com-interactions (es)" in text
    assert "Source drugs-com-naltrexone (es)" not in text

    # The editor reads the new English beside the Spanish, fixes the Spanish, and records
    # the review: the flag clears, with the review dates and who reviewed it.
    reviewer = make_reviewer("Ana Ruiz", "Pharmacist")
    page = staff_client.get(change_url(row)).content.decode()
    assert "English: Lists medicines known to interact with it." in page
    assert "INFLESZ" in page
    response = submit(
        staff_client,
        row,
        t__note="Muestra las medicinas que se mezclan mal con ella.",
        checked_against_english="on",
        reviewer=str(reviewer.pk),
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert not row.english_changed
    assert row.last_reviewed is not None and row.next_review_due > row.last_reviewed
    assert row.reviewer == reviewer


def test_a_model_edit_of_a_page_flags_only_that_pages_spanish(django_capture_on_commit_callbacks):
    topic = Topic.objects.get(slug="side-effects")
    with django_capture_on_commit_callbacks(execute=True):
        topic.summary = "Naltrexone can cause side effects, even at a low dose."
        topic.save()
    flagged = list(Translation.objects.filter(english_changed=True).values_list("kind", "key"))
    assert flagged == [("page", "side-effects")]


def test_restoring_an_old_spanish_version_leaves_the_english_alone(staff_client, client):
    row = Translation.objects.get(kind="page", key="side-effects")
    assert (
        submit(staff_client, row, t__title="Efectos de la LDN que no se buscan").status_code == 302
    )
    assert (
        "Efectos de la LDN que no se buscan"
        in client.get("/es/learn/side-effects/").content.decode()
    )

    first = row.history.earliest("history_date")
    revert_url = reverse("admin:clinical_translation_simple_history", args=[row.pk, first.pk])
    old_form = staff_client.get(revert_url)
    assert old_form.status_code == 200
    data = form_values(old_form.content, "historicaltranslation_form")
    assert data["t__title"] == ["Efectos secundarios de la LDN"]
    data["_save"] = ["Save"]
    assert staff_client.post(revert_url, data).status_code == 302

    row.refresh_from_db()
    assert row.texts["title"] == "Efectos secundarios de la LDN"
    assert row.history.count() == 3
    assert Topic.objects.get(slug="side-effects").title == "Side effects of LDN"
    assert "Efectos secundarios de la LDN" in client.get("/es/learn/side-effects/").content.decode()


def test_the_admin_shows_the_spanish_reading_score_in_the_list_and_while_editing(staff_client):
    listing = staff_client.get(reverse("admin:clinical_translation_changelist")).content.decode()
    assert "INFLESZ (Spanish reading ease)" in listing
    row = Translation.objects.get(kind="page", key="key-points")
    page = staff_client.get(change_url(row)).content.decode()
    assert re.search(r"INFLESZ \d+\.\d \((bastante fácil|muy fácil)\)", page)
    assert "English grade:" in page


def test_the_spanish_score_is_asked_for_as_staff_type(staff_client):
    row = Translation.objects.get(kind="page", key="key-points")
    page = staff_client.get(change_url(row)).content.decode()
    grade_url = reverse("admin:reading_grade") + "?lang=es"
    assert page.count(f'data-reading-grade="{grade_url}"'.replace("&", "&amp;")) >= 2
    assert 'data-reading-label="Spanish reading ease"' in page

    easy = staff_client.post(
        grade_url, {"text": "Tome la LDN de noche. Si no duerme bien, tómela de día."}
    )
    assert re.fullmatch(r"INFLESZ \d+\.\d \((bastante fácil|muy fácil)\)", easy.json()["grade"])
    hard = staff_client.post(
        grade_url,
        {
            "text": "La administración concomitante de antagonistas opioides con analgésicos "
            "opioides puede precipitar un síndrome de abstinencia significativamente grave."
        },
    )
    assert "below the target of 65" in hard.json()["grade"]

"""Issue 11, point 6, on the real rules (checker/data/groups.yaml): other opioid blockers are
"Ask your doctor first"; products that are naltrexone itself (Vivitrol, ReVia, Contrave) have
words that match their doses; Embeda's naltrexone is sealed in; naloxone has its own words;
the alcohol, disulfiram and dose-note words are plain. On the engine (data files), the API and
the CLI (database), the page, and the data check."""

import json
import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from checker.models import InteractionGroup
from checker.rules import evaluate
from clinical.datafiles import ROOT
from clinical.loading import ContentError, load_content
from tests.checker.knowledge import knowledge

BLOCKERS = [
    ("Movantik", "naloxegol"),
    ("Moventig", "naloxegol"),
    ("Symproic", "naldemedine"),
    ("Relistor", "methylnaltrexone"),
    ("alvimopan", "alvimopan"),
    ("Entereg", "alvimopan"),
    ("Lybalvi", "samidorphan"),
    ("Selincro", "nalmefene"),
    ("nalmefene", "nalmefene"),
]


def finding(typed, **answers):
    kb = knowledge()
    report = evaluate(
        matches=[kb.index.match(typed)], answers=answers, rules=kb.rules, questions=kb.questions
    )
    return report.findings[0]


def rule(slug):
    return next(r for r in knowledge().rules if r.slug == slug)


# --- The engine, on the data files ---------------------------------------------------------


@pytest.mark.parametrize(("typed", "blocker"), BLOCKERS)
def test_every_other_opioid_blocker_is_ask_your_doctor_first(typed, blocker):
    found = finding(typed)
    assert found.severity == "caution"
    assert found.level_words == "Ask your doctor first"
    assert "opioid-antagonist" in found.groups
    assert blocker in found.match.ingredients
    assert "not to use it with another opioid blocker" in found.message


def test_the_blocker_group_slug_says_antagonist_and_each_label_is_cited():
    group = rule("opioid-antagonist")
    assert "antagonist" in group.slug
    titles = " ".join(source.title for source in group.sources).casefold()
    for label in ("Movantik", "Symproic", "Relistor", "Entereg", "Lybalvi", "Selincro"):
        assert f"{label.casefold()} (" in titles or f"{label.casefold()} tablets" in titles


def test_vivitrol_is_a_monthly_full_block_not_the_same_as_ldn():
    found = finding("Vivitrol")
    assert found.severity == "caution" and found.groups == ("naltrexone-shot",)
    assert "380 mg" in found.message and "once a month" in found.message
    assert "blocks opioids fully for weeks" in found.message
    assert "the same medicine as LDN" not in found.explanation + found.message


def test_revia_tablets_are_naltrexone_at_the_full_dose():
    for typed in (
        "Revia",
        "ReVia 50 mg",
        "Nalorex",
        "naltrexone 50 mg",
        "Naltrexone HCl 50 mg tablets",
        "naltrexone 50 mg tablets",
    ):
        found = finding(typed)
        assert found.severity == "caution", typed
        assert found.groups == ("naltrexone-full-dose",), typed
        assert "50 mg tablets" in found.message
        assert "a tenth of that dose or less" in found.message


def test_contrave_and_mysimba_say_their_naltrexone_dose():
    for typed in ("Contrave", "Mysimba"):
        found = finding(typed)
        assert found.severity == "caution" and found.groups == ("naltrexone-bupropion",), typed
        assert "8 mg in each tablet" in found.message
        assert "32 mg of naltrexone" in found.message


def test_ldn_itself_is_still_only_tell_your_doctor():
    for typed in ("low dose naltrexone 4.5 mg", "naltrexone 4.5 mg capsules", "LDN 1.5mg"):
        found = finding(typed)
        assert found.severity == "info" and found.groups == ("naltrexone",), typed


def test_embeda_warns_as_an_opioid_and_says_its_naltrexone_is_sealed_in():
    for typed in ("Embeda", "Troxyca ER"):
        found = finding(typed)
        assert found.severity == "avoid" and found.is_opioid, typed
        assert found.groups == ("opioid", "naltrexone-sealed"), typed
        assert "sealed inside tiny beads" in found.message
        assert "only if the capsule is crushed, chewed or dissolved" in found.message
        assert "higher dose than your doctor planned" not in found.message


def test_naloxone_says_keep_carrying_it_and_is_never_do_not_take():
    for typed in ("Narcan", "naloxone nasal spray", "Kloxxado", "Opvee"):
        found = finding(typed)
        assert found.severity == "info" and found.groups == ("naloxone",), typed
        assert found.headline == "Keep carrying naloxone: it still works in an overdose"
        assert "Keep carrying it" in found.what_to_do
        assert "call for emergency help" in found.what_to_do


def test_the_naloxone_in_suboxone_is_spoken_for_by_the_opioid_warning():
    found = finding("Suboxone")
    assert found.severity == "avoid" and found.groups == ("opioid",)
    assert "Keep carrying naloxone" not in found.message + found.headline


def test_the_alcohol_words_are_not_ambiguous_and_do_not_contradict_each_other():
    text = rule("alcohol").what_could_happen
    assert "at any dose" not in text
    assert "even at a low dose like LDN" in text
    assert "The drug labels do not warn against it." in text
    question = next(q for q in knowledge().questions if q.slug == "alcohol")
    assert "even at a low dose like LDN" in question.yes_message


def test_disulfiram_has_the_same_ldn_dose_context_as_the_nsaids():
    disulfiram = rule("disulfiram").what_could_happen
    assert "At LDN doses the risk is likely low, but no one knows for sure." in disulfiram
    assert "At LDN doses the risk is likely low, but no one knows for sure." in (
        rule("nsaid").what_could_happen
    )


def test_the_dose_note_says_a_tenth_or_less():
    note = knowledge().data.dose_context
    assert "a tenth of that or less (often 1.5 to 4.5 mg)" in note
    assert "about a tenth" not in note


def test_debatable_rules_say_why_for_staff():
    debatable = {row.slug: row.debatable for row in knowledge().data.groups if row.debatable}
    assert {"opioid-antagonist", "nsaid", "alcohol", "disulfiram"} <= set(debatable)
    assert "Ask your doctor first" in debatable["opioid-antagonist"]


# --- The database, the API, the CLI and the page --------------------------------------------


def api(client, *names):
    response = client.post(
        "/api/check", {"medications": list(names)}, content_type="application/json"
    )
    assert response.status_code == 200
    return response.json()


@pytest.mark.django_db
def test_the_loader_stores_products_instead_of_and_the_debatable_note():
    shot = InteractionGroup.objects.get(slug="naltrexone-shot")
    assert shot.product_names == ["Vivitrol", "naltrexone 380 mg", "naltrexone 380"]
    assert shot.instead_of_slugs == ["naltrexone"]
    assert InteractionGroup.objects.get(slug="opioid-antagonist").debatable


@pytest.mark.django_db
def test_api_answers_each_blocker_rule(client):
    sent = ["Movantik", "Vivitrol", "Contrave", "Embeda", "Narcan", "LDN"]
    results = {r["input"]: r for r in api(client, *sent)["results"]}
    assert [results[n]["severity"] for n in sent] == [
        "caution",
        "caution",
        "caution",
        "avoid",
        "info",
        "info",
    ]
    assert results["Movantik"]["groups"] == ["opioid-antagonist"]
    assert results["Vivitrol"]["groups"] == ["naltrexone-shot"]
    assert results["Vivitrol"]["ingredients"] == ["naltrexone"]
    assert results["Embeda"]["groups"] == ["opioid", "naltrexone-sealed"]
    assert results["Narcan"]["groups"] == ["naloxone"]
    assert "Taking LDN is no reason to stop carrying it." in results["Narcan"]["message"]


@pytest.mark.django_db
def test_checkmeds_says_ask_your_doctor_first_for_movantik_and_matches_the_api(client):
    out = StringIO()
    call_command("checkmeds", "Movantik", "Narcan", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Movantik\tAsk your doctor first\tnaloxegol\t")
    assert lines[1].startswith("Narcan\tTell your doctor\tnaloxone\t")
    out = StringIO()
    call_command("checkmeds", "--json", "Movantik", "Vivitrol", "Embeda", stdout=out)
    assert json.loads(out.getvalue()) == api(client, "Movantik", "Vivitrol", "Embeda")


def section(html, level):
    found = re.search(
        rf'<section class="app-level app-level--{level}".*?</section>', html, flags=re.S
    )
    return found.group(0) if found else ""


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True])
def test_page_shows_blockers_under_ask_your_doctor_first_and_naloxone_under_tell(client, htmx):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = client.post(
        "/check/", {"medicine": ["Movantik", "Narcan", "Vivitrol"], "action": "check"}, **headers
    )
    html = response.content.decode()
    caution = section(html, "caution")
    assert "Movantik" in caution and "Vivitrol" in caution
    assert "not to use it with another opioid blocker" in caution
    assert "380 mg of naltrexone" in caution
    info = section(html, "info")
    assert "Narcan" in info and "Keep carrying naloxone: it still works in an overdose" in info
    assert section(html, "none") == ""
    assert "a tenth of that or less" in html


# --- The data check ------------------------------------------------------------------------


@pytest.fixture
def data_root(tmp_path) -> Path:
    for folder in ("clinical/data", "checker/data", "education/data", "checklist/data"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def swap(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.django_db
def test_a_product_that_is_no_name_is_a_broken_row(data_root):
    swap(data_root / "checker/data/groups.yaml", "products: [Vivitrol,", "products: [Vivitroll,")
    with pytest.raises(ContentError, match=r"groups.yaml, line \d+: product 'Vivitroll' is not"):
        load_content(root=data_root)


@pytest.mark.django_db
def test_instead_of_an_unknown_group_is_a_broken_row(data_root):
    swap(
        data_root / "checker/data/groups.yaml", "instead_of: [naltrexone]", "instead_of: [naltrex]"
    )
    with pytest.raises(ContentError, match=r"instead_of 'naltrex' must be the slug of another"):
        load_content(root=data_root)


@pytest.mark.django_db
def test_the_admin_says_which_rules_are_debatable_and_why(staff_client):
    changelist = staff_client.get(reverse("admin:checker_interactiongroup_changelist"))
    assert changelist.status_code == 200
    assert "debatable" in changelist.content.decode().lower()
    group = InteractionGroup.objects.get(slug="opioid-antagonist")
    page = staff_client.get(reverse("admin:checker_interactiongroup_change", args=[group.pk]))
    html = page.content.decode()
    assert "Debatable?" in html
    assert "never shown to patients" in html
    assert "So the level is" in html  # the reason, as the data file gives it
    assert (
        "Vivitrol"
        in staff_client.get(
            reverse(
                "admin:checker_interactiongroup_change",
                args=[InteractionGroup.objects.get(slug="naltrexone-shot").pk],
            )
        ).content.decode()
    )

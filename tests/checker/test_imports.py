"""import_ndc and import_dpd on sample files in the agencies' real formats (made-up brands):
a dry run changes nothing, --apply adds names a patient's check then finds, a second run adds
nothing, bad rows are reported with their line, and a name staff removed stays removed."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from checker import engine

SAMPLES = Path(__file__).resolve().parent / "import_samples"
PRODUCT = SAMPLES / "product.txt"


def run(command, *args):
    out = io.StringIO()
    call_command(command, *map(str, args), stdout=out)
    return out.getvalue()


def reading_of(entry):
    engine.reset()
    report = engine.check_medicines(entries=[entry])
    finding = report.findings_as_typed[0]
    return finding.match.matched_name, finding.severity, set(finding.groups)


pytestmark = pytest.mark.django_db


def test_dry_run_says_what_it_would_add_and_changes_nothing():
    from checker.models import Ingredient, Name

    names, ingredients = Name.objects.count(), Ingredient.objects.count()
    out = run("import_ndc", PRODUCT, "--date", "2026-12-01")
    assert "Zolvane ER = oxycodone (opioid)" in out
    assert "zalifentanil, in the opioid group" in out
    assert "Dry run: nothing was changed" in out
    assert (Name.objects.count(), Ingredient.objects.count()) == (names, ingredients)
    assert reading_of("Zolvane ER 20 mg")[1] == "unknown"


def test_apply_adds_the_names_with_the_file_as_their_source_and_history():
    from checker.models import Name

    out = run("import_ndc", PRODUCT, "--date", "2026-12-01", "--apply")
    assert "Applied 12 changes." in out
    name = Name.objects.get(name="Brixadol")
    assert sorted(name.ingredients.values_list("name", flat=True)) == [
        "acetaminophen",
        "hydrocodone",
    ]
    assert name.source.title == "FDA NDC Directory: product.txt of 2026-12-01"
    assert name.region == "us"
    version = name.history.first()
    assert version.history_change_reason == "import_ndc: product.txt of 2026-12-01"
    # a patient's check reads the new names at once
    assert reading_of("Zolvane ER 20 mg") == ("Zolvane ER", "avoid", {"opioid"})
    assert reading_of("Painvex")[2] == {"opioid"}  # a new ingredient, in the opioid group
    assert reading_of("Tusnovex syrup")[2] == {"opioid"}


def test_running_twice_adds_nothing():
    from checker.models import Name

    run("import_ndc", PRODUCT, "--date", "2026-12-01", "--apply")
    names = Name.objects.count()
    out = run("import_ndc", PRODUCT, "--date", "2026-12-01", "--apply")
    assert "Nothing to add or change" in out
    assert Name.objects.count() == names


def test_a_name_staff_removed_is_not_added_again(staff_client):
    from checker.models import Name

    run("import_ndc", PRODUCT, "--date", "2026-12-01", "--apply")
    brixadol = Name.objects.get(name="Brixadol")
    response = staff_client.post(
        f"/admin/checker/name/{brixadol.pk}/delete/", {"post": "yes"}, follow=True
    )
    assert response.status_code == 200
    assert not Name.objects.filter(name="Brixadol").exists()
    out = run("import_ndc", PRODUCT, "--date", "2026-12-02", "--apply")
    assert "Brixadol (hydrocodone + acetaminophen): staff removed, changed or turned down" in out
    assert not Name.objects.filter(name="Brixadol").exists()


def test_a_name_staff_renamed_is_not_added_again_under_its_old_name():
    from checker.models import Name

    run("import_dpd", SAMPLES / "dpd", "--date", "2026-11-15", "--apply")
    tramzex = Name.objects.get(name="Tramzex XL")
    tramzex.name = "Tramzex XL (Canada)"
    tramzex.save()  # an edit not made by the loader or an import: staff's
    out = run("import_dpd", SAMPLES / "dpd", "--date", "2026-11-16")
    assert "Tramzex XL" in out and "not added again" in out


def test_bad_rows_are_reported_with_their_line_and_the_rest_is_used():
    out = run("import_dpd", SAMPLES / "dpd", "--date", "2026-11-15")
    assert "ingred.txt line 21: it has 2 columns" in out and "Halfload" in out
    assert "ther.txt line 15: unknown class: 'OPIOID' is not an ATC code" in out
    assert "drug.txt line 17: its accented letters are saved as UTF-8" in out
    assert "Norvatec-30 = acetaminophen + caffeine + codeine (opioid)" in out
    assert "Halfload =" not in out


def test_dpd_apply_reads_canadian_names_as_their_ingredients():
    run("import_dpd", SAMPLES / "dpd", "--date", "2026-11-15", "--apply")
    assert reading_of("NORVATEC-30")[2] == {"opioid"}
    assert reading_of("Cofsyral DH syrup")[2] == {"opioid"}
    assert reading_of("Naproflex 220 mg")[2] == {"nsaid"}


def test_a_file_of_another_kind_is_refused_in_plain_words(tmp_path):
    other = tmp_path / "product.txt"
    other.write_text("NAME\tINGREDIENT\nZolvane\tOXYCODONE\n", encoding="latin-1")
    with pytest.raises(CommandError, match="not the NDC Directory's product.txt"):
        run("import_ndc", other)
    with pytest.raises(CommandError, match="no ingred.txt"):
        (tmp_path / "drug.txt").write_text('"1","","Human","1","X"\n')
        run("import_dpd", tmp_path)

"""`manage.py load_content` as staff and a clinic's IT person meet it: it adds what is new,
updates what staff never touched, never overwrites a staff edit, adds nothing on a second run,
and a broken row stops it with the file, the line and the reason, loading nothing."""

import io
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from checker import engine
from checker.models import InteractionGroup, Name
from clinical.datafiles import ROOT
from clinical.loading import ContentError, load_content

pytestmark = pytest.mark.django_db

DATA_DIRS = ("clinical/data", "checker/data", "education/data", "checklist/data")


@pytest.fixture
def data_root(tmp_path) -> Path:
    """A copy of every data file, to change as a reviewer would."""
    for folder in DATA_DIRS:
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def append_line(path: Path, line: str) -> int:
    """Add a row to a CSV file; return its line number."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text + line + "\n", encoding="utf-8")
    return len(text.splitlines()) + 1


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def staff_save(obj, user) -> None:
    obj._history_user = user  # as the admin records it (HistoryRequestMiddleware)
    obj.save()


def test_loading_again_adds_and_changes_nothing():
    output = io.StringIO()
    call_command("load_content", stdout=output)
    assert "Everything was already up to date." in output.getvalue()
    assert "names: 0 added, 0 updated" in output.getvalue()


def test_a_new_opioid_brand_is_one_line_in_names_csv_and_no_python(
    data_root, django_capture_on_commit_callbacks
):
    assert engine.check_medicines(entries=["Zorvexa 20 mg"]).findings[0].severity == "unknown"
    append_line(
        data_root / "checker/data/names.csv",
        "Zorvexa,brand,oxycodone,,,,ldn-guide-first-list,a made-up brand for this test",
    )
    with django_capture_on_commit_callbacks(execute=True):  # as after the command's commit
        report = load_content(root=data_root)
    assert report.added["names"] == 1
    finding = engine.check_medicines(entries=["Zorvexa 20 mg"]).findings[0]
    assert (finding.severity, finding.groups) == ("avoid", ("opioid",))
    assert finding.explanation == "You typed Zorvexa 20 mg: oxycodone (an opioid)"


def test_a_row_staff_never_touched_is_brought_up_to_date_with_a_version_saying_so(
    data_root, django_capture_on_commit_callbacks
):
    replace(
        data_root / "checker/data/groups.yaml",
        "Tell your doctor: yohimbine may act more strongly",
        "Tell your doctor: yohimbine may act much more strongly",
    )
    with django_capture_on_commit_callbacks(execute=True):
        report = load_content(root=data_root)
    assert report.updated["interaction groups"] == 1
    group = InteractionGroup.objects.get(slug="yohimbine")
    assert group.headline == "Tell your doctor: yohimbine may act much more strongly"
    latest = group.history.first()
    assert latest.history_change_reason == "load_content: updated from checker/data/groups.yaml"
    assert engine.check_medicines(entries=["yohimbe"]).findings[0].headline == group.headline


def test_a_staff_edit_is_never_overwritten_and_the_history_keeps_both(data_root, staff_user):
    group = InteractionGroup.objects.get(slug="yohimbine")
    loaders_words = group.headline
    group.headline = "Our pharmacist's own words about yohimbine."
    staff_save(group, staff_user)
    replace(
        data_root / "checker/data/groups.yaml",
        "Tell your doctor: yohimbine may act more strongly",
        "New words from the file about yohimbine.",
    )
    report = load_content(root=data_root)
    assert report.kept["interaction groups"] == 1
    group.refresh_from_db()
    assert group.headline == "Our pharmacist's own words about yohimbine."
    versions = [v.headline for v in group.history.all()]
    assert versions[0] == "Our pharmacist's own words about yohimbine."
    assert loaders_words in versions  # the loader's first version is still there to go back to


def test_a_name_staff_deleted_is_not_brought_back(staff_user):
    name = Name.objects.get(name="vikes")
    name._history_user = staff_user
    name.delete()
    report = load_content()
    assert not Name.objects.filter(name__iexact="vikes").exists()
    assert report.kept["names"] >= 1


def test_a_broken_row_names_the_file_line_and_reason_and_nothing_is_loaded(data_root):
    names = data_root / "checker/data/names.csv"
    append_line(names, "Goodnewbrand,brand,oxycodone,,,,ldn-guide-first-list,")
    line = append_line(names, "Badnewbrand,brand,oxycodone+unobtainium,,,,ldn-guide-first-list,")
    with pytest.raises(ContentError) as raised:
        load_content(root=data_root)
    message = str(raised.value)
    assert f"checker/data/names.csv, line {line}: ingredient 'unobtainium'" in message
    assert "is not in ingredients.yaml" in message
    assert not Name.objects.filter(name__in=["Goodnewbrand", "Badnewbrand"]).exists()


def test_the_command_says_nothing_was_loaded_and_lists_every_broken_file(data_root, settings):
    replace(data_root / "checker/data/groups.yaml", "level: caution", "level: careful")
    page = data_root / "education/data/pages/side-effects.yaml"
    replace(page, "sections:", "sections:\n  - key: [unclosed")
    with pytest.raises(ContentError) as raised:
        load_content(root=data_root)
    lines = str(raised.value).splitlines()
    assert any("checker/data/groups.yaml, line" in line and "careful" in line for line in lines)
    assert any("side-effects.yaml, line" in line and "not valid YAML" in line for line in lines)


def test_the_command_itself_fails_with_the_reasons_for_a_clinics_it_person(monkeypatch):
    def broken(*args, **kwargs):
        raise ContentError([])

    monkeypatch.setattr("clinical.management.commands.load_content.load_content", broken)
    with pytest.raises(CommandError, match="Nothing was loaded"):
        call_command("load_content", stdout=io.StringIO())


def test_a_source_cited_but_missing_is_a_broken_row(data_root):
    replace(
        data_root / "checker/data/questions.yaml",
        "sources: [drugs-com-naltrexone]",
        "sources: [no-such-source]",
    )
    with pytest.raises(
        ContentError, match=r"questions.yaml, line \d+: 'sources' names 'no-such-source'"
    ):
        load_content(root=data_root)


def test_a_name_on_two_rows_needs_the_two_meanings_flag_on_both(data_root):
    names = data_root / "checker/data/names.csv"
    line = append_line(names, "Norco,brand,liothyronine,,,,ldn-guide-first-list,")
    with pytest.raises(ContentError, match=f"names.csv, line {line}: 'Norco' is already on line"):
        load_content(root=data_root)

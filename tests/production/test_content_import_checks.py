"""Finding 8: import_content checks a backup as the admin checks an edit. A tampered file
cannot put raw HTML (or a meta refresh that sends the browser elsewhere) on a patient page,
and a row the admin would refuse (a javascript: link) stops the import with nothing changed.
The backups here hold the content with fewer medicine names (fewer_names, conftest.py): every
row is checked alike, and the round trip of every row is in test_content_backup.py."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.test import Client


def tampered_backup(tmp_path, change) -> str:
    backup = tmp_path / "content.json"
    call_command("export_content", str(backup), stderr=io.StringIO())
    rows = json.loads(backup.read_text())
    change(rows)
    backup.write_text(json.dumps(rows))
    return str(backup)


def first_row(rows, model):
    return next(row for row in rows if row["model"] == model)


@pytest.mark.django_db
@pytest.mark.usefixtures("fewer_names")
def test_raw_html_and_a_meta_refresh_in_a_backup_never_reach_the_page(tmp_path):
    from education.models import Topic

    slug = Topic.objects.published().first().slug

    def inject(rows):
        for row in rows:
            if row["model"] == "education.topic" and row["fields"]["slug"] == slug:
                row["fields"]["intro"] = "Read this. <script>alert(1)</script>"
                row["fields"]["intro_html"] = (
                    '<meta http-equiv="refresh" content="0;url=https://example.org/">'
                    "<script>alert(1)</script><p onclick=alert(1)>Hi</p>"
                )

    call_command("import_content", tampered_backup(tmp_path, inject), stderr=io.StringIO())
    html = Client().get(f"/learn/{slug}/").content.decode()
    assert "http-equiv" not in html
    assert "<script>alert" not in html
    assert "onclick" not in html
    assert "Read this." in html


@pytest.mark.django_db
@pytest.mark.usefixtures("fewer_names")
def test_a_backup_with_a_javascript_link_is_refused_and_changes_nothing(tmp_path):
    from clinical.models import Source

    before = list(Source.objects.order_by("pk").values_list("url", flat=True))

    def inject(rows):
        first_row(rows, "clinical.source")["fields"]["url"] = "javascript:alert(1)"

    with pytest.raises(CommandError) as refused:
        call_command("import_content", tampered_backup(tmp_path, inject), stderr=io.StringIO())
    assert "clinical.source" in str(refused.value)
    assert "url" in str(refused.value)
    assert list(Source.objects.order_by("pk").values_list("url", flat=True)) == before


@pytest.mark.django_db
@pytest.mark.usefixtures("fewer_names")
def test_a_backup_with_an_unknown_choice_is_refused(tmp_path):
    def inject(rows):
        first_row(rows, "education.topic")["fields"]["status"] = "<b>published</b>"

    with pytest.raises(CommandError):
        call_command("import_content", tampered_backup(tmp_path, inject), stderr=io.StringIO())

"""The admin's drug-list upload and the review screen: staff upload the agency's file, nothing
goes live until a pharmacist (the checker.approve_import permission) approves it, and what a
pharmacist turns down is not proposed again."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from checker import engine, imports

SAMPLES = Path(__file__).resolve().parent / "import_samples"
ADD = "/admin/checker/importrun/add/"

pytestmark = pytest.mark.django_db


def make_staff(django_user_model, username, *permissions):
    user = django_user_model.objects.create_user(
        username=username, password="a-long-staff-password-1", is_staff=True
    )
    for codename in ("add_importrun", "view_importrun", *permissions):
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


@pytest.fixture
def uploader(client, django_user_model):
    client.force_login(make_staff(django_user_model, "clerk"))
    return client


@pytest.fixture
def pharmacist(client, django_user_model):
    client.force_login(make_staff(django_user_model, "pharmacist", "approve_import"))
    return client


def upload(client, list_name, name, data, date="2026-12-01"):
    return client.post(
        ADD,
        {"list_name": list_name, "file_date": date, "upload": SimpleUploadedFile(name, data)},
        follow=True,
    )


def zipped(**files: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def reads_as_opioid(entry):
    engine.reset()
    finding = engine.check_medicines(entries=[entry]).findings_as_typed[0]
    return "opioid" in finding.groups


def test_an_upload_shows_the_review_and_changes_nothing_yet(uploader):
    from checker.models import ImportRun

    page = upload(
        uploader,
        "ndc",
        "ndctext.zip",
        zipped(**{"product.txt": (SAMPLES / "product.txt").read_bytes()}),
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert "Zolvane ER" in text and "oxycodone" in text
    assert "product.txt line 19: unknown class" in text
    assert "A pharmacist" in text and "must review and approve" in text
    assert 'name="approve"' not in text  # no approving without the permission
    run = ImportRun.objects.get()
    assert run.status == "waiting" and run.uploaded_by.username == "clerk"
    assert not reads_as_opioid("Zolvane ER")


def test_staff_without_the_permission_cannot_approve(uploader):
    from checker.models import ImportRun

    upload(uploader, "ndc", "product.txt", (SAMPLES / "product.txt").read_bytes())
    run = ImportRun.objects.get()
    ids = [str(pk) for pk in run.changes.values_list("pk", flat=True)]
    response = uploader.post(f"/admin/checker/importrun/{run.pk}/change/", {"approve": ids})
    assert response.status_code == 403
    assert not reads_as_opioid("Zolvane ER")


def test_a_pharmacist_makes_the_ticked_changes_live_and_turns_down_the_rest(pharmacist):
    from checker.models import ImportRun, Name

    upload(
        pharmacist,
        "dpd",
        "allfiles.zip",
        zipped(**{name: (SAMPLES / "dpd" / name).read_bytes() for name in imports.dpd.FILES}),
    )
    run = ImportRun.objects.get()
    review = pharmacist.get(f"/admin/checker/importrun/{run.pk}/change/").content.decode()
    assert 'name="approve"' in review and "Apply the ticked changes" in review
    wanted = run.changes.exclude(name="Naproflex")
    page = pharmacist.post(
        f"/admin/checker/importrun/{run.pk}/change/",
        {"approve": [str(pk) for pk in wanted.values_list("pk", flat=True)]},
        follow=True,
    )
    assert "changes are live now" in page.content.decode()
    run.refresh_from_db()
    assert run.status == "applied" and run.decided_by.username == "pharmacist"
    assert reads_as_opioid("Norvatec-30")
    norvatec = Name.objects.get(name="Norvatec-30")
    version = norvatec.history.first()
    assert version.history_user.username == "pharmacist"
    assert version.history_change_reason == "import_dpd: allfiles.zip of 2026-12-01, approved"
    assert not Name.objects.filter(name="Naproflex").exists()
    # turned down once: the next upload of the same file does not propose it again
    upload(
        pharmacist,
        "dpd",
        "allfiles.zip",
        zipped(**{name: (SAMPLES / "dpd" / name).read_bytes() for name in imports.dpd.FILES}),
        date="2026-12-02",
    )
    second = ImportRun.objects.order_by("-pk").first()
    assert second.status == "nothing"
    assert "Naproflex" in second.summary and "turned down" in second.summary


def test_a_decided_review_cannot_be_applied_twice(pharmacist):
    from checker.models import ImportRun, Name

    upload(pharmacist, "ndc", "product.txt", (SAMPLES / "product.txt").read_bytes())
    run = ImportRun.objects.get()
    ids = [str(pk) for pk in run.changes.values_list("pk", flat=True)]
    url = f"/admin/checker/importrun/{run.pk}/change/"
    pharmacist.post(url, {"approve": ids})
    names = Name.objects.count()
    page = pharmacist.post(url, {"approve": ids}, follow=True)
    assert "already decided" in page.content.decode()
    assert Name.objects.count() == names


def test_an_upload_that_is_not_the_agency_file_is_refused_with_its_reason(uploader):
    from checker.models import ImportRun

    page = upload(uploader, "ndc", "product.txt", b"NAME\tINGREDIENT\nZolvane\tOXYCODONE\n")
    assert "not the NDC Directory&#x27;s product.txt" in page.content.decode()
    page = upload(uploader, "dpd", "drug.txt", b'"1","","Human","1","X"\n')
    assert "allfiles.zip" in page.content.decode()
    page = upload(
        uploader, "dpd", "allfiles.zip", zipped(**{"drug.txt": b'"1","","Human","1","X"\n'})
    )
    assert "no ingred.txt" in page.content.decode()
    assert not ImportRun.objects.exists()


def test_an_upload_is_bounded_in_size(uploader, monkeypatch):
    from checker.models import ImportRun

    monkeypatch.setattr(imports, "MAX_UPLOAD_BYTES", 1000)
    page = upload(uploader, "ndc", "product.txt", (SAMPLES / "product.txt").read_bytes())
    assert "bigger than" in page.content.decode()
    monkeypatch.setattr(imports, "MAX_UPLOAD_BYTES", 80 * 1024 * 1024)
    monkeypatch.setattr(imports, "MAX_MEMBER_BYTES", 1000)
    page = upload(
        uploader,
        "ndc",
        "ndctext.zip",
        zipped(**{"product.txt": (SAMPLES / "product.txt").read_bytes()}),
    )
    assert "too big" in page.content.decode()
    assert not ImportRun.objects.exists()


def test_the_upload_reads_no_file_for_someone_not_signed_in(client):
    from checker.models import ImportRun

    response = upload(client, "ndc", "product.txt", (SAMPLES / "product.txt").read_bytes())
    assert response.redirect_chain and "/login/" in response.redirect_chain[-1][0]
    assert not ImportRun.objects.exists()


def test_staff_without_the_upload_permission_are_refused(client, django_user_model):
    user = django_user_model.objects.create_user(
        username="editor", password="a-long-staff-password-1", is_staff=True
    )
    client.force_login(user)
    response = client.post(ADD, {"upload": SimpleUploadedFile("product.txt", b"x")})
    assert response.status_code == 403


def test_other_pages_still_refuse_files(uploader):
    response = uploader.post(
        "/check/", {"medications": "x", "upload": SimpleUploadedFile("a.txt", b"x")}
    )
    assert response.status_code == 415

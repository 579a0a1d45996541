"""Finding 4: during a rollout, old and new app servers each serve the other release's hashed
style sheets and scripts. Every release collects its static files into its own folder under
one shared folder (DJANGO_STATIC_RELEASES_DIR); each server serves its own folder and, for a
hashed name it does not have, the same name from another release's folder."""

import pytest
from django.test import Client

OLD_CSS = "css/app.0123456789ab.css"


@pytest.fixture
def releases(settings, tmp_path):
    shared = tmp_path / "static"
    (shared / "this-release" / "css").mkdir(parents=True)
    (shared / "this-release" / "css" / "app.aaaaaaaaaaaa.css").write_text("/* this release */")
    (shared / "older-release" / "css").mkdir(parents=True)
    (shared / "older-release" / OLD_CSS).write_text("/* the older release */")
    (shared / "older-release" / "css" / "only-in-old.css").write_text("/* unhashed */")
    settings.STATIC_ROOT = str(shared / "this-release")
    settings.STATIC_RELEASES_DIR = str(shared)
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    return shared


def static(client, name):
    return client.get(f"/static/{name}")


def body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.django_db
def test_a_server_serves_another_releases_hashed_style_sheet(releases):
    client = Client()
    assert body(static(client, "css/app.aaaaaaaaaaaa.css")) == b"/* this release */"
    response = static(client, OLD_CSS)
    assert response.status_code == 200
    assert body(response) == b"/* the older release */"
    assert response["Content-Type"].startswith("text/css")
    assert "immutable" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_running_server_finds_a_newer_release_collected_after_it_started(releases):
    client = Client()
    assert static(client, "css/app.aaaaaaaaaaaa.css").status_code == 200  # started
    (releases / "newer-release" / "js").mkdir(parents=True)
    (releases / "newer-release" / "js" / "app.bbbbbbbbbbbb.js").write_text("// newer")
    response = static(client, "js/app.bbbbbbbbbbbb.js")
    assert response.status_code == 200
    assert body(response) == b"// newer"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    [
        "css/only-in-old.css",  # unhashed names differ between releases: only our own
        "css/app.ffffffffffff.css",  # in no release
        "../older-release/css/app.0123456789ab.css",
        "older-release/css/app.0123456789ab.css",
    ],
)
def test_only_hashed_names_inside_a_release_folder_are_served_from_other_releases(releases, name):
    assert static(Client(), name).status_code == 404


def test_each_release_collects_into_its_own_folder_under_the_shared_one(tmp_path):
    import subprocess

    from tests.production.conftest import PYTHON, ROOT, sub_env

    result = subprocess.run(
        [PYTHON, "-c", "import ldn_site.settings as s; print(s.STATIC_ROOT)"],
        cwd=ROOT,
        env=sub_env(
            DJANGO_DEBUG="1",
            DJANGO_STATIC_RELEASES_DIR=str(tmp_path),
            DJANGO_RELEASE="2026-12-01-a",
        ),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == str(tmp_path / "2026-12-01-a"), result.stderr[-1500:]

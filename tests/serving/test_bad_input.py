"""Findings 5, 6 and 9: what an attacker can post. The row buttons are read by one parser (so
a made-up `remove-x` is a check and counts), odd input gets a 400 page instead of a 500, files
are refused before anything is written, and pages only answer the methods they use."""

import datetime as dt

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

START = dt.datetime(2026, 11, 29, 9, 0, 5, tzinfo=dt.UTC)


@pytest.fixture
def limit_on(settings):
    settings.CHECK_RATE_LIMIT = 30


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


# --- 5. The rate limit and the view read the row buttons the same way -----------------------


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["remove-x", "remove-", "remove-1x", "remove-²", "check"])
def test_a_made_up_remove_button_runs_a_check_and_counts_against_the_limit(
    client, limit_on, action
):
    with time_machine.travel(START, tick=False):
        for number in range(30):
            response = client.post(
                "/check/", {"medicine": ["ibuprofen"], "action": action}, REMOTE_ADDR="10.5.5.5"
            )
            assert response.status_code == 200, number
        blocked = client.post(
            "/check/", {"medicine": ["ibuprofen"], "action": action}, REMOTE_ADDR="10.5.5.5"
        )
    assert blocked.status_code == 429


def test_the_view_and_the_rate_limit_share_one_parser_for_the_row_buttons():
    from checker.forms import read_action

    assert read_action("add") == ("add", None)
    assert read_action("clear") == ("clear", None)
    assert read_action("remove-3") == ("remove", 3)
    assert read_action("remove-x") == ("check", None)
    assert read_action("remove-²") == ("check", None)
    assert read_action("remove-" + "9" * 5000) == ("check", None)
    assert read_action("") == ("check", None)


# --- 6. Odd input answers 400 (or a result page), never 500 -----------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["remove-²", "remove-" + "9" * 5000, "remove-٣"])
def test_an_odd_remove_button_is_answered_without_an_error(client, action):
    response = client.post("/check/", {"medicine": ["ibuprofen"], "action": action})
    assert response.status_code == 200
    assert "ibuprofen" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("opener", ["[", "{", '{"a":'])
def test_deeply_nested_json_gets_a_400_not_a_500(client, opener):
    body = opener * (60_000 // len(opener))  # under the 64 kB limit, thousands deep
    response = client.post("/api/check", body, content_type="application/json")
    assert response.status_code == 400
    assert "error" in response.json()


@pytest.mark.django_db
def test_json_nesting_is_bounded_but_a_normal_request_still_works(client):
    response = client.post(
        "/api/check",
        '{"medications": ["Norco", "[{not nesting}]"]}',
        content_type="application/json",
    )
    assert response.status_code == 200
    assert len(response.json()["results"]) == 2


@pytest.mark.django_db
@pytest.mark.parametrize("charset", ["utf8", "iso-8859-1", "latin1"])
def test_a_form_post_with_an_unusual_charset_gets_the_400_page(charset):
    browser = Client(enforce_csrf_checks=True, raise_request_exception=False)
    browser.get("/check/")  # a real browser has the CSRF cookie
    token = browser.cookies["csrftoken"].value
    response = browser.post(
        "/check/",
        f"csrfmiddlewaretoken={token}&medicine=ibuprofen",
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )
    assert response.status_code == 400
    assert "Sorry, we could not read that" in response.content.decode()


# --- 9. Files are refused; pages answer only the methods they use ----------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/check/", "/checklist/", "/api/check"])
def test_a_file_upload_is_refused_with_a_clear_message_and_never_written(
    client, settings, tmp_path, path
):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024
    upload = SimpleUploadedFile("big.bin", b"x" * 300_000)
    response = client.post(path, {"medicine": "ibuprofen", "file": upload})
    assert response.status_code == 415
    assert "files" in response.content.decode().lower()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["PUT", "DELETE", "TRACE", "PATCH"])
@pytest.mark.parametrize(
    "path", ["/", "/learn/", "TOPIC", "/sources/", "/privacy/", "/healthz", "/readyz", "/livez"]
)
def test_pages_and_health_checks_answer_405_to_methods_they_do_not_use(client, method, path):
    if path == "TOPIC":
        from education.models import Topic

        path = Topic.objects.published().first().get_absolute_url()
    response = client.generic(method, path)
    assert response.status_code == 405
    assert "GET" in response["Allow"]

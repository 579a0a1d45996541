"""The site as a whole: health check, error pages, notices on every page."""

import pytest


@pytest.mark.django_db
def test_healthz_answers_ok_when_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_unknown_address_gets_the_friendly_404_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    text = response.content.decode()
    assert "Page not found" in text
    assert 'href="/"' in text


@pytest.mark.django_db
def test_every_page_says_it_does_not_replace_your_doctor(client):
    text = client.get("/").content.decode()
    assert "This site does not replace your doctor" in text
    assert "off-label" in text


def test_500_page_renders_without_a_request_or_database():
    from serving.views import server_error

    response = server_error(None)
    assert response.status_code == 500
    assert b"Sorry, there is a problem with this site" in response.content
    assert b"Traceback" not in response.content

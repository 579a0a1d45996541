"""Finding 3: a cache that does not answer (Redis stopped, a full or read-only disk under the
file cache) never reaches a patient as a 500. Pages are served uncached, the checker builds
from the database, the rate limit lets people through and says so in the log once."""

import json
import logging

import pytest
from django.test import Client

from checker import engine

PATIENT_REQUESTS = [
    ("get", "/", {}),
    ("get", "/learn/", {}),
    ("get", "/check/", {}),
    ("post", "/check/", {"data": {"medicine": ["Norco", "ibuprofen"]}}),
    ("post", "/check/", {"data": {"medicine": ["Norco"]}, "HTTP_HX_REQUEST": "true"}),
    ("post", "/checklist/", {"data": {"medicine": ["Norco"]}}),
    (
        "post",
        "/api/check",
        {"data": json.dumps({"medications": ["Norco"]}), "content_type": "application/json"},
    ),
]


@pytest.fixture(autouse=True)
def _fresh_engine():
    engine.reset()
    yield
    engine.reset()


def ask_everything(client):
    answers = []
    for method, path, kwargs in PATIENT_REQUESTS:
        response = getattr(client, method)(path, **kwargs)
        answers.append((method, path, response.status_code))
    return answers


@pytest.mark.django_db
@pytest.mark.parametrize("broken_cache", ["redis_down", "disk_full"])
def test_patients_get_their_pages_and_answers_when_the_cache_does_not_answer(broken_cache, request):
    request.getfixturevalue(broken_cache)
    client = Client(raise_request_exception=False)
    answers = ask_everything(client)
    assert [a for a in answers if a[2] != 200] == []
    text = client.post("/check/", {"medicine": ["Norco"]}).content.decode()
    assert "Do not take" in text, "the checker still reads the list"


@pytest.mark.django_db
def test_the_rate_limit_lets_people_through_and_logs_once_when_its_cache_is_down(
    redis_down, caplog
):
    client = Client(raise_request_exception=False)
    caplog.set_level(logging.WARNING)
    statuses = [
        client.post("/check/", {"medicine": ["ibuprofen"]}, REMOTE_ADDR="10.3.3.3").status_code
        for _ in range(40)
    ]
    assert set(statuses) == {200}
    about_the_limit = [r for r in caplog.records if "rate limit" in r.getMessage().lower()]
    assert len(about_the_limit) == 1, [r.getMessage() for r in about_the_limit]


@pytest.mark.django_db
def test_a_worker_does_not_trust_its_old_index_while_the_cache_is_down(
    settings, django_capture_on_commit_callbacks
):
    """Staff add a brand while the cache is down: the bump cannot be told to anyone, so the
    checker must not keep answering from the index it built before."""
    from checker.models import Ingredient
    from tests.factories import make_name
    from tests.serving.conftest import redis_down_caches

    engine.check_medicines(entries=["Zzdownbrand"])  # built while the cache worked
    settings.CACHES = redis_down_caches()
    settings.CHECKER_DEGRADED_MAX_AGE = 0
    with django_capture_on_commit_callbacks(execute=True):
        make_name("Zzdownbrand", Ingredient.objects.get(name="hydrocodone"))
    report = engine.check_medicines(entries=["Zzdownbrand"])
    assert report.findings_as_typed[0].severity == "avoid"


@pytest.mark.django_db
def test_readiness_reports_the_database_and_the_cache(redis_down):
    response = Client().get("/readyz")
    text = response.content.decode()
    assert "database: ok" in text
    assert "cache: unavailable" in text
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readiness_says_ok_for_both_when_both_answer(settings):
    response = Client().get("/readyz")
    assert response.status_code == 200
    assert response.content.decode().splitlines()[:2] == ["database: ok", "cache: ok"]

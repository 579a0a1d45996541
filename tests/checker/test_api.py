"""POST /api/check: DESIGN.md's JSON, field by field, and a JSON error for every bad request."""

import json
import logging

import pytest
from django.apps import apps

URL = "/api/check"
RESULT_KEYS = [
    "input",
    "recognized",
    "match",
    "matched_name",
    "ingredients",
    "groups",
    "severity",
    "message",
    "tell_your_doctor",
]


def post_json(client, payload, **extra):
    body = payload if isinstance(payload, str | bytes) else json.dumps(payload)
    return client.post(URL, body, content_type="application/json", **extra)


@pytest.mark.django_db
def test_api_answers_exactly_the_design_json(client, kb):
    response = post_json(client, {"medications": ["Norco 10/325", "plainomab"]})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert list(data) == ["results", "summary"]
    assert list(data["summary"]) == ["avoid", "caution", "info", "none", "unknown"]
    assert all(list(result) == RESULT_KEYS for result in data["results"])

    norco, plain = data["results"]
    assert norco["input"] == "Norco 10/325"
    assert norco["recognized"] is True
    assert norco["match"] == "exact"
    assert norco["matched_name"] == "Norco"
    assert norco["ingredients"] == ["hydrocodone", "acetaminophen"]
    assert norco["groups"] == ["opioid"]
    assert norco["severity"] == "avoid"
    assert isinstance(norco["message"], str) and norco["message"]
    assert isinstance(norco["tell_your_doctor"], str) and norco["tell_your_doctor"]

    assert plain["severity"] == "none" and plain["groups"] == []
    assert plain["ingredients"] == ["plainomab"]
    assert data["summary"] == {"avoid": 1, "caution": 0, "info": 0, "none": 1, "unknown": 0}


@pytest.mark.django_db
def test_api_lists_results_in_the_order_sent_one_per_input(client, kb):
    sent = ["plainomab", "qqzzx blorp", "infozepam", "Norco", "cautionolol", "plainomab"]
    data = post_json(client, {"medications": sent}).json()
    assert [result["input"] for result in data["results"]] == sent
    assert [result["severity"] for result in data["results"]] == [
        "none",
        "unknown",
        "info",
        "avoid",
        "caution",
        "none",
    ]
    assert sum(data["summary"].values()) == len(sent)


@pytest.mark.django_db
def test_api_unrecognised_entry_reads_as_unknown_with_no_match(client, kb):
    result = post_json(client, {"medications": ["qqzzx blorp"]}).json()["results"][0]
    assert result["recognized"] is False
    assert result["match"] == "none"
    assert result["matched_name"] is None
    assert result["ingredients"] == [] and result["groups"] == []
    assert result["severity"] == "unknown"


@pytest.mark.django_db
def test_api_answers_are_never_cached(client, kb):
    response = post_json(client, {"medications": ["plainomab"]})
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_api_needs_no_csrf_token_because_it_changes_nothing(kb):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    assert post_json(client, {"medications": ["plainomab"]}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("{not json", "not valid JSON"),
        ("   ", "not valid JSON"),
        (b"\xff\xfe\x00", "not valid JSON"),
        ("[]", '"medications"'),
        ('"Norco"', '"medications"'),
        ("{}", '"medications"'),
        ('{"meds": ["Norco"]}', '"medications"'),
        ('{"medications": "Norco"}', "list of strings"),
        ('{"medications": [1, 2]}', "list of strings"),
        ('{"medications": [null]}', "list of strings"),
        ('{"medications": [["Norco"]]}', "list of strings"),
        ('{"medications": []}', "at least one"),
        ('{"medications": [""]}', "empty"),
        ('{"medications": ["Nor\\u0000co"]}', "NUL"),
    ],
)
def test_api_bad_bodies_get_400_with_a_json_error(client, kb, body, words):
    response = post_json(client, body)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert words in response.json()["error"]


@pytest.mark.django_db
def test_api_more_than_fifty_names_gets_400(client, kb):
    response = post_json(client, {"medications": ["plainomab"] * 51})
    assert response.status_code == 400
    assert "50" in response.json()["error"]
    assert post_json(client, {"medications": ["plainomab"] * 50}).status_code == 200


@pytest.mark.django_db
def test_api_a_name_over_200_characters_gets_400(client, kb):
    response = post_json(client, {"medications": ["x" * 201]})
    assert response.status_code == 400
    assert "200" in response.json()["error"]
    assert post_json(client, {"medications": ["x" * 200]}).status_code == 200


@pytest.mark.django_db
def test_api_body_over_64_kb_gets_413(client, kb):
    body = json.dumps({"medications": ["plainomab"], "padding": "x" * (64 * 1024)})
    response = post_json(client, body)
    assert response.status_code == 413
    assert "too big" in response.json()["error"]


@pytest.mark.django_db
def test_api_refuses_a_body_that_is_not_json_typed(client, kb):
    response = client.post(URL, {"medications": "Norco"})  # a form post
    assert response.status_code == 415
    assert "application/json" in response.json()["error"]


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "put", "delete"])
def test_api_other_methods_get_405_with_json(client, kb, method):
    response = getattr(client, method)(URL)
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert "POST" in response.json()["error"]


@pytest.mark.django_db
def test_api_stores_and_logs_nothing(client, kb, caplog):
    before = {model._meta.label: model.objects.count() for model in apps.get_models()}
    caplog.set_level(logging.DEBUG)
    response = post_json(client, {"medications": ["Canarycodone 5mg", "Norco"]})
    assert response.status_code == 200
    assert "Canarycodone" not in caplog.text
    assert "sessionid" not in response.cookies
    assert before == {model._meta.label: model.objects.count() for model in apps.get_models()}

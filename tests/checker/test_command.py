"""manage.py checkmeds, as a clinic's IT person would run it. (load_content: tests/clinical.)"""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_checkmeds_json_prints_exactly_what_the_api_answers(client, kb):
    names = ["Norco 10/325", "plainomab", "qqzzx blorp"]
    printed = json.loads(run("checkmeds", "--json", *names))
    answered = client.post(
        "/api/check", {"medications": names}, content_type="application/json"
    ).json()
    assert printed == answered
    assert [result["input"] for result in printed["results"]] == names
    assert printed["summary"]["avoid"] == 1 and printed["summary"]["unknown"] == 1


@pytest.mark.django_db
def test_checkmeds_without_json_prints_one_plain_line_per_name(kb):
    lines = run("checkmeds", "Norco 10/325", "qqzzx blorp").splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("Norco 10/325\tDo not take together\thydrocodone, acetaminophen")
    assert lines[1].startswith("qqzzx blorp\tNot recognised\tnot recognised")


@pytest.mark.django_db
def test_checkmeds_reads_names_from_standard_input_when_given_a_dash(kb):
    out = StringIO()
    call_command(
        "checkmeds", "--json", "-", stdin=StringIO("Norco 10/325\n\nplainomab\n"), stdout=out
    )
    results = json.loads(out.getvalue())["results"]
    assert [result["input"] for result in results] == ["Norco 10/325", "plainomab"]


@pytest.mark.django_db
def test_checkmeds_needs_a_name(kb):
    with pytest.raises(CommandError):
        call_command("checkmeds", "  ", stdout=StringIO())

"""Bad input, fuzzed: random Unicode, huge, nested, empty and wrongly typed input, and 30
cross-site scripting payloads, into the checker form (JavaScript off and htmx), the API and
the checklist. Never a server error, never a payload echoed raw, always a clear answer."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    '<a href="javascript:alert(1)">x</a>',
    '<div hx-get="/x" hx-trigger="load">x</div>',
    '<button hx-on:click="alert(1)">x</button>',
    "{{7*7}}",
    "{% debug %}",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "'><script>alert(1)</script>",
    '"onmouseover="alert(1)',
    "<iframe src=//example.com></iframe>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<body onload=alert(1)>",
    "<base href=//example.com/>",
    "<form action=//example.com><input name=q></form>",
    "<style>@import 'http://example.com/x.css';</style>",
    "<link rel=stylesheet href=//example.com/x.css>",
    "<object data=javascript:alert(1)>",
    "<details open ontoggle=alert(1)>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "\u202e<script>alert(1)</script>",  # right-to-left override
    "<scr<script>ipt>alert(1)</script>",
    "<SCRIPT SRC=//example.com/x.js></SCRIPT>",
    "<img src=\"x\" onerror='alert(1)'>",
    "' OR '1'='1'; DROP TABLE checker_name; --",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
]
DANGEROUS = set("<>\"'")

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Any text a browser can send: every Unicode character but lone surrogates.
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
entry_lists = st.lists(any_text, max_size=60)
# The form's own field names (checked against the page below): one yes/no group per screening
# question, and the values its buttons send as `action`.
QUESTION_FIELDS = [
    "q-alcohol",
    "q-recent_opioids",
    "q-withdrawal_now",
    "q-liver",
    "q-oud_treatment",
    "q-allergy",
]
ACTIONS = ["check", "add", "clear", "checklist", "remove-1"]
answers = st.dictionaries(
    st.sampled_from([*QUESTION_FIELDS, "q-not-a-question"]),
    st.one_of(st.sampled_from(["yes", "no", ""]), any_text),
    max_size=7,
)
actions = st.sampled_from([*ACTIONS, "remove-99", "remove-x", "remove-", ""])


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster"}


class _Markup(HTMLParser):
    """What a browser would actually run or load from a page, as parsed HTML."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            target = (value or "").strip().lower()
            if name.startswith(("on", "hx-on")):
                self.found.append(f"<{tag} {name}=...>")
            elif name in URL_ATTRIBUTES and target.startswith(
                ("javascript:", "vbscript:", "data:")
            ):
                self.found.append(f"<{tag} {name}={value}>")
            elif name in {"src", "action", "data"} and target.startswith(("//", "http:", "https:")):
                self.found.append(f"<{tag} {name}={value}>")  # loaded from another host
        if tag in {"iframe", "base", "object", "embed", "svg", "math", "style"}:
            self.found.append(f"<{tag}>")
        self.in_script = tag == "script"

    def handle_data(self, data):
        if self.in_script and data.strip():
            self.found.append(f"inline script: {data[:40]}")

    def handle_endtag(self, tag):
        self.in_script = False


def live_markup(html: str) -> list[str]:
    parser = _Markup()
    parser.feed(html)
    return parser.found


def assert_no_raw_echo(html: str, typed: list[str]) -> None:
    for text in typed:
        if DANGEROUS & set(text) and len(text) > 3:
            assert text not in html, f"echoed raw: {text!r}"


def form_post(client, path, entries, extra, htmx=False):
    data = {"medicine": entries, **extra}
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return client.post(path, data, **headers)


class _FormFields(HTMLParser):
    """The names of the fields a form on the page sends, and its buttons' `action` values."""

    def __init__(self):
        super().__init__()
        self.names: set[str] = set()
        self.actions: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in {"input", "select", "textarea", "button"} and attributes.get("name"):
            self.names.add(attributes["name"])
        if attributes.get("name") == "action":
            self.actions.add(attributes.get("value") or "")


def form_fields(html: str) -> _FormFields:
    parser = _FormFields()
    parser.feed(html)
    return parser


@pytest.mark.django_db
def test_the_fuzzed_field_names_are_the_forms_own(client):
    """Fuzzing keys the form never sends tests nothing: the keys above must be the real ones."""
    page = form_fields(client.get("/check/").content.decode())
    assert {name for name in page.names if name.startswith("q-")} == set(QUESTION_FIELDS)
    assert "medicine" in page.names
    # One Remove button per row: remove-1 ... remove-3 on the empty page.
    assert {re.sub(r"^remove-\d+$", "remove-1", action) for action in page.actions} == set(ACTIONS)
    # The checklist's "Change my list" form carries the same fields back to the checker.
    filled = client.post("/checklist/", {"medicine": ["ibuprofen"], "q-alcohol": "yes"})
    carried = form_fields(filled.content.decode())
    assert {"medicine", "q-alcohol", "action"} <= carried.names


@pytest.mark.django_db
@FUZZ
@given(entries=entry_lists, extra=answers, action=actions, htmx=st.booleans())
def test_the_checker_form_answers_any_input_without_error(entries, extra, action, htmx):
    response = form_post(Client(), "/check/", entries, {**extra, "action": action}, htmx)
    assert response.status_code == 200
    assert_no_raw_echo(response.content.decode(), entries + list(extra.values()))


@pytest.mark.django_db
@FUZZ
@given(entries=entry_lists, extra=answers)
def test_the_checklist_answers_any_input_without_error(entries, extra):
    response = form_post(Client(), "/checklist/", entries, extra)
    assert response.status_code == 200
    assert_no_raw_echo(response.content.decode(), entries + list(extra.values()))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(any_text, children, max_size=5)
    ),
    max_leaves=30,
)
api_bodies = st.one_of(
    json_values,
    st.fixed_dictionaries({"medications": st.lists(any_text, max_size=60)}),
    st.fixed_dictionaries({"medications": json_values}),
    st.fixed_dictionaries({"medications": st.lists(json_values, max_size=5)}),
)


@pytest.mark.django_db
@FUZZ
@given(body=api_bodies)
def test_the_api_answers_any_json_with_results_or_a_clear_error(body):
    response = Client().post("/api/check", json.dumps(body), content_type="application/json")
    assert response.status_code in {200, 400, 413}
    data = response.json()
    if response.status_code == 200:
        assert len(data["results"]) == len(body["medications"])
    else:
        assert isinstance(data["error"], str) and len(data["error"]) > 10


@pytest.mark.django_db
@FUZZ
@given(
    raw=st.binary(max_size=2000),
    content_type=st.sampled_from(
        ["application/json", "text/plain", "application/x-www-form-urlencoded", ""]
    ),
)
def test_the_api_answers_any_bytes_with_a_clear_error(raw, content_type):
    response = Client().post("/api/check", raw, content_type=content_type)
    assert response.status_code in {200, 400, 413, 415}
    if response.status_code != 200:
        assert "error" in response.json()


@pytest.mark.django_db
@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_no_xss_payload_is_ever_echoed_raw(payload):
    client = Client()
    for response in (
        form_post(client, "/check/", [payload, "ibuprofen"], {"q-alcohol": payload}),
        form_post(client, "/check/", [payload], {}, htmx=True),
        form_post(client, "/checklist/", [payload, "ibuprofen"], {"q-alcohol": "yes"}),
    ):
        assert response.status_code == 200
        html = response.content.decode()
        assert_no_raw_echo(html, [payload])
        assert live_markup(html) == []
    api = client.post(
        "/api/check", json.dumps({"medications": [payload]}), content_type="application/json"
    )
    assert api.status_code == 200
    assert api["Content-Type"] == "application/json"
    assert api.json()["results"][0]["input"] == payload  # data, not markup: JSON is not HTML


@pytest.mark.django_db
def test_empty_too_long_and_too_many_get_a_clear_message():
    client = Client()
    for entries in ([], [""], ["   "], ["x" * 201], ["ibuprofen"] * 51, ["a\x00b"]):
        html = client.post("/check/", {"medicine": entries}).content.decode()
        assert "There is a problem" in html, entries[:1]
        assert "<title>Error: " in html


@pytest.mark.django_db
def test_huge_input_gets_an_answer_not_a_crash():
    client = Client()
    response = client.post("/check/", {"medicine": ["ibuprofen " * 5000]})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    too_many_fields = {f"field{n}": "x" for n in range(1500)}
    response = client.post("/check/", too_many_fields)
    assert response.status_code == 400
    assert "Sorry, we could not read that" in response.content.decode()
    assert "Traceback" not in response.content.decode()
    api = client.post("/api/check", "[" * 70000, content_type="application/json")
    assert api.status_code in {400, 413}
    assert "error" in api.json()


def test_the_markup_check_catches_live_payloads():
    # The check above is only worth having if it sees real injected markup.
    assert live_markup('<p><img src=x onerror="alert(1)"></p>')
    assert live_markup("<script>alert(1)</script>")
    assert live_markup('<a href="javascript:alert(1)">x</a>')
    assert live_markup("<iframe src=//example.com></iframe>")
    assert not live_markup('<p>&lt;img src=x onerror="alert(1)"&gt;</p>')
    assert not live_markup('<input value="javascript:alert(1)">')

"""The production stack for real: gunicorn (gunicorn.conf.py, debug off) on a free loopback
port, a SQLite file, a file cache and log files on disk. A patient session with the canary
medicine, then every file the site wrote is searched for it."""

import importlib.util
import json
import re
import subprocess
import sys
import urllib.request
from http.cookiejar import CookieJar
from urllib.parse import urlencode

import pytest

from tests.production.conftest import CANARY, PYTHON, ROOT

spec = importlib.util.spec_from_file_location("stack", ROOT / "scripts" / "stack.py")
stack = importlib.util.module_from_spec(spec)
sys.modules["stack"] = stack  # dataclasses look their module up while it loads
spec.loader.exec_module(stack)

SPELLINGS = [CANARY.encode(), CANARY.lower().encode(), CANARY.upper().encode()]


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("served")
    env = stack.production_env(
        workdir,
        DJANGO_LOG_LEVEL="DEBUG",
        DJANGO_STATIC_MANIFEST="0",  # no collectstatic step in a test
        DJANGO_CHECK_RATE_LIMIT="200",  # on, so its counters are in the cache files too
    )
    subprocess.run(
        [PYTHON, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )
    server = stack.Server(env=env, workdir=workdir, workers=2).start(timeout=90)
    try:
        yield server
    finally:
        server.stop(timeout=40)


def call(opener, url, data=None, headers=None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with opener.open(request, timeout=20) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def test_a_patient_session_under_gunicorn_leaves_no_trace(served):
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirects)
    status, headers, html = call(opener, f"{served.url}/check/")
    assert status == 200
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert headers.get("Server", "gunicorn") == "gunicorn"  # no version number
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    entries = [("medicine", "Norco 10/325"), ("medicine", CANARY), ("medicine", "wine")]

    results = []
    for fields, extra in (
        (entries + [("q-alcohol", "yes")], {}),
        (entries, {"HX-Request": "true"}),
        (entries + [("action", "add")], {}),
        ([("medicine", CANARY * 20)], {}),
        ([("medicine", CANARY)] * 60, {"HX-Request": "true"}),
        ([("medicine", f"{CANARY}\x00")], {}),
    ):
        body = urlencode([("csrfmiddlewaretoken", token), *fields]).encode()
        results.append(call(opener, f"{served.url}/check/", body, {**form, **extra}))
    body = urlencode([("csrfmiddlewaretoken", token), *entries]).encode()
    results.append(call(opener, f"{served.url}/checklist/", body, form))
    for payload in ({"medications": [CANARY, "ibuprofen"]}, {"medications": [CANARY * 20]}):
        results.append(
            call(
                opener,
                f"{served.url}/api/check",
                json.dumps(payload).encode(),
                {"Content-Type": "application/json"},
            )
        )
    # Without the token (403), and a canary someone put in an address by hand.
    results.append(
        call(
            urllib.request.build_opener(NoRedirects),
            f"{served.url}/check/",
            urlencode({"medicine": CANARY}).encode(),
            form,
        )
    )
    results.append(call(opener, f"{served.url}/learn/?medicine={CANARY}"))
    results.append(call(opener, f"{served.url}/no-such-page/?medicine={CANARY}"))

    assert CANARY in results[0][2], "the checker read the canary"
    assert [r[0] for r in results if r[0] >= 500] == []
    assert 403 in [r[0] for r in results]
    for _, headers, _ in results:
        assert CANARY.lower() not in headers.get("Location", "").lower()

    exit_seconds = served.stop(timeout=40)
    assert exit_seconds < 35

    written = sorted(p for p in served.workdir.rglob("*") if p.is_file())
    names = {p.name for p in written}
    assert "db.sqlite3" in names
    assert "gunicorn-access.log" in names
    assert any(p.suffix == ".djcache" for p in written), "the file cache was used"
    access_log = (served.workdir / "gunicorn-access.log").read_text()
    assert '"POST /check/" 200' in access_log
    assert '"GET /learn/" 200' in access_log
    assert "?" not in access_log

    holding = [
        str(path.relative_to(served.workdir))
        for path in written
        if any(spelling in path.read_bytes() for spelling in SPELLINGS)
    ]
    assert holding == []

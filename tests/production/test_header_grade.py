"""The header grade an outside scanner gives (the HTTP Observatory's scoring table): at
least 115 of a possible 135 with no penalty at all, on the home page, a topic page, the
checker, the checklist and a 404, as served over https."""

import pytest
from django.test import override_settings

HTTPS_ON = {
    "SECURE_SSL_REDIRECT": True,
    "SECURE_HSTS_SECONDS": 31_536_000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
}


def grade(http_response, https_response) -> tuple[int, list[str]]:
    """Score one page; return the score and the penalties applied."""
    score, penalties, bonus = 100, [], 0
    csp = https_response.get("Content-Security-Policy", "")
    directives = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
    scripts = directives.get("script-src", directives.get("default-src", []))
    if not csp:
        penalties.append("no CSP (-25)")
        score -= 25
    elif any(s in scripts for s in ("'unsafe-inline'", "data:", "*", "https:", "http:")):
        penalties.append("unsafe script-src (-20)")
        score -= 20
    elif "'unsafe-eval'" in scripts:
        penalties.append("unsafe-eval (-10)")
        score -= 10
    else:
        bonus += 10 if directives.get("default-src") == ["'none'"] else 5
    if directives.get("frame-ancestors") in (["'none'"], ["'self'"]):
        bonus += 5
    hsts = https_response.get("Strict-Transport-Security", "")
    if not hsts:
        penalties.append("no HSTS (-20)")
        score -= 20
    elif int(hsts.split("max-age=")[1].split(";")[0]) < 15_768_000:
        penalties.append("short HSTS (-10)")
        score -= 10
    if (
        https_response.get("X-Frame-Options") not in ("DENY", "SAMEORIGIN")
        and "frame-ancestors" not in directives
    ):
        penalties.append("no clickjacking guard (-20)")
        score -= 20
    if https_response.get("X-Content-Type-Options") != "nosniff":
        penalties.append("no nosniff (-5)")
        score -= 5
    if https_response.get("Referrer-Policy") in (
        "no-referrer",
        "same-origin",
        "strict-origin",
        "strict-origin-when-cross-origin",
    ):
        bonus += 5
    cookies = list(https_response.cookies.values())
    if any(not c["secure"] for c in cookies):
        penalties.append("cookie without Secure (-40)")
        score -= 40
    if cookies and all(c["secure"] and c["httponly"] and c["samesite"] for c in cookies):
        bonus += 5
    if http_response.status_code not in (301, 302, 307, 308) or not http_response[
        "Location"
    ].startswith("https://"):
        penalties.append("no redirect to https (-20)")
        score -= 20
    # Bonuses count only when the score without them is 90 or more.
    if score >= 90:
        score += bonus
    return score, penalties


@pytest.mark.django_db
@override_settings(**HTTPS_ON)
def test_every_kind_of_page_grades_at_least_115_with_no_penalty(client):
    from education.models import Topic

    topic = Topic.objects.published().first()
    for path in ("/", f"/learn/{topic.slug}/", "/check/", "/checklist/", "/no-such-page/"):
        score, penalties = grade(client.get(path), client.get(path, secure=True))
        assert penalties == [], path
        assert score >= 115, (path, score)


def test_the_grader_penalises_what_it_should():
    from django.http import HttpResponse

    bare = HttpResponse("x")
    score, penalties = grade(bare, bare)
    assert score < 50
    assert len(penalties) == 5

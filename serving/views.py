"""Views that belong to the site as a whole: health check and error pages.

The error pages render without the database and without context processors that could
touch it: the error may be the database.
"""

import sys
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return False
    return True


def _cache_answers() -> bool:
    probe = f"readyz:{uuid.uuid4().hex}"
    try:
        cache.set(probe, "1", timeout=5)
        answered = cache.get(probe) == "1"
        cache.delete(probe)
    except Exception:
        return False
    return answered


@never_cache
@require_safe
def livez(request):
    """Liveness: this process answers. Touches neither the database nor the cache, so a
    supervisor restarts a server only when the server itself is stuck."""
    return HttpResponse("ok\n", content_type="text/plain")


@never_cache
@require_safe
def readyz(request):
    """Readiness: 200 when the database answers, 503 when it does not. The cache is reported
    too; without it the site still answers every patient (slower, uncached), and it is shared
    by every server, so taking servers out of the balancer would not help: 200, "degraded"."""
    database = _database_answers()
    shared_cache = _cache_answers()
    lines = [
        f"database: {'ok' if database else 'unavailable'}",
        f"cache: {'ok' if shared_cache else 'unavailable'}",
        "ready" if database and shared_cache else ("degraded" if database else "not ready"),
    ]
    return HttpResponse(
        "\n".join(lines) + "\n", status=200 if database else 503, content_type="text/plain"
    )


@never_cache
@require_safe
def healthz(request):
    """The first health check, kept for balancers set up with it: 200 `ok` when the database
    answers, 503 when it does not (as /readyz, in one word)."""
    if not _database_answers():
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def bad_request(request, exception=None):
    """400: the request could not be read (a form in a charset other than UTF-8, a broken
    body). Unlike Django's own 400 view this reads nothing from the request (its CSRF step
    reads the body again, fails again, and turns the 400 into a 500)."""
    if _wants_json(request):
        response = JsonResponse({"error": "The request could not be read."}, status=400)
    else:
        response = HttpResponse(loader.get_template("400.html").render(), status=400)
    add_never_cache_headers(response)
    return response


def unsupported_media_type(request):
    """415: a file was posted, and no page of this site takes files."""
    # Refused before LocaleMiddleware runs: the page's language comes from its address here.
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        message = _("This site does not take files. Type the names of your medicines instead.")
        if _wants_json(request):
            response = JsonResponse({"error": message}, status=415)
        else:
            response = HttpResponse(
                loader.get_template("415.html").render({"message": message}), status=415
            )
    add_never_cache_headers(response)
    return response


def _wants_json(request) -> bool:
    return request is not None and request.path.startswith("/api/")


def service_unavailable(request=None):
    """The site is up but its database is not: try again soon."""
    if _wants_json(request):
        response = JsonResponse(
            {"error": "The service is not available right now. Please try again in a minute."},
            status=503,
        )
    else:
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = "30"
    add_never_cache_headers(response)
    return response


def server_error(request=None):
    exception = sys.exc_info()[1]
    if isinstance(exception, OperationalError | InterfaceError):
        return service_unavailable(request)
    if _wants_json(request):
        return JsonResponse({"error": "Something went wrong on our side."}, status=500)
    return HttpResponse(loader.get_template("500.html").render(), status=500)


def csrf_failure(request, reason=""):
    """A form sent without its security token, usually because the page was open too long."""
    response = HttpResponse(loader.get_template("403_csrf.html").render(), status=403)
    add_never_cache_headers(response)
    return response


def too_many_requests(request, retry_after: int = 60):
    """The checker was used too often from one address in one minute."""
    if _wants_json(request):
        response = JsonResponse(
            {"error": "Too many checks from your address. Wait a minute and try again."},
            status=429,
        )
    else:
        response = HttpResponse(loader.get_template("429.html").render(), status=429)
    response["Retry-After"] = str(retry_after)
    add_never_cache_headers(response)
    return response

"""Views that belong to the site as a whole: health check and error pages.

The error pages render without the database and without context processors that could
touch it: the error may be the database.
"""

import sys

from django.db import connection
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """200 with a tiny body when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


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

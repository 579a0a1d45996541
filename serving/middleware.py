"""Site-wide middleware: a per-address limit on checker posts, and a 503 page when the
database does not answer."""

import hashlib
import hmac
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.db import InterfaceError, OperationalError

from serving import views

logger = logging.getLogger(__name__)

# Views whose POSTs run the checker: the page, the API and the filled checklist.
RATE_LIMITED_VIEWS = frozenset({"checker:check", "checker:api_check", "checklist:checklist"})

# Buttons on the checker page that only edit the list (add a row, remove one, clear it): they
# run no check, so a patient typing a long list is never stopped by them.
LIST_EDIT_ACTIONS = frozenset({"add", "clear"})


def _only_edits_the_list(request) -> bool:
    if request.resolver_match.view_name != "checker:check":
        return False
    action = request.POST.get("action", "")
    return action in LIST_EDIT_ACTIONS or action.startswith("remove-")


def client_ip(request) -> str:
    """The address a request came from: REMOTE_ADDR, or the header a trusted proxy overwrites."""
    if settings.CLIENT_IP_HEADER:
        forwarded = request.META.get(settings.CLIENT_IP_HEADER, "").split(",")[0].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR", "")


def _address_key(address: str, window: int) -> str:
    # The cache holds a keyed hash, never the address itself.
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    return f"check-rate:{window}:{digest.hexdigest()[:32]}"


class CheckRateLimitMiddleware:
    """At most CHECK_RATE_LIMIT checker posts per address per minute, counted in the shared
    rate-limit cache.

    A fixed one-minute window: simple, and at worst twice the limit across a minute boundary.
    Health checks and every GET are never counted.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        limit = settings.CHECK_RATE_LIMIT
        if limit <= 0 or request.method != "POST":
            return None
        match = request.resolver_match
        if match is None or match.view_name not in RATE_LIMITED_VIEWS:
            return None
        if _only_edits_the_list(request):
            return None
        now = time.time()
        window = int(now // 60)
        key = _address_key(client_ip(request), window)
        cache = caches["rate_limit"]
        cache.add(key, 0, timeout=120)
        try:
            count = cache.incr(key)
        except ValueError:
            # The entry expired between add and incr.
            cache.set(key, 1, timeout=120)
            count = 1
        if count <= limit:
            return None
        retry_after = max(1, int(60 - now % 60))
        return views.too_many_requests(request, retry_after=retry_after)


class DatabaseUnavailableMiddleware:
    """A view that cannot reach the database answers with the friendly 503 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            # The message names the database error, never anything from the request.
            logger.error("Database unavailable: %s", type(exception).__name__)
            return views.service_unavailable(request)
        return None

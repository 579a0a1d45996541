"""Site-wide middleware: uploads refused, a per-address limit on checker posts, the client's
address behind a proxy, and the friendly 503 page when the database does not answer."""

import contextlib
import fcntl
import hashlib
import hmac
import ipaddress
import logging
import os
import threading
import time

from django.conf import settings
from django.core.cache import caches
from django.db import InterfaceError, OperationalError

from checker.forms import read_action
from serving import uploads, versions, views
from serving.uploads import UploadRefused

logger = logging.getLogger(__name__)

# Views whose POSTs run the checker: the page, the API and the filled checklist.
RATE_LIMITED_VIEWS = frozenset({"checker:check", "checker_api:api_check", "checklist:checklist"})

# Buttons on the checker page that only edit the list (add a row, remove one, clear it): they
# run no check, so a patient typing a long list is never stopped by them. The view reads the
# button with the same parser (checker.forms.read_action), so anything else is a check.
LIST_EDIT_ACTIONS = frozenset({"add", "clear", "remove"})

# Things worth saying once per worker, not once per request.
_said: set[str] = set()
_said_lock = threading.Lock()


def _say_once(topic: str, message: str, *args) -> None:
    with _said_lock:
        if topic in _said:
            return
        _said.add(topic)
    logger.warning(message, *args)


def _back_to_normal(topic: str, message: str) -> None:
    with _said_lock:
        if topic not in _said:
            return
        _said.discard(topic)
    logger.warning(message)


def forget_warnings() -> None:
    """Tests: say everything again."""
    with _said_lock:
        _said.clear()


def _only_edits_the_list(request) -> bool:
    if request.resolver_match.view_name != "checker:check":
        return False
    action, _ = read_action(request.POST.get("action", ""))
    return action in LIST_EDIT_ACTIONS


# --- The client's address -------------------------------------------------------------------


def _valid_address(value: str) -> str:
    value = value.strip()
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return ""
    return value


def client_ip(request) -> str:
    """The address a request came from: REMOTE_ADDR, or the address the clinic's proxy put in
    settings.CLIENT_IP_HEADER. For X-Forwarded-For, the entry TRUSTED_PROXY_COUNT from the
    right: the ones before it are whatever the client sent and are never trusted."""
    remote = request.META.get("REMOTE_ADDR", "")
    header = settings.CLIENT_IP_HEADER
    if not header or header == "REMOTE_ADDR":
        return remote
    value = request.META.get(header, "")
    if header == "HTTP_X_FORWARDED_FOR":
        entries = [entry.strip() for entry in value.split(",") if entry.strip()]
        count = settings.TRUSTED_PROXY_COUNT
        value = entries[-count] if len(entries) >= count else ""
    return _valid_address(value) or remote


def warn_if_proxied_without_header(request) -> None:
    """Say once when requests carry a proxy's forwarding headers and no client header is set."""
    if not settings.CLIENT_IP_HEADER and (
        "HTTP_X_FORWARDED_FOR" in request.META or "HTTP_X_REAL_IP" in request.META
    ):
        _say_once(
            "proxy-header",
            "Requests arrive through a proxy (X-Forwarded-For or X-Real-IP is set) but "
            "DJANGO_CLIENT_IP_HEADER is not: every patient shares the proxy's address for the "
            "rate limit and the admin lockout. Set DJANGO_CLIENT_IP_HEADER=X-Real-IP (see "
            "deploy/nginx/ldn-guide.conf), or REMOTE_ADDR if clients connect directly.",
        )


# --- Uploads ----------------------------------------------------------------------------------


class RefuseUploadsMiddleware:
    """No page takes a file: a multipart body with a file part gets a 415 page saying so, and
    the file is never written anywhere (settings.FILE_UPLOAD_HANDLERS refuses it as it starts).
    A multipart body of plain fields is read as usual."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method == "POST"
            and request.content_type.startswith("multipart/")
            and not uploads.takes_a_file(request)  # a staff upload: its view checks first
        ):
            try:
                request.POST  # noqa: B018  (parsing is what refuses the file)
            except UploadRefused:
                return views.unsupported_media_type(request)
        return self.get_response(request)


# --- The rate limit ---------------------------------------------------------------------------


def _address_key(address: str, window: int) -> str:
    # The cache holds a keyed hash, never the address itself.
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    return f"check-rate:{window}:{digest.hexdigest()[:32]}"


_thread_lock = threading.Lock()


@contextlib.contextmanager
def _counting_lock(cache):
    """Counting is read-then-write in the file cache: without a lock, workers counting at the
    same moment overwrite each other's counts and the limit overshoots. A lock file beside the
    counters serialises them across the processes (and, with the thread lock, the threads) of
    this machine, which are all that share a file cache. Redis, the database cache and the
    in-memory cache count atomically themselves."""
    directory = getattr(cache, "_dir", None)
    if directory is None:
        yield
        return
    with _thread_lock:
        os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, "counting.lock"), "a") as lock_file:
            fcntl.flock(lock_file, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock_file, fcntl.LOCK_UN)


def _count(cache, key: str) -> int:
    with _counting_lock(cache):
        cache.add(key, 0, timeout=120)
        try:
            return cache.incr(key)
        except ValueError:
            # The entry expired between add and incr.
            cache.set(key, 1, timeout=120)
            return 1


class CheckRateLimitMiddleware:
    """At most CHECK_RATE_LIMIT checker posts per address per minute, counted in the shared
    rate-limit cache.

    A fixed one-minute window: simple, and at worst twice the limit across a minute boundary.
    Health checks and every GET are never counted. When the cache does not answer, nobody is
    stopped (the log says so once): a patient must never get an error because of the limit.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        warn_if_proxied_without_header(request)
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
        if not versions.available():  # the cache failed a moment ago: do not wait on it
            return None
        now = time.time()
        key = _address_key(client_ip(request), int(now // 60))
        try:
            count = _count(caches["rate_limit"], key)
        except Exception as error:  # Redis stopped, a full disk: let the patient through
            versions.note_failure()
            _say_once(
                "rate-limit-cache",
                "Rate limit off: its cache does not answer (%s). Checks are not limited until "
                "it is back.",
                type(error).__name__,
            )
            return None
        _back_to_normal("rate-limit-cache", "Rate limit on again: its cache answers.")
        if count <= limit:
            return None
        retry_after = max(1, int(60 - now % 60))
        return views.too_many_requests(request, retry_after=retry_after)


class DatabaseUnavailableMiddleware:
    """A view that cannot reach the database answers with the friendly 503 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 503:
            _back_to_normal("database", "Database answering again.")
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            # Once per outage; the message names the database error, never the request.
            _say_once("database", "Database unavailable: %s", type(exception).__name__)
            return views.service_unavailable(request)
        return None

"""A cache of published pages, shared by every worker, emptied whenever staff save content.

Pages are stored under a "generation" number kept in the cache; any save or delete of a
content model (education, checker, checklist) starts a new generation, so every worker stops
serving the old pages at once, with whatever cache backend is configured. The key also
carries the release's static-files manifest hash, so pages cached by an older release (which
link older style sheets) are never served by a newer one.
Only anonymous GETs whose response carries no cookie and does not vary on cookies are
stored, so a staff preview, a form with a CSRF token, or a session never reaches the cache.
"""

import uuid
from functools import wraps

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import has_vary_header

CONTENT_APPS = frozenset({"education", "checker", "checklist"})
GENERATION_KEY = "pages:generation"


def _generation() -> str:
    return cache.get_or_set(GENERATION_KEY, lambda: uuid.uuid4().hex, timeout=None)


def clear_pages() -> None:
    """Start a new generation: every cached page is forgotten by every worker."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def _release() -> str:
    # Changes whenever collectstatic produces different files; "dev" without a manifest.
    return getattr(staticfiles_storage, "manifest_hash", "") or "dev"


def _page_key(request) -> str:
    # The path only: a query string cannot make a new cache entry.
    partial = "htmx" if request.headers.get("HX-Request") == "true" else "full"
    return f"page:{_release()}:{_generation()}:{partial}:{request.path}"


def _cache_control(response) -> set[str]:
    return {part.strip().split("=")[0] for part in response.get("Cache-Control", "").split(",")}


def cache_published_page(view):
    """Serve an anonymous GET of a published page from the shared cache."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if (
            request.method not in ("GET", "HEAD")
            or settings.PAGE_CACHE_SECONDS <= 0
            or settings.SESSION_COOKIE_NAME in request.COOKIES
        ):
            return view(request, *args, **kwargs)
        key = _page_key(request)
        cached = cache.get(key)
        if cached is not None:
            content, content_type = cached
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not has_vary_header(response, "Cookie")
            and not {"no-store", "private", "no-cache"} & _cache_control(response)
        ):
            cache.set(
                key, (response.content, response["Content-Type"]), settings.PAGE_CACHE_SECONDS
            )
        return response

    return wrapped


def _content_changed(sender, **kwargs):
    if sender._meta.app_label in CONTENT_APPS:
        clear_pages()


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_content_changed, dispatch_uid=f"serving.page_cache.{signal!r}")

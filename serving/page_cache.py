"""A cache of published pages, shared by every worker, emptied whenever staff save content.

Pages are stored under the "pages" version (serving.versions); any committed save or delete
of a content model (clinical, education, checker, checklist) starts a new version, so every worker stops
serving the old pages at once, with whatever cache backend is configured. The key also
carries the release's static-files manifest hash, so pages cached by an older release (which
link older style sheets) are never served by a newer one.
Only anonymous GETs whose response carries no cookie and does not vary on cookies are
stored, so a staff preview, a form with a CSRF token, or a session never reaches the cache.
A cache that does not answer is bypassed: the page is rendered afresh, never a 500.
"""

import logging
from functools import wraps

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import has_vary_header

from serving import versions

logger = logging.getLogger(__name__)

CONTENT_APPS = frozenset({"clinical", "education", "checker", "checklist"})
VERSION = "pages"


def clear_pages() -> None:
    """Start a new version once the transaction commits: every cached page is forgotten."""
    versions.bump(VERSION)


def _release() -> str:
    # Changes whenever collectstatic produces different files; "dev" without a manifest.
    return getattr(staticfiles_storage, "manifest_hash", "") or "dev"


def _page_key(request, version: str) -> str:
    # The path only: a query string cannot make a new cache entry.
    partial = "htmx" if request.headers.get("HX-Request") == "true" else "full"
    return f"page:{_release()}:{version}:{partial}:{request.path}"


def _cache_control(response) -> set[str]:
    return {part.strip().split("=")[0] for part in response.get("Cache-Control", "").split(",")}


def _cacheable(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not has_vary_header(response, "Cookie")
        and not {"no-store", "private", "no-cache"} & _cache_control(response)
    )


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
        version = versions.current(VERSION)
        if version is None:  # the cache does not answer: serve the page uncached
            return view(request, *args, **kwargs)
        key = _page_key(request, version)
        try:
            cached = cache.get(key)
        except Exception as error:
            logger.info("Page cache read failed: %s", type(error).__name__)
            cached = None
        if cached is not None:
            content, content_type = cached
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if _cacheable(response):
            try:
                cache.set(
                    key, (response.content, response["Content-Type"]), settings.PAGE_CACHE_SECONDS
                )
            except Exception as error:  # a full disk, Redis gone: the page is served anyway
                logger.info("Page cache write failed: %s", type(error).__name__)
        return response

    return wrapped


def _content_changed(sender, **kwargs):
    if getattr(getattr(sender, "_meta", None), "app_label", None) in CONTENT_APPS:
        clear_pages()


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_content_changed, dispatch_uid=f"serving.page_cache.{signal!r}")

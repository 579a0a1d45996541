"""Site-wide template values."""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation


def _same_page_in(request, language: str) -> str:
    """This page's address in another language (the same page, never the home page), with the
    address as the browser sent it when the page has no other-language address (a 404)."""
    return translate_url(request.path, language)


def site(request):
    current = translation.get_language() or settings.LANGUAGE_CODE
    languages = []
    for code, name in settings.LANGUAGES:
        languages.append(
            {
                "code": code,
                "name": name,  # each language named in itself: "English", "Español"
                "url": _same_page_in(request, code) if request is not None else "/",
                "current": translation.get_supported_language_variant(current) == code,
            }
        )
    default_url = next(
        (item["url"] for item in languages if item["code"] == settings.LANGUAGE_CODE), "/"
    )
    return {
        "CLINIC_NAME": settings.CLINIC_NAME,
        # A view lists the languages its page has no text in (a page shown in English in
        # their place): no hreflang link then points to that language.
        "missing_languages": [],
        "site_languages": languages,
        # The page in the default language, for <link rel="alternate" hreflang="x-default">.
        "default_language_url": default_url,
    }

"""Site-wide template values: the clinic (clinical.ClinicSettings) and its region."""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from clinical import regions


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
    clinic = getattr(request, "clinic", None)
    if clinic is None:  # a request that did not pass the middleware (a test's RequestFactory)
        from clinical.middleware import _load_clinic

        clinic = _load_clinic()
    region = getattr(request, "region", None) or regions.in_language(
        regions.current(clinic), translation.get_language()
    )
    return {
        # The clinic's name from the admin; before staff set one, the server's DJANGO_CLINIC_NAME.
        "CLINIC_NAME": clinic.name.strip() or settings.CLINIC_NAME,
        "clinic": clinic,
        "region": region,
        # A view lists the languages its page has no text in (a page shown in English in
        # their place): no hreflang link then points to that language.
        "missing_languages": [],
        "site_languages": languages,
        # The page in the default language, for <link rel="alternate" hreflang="x-default">.
        "default_language_url": default_url,
    }

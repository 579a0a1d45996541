"""Each request knows its clinic (request.clinic) and region (request.region), and English pages
speak the region's English: its date formats (ldn_site/formats/) and spelling (locale/)."""

from django.db import DatabaseError
from django.utils import translation

from clinical import regions

# The clinic row as last read, under the pages' cache version it was read at: staff saving it
# starts a new version (serving.page_cache hears of every clinical model), so a cached page
# costs no query and a change shows on the next request.
_memo: tuple[str | None, object] = (None, None)


def _load_clinic():
    global _memo
    from clinical.models import ClinicSettings
    from serving import versions

    version = versions.current("pages")
    seen, clinic = _memo
    if version is not None and seen == version:
        return clinic
    try:
        clinic = ClinicSettings.load()
    except DatabaseError:  # the 503 page still knows the server's region and no clinic
        return ClinicSettings()
    if version is not None:
        _memo = (version, clinic)
    return clinic


_memo_in: dict[str, tuple[str | None, object, object]] = {}  # language -> (version, row, shown)


def _clinic_in(clinic, language: str):
    """The clinic's words in the language (clinical.translation.show_clinic), kept like the row
    itself under the pages' cache version."""
    from clinical import translation
    from serving import versions

    version = versions.current("pages")
    seen = _memo_in.get(language)
    if version is not None and seen and seen[0] == version and seen[1] is clinic:
        return seen[2]
    try:
        shown = translation.show_clinic(clinic, language)
    except DatabaseError:
        return clinic
    if version is not None:
        _memo_in[language] = (version, clinic, shown)
    return shown


class ClinicRegionMiddleware:
    """Works in process_view, after the rate limit's (which must be the first to try a cache
    that does not answer, so that it says so), and puts the language back after the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        before = getattr(request, "_language_before_region", None)
        if before is not None:
            translation.activate(before)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        request.clinic = _load_clinic()
        request.region = regions.current(request.clinic)
        language = translation.get_language() or ""
        if language.split("-")[0] == "en":  # another language keeps its own formats
            request._language_before_region = language
            translation.activate(request.region.locale)
        else:  # and its own words for the region's numbers and the clinic's lines
            request.region = regions.in_language(request.region, language)
            request.clinic = _clinic_in(request.clinic, language)
        return None

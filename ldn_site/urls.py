"""The site's addresses. Each app owns its own; the admin's address comes from settings.

The pages a patient reads are in two languages: English at the addresses they always had, and
Spanish under /es/ (i18n_patterns without a prefix for the default language). Health checks,
the admin and the JSON API have one address each; the API reads its language from the request.
"""

from django.conf import settings
from django.contrib import admin
from django.urls import LocalePrefixPattern, URLResolver, include, path
from django.utils.translation import get_language


class RegionLocalePrefixPattern(LocalePrefixPattern):
    """i18n_patterns' prefix, with the region's English (en-gb, en-au: its dates and spelling,
    activated by clinical.middleware) counted as the default language: no prefix, so English
    links and addresses stay as they are in every region."""

    @property
    def language_prefix(self):
        language = get_language() or settings.LANGUAGE_CODE
        if language.split("-")[0] == settings.LANGUAGE_CODE.split("-")[0]:
            return ""
        return super().language_prefix


def i18n_patterns(*urls, prefix_default_language=True):
    return [URLResolver(RegionLocalePrefixPattern(prefix_default_language), list(urls))]


admin.site.site_header = "LDN Guide — content editing"
admin.site.site_title = "LDN Guide admin"
admin.site.index_title = "Pages, medicines and checklist"

urlpatterns = [
    path("", include("serving.urls")),
    path("", include("clinical.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("checker.api_urls")),
]
urlpatterns += i18n_patterns(
    path("", include("checker.urls")),
    path("", include("checklist.urls")),
    path("", include("education.urls")),
    prefix_default_language=False,
)

handler400 = "serving.views.bad_request"
handler404 = "serving.views.page_not_found"
handler500 = "serving.views.server_error"

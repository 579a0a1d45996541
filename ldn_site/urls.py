"""The site's addresses. Each app owns its own; the admin's address comes from settings."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "LDN Guide — content editing"
admin.site.site_title = "LDN Guide admin"
admin.site.index_title = "Pages, medicines and checklist"

urlpatterns = [
    path("", include("serving.urls")),
    path("", include("clinical.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("checker.urls")),
    path("", include("checklist.urls")),
    path("", include("education.urls")),
]

handler400 = "serving.views.bad_request"
handler404 = "serving.views.page_not_found"
handler500 = "serving.views.server_error"

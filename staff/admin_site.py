"""The admin site: the stock one, plus a one-time code (TOTP) at sign-in when ADMIN_OTP is on.

The setting is read on each request, so a test can turn the second factor on and off.
"""

from django.conf import settings
from django.contrib.admin import AdminSite
from django.http import HttpResponseNotAllowed, JsonResponse
from django.urls import path
from django_otp.admin import OTPAdminAuthenticationForm

# The index, by task: what editors and pharmacists change most first, sign-in security last.
APP_ORDER = [
    "education",
    "checklist",
    "checker",
    "clinical",
    "auth",
    "axes",
    "otp_totp",
    "otp_static",
]
APP_NAMES = {
    "auth": "Staff logins and roles",
    "axes": "Sign-in security: failed sign-ins and lockouts",
    "otp_totp": "Sign-in security: authenticator apps",
    "otp_static": "Sign-in security: backup codes",
}


MAX_GRADE_TEXT = 20_000


def reading_grade_view(request):
    """The reading grade of one field's text as staff type it, by the same rules as the
    patient-side test (education.readability); with ?lang=es, the Spanish INFLESZ score
    (clinical.inflesz). Staff text only; nothing is kept or logged."""
    from education.readability import describe_grade

    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    text = request.POST.get("text", "")[:MAX_GRADE_TEXT]
    if request.GET.get("lang") == "es":
        from clinical import inflesz

        # Spanish: the INFLESZ reading ease, by the same count as the Spanish pages' test
        return JsonResponse({"grade": inflesz.describe(text)})
    return JsonResponse({"grade": describe_grade(text)})


class StaffAdminSite(AdminSite):
    def get_urls(self):
        return [
            path(
                "reading-grade/",
                self.admin_view(reading_grade_view),
                name="reading_grade",
            ),
            path("reviews/", self.admin_view(self.reviews_view), name="review_dashboard"),
            path(
                "reviews/<str:app_label>/<str:model_name>/<path:object_id>/",
                self.admin_view(self.record_review_view),
                name="record_review",
            ),
            path(
                "history/<str:app_label>/<str:model_name>/<path:object_id>/compare/",
                self.admin_view(self.compare_view),
                name="history_compare",
            ),
            path("recently-deleted/", self.admin_view(self.deleted_view), name="recently_deleted"),
            *super().get_urls(),
        ]

    def compare_view(self, request, app_label, model_name, object_id):
        from clinical.history_tools import compare_view

        return compare_view(request, self, app_label, model_name, object_id)

    def deleted_view(self, request):
        from clinical.history_tools import recently_deleted_view

        return recently_deleted_view(request, self)

    def reviews_view(self, request):
        from clinical.reviews import dashboard_view

        return dashboard_view(request, self)

    def record_review_view(self, request, app_label, model_name, object_id):
        from clinical.reviews import record_review_view

        return record_review_view(request, self, app_label, model_name, object_id)

    def index(self, request, extra_context=None):
        from clinical.reviews import counts

        extra_context = {"reviews_due": counts(request, self), **(extra_context or {})}
        return super().index(request, extra_context)

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        for app in apps:
            app["name"] = APP_NAMES.get(app["app_label"], app["name"])
        rank = {label: number for number, label in enumerate(APP_ORDER)}
        return sorted(apps, key=lambda app: (rank.get(app["app_label"], len(rank)), app["name"]))

    @property
    def login_form(self):
        return OTPAdminAuthenticationForm if settings.ADMIN_OTP else None

    @property
    def login_template(self):
        return "otp/admin111/login.html" if settings.ADMIN_OTP else None

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        # A password alone is not enough: the session must have passed a one-time code.
        return not settings.ADMIN_OTP or request.user.is_verified()

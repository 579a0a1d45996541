"""The admin site: the stock one, plus a one-time code (TOTP) at sign-in when ADMIN_OTP is on.

The setting is read on each request, so a test can turn the second factor on and off.
"""

from django.conf import settings
from django.contrib.admin import AdminSite
from django_otp.admin import OTPAdminAuthenticationForm


class StaffAdminSite(AdminSite):
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

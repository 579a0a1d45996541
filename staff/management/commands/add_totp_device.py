"""Give a staff user an authenticator-app device for the admin's second factor.

    python manage.py add_totp_device nurse

prints an otpauth:// address: paste it into an authenticator app (or turn it into a QR code
on the same computer), then sign in with the six-digit code it shows.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Create a TOTP (authenticator app) device for a staff user and print its otpauth:// address."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="Authenticator app", help="A label for the device.")
        parser.add_argument(
            "--replace", action="store_true", help="Remove the user's other TOTP devices first."
        )

    def handle(self, *args, username, name, replace, **options):
        user_model = get_user_model()
        try:
            user = user_model.objects.get(**{user_model.USERNAME_FIELD: username})
        except user_model.DoesNotExist:
            raise CommandError(f"No user called {username!r}. Make one with: make admin") from None
        if not user.is_staff:
            raise CommandError(f"{username!r} is not staff, so cannot use the admin.")
        if replace:
            TOTPDevice.objects.filter(user=user).delete()
        device = TOTPDevice.objects.create(user=user, name=name, confirmed=True)
        self.stdout.write(f"Added a TOTP device for {username}. Add it to an authenticator app:")
        self.stdout.write("")
        self.stdout.write(f"  {device.config_url}")
        self.stdout.write("")
        self.stdout.write(
            "Keep this address secret: anyone with it can make sign-in codes. "
            f"The second factor is {'on' if settings.ADMIN_OTP else 'OFF (DJANGO_ADMIN_OTP=0)'}."
        )

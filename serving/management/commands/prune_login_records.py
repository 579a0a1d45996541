"""python manage.py prune_login_records — delete staff-login records (django-axes: failed
attempts, sign-ins, failures) older than LOGIN_RECORDS_DAYS. Run daily (deploy/systemd/
ldn-guide-prune.timer): the records hold staff addresses and browsers, kept only as long as
they help spot an attack."""

from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone


class Command(BaseCommand):
    help = "Delete staff-login records older than DJANGO_LOGIN_RECORDS_DAYS (default 30)."

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(days=settings.LOGIN_RECORDS_DAYS)
        deleted = {
            model.__name__: model.objects.filter(attempt_time__lt=cutoff).delete()[0]
            for model in (AccessAttempt, AccessLog, AccessFailureLog)
        }
        if options["verbosity"]:
            self.stdout.write(
                f"Deleted staff-login records older than {settings.LOGIN_RECORDS_DAYS} days: "
                + ", ".join(f"{count} {name}" for name, count in deleted.items())
            )

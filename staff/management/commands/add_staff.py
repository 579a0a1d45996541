"""Add a staff login with a role: editor, pharmacist or administrator (staff/roles.py).

    manage.py add_staff anna --role editor --email anna@clinic.example
    manage.py add_staff --role pharmacist ben          # asks for a password twice

For scripts the password may come from the environment variable STAFF_PASSWORD. Run it again
for an existing login to change its role."""

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from staff.roles import ROLES, ensure_roles


class Command(BaseCommand):
    help = "Add a staff login with a role (editor, pharmacist or administrator)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=sorted(ROLES))
        parser.add_argument("--email", default="")
        parser.add_argument("--name", default="", help="Full name, shown in the history.")

    def handle(self, *args, username, role, email, name, **options):
        groups = ensure_roles()
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(username=username)
        if created or os.environ.get("STAFF_PASSWORD"):
            password = os.environ.get("STAFF_PASSWORD") or self._ask_password()
            try:
                validate_password(password, user)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from error
            user.set_password(password)
        if name:
            user.first_name, _, user.last_name = name.partition(" ")
        user.email = email or user.email
        user.is_staff = True
        user.is_superuser = False  # an administrator's rights come from the role
        user.save()
        user.groups.set([groups[role]])
        verb = "Added" if created else "Updated"
        self.stdout.write(f"{verb} {username}: {ROLES[role]}.")

    def _ask_password(self) -> str:
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("The passwords do not match.")
        return first

"""The three staff roles, as Django groups with their permissions:

- Editors: the patient pages, the checklist, the shared sources and urgent box; they may look
  at the checker's data but not change it.
- Pharmacists: everything editors do, and the checker's data (groups, ingredients, names,
  questions), with the confirmation a change that stops names warning needs.
- Administrators: staff logins and roles, sign-in security (lockouts, one-time codes), and
  everything else except the pharmacist's decisions: confirming a change that stops names
  warning, and approving what an official drug list proposes.

ensure_roles() makes or updates the groups (after each migrate, and from add_staff).
"""

from __future__ import annotations

from django.apps import apps as django_apps
from django.contrib.auth.management import create_permissions

EDITORS = "Editors"
PHARMACISTS = "Pharmacists"
ADMINISTRATORS = "Administrators"
ROLES = {"editor": EDITORS, "pharmacist": PHARMACISTS, "administrator": ADMINISTRATORS}

CONTENT_APPS = ("education", "checklist", "clinical")
CHECKER_APP = "checker"
SECURITY_APPS = ("auth", "axes", "otp_static", "otp_totp")
PHARMACIST_ONLY = ("confirm_silencing", "approve_import")


def _permissions(*, apps_all=(), apps_view=()):
    from django.contrib.auth.models import Permission
    from django.db.models import Q

    query = Q(content_type__app_label__in=apps_all)
    query |= Q(content_type__app_label__in=apps_view, codename__startswith="view_")
    return Permission.objects.filter(query)


def ensure_roles() -> dict[str, object]:
    from django.contrib.auth.models import Group, Permission

    for app_config in django_apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.set(_permissions(apps_all=CONTENT_APPS, apps_view=(CHECKER_APP,)))
    pharmacists, _ = Group.objects.get_or_create(name=PHARMACISTS)
    pharmacists.permissions.set(_permissions(apps_all=(*CONTENT_APPS, CHECKER_APP)))
    administrators, _ = Group.objects.get_or_create(name=ADMINISTRATORS)
    # Not the pharmacist's decisions: an administrator who is one joins that group too.
    administrators.permissions.set(Permission.objects.exclude(codename__in=PHARMACIST_ONLY))
    return {"editor": editors, "pharmacist": pharmacists, "administrator": administrators}


def ensure_roles_after_migrate(sender, **kwargs) -> None:
    if sender.name == "staff":
        ensure_roles()

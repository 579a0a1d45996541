"""The admin for clinic staff: the stock admin app with a site that asks for a second factor,
and the command that gives a staff login its authenticator-app device."""

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class StaffConfig(AppConfig):
    default = True
    name = "staff"
    verbose_name = "Staff sign-in"

    def ready(self):
        from django.db.models.signals import post_migrate

        from staff.roles import ensure_roles_after_migrate

        post_migrate.connect(ensure_roles_after_migrate, dispatch_uid="staff-roles")


class StaffAdminConfig(admin_apps.AdminConfig):
    """The stock admin app, with the site that asks staff for a second factor."""

    default = False  # installed by its dotted path in INSTALLED_APPS

    default_site = "staff.admin_site.StaffAdminSite"

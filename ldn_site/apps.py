"""The project as an app (its content export commands), and its admin site."""

from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig


class SiteConfig(AppConfig):
    name = "ldn_site"
    verbose_name = "LDN Guide site"


class StaffAdminConfig(AdminConfig):
    """The stock admin app, with the site that asks staff for a second factor."""

    default_site = "ldn_site.admin_site.StaffAdminSite"

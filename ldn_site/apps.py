"""The project as an app: its admin site, and the page cache that staff saves empty."""

from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig


class SiteConfig(AppConfig):
    name = "ldn_site"
    verbose_name = "LDN Guide site"

    def ready(self):
        from ldn_site import page_cache

        page_cache.connect_signals()


class StaffAdminConfig(AdminConfig):
    """The stock admin app, with the site that asks staff for a second factor."""

    default_site = "ldn_site.admin_site.StaffAdminSite"

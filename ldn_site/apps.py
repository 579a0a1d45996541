"""The project as an app: the page cache that staff saves empty."""

from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "ldn_site"
    verbose_name = "LDN Guide site"

    def ready(self):
        from ldn_site import page_cache

        page_cache.connect_signals()

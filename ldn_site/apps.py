"""The project as an app: ldn_site holds configuration only (settings, urls, wsgi)."""

from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "ldn_site"
    verbose_name = "LDN Guide site"

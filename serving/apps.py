"""How the site is served: middleware, the page cache, named cache versions, health checks,
error views and deploy checks."""

from django.apps import AppConfig


class ServingConfig(AppConfig):
    name = "serving"
    verbose_name = "Serving"

    def ready(self):
        from serving import checks, page_cache  # noqa: F401  (checks register themselves)

        page_cache.connect_signals()

from django.apps import AppConfig


class CheckerConfig(AppConfig):
    name = "checker"
    verbose_name = "Medicine checker"

    def ready(self) -> None:
        from checker import signals  # noqa: F401  (connects the "data changed" receivers)

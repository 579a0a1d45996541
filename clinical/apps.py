from django.apps import AppConfig


class ClinicalConfig(AppConfig):
    name = "clinical"
    verbose_name = "Sources and urgent help, clinic settings, translations"

    def ready(self) -> None:
        from django.utils.translation import gettext

        from clinical import severity, signals  # noqa: F401  (English saves flag translations)

        # The level words and the checker's fixed texts in the page's language.
        severity.set_translator(gettext)

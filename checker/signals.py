"""Any change staff make to checker data (or the sources and urgent box it shows) tells every
worker to rebuild its engine, once the change has committed (a request in between reads the
old rows)."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from checker import engine

# The checker's own models, and the shared ones it shows (sources, the urgent box).
CHECKER_DATA_APPS = frozenset({"checker", "clinical"})


def _is_checker_model(sender) -> bool:
    meta = getattr(sender, "_meta", None)
    return meta is not None and meta.app_label in CHECKER_DATA_APPS


@receiver(post_save, dispatch_uid="checker-data-saved")
@receiver(post_delete, dispatch_uid="checker-data-deleted")
@receiver(m2m_changed, dispatch_uid="checker-links-changed")
def checker_data_changed(sender, **kwargs) -> None:
    # Covers every checker model, their many-to-many links and admin inlines of those links.
    if _is_checker_model(sender):
        engine.bump_version_on_commit()

"""A staff edit of an English text marks its translations "English changed since review", once
the edit has committed (the flag is worked out from the English as saved)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

# The English models, by "app_label.ModelName", and the kind of translation unit they are part of.
ENGLISH_MODELS = {
    "education.Topic": "page",
    "education.TopicSection": "page",
    "education.Item": "page",
    "checker.InteractionGroup": "group",
    "checker.ScreeningQuestion": "question",
    "checker.CheckerSettings": "checker_settings",
    "clinical.UrgentHelp": "urgent_help",
    "clinical.Source": "source",
    "checklist.Checklist": "checklist",
    "checklist.QuestionToAsk": "checklist",
    "checklist.ThingToBring": "checklist",
    "checklist.SignToWatch": "checklist",
    "clinical.ClinicSettings": "clinic",
}


def _kind_of(sender) -> str | None:
    from django.apps import apps

    meta = getattr(sender, "_meta", None)
    if meta is None:
        return None
    label = f"{meta.app_label}.{meta.object_name}"
    if label not in ENGLISH_MODELS or apps.get_model(label) is not sender:
        return None  # a migration's historical model: the translations table may not exist yet
    return ENGLISH_MODELS[label]


def _english_saved(sender, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    kind = _kind_of(sender)
    if kind is None:
        return
    from clinical.translation import ensure_clinic_rows, refresh_english_changed

    if kind == "clinic":
        # The clinic's words are typed by staff, not loaded from files: each language gets its
        # row (empty until staff write it) once there is English to translate.
        transaction.on_commit(ensure_clinic_rows)
    transaction.on_commit(lambda: refresh_english_changed(kind))


for _signal in (post_save, post_delete):
    _signal.connect(_english_saved, dispatch_uid=f"clinical.translation.{_signal!r}")

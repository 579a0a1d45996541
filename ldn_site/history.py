"""Version history shared by every app's content loader."""

from django.utils import timezone


def record_first_version(historical_model, row, *, reason: str, when=None) -> None:
    """Give a row a loader just created its first entry in django-simple-history, so staff can
    always go back to the words the site came with. (Saving through the live models records it
    already; the historical models a data migration uses do not.)"""
    if historical_model.objects.filter(id=row.pk).exists():
        return
    historical_model.objects.create(
        **{field.attname: getattr(row, field.attname) for field in row._meta.concrete_fields},
        history_date=when or timezone.now(),
        history_type="+",
        history_change_reason=reason,
    )

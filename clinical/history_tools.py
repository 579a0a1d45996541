"""Two history screens every kind of content shares (issue 16, point 3), built on what
django-simple-history already does:

- Compare two versions side by side: the history list gets two columns of choices; the
  differences are simple-history's own (`diff_against`, formatted by its
  HistoricalRecordContextHelper), shown in full, old beside new.
- Recently deleted: every deleted row simple-history kept (history_type "-") that has not come
  back, with a link to its last version's screen, where Save restores it through the model's own
  admin (the checker's must-warn guard, its links and its rows with it: clinical.editing).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from simple_history.template_utils import HistoricalRecordContextHelper

DELETED_DAYS = 90


def history_admins(site) -> list:
    """The admin of every model with a history, in the index's order."""
    from staff.admin_site import APP_ORDER

    rank = {label: number for number, label in enumerate(APP_ORDER)}
    found = [
        model_admin
        for model, model_admin in site._registry.items()
        if hasattr(model, "history") and hasattr(model_admin, "history_form_view")
    ]
    return sorted(
        found,
        key=lambda model_admin: (
            rank.get(model_admin.model._meta.app_label, len(rank)),
            str(model_admin.model._meta.verbose_name_plural),
        ),
    )


def admin_for(site, app_label: str, model_name: str):
    for model_admin in history_admins(site):
        opts = model_admin.model._meta
        if (opts.app_label, opts.model_name) == (app_label, model_name):
            return model_admin
    raise Http404("No such kind of content.")


def describe(record) -> str:
    user = record.history_user if record.history_user_id else None
    who = (user.get_full_name() or user.get_username()) if user else "the data files"
    return f"{timezone.localtime(record.history_date):%d %b %Y %H:%M}, by {who}"


# --- Compare two versions ---------------------------------------------------------------------


def compare_view(request, site, app_label: str, model_name: str, object_id: str):
    model_admin = admin_for(site, app_label, model_name)
    model = model_admin.model
    history = model.history.model
    pk_name = model._meta.pk.attname
    versions = history.objects.filter(**{pk_name: object_id})
    latest = versions.order_by("-history_date", "-history_id").first()
    if latest is None:
        raise Http404("This has no history.")
    if not model_admin.has_view_history_or_change_history_permission(request, latest.instance):
        raise PermissionDenied
    try:
        chosen = [int(request.GET.get(name, "")) for name in ("older", "newer")]
    except ValueError:
        chosen = []
    records = list(versions.filter(history_id__in=chosen).select_related("history_user"))
    if len(chosen) != 2 or len(records) != len(set(chosen)):
        raise Http404("Choose two versions of this item.")
    records.sort(key=lambda record: (record.history_date, record.history_id))
    older, newer = records[0], records[-1]
    delta = newer.diff_against(older, foreign_keys_are_objs=True)
    # Side by side the texts are shown whole, not shortened as in the list.
    helper = HistoricalRecordContextHelper(model, newer, max_displayed_delta_change_chars=1_000_000)
    opts = model._meta
    context = {
        **site.each_context(request),
        "title": f"Compare two versions: {latest.instance}",
        "opts": opts,
        "object": latest.instance,
        "older": older,
        "newer": newer,
        "older_when": describe(older),
        "newer_when": describe(newer),
        "changes": helper.context_for_delta_changes(delta),
        "same": older.history_id == newer.history_id,
        "history_url": reverse(
            f"{site.name}:{opts.app_label}_{opts.model_name}_history", args=[object_id]
        ),
    }
    return TemplateResponse(request, "admin/clinical/compare_versions.html", context)


# --- Recently deleted -----------------------------------------------------------------------


@dataclass
class Deleted:
    kind: str
    name: str
    when: str
    note: str
    restore_url: str
    app_label: str


def deleted_rows(request, site, days: int = DELETED_DAYS) -> list[Deleted]:
    since = timezone.now() - datetime.timedelta(days=days)
    rows = []
    for model_admin in history_admins(site):
        if not model_admin.has_change_permission(request):
            continue
        model = model_admin.model
        opts = model._meta
        history = model.history.model
        pk_name = opts.pk.attname
        gone = (
            history.objects.filter(history_type="-", history_date__gte=since)
            .exclude(**{f"{pk_name}__in": model._default_manager.values(pk_name)})
            .select_related("history_user")
            .order_by("-history_date", "-history_id")
        )
        seen = set()
        for record in gone:
            pk = getattr(record, pk_name)
            if pk in seen:
                continue
            seen.add(pk)
            before = (
                history.objects.filter(**{pk_name: pk})
                .exclude(history_type="-")
                .filter(history_date__lte=record.history_date)
                .order_by("-history_date", "-history_id")
                .first()
            )
            if before is None:
                continue
            try:
                url = reverse(
                    f"{site.name}:{opts.app_label}_{opts.model_name}_simple_history",
                    args=[pk, before.history_id],
                )
            except NoReverseMatch:
                continue
            rows.append(
                Deleted(
                    kind=str(opts.verbose_name).capitalize(),
                    name=str(before.instance),
                    when=describe(record),
                    note=record.history_change_reason or "",
                    restore_url=url,
                    app_label=opts.app_label,
                )
            )
    return rows


def recently_deleted_view(request, site):
    context = {
        **site.each_context(request),
        "title": "Recently deleted",
        "rows": deleted_rows(request, site),
        "days": DELETED_DAYS,
    }
    return TemplateResponse(request, "admin/clinical/recently_deleted.html", context)

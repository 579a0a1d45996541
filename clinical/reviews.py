"""The review dashboard (issue 16, point 5): every reviewed text of every kind (pages, checker
rules, screening questions, the checklist) that is overdue for review or due in the next 30
days, with who owns its review, and a screen to record a review under a named Reviewer.

As the NHS content review practice has it: one owner per item, a list of what is overdue or
due soon. The kinds are found, not listed: every ReviewedContent model the admin edits.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from clinical.editing import change_note_field
from clinical.models import ReviewedContent, Reviewer, one_year_after

DUE_SOON_DAYS = 30


def reviewed_admins(site) -> list:
    """The admin of each kind of reviewed text, in the index's order (pages first)."""
    found = [
        model_admin
        for model, model_admin in site._registry.items()
        if issubclass(model, ReviewedContent)
    ]
    order = {label: rank for rank, label in enumerate(["education", "checklist", "checker"])}
    return sorted(
        found,
        key=lambda model_admin: (
            order.get(model_admin.model._meta.app_label, len(order)),
            str(model_admin.model._meta.verbose_name),
        ),
    )


def when_due(day: datetime.date | None, today: datetime.date) -> str:
    """The review date in words, the right way round."""
    if day is None:
        return "No date set"
    days = (day - today).days
    if days < 0:
        late = -days
        return f"Overdue by {late} day{'s' if late != 1 else ''}"
    if days == 0:
        return "Due today"
    return f"Due in {days} day{'s' if days != 1 else ''}"


@dataclass
class Row:
    kind: str
    title: str
    reviewer: str
    last_reviewed: datetime.date | None
    next_review_due: datetime.date | None
    when: str
    edit_url: str
    record_url: str
    overdue: bool


def rows_for(request, site, today: datetime.date) -> tuple[list[Row], list[Row]]:
    overdue, soon = [], []
    for model_admin in reviewed_admins(site):
        if not model_admin.has_change_permission(request):
            continue
        model = model_admin.model
        opts = model._meta
        queryset = model._default_manager.select_related("reviewer").filter(
            next_review_due__lte=today + datetime.timedelta(days=DUE_SOON_DAYS)
        )
        for obj in queryset.order_by("next_review_due", "pk"):
            row = Row(
                kind=str(opts.verbose_name).capitalize(),
                title=str(obj),
                reviewer=str(obj.reviewer) if obj.reviewer else "",
                last_reviewed=obj.last_reviewed,
                next_review_due=obj.next_review_due,
                when=when_due(obj.next_review_due, today),
                edit_url=reverse(
                    f"{site.name}:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]
                ),
                record_url=reverse(
                    f"{site.name}:record_review", args=[opts.app_label, opts.model_name, obj.pk]
                ),
                overdue=obj.next_review_due < today,
            )
            (overdue if row.overdue else soon).append(row)
    overdue.sort(key=lambda row: (row.next_review_due, row.kind, row.title))
    soon.sort(key=lambda row: (row.next_review_due, row.kind, row.title))
    return overdue, soon


def counts(request, site) -> dict[str, int]:
    """For the admin index: how many reviews are overdue and due soon."""
    today = timezone.localdate()
    overdue = soon = 0
    for model_admin in reviewed_admins(site):
        if not model_admin.has_change_permission(request):
            continue
        manager = model_admin.model._default_manager
        overdue += manager.overdue(today).count()
        soon += manager.due_soon(DUE_SOON_DAYS, today).count()
    return {"overdue": overdue, "soon": soon}


def dashboard_view(request, site):
    today = timezone.localdate()
    overdue, soon = rows_for(request, site, today)
    context = {
        **site.each_context(request),
        "title": "Reviews due",
        "overdue": overdue,
        "soon": soon,
        "days": DUE_SOON_DAYS,
        "today": today,
    }
    return TemplateResponse(request, "admin/clinical/reviews.html", context)


class RecordReviewForm(forms.Form):
    reviewer = forms.ModelChoiceField(
        queryset=Reviewer.objects.all(),
        empty_label="Choose who reviewed it",
        help_text="The person who checked these words for medical accuracy. Patients see "
        "“Reviewed by name, role”. Not listed? Add them under Reviewers first.",
        error_messages={"required": "Choose who reviewed it."},
    )
    reviewed_on = forms.DateField(
        label="Reviewed on",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="The day they checked it. Today, or a day before.",
        error_messages={"required": "Enter the day it was reviewed."},
    )
    next_review_due = forms.DateField(
        label="Next review due",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="When it must be checked again, usually a year after this review.",
        error_messages={"required": "Enter when the next review is due."},
    )
    note = change_note_field(
        help_text="Optional, e.g. “Checked against the 2026 label”. Kept in the history."
    )

    def clean_reviewed_on(self):
        day = self.cleaned_data["reviewed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("A review cannot be recorded for a day still to come.")
        return day

    def clean_next_review_due(self):
        day = self.cleaned_data["next_review_due"]
        if day <= timezone.localdate():
            raise forms.ValidationError("Enter a date in the future: when the next review is due.")
        return day


def record_review_view(request, site, app_label: str, model_name: str, object_id: str):
    model_admin = next(
        (
            model_admin
            for model_admin in reviewed_admins(site)
            if model_admin.model._meta.app_label == app_label
            and model_admin.model._meta.model_name == model_name
        ),
        None,
    )
    if model_admin is None:
        raise Http404("No such kind of reviewed text.")
    obj = model_admin.get_object(request, object_id)
    if obj is None:
        raise Http404("No such text.")
    if not model_admin.has_change_permission(request, obj):
        raise PermissionDenied
    today = timezone.localdate()
    me = Reviewer.objects.filter(name=request.user.get_full_name().strip()).order_by("pk").first()
    if request.method == "POST":
        form = RecordReviewForm(request.POST)
        if form.is_valid():
            reviewer = form.cleaned_data["reviewer"]
            obj.reviewer = reviewer
            obj.last_reviewed = form.cleaned_data["reviewed_on"]
            obj.next_review_due = form.cleaned_data["next_review_due"]
            note = form.cleaned_data["note"].strip()
            obj._change_reason = (note or f"Reviewed by {reviewer.name}")[:100]
            obj.save()
            model_admin.log_change(request, obj, [{"changed": {"fields": ["reviewer"]}}])
            messages.success(
                request,
                f"Review recorded: “{obj}” reviewed by {reviewer} on "
                f"{obj.last_reviewed:%d %b %Y}; next review due {obj.next_review_due:%d %b %Y}.",
            )
            return redirect(reverse(f"{site.name}:review_dashboard"))
    else:
        form = RecordReviewForm(
            initial={
                "reviewer": me or obj.reviewer,
                "reviewed_on": today,
                "next_review_due": one_year_after(today),
            }
        )
    opts = model_admin.model._meta
    context = {
        **site.each_context(request),
        "title": f"Record a review: {obj}",
        "form": form,
        "obj": obj,
        "kind": str(opts.verbose_name),
        "when": when_due(obj.next_review_due, today),
        "edit_url": reverse(
            f"{site.name}:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]
        ),
        "opts": opts,
    }
    return TemplateResponse(request, "admin/clinical/record_review.html", context)

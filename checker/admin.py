"""Admin for clinic staff: the checker's warnings, drug names and questions (their sources are
the shared ones, under clinical).

Every screen keeps a history (the History button), and every save makes the checker use the
new words on its next check.
"""

import copy
import zipfile

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Case, Count, IntegerField, Max, Q, Value, When
from django.http import HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html
from django.views.decorators.csrf import csrf_exempt
from simple_history.admin import SimpleHistoryAdmin

from checker import engine, guard, imports, must_warn
from checker.models import (
    CheckerSettings,
    ImportRun,
    Ingredient,
    InteractionGroup,
    Name,
    ProposedChange,
    ScreeningQuestion,
)
from clinical.admin import ReviewedAdminMixin
from clinical.editing import ClinicalAdmin, RenderBound
from education.readability import describe_worst
from serving.uploads import BoundedUpload, staff_upload_screen

READING_GRADE_HELP = (
    "Flesch-Kincaid reading grade of the hardest field patients read; each field shows its "
    "own grade as you type. "
    "Aim for 8 or lower: short sentences, everyday words. Medicine names are not counted."
)


GROUP_TEXT_FIELDS = ("headline", "what_could_happen", "what_to_do", "tell_your_doctor")
QUESTION_TEXT_FIELDS = ("text", "hint", "yes_message", "tell_your_doctor")


def fields_of(obj, names) -> list[tuple[str, str]]:
    """(label, text) of each field patients read, for the worst field's reading grade."""
    return [
        (str(obj._meta.get_field(name).verbose_name).capitalize(), getattr(obj, name) or "")
        for name in names
    ]


def group_text(group: InteractionGroup) -> list[tuple[str, str]]:
    return fields_of(group, GROUP_TEXT_FIELDS)


def question_text(question: ScreeningQuestion) -> list[tuple[str, str]]:
    return fields_of(question, QUESTION_TEXT_FIELDS)


class _Refused(Exception):  # noqa: N818 - undoes a revert
    def __init__(self, impact: must_warn.Impact) -> None:
        super().__init__(impact.summary)
        self.impact = impact


def checker_preview(request, entries: list[str], answers: dict[str, str] | None = None):
    """The checker's results page for these entries, answered by a checker built from the rows
    as this (undone) transaction sees them: a draft's, never the shared one."""
    from django.urls import reverse

    from clinical import drafts

    data = {"medicine": ["\n".join(entries)], **(answers or {})}
    with engine.previewing(engine.build_from_database()):
        return drafts.draw(request, reverse("checker:check"), "POST", data)


def any_ingredient() -> list[str]:
    """One name for a preview that is about no name in particular (a question's message)."""
    first = Ingredient.objects.order_by("name").values_list("name", flat=True).first()
    return [first] if first else []


class CheckerPreviewMixin:
    """A draft of checker data is previewed on the checker's results page, for the names it
    is about."""

    def preview_entries(self, obj) -> list[str]:
        return [obj.name]

    def preview_answers(self, obj) -> dict[str, str]:
        return {}

    def patient_preview(self, request, obj):
        return checker_preview(request, self.preview_entries(obj), self.preview_answers(obj))


class MustWarnGuardMixin(CheckerPreviewMixin):
    """For every screen that edits what the checker reads (groups, ingredients, names): an
    edit or delete that would stop a name warning is undone and shown with the names it
    affects, unless a pharmacist confirms exactly that (checker/guard.py)."""

    delete_confirmation_template = "admin/checker/delete_confirmation.html"

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST":
            # Before anything is saved: how the checker answers every name now.
            request._must_warn_before = guard.readings_now()
        return super().changeform_view(request, object_id, form_url, extra_context)

    def check_before_commit(self, request, *, form, formsets, change: bool) -> None:
        super().check_before_commit(request, form=form, formsets=formsets, change=change)
        before = getattr(request, "_must_warn_before", None) or guard.readings_now()
        impact, after = guard.impact_now(before)
        if impact.silenced:
            if not guard.confirmed(request, impact):
                raise RenderBound(form, formsets, **self.refusal_context(request, impact))
            self.keep_confirmation(form.instance, guard.confirmation_note(request, impact))
            messages.warning(request, guard.confirmation_note(request, impact))
        self.preview_before_commit(
            request, form=form, formsets=formsets, before=before, after=after
        )

    def preview_before_commit(self, request, *, form, formsets, before, after) -> None:
        """Show what the checker will say before the edit is kept (names override it)."""

    @staticmethod
    def refusal_context(request, impact: must_warn.Impact) -> dict:
        return {
            "must_warn_refused": impact,
            "must_warn_can_confirm": guard.can_confirm(request.user),
            "must_warn_field": guard.CONFIRM_FIELD,
            "must_warn_shown": [s for s in impact.silenced[:40]],
        }

    @staticmethod
    def keep_confirmation(obj, note: str) -> None:
        """The pharmacist's confirmation goes into the history, on the version just saved."""
        record = obj.history.order_by("-history_id").first()
        if record is not None:
            type(record).objects.filter(pk=record.pk).update(history_change_reason=note[:100])

    # --- reverting from the history -----------------------------------------------------

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "POST":
            return super().history_form_view(request, object_id, version_id, extra_context)
        before = guard.readings_now()
        storage = messages.get_messages(request)
        queued = len(getattr(storage, "_queued_messages", []))
        try:
            with transaction.atomic():
                response = super().history_form_view(request, object_id, version_id, extra_context)
                impact, _ = guard.impact_now(before)
                if impact.silenced:
                    raise _Refused(impact)
        except _Refused as refused:
            # The revert is undone, and so is its "changed successfully".
            del storage._queued_messages[queued:]
            messages.error(
                request,
                f"Not reverted: {refused.impact.summary}. To make this change, edit it on its "
                "own screen: a pharmacist can then confirm it.",
            )
            return HttpResponseRedirect(request.get_full_path())
        return response

    # --- deleting ------------------------------------------------------------------------

    def delete_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_delete_permission(request, obj):
            return super().delete_view(request, object_id, extra_context)
        impact = guard.trial(guard.readings_now(), obj.delete)
        context = dict(extra_context or {})
        if impact.silenced:
            context.update(self.refusal_context(request, impact))
            if request.method == "POST":
                if guard.confirmed(request, impact):
                    request._must_warn_note = guard.confirmation_note(request, impact)
                else:
                    # Not deleted: the same question again, now with the confirmation asked for.
                    context["must_warn_not_confirmed"] = True
                    request = copy.copy(request)
                    request.method = "GET"
                    request.POST = QueryDict()
        return super().delete_view(request, object_id, context)

    def delete_model(self, request, obj):
        note = getattr(request, "_must_warn_note", "")
        if note:
            obj._change_reason = note[:100]
        super().delete_model(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            delete_selected, name, description = actions["delete_selected"]

            def guarded_delete_selected(modeladmin, request, queryset):
                impact = guard.trial(guard.readings_now(), lambda: queryset.all().delete())
                if impact.silenced:
                    modeladmin.message_user(
                        request,
                        f"Nothing was deleted: {impact.summary}. Delete them one at a time: "
                        "a pharmacist can then confirm the change.",
                        messages.ERROR,
                    )
                    return None
                return delete_selected(modeladmin, request, queryset)

            actions["delete_selected"] = (guarded_delete_selected, name, description)
        return actions

    # --- what the checker says -------------------------------------------------------------

    @staticmethod
    def warned_names(slug: str) -> list[must_warn.Reading]:
        readings = guard.readings_now()
        typed = [key for key, reading in readings.items() if reading.kind == "typed"]
        return sorted(
            (r for r in readings.values() if slug in r.groups and r.kind != "typed"),
            key=lambda reading: must_warn._sort_key(reading, typed),
        )


@admin.register(InteractionGroup)
class InteractionGroupAdmin(MustWarnGuardMixin, ReviewedAdminMixin, ClinicalAdmin):
    reading_grade_fields = GROUP_TEXT_FIELDS
    list_display = [
        "slug",
        "label",
        "level",
        "urgent",
        "order",
        "ingredient_count",
        "is_debatable",
        "reading_grade",
        "next_review_due",
        "review_overdue",
    ]
    list_editable = ["order"]
    list_filter = ["level", "urgent"]
    search_fields = ["slug", "label", "headline", "what_could_happen", "what_to_do"]
    ordering = ["order", "slug"]
    filter_horizontal = ["sources"]
    readonly_fields = ["reading_grade_detail", "names_read"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "slug",
                    "label",
                    "level",
                    "urgent",
                    "about_opioids",
                    "order",
                    "names_read",
                ]
            },
        ),
        (
            "What the patient reads",
            {
                "fields": [
                    "headline",
                    "what_could_happen",
                    "what_to_do",
                    "tell_your_doctor",
                    "reading_grade_detail",
                ],
                "description": "Short sentences and plain words (reading grade 8 or lower). Put the plain word first and the medical word after it. Never say a medicine is safe.",
            },
        ),
        (
            "When it applies",
            {
                "fields": ["products", "instead_of"],
                "description": "A group is found through its ingredients; these add named products and say which other group's words this group's words replace.",
            },
        ),
        (
            "Debatable?",
            {
                "fields": ["debatable"],
                "description": "Staff only. Say here why a rule is debatable, so a reviewer can weigh it.",
            },
        ),
        ("Sources", {"fields": ["sources"]}),
        ReviewedAdminMixin.review_fieldset,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(ingredient_total=Count("ingredients"))

    def preview_entries(self, obj) -> list[str]:
        # The group's first few ingredients, as a patient would type them.
        names = list(obj.ingredients.order_by("name").values_list("name", flat=True)[:2])
        return names or any_ingredient()

    @admin.display(description="debatable", boolean=True)
    def is_debatable(self, obj):
        return bool(obj.debatable.strip())

    @admin.display(description="ingredients", ordering="ingredient_total")
    def ingredient_count(self, obj):
        return obj.ingredient_total

    @admin.display(description="Reading grade")
    def reading_grade(self, obj):
        return describe_worst(group_text(obj))

    @admin.display(description="Reading grade")
    def reading_grade_detail(self, obj):
        if obj.pk is None:
            return "Shown after you save."
        return f"{describe_worst(group_text(obj))}. {READING_GRADE_HELP}"

    def restore_with_parent(self, request, obj, version) -> None:
        """A group brought back from its history gets its ingredients back too: deleting it
        removed their links without a version, so each ingredient's last version still has
        it."""
        super().restore_with_parent(request, obj, version)
        history = Ingredient.history.model
        kept = history._meta.get_field("historicalingredient_groups").related_model
        newest = history.objects.values("id").annotate(newest=Max("history_id")).values("newest")
        members = kept.objects.filter(history_id__in=newest, interactiongroup_id=obj.pk)
        for ingredient in Ingredient.objects.filter(pk__in=members.values("ingredient_id")).exclude(
            groups=obj
        ):
            ingredient._change_reason = obj._change_reason
            ingredient.groups.add(obj)

    @admin.display(description="Names the checker reads in this group")
    def names_read(self, obj):
        if obj.pk is None:
            return "Shown after you save."
        names = self.warned_names(obj.slug)
        if not names:
            return "None: no name the checker knows is in this group."
        shown = ", ".join(reading.name for reading in names[:12])
        more = f" and {len(names) - 12} more" if len(names) > 12 else ""
        return format_html(
            "{} names, each answered “{}”: {}{}.",
            len(names),
            obj.get_level_display(),
            shown,
            more,
        )


def reading_words(reading: must_warn.Reading) -> str:
    """ "Do not take together. You typed Percocet: oxycodone (an opioid) + acetaminophen.
    Listed first, with the urgent box." """
    parts = [f"{reading.level_words}.", reading.explanation.rstrip(".") + "."]
    if reading.opioid:
        parts.append("Read as an opioid: listed first and named in the checklist's opioid box.")
    if reading.urgent:
        parts.append("Shows the urgent “When to get help now” box.")
    return " ".join(parts)


class NameInline(admin.TabularInline):
    """On an ingredient's page: the brand, street and other names that contain it."""

    model = Name.ingredients.through
    extra = 0
    autocomplete_fields = ["name"]
    verbose_name = "name patients use for it"
    verbose_name_plural = "Names patients use that contain this ingredient"


@admin.register(Ingredient)
class IngredientAdmin(MustWarnGuardMixin, ClinicalAdmin):
    list_display = ["name", "group_list"]
    list_filter = ["groups"]
    search_fields = ["name", "names__name"]
    ordering = ["name"]
    filter_horizontal = ["groups"]
    inlines = [NameInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    def get_search_results(self, request, queryset, search_term):
        """The picker lists by the ingredient's own name first: "oxycodone" lists oxycodone,
        then oxycodone's relatives, then ingredients only a product name matches
        (acetaminophen, through "oxycodone and acetaminophen")."""
        term = search_term.strip()
        if not term:
            return super().get_search_results(request, queryset, search_term)
        by_product = Name.objects.filter(name__icontains=term).values("ingredients")
        found = queryset.filter(Q(name__icontains=term) | Q(pk__in=by_product)).annotate(
            search_rank=Case(
                When(name__iexact=term, then=Value(0)),
                When(name__istartswith=term, then=Value(1)),
                When(name__icontains=term, then=Value(2)),
                default=Value(3),
                output_field=IntegerField(),
            )
        )
        return found.order_by("search_rank", "name"), False

    @admin.display(description="interaction groups")
    def group_list(self, obj):
        return ", ".join(group.slug for group in obj.groups.all()) or "none"


@admin.register(Name)
class NameAdmin(MustWarnGuardMixin, ClinicalAdmin):
    list_display = ["name", "kind", "ingredient_list", "region", "everyday_word", "two_meanings"]
    list_filter = ["kind", "everyday_word", "two_meanings", "ingredients__groups"]
    search_fields = ["name", "ingredients__name", "read_as", "note"]
    ordering = ["name"]
    autocomplete_fields = ["ingredients", "source"]
    fields = [
        "name",
        "kind",
        "ingredients",
        "checker_reading",
        "read_as",
        "region",
        "everyday_word",
        "two_meanings",
        "source",
        "note",
    ]

    readonly_fields = ["checker_reading"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("ingredients")

    @admin.display(description="What the checker says now")
    def checker_reading(self, obj):
        if obj.pk is None:
            return "You will see what the checker says before the name is kept."
        return reading_words(guard.read_one(engine.get_engine(), obj.name, obj.kind))

    def preview_before_commit(self, request, *, form, formsets, before, after) -> None:
        """A new name, or a change to how the checker reads one, is shown first: the checker's
        answer for it, kept only when staff save again having seen it."""
        name = form.instance
        new = guard.read_one(after, name.name, name.kind)
        old = before.get(name.name.casefold())
        if old is not None and must_warn._answer(old) == must_warn._answer(new):
            return
        token = guard.reading_token(new)
        if request.POST.get(guard.READING_SEEN_FIELD) == token:
            return
        raise RenderBound(
            form,
            formsets,
            checker_preview=new,
            checker_preview_words=reading_words(new),
            checker_preview_before=reading_words(old) if old is not None else "",
            checker_preview_field=guard.READING_SEEN_FIELD,
            checker_preview_token=token,
        )

    @admin.display(description="ingredients")
    def ingredient_list(self, obj):
        return " + ".join(ingredient.name for ingredient in obj.ingredients.all())


@admin.register(ScreeningQuestion)
class ScreeningQuestionAdmin(CheckerPreviewMixin, ReviewedAdminMixin, ClinicalAdmin):
    reading_grade_fields = QUESTION_TEXT_FIELDS

    def preview_entries(self, obj) -> list[str]:
        return any_ingredient()

    def preview_answers(self, obj) -> dict[str, str]:
        return {f"q-{obj.slug}": "yes"}  # the question answered yes: its message shows

    list_display = ["text", "slug", "yes_level", "order", "reading_grade", "review_overdue"]
    list_editable = ["order"]
    list_filter = ["yes_level"]
    search_fields = ["text", "hint", "yes_message", "slug"]
    ordering = ["order", "slug"]
    filter_horizontal = ["sources"]
    readonly_fields = ["reading_grade_detail"]
    fieldsets = [
        (None, {"fields": ["slug", "order", "text", "hint"]}),
        (
            "When the answer is yes",
            {
                "fields": [
                    "yes_level",
                    "yes_message",
                    "tell_your_doctor",
                    "about_opioids",
                    "sources",
                ]
            },
        ),
        (None, {"fields": ["reading_grade_detail"]}),
        ReviewedAdminMixin.review_fieldset,
    ]

    @admin.display(description="Reading grade")
    def reading_grade(self, obj):
        return describe_worst(question_text(obj))

    @admin.display(description="Reading grade")
    def reading_grade_detail(self, obj):
        if obj.pk is None:
            return "Shown after you save."
        return f"{describe_worst(question_text(obj))}. {READING_GRADE_HELP}"


@admin.register(CheckerSettings)
class CheckerSettingsAdmin(SimpleHistoryAdmin):
    fieldsets = [
        (
            "Shown with every result",
            {
                "fields": ["dose_context"],
                "description": "The urgent box shown when an opioid is found is edited under "
                "Sources and urgent help, once for the checker, the checklist and the pages.",
            },
        ),
    ]

    def has_add_permission(self, request):
        return not CheckerSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


# --- Official drug lists: staff upload a file, a pharmacist approves what it proposes ---------


class ImportUploadForm(forms.ModelForm):
    """Upload the FDA's product.txt (or ndctext.zip) or Health Canada's allfiles.zip."""

    upload = forms.FileField(
        label="File",
        help_text="The FDA's ndctext.zip or the product.txt inside it, or Health Canada's "
        f"allfiles.zip. At most {imports.MAX_UPLOAD_BYTES // (1024 * 1024)} MB.",
    )

    class Meta:
        model = ImportRun
        fields = ["list_name", "file_date"]
        help_texts = {
            "list_name": "Which agency's list the file is.",
            "file_date": "The date the agency published the file (on its download page).",
        }

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        if upload.size > imports.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"The file is bigger than {imports.MAX_UPLOAD_BYTES // (1024 * 1024)} MB: "
                "upload the agency's file as it is."
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        upload, list_name = cleaned.get("upload"), cleaned.get("list_name")
        if upload is None or not list_name:
            return cleaned
        try:
            self.reading = imports.read_upload(list_name, upload, file_name=upload.name)
        except (imports.FileError, zipfile.BadZipFile, OSError) as error:
            raise forms.ValidationError(f"The file cannot be read: {error}") from error
        return cleaned


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    """Upload a list, then a pharmacist reviews and approves its changes (the review screen)."""

    list_display = ["__str__", "status", "uploaded_by", "uploaded_at", "decided_by"]
    list_filter = ["status", "list_name"]
    form = ImportUploadForm
    change_form_template = "admin/checker/importrun/review.html"
    add_form_template = "admin/change_form.html"

    def get_urls(self):
        # The upload screen is the one page that takes a file (settings.UPLOAD_URL_NAMES):
        # the staff member and their permission are checked before its body is read.
        upload = path("add/", csrf_exempt(self.upload_view), name="checker_importrun_add")
        return [upload, *super().get_urls()]

    def upload_view(self, request):
        return staff_upload_screen(
            self,
            request,
            self.add_view,
            self.has_add_permission,
            lambda request: BoundedUpload(
                request, max_bytes=imports.MAX_UPLOAD_BYTES + 1024 * 1024
            ),
        )

    def has_change_permission(self, request, obj=None):
        return False  # nothing to edit: the review screen decides

    def has_delete_permission(self, request, obj=None):
        return False  # the record of what was imported, and what was turned down, stays

    def save_model(self, request, obj, form, change):
        upload = form.cleaned_data["upload"]
        proposal = imports.propose_now(form.reading)
        run = imports.record_run(
            proposal,
            list_name=obj.list_name,
            file_name=upload.name,
            file_date=obj.file_date,
            sha256=imports.checksum(upload),
            user=request.user,
        )
        obj.pk = run.pk  # so the admin's "added" message and redirect find it

    def response_add(self, request, obj, post_url_continue=None):
        return redirect("admin:checker_importrun_change", obj.pk)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        run = get_object_or_404(ImportRun, pk=object_id)
        if not self.has_view_permission(request, run):
            raise PermissionDenied
        may_approve = request.user.has_perm("checker.approve_import")
        waiting = run.changes.filter(decision=ProposedChange.Decision.WAITING)
        if request.method == "POST":
            if not may_approve:
                raise PermissionDenied
            if not waiting.exists():
                messages.error(request, "These changes were already decided.")
                return redirect("admin:checker_importrun_change", run.pk)
            chosen = {int(pk) for pk in request.POST.getlist("approve") if pk.isdigit()}
            applied = imports.decide(run, approved_ids=chosen, user=request.user)
            messages.success(
                request,
                f"{len(applied.added)} changes are live now; "
                f"{waiting.model.objects.filter(run=run, decision='turned_down').count()} turned down"
                + (
                    f"; {len(applied.skipped)} not applied because the list changed meanwhile."
                    if applied.skipped
                    else "."
                ),
            )
            return redirect("admin:checker_importrun_change", run.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Review: {run}",
            "run": run,
            "changes": run.changes.all(),
            "waiting": waiting.exists(),
            "may_approve": may_approve,
            "original": run,
            "has_view_permission": True,
        }
        return TemplateResponse(request, self.change_form_template, context)

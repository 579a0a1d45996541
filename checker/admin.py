"""Admin for clinic staff: the checker's warnings, drug names and questions (their sources are
the shared ones, under clinical).

Every screen keeps a history (the History button), and every save makes the checker use the
new words on its next check.
"""

import zipfile

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from simple_history.admin import SimpleHistoryAdmin

from checker import imports
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
from education.readability import describe_grade
from serving.uploads import BoundedUpload

READING_GRADE_HELP = (
    "Flesch-Kincaid reading grade of the words patients read, worked out when you save. "
    "Aim for 8 or lower: short sentences, everyday words. Medicine names are not counted."
)


def group_text(group: InteractionGroup) -> str:
    return "\n".join(
        [group.headline, group.what_could_happen, group.what_to_do, group.tell_your_doctor]
    )


def question_text(question: ScreeningQuestion) -> str:
    return "\n".join(
        [question.text, question.hint, question.yes_message, question.tell_your_doctor]
    )


@admin.register(InteractionGroup)
class InteractionGroupAdmin(ReviewedAdminMixin, SimpleHistoryAdmin):
    list_display = [
        "slug",
        "label",
        "level",
        "urgent",
        "order",
        "ingredient_count",
        "reading_grade",
        "next_review_due",
        "review_overdue",
    ]
    list_editable = ["order"]
    list_filter = ["level", "urgent"]
    search_fields = ["slug", "label", "headline", "what_could_happen", "what_to_do"]
    ordering = ["order", "slug"]
    filter_horizontal = ["sources"]
    readonly_fields = ["reading_grade_detail"]
    fieldsets = [
        (None, {"fields": ["slug", "label", "level", "urgent", "order"]}),
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
        ("Sources", {"fields": ["sources"]}),
        ReviewedAdminMixin.review_fieldset,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(ingredient_total=Count("ingredients"))

    @admin.display(description="ingredients", ordering="ingredient_total")
    def ingredient_count(self, obj):
        return obj.ingredient_total

    @admin.display(description="Reading grade")
    def reading_grade(self, obj):
        return describe_grade(group_text(obj))

    @admin.display(description="Reading grade")
    def reading_grade_detail(self, obj):
        if obj.pk is None:
            return "Shown after you save."
        return f"{describe_grade(group_text(obj))}. {READING_GRADE_HELP}"


class NameInline(admin.TabularInline):
    """On an ingredient's page: the brand, street and other names that contain it."""

    model = Name.ingredients.through
    extra = 0
    autocomplete_fields = ["name"]
    verbose_name = "name patients use for it"
    verbose_name_plural = "Names patients use that contain this ingredient"


@admin.register(Ingredient)
class IngredientAdmin(SimpleHistoryAdmin):
    list_display = ["name", "group_list"]
    list_filter = ["groups"]
    search_fields = ["name", "names__name"]
    ordering = ["name"]
    filter_horizontal = ["groups"]
    inlines = [NameInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description="interaction groups")
    def group_list(self, obj):
        return ", ".join(group.slug for group in obj.groups.all()) or "none"


@admin.register(Name)
class NameAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "ingredient_list", "region", "everyday_word", "two_meanings"]
    list_filter = ["kind", "everyday_word", "two_meanings", "ingredients__groups"]
    search_fields = ["name", "ingredients__name", "read_as", "note"]
    ordering = ["name"]
    autocomplete_fields = ["ingredients", "source"]
    fields = [
        "name",
        "kind",
        "ingredients",
        "read_as",
        "region",
        "everyday_word",
        "two_meanings",
        "source",
        "note",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("ingredients")

    @admin.display(description="ingredients")
    def ingredient_list(self, obj):
        return " + ".join(ingredient.name for ingredient in obj.ingredients.all())


@admin.register(ScreeningQuestion)
class ScreeningQuestionAdmin(ReviewedAdminMixin, SimpleHistoryAdmin):
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
        return describe_grade(question_text(obj))

    @admin.display(description="Reading grade")
    def reading_grade_detail(self, obj):
        if obj.pk is None:
            return "Shown after you save."
        return f"{describe_grade(question_text(obj))}. {READING_GRADE_HELP}"


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
        if not self.admin_site.has_permission(request):
            return redirect_to_login(
                request.get_full_path(), reverse("admin:login", current_app=self.admin_site.name)
            )
        if not self.has_add_permission(request):
            raise PermissionDenied
        request.upload_handlers = [
            BoundedUpload(request, max_bytes=imports.MAX_UPLOAD_BYTES + 1024 * 1024)
        ]
        return csrf_protect(self.admin_site.admin_view(self.add_view))(request)

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

"""Admin for the shared clinical content (sources, the urgent box) and the review tools every
reviewed text uses: the "Review" list filter and the "Mark as reviewed today" action."""

import hashlib

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.csrf import csrf_exempt
from simple_history.admin import SimpleHistoryAdmin

from clinical import inflesz, translation
from clinical.editing import ClinicalAdmin, PlainLimitsMixin
from clinical.models import (
    LOGO_MAX_BYTES,
    ClinicSettings,
    Reviewer,
    Source,
    Translation,
    UrgentHelp,
    logo_type,
    one_year_after,
)
from serving.uploads import ClinicLogoUpload, staff_upload_screen


class ReviewOverdueFilter(admin.SimpleListFilter):
    """Review overdue / due in the next 30 days / not due yet / never reviewed."""

    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("overdue", "Review overdue"),
            ("soon", "Due in the next 30 days"),
            ("ok", "Not due yet"),
            ("never", "Never reviewed"),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "overdue":
            return queryset.overdue(today)
        if self.value() == "soon":
            return queryset.due_soon(30, today)
        if self.value() == "ok":
            return queryset.filter(next_review_due__gte=today)
        if self.value() == "never":
            return queryset.never_reviewed()
        return queryset


class ReviewedAdminMixin(PlainLimitsMixin):
    """For the admin of a ReviewedContent model: the review filter, an "overdue" column and the
    "Mark as reviewed today" action. Each row is saved one by one, so each gets a history
    version and the page cache and the checker hear of it."""

    review_fieldset = (
        "Clinical review",
        {
            "fields": ["reviewer", "last_reviewed", "next_review_due"],
            "description": "Who checked these words and when. Choose the reviewer from the "
            "clinic's reviewers (add a person under Reviewers). After a review use “Mark as "
            "reviewed today” in the list, or set the dates here.",
        },
    )

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)

        class ReviewedForm(form):
            def clean_next_review_due(self):
                # A date staff type must be ahead; one already stored (past due) may stay.
                value = self.cleaned_data.get("next_review_due")
                if (
                    value
                    and "next_review_due" in self.changed_data
                    and value <= timezone.localdate()
                ):
                    raise ValidationError(
                        "Enter a date in the future: when the next review is due."
                    )
                return value

        return ReviewedForm

    def get_changeform_initial_data(self, request):
        # A new text starts as reviewed today by nobody yet; staff fill in who.
        today = timezone.localdate()
        return {
            "last_reviewed": today,
            "next_review_due": one_year_after(today),
            **super().get_changeform_initial_data(request),
        }

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), ReviewOverdueFilter]

    def get_actions(self, request):
        actions = super().get_actions(request)
        action = type(self).mark_reviewed_today
        actions["mark_reviewed_today"] = (action, "mark_reviewed_today", action.short_description)
        return actions

    @admin.action(description="Mark as reviewed today by me (next review due in a year)")
    def mark_reviewed_today(self, request, queryset):
        """Records a review by the person signed in: the clinic's Reviewer with their full name
        (never a placeholder or someone else's name)."""
        name = request.user.get_full_name().strip()
        if not name:
            self.message_user(
                request,
                "Nothing was marked: the review must name who did it. Add your first and last "
                "name to your staff login (Staff logins and roles, Users), then try again.",
                messages.ERROR,
            )
            return
        # The clinic's named reviewer with the signed-in person's name (their role with it).
        reviewer = Reviewer.objects.filter(name=name).order_by("pk").first()
        if reviewer is None:
            self.message_user(
                request,
                f"Nothing was marked: {name} is not one of the clinic's reviewers yet. Add "
                "yourself under Reviewers (your name as on your staff login, and your role), "
                "then try again.",
                messages.ERROR,
            )
            return
        rows = list(queryset)
        for row in rows:
            row.reviewer = reviewer
            row.mark_reviewed()
            row._change_reason = "Marked as reviewed"
            row.save()
        self.message_user(request, f"{len(rows)} marked as reviewed today by {name}.")

    @admin.display(description="Review")
    def review_overdue(self, obj) -> str:
        """Overdue in words, the right way round (not a green tick for overdue)."""
        if obj.next_review_due is None:
            return "No date set"
        if obj.is_review_overdue:
            return format_html('<strong class="app-review-overdue">{}</strong>', "Overdue")
        days = (obj.next_review_due - timezone.localdate()).days
        if days <= 30:
            return "Due today" if days == 0 else f"Due in {days} day{'s' if days != 1 else ''}"
        return f"Due {obj.next_review_due:%d %b %Y}"


@admin.register(Reviewer)
class ReviewerAdmin(SimpleHistoryAdmin):
    """The clinic's reviewers, named once and chosen on each reviewed text."""

    list_display = ["name", "role"]
    search_fields = ["name", "role"]
    fields = ["name", "role"]


@admin.register(Source)
class SourceAdmin(ClinicalAdmin):
    list_display = ["title", "publisher", "date", "key"]
    list_display_links = ["title"]
    search_fields = ["title", "publisher", "key", "url", "note"]
    list_filter = ["publisher"]
    fields = ["key", "title", "publisher", "date", "url", "note"]
    # A web address typed without "https://" gets it, not "http://".
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(UrgentHelp)
class UrgentHelpAdmin(ClinicalAdmin):
    reading_grade_fields = ("heading", "signs", "action")
    fields = ["heading", "signs", "action"]

    def patient_path(self, obj) -> str:
        return reverse("checklist:checklist")  # the printed checklist carries the urgent box

    def has_add_permission(self, request):
        return not UrgentHelp.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


# --- Translations -----------------------------------------------------------------------------


def _field_name(text_name: str) -> str:
    return "t__" + text_name.replace(".", "__")


class TranslationForm(forms.ModelForm):
    """One box per English text of the unit, with the English and both reading scores beside
    it (the English grade, the Spanish INFLESZ). Ticking "checked against the current English"
    records the review: today's date, a year to the next one, and the English it was read
    against, which clears "English changed since review"."""

    checked_against_english = forms.BooleanField(
        required=False,
        label="I checked this translation against the current English",
        help_text="Records a review today (next one due in a year) and clears “English changed "
        "since review”. Choose the reviewer too.",
    )

    class Meta:
        model = Translation
        fields = ["reviewer", "last_reviewed", "next_review_due"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from education.readability import describe_grade

        self.english = (
            translation.english_of(self.instance.kind, self.instance.key) or {}
            if self.instance.pk
            else {}
        )
        texts = self.instance.texts or {}
        self.text_names = list(self.english) + sorted(set(texts) - set(self.english))
        for name in self.text_names:
            english = self.english.get(name, "")
            spanish = texts.get(name, "")
            long = len(english) > 90 or "\n" in english
            help_parts = [
                f"English: {english}" if english else "English: (empty)",
                f"English grade: {describe_grade(english)}" if english else "",
                f"Spanish: {inflesz.describe(spanish)}"
                if spanish
                else "No Spanish yet: the English is shown, with a note.",
            ]
            # The Spanish reading ease as staff type (static/js/admin-editing.js)
            live = {
                "data-reading-grade": reverse("admin:reading_grade") + "?lang=es",
                "data-reading-label": "Spanish reading ease",
            }
            self.fields[_field_name(name)] = forms.CharField(
                label=name,
                required=False,
                initial=spanish,
                widget=forms.Textarea(attrs={"rows": 3, **live})
                if long
                else forms.TextInput(attrs={"size": 80, **live}),
                help_text=" · ".join(part for part in help_parts if part),
            )

    def clean(self):
        cleaned = super().clean()
        texts = {}
        for name in self.text_names:
            value = (cleaned.get(_field_name(name)) or "").strip()
            if value:
                texts[name] = value
        self.instance.texts = texts
        if cleaned.get("checked_against_english"):
            self.instance.english_digest = translation.digest(self.english)
            self.instance.english_changed = False
            if "last_reviewed" not in self.changed_data:
                self.instance.mark_reviewed()
                cleaned["last_reviewed"] = self.instance.last_reviewed
                cleaned["next_review_due"] = self.instance.next_review_due
        return cleaned


class EnglishChangedFilter(admin.SimpleListFilter):
    title = "English changed since review"
    parameter_name = "english_changed"

    def lookups(self, request, model_admin):
        return [("yes", "English changed: review the translation"), ("no", "Up to date")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(english_changed=True)
        if self.value() == "no":
            return queryset.filter(english_changed=False)
        return queryset


@admin.register(Translation)
class TranslationAdmin(ReviewedAdminMixin, SimpleHistoryAdmin):
    """Each translation is its own row: its own history (restore a version of the Spanish
    without touching the English), its own reviewer and review dates."""

    form = TranslationForm
    list_display = [
        "__str__",
        "english_changed",
        "spanish_score",
        "reviewer",
        "last_reviewed",
        "next_review_due",
    ]
    list_filter = [EnglishChangedFilter, "kind", "language"]
    search_fields = ["key"]
    readonly_fields = ["kind", "key", "language", "english_changed", "spanish_score_detail"]

    def get_fieldsets(self, request, obj=None):
        form = self.get_form(request, obj)(instance=obj) if obj else None
        names = [_field_name(name) for name in getattr(form, "text_names", [])]
        return [
            (
                None,
                {"fields": ["kind", "key", "language", "english_changed", "spanish_score_detail"]},
            ),
            ("Texts", {"fields": names}),
            (
                "Clinical review of this translation",
                {
                    "fields": [
                        "checked_against_english",
                        "reviewer",
                        "last_reviewed",
                        "next_review_due",
                    ]
                },
            ),
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        # The text boxes are made per translation (TranslationForm.__init__), not declared.
        kwargs["fields"] = None
        return super().get_form(request, obj, change=change, **kwargs)

    def has_add_permission(self, request):
        return False  # every translation mirrors an English text: load_content makes them

    @admin.display(description="INFLESZ (Spanish reading ease)")
    def spanish_score(self, obj) -> str:
        value = inflesz.score(list((obj.texts or {}).values()))
        return "—" if value != value else f"{value:.1f}"

    @admin.display(description="Spanish reading ease of the whole text")
    def spanish_score_detail(self, obj) -> str:
        return f"{inflesz.describe(list((obj.texts or {}).values()))}. Aim for 65 or more."


class ClinicSettingsForm(forms.ModelForm):
    logo_file = forms.FileField(
        label="Logo",
        required=False,
        help_text="A PNG, JPEG, GIF or WebP image, at most 200 KB. It shows beside 'LDN Guide' "
        "at the top of every page, at most 3 rem (48 px) high.",
    )
    remove_logo = forms.BooleanField(label="Remove the logo", required=False)

    class Meta:
        model = ClinicSettings
        fields = [
            "name",
            "logo_alt",
            "brand_colour",
            "phone",
            "phone_out_of_hours",
            "hours",
            "address",
            "call_us_if",
            "stop_before_surgery_days",
            "restart_plan",
            "region",
        ]

    def clean_logo_file(self):
        upload = self.cleaned_data.get("logo_file")
        if not upload:
            return None
        if upload.size > LOGO_MAX_BYTES:
            raise forms.ValidationError("This image is too big: keep it under 200 KB.")
        data = upload.read()
        if not logo_type(data):
            raise forms.ValidationError("Upload a PNG, JPEG, GIF or WebP image.")
        return data

    def _post_clean(self):
        # The model's clean() sees the logo the form is about to keep (the alt text is needed).
        data = self.cleaned_data.get("logo_file")
        if self.cleaned_data.get("remove_logo"):
            self.instance.logo, self.instance.logo_type, self.instance.logo_version = b"", "", ""
        elif data:
            self.instance.logo = data
            self.instance.logo_type = logo_type(data)
            self.instance.logo_version = hashlib.sha256(data).hexdigest()[:12]
        super()._post_clean()


@admin.register(ClinicSettings)
class ClinicSettingsAdmin(SimpleHistoryAdmin):
    """The one clinic record: the list goes straight to it."""

    form = ClinicSettingsForm
    readonly_fields = ["current_logo", "region_in_use"]
    fieldsets = [
        (
            None,
            {
                "fields": ["name", "region", "region_in_use"],
                "description": "Patients see only what you fill in: an empty field shows nothing.",
            },
        ),
        (
            "Contact",
            {"fields": ["phone", "phone_out_of_hours", "hours", "address", "call_us_if"]},
        ),
        (
            "Taking LDN page",
            {
                "fields": ["stop_before_surgery_days", "restart_plan"],
                "description": "Your own advice on stopping LDN before surgery. The dose "
                "schedule is on the page itself (Pages: Taking LDN, section 'Start low and go up "
                "step by step': each point is a step).",
            },
        ),
        (
            "Look",
            {"fields": ["current_logo", "logo_file", "logo_alt", "remove_logo", "brand_colour"]},
        ),
    ]

    @admin.display(description="Region in use")
    def region_in_use(self, obj) -> str:
        from clinical import regions

        region = regions.current(obj)
        source = "your choice above" if obj.region else "the server's DJANGO_CLINIC_REGION"
        return f"{region.country} ({source}). Emergency: {region.emergency}"

    @admin.display(description="Logo now")
    def current_logo(self, obj):
        if not obj or not obj.has_logo:
            return "No logo."
        return format_html(
            '<img src="{}?v={}" alt="{}" height="48">',
            reverse("clinic_logo"),
            obj.logo_version,
            obj.logo_alt,
        )

    def get_urls(self):
        # Its add and change screens take a logo (settings.UPLOAD_URL_NAMES): the staff member
        # and their permission are checked before the body is read, then the file is kept in
        # memory, at most 200 KB of it.
        own = [
            path("add/", csrf_exempt(self.logo_view), name="clinical_clinicsettings_add"),
            path(
                "<path:object_id>/change/",
                csrf_exempt(self.logo_view),
                name="clinical_clinicsettings_change",
            ),
        ]
        return [*own, *super().get_urls()]

    def logo_view(self, request, object_id=None):
        if object_id is None:
            return staff_upload_screen(
                self, request, self.add_view, self.has_add_permission, ClinicLogoUpload
            )
        return staff_upload_screen(
            self,
            request,
            self.change_view,
            self.has_view_or_change_permission,
            ClinicLogoUpload,
            object_id,
        )

    def has_add_permission(self, request):
        return not ClinicSettings.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if ClinicSettings.objects.exists():
            return redirect(reverse("admin:clinical_clinicsettings_change", args=[1]))
        return redirect(reverse("admin:clinical_clinicsettings_add"))

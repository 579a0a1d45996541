"""Admin screens for clinic staff editing the pre-visit checklist. Every change is kept in
the history (simple-history), and any old version can be restored from there."""

from django.contrib import admin

from checklist.models import Checklist, QuestionToAsk, SignToWatch, ThingToBring
from clinical.admin import ReviewedAdminMixin
from clinical.editing import ClinicalAdmin
from education.readability import describe_grade, describe_worst


@admin.register(Checklist)
class ChecklistAdmin(ReviewedAdminMixin, ClinicalAdmin):
    reading_grade_fields = ("introduction", "opioid_warning")
    list_display = ["title", "reviewer", "last_reviewed", "next_review_due", "review_overdue"]
    readonly_fields = ["reading_grade"]
    fieldsets = [
        (None, {"fields": ["title", "introduction", "reading_grade"]}),
        (
            "Boxes",
            {
                "fields": ["opioid_warning"],
                "description": "The opioid box shows only when the patient's list has an "
                "opioid. The urgent box is always on the page; its heading and what to do are "
                "edited under Sources and urgent help, once for the whole site.",
            },
        ),
        ReviewedAdminMixin.review_fieldset,
    ]

    # One checklist for the whole site: edited, never added or deleted.
    def has_add_permission(self, request):
        return not Checklist.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="Reading grade of these words (aim for 8 or lower)")
    def reading_grade(self, obj: Checklist) -> str:
        if not obj.pk:
            return "Shown after you save."
        return describe_worst(
            [("Introduction", obj.introduction), ("Opioid warning", obj.opioid_warning)]
        )


class ItemAdmin(ClinicalAdmin):
    reading_grade_fields = ("text",)
    list_display = ["text", "order", "is_shown", "reading_grade"]
    list_editable = ["order", "is_shown"]
    list_filter = ["is_shown"]
    search_fields = ["text"]
    fields = ["text", "order", "is_shown", "sources"]
    filter_horizontal = ["sources"]

    @admin.display(description="Reading grade")
    def reading_grade(self, obj) -> str:
        return describe_grade(obj.text)


@admin.register(QuestionToAsk)
class QuestionToAskAdmin(ItemAdmin):
    pass


@admin.register(ThingToBring)
class ThingToBringAdmin(ItemAdmin):
    pass


@admin.register(SignToWatch)
class SignToWatchAdmin(ItemAdmin):
    list_display = ["text", "kind", "order", "is_shown", "reading_grade"]
    list_filter = ["kind", "is_shown"]
    fields = ["text", "kind", "order", "is_shown", "sources"]

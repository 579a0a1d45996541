"""Admin for clinic staff: the checker's warnings, drug names and questions (their sources are
the shared ones, under clinical).

Every screen keeps a history (the History button), and every save makes the checker use the
new words on its next check.
"""

from django.contrib import admin
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from checker.models import (
    CheckerSettings,
    Ingredient,
    InteractionGroup,
    Name,
    ScreeningQuestion,
)
from clinical.admin import ReviewedAdminMixin
from education.readability import describe_grade

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

    @admin.display(description="debatable", boolean=True)
    def is_debatable(self, obj):
        return bool(obj.debatable.strip())

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

"""Admin for clinic staff: the checker's sources, warnings, drug names and questions.

Every screen keeps a history (the History button), and every save makes the checker use the
new words on its next check.
"""

from django.contrib import admin
from django.db import models
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from checker.models import (
    CheckerSettings,
    Ingredient,
    InteractionGroup,
    Name,
    ScreeningQuestion,
    Source,
)


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["title", "publisher", "date", "key"]
    search_fields = ["title", "publisher", "key", "url"]
    list_filter = ["publisher"]
    ordering = ["title"]
    # A web address typed without "https://" gets it, not "http://".
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(InteractionGroup)
class InteractionGroupAdmin(SimpleHistoryAdmin):
    list_display = ["slug", "label", "level", "urgent", "order", "ingredient_count"]
    list_editable = ["order"]
    list_filter = ["level", "urgent"]
    search_fields = ["slug", "label", "headline", "what_could_happen", "what_to_do"]
    ordering = ["order", "slug"]
    filter_horizontal = ["sources"]
    fieldsets = [
        (None, {"fields": ["slug", "label", "level", "urgent", "order"]}),
        (
            "What the patient reads",
            {
                "fields": ["headline", "what_could_happen", "what_to_do", "tell_your_doctor"],
                "description": "Short sentences and plain words (reading age 11 or lower). Never say a medicine is safe.",
            },
        ),
        ("Sources", {"fields": ["sources"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(ingredient_total=Count("ingredients"))

    @admin.display(description="ingredients", ordering="ingredient_total")
    def ingredient_count(self, obj):
        return obj.ingredient_total


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
    list_display = ["name", "kind", "ingredient_list"]
    list_filter = ["kind", "ingredients__groups"]
    search_fields = ["name", "ingredients__name"]
    ordering = ["name"]
    autocomplete_fields = ["ingredients"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("ingredients")

    @admin.display(description="ingredients")
    def ingredient_list(self, obj):
        return " + ".join(ingredient.name for ingredient in obj.ingredients.all())


@admin.register(ScreeningQuestion)
class ScreeningQuestionAdmin(SimpleHistoryAdmin):
    list_display = ["text", "slug", "yes_level", "order"]
    list_editable = ["order"]
    list_filter = ["yes_level"]
    search_fields = ["text", "hint", "yes_message", "slug"]
    ordering = ["order", "slug"]
    filter_horizontal = ["sources"]
    fieldsets = [
        (None, {"fields": ["slug", "order", "text", "hint"]}),
        (
            "When the answer is yes",
            {"fields": ["yes_level", "yes_message", "tell_your_doctor", "sources"]},
        ),
    ]


@admin.register(CheckerSettings)
class CheckerSettingsAdmin(SimpleHistoryAdmin):
    fieldsets = [
        ("Shown with every result", {"fields": ["dose_context"]}),
        (
            "Urgent box, shown when an opioid is found",
            {"fields": ["urgent_heading", "urgent_signs", "urgent_action"]},
        ),
    ]

    def has_add_permission(self, request):
        return not CheckerSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

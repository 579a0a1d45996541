"""The editing screens for clinic staff: pages, their sections and list items. (Sources, which
pages share with the checker and the checklist, are edited under clinical.)

Modelled on django.contrib.flatpages' admin. Every screen keeps a history with "Revert"
(simple-history), and every text shows its reading grade so staff can keep it plain.
"""

from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.forms import Textarea
from django.urls import reverse
from django.utils.html import format_html

from clinical.admin import ReviewedAdminMixin
from clinical.editing import ClinicalAdmin, PlainLimitsMixin
from clinical.models import Source
from education.models import Item, Topic, TopicSection
from education.readability import describe_grade, describe_worst, reading_grade

# Patient text is short: small boxes keep a whole page's sections on one screen.
SHORT_TEXT = {models.TextField: {"widget": Textarea(attrs={"rows": 3, "cols": 70})}}
LIST_POINT_TEXT = {models.TextField: {"widget": Textarea(attrs={"rows": 2, "cols": 45})}}

READING_GRADE_HELP = (
    "Flesch-Kincaid reading grade. Aim for 8 or lower: short sentences, everyday words. "
    "Medicine and illness names are not counted against you."
)


def topic_text(topic: Topic) -> str:
    """All the words a patient reads on a page, for its reading grade."""
    parts = [topic.title, topic.summary, topic.intro]
    for section in topic.sections.all():
        parts += [section.heading, section.intro, section.closing]
        for item in section.items.all():
            parts += [item.text, item.detail]
    return "\n".join(part for part in parts if part)


def topic_fields(topic: Topic) -> list[tuple[str, str]]:
    """Each text a patient reads on a page, with a label staff can find it by."""
    fields = [("Title", topic.title), ("Summary", topic.summary), ("Intro", topic.intro)]
    for section in topic.sections.all():
        name = section.heading or "a section"
        fields += [
            (f"{name}: heading", section.heading),
            (f"{name}: intro", section.intro),
            (f"{name}: closing", section.closing),
        ]
        for item in section.items.all():
            fields.append((f"{name}: point “{item.text[:30]}”", f"{item.text} {item.detail}"))
    return fields


class CitedHistoryAdmin(ClinicalAdmin):
    """History with "Revert" that also brings back the sources the old version cited."""

    def get_form(self, request, obj=None, **kwargs):
        # On the revert screen obj is rebuilt from an old version (simple-history sets
        # obj._history). Its form would show today's citations, so give it the old ones.
        version = getattr(obj, "_history", None)
        if version is not None:
            cited = Source.objects.filter(pk__in=version.sources.values("source_id"))
            obj._prefetched_objects_cache = {"sources": cited}
        return super().get_form(request, obj, **kwargs)

    def save_model(self, request, obj, form, change):
        # Forget the old citations set above before the form saves its own, or the save
        # would compare against them and skip the change.
        getattr(obj, "_prefetched_objects_cache", {}).pop("sources", None)
        super().save_model(request, obj, form, change)


class TopicSectionInline(PlainLimitsMixin, admin.StackedInline):
    reading_grade_fields = ("heading", "intro", "closing")
    model = TopicSection
    extra = 0
    fields = [("heading", "kind", "order"), "intro", "closing", "items_link"]
    readonly_fields = ["items_link"]
    show_change_link = True
    formfield_overrides = SHORT_TEXT
    verbose_name = "section"
    verbose_name_plural = "Sections (each list's points are edited on the section's own screen)"

    @admin.display(description="List points")
    def items_link(self, section):
        if not section.pk:
            return "Save the page first, then add points to this section."
        url = reverse("admin:education_topicsection_change", args=[section.pk])
        count = section.items.count()
        return format_html('<a href="{}">Edit the {} point(s) in this list</a>', url, count)


@admin.register(Topic)
class TopicAdmin(ReviewedAdminMixin, CitedHistoryAdmin):
    reading_grade_fields = ("title", "summary", "intro")
    list_display = [
        "title",
        "status",
        "order",
        "next_review_due",
        "review_overdue",
        "reading_grade_column",
    ]
    list_display_links = ["title"]
    list_editable = ["order"]
    list_filter = ["status"]
    search_fields = ["title", "summary", "intro", "sections__heading", "sections__items__text"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["sources"]
    readonly_fields = ["reading_grade_detail", "updated"]
    inlines = [TopicSectionInline]
    formfield_overrides = SHORT_TEXT
    actions = ["publish", "make_draft"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "intro", "reading_grade_detail"]}),
        (
            "Publishing",
            {
                "fields": ["status", "order"],
                "description": "Drafts are hidden from patients. Use “View on site” to preview "
                "a draft while you are signed in.",
            },
        ),
        (
            "Clinical review",
            {
                "fields": ["reviewer", "last_reviewed", "next_review_due"],
                "description": "Patients see who reviewed the page (“Reviewed by name, role”, "
                "only once you choose a reviewer; add people under Reviewers) and when. After a "
                "review, set “last reviewed” to today and “next review due” to a year from today.",
            },
        ),
        ("Sources for the whole page", {"fields": ["sources"], "classes": ["collapse"]}),
        ("Record", {"fields": ["updated"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("sections__items")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "slug" and formfield is not None:
            # The admin shows help texts as HTML: "/learn/<this>/" read as "/learn//".
            formfield.help_text = (
                "The end of the page's address: /learn/page-name/. Lowercase words and "
                "dashes. The page “key-points” is also shown on the home page."
            )
        return formfield

    # Actions save each page one by one (not queryset.update) so every change gets a
    # history version and the page cache is emptied.
    @admin.action(description="Publish: patients can see the chosen pages")
    def publish(self, request, queryset):
        self._set_status(request, queryset, Topic.Status.PUBLISHED)

    @admin.action(description="Make draft: hide the chosen pages from patients")
    def make_draft(self, request, queryset):
        self._set_status(request, queryset, Topic.Status.DRAFT)

    def _set_status(self, request, queryset, status):
        for topic in queryset:
            topic.status = status
            topic.save()
        self.message_user(request, f"{len(queryset)} page(s) now: {status.label}.")

    @admin.display(description="Reading grade")
    def reading_grade_column(self, topic):
        return reading_grade(topic_text(topic))

    @admin.display(description="Reading grade of the whole page")
    def reading_grade_detail(self, topic):
        if not topic.pk:
            return "Shown after you save."
        return (
            f"{describe_grade(topic_text(topic))}; the hardest field: "
            f"{describe_worst(topic_fields(topic))}. {READING_GRADE_HELP}"
        )


class ItemInline(PlainLimitsMixin, admin.TabularInline):
    reading_grade_fields = ("text", "detail")
    model = Item
    extra = 1
    fields = ["text", "detail", "order", "sources", "reading_grade_column"]
    readonly_fields = ["reading_grade_column"]
    # A search box per row, not a 12-line list box: the sources stay readable in a table.
    autocomplete_fields = ["sources"]
    formfield_overrides = LIST_POINT_TEXT
    verbose_name = "point"
    verbose_name_plural = "Points in this list"

    @admin.display(description="Reading grade")
    def reading_grade_column(self, item):
        return describe_grade(f"{item.text} {item.detail}")


@admin.register(TopicSection)
class TopicSectionAdmin(ClinicalAdmin):
    reading_grade_fields = ("heading", "intro", "closing")
    # A revert of a section puts its list points back as they were.
    history_children = ((Item, "section"),)
    list_display = ["heading", "topic", "kind", "order", "item_count"]
    list_filter = ["topic", "kind"]
    search_fields = ["heading", "intro", "closing", "items__text"]
    list_select_related = ["topic"]
    fields = ["topic", "heading", "kind", "order", "intro", "closing", "reading_grade_detail"]
    readonly_fields = ["reading_grade_detail"]
    formfield_overrides = SHORT_TEXT
    inlines = [ItemInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(item_total=Count("items"))

    @admin.display(description="Points", ordering="item_total")
    def item_count(self, section):
        return section.item_total

    @admin.display(description="Reading grade of the section's own text")
    def reading_grade_detail(self, section):
        text = "\n".join(part for part in [section.heading, section.intro, section.closing] if part)
        return f"{describe_grade(text)}. {READING_GRADE_HELP}"


@admin.register(Item)
class ItemAdmin(CitedHistoryAdmin):
    reading_grade_fields = ("text", "detail")
    """Every list point on one screen, so a typo can be found by searching for it."""

    list_display = ["text", "section", "topic_title", "order", "reading_grade_column"]
    list_filter = ["section__topic"]
    search_fields = ["text", "detail"]
    list_select_related = ["section__topic"]
    fields = ["section", "text", "detail", "order", "sources", "reading_grade_column"]
    readonly_fields = ["reading_grade_column"]
    autocomplete_fields = ["sources"]

    @admin.display(description="Page", ordering="section__topic__title")
    def topic_title(self, item):
        return item.section.topic.title

    @admin.display(description="Reading grade")
    def reading_grade_column(self, item):
        return describe_grade(f"{item.text} {item.detail}")

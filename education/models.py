"""What a patient reads: topic pages, their ordered sections and list items, numbered sources.

Every model keeps a full history (django-simple-history), so any change can be seen and undone.
"""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from simple_history.models import HistoricalRecords

from clinical.models import ReviewedContent, ReviewedQuerySet, Source
from education.markdown import render_markdown


class TopicQuerySet(ReviewedQuerySet):
    def published(self):
        return self.filter(status=Topic.Status.PUBLISHED)


class Topic(ReviewedContent):
    """One patient page, e.g. "Side effects"."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft – only staff can see it"
        PUBLISHED = "published", "Published – patients can see it"

    title = models.CharField(max_length=200, help_text="The page heading. Keep it short and plain.")
    slug = models.SlugField(
        "web address",
        max_length=100,
        unique=True,
        help_text="The end of the page's address: /learn/<this>/. Lowercase words and dashes. "
        'The page "key-points" is also shown on the home page.',
    )
    summary = models.TextField(
        max_length=400,
        help_text="One or two short sentences. Shown under the title and in the list of pages.",
    )
    intro = models.TextField(
        "opening text",
        blank=True,
        help_text="Optional text above the sections. You can use Markdown: **bold**, *italic*, "
        "[link text](https://…) and lists that start with “- ”. HTML is removed.",
    )
    intro_html = models.TextField(editable=False, blank=True)
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Pages are listed from the lowest number to the highest."
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    # A page always shows its review dates, so they are required (ReviewedContent's are not);
    # its reviewer is shown only once the clinic has named one.
    last_reviewed = models.DateField(default=timezone.localdate)
    next_review_due = models.DateField(
        help_text="Usually one year after the last review. The page shows it to patients.",
    )
    sources = models.ManyToManyField(
        Source,
        blank=True,
        related_name="topics",
        help_text="Sources for the page as a whole. Sources cited by list items are added to the "
        "page's source list on their own.",
    )
    updated = models.DateTimeField(auto_now=True)

    # The page's citations are kept in each version too, so a revert brings them back.
    history = HistoricalRecords(m2m_fields=["sources"])
    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["order", "title"]
        verbose_name = "page"

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.intro_html = render_markdown(self.intro)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("education:topic", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def intro_as_html(self):
        # intro_html is always the nh3-sanitised rendering made in save(), never raw staff input.
        return mark_safe(self.intro_html)  # noqa: S308

    def numbered_sources(self) -> list[tuple[int, Source]]:
        """The page's sources numbered [1], [2], ... in the order the page first cites them (its
        points in order, each point's sources by title; then its page-wide sources), and each point and section given its numbers
        (`cite_numbers`). Uses the prefetched sections, items and sources."""
        numbers: dict[int, int] = {}
        listed: list[tuple[int, Source]] = []

        def number_of(source: Source) -> int:
            if source.pk not in numbers:
                numbers[source.pk] = len(numbers) + 1
                listed.append((numbers[source.pk], source))
            return numbers[source.pk]

        for section in self.sections.all():
            section_numbers: set[int] = set()
            for item in section.items.all():
                item.cite_numbers = sorted({number_of(s) for s in item.sources.all()})
                section_numbers.update(item.cite_numbers)
            section.cite_numbers = sorted(section_numbers)
        for source in self.sources.all():
            number_of(source)
        return listed


class TopicSection(models.Model):
    """A headed part of a page, usually with a list under it."""

    class Kind(models.TextChoices):
        KEY_POINTS = "key_points", "Key points"
        CONDITIONS = "conditions", "Conditions it may treat"
        HOW_IT_WORKS = "how_it_works", "How it works"
        SIDE_EFFECTS = "side_effects", "Side effects"
        LONG_TERM = "long_term", "Long-term effects"
        AVOID = "avoid", "Things to avoid"
        BEFORE_STARTING = "before_starting", "Checks before starting"
        WITHDRAWAL = "withdrawal", "Withdrawal symptoms"
        GETTING_HELP = "getting_help", "Getting help"
        URGENT_CARE = "urgent_care", "Urgent care card (red box: contact a doctor now)"
        IMMEDIATE_CARE = (
            "immediate_care",
            "Emergency care card (red and black box: ends with the emergency number)",
        )
        WARNING = "warning", "Important warning (yellow box)"
        PLAIN = "plain", "Plain list"
        DOSE_SCHEDULE = (
            "dose_schedule",
            "Dose schedule (a table: each point is a step, e.g. 'Week 1', its second line the dose)",
        )
        STOP_BEFORE_SURGERY = (
            "stop_before_surgery",
            "Stopping before surgery (shows the days and restart plan from Clinic settings)",
        )

    CARE_CARD_KINDS = {Kind.URGENT_CARE: "urgent", Kind.IMMEDIATE_CARE: "immediate"}

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="sections")
    heading = models.CharField(max_length=200)
    kind = models.CharField(
        max_length=20,
        choices=Kind,
        default=Kind.PLAIN,
        help_text="Sets how the section looks. Care cards and warnings stand out in a box.",
    )
    intro = models.TextField(
        "text before the list",
        blank=True,
        help_text="Plain text. Leave a blank line between paragraphs.",
    )
    closing = models.TextField(
        "text after the list",
        blank=True,
        help_text='Plain text, e.g. "Tell your doctor if they last more than a few days."',
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Lowest number comes first.")
    key = models.SlugField(  # noqa: DJ001 - rows staff add have no key (null never clashes)
        max_length=60,
        null=True,
        blank=True,
        editable=False,
        help_text="Set only on sections the site was installed with (education/data/pages/).",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "page section"
        constraints = [
            models.UniqueConstraint(fields=["topic", "key"], name="education_section_key_per_page")
        ]

    def __str__(self):
        return f"{self.topic.title}: {self.heading}"

    def get_absolute_url(self):
        return f"{self.topic.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self) -> str:
        return f"section-{self.pk}"

    @property
    def care_card_level(self) -> str:
        return self.CARE_CARD_KINDS.get(self.kind, "")

    @property
    def is_warning(self) -> bool:
        return self.kind == self.Kind.WARNING

    @property
    def is_dose_schedule(self) -> bool:
        return self.kind == self.Kind.DOSE_SCHEDULE

    @property
    def is_stop_before_surgery(self) -> bool:
        return self.kind == self.Kind.STOP_BEFORE_SURGERY

    def item_texts(self) -> list[str]:
        return [item.text for item in self.items.all()]


class Item(models.Model):
    """One line of a list, citing the numbered sources it rests on."""

    section = models.ForeignKey(TopicSection, on_delete=models.CASCADE, related_name="items")
    text = models.TextField(
        help_text="Plain text, one short point. Put the plain word first and the medical term "
        "after it in brackets, e.g. “Feeling sick (nausea)”."
    )
    detail = models.TextField(
        blank=True, help_text="Optional. A second short line under the point."
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Lowest number comes first.")
    sources = models.ManyToManyField(
        Source,
        blank=True,
        related_name="items",
        help_text="The source(s) this point comes from. Patients see their numbers after it.",
    )
    key = models.SlugField(  # noqa: DJ001 - rows staff add have no key (null never clashes)
        max_length=60,
        null=True,
        blank=True,
        editable=False,
        help_text="Set only on points the site was installed with (education/data/pages/).",
    )

    history = HistoricalRecords(m2m_fields=["sources"])

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "list point"
        constraints = [
            models.UniqueConstraint(
                fields=["section", "key"], name="education_item_key_per_section"
            )
        ]

    def __str__(self):
        return self.text[:80]

    def get_absolute_url(self):
        return self.section.get_absolute_url()

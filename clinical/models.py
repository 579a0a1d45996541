"""The clinical-content core every app shares: the sources it cites, the review record of a
text, and the urgent "when to get help" words.

Each is defined once here: the pages (education), the checker and the checklist use them.
"""

import datetime

from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords


def one_year_after(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def a_year_from_today() -> datetime.date:
    return one_year_after(timezone.localdate())


class Source(models.Model):
    """A published work the site cites: a drug label, a review, a patient guide. One row a work."""

    key = models.SlugField(
        max_length=80,
        unique=True,
        help_text="A short code for this source, used by the data files to cite it. Letters, "
        "numbers and dashes. Do not change it once in use.",
    )
    title = models.CharField(max_length=300, help_text="The title as the publisher gives it.")
    publisher = models.CharField(
        max_length=200, blank=True, help_text="Who published it, for example FDA or NHS."
    )
    url = models.URLField(
        "web address",
        max_length=500,
        blank=True,
        help_text="The full address, starting https://. Leave empty only if it is not online.",
    )
    date = models.CharField(
        max_length=60,
        blank=True,
        help_text='As the source gives it, e.g. "2023", or "no date given".',
    )
    note = models.TextField(
        blank=True, help_text="Optional. Shown to patients under the source, e.g. what it covers."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["title", "key"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return f"{reverse('education:sources')}#source-{self.key}"

    @property
    def display_url(self) -> str:
        """The address as printed: without "https://", which nobody needs to type."""
        return self.url.removeprefix("https://").removeprefix("http://")


class ReviewedQuerySet(models.QuerySet):
    def overdue(self, today: datetime.date | None = None):
        """Past its "next review due" date."""
        return self.filter(next_review_due__lt=today or timezone.localdate())

    def due_soon(self, days: int = 30, today: datetime.date | None = None):
        """Due for review within `days` days (and not yet overdue)."""
        today = today or timezone.localdate()
        return self.filter(
            next_review_due__gte=today, next_review_due__lte=today + datetime.timedelta(days=days)
        )

    def never_reviewed(self):
        return self.filter(last_reviewed__isnull=True)


class ReviewedContent(models.Model):
    """Who checked a text for clinical accuracy, and when it must be checked again.

    A model may declare the four fields again to make them required (a page must show them)."""

    reviewer_name = models.CharField(
        max_length=200, blank=True, help_text="Who checked this for medical accuracy."
    )
    reviewer_credentials = models.CharField(
        max_length=200, blank=True, help_text="Their role or qualifications, e.g. PharmD, RN."
    )
    last_reviewed = models.DateField(
        null=True, blank=True, help_text="The date these words were last checked."
    )
    next_review_due = models.DateField(
        null=True,
        blank=True,
        help_text="When they must be checked again, usually a year after the last review.",
    )

    objects = ReviewedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_review_overdue(self) -> bool:
        return self.next_review_due is not None and self.next_review_due < timezone.localdate()

    def mark_reviewed(self, *, today: datetime.date | None = None) -> None:
        """Record a review today; the next one is due in a year. The caller saves."""
        today = today or timezone.localdate()
        self.last_reviewed = today
        self.next_review_due = one_year_after(today)


class UrgentHelp(models.Model):
    """The urgent "when to get help" words: shown by the checker when an opioid is found, printed
    on the checklist, and ending the pages' emergency care cards. There is only ever one row."""

    heading = models.CharField(
        max_length=200, help_text="The box's heading, for example 'When to get help now'."
    )
    signs = models.TextField(help_text="The signs to get help for, one on each line.")
    action = models.CharField(
        max_length=300,
        help_text="What to do: who to call and what to tell them. Shown in bold at the end of "
        "every urgent box (the checker, the checklist and the pages).",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "urgent help box"
        verbose_name_plural = "urgent help box"

    def __str__(self) -> str:
        return self.heading

    def save(self, *args, **kwargs):
        self.pk = 1  # a single row, always
        super().save(*args, **kwargs)

    @classmethod
    def load(cls) -> "UrgentHelp | None":
        """The row, or None before the content is loaded. Reading it never writes."""
        return cls.objects.filter(pk=1).first()

    @property
    def sign_list(self) -> list[str]:
        return [line.strip() for line in self.signs.splitlines() if line.strip()]


class TranslationQuerySet(ReviewedQuerySet):
    def of(self, kind: str, key: str, language: str) -> "Translation | None":
        return self.filter(kind=kind, key=key, language=language).first()


class Translation(ReviewedContent):
    """The words of one English text in another language: a page (with its sections and points),
    a checker group, a screening question, the dose sentence, the urgent box, the checklist (with
    its lists) or a source. One row per text and language, so each translation has its own
    history, its own reviewer and review dates; the English row is never changed by it.

    `texts` holds the translated fields by name, as clinical.translation flattens the English
    ("title", "sections.<key>.heading", "sections.<key>.items.<key>", ...). A field with no
    translation shows the English, with a note saying so.

    `english_digest` is a fingerprint of the English as it was when this translation was last
    checked against it; `english_changed` says the English has moved on since then (kept up to
    date on every English save and by load_content, so the admin list can filter on it)."""

    class Kind(models.TextChoices):
        PAGE = "page", "Page"
        GROUP = "group", "Checker group"
        QUESTION = "question", "Checker question"
        CHECKER_SETTINGS = "checker_settings", "Checker dose sentence"
        URGENT_HELP = "urgent_help", "Urgent help box"
        CHECKLIST = "checklist", "Checklist"
        SOURCE = "source", "Source"

    kind = models.CharField(max_length=20, choices=Kind)
    key = models.CharField(
        max_length=100, help_text="The English text's own key: a page's or group's slug, etc."
    )
    language = models.CharField(max_length=10, choices=[("es", "Español")], default="es")
    texts = models.JSONField(default=dict, blank=True)
    english_digest = models.CharField(max_length=64, blank=True, editable=False)
    english_changed = models.BooleanField(
        "English changed since review",
        default=False,
        editable=False,
        help_text="The English text was edited after this translation was last checked against it.",
    )
    updated = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = TranslationQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "key", "language"]
        verbose_name = "translation"
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "key", "language"], name="clinical_one_translation_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.key} ({self.language})"

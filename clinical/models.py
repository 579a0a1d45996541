"""The clinical-content core every app shares: the sources it cites, the review record of a
text, and the urgent "when to get help" words.

Each is defined once here: the pages (education), the checker and the checklist use them.
"""

import datetime
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
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


# Words that mark a value as not filled in yet ("Clinic pharmacist (name set by your clinic)").
# A reviewer or a clinic detail holding one is refused, so a placeholder never reaches a patient.
PLACEHOLDER = re.compile(
    r"set by (?:your|the) clinic|placeholder|lorem ipsum|your (?:clinic|name) here"
    r"|\b(?:todo|tbc|tbd|xxx+|n/a)\b|^\s*[(\[<].*[)\]>]\s*$",
    re.IGNORECASE,
)


def looks_like_a_placeholder(text: str) -> bool:
    return bool(PLACEHOLDER.search(" ".join(text.split())))


PLACEHOLDER_MESSAGE = (
    "This looks like a placeholder, not a real value. Patients would see it as it is: type "
    "the real words, or leave it empty so nothing is shown."
)


def refuse_placeholders(instance: models.Model, names: list[str]) -> None:
    """For a model's clean(): refuse any of these fields whose value is a placeholder. (Not a
    field validator: migrations would then import this module.)"""
    errors = {
        name: PLACEHOLDER_MESSAGE
        for name in names
        if looks_like_a_placeholder(str(getattr(instance, name) or ""))
    }
    if errors:
        raise ValidationError(errors)


class Reviewer(models.Model):
    """A person the clinic names as checking its texts for medical accuracy. Patients see
    "Reviewed by <name>, <role>" on every text this person is chosen for."""

    name = models.CharField(
        max_length=200,
        help_text="Their name as patients should see it, for example 'Sam Patel'.",
    )
    role = models.CharField(
        max_length=200,
        help_text="Their role or qualification, for example 'Clinic pharmacist' or 'PharmD'.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "role"]
        constraints = [
            models.UniqueConstraint(fields=["name", "role"], name="clinical_reviewer_once")
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.role}" if self.role else self.name

    def clean(self) -> None:
        refuse_placeholders(self, ["name", "role"])


class ReviewedContent(models.Model):
    """Who checked a text for clinical accuracy, and when it must be checked again.

    The reviewer is one of the clinic's named Reviewers, or nobody yet (then patients see no
    "Reviewed by" line at all)."""

    reviewer = models.ForeignKey(
        Reviewer,
        null=True,
        blank=True,
        on_delete=models.PROTECT,  # a person who reviewed texts stays on record
        related_name="reviewed_%(app_label)s_%(class)s",
        help_text="Who checked this for medical accuracy. Patients see “Reviewed by name, role”. "
        "Leave empty until a named person has reviewed it: then no reviewer is shown.",
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
        CLINIC = "clinic", "Clinic settings"

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


class Region(models.TextChoices):
    """Where the clinic's patients live: it sets the emergency numbers, the names patients know
    (paracetamol or acetaminophen) and the English of dates and spelling. The numbers and names
    are in clinical/data/regions.yaml."""

    US = "us", "United States"
    UK = "uk", "United Kingdom"
    IE = "ie", "Ireland"
    CA = "ca", "Canada"
    AU = "au", "Australia"
    NZ = "nz", "New Zealand"


HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# The header's words are white on the brand colour: WCAG 2.2 AA asks 4.5:1 for normal text.
HEADER_TEXT = "#ffffff"
AA_CONTRAST = 4.5


def _luminance(colour: str) -> float:
    """WCAG relative luminance of "#rrggbb"."""
    channels = []
    for start in (1, 3, 5):
        value = int(colour[start : start + 2], 16) / 255
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio between two "#rrggbb" colours, from 1 to 21."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def tel_href(number: str) -> str:
    """A phone number as a tel: address: its digits, with a leading + kept."""
    digits = re.sub(r"\D", "", number)
    return f"tel:{'+' if number.strip().startswith('+') else ''}{digits}"


LOGO_TYPES = {  # the first bytes of each kind of image the header may show
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
    b"GIF87a": "image/gif",
    b"GIF89a": "image/gif",
}
LOGO_MAX_BYTES = 200_000


def logo_type(data: bytes) -> str:
    """The image type of an uploaded logo, or "" if it is not a PNG, JPEG, GIF or WebP."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return next((kind for magic, kind in LOGO_TYPES.items() if data.startswith(magic)), "")


class ClinicSettings(models.Model):
    """The clinic that runs the site: its name, look and contact details, shown on every page,
    the checker's results and the printed checklist. One row, edited in the admin. A detail
    left empty is not shown at all."""

    name = models.CharField(
        "clinic name",
        max_length=120,
        blank=True,
        help_text="Shown at the top of every page and on the printed checklist, for example "
        "'Riverside Family Practice'. Empty: the header says only 'LDN Guide'.",
    )
    logo = models.BinaryField(blank=True, default=b"", editable=False)
    logo_type = models.CharField(max_length=20, blank=True, editable=False)
    logo_version = models.CharField(max_length=16, blank=True, editable=False)
    logo_alt = models.CharField(
        "logo text for screen readers",
        max_length=200,
        blank=True,
        help_text="What the logo says or shows, for example 'Riverside Family Practice'. "
        "Needed when there is a logo.",
    )
    brand_colour = models.CharField(
        max_length=7,
        blank=True,
        help_text="The header's colour as #rrggbb, for example #005eb8. The header's white words "
        "must stay easy to read on it: a colour lighter than WCAG AA allows (4.5 to 1) is refused. "
        "Empty: the site's blue.",
    )
    phone = models.CharField(
        "phone number",
        max_length=40,
        blank=True,
        help_text="The number patients call, as they should see it, for example '020 7946 0000'. "
        "Phones can call it with one tap.",
    )
    phone_out_of_hours = models.CharField(
        "out-of-hours phone number",
        max_length=40,
        blank=True,
        help_text="Optional. A number to call when the clinic is closed.",
    )
    hours = models.TextField(
        "opening hours",
        blank=True,
        help_text="One line each, for example 'Monday to Friday, 8am to 6pm'.",
    )
    address = models.TextField(blank=True, help_text="The clinic's address, one line each.")
    call_us_if = models.CharField(
        "“Call us if …” line",
        max_length=300,
        blank=True,
        help_text="Shown on the urgent boxes, the checker's results and the checklist, with the "
        "phone number, for example 'Call us if you have a new side effect or are not sure about "
        "a medicine.'",
    )
    stop_before_surgery_days = models.PositiveSmallIntegerField(
        "days to stop LDN before surgery",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(14)],
        help_text="Shown on the 'Taking LDN' page: 'Stop LDN N days before surgery.' Sources "
        "differ (2 or 3 days), so your clinic sets its own. Empty: the page asks patients to "
        "ask you.",
    )
    restart_plan = models.TextField(
        "how to start again after surgery",
        blank=True,
        help_text="Shown under the days, for example 'Start again at your old dose once you no "
        "longer need opioid painkillers.' Empty: the page asks patients to ask you.",
    )
    region = models.CharField(
        max_length=2,
        choices=Region,
        blank=True,
        help_text="Where your patients live: it sets the emergency numbers, 'paracetamol' or "
        "'acetaminophen', and how dates are written. Empty: the server's setting "
        "(DJANGO_CLINIC_REGION).",
    )
    history = HistoricalRecords(excluded_fields=["logo"])

    class Meta:
        verbose_name = "clinic settings"
        verbose_name_plural = "clinic settings"

    def __str__(self) -> str:
        return self.name or "Clinic settings"

    def save(self, *args, **kwargs):
        self.pk = 1  # a single row, always
        super().save(*args, **kwargs)

    @classmethod
    def load(cls) -> "ClinicSettings":
        """The row, or an empty one (not saved) when staff have not set anything yet."""
        return cls.objects.filter(pk=1).first() or cls()

    def clean(self) -> None:
        errors = {}
        colour = self.brand_colour.strip()
        if colour:
            if not HEX_COLOUR.match(colour):
                errors["brand_colour"] = (
                    "Write the colour as # and six letters or numbers, for example #005eb8."
                )
            else:
                ratio = contrast_ratio(colour, HEADER_TEXT)
                if ratio < AA_CONTRAST:
                    errors["brand_colour"] = (
                        f"This colour is too light: white words on it have a contrast of "
                        f"{ratio:.1f} to 1, and WCAG AA needs at least {AA_CONTRAST:g} to 1. "
                        "Choose a darker shade."
                    )
            self.brand_colour = colour.lower()
        for name in ("phone", "phone_out_of_hours"):
            number = getattr(self, name).strip()
            if number and (
                not re.fullmatch(r"\+?[\d\s().-]+", number) or len(re.sub(r"\D", "", number)) < 3
            ):
                errors[name] = (
                    "Write the number with digits only, and spaces, brackets, dashes or a "
                    "leading + if you like, for example 020 7946 0000."
                )
        if self.logo and not self.logo_alt.strip():
            errors["logo_alt"] = "Say what the logo shows, for people who cannot see it."
        try:
            refuse_placeholders(
                self,
                ["name", "logo_alt", "phone", "phone_out_of_hours", "hours", "address"]
                + ["call_us_if", "restart_plan"],
            )
        except ValidationError as error:
            errors.update({k: v for k, v in error.message_dict.items() if k not in errors})
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def is_safe_colour(colour: str) -> bool:
        """A well-formed colour that white words can be read on (checked again when served)."""
        return bool(HEX_COLOUR.match(colour)) and contrast_ratio(colour, HEADER_TEXT) >= AA_CONTRAST

    @property
    def phone_href(self) -> str:
        return tel_href(self.phone) if self.phone.strip() else ""

    @property
    def phone_out_of_hours_href(self) -> str:
        return tel_href(self.phone_out_of_hours) if self.phone_out_of_hours.strip() else ""

    @property
    def hours_lines(self) -> list[str]:
        return [line.strip() for line in self.hours.splitlines() if line.strip()]

    @property
    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.address.splitlines() if line.strip()]

    @property
    def has_contact(self) -> bool:
        return bool(self.phone.strip() or self.hours_lines or self.address_lines)

    @property
    def has_logo(self) -> bool:
        return bool(self.logo and self.logo_type and self.logo_alt.strip())


class Draft(models.Model):
    """An edit of a live item kept aside until someone publishes it (issue 16, point 4), as
    Wagtail keeps a draft revision of a live page: patients see the published item meanwhile.

    `data` is the item's admin form as it was posted ({field name: [values]}, its inline rows
    too). Publishing posts it through that same form, so it is checked as any save is (the
    checker's must-warn guard included), and the history keeps the change note."""

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    data = models.JSONField()
    note = models.CharField(max_length=100, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="clinical_one_draft_per_item"
            )
        ]

    def __str__(self) -> str:
        return f"Draft of {self.content_type.name} {self.object_id}"

    @property
    def author_name(self) -> str:
        if self.author is None:
            return "someone no longer on the staff"
        return self.author.get_full_name() or self.author.get_username()

"""The checker's knowledge base, edited by clinic staff in admin: sources, interaction groups,
ingredients, the names patients type, the screening questions and the dose-context sentence.

The engine (checker/engine.py) reads these once into the pure matcher and rules; every change
here makes it rebuild (checker/signals.py).
"""

from django.db import models
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

LEVEL_AVOID = "avoid"
LEVEL_CAUTION = "caution"
LEVEL_INFO = "info"
LEVEL_CHOICES = [
    (LEVEL_AVOID, "Do not take together (most serious)"),
    (LEVEL_CAUTION, "Ask your doctor first"),
    (LEVEL_INFO, "Tell your doctor"),
]


class Source(models.Model):
    """A published source a warning or a question cites, such as a drug label."""

    key = models.SlugField(
        max_length=80,
        unique=True,
        help_text="A short code for this source, used to link it to warnings. Letters, numbers and dashes.",
    )
    title = models.CharField(max_length=300, help_text="The title as the publisher gives it.")
    publisher = models.CharField(
        max_length=200, blank=True, help_text="Who published it, for example FDA or NHS."
    )
    url = models.URLField(max_length=500, blank=True, help_text="Web address of the source.")
    date = models.CharField(
        max_length=40,
        blank=True,
        help_text="When it was published or last updated, as written on it (for example 2023-05).",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class InteractionGroup(models.Model):
    """A kind of medicine that matters with naltrexone (opioids, NSAIDs...) and what to say about it."""

    slug = models.SlugField(
        max_length=50,
        unique=True,
        help_text="Short code used by other programs, for example opioid or nsaid. Do not change it once in use.",
    )
    level = models.CharField(
        max_length=10,
        choices=LEVEL_CHOICES,
        help_text="How serious this is. Patients see it as an action in words.",
    )
    label = models.CharField(
        max_length=100,
        help_text='The kind of medicine in plain words, as in "hydrocodone (an opioid)": write "an opioid".',
    )
    headline = models.CharField(
        max_length=300, help_text="One short sentence: the main thing the patient must know."
    )
    what_could_happen = models.TextField(
        help_text="What could happen if they take it with LDN. Short sentences, plain words."
    )
    what_to_do = models.TextField(help_text="What the patient should do. Never say it is safe.")
    tell_your_doctor = models.TextField(
        help_text="A prompt the patient can read out or write on their checklist."
    )
    urgent = models.BooleanField(
        default=False,
        help_text="Show the urgent 'when to get help' box when this group is found (opioids).",
    )
    order = models.PositiveIntegerField(
        default=100, help_text="Lower numbers are shown first when levels are equal."
    )
    sources = models.ManyToManyField(
        Source, blank=True, related_name="groups", help_text="Where these facts come from."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = "interaction group"

    def __str__(self) -> str:
        return f"{self.slug} ({self.get_level_display()})"


class Ingredient(models.Model):
    """An active ingredient, by its lowercase US generic name (acetaminophen, not paracetamol)."""

    name = models.CharField(
        max_length=120,
        unique=True,
        help_text="Lowercase US generic name, for example acetaminophen. Other names go under Names.",
    )
    groups = models.ManyToManyField(
        InteractionGroup,
        blank=True,
        related_name="ingredients",
        help_text="The interaction groups this ingredient belongs to. Leave empty if none.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = self.name.strip().lower()
        super().save(*args, **kwargs)


class Name(models.Model):
    """A name a patient might type: a brand, a UK name, a street name, a drink, a combination."""

    class Kind(models.TextChoices):
        GENERIC = "generic", "Generic name"
        ALIAS = "alias", "Other US spelling or salt"
        UK = "uk", "UK generic name"
        BRAND = "brand", "US brand"
        UK_BRAND = "uk_brand", "UK brand"
        COMBINATION = "combination", "Combination product"
        STREET = "street", "Street name or slang"
        OLD_BRAND = "old_brand", "Old or withdrawn brand"
        DRINK = "drink", "Drink (alcohol)"

    name = models.CharField(
        max_length=120,
        help_text="As patients write it, for example Norco or co-codamol. Capitals do not matter for matching.",
    )
    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        default=Kind.BRAND,
        help_text="What sort of name this is. Street names, drinks and other spellings are matched but not offered as suggestions.",
    )
    ingredients = models.ManyToManyField(
        Ingredient,
        related_name="names",
        help_text="Every active ingredient in it. A combination product lists them all.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="checker_name_unique_lower"),
        ]

    def __str__(self) -> str:
        return self.name


class ScreeningQuestion(models.Model):
    """A yes/no question on the checker page, and what a "yes" means."""

    slug = models.SlugField(
        max_length=50,
        unique=True,
        help_text="Short code for this question, for example alcohol. Do not change it once in use.",
    )
    order = models.PositiveIntegerField(default=100, help_text="Lower numbers are asked first.")
    text = models.CharField(max_length=300, help_text="The question, in plain words.")
    hint = models.CharField(
        max_length=300, blank=True, help_text="Optional extra line under the question."
    )
    yes_level = models.CharField(
        max_length=10, choices=LEVEL_CHOICES, help_text="How serious a yes answer is."
    )
    yes_message = models.TextField(help_text="What we tell the patient when they answer yes.")
    tell_your_doctor = models.TextField(help_text="A prompt for the patient's checklist.")
    sources = models.ManyToManyField(
        Source, blank=True, related_name="questions", help_text="Where these facts come from."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.text


DEFAULT_URGENT_HEADING = "When to get help now"
DEFAULT_URGENT_SIGNS = """\
Sudden, strong withdrawal after taking LDN with an opioid: being sick, diarrhea, sweating, shaking, a racing heart or feeling very agitated
Signs of an overdose: very sleepy or hard to wake, slow or shallow breathing, very small pupils, blue or gray lips"""
DEFAULT_URGENT_ACTION = (
    "Call 911 (US) or 999 (UK), or go to an emergency department. Say that you take naltrexone."
)


class CheckerSettings(models.Model):
    """Words shown with every check. There is only ever one row."""

    dose_context = models.TextField(
        blank=True,
        help_text="Shown with every result: what the interaction facts are based on (50 mg naltrexone) and what that means for LDN.",
    )
    urgent_heading = models.CharField(
        max_length=200,
        default=DEFAULT_URGENT_HEADING,
        help_text="Heading of the urgent box shown when an opioid is found.",
    )
    urgent_signs = models.TextField(
        default=DEFAULT_URGENT_SIGNS,
        help_text="The signs to get help for, one on each line.",
    )
    urgent_action = models.CharField(
        max_length=300,
        default=DEFAULT_URGENT_ACTION,
        help_text="What to do, shown in bold at the end of the urgent box.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "checker settings"
        verbose_name_plural = "checker settings"

    def __str__(self) -> str:
        return "Checker settings"

    def save(self, *args, **kwargs):
        self.pk = 1  # a single row, always
        super().save(*args, **kwargs)

    @classmethod
    def load(cls) -> "CheckerSettings":
        """The row, or unsaved defaults: reading it never writes (a patient's check stores nothing)."""
        return cls.objects.filter(pk=1).first() or cls(pk=1)

    @property
    def urgent_sign_list(self) -> list[str]:
        return [line.strip() for line in self.urgent_signs.splitlines() if line.strip()]

"""The checker's knowledge base, edited by clinic staff in admin: interaction groups,
ingredients, the names patients type, the screening questions and the dose-context sentence.
Its starting content is checker/data/, loaded by `manage.py load_content`.

The engine (checker/engine.py) reads these once into the pure matcher and rules; every change
here makes it rebuild (checker/signals.py).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from clinical.models import ReviewedContent, Source
from clinical.severity import Severity


class InteractionGroup(ReviewedContent):
    """A kind of medicine that matters with naltrexone (opioids, NSAIDs...) and what to say about it."""

    slug = models.SlugField(
        max_length=50,
        unique=True,
        help_text="Short code used by other programs, for example opioid or nsaid. Do not change it once in use.",
    )
    level = models.CharField(
        max_length=10,
        choices=Severity.rule_choices(),
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
        "show the urgent box",
        default=False,
        help_text="Show the urgent “When to get help now” box when a medicine in this group is "
        "found (the opioid group).",
    )
    about_opioids = models.BooleanField(
        "these are opioids",
        default=False,
        help_text="Tick for the opioid group only: its medicines are listed first, named in the "
        "printed checklist's opioid box, and every one of them must keep warning (a change that "
        "stops one needs a pharmacist's confirmation).",
    )
    order = models.PositiveIntegerField(
        default=100, help_text="Lower numbers are shown first when levels are equal."
    )
    sources = models.ManyToManyField(
        Source, blank=True, related_name="groups", help_text="Where these facts come from."
    )
    products = models.TextField(
        blank=True,
        help_text=(
            "Product names this group is about whatever their ingredients, one a line, as in "
            "Names (Vivitrol is naltrexone, but a monthly shot, not LDN). Usually empty: a group "
            "is found through its ingredients."
        ),
    )
    instead_of = models.CharField(
        max_length=300,
        blank=True,
        help_text=(
            "Slugs of other groups this one speaks for when both are found, separated by "
            "spaces (the opioid group speaks for the naloxone in Suboxone)."
        ),
    )
    debatable = models.TextField(
        blank=True,
        help_text=(
            "For staff, never shown to patients: why this rule is debatable (what the sources "
            "do not settle). Empty when the label says it plainly."
        ),
    )
    history = HistoricalRecords(m2m_fields=["sources"])

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = "interaction group"
        permissions = [
            (
                "confirm_silencing",
                "Can confirm a change that stops medicine names warning (pharmacists)",
            )
        ]

    @property
    def product_names(self) -> list[str]:
        return [line.strip() for line in self.products.splitlines() if line.strip()]

    @property
    def instead_of_slugs(self) -> list[str]:
        return self.instead_of.split()

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
    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional: where the ingredient and its groups come from.",
    )
    # Its groups are kept with each version: a revert puts them back.
    history = HistoricalRecords(m2m_fields=["groups"])

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = self.name.strip().lower()
        super().save(*args, **kwargs)


class Name(models.Model):
    """A name a patient might type, one row a name, as in checker/data/names.csv."""

    class Kind(models.TextChoices):
        ALIAS = "alias", "Another name of one ingredient (salt, abbreviation, UK or Spanish name)"
        BRAND = "brand", "Brand"
        OLD_BRAND = "old_brand", "Old or withdrawn brand"
        COMBINATION = "combination", "Generic combination name (co-codamol)"
        STREET = "street", "Street name or slang"
        DRINK = "drink", "Drink (alcohol)"
        MISSPELLING = "misspelling", "Known misspelling (always read as a guess)"

    name = models.CharField(
        max_length=120,
        help_text="As patients write it, for example Norco or co-codamol. Capitals do not matter for matching.",
    )
    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        default=Kind.BRAND,
        help_text="What sort of name this is. Street names, drinks, other names and misspellings "
        "are matched but not offered as suggestions.",
    )
    ingredients = models.ManyToManyField(
        Ingredient,
        related_name="names",
        help_text="Every active ingredient in it. A combination product lists them all.",
    )
    read_as = models.CharField(
        max_length=120,
        blank=True,
        help_text="Misspellings only: the name it is a misspelling of (another name or an ingredient).",
    )
    region = models.CharField(
        max_length=100,
        blank=True,
        help_text="Where the name is used, as codes joined by ; (us uk ie ca au nz in za es mx "
        "latam intl). Empty means the US.",
    )
    everyday_word = models.BooleanField(
        "also an everyday word",
        default=False,
        help_text="Tick if the name is also an everyday word or a first name (Align, Heather): "
        "it is then read only when it stands alone.",
    )
    two_meanings = models.BooleanField(
        default=False,
        help_text="Tick if the same name also stands for other ingredients on another row (T3): "
        "the checker shows every reading and takes the most serious.",
    )
    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where the name and its ingredients come from, such as the product's label.",
    )
    note = models.TextField(
        blank=True, help_text="For reviewers: strengths, country, 'withdrawn 2010'."
    )
    history = HistoricalRecords(m2m_fields=["ingredients"])

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                condition=Q(two_meanings=False),
                name="checker_name_unique_lower",
                violation_error_message="This name is already in the list (capitals do not "
                "matter). Edit the name that is there, or, if the same name really stands for "
                "other ingredients too, tick “two meanings” on both.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def regions(self) -> tuple[str, ...]:
        return tuple(code.strip() for code in self.region.split(";") if code.strip())


def _link_words(link) -> str:
    return f"{link.name} contains {link.ingredient}"


# The rows of a name's ingredients, as the ingredient screen lists them: "Percocet contains
# oxycodone", not "Name_ingredients object (5)".
Name.ingredients.through.__str__ = _link_words


class ScreeningQuestion(ReviewedContent):
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
        max_length=10, choices=Severity.rule_choices(), help_text="How serious a yes answer is."
    )
    yes_message = models.TextField(help_text="What we tell the patient when they answer yes.")
    tell_your_doctor = models.TextField(help_text="A prompt for the patient's checklist.")
    about_opioids = models.BooleanField(
        default=False,
        help_text="Tick if a yes means opioids are in the picture: the urgent box and the "
        "checklist's opioid warning then show.",
    )
    sources = models.ManyToManyField(
        Source, blank=True, related_name="questions", help_text="Where these facts come from."
    )
    history = HistoricalRecords(m2m_fields=["sources"])

    class Meta:
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.text


class CheckerSettings(models.Model):
    """Words shown with every check. There is only ever one row."""

    dose_context = models.TextField(
        blank=True,
        help_text="Shown with every result: what the interaction facts are based on (50 mg naltrexone) and what that means for LDN.",
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


class ImportRun(models.Model):
    """One official drug-list file read for the checker (the FDA's product.txt, Health Canada's
    allfiles.zip), what it proposed, and what a pharmacist decided. The file itself is not kept."""

    class List(models.TextChoices):
        NDC = "ndc", "FDA NDC Directory (product.txt from ndctext.zip)"
        DPD = "dpd", "Health Canada Drug Product Database (allfiles.zip)"

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting for a pharmacist"
        APPLIED = "applied", "Approved and applied"
        TURNED_DOWN = "turned_down", "Turned down"
        NOTHING = "nothing", "Nothing to change"

    list_name = models.CharField("list", max_length=10, choices=List.choices)
    file_name = models.CharField(max_length=200, help_text="The file's name as uploaded.")
    file_date = models.DateField(help_text="The date of the file: when the agency published it.")
    file_sha256 = models.CharField("file checksum", max_length=64, editable=False)
    summary = models.TextField(
        editable=False,
        help_text="What the file proposed, in plain words, as the importer wrote it.",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.WAITING)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    decided_at = models.DateTimeField(null=True, editable=False)
    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        help_text="The source the applied names cite: this file and its date.",
    )

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = "drug list import"
        permissions = [
            ("approve_import", "Can approve the changes an official drug list proposes"),
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_list_name_display().split(' (')[0]}: {self.file_name} of {self.file_date}"
        )


class ProposedChange(models.Model):
    """One change an import proposes: a new name, a new ingredient, or an ingredient joining a
    group. Nothing here is live until a pharmacist approves it."""

    class Kind(models.TextChoices):
        NEW_INGREDIENT = "new_ingredient", "New ingredient"
        JOINS_GROUP = "joins_group", "Ingredient joins a group"
        NEW_NAME = "new_name", "New name"

    class Decision(models.TextChoices):
        WAITING = "waiting", "Waiting"
        APPROVED = "approved", "Approved"
        TURNED_DOWN = "turned_down", "Turned down"
        SKIPPED = "skipped", "Not applied: the list changed meanwhile"

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="changes")
    order = models.PositiveIntegerField(default=0)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    name = models.CharField(max_length=120, help_text="The new name, or the ingredient.")
    name_kind = models.CharField(max_length=20, blank=True)
    ingredients = models.CharField(max_length=600, blank=True, help_text="Joined with +.")
    groups = models.CharField(max_length=300, blank=True, help_text="Group slugs, joined with +.")
    region = models.CharField(max_length=100, blank=True)
    everyday_word = models.BooleanField(default=False)
    why = models.TextField(blank=True, help_text="What in the file says so.")
    decision = models.CharField(max_length=20, choices=Decision.choices, default=Decision.WAITING)

    class Meta:
        ordering = ["run", "order"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.name}"

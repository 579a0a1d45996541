"""The staff-edited words of the pre-visit checklist: its introduction and review dates, the
questions to ask, what to bring and the signs to watch for, each citing the shared sources."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from clinical.models import ReviewedContent, ReviewedQuerySet, Source


class ChecklistQuerySet(ReviewedQuerySet):
    def current(self) -> "Checklist | None":
        """The one checklist the site shows (the first, if staff ever add a second)."""
        return self.order_by("pk").select_related("reviewer").first()


class Checklist(ReviewedContent):
    """The checklist's own words and its review record. The site shows only the first one. The
    urgent box's heading and action are the site's one UrgentHelp (clinical)."""

    title = models.CharField(
        max_length=120,
        default="Checklist for your next visit",
        help_text="The main heading at the top of the printed page.",
    )
    introduction = models.TextField(
        help_text="One or two short sentences under the heading: what this page is for. "
        "Aim for reading grade 8 or lower.",
    )
    opioid_warning = models.TextField(
        help_text="Shown in a thick-bordered box only when the patient's list has an opioid. "
        "The page lists the opioid entries above this text.",
    )
    # The checklist always prints its review dates, so they are required here; its reviewer
    # is printed only once the clinic has named one.
    last_reviewed = models.DateField(
        default=timezone.localdate, help_text="The date the words were last checked."
    )
    next_review_due = models.DateField(
        help_text="When the words must be checked again. Usually a year after the last review.",
    )
    updated = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = ChecklistQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name = "checklist introduction and review"
        verbose_name_plural = "checklist introduction and review"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("checklist:checklist")


class ShownQuerySet(models.QuerySet):
    def shown(self) -> models.QuerySet:
        return self.filter(is_shown=True)


class ChecklistItem(models.Model):
    """What every list on the checklist shares: plain text, an order and a show/hide switch."""

    text = models.CharField(
        max_length=300,
        help_text="One short line in plain words, plain term first, medical term after in "
        "brackets, e.g. 'Feeling sick (nausea)'.",
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Lower numbers come first on the page."
    )
    is_shown = models.BooleanField(
        "show on the checklist",
        default=True,
        help_text="Untick to hide this line without deleting it.",
    )
    sources = models.ManyToManyField(
        Source,
        blank=True,
        help_text="The sources that back this line. Their numbers are printed beside it.",
    )
    key = models.SlugField(
        max_length=60,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text="Set only on rows the site was installed with, so they are never added twice.",
    )

    objects = ShownQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        return reverse("checklist:checklist")


class QuestionToAsk(ChecklistItem):
    """A question the patient may want to ask about LDN, printed with a tick box."""

    history = HistoricalRecords()

    class Meta(ChecklistItem.Meta):
        verbose_name = "question to ask"
        verbose_name_plural = "questions to ask"


class ThingToBring(ChecklistItem):
    """Something to bring to the visit, printed with a tick box."""

    history = HistoricalRecords()

    class Meta(ChecklistItem.Meta):
        verbose_name = "thing to bring"
        verbose_name_plural = "things to bring"


class SignToWatch(ChecklistItem):
    """A side effect to report, or an urgent sign of opioid withdrawal or overdose."""

    class Kind(models.TextChoices):
        SIDE_EFFECT = "side_effect", "Side effect: tell your doctor"
        WITHDRAWAL = "withdrawal", "Sign of sudden opioid withdrawal: get help now (urgent box)"
        OVERDOSE = "overdose", "Sign of an opioid overdose: call an ambulance (urgent box)"

    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        default=Kind.SIDE_EFFECT,
        help_text="Side effects are listed plainly. Withdrawal and overdose signs go in the "
        "thick-bordered urgent box.",
    )
    history = HistoricalRecords()

    class Meta(ChecklistItem.Meta):
        ordering = ["kind", "order", "pk"]
        verbose_name = "sign to watch for"
        verbose_name_plural = "signs to watch for"

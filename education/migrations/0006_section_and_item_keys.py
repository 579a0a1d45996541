"""Every section and list point the site was installed with gets a key, so `load_content` knows
which row of education/data/pages/ it is; pages also cite the one clinical Source (copied in by
clinical 0002).

The key is made from the row's first version (its words as loaded, before any staff edit), the
same way the data files' keys were made: the first six words, as a slug, numbered on repeats
within the page (sections) or the section (points). Rows staff added get no key: the loader
never touches them.
"""

from django.db import migrations, models
from django.utils.text import slugify

LOADER_REASONS = ("First version, from the source article",)


def _key(text, taken):
    base = slugify(" ".join(text.split()[:6]))[:50].strip("-") or "item"
    key, number = base, 2
    while key in taken:
        key, number = f"{base}-{number}", number + 1
    taken.add(key)
    return key


def _first_versions(history_model):
    """id -> the row's first version, when that version was written by the old loader."""
    first = {}
    for version in history_model.objects.order_by("history_date", "history_id"):
        first.setdefault(version.id, version)
    return {
        row_id: version
        for row_id, version in first.items()
        if version.history_user_id is None and version.history_change_reason in LOADER_REASONS
    }


def add_keys(apps, schema_editor):
    Section = apps.get_model("education", "TopicSection")
    Item = apps.get_model("education", "Item")
    SectionHistory = apps.get_model("education", "HistoricalTopicSection")
    ItemHistory = apps.get_model("education", "HistoricalItem")
    section_first = _first_versions(SectionHistory)
    item_first = _first_versions(ItemHistory)
    taken = {}
    sections = [s for s in Section.objects.all() if s.pk in section_first]
    for section in sorted(sections, key=lambda s: (section_first[s.pk].order, s.pk)):
        section.key = _key(
            section_first[section.pk].heading, taken.setdefault(section.topic_id, set())
        )
        section.save(update_fields=["key"])
        # Every version of the row carries the key too, so the loader knows staff's edits of it.
        SectionHistory.objects.filter(id=section.pk).update(key=section.key)
    taken = {}
    items = [i for i in Item.objects.all() if i.pk in item_first]
    for item in sorted(
        items, key=lambda i: (item_first[i.pk].section_id, item_first[i.pk].order, i.pk)
    ):
        first = item_first[item.pk]
        item.key = _key(first.text, taken.setdefault(first.section_id, set()))
        item.save(update_fields=["key"])
        ItemHistory.objects.filter(id=item.pk).update(key=item.key)


class Migration(migrations.Migration):
    dependencies = [
        ("clinical", "0001_initial"),
        ("education", "0005_backfill_citation_history"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalitem",
            name="key",
            field=models.SlugField(blank=True, editable=False, max_length=60, null=True),
        ),
        migrations.AddField(
            model_name="historicaltopicsection",
            name="key",
            field=models.SlugField(blank=True, editable=False, max_length=60, null=True),
        ),
        migrations.AddField(
            model_name="item",
            name="key",
            field=models.SlugField(blank=True, editable=False, max_length=60, null=True),
        ),
        migrations.AddField(
            model_name="item",
            name="new_sources",
            field=models.ManyToManyField(blank=True, related_name="+", to="clinical.source"),
        ),
        migrations.AddField(
            model_name="topic",
            name="new_sources",
            field=models.ManyToManyField(blank=True, related_name="+", to="clinical.source"),
        ),
        migrations.AddField(
            model_name="topicsection",
            name="key",
            field=models.SlugField(blank=True, editable=False, max_length=60, null=True),
        ),
        migrations.RunPython(add_keys, migrations.RunPython.noop),
    ]

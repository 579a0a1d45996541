"""Texts in other languages than English: what each translation covers, how it is shown, and
when it needs a new review.

Every text a patient reads belongs to one "unit" with its own review: a page (its title,
summary, opening text, sections and points), a checker group, a screening question, the dose
sentence, the urgent box, the checklist (its texts and its three lists) or a source. Each unit
has one clinical.Translation row per language. The English is flattened to named fields here,
the same names the translation's `texts` use:

    page:      title, summary, intro, sections.<key>.heading / .intro / .closing,
               sections.<key>.items.<key>   (<key> is the data file's key, or id-<pk> for a
               section or point staff added)
    group:     label, headline, what_could_happen, what_to_do, tell_your_doctor
    question:  text, hint, yes_message, tell_your_doctor
    checker_settings (key "1"): dose_context
    urgent_help (key "1"): heading, signs.1, signs.2 ..., action
    checklist (key "checklist"): title, introduction, opioid_warning,
               questions_to_ask.<key>, things_to_bring.<key>, signs_to_watch.<key>
    source:    title (a descriptive title in the language; the work keeps its own), note

A field the translation lacks is shown in English, and the page says so: never a blank.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation as django_translation

CHECKLIST_KEY = "checklist"
SINGLE_KEY = "1"


def other_languages() -> list[str]:
    return [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def current_language() -> str:
    """The active language if the site has it, else the default ("en")."""
    code = django_translation.get_language() or settings.LANGUAGE_CODE
    try:
        code = django_translation.get_supported_language_variant(code)
    except LookupError:
        return settings.LANGUAGE_CODE
    return code


def is_default(language: str | None) -> bool:
    return (language or settings.LANGUAGE_CODE) == settings.LANGUAGE_CODE


def _part_key(obj) -> str:
    return obj.key or f"id-{obj.pk}"


# --- The English, flattened ------------------------------------------------------------------


def page_texts(topic) -> dict[str, str]:
    texts = {"title": topic.title, "summary": topic.summary, "intro": topic.intro}
    for section in topic.sections.all():
        base = f"sections.{_part_key(section)}"
        texts[f"{base}.heading"] = section.heading
        texts[f"{base}.intro"] = section.intro
        texts[f"{base}.closing"] = section.closing
        for item in section.items.all():
            texts[f"{base}.items.{_part_key(item)}"] = item.text
            if item.detail:
                texts[f"{base}.items.{_part_key(item)}.detail"] = item.detail
    return texts


GROUP_FIELDS = ("label", "headline", "what_could_happen", "what_to_do", "tell_your_doctor")
QUESTION_FIELDS = ("text", "hint", "yes_message", "tell_your_doctor")
CHECKLIST_FIELDS = ("title", "introduction", "opioid_warning")
CHECKLIST_LISTS = ("questions_to_ask", "things_to_bring", "signs_to_watch")
# The clinic's own words a patient reads (Clinic settings); its name, phone and address are
# the same in every language.
CLINIC_FIELDS = ("call_us_if", "hours", "restart_plan")


def _fields(obj, names) -> dict[str, str]:
    return {name: getattr(obj, name) for name in names}


def urgent_texts(urgent) -> dict[str, str]:
    texts = {"heading": urgent.heading, "action": urgent.action}
    for number, sign in enumerate(urgent.sign_list, start=1):
        texts[f"signs.{number}"] = sign
    return texts


def checklist_texts(checklist, lists: dict[str, list]) -> dict[str, str]:
    texts = _fields(checklist, CHECKLIST_FIELDS) if checklist else {}
    for name in CHECKLIST_LISTS:
        for line in lists.get(name, []):
            texts[f"{name}.{_part_key(line)}"] = line.text
    return texts


def source_texts(source) -> dict[str, str]:
    return {"title": source.title, "note": source.note}


def checklist_lists() -> dict[str, list]:
    from checklist.models import QuestionToAsk, SignToWatch, ThingToBring

    return {
        "questions_to_ask": list(QuestionToAsk.objects.all()),
        "things_to_bring": list(ThingToBring.objects.all()),
        "signs_to_watch": list(SignToWatch.objects.all()),
    }


def english_units(kind: str | None = None) -> Iterator[tuple[str, str, dict[str, str]]]:
    """(kind, key, English texts) of every unit there is (of one kind, if given)."""
    from checker.models import CheckerSettings, InteractionGroup, ScreeningQuestion
    from checklist.models import Checklist
    from clinical.models import Source, Translation, UrgentHelp
    from education.models import Topic

    K = Translation.Kind
    if kind in (None, K.PAGE):
        for topic in Topic.objects.prefetch_related("sections__items"):
            yield K.PAGE, topic.slug, page_texts(topic)
    if kind in (None, K.GROUP):
        for group in InteractionGroup.objects.all():
            yield K.GROUP, group.slug, _fields(group, GROUP_FIELDS)
    if kind in (None, K.QUESTION):
        for question in ScreeningQuestion.objects.all():
            yield K.QUESTION, question.slug, _fields(question, QUESTION_FIELDS)
    if kind in (None, K.CHECKER_SETTINGS):
        yield K.CHECKER_SETTINGS, SINGLE_KEY, {"dose_context": CheckerSettings.load().dose_context}
    if kind in (None, K.URGENT_HELP):
        urgent = UrgentHelp.load()
        if urgent:
            yield K.URGENT_HELP, SINGLE_KEY, urgent_texts(urgent)
    if kind in (None, K.CHECKLIST):
        checklist = Checklist.objects.current()
        if checklist:
            yield K.CHECKLIST, CHECKLIST_KEY, checklist_texts(checklist, checklist_lists())
    if kind in (None, K.SOURCE):
        for source in Source.objects.all():
            yield K.SOURCE, source.key, source_texts(source)
    if kind in (None, K.CLINIC):
        from clinical.models import ClinicSettings

        clinic = ClinicSettings.objects.filter(pk=1).first()
        if clinic is not None:
            yield K.CLINIC, SINGLE_KEY, _fields(clinic, CLINIC_FIELDS)


def ensure_clinic_rows() -> None:
    """A translation row per language for the clinic's words, once staff have written any:
    staff then write the Spanish in Translations (it starts empty: the English shows)."""
    from clinical.models import Translation

    english = english_of(Translation.Kind.CLINIC, SINGLE_KEY) or {}
    if not any(value.strip() for value in english.values()):
        return
    for language in other_languages():
        Translation.objects.get_or_create(
            kind=Translation.Kind.CLINIC, key=SINGLE_KEY, language=language
        )


def english_of(kind: str, key: str) -> dict[str, str] | None:
    for _, unit_key, texts in english_units(kind):
        if unit_key == key:
            return texts
    return None


def digest(texts: dict[str, str]) -> str:
    """A fingerprint of the English a translation was checked against (empty fields ignored)."""
    kept = {name: value.strip() for name, value in texts.items() if value and value.strip()}
    return hashlib.sha256(json.dumps(kept, sort_keys=True).encode()).hexdigest()


def refresh_english_changed(kind: str | None = None) -> int:
    """Set each translation's "English changed since review" flag from the English as it is
    now. Returns how many flags changed. Rows are saved one by one only when the flag moves,
    without a history version of their own (the flag is not the translator's words)."""
    from clinical.models import Translation

    english = {(k, key): digest(texts) for k, key, texts in english_units(kind)}
    rows = Translation.objects.all() if kind is None else Translation.objects.filter(kind=kind)
    changed = []
    for row in rows:
        now = english.get((row.kind, row.key))
        flag = now is not None and row.english_digest != now
        if flag != row.english_changed:
            row.english_changed = flag
            changed.append(row)
    if changed:
        Translation.objects.bulk_update(changed, ["english_changed"])
    return len(changed)


def with_languages(queryset, kind: str, key_field: str = "slug"):
    """The queryset with `has_<language>` on each row: whether its translation exists, read in
    the same query (a page needs no query more to name its translations)."""
    from django.db.models import Exists, OuterRef

    from clinical.models import Translation

    return queryset.annotate(
        **{
            f"has_{code}": Exists(
                Translation.objects.filter(kind=kind, key=OuterRef(key_field), language=code)
            )
            for code in other_languages()
        }
    )


def missing_on(obj) -> list[str]:
    """The other languages an object from with_languages() has no translation in."""
    return [code for code in other_languages() if not getattr(obj, f"has_{code}", True)]


def missing_languages(kind: str, key: str) -> list[str]:
    """The other languages this text has no translation in (their pages show the English)."""
    from clinical.models import Translation

    have = set(Translation.objects.filter(kind=kind, key=key).values_list("language", flat=True))
    return [code for code in other_languages() if code not in have]


# --- Showing a translation ----------------------------------------------------------------


@dataclass
class Shown:
    """What a page shows of one unit in one language: `fell_back` names the fields shown in
    English because the translation has none (all of them when there is no translation)."""

    language: str
    key: str = ""
    translated: bool = False
    fell_back: list[str] = field(default_factory=list)
    translation: object = None  # the clinical.Translation row, for its review record

    @property
    def complete(self) -> bool:
        return self.translated and not self.fell_back


def _lookup(kind: str, keys: Iterable[str], language: str) -> dict[str, object]:
    from clinical.models import Translation

    return {
        row.key: row
        for row in Translation.objects.filter(kind=kind, key__in=list(keys), language=language)
    }


def _pick(texts: dict, name: str, english: str, shown: Shown) -> str:
    value = (texts.get(name) or "").strip()
    if value:
        return value
    if english and english.strip():
        shown.fell_back.append(name)
    return english


def show_pages(topics: Iterable, language: str) -> dict[str, Shown]:
    """Put each page's translated words on the page objects (and their prefetched sections and
    points) in place of the English, for this request only. Returns slug -> Shown."""
    from education.markdown import render_markdown

    topics = list(topics)
    result = {topic.slug: Shown(language=language, key=topic.slug) for topic in topics}
    if is_default(language):
        return result
    rows = _lookup("page", [t.slug for t in topics], language)
    for topic in topics:
        shown = result[topic.slug]
        row = rows.get(topic.slug)
        texts = row.texts if row else {}
        shown.translated = row is not None
        shown.translation = row
        topic.title = _pick(texts, "title", topic.title, shown)
        topic.summary = _pick(texts, "summary", topic.summary, shown)
        if "intro" in texts and texts["intro"].strip():
            topic.intro = texts["intro"]
            topic.intro_html = render_markdown(topic.intro)
        elif topic.intro.strip():
            shown.fell_back.append("intro")
        if not hasattr(topic, "_prefetched_objects_cache") or "sections" not in getattr(
            topic, "_prefetched_objects_cache", {}
        ):
            continue
        for section in topic.sections.all():
            base = f"sections.{_part_key(section)}"
            section.heading = _pick(texts, f"{base}.heading", section.heading, shown)
            section.intro = _pick(texts, f"{base}.intro", section.intro, shown)
            section.closing = _pick(texts, f"{base}.closing", section.closing, shown)
            for item in section.items.all():
                item_base = f"{base}.items.{_part_key(item)}"
                item.text = _pick(texts, item_base, item.text, shown)
                if item.detail:
                    item.detail = _pick(texts, f"{item_base}.detail", item.detail, shown)
    return result


def show_fields(kind: str, objects: Iterable, names: Iterable[str], language: str, key=None):
    """Translate the named fields of each object in place. Returns key -> Shown."""
    objects = list(objects)
    names = list(names)
    key = key or (lambda obj: obj.slug)
    result = {key(obj): Shown(language=language) for obj in objects}
    if is_default(language):
        return result
    rows = _lookup(kind, [key(obj) for obj in objects], language)
    for obj in objects:
        shown = result[key(obj)]
        row = rows.get(key(obj))
        shown.translated = row is not None
        shown.translation = row
        texts = row.texts if row else {}
        for name in names:
            setattr(obj, name, _pick(texts, name, getattr(obj, name), shown))
    return result


def show_urgent(urgent, language: str) -> Shown:
    """The urgent box's words in the language, in place (its signs as one line each)."""
    shown = Shown(language=language)
    if urgent is None or is_default(language):
        return shown
    row = _lookup("urgent_help", [SINGLE_KEY], language).get(SINGLE_KEY)
    texts = row.texts if row else {}
    shown.translated = row is not None
    shown.translation = row
    urgent.heading = _pick(texts, "heading", urgent.heading, shown)
    urgent.action = _pick(texts, "action", urgent.action, shown)
    signs = [
        _pick(texts, f"signs.{number}", sign, shown)
        for number, sign in enumerate(urgent.sign_list, start=1)
    ]
    urgent.signs = "\n".join(signs)
    return shown


def show_checklist(checklist, lists: dict[str, list], language: str) -> Shown:
    shown = Shown(language=language)
    if is_default(language):
        return shown
    row = _lookup("checklist", [CHECKLIST_KEY], language).get(CHECKLIST_KEY)
    texts = row.texts if row else {}
    shown.translated = row is not None
    shown.translation = row
    if checklist is not None:
        for name in CHECKLIST_FIELDS:
            setattr(checklist, name, _pick(texts, name, getattr(checklist, name), shown))
    for name, lines in lists.items():
        for line in lines:
            line.text = _pick(texts, f"{name}.{_part_key(line)}", line.text, shown)
    return shown


def show_clinic(clinic, language: str):
    """The clinic settings with its words (the "Call us if" line, the hours, the restart plan)
    in the language, English where staff have not written them: a copy, for this request."""
    import copy

    if (
        clinic is None
        or is_default(language)
        or not any((getattr(clinic, name) or "").strip() for name in CLINIC_FIELDS)
    ):
        return clinic
    row = _lookup("clinic", [SINGLE_KEY], language).get(SINGLE_KEY)
    texts = row.texts if row else {}
    if not texts:
        return clinic
    shown = copy.copy(clinic)
    for name in CLINIC_FIELDS:
        setattr(shown, name, _pick(texts, name, getattr(clinic, name), Shown(language=language)))
    return shown


def show_sources(sources: Iterable, language: str) -> dict[str, Shown]:
    """A source's title in the language is descriptive: the work's own title is kept as
    `original_title` to show beside it."""
    sources = list(sources)
    for source in sources:
        source.original_title = source.title
    return show_fields("source", sources, ("title", "note"), language, key=lambda s: s.key)

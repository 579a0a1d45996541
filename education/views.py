"""Patient-facing pages rendered from staff-edited content."""

from django.db.models import Prefetch, Q, prefetch_related_objects
from django.http import Http404
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from clinical import translation
from clinical.models import Source, UrgentHelp
from education.models import Item, Topic, TopicSection
from serving.page_cache import cache_published_page

# The page whose summary and key points open the home page.
HOME_TOPIC_SLUG = "key-points"


def _fetch_content(*topics: Topic) -> None:
    """Fetch the topics' sections, their items, the items' sources and the topics' own sources
    in four queries."""
    items = Item.objects.prefetch_related("sources")
    sections = TopicSection.objects.prefetch_related(Prefetch("items", queryset=items))
    prefetch_related_objects(list(topics), Prefetch("sections", queryset=sections), "sources")


def _urgent_help_for(topic: Topic) -> UrgentHelp | None:
    """The site's urgent box, when the page has an emergency care card that ends with it."""
    kinds = {section.kind for section in topic.sections.all()}
    if TopicSection.Kind.IMMEDIATE_CARE not in kinds:
        return None
    urgent = UrgentHelp.load()
    translation.show_urgent(urgent, translation.current_language())
    return urgent


def _in_language(topics) -> dict[str, translation.Shown]:
    """The pages' words in the page's language (English where a text has no translation)."""
    return translation.show_pages(topics, translation.current_language())


def _language_context(shown: translation.Shown | None, topic: Topic | None = None) -> dict:
    """What the page says about its language: a page with no translation at all is marked as
    English (lang="en", a note, no hreflang link to a translation it does not have); a page
    with some texts still in English says so."""
    if shown is None:
        return {}
    if translation.is_default(shown.language):
        # The English page names only the translations that exist.
        return {"missing_languages": translation.missing_on(topic) if topic else []}
    if not shown.translated:
        return {"content_lang": "en", "untranslated": True, "missing_languages": [shown.language]}
    return {"partly_untranslated": bool(shown.fell_back), "translation": shown.translation}


@require_safe  # GET and HEAD: a page answers 405 to PUT, DELETE, TRACE
@cache_published_page
def home(request):
    topics = list(translation.with_languages(Topic.objects.published(), "page"))
    key_points = next((t for t in topics if t.slug == HOME_TOPIC_SLUG), None)
    if key_points:
        _fetch_content(key_points)
        key_points.numbered_sources()  # the home page cites the key points page's numbers
    shown = _in_language(topics)
    return render(
        request,
        "education/home.html",
        {
            **_language_context(shown.get(HOME_TOPIC_SLUG), key_points),
            "key_points": key_points,
            "topics": [t for t in topics if t is not key_points],
            "urgent_help": _urgent_help_for(key_points) if key_points else None,
        },
    )


@require_safe  # GET and HEAD: a page answers 405 to PUT, DELETE, TRACE
@cache_published_page
def topic_list(request):
    topics = list(Topic.objects.published())
    _in_language(topics)
    return render(request, "education/topic_list.html", {"topics": topics})


@require_safe  # GET and HEAD: a page answers 405 to PUT, DELETE, TRACE
@cache_published_page
def topic(request, slug):
    # One query brings the page asked for (even a draft) and every published page, which the
    # previous / next links need.
    topics = list(
        translation.with_languages(
            Topic.objects.filter(Q(status=Topic.Status.PUBLISHED) | Q(slug=slug)).select_related(
                "reviewer"
            ),
            "page",
        )
    )
    page = next((t for t in topics if t.slug == slug), None)
    if page is None or not (page.is_published or request.user.is_staff):
        raise Http404("No published page at this address.")
    _fetch_content(page)
    shown = _in_language(topics)[page.slug]
    cited = page.numbered_sources()
    translation.show_sources([source for _, source in cited], translation.current_language())
    published = [t for t in topics if t.is_published]
    position = published.index(page) if page.is_published else None
    response = render(
        request,
        "education/topic.html",
        {
            **_language_context(shown, page),
            "topic": page,
            "preview": not page.is_published,
            "cited_sources": cited,
            "urgent_help": _urgent_help_for(page),
            "previous_topic": published[position - 1] if position else None,
            "next_topic": (
                published[position + 1]
                if position is not None and position + 1 < len(published)
                else None
            ),
        },
    )
    if not page.is_published:
        # A draft is for the signed-in editor only: never kept by a browser or a shared cache.
        add_never_cache_headers(response)
    return response


@require_safe  # GET and HEAD: a page answers 405 to PUT, DELETE, TRACE
@cache_published_page
def sources(request):
    """Every source that something a patient reads cites: the published pages (in page order,
    as they cite them), then the checker's warnings and questions and the checklist."""
    cited = Q(topics__status=Topic.Status.PUBLISHED) | Q(
        items__section__topic__status=Topic.Status.PUBLISHED
    )
    cited |= Q(groups__isnull=False) | Q(questions__isnull=False)
    cited |= (
        Q(questiontoask__isnull=False)
        | Q(thingtobring__isnull=False)
        | Q(signtowatch__isnull=False)
    )
    order: dict[int, int] = {}  # source id -> when the pages first cite it
    items = Item.objects.prefetch_related("sources")
    sections = TopicSection.objects.prefetch_related(Prefetch("items", queryset=items))
    topics = list(Topic.objects.published().prefetch_related(Prefetch("sections", sections)))
    for topic in topics:
        for section in topic.sections.all():
            for item in section.items.all():
                for source in item.sources.all():
                    order.setdefault(source.pk, len(order))
    listed = sorted(
        Source.objects.filter(cited).distinct(),
        key=lambda source: (order.get(source.pk, len(order)), source.title.casefold()),
    )
    translation.show_sources(listed, translation.current_language())
    return render(request, "education/sources.html", {"sources": listed})


@require_safe
def privacy(request):
    return render(request, "education/privacy.html")

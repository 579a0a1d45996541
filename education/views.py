"""Patient-facing pages rendered from staff-edited content."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers

from education.models import Item, Source, Topic, TopicSection
from ldn_site.page_cache import cache_published_page

# The page whose summary and key points open the home page.
HOME_TOPIC_SLUG = "key-points"


def _with_content(topics):
    """Topics with their sections, items and cited sources fetched in a few queries."""
    items = Item.objects.prefetch_related("sources")
    sections = TopicSection.objects.prefetch_related(Prefetch("items", queryset=items))
    return topics.prefetch_related(Prefetch("sections", queryset=sections))


@cache_published_page
def home(request):
    topics = Topic.objects.published()
    key_points = _with_content(topics).filter(slug=HOME_TOPIC_SLUG).first()
    return render(
        request,
        "education/home.html",
        {"key_points": key_points, "topics": topics.exclude(slug=HOME_TOPIC_SLUG)},
    )


@cache_published_page
def topic_list(request):
    return render(request, "education/topic_list.html", {"topics": Topic.objects.published()})


@cache_published_page
def topic(request, slug):
    page = get_object_or_404(_with_content(Topic.objects.all()), slug=slug)
    if page.is_published:
        return _render_topic(request, page, preview=False)
    if not request.user.is_staff:
        raise Http404("No published page at this address.")
    response = _render_topic(request, page, preview=True)
    # A draft is for the signed-in editor only: never kept by a browser or a shared cache.
    add_never_cache_headers(response)
    return response


def _render_topic(request, page, *, preview):
    published = list(Topic.objects.published().only("slug", "title", "order"))
    position = next((i for i, t in enumerate(published) if t.pk == page.pk), None)
    previous_topic = next_topic = None
    if position is not None:
        previous_topic = published[position - 1] if position > 0 else None
        next_topic = published[position + 1] if position + 1 < len(published) else None
    return render(
        request,
        "education/topic.html",
        {
            "topic": page,
            "preview": preview,
            "cited_sources": page.cited_sources(),
            "previous_topic": previous_topic,
            "next_topic": next_topic,
        },
    )


@cache_published_page
def sources(request):
    return render(request, "education/sources.html", {"sources": Source.objects.all()})


def privacy(request):
    return render(request, "education/privacy.html")

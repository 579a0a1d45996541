"""The patient pages: home, topic list, each topic, sources; drafts, empty lists, 404s.

Each test builds the pages it reads (tests/factories.py) and asserts what a patient sees of
them; the article the site ships with is checked in test_content.py. Dates are frozen where
the page's words depend on today.
"""

import datetime

import pytest
import time_machine
from django.utils.dateformat import format as format_date
from django.utils.html import escape

from checker.models import InteractionGroup
from clinical.models import Source
from education.models import Topic, TopicSection
from education.views import HOME_TOPIC_SLUG
from tests.education.pages import read_page
from tests.factories import (
    clear_pages,
    make_group,
    make_item,
    make_question_to_ask,
    make_reviewer,
    make_section,
    make_source,
    make_topic,
    set_urgent_help,
)

pytestmark = pytest.mark.django_db

# A day the built pages' review records (reviewed 2026-01-15, due 2099-01-15) are current on.
A_DAY = datetime.datetime(2026, 6, 1, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def only_built_pages():
    """No page or source but the ones the test builds (the checker's and the checklist's
    citations of the loaded sources go with them)."""
    clear_pages()


def test_home_shows_the_key_points_page_and_leads_to_the_checker_and_the_checklist(
    client, only_built_pages
):
    source = make_source(title="A test label")
    key_points = make_topic(
        slug=HOME_TOPIC_SLUG, summary="LDN is a tiny dose of a test medicine.", order=1
    )
    section = make_section(key_points, heading="Key points", kind=TopicSection.Kind.KEY_POINTS)
    make_item(section, text="It may interact with a test number of medicines.", sources=[source])
    make_topic(slug="test-side-effects", title="Test side effects", order=2)

    response = client.get("/")

    page = read_page(response.content)
    assert response.status_code == 200
    assert "LDN is a tiny dose of a test medicine." in page["main"]
    assert "Key points" in page["main"]
    assert "It may interact with a test number of medicines." in page["main"]
    assert "/check/" in page["links"]
    assert "/checklist/" in page["links"]
    assert "/learn/test-side-effects/" in page["links"]


def test_home_cites_key_points_against_the_key_points_pages_own_numbered_sources(
    client, only_built_pages
):
    first = make_source(title="A test label")
    second = make_source(title="A test review")
    key_points = make_topic(slug=HOME_TOPIC_SLUG)
    section = make_section(key_points)
    make_item(section, text="A cited key point.", sources=[second], order=1)
    make_item(section, text="Another cited key point.", sources=[first, second], order=2)
    page = read_page(client.get("/").content)
    # The numbers the key points page gives them, in the order it cites them.
    assert "/learn/key-points/#source-1" in page["links"]
    assert "/learn/key-points/#source-2" in page["links"]
    assert not [link for link in page["links"] if link.startswith("/sources/#")]
    key_points_page = client.get("/learn/key-points/").content.decode()
    assert key_points_page.index("A test review") < key_points_page.index("A test label")


def test_home_without_a_key_points_page_still_says_what_ldn_is(client, only_built_pages):
    make_topic(slug="test-other", title="Another page")
    page = read_page(client.get("/").content)
    assert "Low-dose naltrexone (LDN) is a very small dose of naltrexone" in page["main"]
    assert "/learn/test-other/" in page["links"]


def test_topic_list_links_every_published_page_with_its_summary(client, only_built_pages):
    make_topic(slug="test-one", summary="What the first page is about.", order=1)
    make_topic(slug="test-two", summary="What the second page is about.", order=2)
    make_topic(slug="test-draft", summary="Not ready.", status=Topic.Status.DRAFT)

    page = read_page(client.get("/learn/").content)

    assert "/learn/test-one/" in page["links"] and "/learn/test-two/" in page["links"]
    assert "What the first page is about." in page["main"]
    assert "What the second page is about." in page["main"]
    assert "/learn/test-draft/" not in page["links"] and "Not ready." not in page["main"]


@time_machine.travel(A_DAY, tick=False)
def test_a_topic_shows_its_points_citations_sources_and_review_record(client, only_built_pages):
    # Made in this order, and "Test label" comes first by title; the page numbers its sources
    # in the order it first cites them: the review [1], the label [2], then a source for the
    # page as a whole [3].
    label = make_source(title="Test label", publisher="Test agency")
    review = make_source(title="Test review")
    whole_page = make_source(title="Test whole-page source")
    topic = make_topic(
        slug="test-topic",
        title="How the test medicine works",
        reviewer=make_reviewer("Dana Test", "PharmD"),
        last_reviewed=datetime.date(2026, 3, 4),
        next_review_due=datetime.date(2027, 3, 4),
    )
    topic.sources.add(whole_page)
    first = make_section(topic, heading="What it does", order=1)
    make_item(first, text="It blocks a test signal.", sources=[review])
    second = make_section(topic, heading="What to watch for", order=2)
    make_item(second, text="Test tiredness (fatigue).", sources=[label, review])

    response = client.get("/learn/test-topic/")

    html = response.content.decode()
    page = read_page(response.content)
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "How the test medicine works" in page["main"]
    assert "What it does\nIt blocks a test signal." in page["main"]
    assert "What to watch for\nTest tiredness (fatigue)." in page["main"]
    assert {"#source-1", "#source-2"} <= set(page["links"])
    assert "Sources for this page" in page["main"]
    for number in (1, 2, 3):
        assert f'id="source-{number}" value="{number}"' in html
    assert 'id="source-4"' not in html
    sources = page["main"].split("Sources for this page", 1)[1]
    assert sources.index("Test review") < sources.index("Test label")
    assert sources.index("Test label") < sources.index("Test whole-page source")
    assert "Reviewed by Dana Test, PharmD" in page["main"]
    assert "Last reviewed: March 4, 2026" in page["main"]
    assert "Next review due: March 4, 2027" in page["main"]
    assert "This page is past its review date." not in page["main"]
    assert "LDN is used off-label." in page["main"]


def test_every_published_page_shows_every_point_it_holds_and_its_review_record(client):
    """Whatever the pages hold (here: the content the site ships with), each shows it all."""
    topics = list(Topic.objects.published().prefetch_related("sections__items__sources", "sources"))
    assert topics
    for topic in topics:
        response = client.get(topic.get_absolute_url())
        assert response.status_code == 200
        html = response.content.decode()
        page = read_page(response.content)
        assert html.count("<h1") == 1
        assert topic.title.replace("’", "'") in page["main"]
        for section in topic.sections.all():
            for item in section.items.all():
                assert item.text.replace("’", "'") in page["main"]
        # The page numbers its own sources 1, 2, 3 ... without gaps, and cites each by number.
        numbered = topic.numbered_sources()
        assert [number for number, _ in numbered] == list(range(1, len(numbered) + 1))
        for number, source in numbered:
            assert f'id="source-{number}" value="{number}"' in html
            assert source.title in page["main"]
        cited = {n for s in topic.sections.all() for i in s.items.all() for n in i.cite_numbers}
        assert {f"#source-{n}" for n in cited} <= set(page["links"])
        if topic.reviewer:  # the clinic's named reviewer, or no line at all
            assert f"Reviewed by {topic.reviewer.name}, {topic.reviewer.role}" in page["main"]
        else:
            assert "Reviewed by" not in page["main"]
        assert f"Last reviewed: {format_date(topic.last_reviewed, 'F j, Y')}" in page["main"]
        assert f"Next review due: {format_date(topic.next_review_due, 'F j, Y')}" in page["main"]
        assert "LDN is used off-label." in page["main"]


def test_source_links_leave_the_site_without_passing_anything_on(client):
    source = make_source(url="https://example.org/a-test-source")
    make_item(make_section(make_topic(slug="test-cites")), sources=[source])
    html = client.get("/sources/").content.decode()
    assert '<a href="https://example.org/a-test-source" rel="noopener noreferrer">' in html
    listed = Source.objects.exclude(url="").exclude(groups=None, topics=None, items=None)
    assert listed.exists()
    for source in listed.distinct():
        # an address with & in it is written &amp; in the HTML, as it must be
        assert f'<a href="{escape(source.url)}" rel="noopener noreferrer">' in html


def test_sources_page_lists_every_source_a_patient_text_cites(client):
    """The shipped content: every source the loaded pages, checker and checklist cite."""
    response = client.get("/sources/")
    html = response.content.decode()
    page = read_page(response.content)
    assert response.status_code == 200
    cited = Source.objects.exclude(groups=None, questions=None, topics=None, items=None)
    assert cited.exists()
    for source in cited.distinct():
        assert f'id="source-{source.key}"' in html
        assert source.title in page["main"]
    # The drug names' list source is for reviewers, not a page a patient reads.
    assert "LDN Guide's first medicine list" not in page["main"]


def test_sources_page_lists_what_patient_texts_cite_pages_first_in_citation_order(
    client, only_built_pages
):
    """Built sources only: the pages' in the order the pages cite them, then the checker's
    and the checklist's by title; a source nothing a patient reads cites is left off."""
    second = make_source(key="test-second", title="A second test source")
    first = make_source(key="test-first", title="The first test source", url="")
    on_a_draft = make_source(key="test-draft-only", title="A source only a draft cites")
    make_source(key="test-uncited", title="A source nothing cites")
    checker = make_source(key="test-checker", title="A test label the checker cites")
    checklist = make_source(key="test-checklist", title="Another test label")
    page = make_topic(slug="test-cites", order=1)
    make_item(make_section(page), text="A point.", sources=[first], order=1)
    make_item(make_section(page, order=20), text="Another.", sources=[second, first], order=2)
    make_item(
        make_section(make_topic(slug="test-draft", status=Topic.Status.DRAFT)),
        sources=[on_a_draft],
    )
    make_group(sources=[checker])
    make_question_to_ask(sources=[checklist])

    response = client.get("/sources/")
    html = response.content.decode()
    page = read_page(response.content)
    assert response.status_code == 200
    for key in ("test-first", "test-second", "test-checker", "test-checklist"):
        assert f'id="source-{key}"' in html, key
    listed = page["main"]
    assert listed.index("The first test source") < listed.index("A second test source")
    assert listed.index("A second test source") < listed.index("A test label the checker")
    assert listed.index("A test label the checker") < listed.index("Another test label")
    assert "A source only a draft cites" not in listed
    assert "A source nothing cites" not in listed
    assert InteractionGroup.objects.filter(sources=checker).exists()


def test_care_card_sections_say_how_urgent_they_are_in_words(client):
    set_urgent_help(action="Test: call your test emergency number now.")
    topic = make_topic(slug="test-withdrawal")
    urgent = make_section(
        topic,
        heading="Get medical help now if",
        kind=TopicSection.Kind.URGENT_CARE,
        closing="Call your test clinic now.",
        order=1,
    )
    make_item(urgent, text="You feel very sick after a test dose.")
    emergency = make_section(
        topic, heading="Call 911 if", kind=TopicSection.Kind.IMMEDIATE_CARE, order=2
    )
    make_item(emergency, text="You cannot wake someone up.")

    page = read_page(client.get("/learn/test-withdrawal/").content)

    assert "Urgent advice: Get medical help now if" in page["main"]
    assert "You feel very sick after a test dose." in page["main"]
    assert "Call your test clinic now." in page["main"]
    assert "Immediate action required: Call 911 if" in page["main"]
    assert "You cannot wake someone up." in page["main"]
    # The emergency card (only that one) ends with the region's emergency number (the US by
    # default) and the site's one urgent box's action.
    emergency_card = page["main"].split("Immediate action required: Call 911 if", 1)[1]
    assert (
        "You cannot wake someone up.\nCall 911 or go to the nearest emergency room. "
        "Test: call your test emergency number now." in emergency_card
    )
    assert page["main"].count("Test: call your test emergency number now.") == 1


def test_warning_callouts_say_important_in_words(client):
    topic = make_topic(slug="test-avoid")
    warning = make_section(
        topic, heading="Do not take a test opioid", kind=TopicSection.Kind.WARNING
    )
    make_item(warning, text="It will not work while you take LDN.")
    page = read_page(client.get("/learn/test-avoid/").content)
    assert "Important: Do not take a test opioid" in page["main"]
    assert "It will not work while you take LDN." in page["main"]


def test_unknown_page_gets_the_friendly_404(client):
    response = client.get("/learn/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_a_draft_is_a_404_for_patients(client):
    topic = make_topic(slug="new-draft", title="A page in progress", status=Topic.Status.DRAFT)
    make_item(make_section(topic), text="Not ready yet.")

    response = client.get("/learn/new-draft/")

    assert response.status_code == 404
    assert "A page in progress" not in response.content.decode()
    assert "/learn/new-draft/" not in read_page(client.get("/learn/").content)["links"]
    assert "/learn/new-draft/" not in read_page(client.get("/").content)["links"]


def test_staff_see_a_draft_as_a_marked_preview_that_is_never_cached(staff_client):
    topic = make_topic(slug="new-draft", title="A page in progress", status=Topic.Status.DRAFT)
    make_item(make_section(topic), text="Not ready yet.")

    response = staff_client.get("/learn/new-draft/")

    page = read_page(response.content)
    assert response.status_code == 200
    assert "Draft — not visible to patients." in page["text"]
    assert "Not ready yet." in page["main"]
    assert "no-store" in response["Cache-Control"]


def test_a_draft_seen_by_staff_stays_hidden_from_the_next_patient(client, staff_user):
    make_topic(slug="new-draft", status=Topic.Status.DRAFT)
    client.force_login(staff_user)
    assert client.get("/learn/new-draft/").status_code == 200
    client.logout()
    assert client.get("/learn/new-draft/").status_code == 404


def test_unpublishing_a_page_hides_it_at_once_even_after_it_was_cached(
    client, django_capture_on_commit_callbacks
):
    topic = make_topic(slug="test-published")
    assert client.get("/learn/test-published/").status_code == 200  # now in the page cache
    topic.status = Topic.Status.DRAFT
    with django_capture_on_commit_callbacks(execute=True):  # the save commits
        topic.save()
    assert client.get("/learn/test-published/").status_code == 404


def test_a_section_with_no_points_still_reads_well(client):
    topic = make_topic(slug="empty-list")
    make_section(topic, heading="Questions to ask")
    make_section(topic, heading="Before your visit", intro="Write down your questions.", order=20)

    response = client.get("/learn/empty-list/")

    page = read_page(response.content)
    assert response.status_code == 200
    assert "Questions to ask\nThere is nothing listed here yet." in page["main"]
    assert "Before your visit\nWrite down your questions." in page["main"]
    assert (
        "<ul" not in response.content.decode().split('id="main-content"')[1].split("app-inset")[0]
    )


def test_a_page_with_no_sections_or_sources_still_reads_well(client):
    make_topic(slug="bare", title="A bare page", summary="Only a summary so far.")
    page = read_page(client.get("/learn/bare/").content)
    assert "A bare page\nOnly a summary so far." in page["main"]
    assert "Sources for this page" not in page["main"]
    assert "Reviewed by Jo Test, RN" in page["main"]


def test_deleting_a_cited_source_breaks_nothing(client, only_built_pages):
    kept = make_source(title="A source that stays")
    deleted = make_source(title="A source to delete")
    cited = make_topic(slug="cited", order=1)
    cited.sources.add(deleted)
    make_item(make_section(cited), text="A cited point.", sources=[deleted, kept])
    other = make_topic(slug="also-cited", order=2)
    make_item(make_section(other), text="Another cited point.", sources=[deleted])
    make_item(make_section(make_topic(slug=HOME_TOPIC_SLUG, order=0)), sources=[deleted])

    deleted.delete()

    for path in ["/", "/learn/", "/sources/", "/learn/cited/", "/learn/also-cited/"]:
        assert client.get(path).status_code == 200, path
    page = read_page(client.get("/learn/cited/").content)
    assert "A cited point." in page["main"]
    assert "A source to delete" not in page["text"]
    # The source that stays is now the page's first: numbered from 1 again, without a gap.
    assert "#source-1" in page["links"]
    assert "#source-2" not in page["links"]
    sources = page["main"].split("Sources for this page", 1)[1]
    assert "A source that stays" in sources


@time_machine.travel(datetime.datetime(2027, 6, 1, 12, 0, tzinfo=datetime.UTC), tick=False)
def test_a_page_past_its_review_date_says_so_in_words(client):
    make_topic(slug="due-today", next_review_due=datetime.date(2027, 6, 1))
    make_topic(slug="due-yesterday", next_review_due=datetime.date(2027, 5, 31))
    assert "past its review date" not in read_page(client.get("/learn/due-today/").content)["main"]
    page = read_page(client.get("/learn/due-yesterday/").content)
    assert "This page is past its review date." in page["main"]


def test_care_card_and_warning_sections_escape_staff_text(client):
    topic = make_topic(slug="boxes")
    card = make_section(topic, heading="Get help <now>", kind=TopicSection.Kind.URGENT_CARE)
    make_item(card, text="<b>bold</b> claim")
    html = client.get("/learn/boxes/").content.decode()
    assert "Get help &lt;now&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt; claim" in html


def test_next_and_previous_links_walk_the_pages_in_order(client, only_built_pages):
    make_topic(slug="test-first", title="The first page", order=1)
    make_topic(slug="test-second", title="The second page", order=2)
    make_topic(slug="test-hidden", title="A draft between", order=3, status=Topic.Status.DRAFT)
    make_topic(slug="test-third", title="The third page", order=4)

    middle = read_page(client.get("/learn/test-second/").content)
    assert "/learn/test-first/" in middle["links"] and "/learn/test-third/" in middle["links"]
    assert "Previous The first page" in middle["main"]
    assert "Next The third page" in middle["main"]

    first = client.get("/learn/test-first/").content.decode()
    assert 'rel="prev"' not in first and "Next The second page" in read_page(first)["main"]
    last = client.get("/learn/test-third/").content.decode()
    assert "Previous The second page" in read_page(last)["main"] and 'rel="next"' not in last

"""The patient pages: home, topic list, each topic, sources; drafts, empty lists, 404s."""

import datetime

import pytest

from clinical.models import Source
from education.models import Topic, TopicSection
from tests.education.builders import make_item, make_section, make_source, make_topic
from tests.education.pages import read_page

pytestmark = pytest.mark.django_db


def test_home_says_what_ldn_is_and_leads_to_the_checker_and_the_checklist(client):
    response = client.get("/")
    page = read_page(response.content)
    assert response.status_code == 200
    assert "Low-dose naltrexone (LDN) is a very small dose of naltrexone" in page["main"]
    assert "Key points" in page["main"]
    assert "Naltrexone may interact with over 350 other medicines." in page["main"]
    assert "/check/" in page["links"]
    assert "/checklist/" in page["links"]
    assert "/learn/side-effects/" in page["links"]


def test_home_cites_key_points_against_the_key_points_pages_own_numbered_sources(client):
    page = read_page(client.get("/").content)
    assert "/learn/key-points/#source-1" in page["links"]
    assert not [link for link in page["links"] if link.startswith("/sources/#")]


def test_topic_list_links_every_published_page_with_its_summary(client):
    page = read_page(client.get("/learn/").content)
    for topic in Topic.objects.published():
        assert topic.get_absolute_url() in page["links"]
        assert topic.summary.replace("’", "'") in page["main"]


def test_every_topic_shows_its_points_citations_sources_and_review_dates(client):
    for topic in Topic.objects.published().prefetch_related("sections__items__sources", "sources"):
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
        assert "Sources for this page" in page["main"]
        assert (
            "Reviewed by Clinic pharmacist (name set by your clinic), Licensed pharmacist"
            in (page["main"])
        )
        assert "Last reviewed: November 29, 2026" in page["main"]
        assert "Next review due: November 29, 2027" in page["main"]
        assert "LDN is used off-label." in page["main"]


def test_source_links_leave_the_site_without_passing_anything_on(client):
    html = client.get("/sources/").content.decode()
    listed = Source.objects.exclude(url="").exclude(groups=None, topics=None, items=None)
    assert listed.exists()
    for source in listed.distinct():
        assert f'<a href="{source.url}" rel="noopener noreferrer">' in html


def test_sources_page_lists_every_source_a_patient_text_cites(client):
    response = client.get("/sources/")
    page = read_page(response.content)
    assert response.status_code == 200
    cited = Source.objects.exclude(groups=None, questions=None, topics=None, items=None)
    assert cited.exists()
    for source in cited.distinct():
        assert f'id="source-{source.key}"' in response.content.decode()
        assert source.title in page["main"]
    # The drug names' list source is for reviewers, not a page a patient reads.
    assert "LDN Guide's first medicine list" not in page["main"]


def test_withdrawal_page_has_the_urgent_and_emergency_care_cards(client):
    page = read_page(client.get("/learn/opioid-withdrawal/").content)
    assert "Urgent advice: Get medical help now if" in page["main"]
    assert "Immediate action required: Call 911 if" in page["main"]
    assert "Call your doctor now, or go to an urgent care center." in page["main"]


def test_warning_callouts_say_important_in_words(client):
    page = read_page(client.get("/learn/medicines-to-avoid/").content)
    assert "Important: Do not try to push through the block" in page["main"]


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
    assert client.get("/learn/side-effects/").status_code == 200
    topic = Topic.objects.get(slug="side-effects")
    topic.status = Topic.Status.DRAFT
    with django_capture_on_commit_callbacks(execute=True):  # the save commits
        topic.save()
    assert client.get("/learn/side-effects/").status_code == 404


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


def test_deleting_a_cited_source_breaks_nothing(client):
    source = make_source(title="A source to delete")
    topic = make_topic(slug="cited")
    topic.sources.add(source)
    make_item(make_section(topic), text="A cited point.", sources=[source])
    Source.objects.get(key="drugs-com-ldn").delete()

    source.delete()

    for path in ["/", "/learn/", "/sources/", "/learn/cited/", "/learn/what-it-treats/"]:
        assert client.get(path).status_code == 200, path
    page = read_page(client.get("/learn/cited/").content)
    assert "A cited point." in page["main"]
    assert "A source to delete" not in page["text"]
    assert "#source-1" not in page["links"]


def test_a_page_past_its_review_date_says_so_in_words(client):
    make_topic(slug="old", next_review_due=datetime.date(2020, 1, 1))
    page = read_page(client.get("/learn/old/").content)
    assert "This page is past its review date." in page["main"]


def test_care_card_and_warning_sections_escape_staff_text(client):
    topic = make_topic(slug="boxes")
    card = make_section(topic, heading="Get help <now>", kind=TopicSection.Kind.URGENT_CARE)
    make_item(card, text="<b>bold</b> claim")
    html = client.get("/learn/boxes/").content.decode()
    assert "Get help &lt;now&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt; claim" in html


def test_next_and_previous_links_walk_the_pages_in_order(client):
    page = read_page(client.get("/learn/what-is-ldn/").content)
    assert "/learn/key-points/" in page["links"]
    assert "/learn/what-it-treats/" in page["links"]
    assert "Previous Key points about LDN" in page["main"]

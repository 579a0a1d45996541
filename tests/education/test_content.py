"""The article's content (education/data/pages/), as load_content puts it into every database."""

import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.urls import Resolver404, resolve

from clinical.datafiles import read_sources
from clinical.models import Source, one_year_after
from education.datafiles import read_pages
from education.models import Item, Topic, TopicSection
from education.readability import reading_grade
from tests.education.pages import read_page

pytestmark = pytest.mark.django_db

ARTICLE_SOURCE_URLS = [
    "https://www.drugs.com/drug-interactions/naltrexone.html",
    "https://www.drugs.com/naltrexone.html",
    "https://www.drugs.com/medical-answers/low-dose-naltrexone-ldn-3570335/",
    "https://www.ncbi.nlm.nih.gov/books/NBK534811/",
    "https://www.ncbi.nlm.nih.gov/books/NBK64042/table/A93043/",
    "https://www.goodrx.com/naltrexone/interactions",
    "https://my.clevelandclinic.org/health/diseases/opioid-withdrawal",
]

# Every fact of the source article, as words a patient can find on the site (lowercase).
ARTICLE_FACTS = {
    "what LDN is": [
        "opioid antagonist",
        "vivitrol",
        "4 to 5 milligrams",
        "4–5 mg",
        "a tenth of the usual dose",
        "opioid use disorder",
        "alcohol use disorder",
        "the fda has approved naltrexone",
        "off-label",
    ],
    "ten conditions": [
        "crohn's disease",
        "chronic pain",
        "autoimmune diseases",
        "multiple sclerosis",
        "cancer",
        "gulf war syndrome",
        "myalgic encephalomyelitis",
        "fibromyalgia",
        "chronic fatigue syndrome",
        "thyroid disorders",
    ],
    "how it works": ["endorphins", "endogenous opioids", "tlr-4", "microglia", "inflammation"],
    "nine side effects": [
        "headache",
        "tiredness (fatigue)",
        "joint pain",
        "muscle pain",
        "stomach cramps",
        "feeling sick (nausea)",
        "being sick (vomiting)",
        "nervous (anxiety)",
        "trouble sleeping (insomnia)",
        "more than a few days",
    ],
    "long-term effects": ["few studies", "only for substance use disorders"],
    "interactions": [
        "over 350",
        "cough and cold medicines",
        "lean",
        "opioid antidiarrheals",
        "opioid analgesics",
        "any other medicine that has an opioid in it",
        "nsaids",
        "not a complete list",
        "vitamins and supplements",
        "street drugs",
    ],
    "nine named drugs": [
        "hydrocodone",
        "oxycodone",
        "tramadol",
        "buprenorphine",
        "methadone",
        "morphine",
        "codeine",
        "diphenoxylate/atropine",
        "thioridazine",
    ],
    "possible effects of an interaction": [
        "less benefit from one or both medicines",
        "sleepiness",
        "more worry (anxiety)",
        "faster heart rate",
        "higher blood pressure",
        "liver damage",
        "contact your doctor right away",
    ],
    "before you start": [
        "opioid withdrawal right now",
        "avoid ldn if you have opioid use disorder",
        "acute hepatitis",
        "allergic to naltrexone",
        "do not drink alcohol while you take naltrexone, at any dose",
    ],
    "thirteen withdrawal symptoms": [
        "strong cravings for opioids",
        "nausea",
        "vomiting",
        "anxiety",
        "chills",
        "fever",
        "muscle aches",
        "dilated pupils",
        "fast heart rate",
        "high blood pressure",
        "crying",
        "heavy sweating",
        "insomnia",
    ],
    "getting help": [
        "inpatient treatment",
        "outpatient treatment",
        "medication-assisted detox",
        "you do not have to face this alone",
    ],
    # "Reviewed by" shows once the clinic names a reviewer (tests/clinical/test_reviewers.py).
    "review dates": ["last reviewed", "next review due"],
}


def crawl_education_pages(client) -> dict[str, dict]:
    """Every patient page reachable by following links from the home page."""
    seen: dict[str, dict] = {}
    queue = ["/"]
    while queue:
        path = queue.pop(0)
        if path in seen:
            continue
        response = client.get(path)
        assert response.status_code == 200, path
        seen[path] = read_page(response.content)
        for href in seen[path]["links"]:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue
            try:
                match = resolve(parts.path)
            except Resolver404:
                continue
            if match.namespace == "education" and parts.path not in seen:
                queue.append(parts.path)
    return seen


def test_every_article_fact_is_reachable_from_the_home_page(client):
    pages = crawl_education_pages(client)
    site_text = "\n".join(page["text"] for page in pages.values()).lower()
    missing = [
        f"{group}: {fact}"
        for group, facts in ARTICLE_FACTS.items()
        for fact in facts
        if fact not in site_text
    ]
    assert missing == []


def test_the_crawl_reaches_every_published_page_and_the_sources(client):
    pages = crawl_education_pages(client)
    for topic in Topic.objects.published():
        assert topic.get_absolute_url() in pages
    assert "/sources/" in pages


def test_every_article_source_is_linked_from_the_site(client):
    links = {link for page in crawl_education_pages(client).values() for link in page["links"]}
    assert [url for url in ARTICLE_SOURCE_URLS if url not in links] == []


def test_every_published_page_reads_at_grade_eight_or_lower(client):
    grades = {}
    for topic in Topic.objects.published():
        main = read_page(client.get(topic.get_absolute_url()).content)["main"]
        grades[topic.slug] = reading_grade(main)
    for path in ("/", "/learn/", "/sources/"):
        grades[path] = reading_grade(read_page(client.get(path).content)["main"])
    assert {page: grade for page, grade in grades.items() if grade > 8} == {}
    assert all(grade > 0 for grade in grades.values())


def test_every_list_point_cites_at_least_one_source():
    uncited = Item.objects.filter(sources__isnull=True)
    assert [item.text for item in uncited] == []


def test_the_loaded_pages_are_published_with_a_review_a_year_apart():
    topics = Topic.objects.all()
    assert topics.count() == len(pages()) == 11
    for topic in topics:
        assert topic.is_published
        assert topic.reviewer is None  # the clinic names its reviewers, never a data file
        assert topic.last_reviewed.isoformat() in ("2026-11-29", "2026-12-01")  # Taking LDN
        assert topic.next_review_due == one_year_after(topic.last_reviewed)


def test_every_loaded_row_has_a_first_version_in_its_history():
    for model in (Source, Topic, TopicSection, Item):
        for row in model.objects.all():
            first = row.history.earliest("history_date")
            assert first.history_type == "+", row
            assert first.history_change_reason.startswith("load_content: added from"), row


def test_the_content_is_never_called_safe():
    assert [text for text in patient_texts() if re.search(r"\bsafe", text, re.I)] == []


def test_loading_again_keeps_what_staff_edited_and_deleted_and_restores_nothing_twice():
    topic = Topic.objects.get(slug="side-effects")
    topic.title = "Side effects (edited by staff)"
    topic.save()
    item = Item.objects.get(text="Muscle pain")
    item.delete()  # staff took a point off the page

    call_command("load_content", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert Topic.objects.get(slug="side-effects").title == "Side effects (edited by staff)"
    assert Topic.objects.get(slug="side-effects").sections.count() == 1
    assert not Item.objects.filter(text="Muscle pain").exists()
    assert Topic.objects.count() == 11


def pages():
    return read_pages(source_keys={source.key for source in read_sources()})


def patient_texts() -> list[str]:
    texts = []
    for page in pages():
        texts += [page.title, page.summary, page.intro]
        for section in page.sections:
            texts += [section.heading, section.intro, section.closing]
            texts += [item.text for item in section.items]
    return [text for text in texts if text]


def test_every_sentence_is_under_twenty_words():
    long_sentences = [
        sentence
        for text in patient_texts()
        for sentence in re.split(r"(?<=[.!?])\s+", text)
        if len(sentence.split()) >= 20
    ]
    assert long_sentences == []


def test_the_medical_term_comes_after_the_plain_word():
    # "(nausea)" and never "Nausea (feeling sick)": brackets hold the medical term.
    bracketed = [re.findall(r"\(([^)]*)\)", text) for text in patient_texts()]
    plain_words_in_brackets = {"feeling sick", "being sick", "tiredness", "trouble sleeping"}
    assert not {term.lower() for terms in bracketed for term in terms} & plain_words_in_brackets

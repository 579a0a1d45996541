"""The data check: every data file reads, refers only to things that exist, and every text a
patient reads is plain (reading grade 8 or lower) and never says "safe". No database."""

import re
from collections import defaultdict

import pytest
import textstat

from checker.matching import name_key
from checklist.datafiles import read_checklist
from clinical.datafiles import read_sources, read_urgent_help
from education.datafiles import read_pages
from education.readability import reading_grade
from tests.checker.knowledge import knowledge

SAFE = re.compile(r"\bsafe(ly|r|st|ty)?\b", re.IGNORECASE)
SOURCE_KEYS = {source.key for source in read_sources()}


def card(*fields: str) -> str:
    """Fields read one after another, each ending as a sentence."""
    return " ".join(f if f.rstrip()[-1:] in ".?!:" else f"{f}." for f in fields if f)


def patient_texts() -> dict[str, str]:
    """Every text a patient reads that comes from a data file, by where it is."""
    data = knowledge().data
    texts = {"checker dose context": data.dose_context}
    for group in data.groups:
        texts[f"group {group.slug}"] = card(
            group.headline, group.what_could_happen, group.what_to_do, group.tell_your_doctor
        )
    for question in data.questions:
        texts[f"question {question.slug}"] = card(
            question.text, question.hint, question.yes_message, question.tell_your_doctor
        )
    urgent = read_urgent_help()
    texts["urgent help"] = card(urgent.heading, *urgent.signs, urgent.action)
    for page in read_pages(source_keys=SOURCE_KEYS):
        parts = [page.title, page.summary, page.intro]
        for section in page.sections:
            parts += [section.heading, section.intro, section.closing]
            parts += [card(item.text, item.detail) for item in section.items]
        texts[f"page {page.slug}"] = card(*parts)
    checklist = read_checklist(source_keys=SOURCE_KEYS)
    lines = [line.text for lines in checklist.lists.values() for line in lines]
    texts["checklist"] = card(
        checklist.title, checklist.introduction, checklist.opioid_warning, *lines
    )
    return texts


def test_every_name_resolves_to_ingredients_that_are_in_the_list():
    data = knowledge().data
    ingredients = {row.name for row in data.ingredients}
    unresolved = [row.name for row in data.names if not set(row.ingredients) <= ingredients]
    empty = [row.name for row in data.names if not row.ingredients]
    assert unresolved == [] and empty == []
    assert len(data.names) > 3000 and len(ingredients) > 900


def test_no_name_means_two_different_things_unless_it_is_flagged_so():
    meanings = defaultdict(set)
    flagged = defaultdict(list)
    for row in knowledge().data.names:
        if row.kind == "misspelling":
            continue
        # Spelled differently but read the same ("Tylenol #3", "Tylenol 3") is one name too.
        meanings[name_key(row.name)].add(frozenset(row.ingredients))
        flagged[name_key(row.name)].append(row.two_meanings)
    for ingredient in knowledge().data.ingredients:
        meanings[name_key(ingredient.name)].add(frozenset({ingredient.name}))
        flagged[name_key(ingredient.name)].append(False)
    ambiguous = {key: sets for key, sets in meanings.items() if len(sets) > 1}
    assert {key: sets for key, sets in ambiguous.items() if not all(flagged[key])} == {}
    assert knowledge().index.conflicts == []


def test_every_misspelling_is_read_as_a_name_the_checker_knows_and_warns_the_same():
    data = knowledge().data
    index = knowledge().index
    misspellings = [row for row in data.names if row.kind == "misspelling"]
    assert len(misspellings) >= 50
    for row in misspellings:
        read = index.match(row.name)
        assert read.match == "fuzzy", row.name
        assert set(read.ingredients) == set(row.ingredients), row.name


def test_every_product_and_combination_name_cites_where_it_comes_from():
    rows = [r for r in knowledge().data.names if r.kind in ("brand", "old_brand", "combination")]
    assert [row.name for row in rows if row.source not in SOURCE_KEYS] == []


def test_every_group_question_page_point_and_checklist_line_cites_a_source_that_exists():
    data = knowledge().data
    cited = [(f"group {g.slug}", g.sources) for g in data.groups]
    cited += [(f"question {q.slug}", q.sources) for q in data.questions]
    for page in read_pages(source_keys=SOURCE_KEYS):
        for section in page.sections:
            cited += [(f"{page.slug}/{item.key}", item.sources) for item in section.items]
    checklist = read_checklist(source_keys=SOURCE_KEYS)
    for name, lines in checklist.lists.items():
        cited += [(f"checklist {name}/{line.key}", line.sources) for line in lines]
    assert [where for where, keys in cited if not keys or not set(keys) <= SOURCE_KEYS] == []


def test_one_source_a_work_each_with_a_web_address_or_a_reason():
    sources = read_sources()
    urls = [source.url for source in sources if source.url]
    assert len(urls) == len(set(urls))
    assert all(source.url or source.note for source in sources)


@pytest.mark.parametrize("where", sorted(patient_texts()))
def test_every_patient_text_reads_at_grade_8_or_lower_and_never_says_safe(where):
    text = patient_texts()[where]
    assert not SAFE.search(text), where
    # Drug and condition names are not counted (education.readability), as in the admin.
    assert reading_grade(text) <= 8, where


def test_the_checker_texts_pass_the_plain_flesch_kincaid_check_too():
    """Names counted, as the checker always did: its cards stay at grade 8."""
    for where, text in patient_texts().items():
        if where.startswith(("group", "question", "checker")):
            assert textstat.flesch_kincaid_grade(text) <= 8, where


def test_the_dose_context_says_standard_dose_ldn_and_that_the_opioid_block_still_matters():
    text = knowledge().data.dose_context
    assert "50 mg" in text
    assert "tenth" in text
    assert "opioid block still matters" in text


def test_lortab_asa_is_hydrocodone_with_aspirin_so_it_warns_as_an_opioid_and_an_nsaid():
    from checker.rules import evaluate

    match = knowledge().index.match("Lortab ASA")
    assert set(match.ingredients) == {"hydrocodone", "aspirin"}
    report = evaluate(matches=[match], answers={}, rules=knowledge().rules, questions=[])
    assert report.findings[0].groups == ("opioid", "nsaid")

"""Finding 2: a staff save tells the page cache and the checker to start afresh only once the
transaction has committed. A patient request in between reads the old rows; were the version
already new, it would keep the old page (or the old medicine index) under the new version."""

import pytest
from django.db import transaction

from checker import engine
from serving import versions
from tests.factories import make_ingredient, make_name


@pytest.fixture(autouse=True)
def _fresh_engine():
    engine.reset()
    yield
    engine.reset()


def edit_a_page():
    from education.models import Topic

    topic = Topic.objects.published().first()
    topic.title = "A title staff just changed"
    topic.save()
    return topic


@pytest.mark.django_db
def test_a_page_edit_starts_a_new_page_version_only_after_commit(
    django_capture_on_commit_callbacks,
):
    before = versions.current("pages")
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        edit_a_page()
        in_the_gap = versions.current("pages")
    after = versions.current("pages")
    assert in_the_gap == before, "a reader in the gap must not cache old rows under a new version"
    assert after != in_the_gap, "after the commit every server starts afresh"


@pytest.mark.django_db
def test_a_rolled_back_edit_leaves_the_versions_alone(django_capture_on_commit_callbacks):
    pages, checker_version = versions.current("pages"), versions.current("checker")
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        edit_a_page()
        make_ingredient("rollbackamine")
        transaction.set_rollback(True)
    assert versions.current("pages") == pages
    assert versions.current("checker") == checker_version


@pytest.mark.django_db
def test_a_new_opioid_brand_is_read_as_an_opioid_once_its_save_commits(
    django_capture_on_commit_callbacks,
):
    from checker.models import Ingredient

    hydrocodone = Ingredient.objects.get(name="hydrocodone")
    engine.check_medicines(entries=["Zzopiobrand"])  # every worker has built its index
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        make_name("Zzopiobrand", hydrocodone)
        # A patient's check while the save is not yet committed: the old index (it reads
        # the rows as they were) must not be kept under the new version.
        version_in_gap = versions.current("checker")
        engine.check_medicines(entries=["Zzopiobrand"])
    assert versions.current("checker") != version_in_gap
    report = engine.check_medicines(entries=["Zzopiobrand"])
    assert report.findings_as_typed[0].severity == "avoid"

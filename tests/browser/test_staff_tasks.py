"""A nurse's tasks in the admin, in real Chromium, once with the mouse and once by keyboard
alone (Tab to reach a control, Enter or Space to use it): fix a typo and undo it, add a brand,
change a rule's text, make a page a draft and publish it again, record a review (issue 16).

Each task works on rows the test makes and removes again, under the strict CSP, with no
console error (the guards of conftest.py).

These tests write, so they do not take the usual `django_db` mark: that would hold the test
thread in a transaction whose table locks stop the live server's writes on the shared
in-memory SQLite database. They run outside any transaction instead (the session's live
server already lets every thread use the database), each save commits as it would in
production, and each test deletes or restores what it changed."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.factories import make_item, make_reviewer, make_section, make_topic

pytestmark = [pytest.mark.browser]

PASSWORD = "a-long-staff-password-7"
HOW = ["mouse", "keyboard"]


@pytest.fixture
def browsing(chromium, site_server, request):
    """As conftest's `browsing`, without the test transaction (see above)."""
    from django.db import connections

    from tests.browser.conftest import Browsing, load_content_again, missing_content

    # The test body runs in Playwright's greenlet, which Django gives a connection of its own:
    # use the live server's (the in-memory database's one connection), so that neither holds
    # a table lock the other waits on.
    shared = site_server.thread.connections_override.get("default")
    own = connections["default"]
    if shared is not None:
        connections["default"] = shared
    try:
        if missing_content():
            load_content_again()
        session = Browsing(chromium, site_server.url, request.node.name)
        yield session
        found = session.close()
        assert not found, f"The browser saw problems: {found}"
    finally:
        connections["default"] = own


@pytest.fixture
def nurse(settings, django_user_model):
    settings.ADMIN_OTP = False  # the second factor has its own tests
    user = django_user_model.objects.create_user(
        username="browser-nurse",
        password=PASSWORD,
        first_name="Nora",
        last_name="Nurse",
        is_staff=True,
        is_superuser=True,
    )
    yield user
    user.delete()


def admin_url(settings, path: str = "") -> str:
    return "/" + settings.ADMIN_URL + path


def signed_in(browsing, settings, nurse) -> Page:
    """A browser signed in as the nurse (the sign-in form has its own tests)."""
    from urllib.parse import urlsplit

    from django.test import Client

    client = Client()
    client.force_login(nurse)
    page = browsing.page(width=1280)
    page.set_default_timeout(60_000)  # a checker save builds the checker twice
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "domain": urlsplit(browsing.base_url).hostname,
                "path": "/",
            }
        ]
    )
    page.goto(admin_url(settings))
    expect(page.locator("#site-name")).to_be_visible()
    return page


def tab_to(page: Page, target, limit: int = 400) -> None:
    """Press Tab until the target has the focus, as a keyboard user would."""
    handle = target.element_handle()
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    for _ in range(limit):
        if page.evaluate("(element) => document.activeElement === element", handle):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{target} cannot be reached with the Tab key")


def use(page: Page, how: str, target) -> None:
    """Press a button or follow a link."""
    if how == "mouse":
        target.click()
    else:
        tab_to(page, target)
        page.keyboard.press("Enter")


def type_into(page: Page, how: str, target, text: str) -> None:
    if how == "mouse":
        target.click()
    else:
        tab_to(page, target)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def tick(page: Page, how: str, target) -> None:
    if how == "mouse":
        target.click()
    else:
        tab_to(page, target)
        page.keyboard.press("Space")
    expect(target).to_be_checked()


def save(page: Page, how: str) -> None:
    # A checker save builds the checker before the page answers: wait for that page (under the
    # page's 60 s default), not for expect()'s 5 s, which a busy machine can exceed.
    with page.expect_navigation():
        use(page, how, page.locator("input[name=_save]").last)


def messages(page: Page) -> str:
    return page.locator("ul.messagelist").inner_text()


@pytest.mark.parametrize("how", HOW)
def test_fix_a_typo_then_undo_it_from_the_history(browsing, settings, nurse, how, request):
    topic = make_topic(slug=f"test-typo-{how}", title="Test typo page")
    item = make_item(make_section(topic), text="Muscel pain")
    request.addfinalizer(topic.delete)
    page = signed_in(browsing, settings, nurse)
    page.goto(admin_url(settings, f"education/item/{item.pk}/change/"))

    type_into(page, how, page.locator("#id_text"), "Muscle pain")
    save(page, how)
    expect(page.locator("ul.messagelist")).to_contain_text("was changed successfully")
    item.refresh_from_db()
    assert item.text == "Muscle pain"

    page.goto(admin_url(settings, f"education/item/{item.pk}/change/"))
    use(page, how, page.get_by_role("link", name="History"))
    versions = page.locator("#change-history tbody tr a[href*='/history/']")
    use(page, how, versions.last)  # the oldest version, before the fix
    expect(page.locator("#id_text")).to_have_value("Muscel pain")
    use(page, how, page.locator("input[name=_save][value=Revert]"))
    expect(page.locator("ul.messagelist")).to_be_visible()
    item.refresh_from_db()
    assert item.text == "Muscel pain"


@pytest.mark.parametrize("how", HOW)
def test_add_a_brand_choosing_its_ingredient_and_seeing_what_the_checker_will_say(
    browsing, settings, nurse, how
):
    from checker.models import Name

    page = signed_in(browsing, settings, nurse)
    page.goto(admin_url(settings, "checker/name/add/"))
    type_into(page, how, page.locator("#id_name"), f"Zentrotest {how}")

    search = page.locator(".field-ingredients .select2-search__field")
    if how == "mouse":
        page.locator(".field-ingredients .select2-selection").click()
        page.keyboard.type("oxycodone")
        first = page.locator(".select2-results__option").first
        expect(first).to_have_text("oxycodone")
        first.click()
    else:
        tab_to(page, search)
        page.keyboard.type("oxycodone")
        expect(page.locator(".select2-results__option").first).to_have_text("oxycodone")
        page.keyboard.press("Enter")  # the highlighted, first, result
    expect(page.locator(".field-ingredients .select2-selection__choice")).to_contain_text(
        "oxycodone"
    )
    save(page, how)

    preview = page.locator("#reading-preview-heading")
    expect(preview).to_have_text("Not saved yet: check what the checker will say")
    assert "Do not take together" in page.locator(".app-admin-panel--preview").inner_text()
    assert not Name.objects.filter(name=f"Zentrotest {how}").exists()
    save(page, how)
    expect(page.locator("ul.messagelist")).to_contain_text("was added successfully")
    added = Name.objects.get(name=f"Zentrotest {how}")
    try:
        assert [i.name for i in added.ingredients.all()] == ["oxycodone"]
    finally:
        added.delete()


@pytest.mark.parametrize("how", HOW)
def test_change_a_rules_text_with_a_change_note(browsing, settings, nurse, how):
    from checker.models import InteractionGroup

    group = InteractionGroup.objects.get(slug="nsaid")
    before = group.headline
    page = signed_in(browsing, settings, nurse)
    try:
        page.goto(admin_url(settings, f"checker/interactiongroup/{group.pk}/change/"))
        type_into(page, how, page.locator("#id_headline"), "Ask your doctor first (test).")
        # Its reading grade, as typed, from the site's own script.
        expect(page.locator("#id_headline_grade")).to_have_text("Reading grade: 0.5 (fine)")
        type_into(
            page,
            how,
            page.locator("#id_what_could_happen"),
            "Concomitant administration precipitates considerable physiological destabilisation.",
        )
        expect(page.locator("#id_what_could_happen_grade")).to_contain_text("above 8")
        type_into(page, how, page.locator("#id_what_could_happen"), group.what_could_happen)
        type_into(page, how, page.locator("#id_change_note"), "Test: shorter headline")
        save(page, how)
        expect(page.locator("ul.messagelist")).to_contain_text("was changed successfully")
        group.refresh_from_db()
        assert group.headline == "Ask your doctor first (test)."
        assert group.history.first().history_change_reason == "Test: shorter headline"
    finally:
        InteractionGroup.objects.filter(pk=group.pk).update(headline=before)


def choose_action(page: Page, how: str, row_text: str, action_label: str) -> None:
    row = page.locator("#result_list tbody tr", has_text=row_text)
    tick(page, how, row.locator("input.action-select"))
    actions = page.locator("select[name=action]")
    if how == "keyboard":
        tab_to(page, actions)
    actions.select_option(label=action_label)
    use(page, how, page.locator("button[name=index]"))


@pytest.mark.parametrize("how", HOW)
def test_make_a_page_a_draft_then_publish_it_again(browsing, settings, nurse, how, client, request):
    topic = make_topic(slug=f"test-draft-{how}", title=f"Test draft page {how}")
    request.addfinalizer(topic.delete)
    page = signed_in(browsing, settings, nurse)
    page.goto(admin_url(settings, "education/topic/?q=Test+draft+page"))

    choose_action(page, how, topic.title, "Make draft: hide the chosen pages from patients")
    expect(page.locator("ul.messagelist")).to_contain_text("now: Draft")
    assert client.get(f"/learn/{topic.slug}/").status_code == 404

    choose_action(page, how, topic.title, "Publish: patients can see the chosen pages")
    expect(page.locator("ul.messagelist")).to_contain_text("now: Published")
    assert client.get(f"/learn/{topic.slug}/").status_code == 200


@pytest.mark.parametrize("how", HOW)
def test_record_a_review_under_my_name(browsing, settings, nurse, how, request):
    reviewer = make_reviewer("Nora Nurse", "Clinic nurse")  # the clinic names its reviewers
    request.addfinalizer(reviewer.delete)
    topic = make_topic(slug=f"test-review-{how}", title=f"Test review page {how}")
    request.addfinalizer(topic.delete)
    page = signed_in(browsing, settings, nurse)
    page.goto(admin_url(settings, "education/topic/?q=Test+review+page"))
    choose_action(
        page, how, topic.title, "Mark as reviewed today by me (next review due in a year)"
    )
    expect(page.locator("ul.messagelist")).to_contain_text(
        "1 marked as reviewed today by Nora Nurse."
    )
    topic.refresh_from_db()
    assert str(topic.reviewer) == "Nora Nurse, Clinic nurse"


def patient_page(client, topic) -> str:
    """The page as a patient gets it now. The live server's saves commit inside this harness's
    outer transaction, whose commit hooks (the page cache's new version) wait for its end: start
    a new version here, so no page cached before the save is served."""
    from serving import versions

    versions.bump_now("pages")
    response = client.get(f"/learn/{topic.slug}/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("how", HOW)
def test_draft_a_live_page_preview_it_and_publish_it_with_a_note(
    browsing, settings, nurse, how, client, request
):
    from clinical.models import Draft

    topic = make_topic(
        slug=f"test-live-{how}", title=f"Test live page {how}", summary="The published words."
    )
    request.addfinalizer(topic.delete)
    request.addfinalizer(lambda: Draft.objects.filter(object_id=str(topic.pk)).delete())
    page = signed_in(browsing, settings, nurse)
    page.goto(admin_url(settings, f"education/topic/{topic.pk}/change/"))

    type_into(page, how, page.locator("#id_summary"), "The new words, as a draft.")
    with page.expect_navigation():
        use(page, how, page.locator("input[name=_save_draft]"))
    expect(page.locator("ul.messagelist")).to_contain_text("The draft was saved.")
    assert "The published words." in patient_page(client, topic)
    assert "The new words" not in patient_page(client, topic)

    use(page, how, page.get_by_role("link", name="Open the draft"))
    expect(page.locator("#draft-panel")).to_contain_text("You are editing a draft")
    expect(page.locator("#id_summary")).to_have_value("The new words, as a draft.")
    with page.expect_popup() as opened:
        use(page, how, page.locator("input[name=_preview]"))
    preview = opened.value
    expect(preview.locator(".app-preview-banner")).to_contain_text("Preview of a draft.")
    expect(preview.locator("main")).to_contain_text("The new words, as a draft.")
    preview.close()

    type_into(page, how, page.locator("#id_change_note"), "Test: plainer summary")
    with page.expect_navigation():
        use(page, how, page.locator("input[name=_save][value='Publish this draft']"))
    expect(page.locator("ul.messagelist")).to_contain_text("was changed successfully")
    topic.refresh_from_db()
    assert topic.summary == "The new words, as a draft."
    assert "The new words, as a draft." in patient_page(client, topic)
    assert topic.history.first().history_change_reason == "Test: plainer summary"
    assert not Draft.objects.filter(object_id=str(topic.pk)).exists()


@pytest.mark.parametrize("how", HOW)
def test_record_a_review_from_the_reviews_due(browsing, settings, nurse, how, request):
    import datetime

    from django.utils import timezone

    reviewer = make_reviewer("Nora Nurse", "Clinic nurse")
    request.addfinalizer(reviewer.delete)
    today = timezone.localdate()
    topic = make_topic(
        slug=f"test-due-{how}",
        title=f"Test overdue page {how}",
        next_review_due=today - datetime.timedelta(days=2),
    )
    request.addfinalizer(topic.delete)
    page = signed_in(browsing, settings, nurse)

    use(page, how, page.get_by_role("link", name="Reviews due"))
    row = page.locator("#content-main tr", has_text=topic.title)
    expect(row).to_contain_text("Overdue by 2 days")
    use(page, how, row.get_by_role("link", name=f"Record a review of {topic.title}"))
    expect(page.locator("#id_reviewer")).to_have_value(str(reviewer.pk))  # me, chosen already
    with page.expect_navigation():
        use(page, how, page.locator("input[type=submit][value='Record the review']"))
    expect(page.locator("ul.messagelist")).to_contain_text(
        f"Review recorded: “{topic.title}” reviewed by Nora Nurse, Clinic nurse"
    )
    topic.refresh_from_db()
    assert topic.reviewer == reviewer and topic.last_reviewed == today
    assert topic.next_review_due > today

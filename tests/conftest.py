"""Fixtures the whole suite shares. Builders (make_*) live in tests/factories.py."""

import io
import pickle
from pathlib import Path

import pytest
from django.core.cache import caches

from clinical.severity import Severity
from tests.factories import make_group, make_ingredient, make_name, make_source

BROWSER_TESTS = Path(__file__).parent / "browser"


def pytest_collection_modifyitems(config, items):
    """Chromium tests live in tests/browser/ only: they share one browser and one live server
    there, and `make test` runs them as their own run. A `browser` mark elsewhere is an error."""
    strays = [
        item.nodeid
        for item in items
        if item.get_closest_marker("browser") and BROWSER_TESTS not in Path(item.path).parents
    ]
    if strays:
        raise pytest.UsageError(
            "Tests marked `browser` belong in tests/browser/ (its conftest gives them the "
            "shared Chromium and live server): " + ", ".join(strays)
        )


def cache_entries(cache) -> list[tuple[str, object]]:
    """Every (key, value) a cache holds, whichever backend the run uses (in-memory for the
    suite, Redis in CI's Redis pass): tests read what was stored, not the backend's insides."""
    if hasattr(getattr(cache, "_cache", None), "get_client"):  # Django's RedisCache
        client = cache._cache.get_client()
        return [
            (key.decode(), cache._cache._serializer.loads(client.get(key)))
            for key in client.keys("*")
            if client.type(key) == b"string"
        ]
    entries = getattr(cache, "_cache", {})
    return [
        (key, pickle.loads(value) if isinstance(value, bytes) else value)  # noqa: S301
        for key, value in list(entries.items())
    ]


@pytest.fixture(scope="session", autouse=True)
def _quick_password_hashing():
    """Staff logins made by tests are hashed with a quick hasher: Django's default costs a
    third of a second a password on purpose (so a stolen hash is slow to crack), which over
    hundreds of staff tests proves nothing. The site's settings keep the default; tests of
    logging in still check the password."""
    from django.test.utils import override_settings

    quick = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    quick.enable()
    yield
    quick.disable()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language: a request to a Spanish address leaves
    Spanish active in the test's thread (LocaleMiddleware activates a language and never puts
    it back), and the next test in that process would read Spanish words."""
    from django.utils import translation

    translation.deactivate()
    yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with empty caches: a rolled-back test must not leave cached pages.
    Nor an outage: a test whose cache did not answer leaves this worker going without the
    cache for a second (serving.versions.RETRY_AFTER_SECONDS), and the next test in the same
    worker must not find its pages uncached because of that."""
    from serving import middleware, versions

    middleware.forget_warnings()
    versions.forget_state()
    for cache in caches.all():
        cache.clear()
    yield
    versions.forget_state()


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user(
        username="nurse",
        password="a-long-staff-password-1",
        is_staff=True,
        is_superuser=True,
        first_name="Nora",
        last_name="Nurse",
    )


@pytest.fixture
def staff_client(client, staff_user, django_capture_on_commit_callbacks):
    """A signed-in staff browser. Each of its requests commits at its end, as in production,
    so what a save schedules for after the commit (the cache versions: serving.versions) has
    happened before the next request; the test's own transaction would otherwise hold it."""
    client.force_login(staff_user)
    send = client.request

    def request_then_commit(**request):
        with django_capture_on_commit_callbacks(execute=True):
            return send(**request)

    client.request = request_then_commit
    return client


@pytest.fixture(scope="session")
def django_db_use_migrations():
    """Each test database's tables are made from today's models, not by running every
    migration (~8 s a process, each xdist worker and the browser run paying it). That the
    migrations give these same tables is what `make migrations-check` proves, and
    tests/clinical/test_upgrade.py runs the content apps' migrations from their first, on
    SQLite and PostgreSQL, then loads the content and checks it."""
    return False


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database as `make run` makes one, then load_content (tables: see above)."""
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("load_content", stdout=io.StringIO())


def load_all_content() -> None:
    """What a transactional test (its database is emptied after each test) needs first: every
    data file loaded, and the engine told to build afresh."""
    from django.core.management import call_command

    from checker import engine

    call_command("load_content", stdout=io.StringIO())
    engine.bump_version()


@pytest.fixture
def kb(db):
    """A small hand-built knowledge base, one name at each level, beside the loaded names:

    Norco (hydrocodone + acetaminophen, an opioid: avoid), cautionolol (caution), infozepam
    (info, citing "Test source title"), plainomab (no known interaction). The opioid group is
    the loaded row (checker/data/groups.yaml) where there is one (the rules know it by its
    slug), with test words. The engine is rebuilt before and after, so no other test sees
    these rows.
    """
    from checker import engine
    from checker.models import InteractionGroup, Name

    engine.reset()
    source = make_source(
        key="test-source", title="Test source title", url="https://example.org/label"
    )
    opioid, _ = InteractionGroup.objects.get_or_create(
        slug="opioid",
        defaults={"level": Severity.AVOID, "label": "an opioid", "urgent": True, "order": 1},
    )
    opioid.headline = "Opioid test headline."
    opioid.what_could_happen = "Test: sudden withdrawal."
    opioid.what_to_do = "Test: talk to your doctor."
    opioid.tell_your_doctor = "Test: tell your doctor about every opioid you take."
    opioid.save()
    hydrocodone = make_ingredient("hydrocodone", groups=[opioid])
    acetaminophen = make_ingredient("acetaminophen")
    if not Name.objects.filter(name__iexact="norco").exists():
        make_name("Norco", hydrocodone, acetaminophen)
    caution = make_group(
        slug="t-caution", level="caution", label="a caution test", headline="Caution test headline."
    )
    info = make_group(
        slug="t-info",
        level="info",
        label="an info test",
        headline="Info test headline.",
        sources=[source],
    )
    make_ingredient("cautionolol", groups=[caution])
    make_ingredient("infozepam", groups=[info])
    make_ingredient("plainomab")
    yield {"opioid": opioid, "caution": caution, "info": info, "source": source}
    engine.reset()

"""Finding 1: DJANGO_CACHE_URL=redis://… works: the client is installed and pinned, and the
settings hand redis-py only options it understands."""

import subprocess

from tests.production.conftest import PYTHON, ROOT, sub_env
from tests.serving.conftest import closed_port

PROBE = """
from django.core.cache import caches
import redis
for name in ("default", "rate_limit"):
    try:
        caches[name].get("probe")
    except redis.exceptions.ConnectionError:
        print(name, "connection refused")
"""


def test_the_redis_client_is_a_pinned_requirement():
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    assert any(line.startswith("redis==") for line in lines)


def test_a_redis_cache_url_reaches_the_server_instead_of_crashing_on_its_options():
    url = f"redis://127.0.0.1:{closed_port()}/0"
    result = subprocess.run(
        [PYTHON, "-c", "import django; django.setup()\n" + PROBE],
        cwd=ROOT,
        env=sub_env(
            DJANGO_DEBUG="1", DJANGO_CACHE_URL=url, DJANGO_SETTINGS_MODULE="ldn_site.settings"
        ),
        capture_output=True,
        text=True,
        timeout=60,
    )
    # Before: TypeError (MAX_ENTRIES handed to redis-py's connection), not a refused connection.
    assert "TypeError" not in result.stderr, result.stderr[-2000:]
    assert result.stdout.split("\n")[:2] == [
        "default connection refused",
        "rate_limit connection refused",
    ], result.stderr[-2000:]


def test_migrate_runs_with_a_redis_cache_url(tmp_path):
    url = f"redis://127.0.0.1:{closed_port()}/0"
    result = subprocess.run(
        [PYTHON, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=sub_env(
            DJANGO_DEBUG="1",
            DJANGO_CACHE_URL=url,
            DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        ),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]

"""Load and fault drills against the production stack on loopback (run by `make loadtest`).

1. Load: 60 s at 32 connections (wrk, scripts/wrk_mixed.lua) mixing pages, checker form
   posts (no-JS and htmx), checklist posts and API calls, with the rate limit off:
   throughput, p50, p99; passes only with zero errors and zero 5xx.
2. Privacy: the made-up medicine in every post is then searched for in the PostgreSQL
   database (pg_dump and its files), the cache folder and every log.
3. Database stopped mid-run: /healthz must say 503 within 2 s, a page that needs the
   database shows the friendly 503 page, nothing answers 500, and the site recovers when
   the database returns.
4. gunicorn stopped with SIGTERM under load: every request a worker had accepted completes.

Needs wrk (/usr/bin/wrk) and PostgreSQL 15 (initdb, pg_ctl). Everything runs on 127.0.0.1
and is removed afterwards. Options: --seconds (default 60), --connections (default 32).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stack  # noqa: E402

HERE = Path(__file__).resolve().parent
CANARY = "Zqcanarimab-7f3a"


class Drill:
    def __init__(self, name: str):
        self.name = name
        self.failures: list[str] = []

    def check(self, ok: bool, message: str) -> None:
        stack.say(f"   {'ok ' if ok else 'FAIL'} {message}")
        if not ok:
            self.failures.append(message)


def pg(command: str, pgdir: Path) -> str:
    return subprocess.run(
        [str(HERE / "pg_cluster.sh"), command, str(pgdir)],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout.strip()


def mixed_env(server: stack.Server) -> dict:
    cookie, token = stack.csrf_pair(server.url)
    return {
        "LDN_TOPICS": " ".join(stack.topic_paths(server.url)),
        "LDN_CSRF_COOKIE": cookie,
        "LDN_CSRF_TOKEN": token,
        "LDN_ENTRY": CANARY,
    }


def load(server, drill, seconds, connections):
    env = mixed_env(server)
    script = HERE / "wrk_mixed.lua"
    stack.say(f"\n== 1. Load: {seconds} s at {connections} connections, mixed pages and posts")
    stack.wrk(server.url, seconds=5, connections=connections, script=script, script_env=env)
    result = stack.wrk(
        server.url, seconds=seconds, connections=connections, script=script, script_env=env
    )
    stack.say(
        f"   {result.requests} requests, {result.requests_per_second:.1f} req/s, "
        f"p50 {result.latency_ms.get('50', 0):.1f} ms, p99 {result.latency_ms.get('99', 0):.1f} ms, "
        f"statuses {result.statuses}"
    )
    fivexx = sum(n for code, n in result.statuses.items() if code.startswith("5"))
    drill.check(result.requests > 0, "requests were made")
    drill.check(result.non_2xx == 0, f"non-2xx responses: {result.non_2xx}")
    drill.check(result.socket_errors == 0, f"socket errors: {result.socket_errors}")
    drill.check(fivexx == 0, f"5xx responses: {fivexx}")
    return result


def privacy(server, drill, pgdir, database_url):
    stack.say("\n== 2. Privacy: the canary typed in every post, searched for everywhere")
    dump = subprocess.run(
        ["/usr/lib/postgresql/15/bin/pg_dump", "--dbname", _libpq_url(database_url)],
        capture_output=True,
        timeout=120,
    )
    drill.check(dump.returncode == 0 and b"CREATE TABLE" in dump.stdout, "pg_dump of the database")
    drill.check(
        CANARY.lower().encode() not in dump.stdout.lower(), "canary not in the database dump"
    )
    places = [pgdir / "data", server.workdir]
    holding = []
    for place in places:
        for path in place.rglob("*"):
            if path.is_file() and CANARY.lower().encode() in path.read_bytes().lower():
                holding.append(str(path))
    drill.check(holding == [], f"canary not in database files, cache or logs ({holding or 'none'})")
    log = server.access_log.read_text()
    drill.check(
        '"POST /check/" 200' in log and "?" not in log, "access log has posts, no query strings"
    )


def _libpq_url(database_url: str) -> str:
    # postgres://user@%2Fsocket%2Fdir/db -> postgresql://user@/db?host=/socket/dir
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(database_url)
    host = unquote(parts.hostname or "")
    return f"postgresql://{parts.username}@/{parts.path.lstrip('/')}?host={host}"


def database_outage(server, drill, pgdir):
    stack.say("\n== 3. The database stops mid-run, then comes back")
    statuses: list[tuple[float, int]] = []
    stop_polling = threading.Event()

    def poll_health():
        while not stop_polling.is_set():
            try:
                statuses.append(
                    (time.monotonic(), stack.status(f"{server.url}/healthz", timeout=5))
                )
            except OSError:
                statuses.append((time.monotonic(), 0))
            time.sleep(0.05)

    env = mixed_env(server)
    poller = threading.Thread(target=poll_health, daemon=True)
    poller.start()
    time.sleep(1)
    background = {}

    def background_load():
        background["result"] = stack.wrk(
            server.url, seconds=12, connections=8, script=HERE / "wrk_mixed.lua", script_env=env
        )

    loader = threading.Thread(target=background_load, daemon=True)
    loader.start()
    time.sleep(2)
    stopped_at = time.monotonic()
    pg("stop", pgdir)
    stack.say(f"   database stopped ({time.monotonic() - stopped_at:.2f} s to stop)")
    time.sleep(3)
    down = [t for t, code in statuses if t >= stopped_at and code == 503]
    delay = (down[0] - stopped_at) if down else None
    drill.check(
        delay is not None and delay <= 2.0,
        f"/healthz said 503 within 2 s (after {delay if delay is None else round(delay, 2)} s)",
    )
    code, body = stack.fetch(f"{server.url}/learn/a-page-that-needs-the-database/")
    drill.check(
        code == 503 and "not available right now" in body,
        f"a page that needs the database: {code}, friendly 503 page",
    )
    code, body = stack.fetch(f"{server.url}/")
    stack.say(f"   a cached page while the database is down: {code}")
    api = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    api.request(
        "POST",
        "/api/check",
        json.dumps({"medications": ["ibuprofen"]}),
        {"Content-Type": "application/json"},
    )
    reply = api.getresponse()
    stack.say(
        f"   the checker API while the database is down: {reply.status} (its index is in memory)"
    )
    api.close()
    time.sleep(2)
    restarted_at = time.monotonic()
    pg("start-again", pgdir)
    deadline = time.monotonic() + 20
    back = None
    while time.monotonic() < deadline:
        if (
            stack.status(f"{server.url}/healthz") == 200
            and stack.status(f"{server.url}/learn/a-page-that-needs-the-database/") == 404
        ):
            back = time.monotonic() - restarted_at
            break
        time.sleep(0.1)
    drill.check(
        back is not None,
        f"recovered when the database returned (after {back if back is None else round(back, 2)} s)",
    )
    loader.join(timeout=30)
    stop_polling.set()
    poller.join(timeout=10)
    result = background.get("result")
    if result:
        fivehundred = result.statuses.get("500", 0)
        stack.say(f"   statuses under load through the outage: {result.statuses}")
        drill.check(fivehundred == 0, f"no 500 during the outage ({fivehundred})")
    health_codes = Counter(code for _, code in statuses)
    drill.check(
        set(health_codes) <= {200, 503}, f"/healthz answered only 200 or 503: {dict(health_codes)}"
    )


def graceful_stop(server, drill, connections):
    stack.say(f"\n== 4. SIGTERM to gunicorn under load ({connections} clients)")
    topics = stack.topic_paths(server.url)
    outcomes: list[tuple[float, float, str]] = []  # (sent, finished, outcome)
    lock = threading.Lock()
    stop = threading.Event()

    def client(number: int):
        n = 0
        while not stop.is_set():
            n += 1
            sent = time.monotonic()
            outcome = ""
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
            try:
                try:
                    conn.connect()
                except ConnectionRefusedError:
                    outcome = "refused"  # the server had stopped listening: never accepted
                else:
                    sent = time.monotonic()
                    if n % 2:
                        conn.request("GET", topics[(number + n) % len(topics)])
                    else:
                        conn.request(
                            "POST",
                            "/api/check",
                            json.dumps({"medications": stack.FIVE_ENTRIES}),
                            {"Content-Type": "application/json"},
                        )
                    response = conn.getresponse()
                    response.read()
                    outcome = str(response.status)
            except (ConnectionResetError, BrokenPipeError, http.client.RemoteDisconnected) as error:
                outcome = type(error).__name__
            except OSError as error:
                outcome = type(error).__name__
            finally:
                conn.close()
            with lock:
                outcomes.append((sent, time.monotonic(), outcome))
            if outcome == "refused":
                time.sleep(0.05)

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(connections)]
    for thread in threads:
        thread.start()
    time.sleep(4)
    signalled = time.monotonic()
    server.process.send_signal(signal.SIGTERM)
    server.process.wait(timeout=60)
    exited = time.monotonic() - signalled
    time.sleep(1)
    stop.set()
    for thread in threads:
        thread.join(timeout=40)
    server.output.close()
    before = Counter(o for sent, _, o in outcomes if sent < signalled)
    after = Counter(o for sent, _, o in outcomes if sent >= signalled)
    stack.say(f"   sent before SIGTERM: {dict(before)}")
    stack.say(f"   sent after SIGTERM:  {dict(after)}")
    dropped = {o: n for o, n in (before + after).items() if o not in {"200", "refused"}}
    drill.check(before.get("200", 0) > 0, "requests completed before the signal")
    drill.check(dropped == {}, f"no request dropped or failed once sent ({dropped or 'none'})")
    drill.check(
        exited < 30, f"gunicorn exited {exited:.2f} s after SIGTERM (graceful timeout 30 s)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()

    workdir = stack.workdir("ldn-load-")
    # Its own folder: the PostgreSQL user must be able to reach it.
    pgdir = stack.workdir("ldn-load-pg-")
    drill = Drill("load")
    server = None
    started = time.monotonic()
    try:
        database_url = pg("start", pgdir)
        env = stack.production_env(workdir, database_url, DJANGO_LOG_LEVEL="INFO")
        stack.say(f"PostgreSQL at {database_url}; preparing (collectstatic, migrate) ...")
        stack.prepare(env)
        server = stack.Server(env=env, workdir=workdir).start()
        stack.say(f"gunicorn at {server.url} ({os.cpu_count()} cores)")
        result = load(server, drill, args.seconds, args.connections)
        privacy(server, drill, pgdir, database_url)
        database_outage(server, drill, pgdir)
        graceful_stop(server, drill, 16)
    finally:
        if server is not None:
            server.stop()
        subprocess.run([str(HERE / "pg_cluster.sh"), "stop", str(pgdir)], timeout=120, check=False)
        shutil.rmtree(workdir, ignore_errors=True)
        shutil.rmtree(pgdir, ignore_errors=True)

    stack.say(f"\nSummary ({time.monotonic() - started:.0f} s):")
    stack.say(
        f"   load: {result.requests_per_second:.1f} req/s, p50 {result.latency_ms.get('50', 0):.1f} ms, "
        f"p99 {result.latency_ms.get('99', 0):.1f} ms, {result.errors} errors"
    )
    if drill.failures:
        stack.say("   FAILED: " + "; ".join(drill.failures))
        return 1
    stack.say("   every check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

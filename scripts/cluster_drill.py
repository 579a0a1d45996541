"""The cluster drill: the production stack as a clinic runs it, on loopback, from deploy/.

PostgreSQL (scripts/pg_cluster.sh), Redis (deploy/redis/ldn-guide.conf), two gunicorn app
servers (deploy/systemd/ldn-guide@.service), nginx with TLS (deploy/nginx/ldn-guide.conf and
a throwaway self-signed certificate), releases put in service by deploy/release.sh. Each file
is rendered for free loopback ports and temporary folders; everything stops on exit.

It checks, under load from patients through nginx, and FAILS (exit 1) on any of:
1. A staff edit (a page title and a new opioid brand) saved inside a transaction held open
   for seconds reaches both servers' pages and API within seconds of the commit, and no
   answer is stale after that.
2. Redis stopped for 10 s: no 500 and no lost request; /readyz says the cache is down, then up.
3. PostgreSQL stopped: the friendly 503 (never a 500), /readyz 503 within 2 s, and recovery.
4. kill -9 of one app server, then a rolling restart (deploy/release.sh): no lost request.
5. An old and a new release side by side: every style sheet and script of every page is
   served by both servers and through nginx.

Run by .ci/run through scripts/cluster_drill.sh (which installs what is missing).
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import ssl
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import stack  # noqa: E402

DEPLOY = ROOT / "deploy"
VENV = ROOT / ".venv"
PYTHON = str(VENV / "bin" / "python")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
REDIS = shutil.which("redis-server") or "/usr/bin/redis-server"
NEW_BRAND = f"Zzdrillcodone{uuid.uuid4().hex[:6]}"
NEW_TITLE = f"Edited in the drill {uuid.uuid4().hex[:6]}"
# Seconds from a staff edit's commit to both servers showing it (the checker's index rebuild
# takes most of it, on 2 cores shared with the load).
FRESH_WITHIN = 10


def say(*parts) -> None:
    print(*parts, flush=True)


class Drill:
    def __init__(self):
        self.failures: list[str] = []
        self.figures: list[str] = []

    def check(self, ok: bool, message: str) -> bool:
        say(f"   {'ok  ' if ok else 'FAIL'} {message}")
        if not ok:
            self.failures.append(message)
        return ok

    def figure(self, text: str) -> None:
        say(f"   {text}")
        self.figures.append(text)


# --- Rendering deploy/ for loopback -------------------------------------------------------


def render(text: str, replacements: list[tuple[str, str]], name: str) -> str:
    for old, new in replacements:
        if old not in text:
            raise SystemExit(f"{name}: expected {old!r} in it; update the drill with the file")
        text = text.replace(old, new)
    return text


def read_env_file(path: Path) -> dict:
    env = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            env[key.strip()] = value.strip()
    return env


def unit_command(unit: Path, port: int, current: Path, env_file: Path) -> tuple[list, dict, str]:
    """ExecStart, environment and folder of a systemd unit, as systemd would run instance
    `port`: the unit's own lines, with /srv/ldn/current read as the drill's link."""
    service = unit.read_text().split("[Service]", 1)[1].split("\n[", 1)[0]
    lines = [line.strip() for line in service.splitlines() if "=" in line and line[0] != "#"]
    values: dict[str, list[str]] = {}
    for line in lines:
        key, _, value = line.partition("=")
        values.setdefault(key, []).append(value)

    def local(value: str) -> str:
        return value.replace("%i", str(port)).replace("/srv/ldn/current", str(current))

    assert values["EnvironmentFile"] == ["/etc/ldn-guide/env"], values["EnvironmentFile"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(read_env_file(env_file))
    for assignment in values.get("Environment", []):
        key, _, value = local(assignment).partition("=")
        env[key] = value
    argv = local(values["ExecStart"][0]).split()
    return argv, env, local(values["WorkingDirectory"][0])


# --- The app servers, by pid file (the release script restarts them through this file) ----


class Cluster:
    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.current = workdir / "current"
        self.env_file = workdir / "env"
        self.unit = DEPLOY / "systemd" / "ldn-guide@.service"
        self.logs = workdir / "logs"
        self.pids = workdir / "pids"

    def state(self) -> dict:
        return json.loads((self.workdir / "state.json").read_text())

    def pid_of(self, port: int) -> int | None:
        path = self.pids / f"gunicorn-{port}.pid"
        return int(path.read_text()) if path.exists() else None

    def start_instance(self, port: int) -> None:
        argv, env, cwd = unit_command(self.unit, port, self.current, self.env_file)
        output = open(self.logs / f"gunicorn-{port}.log", "ab")  # noqa: SIM115
        process = subprocess.Popen(
            argv, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
        (self.pids / f"gunicorn-{port}.pid").write_text(str(process.pid))

    def stop_instance(self, port: int, sig=signal.SIGTERM, timeout: float = 45) -> float:
        pid = self.pid_of(port)
        if pid is None:
            return 0.0
        started = time.monotonic()
        try:
            if sig == signal.SIGKILL:
                os.killpg(pid, signal.SIGKILL)  # the whole server: master and workers
            else:
                os.kill(pid, sig)
        except ProcessLookupError:
            pass
        while time.monotonic() - started < timeout and _alive(pid):
            time.sleep(0.05)
        if _alive(pid):
            os.killpg(pid, signal.SIGKILL)
        if sig == signal.SIGKILL:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
        _reap(pid)
        (self.pids / f"gunicorn-{port}.pid").unlink(missing_ok=True)
        return time.monotonic() - started

    def restart_instance(self, port: int) -> None:
        """What `systemctl restart ldn-guide@PORT` does: SIGTERM, wait, start."""
        self.stop_instance(port)
        self.start_instance(port)

    def stop_all(self) -> None:
        for path in self.pids.glob("gunicorn-*.pid"):
            self.stop_instance(int(path.stem.split("-")[1]), timeout=20)


def _alive(pid: int) -> bool:
    try:  # our own child: reap it if it has exited
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            return False
    except ChildProcessError:
        pass
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"  # a zombie has exited; its parent just has not reaped it yet


def _reap(pid: int) -> None:
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


# --- Talking to the stack -------------------------------------------------------------------


class Site:
    """HTTP to nginx (https, the throwaway certificate trusted) and to each app server direct."""

    def __init__(self, https_port: int, cafile: Path):
        self.https_port = https_port
        self.tls = ssl.create_default_context(cafile=str(cafile))
        self.origin = f"https://127.0.0.1:{https_port}"

    def via_nginx(self, timeout: float = 20) -> http.client.HTTPSConnection:
        return http.client.HTTPSConnection(
            "127.0.0.1", self.https_port, context=self.tls, timeout=timeout
        )

    def request(self, method, path, body=None, headers=None, *, port=None, timeout=20):
        """(status, body text, headers); port= asks one app server directly (as https)."""
        if port:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
            headers = {"X-Forwarded-Proto": "https", "Host": f"127.0.0.1:{self.https_port}"} | (
                headers or {}
            )
        else:
            connection = self.via_nginx(timeout)
        try:
            connection.request(method, path, body, headers or {})
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8", "replace"), response.headers
        finally:
            connection.close()


def api_body(names) -> str:
    return json.dumps({"medications": list(names)})


class Load:
    """Patients through nginx: topic pages, checker form posts and API calls, from several
    threads, until stopped. Every outcome is kept with its time."""

    def __init__(self, site: Site, topics: list[str], csrf: tuple[str, str], threads: int = 6):
        self.site, self.topics, self.csrf, self.threads = site, topics, csrf, threads
        self.outcomes: list[tuple[float, str, str]] = []  # (time, kind, status or error)
        self.bodies: dict[str, str] = {}
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._workers: list[threading.Thread] = []

    def _one(self, number: int, n: int) -> tuple[str, str, str]:
        cookie, token = self.csrf
        kind = ("page", "form", "api")[(number + n) % 3]
        if kind == "page":
            status, body, _ = self.site.request("GET", self.topics[n % len(self.topics)])
        elif kind == "form":
            status, body, _ = self.site.request(
                "POST",
                "/check/",
                urlencode(
                    [("csrfmiddlewaretoken", token), ("medicine", "Norco"), ("medicine", "wine")]
                ),
                {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": f"csrftoken={cookie}",
                    "Origin": self.site.origin,
                },
            )
        else:
            status, body, _ = self.site.request(
                "POST",
                "/api/check",
                api_body(["Norco 10/325", "ibuprofen"]),
                {"Content-Type": "application/json"},
            )
        return kind, str(status), body

    def _run(self, number: int) -> None:
        n = 0
        while not self._stop.is_set():
            n += 1
            try:
                kind, outcome, body = self._one(number, n)
            except (OSError, http.client.HTTPException) as error:
                kind, outcome, body = "?", f"error:{type(error).__name__}", ""
            with self._lock:
                self.outcomes.append((time.monotonic(), kind, outcome))
                self.bodies.setdefault(outcome, body)

    def __enter__(self) -> Load:
        self._workers = [
            threading.Thread(target=self._run, args=(i,), daemon=True) for i in range(self.threads)
        ]
        for worker in self._workers:
            worker.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        for worker in self._workers:
            worker.join(timeout=60)

    def counts(self) -> Counter:
        return Counter(outcome for _, _, outcome in self.outcomes)


def report_load(drill: Drill, name: str, load: Load, allowed: set[str]) -> None:
    counts = load.counts()
    total = sum(counts.values())
    bad = {outcome: n for outcome, n in counts.items() if outcome not in allowed}
    drill.figure(f"{name}: {total} requests through nginx, statuses {dict(counts)}")
    drill.check(total > 0, f"{name}: requests were made")
    drill.check(bad == {}, f"{name}: failures {sum(bad.values())} ({bad or 'none'})")


def wait_until(predicate, timeout: float, step: float = 0.1) -> float | None:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        try:
            if predicate():
                return time.monotonic() - started
        except (OSError, http.client.HTTPException):
            pass
        time.sleep(step)
    return None


# --- The drill ------------------------------------------------------------------------------


def make_certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            "-keyout", str(key), "-out", str(cert),
        ],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return cert, key


def start_redis(workdir: Path, port: int) -> subprocess.Popen:
    folder = workdir / "redis"
    folder.mkdir()
    conf = render(
        (DEPLOY / "redis" / "ldn-guide.conf").read_text(),
        [("port 6379", f"port {port}")],
        "deploy/redis/ldn-guide.conf",
    )
    conf += f'\ndir {folder}\ndaemonize no\nlogfile "{folder / "redis.log"}"\n'
    (folder / "redis.conf").write_text(conf)
    process = subprocess.Popen([REDIS, str(folder / "redis.conf")], start_new_session=True)
    if wait_until(lambda: _redis_ping(port), 20) is None:
        raise SystemExit("redis-server did not start")
    return process


def _redis_ping(port: int) -> bool:
    import socket

    with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
        sock.sendall(b"PING\r\n")
        return sock.recv(64).startswith(b"+PONG")


def start_nginx(workdir: Path, https_port, http_port, app_ports, cert, key) -> subprocess.Popen:
    folder = workdir / "nginx"
    for sub in ("cache", "tmp"):
        (folder / sub).mkdir(parents=True)
    site = render(
        (DEPLOY / "nginx" / "ldn-guide.conf").read_text(),
        [
            ("listen 80;", f"listen 127.0.0.1:{http_port};"),
            ("listen [::]:80;", ""),
            ("listen 443 ssl;", f"listen 127.0.0.1:{https_port} ssl;"),
            ("listen [::]:443 ssl;", ""),
            ("server 127.0.0.1:8001 ", f"server 127.0.0.1:{app_ports[0]} "),
            ("server 127.0.0.1:8002 ", f"server 127.0.0.1:{app_ports[1]} "),
            ("/var/cache/nginx/ldn-guide", str(folder / "cache")),
            ("/var/log/nginx/ldn-guide.access.log", str(folder / "access.log")),
            ("/etc/letsencrypt/live/clinic.example.org/fullchain.pem", str(cert)),
            ("/etc/letsencrypt/live/clinic.example.org/privkey.pem", str(key)),
            ("server_name clinic.example.org;", "server_name 127.0.0.1 localhost;"),
        ],
        "deploy/nginx/ldn-guide.conf",
    )
    (folder / "site.conf").write_text(site)
    temp = "\n".join(
        f"  {kind}_temp_path {folder / 'tmp' / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    user = "user root;\n" if os.geteuid() == 0 else ""
    (folder / "nginx.conf").write_text(
        f"{user}worker_processes 1;\npid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'error.log'} warn;\nevents {{ worker_connections 512; }}\n"
        f"http {{\n  include /etc/nginx/mime.types;\n{temp}\n  include {folder / 'site.conf'};\n}}\n"
    )
    base = [NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf")]
    test = subprocess.run([*base, "-t"], capture_output=True, text=True, timeout=30)
    if test.returncode != 0:
        raise SystemExit(f"nginx -t failed:\n{test.stderr}")
    return subprocess.Popen([*base, "-g", "daemon off;"], start_new_session=True)


def release(cluster: Cluster, release_dir: Path, ports: list[int], env_extra=None) -> float:
    """deploy/release.sh, restarting instances through this drill (as systemctl would)."""
    started = time.monotonic()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(
        LDN_ENV_FILE=str(cluster.env_file),
        LDN_CURRENT=str(cluster.current),
        LDN_INSTANCES=" ".join(str(p) for p in ports),
        LDN_RESTART=f"{PYTHON} {HERE / 'cluster_drill.py'} --restart {cluster.workdir} {{}}",
        LDN_SKIP_VENV="1",
        LDN_PYTHON=PYTHON,
        **(env_extra or {}),
    )
    subprocess.run(
        [str(DEPLOY / "release.sh"), str(release_dir)],
        env=env, check=True, timeout=600, stdout=sys.stdout, stderr=sys.stderr,
    )  # fmt: skip
    return time.monotonic() - started


def copy_release(target: Path) -> Path:
    """A second release: this checkout's files, with a changed style sheet (so its hashed
    name differs), sharing the virtualenv."""
    names = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-z"], capture_output=True, check=True, timeout=60
    ).stdout.split(b"\0")
    for name in filter(None, names):
        source = ROOT / name.decode()
        if source.is_file():
            destination = target / name.decode()
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination)
    with open(target / "static" / "css" / "app.css", "a") as css:
        css.write("\n/* the drill's new release */\n")
    (target / ".venv").symlink_to(VENV)
    return target


def staff_edit(cluster: Cluster, topic_slug: str, hold_seconds: float) -> float:
    """A staff edit inside one transaction held open for `hold_seconds`: the page's title and a
    new opioid brand. Returns the time of the commit (time.monotonic in this process)."""
    code = f"""
import time
from django.db import transaction
from checker.models import Ingredient, Name
from education.models import Topic
with transaction.atomic():
    topic = Topic.objects.get(slug={topic_slug!r})
    topic.title = {NEW_TITLE!r}
    topic.save()
    brand = Name.objects.create(name={NEW_BRAND!r}, kind="brand")
    brand.ingredients.add(Ingredient.objects.get(name="hydrocodone"))
    print("saved", flush=True)
    time.sleep({hold_seconds})
print("committed", flush=True)
"""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(read_env_file(cluster.env_file))
    process = subprocess.Popen(
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=cluster.current, env=env, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    committed = None
    for line in process.stdout:
        if line.strip() == "committed":
            committed = time.monotonic()
    process.wait(timeout=60)
    if process.returncode != 0 or committed is None:
        raise SystemExit("the staff edit failed")
    return committed


def phase_edit(drill, cluster, site, ports, topic, load_args):
    say("\n== 1. A staff edit inside a transaction, while patients read both servers")
    seen: dict[int, dict] = {
        port: {"fresh_at": None, "page_at": None, "api_at": None, "stale_after": 0}
        for port in ports
    }
    stop = threading.Event()
    commit = {"at": None}

    def watch(port: int) -> None:
        while not stop.is_set():
            status, page, _ = site.request("GET", topic, port=port)
            page_seen = time.monotonic()
            status_api, answer, _ = site.request(
                "POST", "/api/check", api_body([NEW_BRAND]),
                {"Content-Type": "application/json"}, port=port,
            )  # fmt: skip
            now = time.monotonic()
            if status != 200 or status_api != 200:
                continue
            severity = json.loads(answer)["results"][0]["severity"]
            fresh = NEW_TITLE in page and severity == "avoid"
            state = seen[port]
            if commit["at"] is None:
                if NEW_TITLE in page or severity == "avoid":
                    state["early"] = True  # an uncommitted edit must not show
                continue
            if NEW_TITLE in page and state["page_at"] is None:
                state["page_at"] = page_seen
            if severity == "avoid" and state["api_at"] is None:
                state["api_at"] = now
            if fresh and state["fresh_at"] is None:
                state["fresh_at"] = now
            elif not fresh and state["fresh_at"] is not None:
                state["stale_after"] += 1

    with Load(*load_args) as load:
        watchers = [threading.Thread(target=watch, args=(p,), daemon=True) for p in ports]
        for watcher in watchers:
            watcher.start()
        time.sleep(1)
        commit["at"] = staff_edit(cluster, topic.strip("/").split("/")[-1], hold_seconds=3)
        wait_until(lambda: all(s["fresh_at"] for s in seen.values()), 20)
        time.sleep(6)  # and it stays fresh
        stop.set()
        for watcher in watchers:
            watcher.join(timeout=30)

    def after_commit(moment):
        return None if moment is None else round(moment - commit["at"], 2)

    for port in ports:
        state = seen[port]
        delay = after_commit(state["fresh_at"])
        drill.figure(
            f"server {port}: fresh {delay} s after the commit (page title after "
            f"{after_commit(state['page_at'])} s, the new brand read as an opioid after "
            f"{after_commit(state['api_at'])} s: the checker rebuilds its index)"
        )
        drill.check(
            delay is not None and delay <= FRESH_WITHIN,
            f"server {port} fresh within {FRESH_WITHIN} s",
        )
        drill.check(
            state["stale_after"] == 0,
            f"server {port} never stale after it was fresh ({state['stale_after']} stale answers)",
        )
        drill.check(not state.get("early"), f"server {port} showed nothing before the commit")
    report_load(drill, "edit", load, {"200"})


def phase_redis(drill, site, ports, load_args, redis_holder, workdir, redis_port):
    say("\n== 2. Redis stopped for 10 s under load")
    readiness: list[tuple[float, str]] = []
    stop = threading.Event()

    def poll():
        while not stop.is_set():
            try:
                _, body, _ = site.request("GET", "/readyz", port=ports[0], timeout=5)
                readiness.append((time.monotonic(), body))
            except OSError:
                pass
            time.sleep(0.1)

    poller = threading.Thread(target=poll, daemon=True)
    with Load(*load_args) as load:
        poller.start()
        time.sleep(3)
        stopped_at = time.monotonic()
        redis_holder["process"].send_signal(signal.SIGTERM)
        redis_holder["process"].wait(timeout=30)
        time.sleep(10)
        restarted_at = time.monotonic()
        redis_holder["process"] = start_redis_again(workdir, redis_port)
        back = wait_until(
            lambda: "cache: ok" in site.request("GET", "/readyz", port=ports[0])[1], 20
        )
        time.sleep(2)
        stop.set()
        poller.join(timeout=10)
    down = [t for t, body in readiness if stopped_at < t < restarted_at and "unavailable" in body]
    drill.check(bool(down), "/readyz said 'cache: unavailable' while Redis was down")
    drill.figure(f"cache back in /readyz {back if back is None else round(back, 2)} s after Redis")
    drill.check(back is not None, "the cache is used again once Redis is back")
    during = Counter(o for t, _, o in load.outcomes if stopped_at <= t <= restarted_at)
    drill.figure(f"redis: {sum(during.values())} requests while Redis was down: {dict(during)}")
    report_load(drill, "redis", load, {"200"})


def start_redis_again(workdir: Path, port: int) -> subprocess.Popen:
    folder = workdir / "redis"
    process = subprocess.Popen([REDIS, str(folder / "redis.conf")], start_new_session=True)
    wait_until(lambda: _redis_ping(port), 20)
    return process


def phase_postgres(drill, site, ports, load_args, pgdir):
    say("\n== 3. PostgreSQL stopped under load, then back")
    health: list[tuple[float, int]] = []
    stop = threading.Event()

    def poll():
        while not stop.is_set():
            try:
                status, _, _ = site.request("GET", "/readyz", port=ports[1], timeout=5)
                health.append((time.monotonic(), status))
            except OSError:
                health.append((time.monotonic(), 0))
            time.sleep(0.05)

    poller = threading.Thread(target=poll, daemon=True)
    with Load(*load_args) as load:
        poller.start()
        time.sleep(2)
        stopped_at = time.monotonic()
        pg("stop", pgdir)
        time.sleep(3)
        code, body, _ = site.request("GET", "/learn/a-page-that-needs-the-database/")
        drill.check(
            code == 503 and "not available right now" in body,
            f"a page that needs the database: {code}, the friendly 503 page",
        )
        time.sleep(3)
        pg("start-again", pgdir)
        back = wait_until(
            lambda: all(
                site.request("GET", "/readyz", port=p)[0] == 200
                and site.request("GET", "/learn/a-page-that-needs-the-database/", port=p)[0] == 404
                for p in ports
            ),
            30,
        )
        time.sleep(2)
        stop.set()
        poller.join(timeout=10)
    down = [t for t, code in health if t >= stopped_at and code == 503]
    delay = (down[0] - stopped_at) if down else None
    drill.figure(f"/readyz said 503 {delay if delay is None else round(delay, 2)} s after the stop")
    drill.check(delay is not None and delay <= 2, "/readyz said 503 within 2 s")
    drill.figure(
        f"recovered {back if back is None else round(back, 2)} s after PostgreSQL returned"
    )
    drill.check(back is not None, "both servers recovered when the database returned")
    report_load(drill, "postgres", load, {"200", "503"})
    friendly = load.bodies.get("503", "not available right now")
    drill.check("not available right now" in friendly, "every 503 was the friendly page")


def phase_kill(drill, cluster, site, ports, load_args):
    say(f"\n== 4a. kill -9 of the app server on port {ports[0]} under load")
    with Load(*load_args) as load:
        time.sleep(3)
        cluster.stop_instance(ports[0], signal.SIGKILL)
        killed_at = time.monotonic()
        time.sleep(3)
        cluster.start_instance(ports[0])  # systemd's Restart=always
        back = wait_until(lambda: site.request("GET", "/readyz", port=ports[0])[0] == 200, 60)
        time.sleep(3)
    drill.figure(f"killed server answered again {round(time.monotonic() - killed_at, 1)} s later")
    drill.check(back is not None, "the killed server came back")
    report_load(drill, "kill -9", load, {"200"})


def stylesheets(site: Site, paths: list[str], rounds: int = 4) -> set[str]:
    found = set()
    for _ in range(rounds):  # nginx takes turns: each round reaches the other server
        for path in paths:
            _, html, _ = site.request("GET", path)
            found.update(re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html))
            found.update(re.findall(r'<script[^>]+src="([^"]+)"', html))
    return found


def phase_rollout(drill, cluster, site, ports, load_args, new_release, pages):
    say("\n== 4b/5. A rolling release (deploy/release.sh) under load, old and new side by side")
    before = stylesheets(site, pages)
    with Load(*load_args) as load:
        seconds = release(cluster, new_release, ports[:1])
        drill.figure(f"release.sh (prepare + restart one server): {seconds:.1f} s")
        side_by_side = stylesheets(site, pages)
        new_files = side_by_side - before
        drill.figure(
            f"side by side: {len(side_by_side)} style sheets and scripts linked "
            f"({len(new_files)} only by the new release)"
        )
        drill.check(bool(new_files), "the new release links its own (new) style sheet")
        drill.check(before <= side_by_side, "the old release's pages are still served")
        missing = []
        for url in sorted(side_by_side):
            for port in (*ports, None):
                status, body, headers = site.request("GET", url, port=port)
                kind = headers.get("Content-Type", "")
                if status != 200 or not kind.startswith(
                    ("text/css", "text/javascript", "application/javascript")
                ):
                    missing.append(f"{url} from {port or 'nginx'}: {status} {kind}")
        drill.check(missing == [], f"every style sheet and script from both servers ({missing})")
        seconds = release(cluster, new_release, ports[1:])
        drill.figure(f"release.sh (restart the other server): {seconds:.1f} s")
        time.sleep(2)
    after = stylesheets(site, pages, rounds=2)
    drill.check(
        new_files <= after and bool(before - after),
        "both servers on the new release (the old style sheet is no longer linked)",
    )
    report_load(drill, "rolling release", load, {"200"})


def pg(command: str, pgdir: Path) -> str:
    return subprocess.run(
        [str(HERE / "pg_cluster.sh"), command, str(pgdir)],
        check=True, capture_output=True, text=True, timeout=120,
    ).stdout.strip()  # fmt: skip


def main() -> int:
    started = time.monotonic()
    workdir = Path(stack.workdir("ldn-cluster-"))
    os.chmod(workdir, 0o755)  # noqa: S103  (nginx's and PostgreSQL's users read below it)
    pgdir = Path(stack.workdir("ldn-cluster-pg-"))
    cluster = Cluster(workdir)
    cluster.logs.mkdir()
    cluster.pids.mkdir()
    drill = Drill()
    redis_holder: dict = {}
    nginx = None
    try:
        database_url = pg("start", pgdir)
        redis_port, https_port, http_port = stack.free_port(), stack.free_port(), stack.free_port()
        ports = [stack.free_port(), stack.free_port()]
        redis_holder["process"] = start_redis(workdir, redis_port)
        cert, key = make_certificate(workdir)
        cluster.env_file.write_text(
            "\n".join(
                f"{key}={value}"
                for key, value in {
                    "DJANGO_DEBUG": "0",
                    "DJANGO_HTTPS": "1",
                    "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
                    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
                    "DATABASE_URL": database_url,
                    "DJANGO_CACHE_URL": f"redis://127.0.0.1:{redis_port}/0",
                    "DJANGO_CLIENT_IP_HEADER": "X-Real-IP",
                    "DJANGO_CHECK_RATE_LIMIT": "100000",  # counted, never reached
                    "DJANGO_STATIC_RELEASES_DIR": str(workdir / "static"),
                    "GUNICORN_WORKERS": "2",
                }.items()
            )
            + "\n"
        )
        (workdir / "state.json").write_text(json.dumps({"ports": ports}))
        say(
            f"PostgreSQL {database_url}, Redis :{redis_port}, app servers :{ports}, nginx :{https_port}"
        )
        say("\n== 0. First release (deploy/release.sh: checks, collectstatic, migrate)")
        cluster.current.symlink_to(ROOT)
        release(cluster, ROOT, [])
        for port in ports:
            cluster.start_instance(port)
        site = Site(https_port, cert)
        for port in ports:
            if (
                wait_until(lambda p=port: site.request("GET", "/readyz", port=p)[0] == 200, 90)
                is None
            ):
                raise SystemExit(f"the app server on {port} did not become ready")
        nginx = start_nginx(workdir, https_port, http_port, ports, cert, key)
        if wait_until(lambda: site.request("GET", "/livez")[0] == 200, 20) is None:
            raise SystemExit("nginx did not answer")
        new_release = copy_release(workdir / "releases" / "drill-new-release")

        status, _, headers = site.request("GET", "/")
        plain = http.client.HTTPConnection("127.0.0.1", http_port, timeout=10)
        plain.request("GET", "/learn/")
        redirect = plain.getresponse()
        drill.check(
            status == 200 and "max-age" in headers.get("Strict-Transport-Security", ""),
            "https through nginx with HSTS",
        )
        drill.check(
            redirect.status == 301 and redirect.headers["Location"].startswith("https://"),
            "plain http is sent to https",
        )
        plain.close()
        big = site.request(
            "POST", "/api/check", "x" * (2 * 1024 * 1024), {"Content-Type": "application/json"}
        )[0]
        drill.check(big == 413, f"a 2 MB body is refused by nginx ({big})")

        _, learn, _ = site.request("GET", "/learn/")
        topics = sorted(set(re.findall(r'href="(/learn/[a-z0-9-]+/)"', learn)))
        _, check_page, check_headers = site.request("GET", "/check/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', check_page).group(1)
        cookie = re.search(r"csrftoken=([^;]+)", check_headers.get("Set-Cookie", "")).group(1)
        load_args = (site, topics, (cookie, token))
        pages = ["/", "/learn/", topics[0], "/check/", "/checklist/", "/sources/"]

        phase_edit(drill, cluster, site, ports, topics[-1], load_args)
        phase_redis(drill, site, ports, load_args, redis_holder, workdir, redis_port)
        phase_postgres(drill, site, ports, load_args, pgdir)
        phase_kill(drill, cluster, site, ports, load_args)
        phase_rollout(drill, cluster, site, ports, load_args, new_release, pages)
    except Exception as error:  # a broken step is a failed drill, with its reason
        drill.check(False, f"the drill could not go on: {type(error).__name__}: {error}")
        for log in sorted(cluster.logs.glob("*.log")):
            say(f"--- {log.name} (last lines)\n" + "\n".join(log.read_text().splitlines()[-15:]))
    finally:
        cluster.stop_all()
        if nginx is not None:
            nginx.terminate()
            nginx.wait(timeout=30)
        if redis_holder.get("process"):
            redis_holder["process"].terminate()
            redis_holder["process"].wait(timeout=30)
        subprocess.run([str(HERE / "pg_cluster.sh"), "stop", str(pgdir)], timeout=120, check=False)
        shutil.rmtree(workdir, ignore_errors=True)
        shutil.rmtree(pgdir, ignore_errors=True)

    say(f"\nCluster drill summary ({time.monotonic() - started:.0f} s):")
    for figure in drill.figures:
        say(f"   {figure}")
    if drill.failures:
        say(f"   FAILED ({len(drill.failures)}): " + "; ".join(drill.failures))
        return 1
    say("   every check passed")
    return 0


def restart_command(workdir: str, port: str) -> int:
    """`cluster_drill.py --restart WORKDIR PORT`: the drill's `systemctl restart`."""
    cluster = Cluster(Path(workdir))
    cluster.restart_instance(int(port))
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--restart":
        sys.exit(restart_command(sys.argv[2], sys.argv[3]))
    sys.exit(main())

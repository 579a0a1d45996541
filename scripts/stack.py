"""Shared by scripts/bench_http.py and scripts/loadtest.py: run the production stack
(gunicorn, debug off, hashed static files) on a free loopback port, and run wrk against it.

Everything stays on 127.0.0.1 and every process is bounded in time and stopped afterwards.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The virtualenv this runs in (make's .venv/bin/python), so gunicorn is the pinned one.
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
WRK = "/usr/bin/wrk"

# Five entries of the kinds patients type: brand, generic with dose, OTC, drink, supplement.
FIVE_ENTRIES = ["Norco 10/325", "ibuprofen 200 mg", "Tylenol", "wine", "vitamin D"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(workdir: Path, database_url: str | None = None, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_HTTPS="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_CHECK_RATE_LIMIT="0",  # load runs measure the site, not the limit
        DJANGO_CACHE_URL=f"file://{workdir / 'cache'}",
        DATABASE_URL=database_url or f"sqlite:///{workdir / 'db.sqlite3'}",
    )
    env.update(extra)
    return env


def prepare(env: dict) -> None:
    """collectstatic, migrate and load_content, as `make serve` does."""
    for args in (
        ["collectstatic", "--noinput", "-v0"],
        ["migrate", "--noinput", "-v0"],
        ["load_content", "-v0"],
        ["createcachetable"],
    ):
        subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, timeout=600)


@dataclass
class Server:
    env: dict
    workdir: Path
    port: int = field(default_factory=free_port)
    workers: int | None = None
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def access_log(self) -> Path:
        return self.workdir / "gunicorn-access.log"

    @property
    def error_log(self) -> Path:
        return self.workdir / "gunicorn-error.log"

    def start(self, timeout: float = 60) -> Server:
        env = dict(self.env)
        env.update(
            GUNICORN_BIND=f"127.0.0.1:{self.port}",
            GUNICORN_ACCESS_LOG=str(self.access_log),
            GUNICORN_ERROR_LOG=str(self.error_log),
        )
        if self.workers:
            env["GUNICORN_WORKERS"] = str(self.workers)
        self.output = open(self.workdir / "gunicorn-output.log", "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            [GUNICORN, "-c", "gunicorn.conf.py", "ldn_site.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=self.output,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: see {self.workdir}")
            try:
                if status(f"{self.url}/healthz") == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not answer /healthz in time")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 40) -> float:
        """Stop gunicorn; return how long it took to exit."""
        if self.process is None or self.process.poll() is not None:
            return 0.0
        started = time.monotonic()
        self.process.send_signal(sig)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self.output.close()
        return time.monotonic() - started


def status(url: str, timeout: float = 5) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def fetch(url: str, timeout: float = 5) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def csrf_pair(base_url: str) -> tuple[str, str]:
    """The csrftoken cookie and a form token from the checker page, for scripted posts."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(f"{base_url}/check/", timeout=10) as response:
        html = response.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    cookie = next(c.value for c in jar if c.name == "csrftoken")
    return cookie, token


def topic_paths(base_url: str) -> list[str]:
    _, html = fetch(f"{base_url}/learn/")
    return sorted(set(re.findall(r'href="(/learn/[a-z0-9-]+/)"', html)))


@dataclass
class WrkResult:
    requests_per_second: float
    requests: int
    latency_ms: dict[str, float]
    non_2xx: int
    socket_errors: int
    statuses: dict[str, int]
    raw: str

    @property
    def errors(self) -> int:
        return self.non_2xx + self.socket_errors


def _ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(
    url: str,
    *,
    seconds: int,
    connections: int,
    threads: int = 2,
    script: Path | None = None,
    script_env: dict | None = None,
) -> WrkResult:
    command = [
        WRK,
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--latency",
        "--timeout",
        "10s",
    ]
    if script:
        command += ["-s", str(script)]
    command.append(url)
    env = {**os.environ, **(script_env or {})}
    output = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + 60, env=env, check=True
    ).stdout
    latency = {
        pct: _ms(value) for pct, value in re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", output, re.M)
    }
    socket_errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    statuses = {}
    match = re.search(r"^STATUSES (\{.*\})$", output, re.M)
    if match:
        statuses = json.loads(match.group(1))
    return WrkResult(
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        requests=int(re.search(r"(\d+) requests in", output).group(1)),
        latency_ms=latency,
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=socket_errors,
        statuses=statuses,
        raw=output,
    )


def workdir(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=prefix))


def say(*parts) -> None:
    print(*parts, flush=True)
    sys.stdout.flush()

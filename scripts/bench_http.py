"""HTTP speed of the production stack on loopback: requests per second of a topic page and
of POST /api/check with five entries, each as a ratio to /healthz measured in the same run.

    .venv/bin/python scripts/bench_http.py [--seconds 10] [--connections 16]

Targets: page >= 0.7 x healthz, API >= 0.4 x healthz, no errors. Exit status 1 if missed.
gunicorn (gunicorn.conf.py, debug off, hashed static files, file cache, SQLite in a temporary
folder) and wrk share this machine's cores, so the ratios matter more than the raw numbers.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stack  # noqa: E402

TARGETS = {"topic page": 0.7, "POST /api/check (5 entries)": 0.4}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()

    workdir = stack.workdir("ldn-bench-")
    env = stack.production_env(workdir)
    server = stack.Server(env=env, workdir=workdir, workers=args.workers)
    try:
        stack.say("Preparing (collectstatic, migrate) ...")
        stack.prepare(env)
        server.start()
        topic = stack.topic_paths(server.url)[0]
        api_env = {"LDN_API_BODY": json.dumps({"medications": stack.FIVE_ENTRIES})}
        api_script = Path(__file__).resolve().parent / "wrk_api.lua"
        runs = {
            "/healthz": dict(url=f"{server.url}/healthz"),
            "topic page": dict(url=f"{server.url}{topic}"),
            "POST /api/check (5 entries)": dict(
                url=f"{server.url}/api/check", script=api_script, script_env=api_env
            ),
        }
        # Warm every worker: the checker builds its index and pages enter the cache.
        for run in runs.values():
            stack.wrk(seconds=3, connections=args.connections, **run)
        results = {
            name: stack.wrk(seconds=args.seconds, connections=args.connections, **run)
            for name, run in runs.items()
        }
    finally:
        server.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    base = results["/healthz"].requests_per_second
    failed = False
    stack.say(
        f"\n{'what':32} {'req/s':>9} {'ratio':>6} {'target':>7} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}"
    )
    for name, result in results.items():
        ratio = result.requests_per_second / base
        target = TARGETS.get(name)
        ok = result.errors == 0 and (target is None or ratio >= target)
        failed |= not ok
        stack.say(
            f"{name:32} {result.requests_per_second:9.1f} {ratio:6.2f} "
            f"{(f'>={target}' if target else ''):>7} {result.latency_ms.get('50', 0):8.1f} "
            f"{result.latency_ms.get('99', 0):8.1f} {result.errors:7d} {'' if ok else ' <- MISSED'}"
        )
    stack.say(
        f"\n{args.connections} connections, {args.seconds} s each, {topic} as the topic page."
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

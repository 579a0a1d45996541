"""How long the test suite takes now, beside the suite as it was before issue 10.

All four runs happen in this one call, one after the other, on this machine with this
virtualenv, so the ratios are fair; run it on a quiet machine (the absolute seconds are not
comparable across machines, and other work on the cores skews both):

    .venv/bin/python scripts/bench_suite.py [BASE_REF]    (default 2b7acac: main before 9 and 10)

Each suite is timed in two parts, the fast tests and the real-browser tests, each as its
Makefile ran it: before issue 10 everything ran in one process (`pytest`); now `make test` spreads
both parts over the cores (pytest-xdist, one worker per core). The suites hold different tests
(the new one has more), so seconds per test are shown too.
"""

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTEST = str(ROOT / ".venv" / "bin" / "pytest")


def run(label, cwd, *args):
    started = time.monotonic()
    done = subprocess.run(
        [PYTEST, "-p", "no:cacheprovider", "-q", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    seconds = time.monotonic() - started
    lines = done.stdout.strip().splitlines() or done.stderr.strip().splitlines() or ["(no output)"]
    last = lines[-1]
    if done.returncode != 0:
        print(done.stdout[-3000:], done.stderr[-2000:], file=sys.stderr)
    found = re.search(r"(\d+) passed", last)
    passed = int(found.group(1)) if found else 0
    per_test = seconds / passed if passed else float("nan")
    print(f"{label:<26} {seconds:7.1f} s  {passed:5d} tests  {per_test:5.2f} s/test", flush=True)
    return seconds, passed


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else "2b7acac"
    with tempfile.TemporaryDirectory(prefix="ldn-bench-suite-") as tmp:
        old = Path(tmp) / "old"
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(old), base],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        try:
            print(f"{'suite':<26} {'wall':>9}  {'count':>11}  {'per test':>10}")
            old_fast = run(f"before ({base}): fast", old, "-m", "not browser")
            old_browser = run(f"before ({base}): browser", old, "-m", "browser")
            new_fast = run("now: fast, parallel", ROOT, "-n", "auto", "-m", "not browser")
            new_browser = run("now: browser, parallel", ROOT, "-n", "auto", "-m", "browser")
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(old)], cwd=ROOT, capture_output=True
            )
    for label, before, after in (
        ("fast tests", old_fast, new_fast),
        ("browser tests", old_browser, new_browser),
        (
            "whole suite",
            (old_fast[0] + old_browser[0], old_fast[1] + old_browser[1]),
            (new_fast[0] + new_browser[0], new_fast[1] + new_browser[1]),
        ),
    ):
        (s0, n0), (s1, n1) = before, after
        print(
            f"{label}: before {s0:.0f} s for {n0} tests, now {s1:.0f} s for {n1}: "
            f"{s1 / s0:.2f} of the time, {(s1 / n1) / (s0 / n0):.2f} of the time per test"
        )


if __name__ == "__main__":
    main()

"""How heavy and how slow the pages are on a slow phone: the production stack on loopback,
loaded in Debian's Chromium throttled through the DevTools protocol to slow 3G (400 kbit/s
down and up, 400 ms round trip) and a 4x slower CPU, with an empty cache each time.

    .venv/bin/python scripts/bench_weight.py [--runs 3] [--root PATH] [--json FILE]

For the home page and /check/ it prints the median of the runs: time to the load event, the
bytes sent for the page itself (its HTML, as compressed on the wire) and for everything the
page loaded. Targets (issue 13): home <= 1.5 s and /check/ <= 2.0 s to the load event,
/check/ <= 30 KB as sent. Exit status 1 if one is missed.

--root runs another copy of the site (e.g. `git archive main | tar -x -C /tmp/before`) with
this script, to compare two versions on the same machine.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import stack  # noqa: E402

# Chrome DevTools' own "Slow 3G" figures, as the issue states them.
NETWORK = {
    "offline": False,
    "latency": 400,  # ms from a request sent to its response starting
    "downloadThroughput": 400 * 1000 / 8,  # bytes per second
    "uploadThroughput": 400 * 1000 / 8,
}
CPU_SLOWDOWN = 4
PHONE = {"width": 375, "height": 800}

PAGES = {"home": "/", "checker": "/check/"}
TARGETS = {
    ("home", "load_s"): 1.5,
    ("checker", "load_s"): 2.0,
    ("checker", "html_kb"): 30.0,
}


def measure(browser, url: str) -> dict:
    """One cold load of the page: seconds to the load event, KB of its HTML and of all."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", NETWORK)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    sent: dict[str, float] = {}
    urls: dict[str, str] = {}
    cdp.on(
        "Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"])
    )
    cdp.on(
        "Network.loadingFinished",
        lambda e: sent.__setitem__(e["requestId"], e["encodedDataLength"]),
    )
    page.goto(url, wait_until="load", timeout=60_000)
    load = page.evaluate(
        "() => { const n = performance.getEntriesByType('navigation')[0];"
        " return n.loadEventEnd - n.startTime; }"
    )
    page.wait_for_load_state("networkidle", timeout=60_000)
    document = next(
        (sent[rid] for rid, address in urls.items() if address == url and rid in sent), 0
    )
    result = {
        "load_s": round(load / 1000, 3),
        "html_kb": round(document / 1024, 1),
        "total_kb": round(sum(sent.values()) / 1024, 1),
        "requests": len(sent),
    }
    context.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--root", type=Path, default=None, help="another copy of the site")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    if args.root:
        stack.ROOT = args.root.resolve()

    from playwright.sync_api import sync_playwright

    from tests.browser.chromium import launch_chromium

    workdir = stack.workdir("ldn-weight-")
    env = stack.production_env(workdir)
    server = stack.Server(env=env, workdir=workdir, workers=2)
    figures: dict[str, dict] = {}
    try:
        stack.say(f"Preparing {stack.ROOT} (collectstatic, migrate) ...")
        stack.prepare(env)
        server.start()
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            try:
                for name, path in PAGES.items():
                    measure(browser, server.url + path)  # warm the server, not the browser
                    runs = [measure(browser, server.url + path) for _ in range(args.runs)]
                    figures[name] = {
                        key: statistics.median(run[key] for run in runs) for key in runs[0]
                    }
                    figures[name]["runs"] = runs
            finally:
                browser.close()
    finally:
        server.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    print(
        f"\nSlow 3G (400 kbit/s, 400 ms), CPU x{CPU_SLOWDOWN}, cold cache, median of {args.runs}:"
    )
    print(f"{'page':10} {'load (s)':>9} {'HTML (KB)':>10} {'all (KB)':>9} {'requests':>9}")
    for name, got in figures.items():
        print(
            f"{name:10} {got['load_s']:>9.2f} {got['html_kb']:>10.1f} {got['total_kb']:>9.1f}"
            f" {got['requests']:>9.0f}"
        )
    missed = [
        f"{page} {key} {figures[page][key]} > {limit}"
        for (page, key), limit in TARGETS.items()
        if figures[page][key] > limit
    ]
    print("Targets: home <= 1.5 s, /check/ <= 2.0 s to load, /check/ HTML <= 30 KB as sent.")
    print("All targets met." if not missed else "MISSED: " + "; ".join(missed))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())

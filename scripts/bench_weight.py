"""How heavy and how slow the pages are on a slow phone, and how long the results are: the
production stack on loopback, loaded in Debian's Chromium.

    .venv/bin/python scripts/bench_weight.py [--runs 3] [--before main] [--json FILE]

Speed: home and /check/ throttled through the DevTools protocol to slow 3G (400 kbit/s down
and up, 400 ms round trip) and a 4x slower CPU. Each run is a new browser profile (cold cache);
the same page is then opened again in that profile (warm). For /check/ the script also types in
the first box, as a patient does, which fetches the name suggestions; on the warm visit they
must come from the cache. It prints the median of the runs: time to the load event, the bytes
sent for the page itself (its HTML, compressed on the wire) and for everything it loaded.

Length (not throttled): ten medicines of the kinds patients list, checked, at 375 and 1280 px:
page height in px and in 800 px phone screens, words of the results, where the last "Do not take
together" name sits below the results heading; the pages the results print on (A4, Letter);
the pages the checklist prints on with those ten and with fifteen long names (Letter, A4).

Targets (issue 13): home <= 1.5 s and /check/ <= 2.0 s to the load event, cold; /check/ <=
30 KB as sent; ten medicines <= 6,000 px tall at 375 px, <= 700 words of results; the checklist
with fifteen long names on 2 pages. Exit status 1 if one is missed.

--before REF runs a second copy of the site (a git ref of this repository, e.g. main, or a
folder) in the same run, measured in turn with this one, and prints the two side by side.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
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
DESKTOP = {"width": 1280, "height": 900}

PAGES = {"home": "/", "checker": "/check/"}

# Ten medicines of the kinds patients list (the browser tests' list): four opioids, one typo.
TEN = [
    "Norco 10/325",
    "oxycodon",
    "Advil 200 mg",
    "wine",
    "metformin 500 mg",
    "Vitamin D",
    "sertraline 50 mg",
    "Lomotil",
    "lisinopril 10 mg",
    "tramadol 50mg",
]
LONG_NAMES = [
    "hydrocodone bitartrate and acetaminophen 10 mg/325 mg tablets",
    "oxycodone hydrochloride extended-release 20 mg tablets twice daily",
    "ibuprofen 800 mg tablets three times a day with food",
    "metformin hydrochloride extended-release 500 mg tablets",
    "lisinopril and hydrochlorothiazide 20 mg/12.5 mg tablets",
    "sertraline hydrochloride 100 mg tablets every morning",
    "gabapentin 300 mg capsules three times a day",
    "atorvastatin calcium 40 mg tablets at bedtime",
    "levothyroxine sodium 75 mcg tablets before breakfast",
    "tramadol hydrochloride and acetaminophen 37.5 mg/325 mg tablets",
    "cyclobenzaprine hydrochloride 10 mg tablets as needed",
    "omeprazole delayed-release 20 mg capsules",
    "promethazine with codeine cough syrup 5 mL at night",
    "vitamin D3 cholecalciferol 2000 IU softgels",
    "naproxen sodium 220 mg tablets as needed for pain",
]
AVOID_WORDS = "Do not take together"

TARGETS = {
    "home cold load (s)": 1.5,
    "check cold load (s)": 2.0,
    "check HTML sent (KB)": 30.0,
    "results height 375 (px)": 6000,
    "results words 375": 700,
    "checklist 15 long, Letter (pages)": 2,
    "checklist 15 long, A4 (pages)": 2,
}

# Posts a list the way the form does, in a form of its own (no script of the page sees it),
# so the same steps work on any version of the page: one `medicine` field an entry.
POST_LIST = """([entries, answers, action, target]) => {
  const page = document.getElementById("check-form");
  const form = document.createElement("form");
  form.method = "post";
  form.action = target;
  const add = (name, value) => {
    const field = document.createElement("input");
    field.type = "hidden"; field.name = name; field.value = value;
    form.appendChild(field);
  };
  add("csrfmiddlewaretoken", page.querySelector("[name=csrfmiddlewaretoken]").value);
  entries.forEach((entry) => add("medicine", entry));
  Object.entries(answers).forEach(([name, value]) => add(name, value));
  add("action", action);
  document.body.appendChild(form);
  form.submit();
}"""


def throttled(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
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
    return context, page, sent, urls


def load(page, sent, urls, url: str, *, type_in_box: bool) -> dict:
    """One load of the page: seconds to the load event, KB of its HTML and of all it loaded."""
    sent.clear()
    urls.clear()
    page.goto(url, wait_until="load", timeout=120_000)
    seconds = page.evaluate(
        "() => { const n = performance.getEntriesByType('navigation')[0];"
        " return n.loadEventEnd - n.startTime; }"
    )
    page.wait_for_load_state("networkidle", timeout=120_000)
    names = 0.0
    if type_in_box:
        page.locator("#medicine-1").focus()
        page.keyboard.type("lis")
        page.wait_for_timeout(500)
        # Until every request the typing started (suggestions, htmx) has finished.
        for _ in range(600):
            if set(urls) <= set(sent):
                break
            page.wait_for_timeout(100)
        names = sum(b for rid, b in sent.items() if "/names" in urls.get(rid, ""))
    document = next((sent[rid] for rid, address in urls.items() if address == url), 0)
    return {
        "load_s": round(seconds / 1000, 3),
        "html_kb": round(document / 1024, 1),
        "total_kb": round(sum(sent.values()) / 1024, 1),
        "requests": len(sent),
        "names_kb": round(names / 1024, 1),
    }


def speed(browser, base: str) -> dict:
    """One cold and one warm visit of each page, in a fresh browser profile."""
    figures = {}
    for name, path in PAGES.items():
        context, page, sent, urls = throttled(browser)
        figures[f"{name} cold"] = load(page, sent, urls, base + path, type_in_box=name == "checker")
        figures[f"{name} warm"] = load(page, sent, urls, base + path, type_in_box=name == "checker")
        context.close()
    return figures


def post_list(page, base: str, entries: list[str], action: str, target: str) -> None:
    page.goto(base + "/check/")
    with page.expect_navigation():
        page.evaluate(POST_LIST, [entries, {"q-alcohol": "yes"}, action, base + target])
    page.wait_for_load_state("load")


def printed(page, paper: str) -> int:
    from pypdf import PdfReader

    page.emulate_media(media="print")
    import io

    count = len(PdfReader(io.BytesIO(page.pdf(format=paper))).pages)
    page.emulate_media(media="screen")
    return count


def length(browser, base: str, shots: Path | None, label: str) -> dict:
    figures: dict[str, float] = {}
    for name, viewport in (("375", PHONE), ("1280", DESKTOP)):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        post_list(page, base, TEN, "check", "/check/")
        page.evaluate("scrollTo(0, 0)")
        height = page.evaluate("document.documentElement.scrollHeight")
        results = page.locator("#results")
        figures[f"results height {name} (px)"] = height
        figures[f"results screens {name}"] = round(height / viewport["height"], 1)
        figures[f"results words {name}"] = len(results.inner_text().split())
        heading = page.locator("#results h2, #results-heading").first.bounding_box()
        figures[f"first screen starts at {name} (px)"] = round(heading["y"]) if heading else -1
        # Where the last "Do not take together" entry is first named, below the heading.
        lowest = page.evaluate(
            """(words) => {
              const heading = document.querySelector("#results-heading, #results h2");
              const top = heading.getBoundingClientRect().top;
              const summary = document.querySelector(".app-summary__level--avoid");
              if (summary) {
                const links = summary.querySelectorAll("a[href^='#result-']");
                return Math.max(...Array.from(links, (a) => a.getBoundingClientRect().bottom)) - top;
              }
              // No summary: the entries under the first "Do not take" heading, in page order.
              const marks = Array.from(document.querySelectorAll("#results *")).filter(
                (el) => el.children.length === 0 && el.textContent.includes(words));
              return marks.length ? Math.max(...marks.map((el) => el.getBoundingClientRect().bottom)) - top : -1;
            }""",
            AVOID_WORDS,
        )
        figures[f"last 'do not take' named at {name} (px below heading)"] = round(lowest)
        if name == "375":
            figures["results HTML, uncompressed (KB)"] = round(
                len(page.content().encode()) / 1024, 1
            )
            for paper in ("A4", "Letter"):
                figures[f"results print, {paper} (pages)"] = printed(page, paper)
        if shots:
            shots.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(shots / f"{label}-results-{name}.png"), full_page=True)
            for screen in range(-(-height // viewport["height"])):  # every screen, to look at
                page.screenshot(
                    path=str(shots / f"{label}-results-{name}-screen{screen + 1}.png"),
                    clip={
                        "x": 0,
                        "y": screen * viewport["height"],
                        "width": viewport["width"],
                        "height": viewport["height"],
                    },
                    full_page=True,
                )
        context.close()
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    for name, entries in (("10", TEN), ("15 long", LONG_NAMES)):
        post_list(page, base, entries, "checklist", "/checklist/")
        for paper in ("Letter", "A4"):
            figures[f"checklist {name}, {paper} (pages)"] = printed(page, paper)
    context.close()
    return figures


def site(root: Path) -> tuple[stack.Server, Path]:
    stack.ROOT = root
    workdir = stack.workdir("ldn-weight-")
    env = stack.production_env(workdir)
    stack.say(f"Preparing {root} (collectstatic, migrate, load_content) ...")
    stack.prepare(env)
    server = stack.Server(env=env, workdir=workdir, workers=2)
    server.start()
    return server, workdir


def checkout(ref: str) -> tuple[Path, Path | None]:
    """A folder holding `ref`: the folder itself, or a temporary copy of a git ref."""
    if Path(ref).is_dir():
        return Path(ref).resolve(), None
    folder = Path(tempfile.mkdtemp(prefix="ldn-before-"))
    archive = subprocess.run(
        ["git", "archive", ref], cwd=stack.ROOT, check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder, folder


def flatten(speeds: list[dict], lengths: dict) -> dict:
    figures = {}
    for visit in speeds[0]:
        for key, unit in (
            ("load_s", "load (s)"),
            ("html_kb", "HTML sent (KB)"),
            ("total_kb", "all sent (KB)"),
            ("requests", "requests"),
        ):
            figures[f"{visit.replace('checker', 'check')} {unit}"] = statistics.median(
                run[visit][key] for run in speeds
            )
        if visit.startswith("checker"):
            figures[f"{visit.replace('checker', 'check')} suggestions sent (KB)"] = (
                statistics.median(run[visit]["names_kb"] for run in speeds)
            )
    figures.update(lengths)
    # The target names the cold HTML: "check HTML sent (KB)".
    figures["check HTML sent (KB)"] = figures["check cold HTML sent (KB)"]
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", default=None, help="a git ref or folder to compare with")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument(
        "--screenshots", type=Path, default=None, help="save the results page here too"
    )
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    from tests.browser.chromium import launch_chromium

    this = stack.ROOT
    sites: dict[str, Path] = {}
    cleanup: list[Path] = []
    if args.before:
        folder, temporary = checkout(args.before)
        sites["before"] = folder
        if temporary:
            cleanup.append(temporary)
    sites["now"] = this
    servers: dict[str, tuple[stack.Server, Path]] = {}
    results: dict[str, dict] = {}
    try:
        for label, root in sites.items():
            servers[label] = site(root)
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            try:
                speeds: dict[str, list[dict]] = {label: [] for label in sites}
                for server, _ in servers.values():
                    speed(browser, server.url)  # warm the server, not the browser
                for _ in range(args.runs):  # the versions in turn, so both see the same machine
                    for label, (server, _) in servers.items():
                        speeds[label].append(speed(browser, server.url))
                for label, (server, _) in servers.items():
                    lengths = length(browser, server.url, args.screenshots, label)
                    results[label] = flatten(speeds[label], lengths)
                    results[label]["runs"] = speeds[label]
            finally:
                browser.close()
    finally:
        for server, workdir in servers.values():
            server.stop()
            shutil.rmtree(workdir, ignore_errors=True)
        for folder in cleanup:
            shutil.rmtree(folder, ignore_errors=True)

    labels = list(results)
    print(
        f"\nSlow 3G (400 kbit/s, 400 ms), CPU x{CPU_SLOWDOWN}, median of {args.runs};"
        " lengths with ten medicines:"
    )
    print(f"{'':52}" + "".join(f"{label:>10}" for label in labels) + f"{'target':>9}")
    for key in results[labels[-1]]:
        if key == "runs":
            continue
        target = TARGETS.get(key)
        row = "".join(f"{results[label].get(key, float('nan')):>10g}" for label in labels)
        print(f"{key:52}{row}{'' if target is None else f'<= {target:g}':>9}")
    now = results["now"]
    missed = [
        f"{key} {now[key]:g} > {limit:g}" for key, limit in TARGETS.items() if now[key] > limit
    ]
    print("All targets met." if not missed else "MISSED: " + "; ".join(missed))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())

"""What a patient sees, written to a folder so two versions of the site can be compared.

    .venv/bin/python scripts/snapshot_patient_view.py OUT_DIR            # take a snapshot
    .venv/bin/python scripts/snapshot_patient_view.py --diff BEFORE AFTER  # compare two

A snapshot builds a fresh SQLite database the way `make run` does (migrate, then
`load_content` where the project has it), and writes:
- pages/<name>.txt: the visible text of every page (home, every topic, the list of pages,
  sources, privacy, the checker, the checklist blank and filled), one block per line;
- checkmeds.json: `checkmeds --json`'s answer for every name in the knowledge base (each
  ingredient and each name row) and for every entry of tests/checker/realistic_entries.tsv.
Nothing here is kept by the site: the database is a temporary file, removed afterwards.
"""

from __future__ import annotations

import difflib
import json
import os
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENTRIES_FILE = ROOT / "tests" / "checker" / "realistic_entries.tsv"
# The filled checklist: a list with an opioid, an NSAID, a typo, a drink and an unknown name.
FILLED_LIST = ["Norco 10/325", "ibuprofen 200mg", "oxicodone", "wine", "zzqx blorf", "Lortab ASA"]

BLOCK_TAGS = {
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "div", "section",
    "header", "footer", "nav", "legend", "label", "summary", "caption", "title", "option",
    "button", "dt", "dd", "br", "time", "a",
}  # fmt: skip


class _Text(HTMLParser):
    """The visible text, one block a line; each link also shows where it goes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip = 0

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.lines.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag in BLOCK_TAGS:
            self._flush()
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.current.append(f"<{values['href']}> ")
        if tag == "option" and values.get("value"):
            self.current.append(values["value"])
        if tag == "input" and values.get("type") not in ("hidden",) and values.get("value"):
            self.current.append(f"[{values['value']}]")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_data(self, data):
        if not self.skip:
            self.current.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser._flush()
    return "\n".join(parser.lines) + "\n"


def realistic_entries() -> list[str]:
    rows = []
    for line in ENTRIES_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t")[0])
    return rows


def take(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "pages").mkdir(exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="ldn-snapshot-"))
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "ldn_site.settings",
            "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
            "DJANGO_DEBUG": "1",
            "DJANGO_HTTPS": "0",
            "DJANGO_CACHE_URL": "locmem://",
            "DJANGO_CHECK_RATE_LIMIT": "0",
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "DJANGO_STATIC_MANIFEST": "0",
        }
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command, get_commands
    from django.test import Client

    call_command("migrate", verbosity=0)
    if "load_content" in get_commands():
        call_command("load_content", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115

    from checker import engine
    from education.models import Topic

    client = Client()
    pages = {"home": "/", "learn": "/learn/", "sources": "/sources/", "privacy": "/privacy/"}
    pages |= {f"topic-{t.slug}": t.get_absolute_url() for t in Topic.objects.all()}
    pages |= {"check": "/check/", "checklist-blank": "/checklist/"}
    for name, url in pages.items():
        response = client.get(url)
        (out / "pages" / f"{name}.txt").write_text(
            f"{url} {response.status_code}\n" + visible_text(response.content.decode()), "utf-8"
        )
    questions = [q.slug for q in engine.screening_questions()]
    for name, answers in (("checklist-filled", "yes"), ("checklist-filled-no", "no")):
        data = {"medicine": FILLED_LIST, **{f"q-{slug}": answers for slug in questions}}
        response = client.post("/checklist/", data)
        (out / "pages" / f"{name}.txt").write_text(visible_text(response.content.decode()), "utf-8")
    response = client.post("/check/", {"medicine": FILLED_LIST, "action": "check"})
    (out / "pages" / "check-results.txt").write_text(
        visible_text(response.content.decode()), "utf-8"
    )

    from checker.models import Ingredient, Name

    names = sorted(
        set(Ingredient.objects.values_list("name", flat=True))
        | set(Name.objects.values_list("name", flat=True))
        | set(realistic_entries())
    )
    answers = {}
    for entry in names:
        result = engine.report_as_json(engine.check_medicines(entries=[entry]))["results"][0]
        answers[entry] = result
    (out / "checkmeds.json").write_text(
        json.dumps(answers, indent=1, sort_keys=True, ensure_ascii=False), "utf-8"
    )
    print(f"{len(pages) + 3} pages and {len(answers)} checker answers in {out}")


def diff(before: Path, after: Path) -> int:
    changed = 0
    for page in sorted(
        {p.name for p in (before / "pages").iterdir()}
        | {p.name for p in (after / "pages").iterdir()}
    ):
        old = (
            (before / "pages" / page).read_text("utf-8").splitlines()
            if (before / "pages" / page).exists()
            else []
        )
        new = (
            (after / "pages" / page).read_text("utf-8").splitlines()
            if (after / "pages" / page).exists()
            else []
        )
        lines = list(
            difflib.unified_diff(old, new, f"before/{page}", f"after/{page}", lineterm="", n=0)
        )
        if lines:
            changed += 1
            print("\n".join(lines))
    old = json.loads((before / "checkmeds.json").read_text("utf-8"))
    new = json.loads((after / "checkmeds.json").read_text("utf-8"))
    for entry in sorted(set(old) | set(new)):
        if entry not in new:
            print(f"checker: {entry!r} no longer asked (not in the knowledge base or the entries)")
        elif entry not in old:
            continue  # a name the knowledge base has only now
        elif old[entry] != new[entry]:
            changed += 1
            fields = sorted(
                k
                for k in set(old[entry]) | set(new[entry])
                if old[entry].get(k) != new[entry].get(k)
            )
            print(f"checker: {entry!r}")
            for field in fields:
                print(
                    f"   {field}: {old[entry].get(field)!r}\n   {' ' * len(field)}  -> {new[entry].get(field)!r}"
                )
    new_only = sorted(set(new) - set(old))
    print(f"\n{changed} differences; {len(new_only)} entries asked only now: {new_only[:40]}")
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--diff"] and len(args) == 3:
        sys.exit(diff(Path(args[1]), Path(args[2])))
    if len(args) != 1:
        sys.exit(__doc__)
    take(Path(args[0]))

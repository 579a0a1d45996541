"""Plain language as a test: everything a patient reads scores Flesch-Kincaid grade 8 or lower.

Scored with education/readability.py's reading_grade(), the same figure staff see in the
admin: drug and condition names are swapped for a one-syllable word first, and each line
(a heading, a list point) counts as a sentence. Pages are read through the Django test client,
taking the text of <main> as a browser shows it (hidden parts left out); the knowledge base and
the checklist are read from the rows load_content loads.
"""

from html.parser import HTMLParser

import pytest

from education.readability import MIN_WORDS_TO_SCORE, reading_grade

pytestmark = pytest.mark.django_db

MAX_GRADE = 8.0

# Flesch-Kincaid measures sentences. A single row is scored on its own only when it is
# sentence-sized: "Vitamins, herbal remedies and supplements" scores 14.7 though every word is
# plain. Shorter rows are scored as part of the text around them (the card, the page).
MIN_WORDS_ALONE = 12

# Elements that start a new line in a browser's rendering of the text.
BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "label", "legend", "li", "main", "nav", "ol", "p", "section",
    "summary", "table", "td", "th", "tr", "ul", "button",
}  # fmt: skip
VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr", "col", "area", "base"}
UNREAD = {"script", "style", "template", "datalist", "select", "noscript", "title"}


class MainText(HTMLParser):
    """The text of <main> as a reader meets it: one line per block, hidden parts left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth_in_main = 0
        self.skipping = 0
        self.stack: list[tuple[str, bool]] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "main":
            self.depth_in_main += 1
        if tag in VOID:
            if tag == "br" and self.depth_in_main:
                self.parts.append("\n")
            return
        skip = tag in UNREAD or "hidden" in attributes or attributes.get("aria-hidden") == "true"
        self.stack.append((tag, skip))
        if skip:
            self.skipping += 1
        if tag in BLOCKS and self.depth_in_main:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        # Close up to the matching tag (HTML lets some end tags be left out).
        while self.stack:
            open_tag, skip = self.stack.pop()
            if skip:
                self.skipping -= 1
            if open_tag in BLOCKS and self.depth_in_main:
                self.parts.append("\n")
            if open_tag == tag:
                break
        if tag == "main":
            self.depth_in_main -= 1

    def handle_data(self, data):
        if self.depth_in_main and not self.skipping:
            self.parts.append(data)

    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self.parts).splitlines())
        return "\n".join(line for line in lines if line)


def main_text(html: str) -> str:
    parser = MainText()
    parser.feed(html)
    return parser.text()


def graded(texts: dict[str, str], *, min_words: int = MIN_WORDS_TO_SCORE) -> dict[str, float]:
    """The grade of each text long enough to score, for those above the limit."""
    too_hard = {}
    for name, text in texts.items():
        if len(text.split()) < min_words:
            continue
        grade = reading_grade(text)
        if grade > MAX_GRADE:
            too_hard[name] = grade
    return too_hard


def report(too_hard: dict[str, float], texts: dict[str, str]) -> str:
    return "\n".join(
        f"grade {grade}: {name}: {texts[name][:300]!r}" for name, grade in too_hard.items()
    )


# --- The extractor itself -----------------------------------------------------------------------


def test_main_text_keeps_blocks_apart_and_leaves_out_what_is_hidden():
    html = (
        "<header>Site name</header><main><h1>Title</h1><ul><li>One<li>Two</ul>"
        "<p>Visible <span aria-hidden='true'>✕</span>words.<br>Next line</p>"
        "<button hidden>Print</button><script>var x</script></main><footer>Foot</footer>"
    )
    assert main_text(html) == "Title\nOne\nTwo\nVisible words.\nNext line"


def test_a_hard_text_is_caught():
    hard = (
        "Concomitant administration necessitates comprehensive pharmacological evaluation "
        "and individualised therapeutic consideration by appropriately credentialed practitioners."
    )
    assert graded({"hard": hard}) == {"hard": pytest.approx(reading_grade(hard))}
    assert reading_grade(hard) > MAX_GRADE


# --- Pages --------------------------------------------------------------------------------------


def published_page_paths() -> list[str]:
    from education.models import Topic

    topics = [topic.get_absolute_url() for topic in Topic.objects.published()]
    assert len(topics) >= 10
    return ["/", "/learn/", *topics, "/sources/", "/privacy/", "/check/", "/checklist/"]


def test_every_published_page_reads_at_grade_8_or_lower(client):
    texts = {}
    for path in published_page_paths():
        response = client.get(path)
        assert response.status_code == 200, path
        texts[path] = main_text(response.content.decode())
        assert len(texts[path].split()) >= 20, f"{path} has almost no text: {texts[path]!r}"
    too_hard = graded(texts)
    assert not too_hard, "Pages above grade 8:\n" + report(too_hard, texts)


def test_page_not_found_reads_at_grade_8_or_lower(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    text = main_text(response.content.decode())
    assert reading_grade(text) <= MAX_GRADE, text


EVERY_LEVEL = ["Norco 10/325", "ibuprofen", "diazepam", "lisinopril", "asdfgh", "oxycodn", "beer"]
EVERY_ANSWER_YES = {
    f"q-{slug}": "yes"
    for slug in ("alcohol", "recent_opioids", "withdrawal_now", "liver", "oud_treatment", "allergy")
}


def test_checker_results_with_every_level_read_at_grade_8_or_lower(client):
    response = client.post(
        "/check/", {"medicine": EVERY_LEVEL, **EVERY_ANSWER_YES, "action": "check"}
    )
    assert response.status_code == 200
    text = main_text(response.content.decode())
    assert "Do not take together" in text and "Not recognised" in text
    assert reading_grade(text) <= MAX_GRADE, text


def test_checker_errors_read_at_grade_8_or_lower(client):
    response = client.post("/check/", {"medicine": ["", ""], "action": "check"})
    text = main_text(response.content.decode())
    assert "There is a problem" in text
    assert reading_grade(text) <= MAX_GRADE, text


def test_filled_checklist_reads_at_grade_8_or_lower(client):
    response = client.post(
        "/checklist/", {"medicine": EVERY_LEVEL, **EVERY_ANSWER_YES, "action": "checklist"}
    )
    assert response.status_code == 200
    text = main_text(response.content.decode())
    assert "Norco 10/325" in text
    assert reading_grade(text) <= MAX_GRADE, text


# --- Every warning, prompt and question, row by row ---------------------------------------------


def test_every_interaction_warning_reads_at_grade_8_or_lower():
    from checker.models import InteractionGroup

    cards, fields = {}, {}
    for group in InteractionGroup.objects.all():
        card = [group.headline, group.what_could_happen, group.what_to_do, group.tell_your_doctor]
        cards[f"group {group.slug} (as shown)"] = "\n".join(card)
        for field in ("what_could_happen", "what_to_do", "tell_your_doctor"):
            fields[f"group {group.slug}: {field}"] = getattr(group, field)
    assert len(cards) >= 4
    texts = {**cards, **fields}
    too_hard = graded(cards) | graded(fields, min_words=MIN_WORDS_ALONE)
    assert not too_hard, "Warnings above grade 8:\n" + report(too_hard, texts)


def test_every_screening_question_and_its_prompts_read_at_grade_8_or_lower():
    from checker.models import CheckerSettings, ScreeningQuestion

    shown, fields = {}, {}
    for question in ScreeningQuestion.objects.all():
        parts = [question.text, question.hint, question.yes_message, question.tell_your_doctor]
        shown[f"question {question.slug} (as shown)"] = "\n".join(filter(None, parts))
        for field in ("yes_message", "tell_your_doctor"):
            fields[f"question {question.slug}: {field}"] = getattr(question, field)
    assert len(shown) >= 6
    from clinical.models import UrgentHelp

    settings = CheckerSettings.objects.get()
    shown["dose context"] = settings.dose_context
    urgent = UrgentHelp.objects.get()
    shown["urgent help"] = "\n".join([urgent.heading, urgent.signs, urgent.action])
    texts = {**shown, **fields}
    too_hard = graded(shown) | graded(fields, min_words=MIN_WORDS_ALONE)
    assert not too_hard, "Questions and prompts above grade 8:\n" + report(too_hard, texts)


def test_every_checklist_question_and_list_reads_at_grade_8_or_lower():
    from checklist.models import Checklist, QuestionToAsk, SignToWatch, ThingToBring

    texts = {}
    checklist = Checklist.objects.get()
    for field in ("introduction", "opioid_warning"):
        texts[f"checklist {field}"] = getattr(checklist, field)
    for model in (QuestionToAsk, ThingToBring, SignToWatch):
        rows = list(model.objects.all())
        assert rows, model.__name__
        for row in rows:
            texts[f"{model.__name__}: {row.text[:40]}"] = row.text
    # Each row is also read in its place on the blank and the filled checklist pages above.
    too_hard = graded(texts, min_words=MIN_WORDS_ALONE)
    assert not too_hard, "Checklist words above grade 8:\n" + report(too_hard, texts)

"""The printable pre-visit checklist: blank on GET, filled from the medicine checker on POST.

What the patient sends is used to draw this one page and then forgotten: no database writes,
no session, no logging, and the response is never cached.
"""

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from checker import engine
from checker.rules import Report
from checklist.filling import doctor_prompts, medicine_rows, names_fit, printed_lines
from checklist.forms import MAX_ENTRIES, MAX_ENTRY_LENGTH, CheckerPost, read_checker_post
from checklist.models import Checklist, ChecklistSource, QuestionToAsk, SignToWatch, ThingToBring

# Lines to write on: more on the blank checklist, fewer when the list fills the page.
BLANK_MEDICINE_ROWS = 12
NOTE_LINES = 10
FILLED_BLANK_ROWS = 0  # the notes lines take anything missed
# The filled checklist's notes get the room its medicines and prompts leave on two sheets:
# calibrated on the hardest list the print test uses (ten opioids, every answer yes).
FILLED_PRINT_BUDGET = 27
LONG_NAME = 32  # characters
FILLED_NOTE_LINES = range(1, 9)  # at least one line (a long list needs the room), at most eight


@dataclass(frozen=True)
class AnswerRow:
    text: str
    answer: bool | None


@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def checklist(request: HttpRequest) -> HttpResponse:
    questions = engine.screening_questions()
    questions_to_ask = list(QuestionToAsk.objects.shown().prefetch_related("sources"))
    things_to_bring = list(ThingToBring.objects.shown().prefetch_related("sources"))
    signs = signs_by_kind()
    context = {
        "checklist": Checklist.objects.current(),
        "today": timezone.localdate(),
        "questions_to_ask": questions_to_ask,
        "things_to_bring": things_to_bring,
        "signs": signs,
        # Each list cites its sources once, after its heading, so every line stays short.
        "cited": {
            "questions_to_ask": cited_sources(questions_to_ask),
            "things_to_bring": cited_sources(things_to_bring),
            **{kind: cited_sources(items) for kind, items in signs.items()},
        },
        "sources": ChecklistSource.objects.all(),
        "screening": [AnswerRow(text=question.text, answer=None) for question in questions],
        "blank_rows": range(BLANK_MEDICINE_ROWS),
        "note_lines": range(NOTE_LINES),
        "max_entries": MAX_ENTRIES,
        "max_entry_length": MAX_ENTRY_LENGTH,
        "filled": False,
    }
    if request.method == "POST":
        posted = read_checker_post(request.POST, question_slugs=[q.slug for q in questions])
        if not posted.is_empty:
            report = engine.check_medicines(entries=posted.entries, answers=posted.answers)
            context.update(filled_context(report=report, posted=posted, questions=questions))
        else:
            context["nothing_posted"] = True
    return render(request, "checklist/checklist.html", context)


def signs_by_kind() -> dict[str, list[SignToWatch]]:
    signs: dict[str, list[SignToWatch]] = {kind: [] for kind in SignToWatch.Kind.values}
    for sign in SignToWatch.objects.shown().prefetch_related("sources"):
        signs[sign.kind].append(sign)
    return signs


def cited_sources(items) -> list[ChecklistSource]:
    by_number = {source.number: source for item in items for source in item.sources.all()}
    return [by_number[number] for number in sorted(by_number)]


def filled_context(*, report: Report, posted: CheckerPost, questions) -> dict:
    rows = medicine_rows(report)
    prompts = doctor_prompts(report)
    room = FILLED_PRINT_BUDGET - printed_lines(rows, prompts)
    note_lines = min(max(room, FILLED_NOTE_LINES.start), FILLED_NOTE_LINES.stop - 1)
    return {
        "filled": True,
        "medicines": rows,
        # Long typed names ("… 10 mg/325 mg tablets") get most of the printed row.
        "long_names": any(len(row.typed) > LONG_NAME for row in rows),
        "has_no_known_interaction": any(f.severity == "none" for f in report.findings),
        "opioid_entries": (opioids := [f.match.input for f in report.findings if f.is_opioid]),
        "opioid_names_fit": names_fit(opioids),
        "has_opioid": report.has_opioid,
        "dose_context": report.dose_context,
        "screening": [
            AnswerRow(text=question.text, answer=posted.answers.get(question.slug))
            for question in questions
        ],
        "doctor_prompts": prompts,
        # Answers alone (no medicines): the medicine table stays blank to write on.
        "blank_rows": range(FILLED_BLANK_ROWS if report.findings else BLANK_MEDICINE_ROWS // 2),
        "note_lines": range(note_lines),
        "carry_entries": posted.entries,
        "carry_answers": [
            (slug, "yes" if answer else "no")
            for slug, answer in posted.answers.items()
            if answer is not None
        ],
        "entries_left_off": posted.entries_left_off,
        "entries_cut_short": posted.entries_cut_short,
    }

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
from checklist.models import Checklist, QuestionToAsk, SignToWatch, ThingToBring
from clinical import translation
from clinical.models import Source, UrgentHelp

# Lines to write on: more on the blank checklist, fewer when the list fills the page.
BLANK_MEDICINE_ROWS = 12
NOTE_LINES = 10
FILLED_BLANK_ROWS = 0  # the notes lines take anything missed
# The filled checklist's notes get the room its medicines and prompts leave on two sheets:
# calibrated on the hardest list the print test uses (ten opioids, every answer yes).
FILLED_PRINT_BUDGET = 27
LONG_NAME = 32  # characters
FILLED_NOTE_LINES = range(1, 9)  # at least one line (a long list needs the room), at most eight
# The checklist's own words take more room in some languages than in English (the budget's
# language): printed lines to allow for, calibrated on the same hardest list.
TRANSLATION_PRINT_LINES = {"es": 10}
# The same for the blank checklist: its note lines give up this many.
TRANSLATION_BLANK_NOTE_LINES = {"es": 3}


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
    # Sources are numbered 1, 2, 3 ... in the order the page cites them: side effects, the
    # urgent box, questions to ask, what to bring.
    cited_lists = [
        ("side_effect", signs["side_effect"]),
        ("withdrawal", signs["withdrawal"]),
        ("overdose", signs["overdose"]),
        ("questions_to_ask", questions_to_ask),
        ("things_to_bring", things_to_bring),
    ]
    numbered = number_sources(items for _, items in cited_lists)
    # The checklist's words in the page's language (English where a text has no translation).
    language = translation.current_language()
    checklist_row = Checklist.objects.current()
    urgent = UrgentHelp.load()
    shown = translation.show_checklist(
        checklist_row,
        {
            "questions_to_ask": questions_to_ask,
            "things_to_bring": things_to_bring,
            "signs_to_watch": [sign for kind in signs.values() for sign in kind],
        },
        language,
    )
    translation.show_urgent(urgent, language)
    translation.show_sources(list(numbered), language)
    context = {
        "checklist": checklist_row,
        "translation": shown.translation,
        "partly_untranslated": not translation.is_default(language) and not shown.complete,
        "urgent_help": urgent,
        "today": timezone.localdate(),
        "questions_to_ask": questions_to_ask,
        "things_to_bring": things_to_bring,
        "signs": signs,
        # Each list cites its sources once, after its heading, so every line stays short.
        "cited": {name: cited_numbers(items, numbered) for name, items in cited_lists},
        "sources": [(number, source) for source, number in numbered.items()],
        "screening": [AnswerRow(text=question.text, answer=None) for question in questions],
        "blank_rows": range(BLANK_MEDICINE_ROWS),
        "note_lines": range(NOTE_LINES - TRANSLATION_BLANK_NOTE_LINES.get(language, 0)),
        "max_entries": MAX_ENTRIES,
        "max_entry_length": MAX_ENTRY_LENGTH,
        "filled": False,
    }
    if request.method == "POST":
        posted = read_checker_post(request.POST, question_slugs=[q.slug for q in questions])
        if not posted.is_empty:
            names = request.region.names if hasattr(request, "region") else {}
            report = engine.check_medicines(
                entries=posted.entries, answers=posted.answers, names=names
            )
            context.update(
                filled_context(
                    report=report,
                    posted=posted,
                    questions=questions,
                    names=names,
                    clinic=getattr(request, "clinic", None),
                )
            )
        else:
            context["nothing_posted"] = True
    return render(request, "checklist/checklist.html", context)


def signs_by_kind() -> dict[str, list[SignToWatch]]:
    signs: dict[str, list[SignToWatch]] = {kind: [] for kind in SignToWatch.Kind.values}
    for sign in SignToWatch.objects.shown().prefetch_related("sources"):
        signs[sign.kind].append(sign)
    return signs


def number_sources(lists) -> dict[Source, int]:
    """Each source the lists cite, numbered from 1 in the order first cited (a line's own
    sources by title), in that order."""
    numbers: dict[Source, int] = {}
    for items in lists:
        for item in items:
            for source in item.sources.all():
                numbers.setdefault(source, len(numbers) + 1)
    return numbers


def cited_numbers(items, numbered: dict[Source, int]) -> list[int]:
    return sorted({numbered[source] for item in items for source in item.sources.all()})


def clinic_lines(clinic) -> int:
    """The printed lines the clinic's own details take (Clinic settings). Its name and number
    print beside the title (its "Call us if" line is on screen only: the number heads the
    page); a long name and number wrap to a line of their own."""
    if clinic is None:
        return 0
    return 1 if len(clinic.name) + len(clinic.phone) > 45 else 0


def filled_context(
    *, report: Report, posted: CheckerPost, questions, names=None, clinic=None
) -> dict:
    rows = medicine_rows(report, names)
    prompts = doctor_prompts(report)
    extra = TRANSLATION_PRINT_LINES.get(translation.current_language(), 0)
    room = FILLED_PRINT_BUDGET - printed_lines(rows, prompts) - extra
    note_lines = min(max(room, FILLED_NOTE_LINES.start), FILLED_NOTE_LINES.stop - 1)
    if room < FILLED_NOTE_LINES.start - 2:
        note_lines = 1  # far over: one line to write on, and the notes heading as a prompt
    else:
        note_lines = max(note_lines - clinic_lines(clinic), FILLED_NOTE_LINES.start)
    return {
        "filled": True,
        # Too little room even for the fewest note lines: the print sets its lines closer.
        "compact_print": room < FILLED_NOTE_LINES.start,
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

"""Thin views over the checker engine: bind the form, ask the engine, render.

The page works with JavaScript off (every button is a plain POST submit). With htmx, "Check"
and "Clear" post the same fields and get back only the results partial; the error summary, a
one-line announcement and the form come along out of band, each into its own place. Adding and
removing rows needs no request with JavaScript (static/js/checker.js does it in the page).
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from checker import engine
from checker.forms import MAX_ENTRIES, CheckForm, read_action, read_confirm
from checker.presentation import LEVEL_MEANINGS

TEMPLATE = "checker/check.html"
# A browser may keep the suggestions file for a year: its address changes with its content.
SUGGESTIONS_MAX_AGE = 365 * 24 * 60 * 60


def _confirm(form: CheckForm, confirm: tuple[int, int, int]) -> None:
    """Put the confirmed name in its row ("Did you mean X?" answered yes, or one reading of a
    name with two meanings chosen), so the check reads it exactly. Only numbers were posted."""
    row, part, choice = confirm
    if not 1 <= row <= len(form.rows) or not form.rows[row - 1]:
        return
    confirmed = engine.confirmed_entry(form.rows[row - 1], part=part, choice=choice)
    if confirmed:
        form.rows[row - 1] = confirmed


def _region_names(request) -> dict[str, str]:
    """The names the clinic's patients know ("paracetamol" outside the US and Canada)."""
    region = getattr(request, "region", None)
    return region.names if region else {}


@sensitive_post_parameters()
@never_cache  # results are about a person's medicines: no browser or proxy may keep them
@vary_on_headers("HX-Request")
@require_http_methods(["GET", "HEAD", "POST"])
def check(request):
    questions = engine.screening_questions()
    slugs = [question.slug for question in questions]
    report = None
    focus_row = None  # after adding, removing or clearing rows, focus goes to this row

    if request.method != "POST":
        form = CheckForm.blank(question_slugs=slugs)
    else:
        form = CheckForm.from_post(request.POST, question_slugs=slugs)
        action, number = read_action(request.POST.get("action", ""))
        if action == "clear":
            form = CheckForm.blank(question_slugs=slugs)
            focus_row = 1
        elif action == "add":
            form.add_row()
            focus_row = len(form.rows)
        elif action == "remove":
            form.remove_row(number)
            focus_row = min(number, len(form.rows))
        else:
            confirm = read_confirm(request.POST.get("action", ""))
            if confirm is not None:
                _confirm(form, confirm)
            if form.validate():
                report = engine.check_medicines(
                    entries=form.entries, answers=form.answers, names=_region_names(request)
                )

    version, _ = engine.suggestions_file()
    context = {
        "form": form,
        "questions": questions,
        "questions_with_answers": [
            (question, form.answers.get(question.slug)) for question in questions
        ],
        "report": report,
        # each result's row, so a "Did you mean ...?" button can say which row it answers
        "report_rows": [number for number, row in enumerate(form.rows, start=1) if row],
        "urgent_help": engine.urgent_help() if report and report.urgent else None,
        "level_meanings": [(level, gettext(meaning)) for level, meaning in LEVEL_MEANINGS],
        "focus_row": focus_row,
        "max_rows": MAX_ENTRIES,
        "names_version": version,
    }
    if request.htmx:
        # The results region is swapped in place; the rest comes along out of band.
        html = render_to_string(f"{TEMPLATE}#results", {**context, "htmx": True}, request)
        html += render_to_string(
            f"{TEMPLATE}#out_of_band", {**context, "htmx": True, "oob": True}, request
        )
        return HttpResponse(html)
    return render(request, TEMPLATE, context)


@require_GET
def suggestions(request):
    """Every name the checker knows, one a line, for the page's suggestion list.

    The same file for every patient (nothing about them is in it or in its address), so it may
    be cached and compressed like any static file; the page asks for it only once someone
    starts typing, by a version named after its content."""
    version, text = engine.suggestions_file()
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    if request.GET.get("v") == version:
        response["Cache-Control"] = f"public, max-age={SUGGESTIONS_MAX_AGE}, immutable"
    else:
        response["Cache-Control"] = "no-cache"
    return response

"""Thin views over the checker engine: bind the form, ask the engine, render.

The page works with JavaScript off (every button is a plain POST submit). With htmx, the same
buttons post the same fields and get back only the results partial, with the form swapped in
out of band, so the aria-live results region stays in place and is announced.
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from checker import engine
from checker.forms import CheckForm, read_action

TEMPLATE = "checker/check.html"


@sensitive_post_parameters()
@never_cache  # results are about a person's medicines: no browser or proxy may keep them
@vary_on_headers("HX-Request")
@require_http_methods(["GET", "HEAD", "POST"])
def check(request):
    questions = engine.screening_questions()
    slugs = [question.slug for question in questions]
    report = None
    focus_row = None  # after htmx adds, removes or clears rows, focus goes to this row

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
        elif form.validate():
            report = engine.check_medicines(entries=form.entries, answers=form.answers)

    context = {
        "form": form,
        "questions": questions,
        "questions_with_answers": [
            (question, form.answers.get(question.slug)) for question in questions
        ],
        "report": report,
        "urgent_help": engine.urgent_help() if report and report.urgent else None,
        "focus_row": focus_row,
    }
    if request.htmx:
        # The results region is swapped in place; the form comes along out of band.
        html = render_to_string(f"{TEMPLATE}#results", {**context, "htmx": True}, request)
        html += render_to_string(f"{TEMPLATE}#form", {**context, "oob": True}, request)
        return HttpResponse(html)
    context["datalist_options"] = engine.datalist_options()
    return render(request, TEMPLATE, context)

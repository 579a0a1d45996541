"""Drafts of live content (issue 16, point 4), as Wagtail keeps a draft revision of a live page.

On any content screen (clinical.editing.ClinicalAdmin) staff can:
- "Save as draft": the form is checked as a save would check it, then put aside (a Draft row
  holding the form as posted); patients still see the published item.
- "Preview": the draft is saved inside a transaction that is always undone, and the patient's
  own page is drawn from it (for checker data, with a checker built from those rows only:
  checker.engine.previewing). Nothing of it is committed, cached or shared.
- "Open the draft": the screen comes back with the draft's values, to edit further.
- "Publish": the draft's form is saved as any edit is (the checker's must-warn guard
  included), with a change note the history keeps; the draft is then removed.
- "Discard the draft".
"""

from __future__ import annotations

import copy
import re

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponse, HttpResponseRedirect, QueryDict
from django.urls import resolve
from django.utils.datastructures import MultiValueDict
from django.utils.html import format_html

# Posted names that are buttons or one-off tokens, not the draft's content.
NOT_KEPT = re.compile(
    r"^(csrfmiddlewaretoken|_save|_continue|_addanother|_saveasnew|_save_draft|_preview"
    r"|_discard_draft|_draft|must_warn_confirm|reading_seen)$"
)
SAVE = "save"
PREVIEW = "preview"
OPEN = "open"


class DraftReady(Exception):  # noqa: N818 - a signal to the view, not an error
    """Raised inside the save once the form is valid: undo the save, keep the draft."""

    def __init__(self, mode: str, preview: HttpResponse | None = None) -> None:
        super().__init__(mode)
        self.mode = mode
        self.preview = preview


def find(model, object_id):
    from clinical.models import Draft

    content_type = ContentType.objects.get_for_model(model)
    return (
        Draft.objects.select_related("author")
        .filter(content_type=content_type, object_id=str(object_id))
        .first()
    )


def remove(model, object_id) -> None:
    from clinical.models import Draft

    content_type = ContentType.objects.get_for_model(model)
    Draft.objects.filter(content_type=content_type, object_id=str(object_id)).delete()


def posted_content(post: QueryDict) -> dict[str, list[str]]:
    return {name: post.getlist(name) for name in post if not NOT_KEPT.match(name)}


def keep(model, object_id, request):
    from clinical.models import Draft

    note = request.POST.get("change_note", "").strip()[:100]
    draft, _ = Draft.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(model),
        object_id=str(object_id),
        defaults={"data": posted_content(request.POST), "note": note, "author": request.user},
    )
    return draft


def as_posted(request, data: dict[str, list[str]]):
    """The same request, as if the draft's form had just been posted (the CSRF check was done
    on the real request)."""
    fake = copy.copy(request)
    fake.method = "POST"
    post = QueryDict(mutable=True)
    for name, values in data.items():
        post.setlist(name, values)
    fake.POST = post
    fake._files = MultiValueDict()
    return fake


def patient_request(request, path: str, method: str = "GET", data: dict | None = None):
    """A request for the patient's page at `path`, from the signed-in staff member (so a page
    not yet published can be drawn too). The page cache is not used: staff carry a session."""
    fake = copy.copy(request)
    fake.method = method
    fake.path = fake.path_info = path
    empty = QueryDict(mutable=True)
    for name, value in (data or {}).items():
        empty.setlist(name, value if isinstance(value, list) else [value])
    fake.GET = QueryDict() if method == "POST" else empty
    fake.POST = empty if method == "POST" else QueryDict()
    fake._files = MultiValueDict()
    fake.htmx = False
    fake.META = {**request.META, "REQUEST_METHOD": method, "PATH_INFO": path}
    return fake


def draw(request, path: str, method: str = "GET", data: dict | None = None) -> HttpResponse:
    """The patient's page at `path`, drawn now (inside the undone transaction)."""
    path = path.split("#")[0]
    match = resolve(path)
    response = match.func(patient_request(request, path, method, data), *match.args, **match.kwargs)
    if hasattr(response, "render"):
        response = response.render()
    return response


BANNER = (
    '<div class="app-preview-banner" role="note"><p><strong>Preview of a draft.</strong> '
    "Patients do not see this yet: it is shown as they would see it once published. "
    '<a href="{}">Back to the draft</a></p></div>'
)


def preview_page(response: HttpResponse, back_url: str) -> HttpResponse:
    """The patient's page with a line at the top saying it is a preview."""
    html = response.content.decode()
    banner = format_html(BANNER, back_url)
    found = re.search(r"<body[^>]*>", html)
    html = html[: found.end()] + banner + html[found.end() :] if found else banner + html
    preview = HttpResponse(html, status=response.status_code)
    preview["Cache-Control"] = "no-store"
    preview["X-Robots-Tag"] = "noindex"
    return preview


def discard(model_admin, request, object_id):
    obj = model_admin.get_object(request, object_id)
    if obj is not None and model_admin.has_change_permission(request, obj):
        remove(model_admin.model, object_id)
        messages.success(request, "The draft was discarded. Patients see the published version.")
    return HttpResponseRedirect(request.path)

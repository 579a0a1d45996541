"""POST /api/check: the checker for other programs, answering DESIGN.md's JSON.

Request:  {"medications": ["Norco 10/325", "ibuprofen"]}   (Content-Type: application/json)
          optional "lang": "en" or "es"; without it, the Accept-Language header chooses
Response: {"results": [...one per medication, in the order sent...], "summary": {...}}
          with the messages in that language (Content-Language says which); the fields,
          slugs and severities are the same in every language.
Errors:   {"error": "..."} in the same language, with 400 (bad JSON or shape, or nested over 10 deep), 405 (not POST),
          413 (body over 64 kB) or 415 (not JSON, or a file upload).
"""

import json

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from checker import engine
from checker.forms import MAX_ENTRIES, MAX_LENGTH

MAX_BODY_BYTES = 64 * 1024
# {"medications": [...]} is two levels deep. Python's parser recurses once per level and runs
# out of stack near 1,000, so the depth is counted before parsing, not left to the parser.
MAX_DEPTH = 10


def too_deep(text: str, limit: int = MAX_DEPTH) -> bool:
    """True when brackets outside strings nest more than `limit` deep."""
    depth = 0
    in_string = escaped = False
    for character in text:
        if in_string:
            if escaped:
                escaped = False
            elif character == "\\":
                escaped = True
            elif character == '"':
                in_string = False
        elif character == '"':
            in_string = True
        elif character in "[{":
            depth += 1
            if depth > limit:
                return True
        elif character in "]}":
            depth -= 1
    return False


def _error(message: str, status: int, **headers) -> JsonResponse:
    response = JsonResponse({"error": message}, status=status, headers=headers)
    response["Content-Language"] = translation.get_language()
    return response


def _header_language(request) -> str:
    """The language Accept-Language asks for, of the site's languages (the address never says
    it here; nor does a language cookie, which this site never sets)."""
    codes = [code for code, _ in settings.LANGUAGES]
    language = translation.get_language_from_request(request, check_path=False)
    return language if language in codes else settings.LANGUAGE_CODE


# Why no CSRF token: this view changes nothing (it reads medicine names and answers; it writes
# no rows, no session, no log), so a forged request gains an attacker nothing, and it accepts
# only an application/json body, which a cross-site HTML form cannot send without a CORS
# preflight that this site never grants. Other programs have no CSRF cookie to send.
@csrf_exempt
@never_cache
def api_check(request):
    """Errors are in the language asked for too: the body's "lang" once it can be read, before
    that (and for a "lang" we do not have) the Accept-Language header's."""
    language = _header_language(request)
    with translation.override(language):
        data = _read_body(request)
    if isinstance(data, JsonResponse):
        return data
    codes = [code for code, _ in settings.LANGUAGES]
    if "lang" in data:
        if data["lang"] not in codes:
            with translation.override(language):
                return _error(
                    _('"lang" must be one of: %(codes)s.') % {"codes": ", ".join(codes)}, 400
                )
        language = data["lang"]
    with translation.override(language):
        return _answer(data)


def _read_body(request) -> dict | JsonResponse:
    if request.method != "POST":
        return _error(_("Use POST with a JSON body."), 405, Allow="POST")
    if request.content_type != "application/json":
        return _error(_("Send the body as JSON, with Content-Type: application/json."), 415)
    try:
        declared = int(request.headers.get("Content-Length") or 0)
    except ValueError:
        return _error(_("The Content-Length header is not a number."), 400)
    too_big = _("The body is too big. Send at most %(count)d bytes.") % {"count": MAX_BODY_BYTES}
    if declared > MAX_BODY_BYTES:
        return _error(too_big, 413)
    body = request.read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        return _error(too_big, 413)

    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return _error(_("The body is not valid JSON."), 400)
    if too_deep(text):
        return _error(
            _("The JSON is nested more than %(count)d levels deep.") % {"count": MAX_DEPTH}, 400
        )
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return _error(_("The body is not valid JSON."), 400)
    if not isinstance(data, dict) or "medications" not in data:
        return _error(_('Send a JSON object with a "medications" list.'), 400)
    return data


def _answer(data: dict) -> JsonResponse:
    medications = data["medications"]
    if not isinstance(medications, list) or not all(isinstance(m, str) for m in medications):
        return _error(_('"medications" must be a list of strings.'), 400)
    if not medications:
        return _error(_('"medications" is empty. Send at least one name.'), 400)
    if len(medications) > MAX_ENTRIES:
        return _error(
            _('"medications" has more than %(count)d names.') % {"count": MAX_ENTRIES}, 400
        )
    if any(len(name) > MAX_LENGTH for name in medications):
        return _error(
            _("Each name must be %(count)d characters or fewer.") % {"count": MAX_LENGTH}, 400
        )
    if any("\x00" in name for name in medications):
        return _error(_("A name contains a NUL character."), 400)
    if any(not name.strip() for name in medications):
        return _error(_("A name is empty."), 400)

    report = engine.check_medicines(entries=medications)
    response = JsonResponse(engine.report_as_json(report))
    response["Content-Language"] = translation.get_language()
    return response

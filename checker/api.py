"""POST /api/check: the checker for other programs, answering DESIGN.md's JSON.

Request:  {"medications": ["Norco 10/325", "ibuprofen"]}   (Content-Type: application/json)
          optional "lang": "en" or "es"; without it, the Accept-Language header chooses
Response: {"results": [...one per medication, in the order sent...], "summary": {...}}
          with the messages in that language (Content-Language says which); the fields,
          slugs and severities are the same in every language.
Errors:   {"error": "..."} with 400 (bad JSON or shape, or nested over 10 deep), 405 (not POST),
          413 (body over 64 kB) or 415 (not JSON, or a file upload).
"""

import json

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
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
    return JsonResponse({"error": message}, status=status, headers=headers)


# Why no CSRF token: this view changes nothing (it reads medicine names and answers; it writes
# no rows, no session, no log), so a forged request gains an attacker nothing, and it accepts
# only an application/json body, which a cross-site HTML form cannot send without a CORS
# preflight that this site never grants. Other programs have no CSRF cookie to send.
@csrf_exempt
@never_cache
def api_check(request):
    if request.method != "POST":
        return _error("Use POST with a JSON body.", 405, Allow="POST")
    if request.content_type != "application/json":
        return _error("Send the body as JSON, with Content-Type: application/json.", 415)
    try:
        declared = int(request.headers.get("Content-Length") or 0)
    except ValueError:
        return _error("The Content-Length header is not a number.", 400)
    if declared > MAX_BODY_BYTES:
        return _error(f"The body is too big. Send at most {MAX_BODY_BYTES} bytes.", 413)
    body = request.read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        return _error(f"The body is too big. Send at most {MAX_BODY_BYTES} bytes.", 413)

    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return _error("The body is not valid JSON.", 400)
    if too_deep(text):
        return _error(f"The JSON is nested more than {MAX_DEPTH} levels deep.", 400)
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return _error("The body is not valid JSON.", 400)
    if not isinstance(data, dict) or "medications" not in data:
        return _error('Send a JSON object with a "medications" list.', 400)
    medications = data["medications"]
    if not isinstance(medications, list) or not all(isinstance(m, str) for m in medications):
        return _error('"medications" must be a list of strings.', 400)
    if not medications:
        return _error('"medications" is empty. Send at least one name.', 400)
    if len(medications) > MAX_ENTRIES:
        return _error(f'"medications" has more than {MAX_ENTRIES} names.', 400)
    if any(len(name) > MAX_LENGTH for name in medications):
        return _error(f"Each name must be {MAX_LENGTH} characters or fewer.", 400)
    if any("\x00" in name for name in medications):
        return _error("A name contains a NUL character.", 400)
    if any(not name.strip() for name in medications):
        return _error("A name is empty.", 400)

    codes = [code for code, _ in settings.LANGUAGES]
    if "lang" in data:
        if data["lang"] not in codes:
            return _error(f'"lang" must be one of: {", ".join(codes)}.', 400)
        language = data["lang"]
    else:
        # The address never says the language here: Accept-Language does (or a language
        # cookie, which this site never sets).
        language = translation.get_language_from_request(request, check_path=False)
        language = language if language in codes else settings.LANGUAGE_CODE

    with translation.override(language):
        report = engine.check_medicines(entries=medications)
        response = JsonResponse(engine.report_as_json(report))
    response["Content-Language"] = language
    return response

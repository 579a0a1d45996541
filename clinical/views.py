"""The clinic's look, served from the site itself (a strict CSP allows no inline style and no
other host): its brand colour as a tiny style sheet, and its logo."""

from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from clinical.models import ClinicSettings

A_YEAR = 365 * 24 * 60 * 60  # the pages ask for them with a version in the address


@require_safe
def clinic_css(request):
    clinic = ClinicSettings.load()
    colour = clinic.brand_colour if ClinicSettings.is_safe_colour(clinic.brand_colour) else ""
    body = f":root {{ --app-brand: {colour}; }}\n" if colour else "/* no clinic colour */\n"
    response = HttpResponse(body, content_type="text/css; charset=utf-8")
    patch_cache_control(response, public=True, max_age=A_YEAR)
    return response


@require_safe
def clinic_logo(request):
    clinic = ClinicSettings.load()
    if not clinic.has_logo:
        raise Http404("No logo.")
    response = HttpResponse(bytes(clinic.logo), content_type=clinic.logo_type)
    patch_cache_control(response, public=True, max_age=A_YEAR)
    return response

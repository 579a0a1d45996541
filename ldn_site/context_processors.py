"""Site-wide template values: the clinic (clinical.ClinicSettings) and its region."""

from django.conf import settings

from clinical import regions


def site(request):
    clinic = getattr(request, "clinic", None)
    if clinic is None:  # a request that did not pass the middleware (a test's RequestFactory)
        from clinical.middleware import _load_clinic

        clinic = _load_clinic()
    region = getattr(request, "region", None) or regions.current(clinic)
    return {
        # The clinic's name from the admin; before staff set one, the server's DJANGO_CLINIC_NAME.
        "CLINIC_NAME": clinic.name.strip() or settings.CLINIC_NAME,
        "clinic": clinic,
        "region": region,
    }

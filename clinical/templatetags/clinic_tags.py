"""For the error pages, which render without the database: the server's region only."""

from django import template
from django.utils import translation

from clinical import regions

register = template.Library()


@register.simple_tag
def server_emergency() -> str:
    """The emergency sentence of the server's region (DJANGO_CLINIC_REGION), in the page's
    language."""
    region = regions.get(regions.server_default())
    return regions.in_language(region, translation.get_language()).emergency

"""For the error pages, which render without the database: the server's region only."""

from django import template

from clinical import regions

register = template.Library()


@register.simple_tag
def server_emergency() -> str:
    """The emergency sentence of the server's region (DJANGO_CLINIC_REGION)."""
    return regions.get(regions.server_default()).emergency

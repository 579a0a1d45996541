"""`manage.py check --deploy` checks about how the site is served."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def client_address_behind_a_proxy(app_configs, **kwargs):
    """With HTTPS on, TLS ends at the clinic's proxy (SECURE_PROXY_SSL_HEADER): every request
    then comes from the proxy's address unless the site is told which header carries the
    client's, and one patient's 30 checks would stop everybody."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and not settings.CLIENT_IP_HEADER:
        return [
            Warning(
                "Requests come through a proxy (DJANGO_HTTPS is on and TLS ends at the proxy), "
                "but DJANGO_CLIENT_IP_HEADER is not set: the rate limit and the admin lockout "
                "would count the proxy, not each person.",
                hint="Set DJANGO_CLIENT_IP_HEADER=X-Real-IP (deploy/nginx/ldn-guide.conf sets "
                "it), or X-Forwarded-For with DJANGO_TRUSTED_PROXY_COUNT, or REMOTE_ADDR if "
                "clients really connect directly.",
                id="serving.W001",
            )
        ]
    return []

"""Health checks for load balancers and monitoring (never cached, never rate limited)."""

from django.urls import path

from serving import views

urlpatterns = [
    path("livez", views.livez, name="livez"),
    path("readyz", views.readyz, name="readyz"),
    path("healthz", views.healthz, name="healthz"),
]

"""Health checks for load balancers and monitoring."""

from django.urls import path

from serving import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
]

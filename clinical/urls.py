from django.urls import path

from clinical import views

urlpatterns = [
    path("clinic.css", views.clinic_css, name="clinic_css"),
    path("clinic-logo", views.clinic_logo, name="clinic_logo"),
]

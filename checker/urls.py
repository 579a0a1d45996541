from django.urls import path

from checker import api, views

app_name = "checker"

urlpatterns = [
    path("check/", views.check, name="check"),
    path("check/names.txt", views.suggestions, name="names"),
    path("api/check", api.api_check, name="api_check"),
]

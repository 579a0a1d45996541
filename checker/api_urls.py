"""The JSON API has one address in every language: it reads the language from the request
(a `lang` field, else Accept-Language), never from the address."""

from django.urls import path

from checker import api

app_name = "checker_api"

urlpatterns = [
    path("api/check", api.api_check, name="api_check"),
]

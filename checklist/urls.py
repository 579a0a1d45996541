from django.urls import path

from checklist import views

app_name = "checklist"

urlpatterns = [
    path("checklist/", views.checklist, name="checklist"),
]

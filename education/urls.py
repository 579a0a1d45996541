from django.urls import path

from education import views

app_name = "education"

urlpatterns = [
    path("", views.home, name="home"),
    path("learn/", views.topic_list, name="topic_list"),
    path("learn/<slug:slug>/", views.topic, name="topic"),
    path("sources/", views.sources, name="sources"),
    path("privacy/", views.privacy, name="privacy"),
]

"""Patient-facing pages rendered from staff-edited content."""

from django.http import Http404
from django.shortcuts import render


def home(request):
    return render(request, "education/home.html")


def topic_list(request):
    return render(request, "education/home.html")


def topic(request, slug):
    raise Http404


def sources(request):
    return render(request, "education/home.html")


def privacy(request):
    return render(request, "education/privacy.html")

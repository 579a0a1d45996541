"""The printable pre-visit checklist."""

from django.shortcuts import render


def checklist(request):
    return render(request, "checklist/checklist.html")

"""Thin views over the checker engine."""

from django.shortcuts import render


def check(request):
    return render(request, "checker/check.html")

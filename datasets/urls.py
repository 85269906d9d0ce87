"""URLs under /boards/<board_slug>/ for this app (included from lscb/urls.py)."""

from django.urls import path  # noqa: F401

app_name = "datasets"

urlpatterns: list = []

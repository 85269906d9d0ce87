"""URLs under /boards/<board_slug>/reports/jtai/ (included from lscb/urls.py)."""

from django.urls import path

from . import views

app_name = "jtai"

PACK = "<uuid:pack_id>/"

urlpatterns = [
    path("", views.index, name="index"),
    path("make/", views.pack_create, name="pack-create"),
    path(PACK, views.pack, name="pack"),
    path(f"{PACK}status/", views.pack_status, name="pack-status"),
    path(f"{PACK}download/<slug:kind>/", views.pack_download, name="pack-download"),
]

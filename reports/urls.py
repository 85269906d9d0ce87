"""URLs under /boards/<board_slug>/reports/ (included from lscb/urls.py)."""

from django.urls import path

from . import views
from .views import glossary

app_name = "reports"

SECTION = "sections/<uuid:section_id>/"
YEAR = "<str:year>/"
VERSION = f"{YEAR}versions/<uuid:version_id>/"
IMAGE = f"{YEAR}images/<uuid:image_id>/"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.report_create, name="report-create"),
    path("glossary/", glossary.glossary, name="glossary"),
    path("glossary/download/", glossary.glossary_export, name="glossary-export"),
    path("glossary/add/", glossary.AcronymFormView.as_view(), name="glossary-add"),
    path("glossary/import/", glossary.glossary_upload, name="glossary-import"),
    path("glossary/import/check/", glossary.glossary_import_check, name="glossary-import-check"),
    path("glossary/<uuid:pk>/", glossary.AcronymFormView.as_view(), name="glossary-edit"),
    path(
        "glossary/<uuid:pk>/remove/", glossary.AcronymDeleteView.as_view(), name="glossary-remove"
    ),
    path("templates/", views.template_list, name="templates"),
    path(
        "templates/built-in/<slug:key>/copy/",
        views.template_copy_builtin,
        name="template-copy-builtin",
    ),
    path("templates/import/", views.template_import, name="template-import"),
    path("templates/<uuid:template_id>/", views.template_detail, name="template"),
    path("templates/<uuid:template_id>/settings/", views.template_edit, name="template-edit"),
    path("templates/<uuid:template_id>/file/", views.template_export, name="template-export"),
    path("templates/<uuid:template_id>/copy/", views.template_copy, name="template-copy"),
    path(
        "templates/<uuid:template_id>/add-section/", views.section_add, name="template-section-add"
    ),
    path(SECTION, views.section_edit, name="section-edit"),
    path(f"{SECTION}move/", views.section_move, name="section-move"),
    path(f"{SECTION}remove/", views.section_remove, name="section-remove"),
    path(f"{SECTION}write/", views.section_write, name="section-write"),
    path(f"{SECTION}preview/", views.section_preview, name="section-preview"),
    path(YEAR, views.report_detail, name="report"),
    path(f"{YEAR}add-section/", views.section_add, name="report-section-add"),
    path(f"{YEAR}state/", views.report_state, name="report-state"),
    path(f"{YEAR}title/", views.report_titles, name="report-title"),
    path(f"{YEAR}approve/", views.report_approve, name="report-approve"),
    path(f"{YEAR}publish/", views.report_publish, name="report-publish"),
    path(f"{YEAR}checks/", views.checks, name="checks"),
    path(f"{YEAR}sign-off/", views.sign_off, name="yearly-sign-off"),
    path(f"{YEAR}scrutiny/", views.scrutiny, name="yearly-scrutiny"),
    path(f"{YEAR}send-on/", views.send_on, name="yearly-send-on"),
    path(f"{YEAR}render/", views.render_request, name="render"),
    path(f"{YEAR}cover/", views.cover_edit, name="cover"),
    path(f"{YEAR}published/", views.published, name="published"),
    path(f"{YEAR}images/", views.image_list, name="images"),
    path(f"{YEAR}images/add/", views.image_add, name="image-add"),
    path(IMAGE, views.image, name="image"),
    path(f"{IMAGE}remove/", views.image_remove, name="image-remove"),
    path(VERSION, views.version, name="version"),
    path(f"{VERSION}status/", views.version_status, name="version-status"),
    path(f"{VERSION}download/", views.version_download, name="version-download"),
    path(f"{VERSION}try-again/", views.version_try_again, name="version-try-again"),
]

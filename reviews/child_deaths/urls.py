"""URLs of the Child Death Overview Panel, under /boards/<board_slug>/reviews/cdop/."""

from django.urls import path

from .views import cases, localities, register, register_export, statistics

app_name = "child_deaths"

CASE = "cdop/cases/<uuid:case_id>/"

urlpatterns = [
    path("cdop/cases/", cases.case_list, name="cdop-case-list"),
    path("cdop/cases/new/", cases.case_create, name="cdop-case-create"),
    path("cdop/cases/export/", register_export.case_export, name="cdop-case-export"),
    path(CASE, cases.case_detail, name="cdop-case-detail"),
    path(f"{CASE}edit/", cases.case_edit, name="cdop-case-edit"),
    path(f"{CASE}analysis/", cases.case_analysis, name="cdop-case-analysis"),
    path(f"{CASE}forms/new/", cases.agency_form_request, name="cdop-form-request"),
    path(f"{CASE}forms/<uuid:form_id>/", cases.agency_form_update, name="cdop-form-update"),
    path(
        f"{CASE}recommendations/new/",
        cases.recommendation_create,
        name="cdop-recommendation-create",
    ),
    path(f"{CASE}close/", cases.case_close, name="cdop-case-close"),
    path(f"{CASE}remove/", cases.case_remove, name="cdop-case-remove"),
    path("cdop/register/", register.register_upload, name="cdop-register-import"),
    path("cdop/register/<uuid:pk>/", register.register_preview, name="cdop-register-preview"),
    path("cdop/statistics/", statistics.statistics, name="cdop-statistics"),
    path("cdop/export/<str:year>/", statistics.export, name="cdop-export"),
    path("cdop/settings/", statistics.panel_settings, name="cdop-settings"),
    path("cdop/localities/", localities.locality_list, name="cdop-localities"),
]

"""URLs under /boards/<board_slug>/reviews/ (included from lscb/urls.py). The Child Death
Overview Panel lives under cdop/; serious case and learning reviews beside it under
case-reviews/ (urls_scr.py); audits under audits/
(urls_audits.py); Section 11 self-assessments under section-11/ (urls_section11.py);
inspections under inspections/ (urls_inspections.py)."""

from django.urls import path

from . import urls_audits, urls_inspections, urls_scr, urls_section11
from .views import cdop, cdop_localities, cdop_statistics, retention

app_name = "reviews"

CASE = "cdop/cases/<uuid:case_id>/"

urlpatterns = [
    path("cdop/cases/", cdop.case_list, name="cdop-case-list"),
    path("cdop/cases/new/", cdop.case_create, name="cdop-case-create"),
    path(CASE, cdop.case_detail, name="cdop-case-detail"),
    path(f"{CASE}edit/", cdop.case_edit, name="cdop-case-edit"),
    path(f"{CASE}analysis/", cdop.case_analysis, name="cdop-case-analysis"),
    path(f"{CASE}forms/new/", cdop.agency_form_request, name="cdop-form-request"),
    path(f"{CASE}forms/<uuid:form_id>/", cdop.agency_form_update, name="cdop-form-update"),
    path(
        f"{CASE}recommendations/new/",
        cdop.recommendation_create,
        name="cdop-recommendation-create",
    ),
    path(f"{CASE}close/", cdop.case_close, name="cdop-case-close"),
    path("cdop/statistics/", cdop_statistics.statistics, name="cdop-statistics"),
    path("cdop/export/<str:year>/", cdop_statistics.export, name="cdop-export"),
    path("cdop/settings/", cdop_statistics.panel_settings, name="cdop-settings"),
    path("cdop/localities/", cdop_localities.locality_list, name="cdop-localities"),
    path("retention/", retention.report, name="retention-report"),
    path("retention/settings/", retention.retention_settings, name="retention-settings"),
]
urlpatterns += urls_scr.urlpatterns
urlpatterns += urls_audits.urlpatterns
urlpatterns += urls_section11.urlpatterns
urlpatterns += urls_inspections.urlpatterns

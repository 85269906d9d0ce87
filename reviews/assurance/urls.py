"""URLs of assurance, under /boards/<board_slug>/reviews/: audits under audits/, Section 11
self-assessments under section-11/, inspections under inspections/."""

from django.urls import path

from .views import audits, inspections, section11

app_name = "assurance"

AUDITS = "audits/"
AUDIT = f"{AUDITS}<uuid:audit_id>/"

audit_urls = [
    path(AUDITS, audits.audit_list, name="audit-list"),
    path(f"{AUDITS}rating-scale/", audits.rating_scale, name="audit-rating-scale"),
    path(f"{AUDITS}rating-scale/new/", audits.rating_level_add, name="audit-rating-add"),
    path(
        f"{AUDITS}rating-scale/<uuid:level_id>/", audits.rating_level_edit, name="audit-rating-edit"
    ),
    path(f"{AUDITS}new/", audits.audit_create, name="audit-create"),
    path(AUDIT, audits.audit_detail, name="audit-detail"),
    path(f"{AUDIT}edit/", audits.audit_edit, name="audit-edit"),
    path(f"{AUDIT}findings/new/", audits.finding_add, name="audit-finding-add"),
    path(
        f"{AUDIT}recommendations/new/", audits.recommendation_add, name="audit-recommendation-add"
    ),
]

SECTION_11 = "section-11/"
CYCLE = f"{SECTION_11}cycles/<uuid:cycle_id>/"
RETURN = f"{SECTION_11}returns/<uuid:return_id>/"
STANDARD = f"{SECTION_11}standards/<uuid:standard_id>/"

section11_urls = [
    path(SECTION_11, section11.cycle_list, name="section11-cycle-list"),
    path(f"{SECTION_11}cycles/new/", section11.cycle_create, name="section11-cycle-create"),
    path(CYCLE, section11.cycle_detail, name="section11-cycle-detail"),
    path(f"{CYCLE}edit/", section11.cycle_edit, name="section11-cycle-edit"),
    path(f"{CYCLE}returns/new/", section11.return_create, name="section11-return-create"),
    path(RETURN, section11.return_detail, name="section11-return-detail"),
    path(f"{RETURN}edit/", section11.return_edit, name="section11-return-edit"),
    path(f"{RETURN}moderation/", section11.return_moderate, name="section11-return-moderate"),
    path(f"{RETURN}actions/new/", section11.action_add, name="section11-action-add"),
    path(f"{SECTION_11}standards/", section11.standard_list, name="section11-standard-list"),
    path(f"{SECTION_11}standards/new/", section11.standard_add, name="section11-standard-add"),
    path(f"{STANDARD}edit/", section11.standard_edit, name="section11-standard-edit"),
    path(f"{STANDARD}retire/", section11.standard_retire, name="section11-standard-retire"),
]

INSPECTIONS = "inspections/"
INSPECTION = f"{INSPECTIONS}<uuid:inspection_id>/"

inspection_urls = [
    path(INSPECTIONS, inspections.inspection_list, name="inspection-list"),
    path(f"{INSPECTIONS}new/", inspections.inspection_create, name="inspection-create"),
    path(INSPECTION, inspections.inspection_detail, name="inspection-detail"),
    path(f"{INSPECTION}edit/", inspections.inspection_edit, name="inspection-edit"),
    path(
        f"{INSPECTION}judgements/",
        inspections.inspection_judgements,
        name="inspection-judgements",
    ),
    path(
        f"{INSPECTION}recommendations/new/",
        inspections.recommendation_add,
        name="inspection-recommendation-add",
    ),
    path(f"{INSPECTION}delete/", inspections.inspection_delete, name="inspection-delete"),
]

urlpatterns = audit_urls + section11_urls + inspection_urls

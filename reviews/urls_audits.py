"""URLs of audits, under /boards/<board_slug>/reviews/audits/."""

from django.urls import path

from .views import audits

ROOT = "audits/"
AUDIT = f"{ROOT}<uuid:audit_id>/"

urlpatterns = [
    path(ROOT, audits.audit_list, name="audit-list"),
    path(f"{ROOT}rating-scale/", audits.rating_scale, name="audit-rating-scale"),
    path(f"{ROOT}rating-scale/new/", audits.rating_level_add, name="audit-rating-add"),
    path(
        f"{ROOT}rating-scale/<uuid:level_id>/", audits.rating_level_edit, name="audit-rating-edit"
    ),
    path(f"{ROOT}new/", audits.audit_create, name="audit-create"),
    path(AUDIT, audits.audit_detail, name="audit-detail"),
    path(f"{AUDIT}edit/", audits.audit_edit, name="audit-edit"),
    path(f"{AUDIT}findings/new/", audits.finding_add, name="audit-finding-add"),
    path(
        f"{AUDIT}recommendations/new/", audits.recommendation_add, name="audit-recommendation-add"
    ),
]

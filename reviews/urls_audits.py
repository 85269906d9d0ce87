"""URLs of audits, under /boards/<board_slug>/reviews/audits/."""

from django.urls import path

from .views import audits

ROOT = "audits/"
AUDIT = f"{ROOT}<uuid:audit_id>/"

urlpatterns = [
    path(ROOT, audits.audit_list, name="audit-list"),
    path(f"{ROOT}new/", audits.audit_create, name="audit-create"),
    path(AUDIT, audits.audit_detail, name="audit-detail"),
    path(f"{AUDIT}edit/", audits.audit_edit, name="audit-edit"),
    path(f"{AUDIT}findings/new/", audits.finding_add, name="audit-finding-add"),
    path(
        f"{AUDIT}recommendations/new/", audits.recommendation_add, name="audit-recommendation-add"
    ),
]

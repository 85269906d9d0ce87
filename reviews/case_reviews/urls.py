"""URLs of the case review register, under /boards/<board_slug>/reviews/case-reviews/, and
of the retention report and settings, under /boards/<board_slug>/reviews/retention/, and of
serious incidents and national reviews, under /boards/<board_slug>/reviews/serious-incidents/
and .../reviews/national-reviews/."""

from django.urls import path

from .views import actions as scr_actions
from .views import corrections as scr_corrections
from .views import incidents, national, retention
from .views import learning as scr_learning
from .views import reviews as scr

app_name = "case_reviews"

ROOT = "case-reviews/"
REVIEW = f"{ROOT}<uuid:review_id>/"
APPOINTMENT = f"{REVIEW}appointments/<uuid:appointment_id>/"
PANEL_MEMBER = f"{REVIEW}panel/<uuid:member_id>/"
LESSON = f"{REVIEW}lessons/<uuid:lesson_id>/"
DISSEMINATION = f"{ROOT}dissemination/<uuid:dissemination_id>/"
INCIDENTS = "serious-incidents/"
INCIDENT = f"{INCIDENTS}<uuid:incident_id>/"
NATIONAL = "national-reviews/"

urlpatterns = [
    path(ROOT, scr.register, name="scr-register"),
    path(f"{ROOT}new/", scr.review_create, name="scr-review-create"),
    path(f"{ROOT}settings/", scr.review_settings, name="scr-settings"),
    path(f"{ROOT}dashboard/", scr_actions.dashboard, name="scr-dashboard"),
    path(f"{ROOT}action-plans/", scr_actions.action_plans, name="scr-action-plans"),
    path(f"{ROOT}action-plans/<uuid:agency_id>/", scr_actions.action_plan, name="scr-action-plan"),
    path(
        f"{ROOT}actions/<uuid:action_id>/progress/",
        scr_actions.action_progress,
        name="scr-action-progress",
    ),
    path(
        f"{ROOT}actions/<uuid:action_id>/sign-off/",
        scr_actions.action_sign_off,
        name="scr-action-sign-off",
    ),
    path(f"{ROOT}themes/", scr_learning.themes, name="scr-themes"),
    path(f"{ROOT}themes/edit/", scr_learning.themes_edit, name="scr-themes-edit"),
    path(f"{ROOT}dissemination/", scr_learning.disseminations, name="scr-disseminations"),
    path(f"{ROOT}dissemination/new/", scr_learning.dissemination_add, name="scr-dissemination-add"),
    path(DISSEMINATION, scr_corrections.dissemination_edit, name="scr-dissemination-edit"),
    path(
        f"{DISSEMINATION}delete/",
        scr_corrections.dissemination_delete,
        name="scr-dissemination-delete",
    ),
    path(f"{ROOT}published/", scr_learning.published, name="scr-published"),
    path(REVIEW, scr.review_detail, name="scr-review-detail"),
    path(f"{REVIEW}edit/", scr.review_edit, name="scr-review-edit"),
    path(f"{REVIEW}decision/", scr.review_decision, name="scr-review-decision"),
    path(f"{REVIEW}appointments/new/", scr.appointment_add, name="scr-appointment-add"),
    path(f"{REVIEW}panel/new/", scr.panel_member_add, name="scr-panel-member-add"),
    path(APPOINTMENT, scr_corrections.appointment_edit, name="scr-appointment-edit"),
    path(
        f"{APPOINTMENT}delete/",
        scr_corrections.appointment_delete,
        name="scr-appointment-delete",
    ),
    path(PANEL_MEMBER, scr_corrections.panel_member_edit, name="scr-panel-member-edit"),
    path(
        f"{PANEL_MEMBER}delete/",
        scr_corrections.panel_member_delete,
        name="scr-panel-member-delete",
    ),
    path(f"{REVIEW}milestones/new/", scr.milestone_add, name="scr-milestone-add"),
    path(f"{REVIEW}milestones/<uuid:milestone_id>/", scr.milestone_edit, name="scr-milestone-edit"),
    path(
        f"{REVIEW}recommendations/new/",
        scr_actions.recommendation_create,
        name="scr-recommendation-create",
    ),
    path(
        f"{REVIEW}recommendations/<uuid:recommendation_id>/actions/new/",
        scr_actions.action_add,
        name="scr-action-add",
    ),
    path(f"{REVIEW}lessons/new/", scr_learning.lesson_add, name="scr-lesson-add"),
    path(LESSON, scr_corrections.lesson_edit, name="scr-lesson-edit"),
    path(f"{LESSON}delete/", scr_corrections.lesson_delete, name="scr-lesson-delete"),
    path(f"{REVIEW}documents/new/", scr_learning.document_upload, name="scr-document-upload"),
    path(
        f"{REVIEW}documents/<uuid:document_id>/",
        scr_learning.document_download,
        name="scr-document-download",
    ),
    path(f"{REVIEW}executive-summary.pdf", scr_learning.summary_pdf, name="scr-summary-pdf"),
    path(INCIDENTS, incidents.incident_list, name="incident-list"),
    path(f"{INCIDENTS}new/", incidents.incident_create, name="incident-create"),
    path(f"{INCIDENTS}export/", incidents.incident_export, name="incident-export"),
    path(INCIDENT, incidents.incident_detail, name="incident-detail"),
    path(f"{INCIDENT}edit/", incidents.incident_edit, name="incident-edit"),
    path(f"{INCIDENT}rapid-review/", incidents.rapid_review_edit, name="incident-rapid-review"),
    path(f"{INCIDENT}decision/", incidents.rapid_review_decision, name="incident-decision"),
    path(f"{INCIDENT}summaries/new/", incidents.summary_request, name="incident-summary-request"),
    path(
        f"{INCIDENT}summaries/<uuid:summary_id>/",
        incidents.summary_edit,
        name="incident-summary-edit",
    ),
    path(NATIONAL, national.national_review_list, name="national-review-list"),
    path(f"{NATIONAL}new/", national.national_review_create, name="national-review-create"),
    path(
        f"{NATIONAL}<uuid:review_id>/",
        national.national_review_detail,
        name="national-review-detail",
    ),
    path(
        f"{NATIONAL}<uuid:review_id>/recommendations/new/",
        national.national_recommendation_add,
        name="national-recommendation-add",
    ),
    path("retention/", retention.report, name="retention-report"),
    path("retention/settings/", retention.retention_settings, name="retention-settings"),
]

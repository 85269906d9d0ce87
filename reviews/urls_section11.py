"""URLs of Section 11 self-assessments, under /boards/<board_slug>/reviews/section-11/."""

from django.urls import path

from .views import section11 as views

ROOT = "section-11/"
CYCLE = f"{ROOT}cycles/<uuid:cycle_id>/"
RETURN = f"{ROOT}returns/<uuid:return_id>/"
STANDARD = f"{ROOT}standards/<uuid:standard_id>/"

urlpatterns = [
    path(ROOT, views.cycle_list, name="section11-cycle-list"),
    path(f"{ROOT}cycles/new/", views.cycle_create, name="section11-cycle-create"),
    path(CYCLE, views.cycle_detail, name="section11-cycle-detail"),
    path(f"{CYCLE}edit/", views.cycle_edit, name="section11-cycle-edit"),
    path(f"{CYCLE}returns/new/", views.return_create, name="section11-return-create"),
    path(RETURN, views.return_detail, name="section11-return-detail"),
    path(f"{RETURN}edit/", views.return_edit, name="section11-return-edit"),
    path(f"{RETURN}moderation/", views.return_moderate, name="section11-return-moderate"),
    path(f"{RETURN}actions/new/", views.action_add, name="section11-action-add"),
    path(f"{ROOT}standards/", views.standard_list, name="section11-standard-list"),
    path(f"{ROOT}standards/new/", views.standard_add, name="section11-standard-add"),
    path(f"{STANDARD}edit/", views.standard_edit, name="section11-standard-edit"),
    path(f"{STANDARD}retire/", views.standard_retire, name="section11-standard-retire"),
]

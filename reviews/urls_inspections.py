"""URLs of inspections, under /boards/<board_slug>/reviews/inspections/."""

from django.urls import path

from .views import inspections

ROOT = "inspections/"
INSPECTION = f"{ROOT}<uuid:inspection_id>/"

urlpatterns = [
    path(ROOT, inspections.inspection_list, name="inspection-list"),
    path(f"{ROOT}new/", inspections.inspection_create, name="inspection-create"),
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

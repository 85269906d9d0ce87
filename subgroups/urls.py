"""URLs under /boards/<board_slug>/subgroups/ (included from lscb/urls.py)."""

from django.urls import path

from .views import exports, groups, returns, spreadsheets, templates

app_name = "subgroups"

GROUP = "<uuid:subgroup_id>/"
RETURN = f"{GROUP}returns/<str:quarter>/"

urlpatterns = [
    path("", groups.subgroup_list, name="subgroup-list"),
    path("new/", groups.subgroup_create, name="subgroup-create"),
    path("settings/", groups.returns_settings, name="settings"),
    path("my-returns/", returns.my_returns, name="my-returns"),
    path("completeness/", returns.completeness, name="completeness"),
    path("completeness/export/", exports.completeness_export, name="completeness-export"),
    path(GROUP, groups.subgroup_detail, name="subgroup-detail"),
    path(f"{GROUP}edit/", groups.subgroup_edit, name="subgroup-edit"),
    path(f"{GROUP}seats/new/", groups.seat_add, name="seat-add"),
    path(f"{GROUP}seats/<uuid:seat_id>/end/", groups.seat_end, name="seat-end"),
    path(f"{GROUP}questions/new/", templates.question_add, name="question-add"),
    path(f"{GROUP}questions/<uuid:question_id>/", templates.question_edit, name="question-edit"),
    path(
        f"{GROUP}questions/<uuid:question_id>/remove/",
        templates.question_delete,
        name="question-delete",
    ),
    path(f"{GROUP}indicators/new/", templates.indicator_add, name="indicator-add"),
    path(
        f"{GROUP}indicators/<uuid:row_id>/remove/",
        templates.indicator_remove,
        name="indicator-remove",
    ),
    path(RETURN, returns.return_detail, name="return-detail"),
    path(f"{RETURN}edit/", returns.return_edit, name="return-edit"),
    path(f"{RETURN}approve/", returns.return_approve, name="return-approve"),
    path(f"{RETURN}send-back/", returns.return_send_back, name="return-send-back"),
    path(f"{RETURN}unlock/", returns.return_unlock, name="return-unlock"),
    path(f"{RETURN}spreadsheet/", spreadsheets.return_download, name="return-download"),
    path(f"{RETURN}upload/", spreadsheets.return_upload, name="return-upload"),
]

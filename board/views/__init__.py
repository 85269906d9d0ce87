from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ..access import board_view
from ..models import ALL_ROLES
from ..selectors import role_assignments_for_user


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The boards the signed-in user can open, with their roles on each."""
    boards: dict = {}
    for assignment in role_assignments_for_user(request.user):
        boards.setdefault(assignment.board, []).append(assignment.get_role_display())
    return render(request, "board/home.html", {"boards": boards})


@board_view(*ALL_ROLES)
def board_detail(request: HttpRequest) -> HttpResponse:
    """A board's landing page; later features add their sections here."""
    board = request.board
    context = {
        "agencies": board.agencies.all(),
        "subgroups": board.subgroups.select_related("parent").all(),
        "roles": sorted(role.label for role in request.board_access.roles),
    }
    return render(request, "board/detail.html", context)

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from core.links import board_url

from .. import navigation, waiting
from ..access import board_view
from ..models import ALL_ROLES
from ..selectors import role_assignments_for_user
from ..selectors.meetings import next_meeting


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The boards the signed-in user can open, with their roles on each. Signing in lands
    here; a person with one board has nothing to choose and goes straight to its home."""
    boards: dict = {}
    for assignment in role_assignments_for_user(request.user):
        boards.setdefault(assignment.board, []).append(assignment.get_role_display())
    if len(boards) == 1:
        return redirect(board_url(next(iter(boards)), "board-detail"))
    if not boards and request.user.is_host_admin:
        return redirect("host-boards")  # a host administrator's work is the boards page
    return render(request, "board/home.html", {"boards": boards})


@board_view(*ALL_ROLES)
def board_detail(request: HttpRequest) -> HttpResponse:
    """A board's home: what waits for this person (each app's cards, board/waiting.py) and
    the next meeting with its papers; below, what they can open in each section of the
    service, the board's partners and its sub-groups."""
    board = request.board
    today = timezone.localdate()
    context = {
        "cards": waiting.cards_for(request.board_access, today),
        "next_meeting": next_meeting(board, today),
        "agencies": board.agencies.all(),
        "subgroups": board.subgroups.select_related("parent").all(),
        "roles": sorted(role.label for role in request.board_access.roles),
        "sections": _sections_with_items(request.board_access),
    }
    return render(request, "board/detail.html", context)


@board_view(*ALL_ROLES)
def board_section(request: HttpRequest, section: str) -> HttpResponse:
    """One section of the service: the pages in it this person may open. A section they
    can open nothing in does not exist for them."""
    items = navigation.section_items(request.board_access, section)
    if section not in navigation.SECTIONS or not items:
        raise Http404("No such section")
    context = {"section": navigation.section_for(request.board, section), "items": items}
    return render(request, "board/section.html", context)


def _sections_with_items(access) -> list[tuple]:
    sections = sorted(navigation.SECTIONS.values(), key=lambda section: section.order)
    sections = [navigation.section_for(access.board, section.key) for section in sections]
    with_items = [(section, navigation.section_items(access, section.key)) for section in sections]
    return [(section, items) for section, items in with_items if items]

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from board.models import Role
from core.links import board_url
from core.periods import Quarter

from ..models import SubGroup
from ..selectors import RETURN_READERS
from ..services.deadlines import quarter_from_slug, quarter_slug
from ..services.returns import is_chair_or_deputy

MANAGER = (Role.BOARD_MANAGER,)
READERS = tuple(RETURN_READERS)


def subgroup_of(request: HttpRequest, subgroup_id) -> SubGroup:
    return get_object_or_404(SubGroup, board=request.board, pk=subgroup_id)


def quarter_of(text: str) -> Quarter:
    try:
        return quarter_from_slug(text)
    except ValueError:
        raise Http404("No such quarter") from None


def require_chair(request: HttpRequest, subgroup: SubGroup) -> None:
    if not is_chair_or_deputy(request.user, subgroup):
        raise PermissionDenied("Only the sub-group's chair or deputy can do this")


def subgroup_url(request: HttpRequest, subgroup: SubGroup) -> str:
    return board_url(request, "subgroups:subgroup-detail", subgroup_id=subgroup.pk)


def return_url(request: HttpRequest, subgroup: SubGroup, quarter: Quarter, name="return-detail"):
    return board_url(
        request, f"subgroups:{name}", subgroup_id=subgroup.pk, quarter=quarter_slug(quarter)
    )

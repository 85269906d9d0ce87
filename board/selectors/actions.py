from datetime import date

from django.db.models import QuerySet

from ..models import Action, ActionStatus, Board


def actions(board: Board) -> QuerySet[Action]:
    return Action.objects.filter(board=board).select_related(
        "owner_agency", "owner_person", "source_content_type", "carried_over_to"
    )


def actions_filtered(board: Board, *, status: str = "", overdue_on: date | None = None):
    qs = actions(board)
    if status in ActionStatus.values:
        qs = qs.filter(status=status)
    if overdue_on is not None:
        qs = qs.overdue(overdue_on)
    return qs


def action_detail(board: Board) -> QuerySet[Action]:
    return actions(board).select_related("signed_off_by", "created_by", "carried_over_from")


def actions_for_source(source) -> QuerySet[Action]:
    """The actions another app attached to one of its records."""
    return (
        Action.objects.for_source(source)
        .filter(board_id=source.board_id)
        .select_related("owner_agency", "owner_person")
    )

from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet

from ..models import Action, ActionStatus, Board, User

# "Due soon" on the home page and in the tracker's filter: due within two weeks, the
# fortnight between most boards' executive and board meetings.
DUE_SOON_DAYS = 14


def actions(board: Board) -> QuerySet[Action]:
    return Action.objects.filter(board=board).select_related(
        "owner_agency", "owner_person", "source_content_type", "carried_over_to"
    )


def actions_filtered(
    board: Board,
    *,
    status: str = "",
    overdue_on: date | None = None,
    due_soon_on: date | None = None,
    owned_by: User | None = None,
):
    qs = actions(board)
    if status in ActionStatus.values:
        qs = qs.filter(status=status)
    if overdue_on is not None:
        qs = qs.overdue(overdue_on)
    if due_soon_on is not None:
        qs = qs.open().filter(_due_soon(due_soon_on))
    if owned_by is not None:
        qs = qs.filter(owner_person__user=owned_by)
    return qs


def _due_soon(today: date) -> Q:
    return Q(due_date__gte=today, due_date__lte=today + timedelta(days=DUE_SOON_DAYS))


def own_action_counts(board: Board, user: User, today: date) -> dict[str, int]:
    """How many of this person's open actions are overdue and due soon: one query."""
    return (
        Action.objects.filter(board=board, owner_person__user=user)
        .open()
        .aggregate(
            overdue=Count("pk", filter=Q(due_date__lt=today)),
            due_soon=Count("pk", filter=_due_soon(today)),
        )
    )


def action_detail(board: Board) -> QuerySet[Action]:
    return actions(board).select_related("signed_off_by", "created_by", "carried_over_from")


def actions_for_source(source) -> QuerySet[Action]:
    """The actions another app attached to one of its records."""
    return (
        Action.objects.for_source(source)
        .filter(board_id=source.board_id)
        .select_related("owner_agency", "owner_person")
    )

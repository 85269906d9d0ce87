"""Quarterly returns on the statutory calendar (board/statutory.py): one clock for each
sub-group and quarter asked for, due N working days after the quarter ends (the board's
ReturnsSettings, registered as a timescale pointing at it), stopped when the return was
first submitted. The sub-group's chairs and deputies hold it."""

from datetime import date

from django.utils import timezone

from board import statutory, timescales
from board.clock_status import status_of
from board.models import Board, Role
from board.statutory import StatutoryClock
from board.timescales import WORKING_DAYS
from core.links import board_url
from core.periods import FinancialYear

from .models import QuarterlyReturn, SubGroup, SubGroupMembership
from .services.deadlines import due_date, quarter_slug

ROLES = frozenset({Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR, Role.SUBGROUP_CHAIR})
DUE_KEY = "subgroups.return_due"
SOURCE = "Local: the board's reporting calendar"


def quarters_asked(today: date):
    """Last financial year's quarters and this year's begun by today."""
    year = FinancialYear.containing(today)
    return [q for y in (year.previous(), year) for q in y.quarters if q.start <= today]


def return_clocks(board: Board, today: date):
    """Four queries however many sub-groups and returns: the timescales, the sub-groups,
    the returns and the chairs' seats."""
    values = timescales.values_for(board)
    days, warn = values[DUE_KEY], values["board.warning_days"]
    quarters = quarters_asked(today)
    groups = list(SubGroup.objects.filter(board=board).order_by("name"))
    submitted = {
        (r.subgroup_id, r.period_start): r.first_submitted_at
        for r in QuarterlyReturn.objects.filter(
            board=board, period_start__gte=quarters[0].start
        ).only("subgroup_id", "period_start", "first_submitted_at")
    }
    chairs: dict = {}
    seats = (
        SubGroupMembership.objects.current_on(today)
        .chairs()
        .filter(board=board, person__user__isnull=False)
    )
    for subgroup_id, user_id in seats.values_list("subgroup_id", "person__user_id"):
        chairs.setdefault(subgroup_id, set()).add(user_id)
    for group in groups:
        for quarter in quarters:
            due = due_date(quarter, days)
            at = submitted.get((group.pk, quarter.start))
            stopped = timezone.localdate(at) if at else None
            yield StatutoryClock(
                uid=f"return-{group.pk}-{quarter.start:%Y%m}",
                kind="return",
                kind_label="Quarterly return",
                subject=f"{group.name}, {quarter}",
                start=quarter.end,
                due=due,
                stopped_on=stopped,
                status=status_of(due, stopped, today, warn),
                rule=f"{timescales.get(DUE_KEY).describe(days)} after the quarter ends",
                source=SOURCE,
                href=board_url(
                    board,
                    "subgroups:return-detail",
                    subgroup_id=group.pk,
                    quarter=quarter_slug(quarter),
                ),  # fmt: skip
                holder_ids=frozenset(chairs.get(group.pk, ())),
            )


def register() -> None:
    timescales.register(
        DUE_KEY,
        "Quarterly return due (after the quarter ends)",
        unit=WORKING_DAYS,
        source=SOURCE,
        stored_in=("subgroups.ReturnsSettings", "due_working_days"),
        order=60,
    )
    # The chairs are reminded by this app's own ReturnReminder (services/reminders.py):
    # the calendar's escalation tells only the manager and chair once a return is overdue.
    statutory.register(
        "return", "Quarterly return", return_clocks, roles=ROLES, holders=[],
        warn_holders=False, order=60,
    )  # fmt: skip

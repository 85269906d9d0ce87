"""Return due dates for the board's calendar (board/calendar_sources.py): one date a
quarter, for those who write or approve returns."""

from datetime import date

from board.access import BoardAccess
from board.calendar_sources import CalendarEvent
from board.models import Board, Role
from core.links import board_url
from core.periods import FinancialYear

from .services.deadlines import due_date
from .services.groups import returns_settings

ROLES = frozenset({Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR, Role.SUBGROUP_CHAIR})


def return_due_dates(board: Board, access: BoardAccess, start: date, end: date):
    working_days = returns_settings(board).due_working_days
    page = (
        "subgroups:completeness"
        if access.has_any([Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR])
        else "subgroups:my-returns"
    )
    year = FinancialYear.containing(start).previous()  # a quarter ends before its due date
    while year.start <= end:
        for quarter in year.quarters:
            due = due_date(quarter, working_days)
            if start <= due <= end:
                yield CalendarEvent(
                    uid=f"returns-due-{board.pk}-{quarter.start:%Y%m}",
                    day=due,
                    title=f"Quarterly returns due ({quarter})",
                    href=board_url(board, page),
                )
        year = year.next()

"""Agency form due dates for the board's calendar (board/calendar_sources.py), for the
panel only. The title says only that a form is due: no case number, no details."""

from datetime import date, timedelta

from board.access import BoardAccess
from board.calendar_sources import CalendarEvent
from board.models import Board
from core.links import board_url

from .models import AgencyForm
from .services.cases import cdop_settings


def agency_form_due_dates(board: Board, access: BoardAccess, start: date, end: date):
    days = timedelta(days=cdop_settings(board=board).form_due_days)
    waiting = AgencyForm.objects.filter(
        board=board,
        received_on=None,
        case__closed_on=None,
        requested_on__range=(start - days, end - days),
    )
    for form in waiting.only("pk", "requested_on", "case_id"):
        yield CalendarEvent(
            uid=f"cdop-form-{form.pk}",
            day=form.requested_on + days,
            title="CDOP agency form due",
            href=board_url(board, "child_deaths:cdop-case-detail", case_id=form.case_id),
        )

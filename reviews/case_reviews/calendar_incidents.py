"""Serious incidents' deadlines for the board's calendar (board/calendar_sources.py), for
those who read the reviews: only clocks still running, titled by the clock alone (never
the incident's reference). A practice review's own deadlines are the review register's
(calendar.py), so none is shown twice."""

from datetime import date

from django.utils import timezone

from board.access import BoardAccess
from board.calendar_sources import CalendarEvent
from board.models import Board
from core.links import board_url

from .selectors import incidents as selectors
from .services.reviews import scr_settings


def incident_deadlines(board: Board, access: BoardAccess, start: date, end: date):
    settings = scr_settings(board=board)
    today = timezone.localdate()
    incidents = selectors.incidents_for_clocks(board=board)
    for row in selectors.incident_rows(incidents, settings, today, with_review=False):
        for clock in row.running:
            if start <= clock.deadline <= end:
                yield CalendarEvent(
                    uid=f"incident-clock-{row.incident.pk}-{clock.key}",
                    day=clock.deadline,
                    title=f"Serious incident deadline: {clock.label}",
                    href=board_url(
                        board, "case_reviews:incident-detail", incident_id=row.incident.pk
                    ),
                )
